"use client";
// The target grid: every child unit × the target keys of one year, editable like a spreadsheet
// (Enter/arrows move between rows), with the parent's own target, the children's sum and the gap on
// top, and a proportional "suggest". A block pasted from Excel is planned first (lib/domain/paste.ts):
// matched by its code/name column when it has one (unknown names refused), else previewed by position.
// Feedback shows next to the control used; a failed save selects the first cell at fault.
// Its data come packed from TargetGrid.tsx (grid-view.ts): a city's 168 communes × 7 targets, with
// the inputs' common classes on the table, so that the page stays light (issue 16).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { LeaveGuardDialog, useLeaveGuard } from "@/components/ui/LeaveGuard";
import { flushSync } from "react-dom";
import { COUNT_TARGET_KEYS, targetKindOf, type TargetKey } from "@/lib/domain/targets";
import { allocate, weightsFor, type AllocationBasis } from "@/lib/domain/allocation";
import { isBlock, parseTargetCell, pasteMessages, planPaste, showTargetCell as showCell, type PastePlan } from "@/lib/domain/paste";
import { matchesSearch } from "@/lib/collate";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { keyLabel } from "@/lib/i18n/labels";
import { saveTargetsAction } from "@/lib/actions/targets";
import type { ApiIssue } from "@/lib/figures/errors";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { buttonClass } from "@/components/ui/Button";
import { unpack } from "@/components/ui/packed";
import { PendingRows, useInBrowser } from "@/components/ui/in-browser";
import { GRID_COLUMNS, type GridView } from "./grid-view";

const COLUMNS = GRID_COLUMNS;
const PARENT = "__parent__";

type Targets = Partial<Record<TargetKey, { value: number; version: number }>>;
const targetsOf = (values: (number | null)[], versions: number[]): Targets =>
  Object.fromEntries(COLUMNS.flatMap((k, i) => (values[i] === null ? [] : [[k, { value: values[i], version: versions[i] }]])));

/** The packed grid as the grid's code reads it: the unit's and each child's targets by key. */
function expand(v: GridView) {
  return {
    unit: v.unit,
    year: v.year,
    editable: v.editable,
    basisSource: v.basisSource,
    hasOwnTargets: v.hasOwnTargets,
    targets: targetsOf(v.values, v.versions),
    children: unpack(v.children).map((c) => ({
      unit: { code: c.code, name: c.name, retired: c.retired },
      editable: c.editable,
      targets: targetsOf(c.values, c.versions),
      basis: { labourForce: c.labourForce, participants: c.participants },
      basisPeriod: c.basisYear !== null && c.basisQuarter !== null ? { year: c.basisYear, quarter: c.basisQuarter } : null,
    })),
  };
}
type Grid = ReturnType<typeof expand>;
/** The data-cell of an input: "parent:bhxhCompulsory", "10804:bhyt". */
const cellName = (code: string, k: TargetKey) => `${code === PARENT ? "parent" : code}:${k}`;

type Where = "suggest" | "save" | "paste";
type Message = { kind: "ok" | "error"; text: string; issues?: ApiIssue[]; at: Where };

export function TargetGridView({ view, unitCode, defaultSource }: { view: GridView; unitCode: string; defaultSource: string }) {
  const grid = useMemo(() => expand(view), [view]);
  const t = useTranslations("targets");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const inBrowser = useInBrowser();
  const rows = useMemo(
    () => [
      ...(grid.editable || grid.hasOwnTargets ? [{ code: PARENT, name: grid.unit.name, editable: grid.editable, retired: false }] : []),
      ...grid.children.map((c) => ({ code: c.unit.code, name: c.unit.name, editable: c.editable, retired: c.unit.retired })),
    ],
    [grid],
  );
  const initial = useMemo(() => {
    const m: Record<string, string> = {};
    for (const k of COLUMNS) {
      m[`${PARENT}|${k}`] = showCell(k, grid.targets[k]?.value, locale);
      for (const c of grid.children) m[`${c.unit.code}|${k}`] = showCell(k, c.targets[k]?.value, locale);
    }
    return m;
  }, [grid, locale]);
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
  // The name search is kept in the address (?q=), as every other long table keeps its view: a reload or
  // a link shows the same rows (a walk found the grid's search was lost).
  const searchParams = useSearchParams();
  const [query, setQueryState] = useState(() => searchParams.get("q") ?? "");
  const setQuery = (q: string) => {
    setQueryState(q);
    const params = new URLSearchParams(window.location.search);
    if (q.trim() === "") params.delete("q");
    else params.set("q", q);
    const search = params.toString();
    window.history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`);
  };
  const [paste, setPaste] = useState<PastePlan | null>(null);
  const [pending, start] = useTransition();

  // The unit's own row always shows; the others by name (without diacritics) or code.
  const shown = useMemo(() => rows.filter((r) => r.code === PARENT || matchesSearch(r.name, query) || r.code.includes(query.trim())), [rows, query]);

  /** Brings a cell into view and focuses it (clearing first a search that hides it). */
  function focusCell(code: string, k: TargetKey) {
    if (!shown.some((r) => r.code === code)) flushSync(() => setQuery(""));
    const el = document.querySelector<HTMLInputElement>(`[data-cell="${CSS.escape(cellName(code, k))}"]`);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus({ preventScroll: true });
  }

  // A cell's and a paste's messages in the interface's language.
  const pm = pasteMessages(locale);
  const parseCell = (k: TargetKey, text: string) => parseTargetCell(k, text, pm);
  const parsed = (code: string, k: TargetKey) => parseCell(k, cells[`${code}|${k}`] ?? "");
  const valueOf = (code: string, k: TargetKey) => {
    const p = parsed(code, k);
    return p.ok ? p.value : null;
  };
  const active = grid.children.filter((c) => !c.unit.retired);
  const sums = Object.fromEntries(COUNT_TARGET_KEYS.map((k) => [k, active.reduce((s, c) => s + (valueOf(c.unit.code, k) ?? 0), 0)])) as Record<string, number>;
  /** How many active children have a value of each count target: a sum of none is not "0", a sum of some says so. */
  const filled = Object.fromEntries(COUNT_TARGET_KEYS.map((k) => [k, active.filter((c) => valueOf(c.unit.code, k) !== null).length])) as Record<string, number>;
  const changed = Object.keys(cells).filter((id) => cells[id] !== initial[id]);
  const invalidCount = changed.filter((id) => !parseCell(id.split("|")[1] as TargetKey, cells[id]).ok).length;
  // Typed or pasted targets are not lost by leaving the page (components/ui/LeaveGuard.tsx).
  const guard = useLeaveGuard(changed.length > 0);
  const editableCodes = new Set(rows.filter((r) => r.editable).map((r) => r.code));
  /** "Xã Kim Thành (10804)": a unit is always named, its code beside it. */
  const unitLabel = (code: string) =>
    code === PARENT ? `${grid.unit.name} (${grid.unit.code})` : `${rows.find((r) => r.code === code)?.name ?? code} (${code})`;

  /** Focuses the cell of the shown row `row`, column `col` (Enter and the arrows). */
  function move(row: number, col: number) {
    const r = shown[row];
    if (r) document.querySelector<HTMLInputElement>(`[data-cell="${CSS.escape(cellName(r.code, COLUMNS[col]))}"]`)?.focus();
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
      pm,
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
    // A block matched by code or name says so; one without fills rows by position from the selected cell.
    setMessage({ kind: "ok", at: "paste", text: t(paste.mode === "matched" ? "pasteFilled" : "pasteFilledByPosition", { count: paste.rows.length }) });
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
    const even = basisInfo(targets).with === 0;
    const shares = allocate(
      parentTotal,
      weightsFor(
        basis,
        targets.map((c) => ({ key: c.unit.code, labourForce: c.basis.labourForce, participants: c.basis.participants })),
      ),
    );
    setCells((prev) => {
      const next = { ...prev };
      for (const s of shares) next[`${s.key}|${suggestKey}`] = formatNumber(s.value, locale);
      return next;
    });
    // Never a quiet even split: the message says what the shares are proportional to, or that they are equal.
    setMessage({
      kind: "ok",
      at: "suggest",
      text: even ? t("suggestedEven", { count: shares.length, basis: basisWord }) : `${t("suggested", { count: shares.length })} ${basisText(targets)}`,
    });
  }

  const basisWord = basis === "labourForce" ? t("basisLabourForce") : t("basisParticipants");
  /** How many of these children have a weight for the chosen basis, and the latest quarter of their figures. */
  function basisInfo(children: Grid["children"]) {
    const weighted = children.filter((c) => ((basis === "labourForce" ? c.basis.labourForce : c.basis.participants) ?? 0) > 0);
    const latest = weighted.flatMap((c) => (c.basisPeriod ? [c.basisPeriod] : [])).sort((a, b) => b.year - a.year || b.quarter - a.quarter)[0];
    return { with: weighted.length, total: children.length, latest: latest ?? null };
  }
  /** What the suggestion uses, in words (shown before and after "Phân bổ"). */
  function basisText(children: Grid["children"]) {
    const info = basisInfo(children);
    const villages = grid.basisSource === "villageFigures";
    if (info.with === 0 || !info.latest)
      return villages
        ? t("basisNoneVillages", { basis: basisWord, total: info.total })
        : t("basisNoneReports", { basis: basisWord, total: info.total, year: grid.year });
    const values = { basis: basisWord, with: info.with, total: info.total, q: info.latest.quarter, y: info.latest.year, year: grid.year };
    return villages ? t("basisVillages", values) : t("basisReports", values);
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
        guard.release();
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
      className={r.code === PARENT ? "bg-brand-50 font-medium" : r.retired ? "opacity-50" : undefined}
    >
      <td className="px-3 py-1">
        {r.code === PARENT ? (
          t("own", { name: r.name })
        ) : (
          <Link href={`/units/${encodeURIComponent(r.code)}`} id={`tgr-${r.code}`}>
            {r.name}
          </Link>
        )}
        {r.code !== PARENT && <small>{r.code}</small>}
        {r.retired && <span className="ml-1 text-xs">({t("retired")})</span>}
      </td>
      {COLUMNS.map((k, ci) => {
        const id = `${r.code}|${k}`;
        const p = parsed(r.code, k);
        const dirty = cells[id] !== initial[id];
        return (
          <td key={k}>
            <input
              // A child's cell is named by its row's and column's headers ("Xã Kim Thành Số người tham gia BHXH bắt buộc").
              aria-label={r.code === PARENT ? `${r.name} · ${keyLabel(k, locale)}` : undefined}
              aria-labelledby={r.code === PARENT ? undefined : `tgr-${r.code} tgc-${ci}`}
              aria-invalid={!p.ok || undefined}
              data-cell={cellName(r.code, k)}
              value={cells[id] ?? ""}
              readOnly={!r.editable}
              inputMode={r.editable ? "decimal" : undefined}
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
                if (p.ok && p.value !== null) setCells((c) => ({ ...c, [id]: showCell(k, p.value, locale) }));
              }}
              className={!p.ok ? "border-red-500 bg-red-50" : dirty ? "border-brand-600 bg-sky-50" : undefined}
              title={!p.ok ? p.message : undefined}
            />
          </td>
        );
      })}
    </tr>
  );

  const anyEditable = rows.some((r) => r.editable);
  /** Matched: green; not all split yet: amber; more split than the unit's own target: red. */
  const gapClass = (gap: number | null) =>
    gap === null
      ? "text-xs text-slate-500"
      : gap === 0
        ? "bg-emerald-50 text-emerald-900"
        : gap < 0
          ? "bg-red-50 text-red-800 font-semibold"
          : "bg-amber-100 text-amber-900 font-semibold";
  const childCount = rows.filter((r) => r.code !== PARENT).length;
  // Hydrated, a paste is the grid's (previewed, matched): browser tests wait for this before pasting
  // (a paste event before hydration reaches no handler and the browser's default fills one cell).
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => rootRef.current?.setAttribute("data-hydrated", ""), []);
  const shownChildren = shown.filter((r) => r.code !== PARENT).length;

  return (
    <div className="space-y-4" data-testid="target-grid" ref={rootRef}>
      {/* Every control waits for the page's script: a value typed before it runs would be lost (a walk found). */}
      <fieldset disabled={!inBrowser} className="m-0 min-w-0 space-y-4 border-0 p-0">
        {anyEditable ? <p className="text-sm text-slate-600">{t("intro")}</p> : <p className="text-sm text-slate-600">{t("readOnly")}</p>}
        {anyEditable && grid.children.some((c) => c.editable) && (
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 text-sm print:hidden" data-testid="suggest">
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
            <p className="text-slate-600" data-testid="suggest-basis" data-even={basisInfo(active.filter((c) => c.editable)).with === 0 || undefined}>
              {basisText(active.filter((c) => c.editable))}
              {grid.basisSource === "villageFigures" && (
                <>
                  {" "}
                  <Link href={`/units/${encodeURIComponent(unitCode)}/villages`} className="text-brand-700 underline">
                    {t("villageFiguresLink")}
                  </Link>
                </>
              )}
            </p>
            {messageAt("suggest")}
          </div>
        )}

        {childCount > 8 && (
          <div className="flex flex-wrap items-center gap-2 text-sm print:hidden">
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
        <div className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white print:max-h-none print:overflow-visible">
          {/* The cells' and inputs' common classes are the table's (1,200 inputs for a city); a read-only
            input has no border, an editable one a grey border unless its own class says otherwise. */}
          <table className="w-full min-w-[56rem] text-sm [&_a:hover]:underline [&_a]:text-brand-700 [&_input]:w-full [&_input]:min-w-24 [&_input]:rounded [&_input]:border [&_input]:px-2 [&_input]:py-1 [&_input]:text-right [&_input]:tabular-nums [&_input[readonly]]:border-transparent [&_input[readonly]]:bg-transparent [&_small]:ml-1 [&_small]:text-xs [&_small]:text-slate-500 [:where(&)_input]:border-slate-300 [:where(&)_td]:px-1 [:where(&)_td]:py-0.5">
            <thead className="sticky top-0 z-10 bg-slate-50 shadow-[0_1px_0_0_rgb(226_232_240)]">
              <tr>
                <th className="px-3 py-2 text-left font-medium">{t("unit")}</th>
                {COLUMNS.map((k, ci) => (
                  <th key={k} id={`tgc-${ci}`} className="px-2 py-2 text-right font-medium">
                    {keyLabel(k, locale)}
                    {targetKindOf(k) === "RATE" ? " (%)" : ""}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="[&>tr]:border-t [&>tr]:border-slate-100">{shown.map((r, ri) => (r.code === PARENT ? renderRow(r, ri) : null))}</tbody>
            {grid.children.length > 0 && (
              <tbody className="border-b-2 border-slate-300 bg-slate-50" data-testid="grid-summary">
                <tr data-row="sum">
                  <td className="px-3 py-1.5 font-medium">{t("sum")}</td>
                  {COLUMNS.map((k) => (
                    <td key={k} className="px-3 py-1.5 text-right tabular-nums" data-sum={k}>
                      {targetKindOf(k) !== "COUNT" || filled[k] === 0 ? (
                        ""
                      ) : filled[k] < active.length ? (
                        <>
                          {formatNumber(sums[k], locale)}
                          <span className="block text-xs text-slate-500">{t("sumPartial", { filled: filled[k], total: active.length })}</span>
                        </>
                      ) : (
                        formatNumber(sums[k], locale)
                      )}
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
                        {gap === null
                          ? // The units' targets add up to something, but the unit itself has none to split.
                            targetKindOf(k) === "COUNT" && filled[k] > 0
                            ? t("gapNoOwn")
                            : ""
                          : gap === 0
                            ? `0 · ${t("gapOk")}`
                            : gap < 0
                              ? t("gapOver", { n: formatNumber(-gap, locale) })
                              : formatNumber(gap, locale)}
                      </td>
                    );
                  })}
                </tr>
              </tbody>
            )}
            {/* The communes' rows drawn in the browser only (decision 0020): some 1.200 inputs for a city. */}
            <tbody className="[&>tr]:border-t [&>tr]:border-slate-100" aria-busy={inBrowser ? undefined : true}>
              {inBrowser ? (
                shown.map((r, ri) => (r.code === PARENT ? null : renderRow(r, ri)))
              ) : (
                <PendingRows n={shown.filter((r) => r.code !== PARENT).length} colSpan={COLUMNS.length + 1} />
              )}
            </tbody>
          </table>
        </div>

        {anyEditable && (
          <div className="space-y-2 print:hidden">
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
              {/* Cells that cannot be read are left out of the sums: say so before Save does. */}
              {invalidCount > 0 && (
                <span className="text-sm font-medium text-red-700" data-testid="invalid-count">
                  {t("invalidCount", { count: invalidCount })}
                </span>
              )}
            </div>
            {messageAt("save")}
          </div>
        )}
        {messageAt("paste")}
      </fieldset>

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
      <LeaveGuardDialog guard={guard} />
    </div>
  );
}
