"use client";
// Path to 2030 for one count metric: the yearly actuals, the straight path from the latest value
// to the 2030 target, and the projection at the recent pace, with the status and how it is computed.
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { computePathStatus, projectionPath, targetPath, TARGET_YEAR, type PathMethod } from "@/lib/domain/path2030";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { cardClass } from "@/components/ui/Card";

export interface PathSeries {
  key: string;
  label: string;
  unit: "people" | "vnd";
  history: { year: number; value: number }[];
  target2030: number | null;
}

const STATUS_CLASS: Record<string, string> = {
  on_track: "bg-emerald-100 text-emerald-900",
  reached: "bg-emerald-200 text-emerald-950",
  at_risk: "bg-amber-100 text-amber-900",
  off_track: "bg-red-100 text-red-900",
  unknown: "bg-slate-100 text-slate-600",
};

/**
 * `withheld`: why the path is not judged for the period (lib/domain/path2030.ts pathJudgeable): no
 * status, no projection, the reason instead of the method; the series hold the earlier years only.
 */
export function PathChart({ series, currentYear, withheld = null }: { series: PathSeries[]; currentYear: number; withheld?: string | null }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const [key, setKey] = useState(series[0]?.key ?? "");
  const s = series.find((x) => x.key === key) ?? series[0];
  const status = useMemo(
    () => (s ? computePathStatus(withheld ? [] : s.history, s.target2030, currentYear, { unit: s.unit }) : null),
    [s, currentYear, withheld],
  );
  const data = useMemo(() => {
    if (!s || !status) return [];
    const first = s.history[0]?.year ?? currentYear;
    const tp = new Map(targetPath(status.latest, status.target2030).map((p) => [p.year, p.value]));
    const pp = new Map(projectionPath(status.latest, status.pacePerYear).map((p) => [p.year, p.value]));
    const hv = new Map(s.history.map((p) => [p.year, p.value]));
    const out = [];
    for (let y = first; y <= TARGET_YEAR; y++) out.push({ year: String(y), actual: hv.get(y) ?? null, path: tp.get(y) ?? null, projection: pp.get(y) ?? null });
    return out;
  }, [s, status, currentYear]);
  if (!s || !status) return null;
  const n = (v: number | null) => formatNumber(v === null ? null : Math.round(v), locale);
  const methodText = (m: PathMethod): string => {
    switch (m.code) {
      case "noData":
        return t("path.method.noData");
      case "targetYear":
        return t("path.method.targetYear", { targetYear: m.targetYear, latestYear: m.latestYear });
      case "oneYear":
        return t("path.method.oneYear", { latestYear: m.latestYear });
      case "pace":
        return t("path.method.pace", {
          years: m.years,
          span: m.span,
          pace: (Math.round(m.pace) > 0 ? "+" : "") + formatNumber(m.pace, locale),
          unit: t(m.unit === "vnd" ? "path.method.vnd" : "path.method.people"),
        });
    }
  };
  return (
    <section className={cardClass()} data-testid="path-2030">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{t("path.title")}</h2>
        <select
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-label={t("path.metric")}
          className="max-w-full rounded border border-slate-300 px-2 py-1 text-sm"
        >
          {series.map((x) => (
            <option key={x.key} value={x.key}>
              {x.label}
            </option>
          ))}
        </select>
        <span className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS_CLASS[status.status]}`} data-testid="path-status" data-status={status.status}>
          {t(`dashboard.path.${status.status}`)}
        </span>
      </div>
      <dl className="mb-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">{t("path.target")}</dt>
          <dd className="font-semibold tabular-nums">{n(status.target2030)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{status.latest ? t("path.latest", { year: status.latest.year }) : t("path.actual")}</dt>
          <dd className="font-semibold tabular-nums">{n(status.latest?.value ?? null)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("path.required")}</dt>
          <dd className="font-semibold tabular-nums" data-testid="path-required">
            {n(status.requiredPerYear)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("path.projected")}</dt>
          <dd className="font-semibold tabular-nums">{n(status.projected2030)}</dd>
        </div>
      </dl>
      {(status.status === "off_track" || status.status === "at_risk") && (
        <p className="mb-3 text-xs text-slate-600" data-testid="path-why">
          {t("path.whyBoth")}
        </p>
      )}
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="year" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v) => formatNumber(v, locale)} tick={{ fontSize: 12 }} width={80} />
            <Tooltip formatter={(v) => n(typeof v === "number" ? v : null)} />
            <Legend />
            <Line dataKey="actual" name={t("path.actual")} stroke="#1d5fae" strokeWidth={2} connectNulls isAnimationActive={false} />
            <Line dataKey="path" name={t("path.targetPath")} stroke="#dc2626" strokeDasharray="6 4" dot={false} connectNulls isAnimationActive={false} />
            <Line dataKey="projection" name={t("path.projection")} stroke="#64748b" strokeDasharray="2 3" dot={false} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className={`mt-2 text-xs ${withheld ? "text-slate-700" : "text-slate-500"}`} data-testid="path-method" data-withheld={withheld ? "true" : undefined}>
        {withheld ?? methodText(status.methodInfo)} {t("path.howStatus")}
      </p>
    </section>
  );
}
