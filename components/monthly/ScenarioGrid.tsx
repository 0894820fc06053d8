"use client";
// The monthly scenario of a unit: months down, target keys across; December is the year's target
// (not editable); months 3, 6, 9 are the quarter milestones. Counts typed "13.624", rates as
// percentages "43,5" (the server gets fractions). Saved whole, with the version read (409: reload).
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toLocale } from "@/lib/i18n/config";
import { saveScenarioAction } from "@/lib/actions/monthly";
import type { ScenarioView } from "@/lib/monthly/service";
import { buttonClass } from "@/components/ui/Button";
import { LeaveGuardDialog, useLeaveGuard } from "@/components/ui/LeaveGuard";
import { parseCount, parseLocal, showValue } from "./numbers";

const EDITABLE_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;

export function ScenarioGrid({ unitCode, view, labels }: { unitCode: string; view: ScenarioView; labels: Record<string, string> }) {
  const t = useTranslations("monthly");
  const locale = toLocale(useLocale());
  const [pending, start] = useTransition();
  const [version, setVersion] = useState(view.version);
  const [saved, setSaved] = useState(view.saved);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const fill = (months: ScenarioView["months"]) =>
    Object.fromEntries(EDITABLE_MONTHS.flatMap((m) => view.targets.map((r) => [`${m}:${r.key}`, showValue(r.kind, months[String(m)]?.[r.key], locale)])));
  const [cells, setCells] = useState<Record<string, string>>(() => fill(view.months));
  const [stored, setStored] = useState(view.months);
  type Row = ScenarioView["targets"][number];
  /** A cell as typed: a count, or a rate in percent; null when empty, NaN when unreadable. */
  const typedOf = (m: number, r: Row) =>
    r.kind === "RATE" ? parseLocal(cells[`${m}:${r.key}`] ?? "", locale) : parseCount(cells[`${m}:${r.key}`] ?? "", locale);
  /** A cell as the server gets it: rates as fractions. */
  const valueOf = (m: number, r: Row) => {
    const typed = typedOf(m, r);
    return typed === null || Number.isNaN(typed) || r.kind !== "RATE" ? typed : Math.round(typed * 100) / 10_000;
  };
  /** What is wrong with what a cell holds now (typing it, before Save): unreadable, negative, or a rate over 100; blank waits for Save. */
  const problemOf = (m: number, r: Row): "badNumber" | "rateOver100" | null => {
    const typed = typedOf(m, r);
    if (typed === null) return null;
    if (Number.isNaN(typed) || typed < 0) return "badNumber";
    return r.kind === "RATE" && typed > 100 ? "rateOver100" : null;
  };
  // Typed changes are not lost by leaving the page (components/ui/LeaveGuard.tsx): a cell that reads
  // otherwise than the stored value shows, and means another number ("13624" is "13.624").
  const storedText = fill(stored);
  const guard = useLeaveGuard(
    EDITABLE_MONTHS.some((m) =>
      view.targets.some((r) => cells[`${m}:${r.key}`] !== storedText[`${m}:${r.key}`] && valueOf(m, r) !== (stored[String(m)]?.[r.key] ?? null)),
    ),
  );

  // Only the months still ahead go back to the defaults: an ended month keeps what is stored, so a
  // quarter already judged keeps its milestone (a tester saw Q3's move after a reset and a save).
  function reset() {
    const defaults = fill(view.defaults);
    setCells((current) =>
      Object.fromEntries(Object.entries(current).map(([id, text]) => [id, Number(id.split(":")[0]) <= view.endedMonths ? text : (defaults[id] ?? text)])),
    );
    setMessage({ ok: true, text: t(view.endedMonths > 0 ? "resetDoneFuture" : "resetDone", { month: view.endedMonths }) });
  }

  function save() {
    const months: Record<string, Record<string, number>> = {};
    let changed = !saved;
    for (const m of EDITABLE_MONTHS) {
      months[String(m)] = {};
      for (const r of view.targets) {
        const typed = typedOf(m, r);
        if (typed === null || Number.isNaN(typed) || typed < 0 || (r.kind === "RATE" && typed > 100)) {
          setMessage({ ok: false, text: t(typed !== null && typed > 100 ? "rateOver100" : "badNumber", { month: m, label: labels[r.key] }) });
          document.getElementById(`s-${m}-${r.key}`)?.focus();
          return;
        }
        const value = valueOf(m, r) as number;
        months[String(m)][r.key] = value;
        if (stored[String(m)]?.[r.key] !== value) changed = true;
      }
    }
    months["12"] = Object.fromEntries(view.targets.map((r) => [r.key, r.target]));
    if (!changed) {
      setMessage({ ok: true, text: t("nothingChanged") });
      return;
    }
    start(async () => {
      const res = await saveScenarioAction(unitCode, view.year, { months, version });
      if (res.ok) {
        setVersion(res.data.version);
        setSaved(true);
        setStored(res.data.months);
        setMessage({ ok: true, text: t("saved", { version: res.data.version }) });
      } else setMessage({ ok: false, text: [res.error, ...res.issues.slice(0, 5).map((i) => i.message)].join(" ") });
    });
  }

  const cellText = (kind: "COUNT" | "RATE", v: number | undefined) => (v === undefined ? "—" : `${showValue(kind, v, locale)}${kind === "RATE" ? "%" : ""}`);

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="scenario-state">
        {saved ? t("scenarioSaved", { version }) : t("scenarioDefaults")}
      </p>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm" data-testid="scenario-table">
          <caption className="sr-only">{t("scenarioTitle")}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 text-left font-medium">
                {t("colMonth")}
              </th>
              {view.targets.map((r) => (
                <th key={r.key} scope="col" className="min-w-32 px-3 py-2 text-right font-medium">
                  {labels[r.key]}
                  {r.kind === "RATE" && <span className="text-xs text-slate-500"> (%)</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {EDITABLE_MONTHS.map((m) => (
              <tr key={m} className={`border-t border-slate-100 ${m % 3 === 0 ? "bg-brand-50/40" : ""}`} data-month={m}>
                <th scope="row" className="sticky left-0 bg-white px-3 py-1.5 text-left font-normal whitespace-nowrap">
                  {t("month", { month: m })}
                  {m % 3 === 0 && <span className="block text-[11px] text-slate-500">{t("quarterEnd", { q: m / 3 })}</span>}
                </th>
                {view.targets.map((r) => {
                  const id = `${m}:${r.key}`;
                  const problem = view.editable ? problemOf(m, r) : null;
                  return (
                    <td key={r.key} className="px-3 py-1.5 text-right">
                      {view.editable ? (
                        <>
                          <input
                            id={`s-${m}-${r.key}`}
                            aria-label={t("cellLabel", { label: labels[r.key], month: m })}
                            inputMode="decimal"
                            disabled={pending}
                            value={cells[id] ?? ""}
                            onChange={(e) => setCells((c) => ({ ...c, [id]: e.target.value }))}
                            onBlur={() => {
                              // Re-shown in the language's format, as it will be saved.
                              const v = valueOf(m, r);
                              if (v !== null && !Number.isNaN(v)) setCells((c) => ({ ...c, [id]: showValue(r.kind, v, locale) }));
                            }}
                            aria-invalid={problem ? true : undefined}
                            aria-describedby={problem ? `s-${m}-${r.key}-problem` : undefined}
                            className={`${r.key === "amountCollected" ? "w-44" : "w-28"} rounded border px-2 py-1 text-right tabular-nums ${problem ? "border-red-600 bg-red-50" : "border-slate-300"}`}
                            data-cell={id}
                          />
                          {/* Said at the cell as it is typed, not only when Save refuses the first bad one. */}
                          {problem && (
                            <div
                              id={`s-${m}-${r.key}-problem`}
                              className="ml-auto max-w-44 text-left text-[11px] text-red-700"
                              data-testid="scenario-cell-problem"
                            >
                              {t(problem, { month: m, label: labels[r.key] })}
                            </div>
                          )}
                        </>
                      ) : (
                        <span className="tabular-nums" data-cell={id}>
                          {cellText(r.kind, view.months[String(m)]?.[r.key])}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr className="border-t border-slate-200 bg-slate-50 font-medium" data-month={12}>
              <th scope="row" className="sticky left-0 bg-slate-50 px-3 py-1.5 text-left whitespace-nowrap">
                {t("month", { month: 12 })}
                <span className="block text-[11px] font-normal text-slate-500">{t("december")}</span>
              </th>
              {view.targets.map((r) => (
                <td key={r.key} className="px-3 py-1.5 text-right tabular-nums">
                  {cellText(r.kind, r.target)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {view.editable ? (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" onClick={save} disabled={pending} className={buttonClass()} data-testid="save-scenario">
            {pending ? t("saving") : t("save")}
          </button>
          <button type="button" onClick={reset} disabled={pending} className={buttonClass({ variant: "secondary" })} data-testid="reset-scenario">
            {t("reset")}
          </button>
          {message && (
            <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`} data-testid="scenario-message">
              {message.text}
            </p>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("readOnly")}</p>
      )}
      <LeaveGuardDialog guard={guard} />
    </div>
  );
}
