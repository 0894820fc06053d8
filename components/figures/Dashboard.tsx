import { getTranslations } from "next-intl/server";
import type { IndicatorsView } from "@/lib/figures/service";
import { INDICATOR_KEYS, METRIC_KEYS, METRICS } from "@/lib/domain/metrics";
import { INDICATORS, REVENUE_PLAN_DENOMINATOR, STATUS_THRESHOLDS } from "@/lib/domain/indicators";
import { YEAR_TO_DATE_METRICS, quarterEnd } from "@/lib/domain/period";
import { formatDate, formatMilestone, formatNumber, formatPercent, formatPoints, formatTargetPercent, rateDigits } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { indicatorLabel, metricLabel } from "@/lib/i18n/labels";
import { StatusBadge } from "./StatusBadge";
import { cardClass } from "@/components/ui/Card";

// On a phone (under 640 px) the tables keep the key numbers — value, target, attainment — and drop the
// quarter's milestone, the year's attainment and the status badge, so nothing needs sideways scrolling.
const WIDE = "hidden sm:table-cell";

function Th({ children, right, wide }: { children?: React.ReactNode; right?: boolean; wide?: boolean }) {
  return (
    <th
      scope="col"
      className={`border-b border-slate-200 px-1.5 py-2 font-medium text-slate-600 sm:px-3 ${right ? "text-right" : "text-left"} ${wide ? WIDE : ""}`}
    >
      {children}
    </th>
  );
}

/** Each indicator and figure of the period beside its target for the year. */
export async function Dashboard({ view, locale }: { view: IndicatorsView; locale: Locale }) {
  const t = await getTranslations("figures");
  const hasFigures = METRIC_KEYS.some((k) => view.figures[k] !== null);
  // "No target" when none is set; "no figures" when a target exists but nothing to compare yet.
  const partial = view.aggregate !== null && view.aggregate.reported > 0 && view.aggregate.reported < view.aggregate.total;
  const statusLabel = (k: string) =>
    view.targets[k] !== undefined && (view.statuses[k] ?? "none") === "none"
      ? partial && view.expected[k] != null
        ? t("partialNotJudged")
        : t("status.noData")
      : t(`status.${view.statuses[k] ?? "none"}`);
  const target = (k: string, percent: boolean) =>
    view.targets[k] === undefined ? "—" : percent ? formatTargetPercent(view.targets[k], locale, rateDigits(k)) : formatNumber(view.targets[k], locale);
  const sourceOf = (k: string) => view.targetDetails[k]?.source ?? undefined;
  const milestone = (k: string, percent: boolean) => {
    const v = view.expected[k];
    if (v === null || v === undefined) return "—";
    return formatMilestone(v, k, percent, view.expectedBasis[k], locale);
  };
  // A ceiling shows its margin in percentage points, never an attainment.
  const versus = (k: string) => {
    const m = view.margins[k];
    if (m !== null && m !== undefined) return t(m >= 0 ? "ceilingUnder" : "ceilingOver", { value: formatPoints(Math.abs(m), locale, { signed: false }) });
    return view.targets[k] === undefined ? "—" : formatPercent(view.attainment[k] ?? null, locale);
  };
  const year = (k: string) => (view.targets[k] === undefined || view.margins[k] != null ? "—" : formatPercent(view.yearAttainment[k] ?? null, locale));
  const milestoneTitle = (k: string) =>
    [sourceOf(k), view.expectedBasis[k] === "override" ? t("basisOverride") : null].filter(Boolean).join(" · ") || undefined;

  return (
    <section className={cardClass()} data-testid="dashboard">
      <div className="mb-3 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 className="text-lg font-semibold">{t("dashboard", { year: view.year })}</h2>
        <span className="text-sm text-slate-600" data-testid="dashboard-date">
          {view.kind === "estimate" ? t("estimate", { year: view.year }) : t("asAt", { date: formatDate(quarterEnd(view.year, view.quarter), locale) })}
        </span>
        {view.unit.level === "COMMUNE" && (
          <span className="text-sm" data-testid="report-status">
            {t(`reportStatus.${view.status ?? "NONE"}`)}
          </span>
        )}
      </div>
      {view.aggregate && (
        <p className="mb-3 text-sm text-slate-600" data-testid="aggregate-note">
          {view.aggregate.reported < view.aggregate.total ? t("aggregateNote", view.aggregate) : t("aggregateNoteFull", view.aggregate)}
          {view.aggregate.provinces !== undefined && (
            <> {t("aggregateProvinces", { reported: view.aggregate.provincesReported ?? 0, total: view.aggregate.provinces })}</>
          )}
        </p>
      )}
      {view.unit.level === "COMMUNE" && view.status !== null && !view.counted && (
        <p className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="not-counted">
          {t("notCounted")}
        </p>
      )}
      {view.unit.level === "VILLAGE" && <p className="mb-3 text-sm text-slate-600">{t("villageNote")}</p>}
      {!hasFigures && view.unit.level !== "VILLAGE" && (
        <p className="mb-3 rounded bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="no-figures">
          {t("noFigures")}
        </p>
      )}

      <div className="overflow-x-auto">
        <table className="w-full sm:min-w-[40rem] text-sm" data-testid="indicator-table">
          <caption className="mb-1 text-left font-medium">{t("indicators")}</caption>
          <thead>
            <tr>
              <Th>{t("colIndicator")}</Th>
              <Th right>{t("colValue")}</Th>
              <Th right>{t("colTarget")}</Th>
              <Th right wide>
                {view.kind === "estimate" ? t("colTarget") : t("colMilestone", { q: view.quarter })}
              </Th>
              <Th right>{t("colAttainment")}</Th>
              <Th right wide>
                {t("colYearAttainment")}
              </Th>
              <Th wide>{t("colStatus")}</Th>
            </tr>
          </thead>
          <tbody>
            {INDICATOR_KEYS.map((k) => (
              <tr key={k} data-key={k} className="border-b border-slate-100">
                <td className="px-1.5 py-1.5 sm:px-3">{indicatorLabel(k, locale)}</td>
                <td className="px-1.5 py-1.5 sm:px-3 text-right font-semibold tabular-nums" data-cell="value">
                  {partial && INDICATORS[k].denominator === REVENUE_PLAN_DENOMINATOR ? (
                    // The whole unit's plan is not the denominator of part of its communes' sum.
                    <span title={t("partialNotJudged")} data-partial="true">
                      —
                    </span>
                  ) : (
                    formatPercent(view.indicators[k], locale, rateDigits(k))
                  )}
                </td>
                <td className="px-1.5 py-1.5 sm:px-3 text-right tabular-nums" title={sourceOf(k)} data-cell="target">
                  {target(k, true)}
                </td>
                <td className={`px-1.5 py-1.5 text-right tabular-nums sm:px-3 ${WIDE}`} title={milestoneTitle(k)} data-cell="expected">
                  {milestone(k, true)}
                </td>
                <td className="px-1.5 py-1.5 sm:px-3 text-right tabular-nums" data-cell="attainment">
                  {versus(k)}
                </td>
                <td className={`px-1.5 py-1.5 text-right tabular-nums sm:px-3 ${WIDE}`} data-cell="year-attainment">
                  {year(k)}
                </td>
                <td className={`px-1.5 py-1.5 sm:px-3 ${WIDE}`}>
                  <StatusBadge status={view.statuses[k] ?? "none"} label={statusLabel(k)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>

        <table className="mt-6 w-full sm:min-w-[40rem] text-sm" data-testid="count-table">
          <caption className="mb-1 text-left font-medium">{t("counts")}</caption>
          <thead>
            <tr>
              <Th>{t("colMetric")}</Th>
              <Th right>{t("colValue")}</Th>
              <Th right>{t("colTarget")}</Th>
              <Th right wide>
                {view.kind === "estimate" ? t("colTarget") : t("colMilestone", { q: view.quarter })}
              </Th>
              <Th right>{t("colAttainment")}</Th>
              <Th right wide>
                {t("colYearAttainment")}
              </Th>
              <Th wide>{t("colStatus")}</Th>
            </tr>
          </thead>
          <tbody>
            {METRIC_KEYS.map((k) => (
              <tr key={k} data-key={k} className="border-b border-slate-100">
                <td className="px-1.5 py-1.5 sm:px-3">
                  {metricLabel(k, locale)}{" "}
                  <span className="text-xs text-slate-500">
                    ({METRICS[k].unit === "vnd" ? t("vnd") : t("people")}
                    {YEAR_TO_DATE_METRICS.includes(k) ? `, ${t("ytd")}` : ""})
                  </span>
                </td>
                <td className="px-1.5 py-1.5 sm:px-3 text-right font-semibold tabular-nums" data-cell="value">
                  {formatNumber(view.figures[k], locale)}
                </td>
                <td className="px-1.5 py-1.5 sm:px-3 text-right tabular-nums" title={sourceOf(k)} data-cell="target">
                  {target(k, false)}
                </td>
                <td className={`px-1.5 py-1.5 text-right tabular-nums sm:px-3 ${WIDE}`} title={milestoneTitle(k)} data-cell="expected">
                  {milestone(k, false)}
                </td>
                <td className="px-1.5 py-1.5 sm:px-3 text-right tabular-nums" data-cell="attainment">
                  {versus(k)}
                </td>
                <td className={`px-1.5 py-1.5 text-right tabular-nums sm:px-3 ${WIDE}`} data-cell="year-attainment">
                  {year(k)}
                </td>
                <td className={`px-1.5 py-1.5 sm:px-3 ${WIDE}`}>
                  {view.targets[k] !== undefined && <StatusBadge status={view.statuses[k] ?? "none"} label={statusLabel(k)} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-3 text-xs text-slate-500">
        {t("statusLegend", {
          attained: formatPercent(STATUS_THRESHOLDS.attained, locale, 0),
          close: formatPercent(STATUS_THRESHOLDS.close, locale, 0),
        })}
        {Object.values(view.targetDetails).some((d) => d.source) && (
          <>
            {" · "}
            {t("source")}:{" "}
            <span translate="no">
              {[
                ...new Set(
                  Object.values(view.targetDetails)
                    .map((d) => d.source)
                    .filter(Boolean),
                ),
              ].join(", ")}
            </span>
          </>
        )}
      </p>
    </section>
  );
}
