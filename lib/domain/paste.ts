// Pasting a block from Excel into the target grid (issue 13): a plan of what goes where, before
// anything is filled. When the block has a column of unit codes or names, its rows are matched by
// that column whatever their order, and an unknown or ambiguous name is an error; a header row
// ("Mã", "Tên đơn vị", "Chỉ tiêu"…) is recognised and skipped. Without such a column the rows are
// placed by position, and the grid shows the plan for the user to confirm. Pure: no React, no database.
import { searchKey } from "../collate";
import { VALIDATION_MESSAGES_EN, VALIDATION_MESSAGES_VI, type ValidationMessages } from "./figures-validation";
import { parseDecimalNumber, parseWholeNumber, showFieldValue } from "./numbers";
import { targetKindOf, type TargetKey } from "./targets";
import type { Locale } from "../i18n/config";

/** A row of the grid that a pasted line may land on. */
export interface PasteTargetRow {
  code: string;
  name: string;
  editable: boolean;
  /** Shown instead of the code in messages (the grid's own unit row has no code of its own there). */
  label?: string;
}

export interface PasteColumn {
  key: TargetKey;
  label: string;
}

export interface PasteValue {
  key: TargetKey;
  label: string;
  /** The text to put in the cell: the number in the interface's format, or the pasted text when invalid. */
  text: string;
  value: number | null;
}

export interface PastePlanRow {
  /** 1-based line of the pasted block. */
  line: number;
  code: string;
  name: string;
  values: PasteValue[];
}

export interface PasteIssue {
  line: number;
  message: string;
}

export interface PastePlan {
  /** "matched": rows found by a code/name column; "position": rows by position from the pasted cell. */
  mode: "matched" | "position";
  /** The first line was a header and was skipped. */
  header: boolean;
  /** Index (0-based) of the pasted column holding codes or names, when matched. */
  keyColumn: number | null;
  rows: PastePlanRow[];
  errors: PasteIssue[];
}

export type CellParse = { ok: true; value: number | null } | { ok: false; message: string };

/**
 * What a paste or a cell says, and how its numbers are read, in the interface's language: Vietnamese
 * 13.624 and 53,1; English 13,624 and 53.1 (as Excel in English copies them).
 */
export interface PasteMessages {
  locale: Locale;
  validation: ValidationMessages;
  rate: string;
  cell: (line: number, who: string, label: string, cell: string, message: string) => string;
  missingUnit: (line: number) => string;
  unknownUnit: (line: number, cell: string) => string;
  ambiguous: (line: number, cell: string, codes: string) => string;
  repeated: (line: number, who: string, before: number) => string;
  locked: (line: number, who: string) => string;
  tooMany: (line: number, who: string, n: number, columns: number) => string;
  noRow: (line: number) => string;
}

export const PASTE_MESSAGES_VI: PasteMessages = {
  locale: "vi",
  validation: VALIDATION_MESSAGES_VI,
  rate: "Tỷ lệ là một số từ 0 đến 100 (%), dấu phẩy trước phần thập phân, ví dụ 53,1.",
  cell: (line, who, label, cell, message) => `Dòng ${line}, ${who} · ${label}: «${cell}» — ${message}`,
  missingUnit: (line) => `Dòng ${line}: thiếu tên hoặc mã đơn vị.`,
  unknownUnit: (line, cell) => `Dòng ${line}: không tìm thấy đơn vị «${cell}» trong bảng.`,
  ambiguous: (line, cell, codes) => `Dòng ${line}: có nhiều đơn vị tên «${cell}» (${codes}) — hãy dùng mã đơn vị.`,
  repeated: (line, who, before) => `Dòng ${line}: ${who} đã có ở dòng ${before}.`,
  locked: (line, who) => `Dòng ${line}: không sửa được chỉ tiêu của ${who}.`,
  tooMany: (line, who, n, columns) => `Dòng ${line}, ${who}: có ${n} giá trị nhưng bảng chỉ còn ${columns} cột từ ô đã chọn.`,
  noRow: (line) => `Dòng ${line}: bảng không còn đơn vị nào bên dưới để nhận dòng này.`,
};

export const PASTE_MESSAGES_EN: PasteMessages = {
  locale: "en",
  validation: VALIDATION_MESSAGES_EN,
  rate: "A rate is a number from 0 to 100 (%), with a decimal point, e.g. 53.1.",
  cell: (line, who, label, cell, message) => `Line ${line}, ${who} · ${label}: «${cell}» — ${message}`,
  missingUnit: (line) => `Line ${line}: no unit name or code.`,
  unknownUnit: (line, cell) => `Line ${line}: no unit «${cell}» in the table.`,
  ambiguous: (line, cell, codes) => `Line ${line}: several units are named «${cell}» (${codes}): use the unit's code.`,
  repeated: (line, who, before) => `Line ${line}: ${who} is already on line ${before}.`,
  locked: (line, who) => `Line ${line}: the targets of ${who} cannot be changed here.`,
  tooMany: (line, who, n, columns) => `Line ${line}, ${who}: ${n} values, but only ${columns} columns from the chosen cell.`,
  noRow: (line) => `Line ${line}: no unit left below in the table for this line.`,
};

export const pasteMessages = (locale: "vi" | "en"): PasteMessages => (locale === "en" ? PASTE_MESSAGES_EN : PASTE_MESSAGES_VI);

/**
 * A target cell as typed or pasted, read in the messages' language (lib/domain/numbers.ts): counts
 * "13.624" in Vietnamese, "13,624" in English; rates as percentages, "53,1%" or "53,1" in Vietnamese,
 * "53.1%" or "53.1" in English → 0.531.
 */
export function parseTargetCell(key: TargetKey, text: string, m: PasteMessages = PASTE_MESSAGES_VI): CellParse {
  const s = text.trim();
  if (targetKindOf(key) === "COUNT") return parseWholeNumber(s, m.locale, m.validation);
  if (s === "") return { ok: true, value: null };
  const p = parseDecimalNumber(s.replace(/\s*%$/, "").trim(), m.locale);
  if (!p.ok || p.value === null || p.value > 100) return { ok: false, message: m.rate };
  return { ok: true, value: Math.round(p.value * 100) / 10000 };
}

/** A target value as the grid shows it: counts 13.624, rates as a percentage 53,1 (English: 13,624 and 53.1). */
export function showTargetCell(key: TargetKey, value: number | null | undefined, locale: Locale = "vi"): string {
  // lib/format's cached formatters (a new Intl formatter per cell was a quarter of the targets page's time, issue 16); one decimal of a rate.
  return showFieldValue(targetKindOf(key), value, locale, 1);
}

/** The lines and cells of a block copied from a spreadsheet (tab-separated, CRLF or LF), blank lines dropped. */
export function splitBlock(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.split("\t").map((c) => c.trim()))
    .filter((cells) => cells.some((c) => c !== ""));
}

/** Is this a block (several cells) rather than a single value the input should take as typed? */
export function isBlock(text: string): boolean {
  return /[\t\n]/.test(text.trim());
}

const PREFIX = /^(xa|phuong|thi tran|dac khu|thon|ban|ap|to dan pho|khu pho|tdp|to)\s+/;

/** A name for matching: no case, no diacritics, without the "Xã"/"Phường"/"Thôn"/"Tổ dân phố"… prefix. */
export function nameKey(name: string): string {
  return searchKey(name).replace(PREFIX, "");
}

const HEADER_WORDS = /(^|\s)(ma|ten|don vi|chi tieu|stt|tt|so|ty le|bhxh|bhyt|bhtn|nam|ghi chu|xa|phuong|thon|code|name|unit|target|no)(\s|$|\.|:)/;

const looksNumeric = (cell: string) => /^[+-]?\d[\d.,\s]*%?$/.test(cell);

type Lookup = { kind: "found"; row: PasteTargetRow } | { kind: "ambiguous"; rows: PasteTargetRow[] } | { kind: "none" };

function lookup(rows: readonly PasteTargetRow[], cell: string): Lookup {
  const c = cell.trim();
  if (c === "") return { kind: "none" };
  const byCode = rows.filter((r) => r.code.toLowerCase() === c.toLowerCase());
  if (byCode.length === 1) return { kind: "found", row: byCode[0] };
  // A number is a value, never a name ("5" is not "Thôn 5").
  if (looksNumeric(c)) return { kind: "none" };
  // The full name first ("Xã An Lão" beside "Thị trấn An Lão"), then without the prefix.
  const full = rows.filter((r) => searchKey(r.name) === searchKey(c));
  if (full.length === 1) return { kind: "found", row: full[0] };
  if (full.length > 1) return { kind: "ambiguous", rows: full };
  const bare = nameKey(c);
  const loose = bare === "" ? [] : rows.filter((r) => nameKey(r.name) === bare);
  if (loose.length === 1) return { kind: "found", row: loose[0] };
  if (loose.length > 1) return { kind: "ambiguous", rows: loose };
  return { kind: "none" };
}

const who = (r: PasteTargetRow) => r.label ?? `${r.name} (${r.code})`;

function valuesOf(cells: string[], columns: readonly PasteColumn[], m: PasteMessages): PasteValue[] {
  const out: PasteValue[] = [];
  cells.forEach((cell, j) => {
    const col = columns[j];
    if (!col) return;
    const p = parseTargetCell(col.key, cell, m);
    out.push({ key: col.key, label: col.label, text: p.ok ? showTargetCell(col.key, p.value, m.locale) : cell, value: p.ok ? p.value : null });
  });
  return out;
}

function valueIssues(line: number, row: PasteTargetRow, cells: string[], columns: readonly PasteColumn[], m: PasteMessages): PasteIssue[] {
  const issues: PasteIssue[] = [];
  cells.forEach((cell, j) => {
    const col = columns[j];
    if (!col) return;
    const p = parseTargetCell(col.key, cell, m);
    if (!p.ok) issues.push({ line, message: m.cell(line, who(row), col.label, cell, p.message) });
  });
  return issues;
}

/**
 * Plans a paste into the grid.
 * - `rows`: the grid's rows, top to bottom; `start`: the row index where the block was pasted.
 * - `columns`: the grid's value columns from the pasted cell rightwards (the first value column
 *   of the block lands on the first of them).
 */
export function planPaste(
  text: string,
  rows: readonly PasteTargetRow[],
  start: number,
  columns: readonly PasteColumn[],
  m: PasteMessages = PASTE_MESSAGES_VI,
): PastePlan {
  const lines = splitBlock(text);
  const width = Math.max(0, ...lines.map((l) => l.length));

  // Which columns hold unit codes or names? A column where units or other text outnumber numbers;
  // the one with the most units found (uniquely) is the key.
  const keyLike: number[] = [];
  let best: { col: number; found: number } | null = null;
  for (let j = 0; j < width; j++) {
    let found = 0;
    let text = 0;
    let numbers = 0;
    lines.forEach((l, i) => {
      const cell = l[j] ?? "";
      if (cell === "") return;
      const m = lookup(rows, cell);
      if (m.kind === "found") found++;
      if (m.kind !== "none") text++;
      else if (looksNumeric(cell)) numbers++;
      else if (!(i === 0 && HEADER_WORDS.test(searchKey(cell)))) text++;
    });
    if (text > numbers) {
      keyLike.push(j);
      if (found > 0 && (!best || found > best.found)) best = { col: j, found };
    }
  }

  // A header: the first line, with nothing in it that is a number or a unit, and a header word.
  const first = lines[0] ?? [];
  const header =
    lines.length > 0 &&
    first.every((c) => c === "" || (!looksNumeric(c) && lookup(rows, c).kind === "none")) &&
    first.some((c) => HEADER_WORDS.test(searchKey(c)));
  const data = lines.map((cells, i) => ({ line: i + 1, cells })).slice(header ? 1 : 0);

  const errors: PasteIssue[] = [];
  const planned: PastePlanRow[] = [];

  // A key column: either a column where units were found, or (all names unknown) a textual column.
  const keyColumn = best?.col ?? (keyLike.length > 0 ? keyLike[keyLike.length - 1] : null);
  if (keyColumn !== null) {
    // Values are the columns right of the last code/name column (an "STT, Mã, Tên, values" layout).
    const firstValue = Math.max(keyColumn, ...keyLike) + 1;
    const seen = new Map<string, number>();
    for (const { line, cells } of data) {
      const cell = cells[keyColumn] ?? "";
      const values = cells.slice(firstValue);
      if (cell === "") {
        errors.push({ line, message: m.missingUnit(line) });
        continue;
      }
      const found = lookup(rows, cell);
      if (found.kind === "none") {
        errors.push({ line, message: m.unknownUnit(line, cell) });
        continue;
      }
      if (found.kind === "ambiguous") {
        errors.push({ line, message: m.ambiguous(line, cell, found.rows.map((r) => r.code).join(", ")) });
        continue;
      }
      const r = found.row;
      const before = seen.get(r.code);
      if (before !== undefined) {
        errors.push({ line, message: m.repeated(line, who(r), before) });
        continue;
      }
      seen.set(r.code, line);
      if (!r.editable) {
        errors.push({ line, message: m.locked(line, who(r)) });
        continue;
      }
      if (values.length > columns.length) {
        errors.push({ line, message: m.tooMany(line, who(r), values.length, columns.length) });
      }
      const bad = valueIssues(line, r, values, columns, m);
      errors.push(...bad);
      if (bad.length === 0) planned.push({ line, code: r.code, name: r.name, values: valuesOf(values, columns, m) });
    }
    return { mode: "matched", header, keyColumn, rows: planned, errors };
  }

  // No code/name column: by position from the pasted row.
  data.forEach(({ line, cells }, i) => {
    const r = rows[start + i];
    if (!r) {
      errors.push({ line, message: m.noRow(line) });
      return;
    }
    if (!r.editable) {
      errors.push({ line, message: m.locked(line, who(r)) });
      return;
    }
    if (cells.length > columns.length) {
      errors.push({ line, message: m.tooMany(line, who(r), cells.length, columns.length) });
    }
    const bad = valueIssues(line, r, cells, columns, m);
    errors.push(...bad);
    if (bad.length === 0) planned.push({ line, code: r.code, name: r.name, values: valuesOf(cells, columns, m) });
  });
  return { mode: "position", header, keyColumn: null, rows: planned, errors };
}
