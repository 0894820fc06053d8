"use client";
// A ranked bar chart with the target line (the first and last units, or all of them), and small
// multiples of the top and bottom units' trends.
import { useEffect, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { topAndBottom } from "@/lib/table";
import { cardClass } from "@/components/ui/Card";
import { unpack, type Packed } from "@/components/ui/packed";
import type { LeagueRow } from "./league-rows";

const COLORS: Record<string, string> = { attained: "#059669", close: "#d97706", behind: "#dc2626", none: "#94a3b8" };

const BAR = 22; // px per bar: room for an 11px name, so names never overlap
const EACH_END = 10; // bars at each end of the list by default

/**
 * The ranked units as horizontal bars, names on the y axis. With many units (114 communes) the
 * first and last 10 are shown, with a button to show every unit; the height grows with the bars.
 * Printed, the chart is never split across pages: the short version is printed, whole. The rows are
 * the league table's (the same packed list, sent once).
 */
export function RankedBarChart({ rows, target, percent }: { rows: Packed<LeagueRow>; target: number | null; percent: boolean }) {
  const t = useTranslations("rankings");
  const bars = useMemo(() => unpack(rows).map((r) => ({ name: `${r.rank}. ${r.name}`, value: r.value, status: r.status as string })), [rows]);
  const locale = toLocale(useLocale());
  const [all, setAll] = useState(false);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // Chrome lays the page out for print after "beforeprint": draw the short chart synchronously.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  const fmt = (v: number) => (percent ? formatPercent(v, locale) : formatNumber(v, locale));
  const { top, bottom, hidden } = topAndBottom(bars, EACH_END);
  const full = (all && !printing) || hidden === 0;
  const gap = { name: t("chartGap", { n: hidden }), value: null, status: "gap" };
  const shown: { name: string; value: number | null; status: string }[] = full ? bars : [...top, gap, ...bottom];
  const barCount = full ? bars.length : top.length + bottom.length;
  const height = Math.max(200, shown.length * BAR + 60);
  return (
    <section
      className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-5 shadow-sm print:break-inside-avoid"
      data-testid="ranking-chart"
      data-bars={barCount}
    >
      <div className="mb-3 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 className="text-lg font-semibold">{t("chart")}</h2>
        <p className="text-sm text-slate-600" data-testid="chart-scope">
          {full ? t("chartAll", { total: bars.length }) : t("chartTopBottom", { n: EACH_END, total: bars.length })}
        </p>
        {hidden > 0 && (
          <button
            type="button"
            onClick={() => setAll((a) => !a)}
            aria-expanded={all}
            className="ml-auto rounded border border-brand-600 px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 print:hidden"
            data-testid="chart-toggle"
          >
            {all ? t("chartShowTopBottom", { n: EACH_END }) : t("chartShowAll", { total: bars.length })}
          </button>
        )}
      </div>
      <div style={{ height }} className="w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={shown} layout="vertical" margin={{ top: 16, right: 32, bottom: 8, left: 8 }} barCategoryGap={3}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
            <XAxis type="number" tickFormatter={(v) => (percent ? formatPercent(v, locale, 0) : formatNumber(v, locale))} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="name" width={210} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip formatter={(v) => (v == null ? "" : fmt(Number(v)))} />
            <Bar dataKey="value" isAnimationActive={false}>
              {shown.map((b) => (
                <Cell key={b.name} fill={COLORS[b.status] ?? COLORS.none} />
              ))}
            </Bar>
            {target !== null && (
              <ReferenceLine
                x={target}
                stroke="#1e3a8a"
                strokeDasharray="6 4"
                label={{ value: `${t("chartTarget")} ${fmt(target)}`, position: "top", fontSize: 11 }}
              />
            )}
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
    <section className={cardClass({ className: "print:break-inside-avoid" })} data-testid="small-multiples">
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
