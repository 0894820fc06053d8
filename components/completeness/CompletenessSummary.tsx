// The board's header figures: the deadline, the share of communes that reported
// ("86/114 xã đã báo cáo (75,4%)"), and one small card per state, plus late and overdue.
import { useLocale, useTranslations } from "next-intl";
import { COMPLETENESS_STATES, type Completeness } from "@/lib/completeness/service";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { STATE_CLASSES, TIMELINESS_CLASSES } from "./badges";

export function CompletenessSummary({ data }: { data: Completeness }) {
  const t = useTranslations("completeness");
  const locale = toLocale(useLocale());
  const n = (v: number) => formatNumber(v, locale);
  const card = (key: string, label: string, value: number, cls: string) => (
    <div key={key} data-count={key} className={`rounded-lg px-3 py-2 ring-1 ${cls}`}>
      <div className="text-xs">{label}</div>
      <div className="text-xl font-semibold tabular-nums">{n(value)}</div>
    </div>
  );
  return (
    <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="completeness-summary">
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1">
        <p className="text-lg font-semibold" data-testid="reported-share">
          {t("reported", { reported: n(data.reported), total: n(data.total), share: formatPercent(data.reportedShare, locale) })}
        </p>
        {data.level === "PROVINCE" ? (
          <p className="text-sm text-slate-700" data-testid="deadline" data-deadline={data.deadline.at}>
            {t("deadline", { date: formatDate(data.deadline.at, locale), days: data.deadline.days })}{" "}
            <span className={`ml-1 rounded px-1.5 py-0.5 text-xs ${data.deadline.passed ? "bg-red-100 text-red-900" : "bg-slate-100 text-slate-700"}`}>
              {data.deadline.passed ? t("deadlinePassed") : t("deadlineOpen")}
            </span>
          </p>
        ) : (
          <p className="text-sm text-slate-700">{t("deadlineEach")}</p>
        )}
      </div>
      <div className="h-2 w-full overflow-hidden rounded bg-slate-100" aria-hidden>
        <div className="h-full bg-emerald-500" style={{ width: `${Math.round((data.reportedShare ?? 0) * 1000) / 10}%` }} />
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {COMPLETENESS_STATES.map((s) => card(s, t(`states.${s}`), data.counts[s], STATE_CLASSES[s]))}
        {card("late", t("lateCard"), data.lateCount, TIMELINESS_CLASSES.late)}
        {card("overdue", t("overdueCard"), data.overdueCount, TIMELINESS_CLASSES.overdue)}
      </div>
    </section>
  );
}
