"use client";
// The account search (a GET form: the URL says what is shown, so it can be shared and reloaded).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ROLE_OPTIONS, inputClass } from "./user-fields";
import { buttonClass } from "@/components/ui/Button";

export function UserSearchForm({ action, q, role }: { action: string; q: string; role: string }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={t("searchLabel")}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="user-search"
    >
      <label className="flex flex-col">
        <span className="text-slate-500">{t("q")}</span>
        <input type="search" name="q" defaultValue={q} placeholder={t("qPlaceholder")} maxLength={100} className={`${inputClass} w-72`} />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("role")}</span>
        <select name="role" defaultValue={role} className={inputClass}>
          <option value="">{t("allRoles")}</option>
          {ROLE_OPTIONS.map((r) => (
            <option key={r} value={r}>
              {tr(r)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className={buttonClass()}>
        {t("search")}
      </button>
      <Link href={action} className="px-1 py-1.5 text-brand-700 hover:underline">
        {t("reset")}
      </Link>
    </form>
  );
}
