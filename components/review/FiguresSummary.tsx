"use client";
// A quarter's twelve figures, labelled and formatted (13.624), for the confirmations: before the
// commune submits and before the city approves or returns. Changed figures are marked.
import { useLocale, useTranslations } from "next-intl";
import { METRIC_KEYS, METRICS, type Figures, type MetricKey } from "@/lib/domain/metrics";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { metricLabel } from "@/lib/i18n/labels";

export function FiguresSummary({
  figures,
  changed = [],
  keys = METRIC_KEYS,
  testId = "figures-summary",
}: {
  figures: Figures;
  changed?: readonly MetricKey[];
  keys?: readonly MetricKey[];
  testId?: string;
}) {
  const t = useTranslations("figures");
  const locale = toLocale(useLocale());
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <tbody>
        {keys.map((k) => (
          <tr key={k} data-key={k} className={`border-b border-slate-100 ${changed.includes(k) ? "bg-amber-50" : ""}`}>
            <th scope="row" className="py-1 pr-3 text-left font-normal">
              {metricLabel(k, locale)}
              {changed.includes(k) && <span className="ml-1 text-xs font-medium text-amber-800">({t("form.changed")})</span>}
            </th>
            <td className="py-1 text-right font-semibold tabular-nums" data-cell="value">
              {figures[k] == null ? <span className="font-normal text-slate-500">{t("form.notEntered")}</span> : formatNumber(figures[k]!, locale)}
            </td>
            <td className="py-1 pl-2 text-xs text-slate-500">{METRICS[k].unit === "vnd" ? t("vnd") : t("people")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
