"use client";
// The monthly view: the latest month with figures against its scenario (planned, actual, gap) and what
// the next month needs to be back on track; then the whole year, month by month, for one target.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber, formatPercent, formatPoints, NO_VALUE } from "@/lib/format";
import { toLocale, type Locale } from "@/lib/i18n/config";
import type { MonthRow, NextMonthNeed } from "@/lib/domain/scenario";

interface TargetCol {
  key: string;
  kind: "COUNT" | "RATE";
  /** Lower is better (a ceiling: the late-payment rate). */
  lower: boolean;
}

const value = (kind: TargetCol["kind"], v: number | null, locale: Locale) => (kind === "RATE" ? formatPercent(v, locale, 2) : formatNumber(v, locale));
const gapText = (kind: TargetCol["kind"], v: number | null, locale: Locale) => {
  if (v === null) return NO_VALUE;
  if (kind === "RATE") return formatPoints(v, locale);
  const n = formatNumber(Math.abs(v), locale);
  return v > 0 ? `+${n}` : v < 0 ? `−${n}` : "0";
};

export function MonthlyComparison({
  year,
  rows,
  latestMonth,
  needs,
  targets,
  labels,
}: {
  year: number;
  rows: MonthRow[];
  latestMonth: number | null;
  needs: NextMonthNeed[];
  targets: TargetCol[];
  labels: Record<string, string>;
}) {
  const t = useTranslations("monthly");
  const locale = toLocale(useLocale());
  const [key, setKey] = useState(targets[0]?.key ?? "");
  const latest = latestMonth === null ? null : rows.find((r) => r.month === latestMonth)!;
  const col = targets.find((c) => c.key === key) ?? targets[0];

  function needText(c: TargetCol, n: NextMonthNeed | undefined): string {
    if (!n) return NO_VALUE;
    const planned = value(c.kind, n.planned, locale);
    if (n.met) return t("needMet", { month: n.month, planned });
    const change = c.kind === "RATE" ? formatPoints(Math.abs(n.change), locale, { signed: false }) : formatNumber(Math.abs(n.change), locale);
    return t(c.lower ? "needLess" : "needMore", { change, planned });
  }

  return (
    <div className="space-y-5">
      {latest ? (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="latest-month" aria-labelledby="latest-month-title">
          <h2 id="latest-month-title" className="mb-2 text-lg font-semibold">
            {t("latestTitle", { month: latest.month, year })}
          </h2>
          {/* A phone: one card per target; wider screens: the table. */}
          <ul className="space-y-2 sm:hidden">
            {targets.map((c) => {
              const cell = latest.cells[c.key];
              return (
                <li key={c.key} className="rounded border border-slate-200 p-3 text-sm" data-key={c.key}>
                  <p className="font-medium">{labels[c.key]}</p>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                    <dt className="text-slate-600">{t("colPlanned")}</dt>
                    <dd className="text-right tabular-nums">{value(c.kind, cell.planned, locale)}</dd>
                    <dt className="text-slate-600">{t("colActual")}</dt>
                    <dd className="text-right tabular-nums">{value(c.kind, cell.actual, locale)}</dd>
                    <dt className="text-slate-600">{t("colGap")}</dt>
                    <dd className={`text-right tabular-nums ${cell.onTrack === false ? "text-red-700" : cell.onTrack ? "text-emerald-700" : ""}`}>
                      {gapText(c.kind, cell.gap, locale)}
                      {cell.onTrack !== null && <span className="ml-1 text-xs">({t(cell.onTrack ? "onTrack" : "behind")})</span>}
                    </dd>
                  </dl>
                  {latest.month < 12 && (
                    <p className="mt-1">
                      <span className="text-slate-600">{t("colNext", { month: latest.month + 1 })}: </span>
                      {needText(
                        c,
                        needs.find((n) => n.key === c.key),
                      )}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="hidden overflow-x-auto sm:block">
            <table className="w-full min-w-[40rem] text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-medium">
                    {t("colTarget")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("colPlanned")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("colActual")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("colGap")}
                  </th>
                  {latest.month < 12 && (
                    <th scope="col" className="px-3 py-2 text-left font-medium">
                      {t("colNext", { month: latest.month + 1 })}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {targets.map((c) => {
                  const cell = latest.cells[c.key];
                  return (
                    <tr key={c.key} className="border-t border-slate-100" data-key={c.key}>
                      <th scope="row" className="min-w-40 px-3 py-1.5 text-left font-normal">
                        {labels[c.key]}
                      </th>
                      <td className="px-3 py-1.5 text-right tabular-nums">{value(c.kind, cell.planned, locale)}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{value(c.kind, cell.actual, locale)}</td>
                      <td
                        className={`px-3 py-1.5 text-right tabular-nums ${cell.onTrack === false ? "text-red-700" : cell.onTrack ? "text-emerald-700" : ""}`}
                        data-testid={`gap-${c.key}`}
                      >
                        {gapText(c.kind, cell.gap, locale)}
                        {cell.onTrack !== null && <span className="block text-[11px]">{t(cell.onTrack ? "onTrack" : "behind")}</span>}
                      </td>
                      {latest.month < 12 && (
                        <td className="px-3 py-1.5" data-testid={`need-${c.key}`}>
                          {needText(
                            c,
                            needs.find((n) => n.key === c.key),
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {latest.month === 12 && <p className="mt-2 text-sm text-slate-600">{t("yearEnd")}</p>}
        </section>
      ) : (
        <p className="rounded bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="no-monthly-figures">
          {t("noFigures", { year })}
        </p>
      )}

      {col && (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="year-table-title">
          <div className="mb-2 flex flex-wrap items-end justify-between gap-2">
            <h2 id="year-table-title" className="text-lg font-semibold">
              {t("yearTable", { year })}
            </h2>
            <label className="text-sm">
              <span className="mr-2 text-slate-600">{t("chooseKey")}</span>
              <select value={col.key} onChange={(e) => setKey(e.target.value)} className="rounded border border-slate-300 px-2 py-1" data-testid="year-key">
                {targets.map((c) => (
                  <option key={c.key} value={c.key}>
                    {labels[c.key]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-sm" data-testid="year-table">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-medium">
                    {t("colMonth")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("colPlanned")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("colActual")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    {t("colGap")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const cell = r.cells[col.key];
                  return (
                    <tr key={r.month} className={`border-t border-slate-100 ${r.quarterEnd ? "bg-brand-50/40" : ""}`} data-month={r.month}>
                      <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap">
                        {t("month", { month: r.month })}
                        {r.quarterEnd && <span className="ml-1 text-[11px] text-slate-500">({t("quarterEnd", { q: r.quarterEnd })})</span>}
                        {!r.ended && <span className="ml-1 text-[11px] text-slate-500">({t("notEnded")})</span>}
                      </th>
                      <td className="px-3 py-1.5 text-right tabular-nums">{value(col.kind, cell.planned, locale)}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{value(col.kind, cell.actual, locale)}</td>
                      <td className={`px-3 py-1.5 text-right tabular-nums ${cell.onTrack === false ? "text-red-700" : cell.onTrack ? "text-emerald-700" : ""}`}>
                        {gapText(col.kind, cell.gap, locale)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
