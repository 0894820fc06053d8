import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Recorded } from "@/components/ui/Recorded";
import { toLocale } from "@/lib/i18n/config";
import { requireUser } from "@/lib/auth/session.server";
import { prisma } from "@/lib/db.server";
import { listNotifications, unreadCount } from "@/lib/notifications/service";
import { formatAuditTime } from "@/lib/audit/queries";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** Only links inside the app are followed ("/units/…"), never another site. */
const safeLink = (link: string | null) => (link && link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\") ? link : null);

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const t = await getTranslations("notifications");
  const locale = toLocale(await getLocale());
  // The signed-in user's own notifications only, newest first.
  const db = await prisma();
  const [items, unread] = await Promise.all([listNotifications(db, user.id, { take: 200 }), unreadCount(db, user.id)]);

  return (
    <div className="space-y-4" data-testid="notifications-page">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("heading")}</h1>
          {/* With no notification at all, the empty message below says it once. */}
          {items.length > 0 && (
            <p className="text-sm text-slate-600" data-testid="notifications-unread">
              {t("unreadCount", { count: unread })}
            </p>
          )}
        </div>
        {unread > 0 && (
          <form action={markAllNotificationsReadAction}>
            <button
              type="submit"
              className="rounded border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
              data-testid="mark-all-read"
            >
              {t("markAllRead")}
            </button>
          </form>
        )}
      </div>

      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white px-4 py-6 text-center text-slate-600" data-testid="notifications-empty">
          {t("empty")}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="notification-list">
          {items.map((n) => {
            const isUnread = n.readAt === null;
            const link = safeLink(n.link);
            return (
              <li
                key={n.id}
                data-testid="notification-item"
                data-unread={isUnread ? "true" : "false"}
                data-kind={n.kind}
                className={`flex flex-wrap items-start gap-x-4 gap-y-2 px-4 py-3 ${isUnread ? "border-l-4 border-brand-600 bg-brand-50" : "border-l-4 border-transparent"}`}
              >
                <div className="min-w-0 flex-1">
                  <p className={isUnread ? "font-semibold" : "text-slate-800"}>
                    {isUnread && <span className="sr-only">{t("unread")}: </span>}
                    <Recorded text={n.title} locale={locale} />
                  </p>
                  {n.body && (
                    <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
                      <Recorded text={n.body} locale={locale} />
                    </p>
                  )}
                  <p className="mt-1 text-xs text-slate-500">
                    <time dateTime={n.createdAt.toISOString()} className="tabular-nums">
                      {formatAuditTime(n.createdAt, locale)}
                    </time>
                    {n.readAt && <span> · {t("readAt", { time: formatAuditTime(n.readAt, locale) })}</span>}
                  </p>
                </div>
                <div className="flex items-center gap-3 text-sm">
                  {link && (
                    <Link href={link} className="font-medium text-brand-700 hover:underline" data-testid="notification-view">
                      {t("view")}
                    </Link>
                  )}
                  {isUnread && (
                    <form action={markNotificationReadAction}>
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-slate-700 hover:bg-slate-50" data-testid="mark-read">
                        {t("markRead")}
                      </button>
                    </form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
