"use client";
// The target grid: every child unit × the target keys of one year, editable like a spreadsheet
// (Enter/arrows move between rows, pasting a block from Excel fills neighbouring cells), with the
// parent's own target, the children's sum and the gap on top, and a proportional "suggest".
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import type { TargetGrid as Grid } from "@/lib/targets/service";
import { COUNT_TARGET_KEYS, targetKindOf, type TargetKey } from "@/lib/domain/targets";
import { allocate, weightsFor, type AllocationBasis } from "@/lib/domain/allocation";
import { parseVnInteger } from "@/lib/domain/figures-validation";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { keyLabel } from "@/lib/i18n/labels";
import { saveTargetsAction } from "@/lib/actions/targets";
import type { ApiIssue } from "@/lib/figures/errors";

const COLUMNS: TargetKey[] = [...COUNT_TARGET_KEYS, "bhxhCoverage"];
const PARENT = "__parent__";

/** Rates are typed as percentages ("43" or "43,5"); counts as 13.624. */
function parseCell(key: TargetKey, text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const s = text.trim();
  if (targetKindOf(key) === "COUNT") return parseVnInteger(s);
  if (s === "") return { ok: true, value: null };
  const n = Number(s.replace(/%$/, "").trim().replace(/\./g, "").replace(",", "."));
  if (!Number.isFinite(n) || n < 0 || n > 100) return { ok: false, message: "Tỷ lệ là một số từ 0 đến 100 (%)." };
  return { ok: true, value: Math.round(n * 100) / 10000 };
}

function showCell(key: TargetKey, value: number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (targetKindOf(key) === "COUNT") return formatNumber(value, "vi");
  return (Math.round(value * 1000) / 10).toLocaleString("vi-VN", { maximumFractionDigits: 2 });
}

export function TargetGrid({ grid, unitCode, defaultSource }: { grid: Grid; unitCode: string; defaultSource: string }) {
  const t = useTranslations("targets");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const rows = useMemo(
    () => [
      ...(grid.editable || Object.keys(grid.targets).length ? [{ code: PARENT, name: grid.unit.name, editable: grid.editable, retired: false }] : []),
      ...grid.children.map((c) => ({ code: c.unit.code, name: c.unit.name, editable: c.editable, retired: c.unit.retired })),
    ],
    [grid],
  );
  const initial = useMemo(() => {
    const m: Record<string, string> = {};
    for (const k of COLUMNS) {
      m[`${PARENT}|${k}`] = showCell(k, grid.targets[k]?.value);
      for (const c of grid.children) m[`${c.unit.code}|${k}`] = showCell(k, c.targets[k]?.value);
    }
    return m;
  }, [grid]);
  const [cells, setCells] = useState<Record<string, string>>(initial);
  // After a save the page brings fresh data: start again from it (keeping the message shown).
  const [seen, setSeen] = useState(grid);
  if (seen !== grid) {
    setSeen(grid);
    setCells(initial);
  }
  const [source, setSource] = useState(defaultSource);
  const [suggestKey, setSuggestKey] = useState<TargetKey>("bhxhCompulsory");
  const [basis, setBasis] = useState<AllocationBasis>("labourForce");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string; issues?: ApiIssue[] } | null>(null);
  const [pending, start] = useTransition();

  const parsed = (code: string, k: TargetKey) => parseCell(k, cells[`${code}|${k}`] ?? "");
  const valueOf = (code: string, k: TargetKey) => {
    const p = parsed(code, k);
    return p.ok ? p.value : null;
  };
  const active = grid.children.filter((c) => !c.unit.retired);
  const sums = Object.fromEntries(COUNT_TARGET_KEYS.map((k) => [k, active.reduce((s, c) => s + (valueOf(c.unit.code, k) ?? 0), 0)])) as Record<string, number>;
  const changed = Object.keys(cells).filter((id) => cells[id] !== initial[id]);
  const editableCodes = new Set(rows.filter((r) => r.editable).map((r) => r.code));

  function move(row: number, col: number) {
    document.getElementById(`cell-${row}-${col}`)?.focus();
  }

  function onPaste(e: React.ClipboardEvent<HTMLInputElement>, row: number, col: number) {
    const text = e.clipboardData.getData("text/plain");
    if (!/[\t\n]/.test(text.trim())) return; // a single value: let the input take it
    e.preventDefault();
    const matrix = text.replace(/\r/g, "").replace(/\n$/, "").split("\n").map((l) => l.split("\t"));
    setCells((prev) => {
      const next = { ...prev };
      matrix.forEach((line, i) =>
        line.forEach((v, j) => {
          const r = rows[row + i];
          const k = COLUMNS[col + j];
          if (r && k && r.editable) next[`${r.code}|${k}`] = v.trim();
        }),
      );
      return next;
    });
  }

  function suggest() {
    const parentTotal = valueOf(PARENT, suggestKey);
    if (parentTotal === null) {
      setMessage({ kind: "error", text: t("suggestNeedsParent", { name: grid.unit.name }) });
      return;
    }
    const targets = active.filter((c) => c.editable);
    const shares = allocate(
      parentTotal,
      weightsFor(basis, targets.map((c) => ({ key: c.unit.code, labourForce: c.basis.labourForce, participants: c.basis.participants }))),
    );
    setCells((prev) => {
      const next = { ...prev };
      for (const s of shares) next[`${s.key}|${suggestKey}`] = formatNumber(s.value, "vi");
      return next;
    });
    setMessage({ kind: "ok", text: t("suggested", { count: shares.length }) });
  }

  function save() {
    setMessage(null);
    const bad = changed.map((id) => {
      const [code, k] = id.split("|") as [string, TargetKey];
      return { id, code, k, p: parseCell(k, cells[id]) };
    });
    const invalid = bad.find((b) => !b.p.ok);
    if (invalid) {
      setMessage({ kind: "error", text: `${invalid.code === PARENT ? grid.unit.name : invalid.code} · ${keyLabel(invalid.k, locale)}: ${(invalid.p as { message: string }).message}` });
      return;
    }
    const entries = bad
      .filter((b) => editableCodes.has(b.code))
      .map((b) => {
        const detail = b.code === PARENT ? grid.targets[b.k] : grid.children.find((c) => c.unit.code === b.code)?.targets[b.k];
        return { unitCode: b.code === PARENT ? grid.unit.code : b.code, key: b.k, value: (b.p as { value: number | null }).value, version: detail?.version ?? 0 };
      });
    if (entries.length === 0) {
      setMessage({ kind: "ok", text: t("nothing") });
      return;
    }
    start(async () => {
      const res = await saveTargetsAction(unitCode, { year: grid.year, source: source.trim() || undefined, entries });
      if (res.ok) {
        setMessage({ kind: "ok", text: t("saved", { changed: res.data.changed }) });
        router.refresh();
      } else {
        setMessage({ kind: "error", text: res.error, issues: res.issues });
      }
    });
  }

  const renderRow = (r: (typeof rows)[number], ri: number) => (<tr key={r.code} data-row={r.code === PARENT ? "parent" : r.code} className={`border-t border-slate-100 ${r.code === PARENT ? "bg-brand-50 font-medium" : ""} ${r.retired ? "opacity-50" : ""}`}>
                <td className="px-3 py-1">
                  {r.code === PARENT ? (
                    t("own", { name: r.name })
                  ) : (
                    <Link href={`/units/${encodeURIComponent(r.code)}`} className="text-brand-700 hover:underline">
                      {r.name}
                    </Link>
                  )}
                  {r.retired && <span className="ml-1 text-xs">({t("retired")})</span>}
                </td>
                {COLUMNS.map((k, ci) => {
                  const id = `${r.code}|${k}`;
                  const p = parsed(r.code, k);
                  const dirty = cells[id] !== initial[id];
                  return (
                    <td key={k} className="px-1 py-0.5">
                      <input
                        id={`cell-${ri}-${ci}`}
                        aria-label={`${r.name} · ${keyLabel(k, locale)}`}
                        data-cell={`${r.code === PARENT ? "parent" : r.code}:${k}`}
                        value={cells[id] ?? ""}
                        readOnly={!r.editable}
                        inputMode="decimal"
                        onChange={(e) => setCells((c) => ({ ...c, [id]: e.target.value }))}
                        onPaste={(e) => onPaste(e, ri, ci)}
                        onKeyDown={(e) => {
                          if (e.key === "Enter" || e.key === "ArrowDown") {
                            e.preventDefault();
                            move(ri + 1, ci);
                          } else if (e.key === "ArrowUp") {
                            e.preventDefault();
                            move(ri - 1, ci);
                          }
                        }}
                        onBlur={() => {
                          if (p.ok && p.value !== null) setCells((c) => ({ ...c, [id]: showCell(k, p.value) }));
                        }}
                        className={`w-full min-w-24 rounded border px-2 py-1 text-right tabular-nums ${!p.ok ? "border-red-500 bg-red-50" : dirty ? "border-brand-600 bg-sky-50" : r.editable ? "border-slate-300" : "border-transparent bg-transparent"}`}
                        title={!p.ok ? p.message : undefined}
                      />
                    </td>
                  );
                })}
              </tr>
  );

  const anyEditable = rows.some((r) => r.editable);
  const gapClass = (gap: number | null) => (gap === null ? "" : gap === 0 ? "bg-emerald-50 text-emerald-900" : "bg-amber-100 text-amber-900 font-semibold");

  return (
    <div className="space-y-4" data-testid="target-grid">
      {anyEditable ? <p className="text-sm text-slate-600">{t("intro")}</p> : <p className="text-sm text-slate-600">{t("readOnly")}</p>}
      {anyEditable && grid.children.some((c) => c.editable) && (
        <div className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="suggest">
          <span className="font-medium">{t("suggest")}:</span>
          <label className="flex flex-col">
            <span className="text-slate-500">{t("suggestKey")}</span>
            <select value={suggestKey} onChange={(e) => setSuggestKey(e.target.value as TargetKey)} className="rounded border border-slate-300 px-2 py-1">
              {COUNT_TARGET_KEYS.map((k) => (
                <option key={k} value={k}>
                  {keyLabel(k, locale)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            <span className="text-slate-500">{t("suggestBasis")}</span>
            <select value={basis} onChange={(e) => setBasis(e.target.value as AllocationBasis)} className="rounded border border-slate-300 px-2 py-1">
              <option value="labourForce">{t("basisLabourForce")}</option>
              <option value="participants">{t("basisParticipants")}</option>
            </select>
          </label>
          <button type="button" onClick={suggest} className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50">
            {t("suggestApply")}
          </button>
        </div>
      )}

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[56rem] text-sm">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th className="px-3 py-2 text-left font-medium">{t("unit")}</th>
              {COLUMNS.map((k) => (
                <th key={k} className="px-2 py-2 text-right font-medium">
                  {keyLabel(k, locale)}
                  {targetKindOf(k) === "RATE" ? " (%)" : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows.map((r, ri) => (r.code === PARENT ? renderRow(r, ri) : null))}</tbody>
          {grid.children.length > 0 && (
            <tbody className="border-b-2 border-slate-300 bg-slate-50" data-testid="grid-summary">
              <tr data-row="sum">
                <td className="px-3 py-1.5 font-medium">{t("sum")}</td>
                {COLUMNS.map((k) => (
                  <td key={k} className="px-3 py-1.5 text-right tabular-nums" data-sum={k}>
                    {targetKindOf(k) === "COUNT" ? formatNumber(sums[k], locale) : ""}
                  </td>
                ))}
              </tr>
              <tr data-row="gap">
                <td className="px-3 py-1.5 font-medium">{t("gap")}</td>
                {COLUMNS.map((k) => {
                  const own = valueOf(PARENT, k);
                  const gap = targetKindOf(k) === "COUNT" && own !== null ? own - sums[k] : null;
                  return (
                    <td key={k} className={`px-3 py-1.5 text-right tabular-nums ${gapClass(gap)}`} data-gap={k}>
                      {gap === null ? "" : gap === 0 ? `0 · ${t("gapOk")}` : formatNumber(gap, locale)}
                    </td>
                  );
                })}
              </tr>
            </tbody>
          )}
          <tbody>{rows.map((r, ri) => (r.code === PARENT ? null : renderRow(r, ri)))}</tbody>
        </table>
      </div>

      {anyEditable && (
        <div className="flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm">
            <span className="text-slate-600">{t("source")}</span>
            <input value={source} onChange={(e) => setSource(e.target.value)} placeholder={t("sourcePlaceholder")} className="w-72 rounded border border-slate-300 px-2 py-1" />
          </label>
          <button type="button" onClick={save} disabled={pending} className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? t("saving") : t("save")}
          </button>
          {changed.length > 0 && <span className="text-sm text-slate-600">{t("changedCells", { count: changed.length })}</span>}
        </div>
      )}
      {message && (
        <div role={message.kind === "error" ? "alert" : "status"} data-testid="grid-message" className={`rounded px-3 py-2 text-sm ${message.kind === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}>
          {message.text}
          {message.issues && message.issues.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {message.issues.slice(0, 10).map((i) => (
                <li key={i.path + i.message}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
