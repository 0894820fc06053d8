import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session.server";
import { LocaleSwitch } from "./LocaleSwitch";
import { SignOutButton } from "./SignOutButton";
import { DemoBadge } from "./DemoBadge";

export async function AppHeader({ user, demo }: { user: SessionUser; demo: boolean }) {
  const t = await getTranslations();
  return (
    <header className="bg-brand-800 text-white print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          {t("app.name")}
        </Link>
        {demo && <DemoBadge label={t("app.demoBadge")} />}
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="header-user">
            <span className="font-medium">{user.fullName}</span>
            <span className="text-white/70"> · {t(`roles.${user.role}`)}</span>
            {user.unit && <span className="text-white/70"> · {user.unit.name}</span>}
          </span>
          <LocaleSwitch />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
