import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session.server";
import { prisma } from "@/lib/db.server";
import { unreadCount } from "@/lib/notifications/service";
import { LocaleSwitch } from "./LocaleSwitch";
import { SignOutButton } from "./SignOutButton";
import { DemoBadge } from "./DemoBadge";

export async function AppHeader({ user, demo }: { user: SessionUser; demo: boolean }) {
  const t = await getTranslations();
  // Counted on the server for every page: one indexed count (notifications by user and readAt).
  const unread = await unreadCount(await prisma(), user.id);
  return (
    <header className="bg-brand-800 text-white print:hidden">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          {t("app.name")}
        </Link>
        {demo && <DemoBadge label={t("app.demoBadge")} />}
        <div className="ml-auto flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="header-user">
            <span className="font-medium" translate="no">
              {user.fullName}
            </span>
            {/* The role, unless the account is named after it ("Quản trị hệ thống · Quản trị hệ thống"). */}
            {t(`roles.${user.role}`) !== user.fullName && <span className="text-white/70"> · {t(`roles.${user.role}`)}</span>}
            {user.unit && <span className="text-white/70"> · {user.unit.name}</span>}
          </span>
          {user.role === "ADMIN" && (
            <>
              <Link href="/admin/audit" className="rounded px-1 text-white/90 underline-offset-2 hover:underline" data-testid="admin-audit-link">
                {t("admin.auditLink")}
              </Link>
              <Link href="/admin/users" className="rounded px-1 text-white/90 underline-offset-2 hover:underline" data-testid="admin-users-link">
                {t("users.headerLink")}
              </Link>
            </>
          )}
          <Link
            href="/notifications"
            className="relative inline-flex items-center rounded p-1 text-white/90 hover:bg-white/10"
            aria-label={t("notifications.bell", { count: unread })}
            title={t("notifications.bell", { count: unread })}
            data-testid="notification-link"
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="h-5 w-5"
              fill="none"
              stroke="currentColor"
              strokeWidth={1.8}
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
              <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
            </svg>
            {unread > 0 && (
              <span
                className="absolute -right-1.5 -top-1 min-w-[1.25rem] rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
                data-testid="notification-badge"
              >
                {unread > 99 ? "99+" : unread}
              </span>
            )}
          </Link>
          <LocaleSwitch />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
