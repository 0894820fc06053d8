"use client";
// The target grid: every child unit × the target keys of one year, editable like a spreadsheet
// (Enter/arrows move between rows), with the parent's own target, the children's sum and the gap on
// top, and a proportional "suggest". A block pasted from Excel is planned first (lib/domain/paste.ts):
// matched by its code/name column when it has one (unknown names refused), else previewed by position.
// Feedback shows next to the control used; a failed save selects the first cell at fault.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import type { TargetGrid as Grid } from "@/lib/targets/service";
import { COUNT_TARGET_KEYS, targetKindOf, type TargetKey } from "@/lib/domain/targets";
import { allocate, weightsFor, type AllocationBasis } from "@/lib/domain/allocation";
import { isBlock, parseTargetCell as parseCell, planPaste, showTargetCell as showCell, type PastePlan } from "@/lib/domain/paste";
import { matchesSearch } from "@/lib/collate";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { keyLabel } from "@/lib/i18n/labels";
import { saveTargetsAction } from "@/lib/actions/targets";
import type { ApiIssue } from "@/lib/figures/errors";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { buttonClass } from "@/components/ui/Button";

const COLUMNS: TargetKey[] = [...COUNT_TARGET_KEYS, "bhxhCoverage"];
const PARENT = "__parent__";

type Where = "suggest" | "save" | "paste";
type Message = { kind: "ok" | "error"; text: string; issues?: ApiIssue[]; at: Where };

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
  const [message, setMessage] = useState<Message | null>(null);
  const [query, setQuery] = useState("");
  const [paste, setPaste] = useState<PastePlan | null>(null);
  const [pending, start] = useTransition();

  // The unit's own row always shows; the others by name (without diacritics) or code.
  const shown = useMemo(() => rows.filter((r) => r.code === PARENT || matchesSearch(r.name, query) || r.code.includes(query.trim())), [rows, query]);

  /** Brings a cell into view and focuses it (clearing first a search that hides it). */
  function focusCell(code: string, k: TargetKey) {
    if (!shown.some((r) => r.code === code)) flushSync(() => setQuery(""));
    const el = document.querySelector<HTMLInputElement>(`[data-cell="${CSS.escape(`${code === PARENT ? "parent" : code}:${k}`)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  }

  const parsed = (code: string, k: TargetKey) => parseCell(k, cells[`${code}|${k}`] ?? "");
  const valueOf = (code: string, k: TargetKey) => {
    const p = parsed(code, k);
    return p.ok ? p.value : null;
  };
  const active = grid.children.filter((c) => !c.unit.retired);
  const sums = Object.fromEntries(COUNT_TARGET_KEYS.map((k) => [k, active.reduce((s, c) => s + (valueOf(c.unit.code, k) ?? 0), 0)])) as Record<string, number>;
  const changed = Object.keys(cells).filter((id) => cells[id] !== initial[id]);
  const editableCodes = new Set(rows.filter((r) => r.editable).map((r) => r.code));
  /** "Xã Kim Thành (10804)": a unit is always named, its code beside it. */
  const unitLabel = (code: string) =>
    code === PARENT ? `${grid.unit.name} (${grid.unit.code})` : `${rows.find((r) => r.code === code)?.name ?? code} (${code})`;

  function move(row: number, col: number) {
    document.getElementById(`cell-${row}-${col}`)?.focus();
  }

  function fill(plan: PastePlan) {
    setCells((prev) => {
      const next = { ...prev };
      for (const r of plan.rows) {
        const code = r.code === grid.unit.code ? PARENT : r.code;
        for (const v of r.values) next[`${code}|${v.key}`] = v.text;
      }
      return next;
    });
  }

  function onPaste(e: React.ClipboardEvent<HTMLInputElement>, code: string, col: number) {
    const text = e.clipboardData.getData("text/plain");
    if (!isBlock(text)) return; // a single value: let the input take it
    e.preventDefault();
    // The grid's own row goes by the unit's real code, so a pasted "31" or its name finds it.
    const targets = rows.map((r) => ({ code: r.code === PARENT ? grid.unit.code : r.code, name: r.name, editable: r.editable }));
    const plan = planPaste(
      text,
      targets,
      rows.findIndex((r) => r.code === code),
      COLUMNS.slice(col).map((k) => ({ key: k, label: keyLabel(k, locale) })),
    );
    if (plan.mode === "matched" && plan.errors.length === 0 && plan.rows.length > 0) {
      fill(plan);
      setMessage({ kind: "ok", at: "paste", text: `${t("pasteFilled", { count: plan.rows.length })}${plan.header ? ` ${t("pasteHeaderSkipped")}` : ""}` });
      return;
    }
    setMessage(null);
    setPaste(plan);
  }

  function applyPaste() {
    if (!paste) return;
    fill(paste);
    setMessage({ kind: "ok", at: "paste", text: t("pasteFilled", { count: paste.rows.length }) });
    setPaste(null);
  }

  function suggest() {
    const parentTotal = valueOf(PARENT, suggestKey);
    if (parentTotal === null) {
      setMessage({ kind: "error", at: "suggest", text: t("suggestNeedsParent", { name: grid.unit.name, key: keyLabel(suggestKey, locale) }) });
      if (rows.some((r) => r.code === PARENT)) focusCell(PARENT, suggestKey);
      return;
    }
    const targets = active.filter((c) => c.editable);
    const shares = allocate(
      parentTotal,
      weightsFor(
        basis,
        targets.map((c) => ({ key: c.unit.code, labourForce: c.basis.labourForce, participants: c.basis.participants })),
      ),
    );
    setCells((prev) => {
      const next = { ...prev };
      for (const s of shares) next[`${s.key}|${suggestKey}`] = formatNumber(s.value, "vi");
      return next;
    });
    setMessage({ kind: "ok", at: "suggest", text: t("suggested", { count: shares.length }) });
  }

  function save() {
    setMessage(null);
    const bad = changed.map((id) => {
      const [code, k] = id.split("|") as [string, TargetKey];
      return { id, code, k, p: parseCell(k, cells[id]) };
    });
    // Every cell in error, in the grid's order (top row first, then left to right).
    const invalid = rows.flatMap((r) =>
      COLUMNS.filter((k) => !parsed(r.code, k).ok && cells[`${r.code}|${k}`] !== initial[`${r.code}|${k}`]).map((k) => ({ code: r.code, k })),
    );
    if (invalid.length) {
      const first = invalid[0];
      const p = parsed(first.code, first.k) as { message: string };
      setMessage({
        kind: "error",
        at: "save",
        text: t("invalidCells", { count: invalid.length, first: `${unitLabel(first.code)} · ${keyLabel(first.k, locale)}: ${p.message}` }),
      });
      focusCell(first.code, first.k);
      return;
    }
    const entries = bad
      .filter((b) => editableCodes.has(b.code))
      .map((b) => {
        const detail = b.code === PARENT ? grid.targets[b.k] : grid.children.find((c) => c.unit.code === b.code)?.targets[b.k];
        return {
          unitCode: b.code === PARENT ? grid.unit.code : b.code,
          key: b.k,
          value: (b.p as { value: number | null }).value,
          version: detail?.version ?? 0,
        };
      });
    if (entries.length === 0) {
      setMessage({ kind: "ok", at: "save", text: t("nothing") });
      return;
    }
    start(async () => {
      const res = await saveTargetsAction(unitCode, { year: grid.year, source: source.trim() || undefined, entries });
      if (res.ok) {
        setMessage({ kind: "ok", at: "save", text: t("saved", { changed: res.data.changed }) });
        router.refresh();
      } else {
        setMessage({ kind: "error", at: "save", text: res.error, issues: res.issues });
        // The first entry named by the server: bring its cell into view.
        const at = res.issues?.map((i) => /^entries\.(\d+)/.exec(i.path)).find((m) => m && entries[Number(m[1])]);
        if (at) {
          const e = entries[Number(at[1])];
          focusCell(e.unitCode === grid.unit.code ? PARENT : e.unitCode, e.key);
        }
      }
    });
  }

  const messageAt = (where: Where) =>
    message && message.at === where ? (
      <div
        role={message.kind === "error" ? "alert" : "status"}
        data-testid="grid-message"
        data-at={where}
        className={`rounded px-3 py-2 text-sm ${message.kind === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"} ${where === "paste" ? "fixed bottom-4 right-4 z-30 max-w-md shadow-lg" : ""}`}
      >
        {message.text}
        {message.issues && message.issues.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {message.issues.slice(0, 10).map((i) => (
              <li key={i.path + i.message}>{i.message}</li>
            ))}
          </ul>
        )}
        {where === "paste" && (
          <button type="button" onClick={() => setMessage(null)} className="ml-2 underline" aria-label={t("pasteCancel")}>
            ×
          </button>
        )}
      </div>
    ) : null;

  const renderRow = (r: (typeof rows)[number], ri: number) => (
    <tr
      key={r.code}
      data-row={r.code === PARENT ? "parent" : r.code}
      className={`border-t border-slate-100 ${r.code === PARENT ? "bg-brand-50 font-medium" : ""} ${r.retired ? "opacity-50" : ""}`}
    >
      <td className="px-3 py-1">
        {r.code === PARENT ? (
          t("own", { name: r.name })
        ) : (
          <Link href={`/units/${encodeURIComponent(r.code)}`} className="text-brand-700 hover:underline">
            {r.name}
          </Link>
        )}
        {r.code !== PARENT && <span className="ml-1 text-xs text-slate-500">{r.code}</span>}
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
              aria-invalid={!p.ok || undefined}
              data-cell={`${r.code === PARENT ? "parent" : r.code}:${k}`}
              value={cells[id] ?? ""}
              readOnly={!r.editable}
              inputMode="decimal"
              onChange={(e) => setCells((c) => ({ ...c, [id]: e.target.value }))}
              onPaste={(e) => onPaste(e, r.code, ci)}
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
  const childCount = rows.filter((r) => r.code !== PARENT).length;
  const shownChildren = shown.filter((r) => r.code !== PARENT).length;

  return (
    <div className="space-y-4" data-testid="target-grid">
      {anyEditable ? <p className="text-sm text-slate-600">{t("intro")}</p> : <p className="text-sm text-slate-600">{t("readOnly")}</p>}
      {anyEditable && grid.children.some((c) => c.editable) && (
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="suggest">
          <div className="flex flex-wrap items-end gap-2">
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
          {messageAt("suggest")}
        </div>
      )}

      {childCount > 8 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("search")}
            aria-label={t("search")}
            data-testid="grid-search"
            className="w-72 rounded border border-slate-300 px-2 py-1"
          />
          <span className="text-slate-500">{t("searchShown", { shown: shownChildren, total: childCount })}</span>
        </div>
      )}

      {/* Scrolls inside its own box so the header row stays in view (sticky) over 168 communes. */}
      <div className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[56rem] text-sm">
          <thead className="sticky top-0 z-10 bg-slate-50 shadow-[0_1px_0_0_rgb(226_232_240)]">
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
          <tbody>{shown.map((r, ri) => (r.code === PARENT ? renderRow(r, ri) : null))}</tbody>
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
          <tbody>{shown.map((r, ri) => (r.code === PARENT ? null : renderRow(r, ri)))}</tbody>
        </table>
      </div>

      {anyEditable && (
        <div className="space-y-2">
          <div className="flex flex-wrap items-end gap-3">
            <label className="flex flex-col text-sm">
              <span className="text-slate-600">{t("source")}</span>
              <input
                value={source}
                onChange={(e) => setSource(e.target.value)}
                placeholder={t("sourcePlaceholder")}
                className="w-72 rounded border border-slate-300 px-2 py-1"
              />
            </label>
            <button type="button" onClick={save} disabled={pending} className={buttonClass({ size: "lg" })}>
              {pending ? t("saving") : t("save")}
            </button>
            {changed.length > 0 && <span className="text-sm text-slate-600">{t("changedCells", { count: changed.length })}</span>}
          </div>
          {messageAt("save")}
        </div>
      )}
      {messageAt("paste")}

      <ConfirmDialog
        open={paste !== null}
        title={paste?.mode === "position" ? t("pastePreviewTitle") : t("pasteMatchedTitle")}
        confirmLabel={paste?.mode === "position" ? t("pasteApply") : t("pasteApplyMatched", { count: paste?.rows.length ?? 0 })}
        cancelLabel={t("pasteCancel")}
        onConfirm={applyPaste}
        onCancel={() => setPaste(null)}
        busy={!paste || paste.rows.length === 0}
        testId="paste-dialog"
      >
        {paste && (
          <div className="space-y-3">
            <p className="text-slate-600">{paste.mode === "position" ? t("pastePreviewIntro") : t("pasteMatchedIntro")}</p>
            {paste.header && <p className="text-slate-600">{t("pasteHeaderSkipped")}</p>}
            {paste.errors.length > 0 && (
              <div role="alert" data-testid="paste-errors" className="rounded bg-red-50 px-3 py-2 text-red-800">
                <p className="font-medium">{t("pasteErrors")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {paste.errors.map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              </div>
            )}
            {paste.rows.length > 0 ? (
              <table className="w-full text-sm" data-testid="paste-preview">
                <thead>
                  <tr className="border-b border-slate-200 text-left">
                    <th className="py-1 pr-2 font-medium">{t("unit")}</th>
                    <th className="py-1 font-medium">{t("suggestKey")}</th>
                  </tr>
                </thead>
                <tbody>
                  {paste.rows.map((r) => (
                    <tr key={r.code} data-paste-row={r.code} className="border-b border-slate-100 align-top">
                      <td className="py-1 pr-2">
                        {r.name} <span className="text-xs text-slate-500">({r.code})</span>
                      </td>
                      <td className="py-1">
                        {r.values.map((v) => (
                          <span key={v.key} className="mr-3 inline-block">
                            <span className="text-slate-500">{v.label}:</span> <span className="tabular-nums font-medium">{v.text === "" ? "—" : v.text}</span>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="text-slate-600">{t("pasteNothing")}</p>
            )}
          </div>
        )}
      </ConfirmDialog>
    </div>
  );
}
