"use client";
// A unit's quarter milestones: each target's default milestone per quarter (shown as the field's
// placeholder and below it), and the value city staff set instead. An empty field keeps the default.
// A quarter the unit's saved monthly scenario plans shows the scenario's value, read-only: that is the
// milestone (lib/domain/milestones.ts), edited on the monthly page.
// Rates are typed as percentages ("43,5"), counts as whole numbers ("13.624"), in the interface's
// language (English "43.5", "13,624": lib/domain/numbers.ts); the server gets fractions.
import { useState, useTransition } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDecimal, formatNumber, formatPercent } from "@/lib/format";
import { parseFieldValue, showFieldValue } from "@/lib/domain/numbers";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { saveMilestonesAction } from "@/lib/actions/milestones";
import type { MilestoneGrid } from "@/lib/targets/milestones";
import { buttonClass } from "@/components/ui/Button";

type Cell = string;

/** A typed cell: a count is a whole number ("13.624"), a rate a percentage ("43,5"); "" → null; anything else → NaN. */
const typedValue = (kind: string, text: string, locale: Locale): number | null => parseFieldValue(kind === "RATE" ? "RATE" : "COUNT", text, locale);

/** What is wrong with a typed cell (the key of its message), or null: blank, or a positive number (a rate at most 100). */
function cellProblem(kind: string, text: string, locale: Locale): "badNumber" | "notPositive" | "rateOver100" | null {
  const typed = typedValue(kind, text, locale);
  if (typed === null) return null;
  if (Number.isNaN(typed)) return "badNumber";
  if (typed <= 0) return "notPositive";
  return kind === "RATE" && typed > 100 ? "rateOver100" : null;
}

export function MilestoneForm({ unitCode, grid, labels }: { unitCode: string; grid: MilestoneGrid; labels: Record<string, string> }) {
  const t = useTranslations("milestones");
  const locale = toLocale(useLocale());
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (kind: string, v: number | null) => showFieldValue(kind === "RATE" ? "RATE" : "COUNT", v, locale);
  const initial = () =>
    Object.fromEntries(grid.rows.flatMap((r) => r.quarters.filter((q) => q.quarter < 4).map((q) => [`${r.key}:${q.quarter}`, show(r.kind, q.override)])));
  const [cells, setCells] = useState<Record<string, Cell>>(initial);

  function save() {
    const entries: { key: string; quarter: number; value: number | null; version: number }[] = [];
    for (const r of grid.rows) {
      for (const q of r.quarters) {
        if (q.quarter === 4 || q.scenario !== null) continue;
        const id = `${r.key}:${q.quarter}`;
        const typed = typedValue(r.kind, cells[id] ?? "", locale);
        const problem = cellProblem(r.kind, cells[id] ?? "", locale);
        if (problem) {
          setMessage({ ok: false, text: t(problem, { label: labels[r.key], q: q.quarter }) });
          document.getElementById(`m-${id}`)?.focus();
          return;
        }
        const value = typed === null ? null : r.kind === "RATE" ? typed / 100 : typed;
        if ((q.override ?? null) !== value) entries.push({ key: r.key, quarter: q.quarter, value, version: q.version });
      }
    }
    if (entries.length === 0) {
      setMessage({ ok: true, text: t("nothingChanged") });
      return;
    }
    start(async () => {
      const res = await saveMilestonesAction(unitCode, { year: grid.year, entries });
      if (res.ok) setMessage({ ok: true, text: t("saved", { n: res.data.changed }) });
      else setMessage({ ok: false, text: [res.error, ...res.issues.map((i) => i.message)].join(" ") });
    });
  }

  return (
    <div className="space-y-3">
      {grid.scenarioSaved && (
        <p className="rounded bg-brand-50 px-3 py-2 text-sm text-slate-700" data-testid="milestones-scenario-note">
          {t("scenarioNote", { year: grid.year })}{" "}
          <Link href={`/units/${encodeURIComponent(unitCode)}/monthly?year=${grid.year}`} className="font-medium text-brand-700 hover:underline">
            {t("scenarioLink")}
          </Link>
        </p>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[44rem] text-sm" data-testid="milestone-table">
          <thead className="bg-slate-50">
            <tr>
              <th className="px-3 py-2 text-left font-medium">{t("colTarget")}</th>
              <th className="px-3 py-2 text-right font-medium">{t("colBaseline", { year: grid.year - 1 })}</th>
              {[1, 2, 3].map((q) => (
                <th key={q} className="px-3 py-2 text-right font-medium">
                  {t("colQuarter", { q })}
                </th>
              ))}
              <th className="px-3 py-2 text-right font-medium">{t("colYear", { year: grid.year })}</th>
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r.key} className="border-t border-slate-100" data-key={r.key}>
                <td className="px-3 py-1.5">
                  {labels[r.key]}
                  {r.kind === "RATE" && <span className="text-xs text-slate-500"> (%)</span>}
                </td>
                <td className="px-3 py-1.5 text-right tabular-nums text-slate-600">
                  {r.baseline === null ? "—" : r.kind === "RATE" ? formatPercent(r.baseline, locale) : formatNumber(r.baseline, locale)}
                </td>
                {r.quarters
                  .filter((q) => q.quarter < 4)
                  .map((q) => {
                    const id = `${r.key}:${q.quarter}`;
                    const def = q.defaultValue === null ? "" : show(r.kind, q.defaultValue);
                    const problem = cellProblem(r.kind, cells[id] ?? "", locale);
                    if (q.scenario !== null)
                      return (
                        <td key={q.quarter} className="px-3 py-1.5 text-right" data-cell={id} data-basis="scenario">
                          <span className="tabular-nums">{r.kind === "RATE" ? formatPercent(q.scenario, locale, 2) : formatNumber(q.scenario, locale)}</span>
                          <div className="text-[11px] text-slate-500">{t("fromScenario", { month: q.quarter * 3 })}</div>
                        </td>
                      );
                    return (
                      <td key={q.quarter} className="px-3 py-1.5 text-right">
                        <input
                          id={`m-${id}`}
                          aria-label={t("cellLabel", { label: labels[r.key], q: q.quarter })}
                          inputMode="decimal"
                          disabled={!grid.editable || pending}
                          value={cells[id] ?? ""}
                          placeholder={def}
                          onChange={(e) => setCells((c) => ({ ...c, [id]: e.target.value }))}
                          onBlur={() => {
                            const typed = typedValue(r.kind, cells[id] ?? "", locale);
                            // Re-shown in the language's format, every decimal typed kept (the value saved is what was typed).
                            if (typed !== null && !Number.isNaN(typed))
                              setCells((c) => ({ ...c, [id]: r.kind === "RATE" ? formatDecimal(typed, locale, 6) : formatNumber(typed, locale) }));
                          }}
                          aria-invalid={problem ? true : undefined}
                          aria-describedby={problem ? `m-${id}-problem` : undefined}
                          className={`w-36 rounded border px-2 py-1 text-right tabular-nums placeholder:text-slate-400 ${problem ? "border-red-600 bg-red-50" : "border-slate-300"}`}
                          data-cell={id}
                        />
                        {/* Said at the cell as it is typed, not only when Save refuses the first bad one. */}
                        {problem ? (
                          <div id={`m-${id}-problem`} className="max-w-36 text-[11px] text-red-700" data-testid="milestone-cell-problem">
                            {t(problem, { label: labels[r.key], q: q.quarter })}
                          </div>
                        ) : (
                          <div className="text-[11px] text-slate-500">{t(`basis.${q.defaultBasis ?? "none"}`)}</div>
                        )}
                      </td>
                    );
                  })}
                <td className="px-3 py-1.5 text-right font-medium tabular-nums">
                  {r.kind === "RATE" ? formatPercent(r.target, locale) : formatNumber(r.target, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {grid.editable ? (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={save} disabled={pending} className={buttonClass()} data-testid="save-milestones">
            {pending ? t("saving") : t("save")}
          </button>
          {message && (
            <p
              role={message.ok ? "status" : "alert"}
              className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}
              data-testid="milestones-message"
            >
              {message.text}
            </p>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("readOnly")}</p>
      )}
    </div>
  );
}
