"use client";
// A ranked bar chart with the target line, and small multiples of the top and bottom units' trends.
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";

const COLORS: Record<string, string> = { attained: "#059669", close: "#d97706", behind: "#dc2626", none: "#94a3b8" };

export function RankedBarChart({ bars, target, percent }: { bars: { name: string; value: number; status: string }[]; target: number | null; percent: boolean }) {
  const t = useTranslations("rankings");
  const locale = toLocale(useLocale());
  const fmt = (v: number) => (percent ? formatPercent(v, locale) : formatNumber(v, locale));
  const height = Math.max(240, bars.length * 18 + 40);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:break-inside-avoid" data-testid="ranking-chart">
      <h2 className="mb-3 text-lg font-semibold">{t("chart")}</h2>
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={bars} layout="vertical" margin={{ top: 8, right: 32, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" tickFormatter={(v) => (percent ? formatPercent(v, locale, 0) : formatNumber(v, locale))} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={170} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip formatter={(v) => fmt(Number(v))} />
            <Bar dataKey="value" isAnimationActive={false}>
              {bars.map((b) => (
                <Cell key={b.name} fill={COLORS[b.status] ?? COLORS.none} />
              ))}
            </Bar>
            {target !== null && <ReferenceLine x={target} stroke="#1e3a8a" strokeDasharray="6 4" label={{ value: `${t("chartTarget")} ${fmt(target)}`, position: "top", fontSize: 11 }} />}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

export interface Multiple {
  name: string;
  group: "top" | "bottom";
  points: { label: string; value: number | null }[];
  target: number | null;
}

export function SmallMultiples({ series, percent }: { series: Multiple[]; percent: boolean }) {
  const t = useTranslations("rankings");
  const locale = toLocale(useLocale());
  const fmt = (v: number) => (percent ? formatPercent(v, locale) : formatNumber(v, locale));
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:break-inside-avoid" data-testid="small-multiples">
      <h2 className="mb-3 text-lg font-semibold">{t("smallMultiples")}</h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {series.map((s) => (
          <figure key={s.name} className={`rounded border p-2 ${s.group === "top" ? "border-emerald-200" : "border-red-200"}`}>
            <figcaption className="mb-1 truncate text-sm font-medium">{s.name}</figcaption>
            <div className="h-32">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={s.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
                  <XAxis dataKey="label" tick={{ fontSize: 9 }} interval="preserveStartEnd" />
                  <YAxis hide domain={["auto", "auto"]} />
                  <Tooltip formatter={(v) => fmt(Number(v))} />
                  <Line dataKey="value" stroke={s.group === "top" ? "#059669" : "#dc2626"} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
                  {s.target !== null && <ReferenceLine y={s.target} stroke="#1e3a8a" strokeDasharray="4 3" />}
                </LineChart>
              </ResponsiveContainer>
            </div>
          </figure>
        ))}
      </div>
    </section>
  );
}
