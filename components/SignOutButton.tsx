"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("header");
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="rounded border border-white/40 px-3 py-1 text-sm text-white hover:bg-white/10"
    >
      {t("signOut")}
    </button>
  );
}
