import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { figuresOfYear } from "@/lib/figures/service";
import { estimateOpen, isFuturePeriod, isPeriodEnded, quarterEnd } from "@/lib/domain/period";
import { formatDate } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

type YearReports = Awaited<ReturnType<typeof figuresOfYear>>;

const STATUS_CLASS: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-sky-100 text-sky-900",
  APPROVED: "bg-emerald-100 text-emerald-900",
  RETURNED: "bg-red-100 text-red-900",
  NONE: "bg-white text-slate-500 ring-1 ring-slate-200",
};

/** The quarters of a year: status, and (for the commune's officer) a link to enter or edit. */
export async function QuarterList({
  data,
  unitCode,
  canEdit,
  locale,
  now = new Date(),
}: {
  data: YearReports;
  unitCode: string;
  canEdit: boolean;
  locale: Locale;
  now?: Date;
}) {
  const t = await getTranslations("figures");
  const year = data.year;
  const href = (q: number, kind: "actual" | "estimate") =>
    `/units/${encodeURIComponent(unitCode)}/report?year=${year}&quarter=${q}${kind === "estimate" ? "&kind=estimate" : ""}`;
  const rows = [
    ...data.quarters.map((r) => ({ key: `q${r.quarter}`, quarter: r.quarter, kind: "actual" as const, r })),
    ...(data.unit.level === "COMMUNE" && (data.estimate || estimateOpen(year, now))
      ? [{ key: "estimate", quarter: 4, kind: "estimate" as const, r: data.estimate }]
      : []),
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="quarter-list">
      <h2 className="mb-3 text-lg font-semibold">{t("quarters", { year })}</h2>
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-5">
        {rows.map(({ key, quarter, kind, r }) => {
          const status = (r && "status" in r && r.status) || (r?.figures ? null : "NONE");
          const future = kind === "actual" && isFuturePeriod({ year, quarter }, now);
          const agg = r && "reported" in r ? r : null;
          return (
            <li key={key} data-testid={`quarter-${key}`} className="rounded border border-slate-200 p-3 text-sm">
              <div className="font-medium">
                {kind === "estimate" ? t("estimate", { year }) : `${t("quarterN", { q: quarter })} · ${formatDate(quarterEnd(year, quarter), locale)}`}
              </div>
              {agg ? (
                <div className="mt-1 text-slate-600">
                  {agg.reported}/{agg.total}
                </div>
              ) : (
                status && <span className={`mt-1 inline-block rounded px-2 py-0.5 text-xs ${STATUS_CLASS[status]}`}>{t(`reportStatus.${status}`)}</span>
              )}
              {canEdit && !future && kind === "actual" && !isPeriodEnded({ year, quarter }, now) && (
                // The quarter in progress: its actual figures are entered once it has ended (the form refuses them before).
                <div className="mt-2 text-slate-600" data-testid={`opens-${key}`}>
                  {t("enterFrom", { date: formatDate(new Date(quarterEnd(year, quarter).getTime() + 86_400_000), locale) })}
                </div>
              )}
              {canEdit && !future && (kind === "estimate" || isPeriodEnded({ year, quarter }, now)) && (
                <div className="mt-2">
                  <Link href={href(quarter, kind)} className="text-brand-700 hover:underline" data-testid={`enter-${key}`}>
                    {status === "NONE" || status === null
                      ? t("enter")
                      : status === "RETURNED"
                        ? t("fixReturned")
                        : status === "DRAFT"
                          ? t("continueDraft")
                          : t("viewSent")}
                  </Link>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
