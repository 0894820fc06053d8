"use client";
// Quarter-by-quarter trend of one rate, with the year's target drawn as a dashed step line.
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { IndicatorKey } from "@/lib/domain/metrics";
import { formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { cardClass } from "@/components/ui/Card";

export interface TrendRow {
  label: string;
  year: number;
  values: Partial<Record<IndicatorKey, number | null>>;
  targets: Partial<Record<IndicatorKey, number | null>>;
}

export function TrendChart({ rows, options }: { rows: TrendRow[]; options: { key: IndicatorKey; label: string }[] }) {
  const t = useTranslations("figures");
  const locale = toLocale(useLocale());
  const [key, setKey] = useState<IndicatorKey>(options[0]?.key ?? "bhxhCoverage");
  const data = useMemo(
    () =>
      rows.map((r) => ({
        label: r.label,
        value: r.values[key] ?? null,
        target: r.targets[key] ?? null,
      })),
    [rows, key],
  );
  const label = options.find((o) => o.key === key)?.label ?? key;
  const pct = (v: unknown) => formatPercent(typeof v === "number" ? v : null, locale);
  return (
    <section className={cardClass()} data-testid="trend">
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{t("trend")}</h2>
        <label className="max-w-full text-sm">
          <span className="sr-only">{t("trendIndicator")}</span>
          <select value={key} onChange={(e) => setKey(e.target.value as IndicatorKey)} className="max-w-full rounded border border-slate-300 px-2 py-1">
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis tickFormatter={(v) => formatPercent(v, locale, 0)} tick={{ fontSize: 12 }} width={56} domain={[0, "auto"]} />
            <Tooltip formatter={(v) => pct(v)} />
            <Legend />
            <Line type="monotone" dataKey="value" name={label} stroke="#1d5fae" strokeWidth={2} connectNulls dot isAnimationActive={false} />
            <Line
              type="stepAfter"
              dataKey="target"
              name={t("targetLine", { year: "" }).trim()}
              stroke="#dc2626"
              strokeDasharray="6 4"
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
