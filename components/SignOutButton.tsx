"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { requestLeave } from "@/components/ui/LeaveGuard";

export function SignOutButton() {
  const t = useTranslations("header");
  const router = useRouter();
  return (
    <button
      type="button"
      onClick={() =>
        // Unsaved work in an editor of the page asks first (LeaveGuard).
        requestLeave(async () => {
          // No redirect by next-auth: it would build the URL from NEXTAUTH_URL, not from this host.
          await signOut({ redirect: false });
          router.replace("/login");
          router.refresh();
        })
      }
      className="rounded border border-white/40 px-3 py-1 text-sm text-white hover:bg-white/10"
    >
      {t("signOut")}
    </button>
  );
}
