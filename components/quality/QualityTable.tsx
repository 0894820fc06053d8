// The data-quality list: each unusual figure of the quarter with its value, the reference (median),
// the modified z-score and the report's status, largest |score| first; the commune's name opens its
// page for the quarter. Rendered on the server.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { QualityItem, QualityView } from "@/lib/quality/service";
import { METRICS, type MetricKey } from "@/lib/domain/metrics";
import { formatNumber, formatPercent } from "@/lib/format";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { keyLabel } from "@/lib/i18n/labels";

const STATUS_CLASSES: Record<QualityItem["status"], string> = {
  SUBMITTED: "bg-sky-100 text-sky-900 ring-sky-300",
  APPROVED: "bg-emerald-100 text-emerald-900 ring-emerald-300",
};

const scoreFormats = new Map<Locale, Intl.NumberFormat>();
/** +5,2 / −4,1 (one decimal, signed). */
function formatScore(score: number, locale: Locale): string {
  let f = scoreFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
    scoreFormats.set(locale, f);
  }
  return f.format(score);
}

export async function QualityTable({ data }: { data: QualityView }) {
  const t = await getTranslations("quality");
  const tf = await getTranslations("figures");
  const locale = toLocale(await getLocale());

  const show = (i: QualityItem, v: number) => {
    if (i.kind === "rate") return formatPercent(v, locale);
    const unit = METRICS[i.key as MetricKey].unit === "vnd" ? ` ${tf("vnd")}` : "";
    return `${formatNumber(v, locale)}${unit}`;
  };

  if (data.items.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white px-3 py-4 text-center text-sm text-slate-600" data-testid="quality-empty">
        {data.reported === 0 ? t("noReports") : t("empty")}
      </p>
    );
  }

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[56rem] text-sm" data-testid="quality-table">
        <thead className="bg-slate-50 text-left">
          <tr>
            <th className="px-2 py-2 font-medium">{t("colUnit")}</th>
            <th className="px-2 py-2 font-medium">{t("colMetric")}</th>
            <th className="px-2 py-2 font-medium">{t("colBasis")}</th>
            <th className="px-2 py-2 text-right font-medium">{t("colValue")}</th>
            <th className="px-2 py-2 text-right font-medium">{t("colMedian")}</th>
            <th className="px-2 py-2 text-right font-medium">{t("colScore")}</th>
            <th className="px-2 py-2 font-medium">{t("colStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((i) => (
            <tr
              key={`${i.unit.code}-${i.key}-${i.basis}`}
              data-unit={i.unit.code}
              data-key={i.key}
              data-basis={i.basis}
              className="border-t border-slate-100 align-top hover:bg-slate-50"
            >
              <td className="px-2 py-1.5">
                <Link href={`/units/${encodeURIComponent(i.unit.code)}?year=${data.year}&quarter=${data.quarter}`} className="text-brand-700 hover:underline">
                  {i.unit.name}
                </Link>
              </td>
              <td className="px-2 py-1.5">
                {keyLabel(i.key, locale)}
                {i.quarterOnly && <span className="block text-xs text-slate-500">({t("quarterOnly")})</span>}
              </td>
              <td className="px-2 py-1.5 text-slate-600" data-cell="basis">
                {t(`basis.${i.basis}`, { n: i.n })}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums" data-cell="value">
                {show(i, i.value)}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums" data-cell="median">
                {show(i, i.median)}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums" data-cell="score" title={t(i.score > 0 ? "above" : "below")}>
                <span className={i.score > 0 ? "text-red-800" : "text-amber-800"}>{formatScore(i.score, locale)}</span>
                <span className="block text-xs text-slate-500">{t(i.score > 0 ? "above" : "below")}</span>
              </td>
              <td className="px-2 py-1.5" data-cell="status">
                <span
                  data-status={i.status}
                  className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STATUS_CLASSES[i.status]}`}
                >
                  {t(`status.${i.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
