// Reading a figures file (issue 14), pure: the layout of the template (title with the period, a
// header row with "Mã", "Tên đơn vị" and the twelve metrics in Vietnamese), and turning a grid of
// cells — from an .xlsx (lib/imports/workbook.ts) or a CSV (below) — into rows matched by their
// official code, with an error naming the row and column for everything that cannot be read.
// No database, no React: table-tested in tests/unit/imports-sheet.test.ts.
import { searchKey } from "../collate";
import { METRIC_KEYS, type MetricKey } from "../domain/metrics";
import { maxFor, METRIC_LABELS_VI, parseVnInteger, VALIDATION_MESSAGES_VI } from "../domain/figures-validation";

/** A cell as read: text, a number, empty, or something that cannot be a value (the reason). */
export type GridCell = string | number | null | { bad: string };
export type Grid = GridCell[][];

export interface SheetIssue {
  /** 1-based row of the sheet (or line of the CSV). */
  row: number;
  /** Column letter and header: "D (Số người tham gia BHXH bắt buộc)"; "" for the whole row or file. */
  column: string;
  unitCode: string | null;
  unitName: string | null;
  message: string;
}

export interface ParsedRow<K extends string = MetricKey> {
  row: number;
  code: string;
  name: string;
  /** The value cells that hold a value (an empty cell keeps what is stored). */
  values: Partial<Record<K, number>>;
}

export interface ParsedSheet<K extends string = MetricKey> {
  rows: ParsedRow<K>[];
  errors: SheetIssue[];
  /** The value columns the file has. */
  columns: K[];
  /** Each value column's letter and header, for messages: "D (Số người tham gia BHXH bắt buộc (người))". */
  columnNames: Partial<Record<K, string>>;
  /** The period the title names, when it names one. */
  period: { year: number; quarter: number } | null;
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const HEADER_ROW = 4;
export const CODE_HEADER = "Mã";
export const NAME_HEADER = "Tên đơn vị";

/** "Số người tham gia BHXH bắt buộc (người)" */
export const metricHeader = (k: MetricKey) => `${METRIC_LABELS_VI[k].label} (${METRIC_LABELS_VI[k].unit})`;
export const FIGURES_HEADERS = [CODE_HEADER, NAME_HEADER, ...METRIC_KEYS.map(metricHeader)];

/** The title of a template: the period in a form the reader finds again ("quý 3/2026"). */
export function figuresTitle(unitName: string, year: number, quarter: number, kind: "actual" | "estimate" = "actual"): string {
  return kind === "estimate"
    ? `Ước thực hiện năm ${year} (số liệu đến 31/12/${year}, quý 4/${year}) — ${unitName}`
    : `Số liệu báo cáo quý ${quarter}/${year} — ${unitName}`;
}

export function figuresSubtitle(year: number, quarter: number): string {
  const end = ["31/3", "30/6", "30/9", "31/12"][quarter - 1];
  return `Số liệu tính đến ${end}/${year} (số tiền lũy kế từ đầu năm). Khớp dòng theo cột «Mã»; ô để trống giữ nguyên số đã lưu.`;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * The period a title names: "quý 3/2026", "Quý III năm 2026", "quý I năm 2026", "6 tháng đầu năm 2026"
 * (Q2), "9 tháng đầu năm 2026" (Q3), "năm 2026" (Q4, as the exported reports name it). Null if none.
 */
export function periodOfTitle(text: string): { year: number; quarter: number } | null {
  const s = searchKey(text);
  let m = s.match(/quy\s*(iv|iii|ii|i|[1-4])\s*(?:\/|nam|-)\s*(\d{4})/);
  if (m) return { year: Number(m[2]), quarter: ROMAN[m[1]] ?? Number(m[1]) };
  m = s.match(/(6|9)\s*thang\s*(?:dau\s*)?nam\s*(\d{4})/);
  if (m) return { year: Number(m[2]), quarter: m[1] === "6" ? 2 : 3 };
  m = s.match(/(?:^|\s)nam\s*(\d{4})/);
  if (m) return { year: Number(m[1]), quarter: 4 };
  return null;
}

/** 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const CODE_KEYS = new Set(["ma", "ma don vi", "ma xa", "ma dvhc", "ma don vi hanh chinh", "code", "unitcode"]);
const NAME_KEYS = new Set(["ten don vi", "don vi", "ten xa", "ten", "name", "xa, phuong", "xa phuong"]);
const METRIC_HEADER_KEYS = METRIC_KEYS.map((k) => ({ key: k, label: searchKey(METRIC_LABELS_VI[k].label), raw: k.toLowerCase() }));

const cellText = (c: GridCell): string => (c === null ? "" : typeof c === "object" ? "" : String(c).trim());

/** Which metric a header names: the Vietnamese label (with or without its unit), or the API key. */
export function metricOfHeader(header: string): MetricKey | null {
  const h = searchKey(header);
  if (h === "") return null;
  for (const m of METRIC_HEADER_KEYS) if (h === m.raw || h === m.label || h.startsWith(`${m.label} (`)) return m.key;
  return null;
}

/**
 * An official code from a cell: text as written, a number as digits — a commune code is five digits,
 * so a number that lost its leading zeros in Excel (4 → "00004") gets them back.
 */
export function codeOfCell(c: GridCell): string {
  if (typeof c === "number") return Number.isInteger(c) && c >= 0 ? String(c).padStart(5, "0") : String(c);
  return cellText(c);
}

export type CellValue = { ok: true; value: number | null } | { ok: false; message: string };

/** A metric cell: a whole non-negative number (a real number cell, or text "13.624" / "13624"), or empty. */
export function valueOfCell(key: MetricKey, c: GridCell): CellValue {
  if (c === null) return { ok: true, value: null };
  if (typeof c === "object") return { ok: false, message: c.bad };
  if (typeof c === "number") {
    if (!Number.isFinite(c)) return { ok: false, message: VALIDATION_MESSAGES_VI.notANumber };
    if (c < 0) return { ok: false, message: VALIDATION_MESSAGES_VI.negative };
    if (!Number.isInteger(c)) return { ok: false, message: `${VALIDATION_MESSAGES_VI.notInteger} (ô chứa «${String(c).replace(".", ",")}»)` };
    if (c > maxFor(key)) return { ok: false, message: VALIDATION_MESSAGES_VI.tooBig(key) };
    return { ok: true, value: c };
  }
  const text = c.trim();
  const p = parseVnInteger(text);
  if (!p.ok) return { ok: false, message: `${p.message} (ô chứa «${text.slice(0, 40)}»)` };
  if (p.value !== null && p.value > maxFor(key)) return { ok: false, message: VALIDATION_MESSAGES_VI.tooBig(key) };
  return p;
}

export const MSG_IMPORT = {
  noHeader: `Không tìm thấy dòng tiêu đề có cột «${CODE_HEADER}» và các cột số liệu (ví dụ «${METRIC_LABELS_VI.bhxhCompulsory.label}»): hãy dùng tệp mẫu tải từ trang nhập.`,
  noMetric: "Dòng tiêu đề không có cột số liệu nào khớp với các chỉ tiêu: hãy dùng tệp mẫu tải từ trang nhập.",
  duplicateColumn: (first: string) => `Cột này trùng chỉ tiêu với cột ${first}.`,
  wrongYear: (got: number, want: number) => `Tiêu đề tệp ghi năm ${got}, nhưng đang nhập chỉ tiêu năm ${want}: hãy chọn đúng năm hoặc dùng đúng tệp.`,
  wrongPeriod: (got: { year: number; quarter: number }, want: { year: number; quarter: number }) =>
    `Tiêu đề tệp ghi số liệu quý ${got.quarter}/${got.year}, nhưng đang nhập quý ${want.quarter}/${want.year}: hãy chọn đúng kỳ hoặc dùng đúng tệp.`,
  missingCode: "Dòng có số liệu nhưng thiếu mã đơn vị ở cột «Mã».",
  duplicateCode: (row: number) => `Mã đơn vị trùng với dòng ${row}: mỗi xã chỉ một dòng.`,
  merged: "Ô gộp (merge) trong vùng số liệu: hãy bỏ gộp ô, mỗi xã một dòng.",
  formulaNoValue: "Ô có công thức nhưng chưa có giá trị đã tính: mở tệp trong Excel, lưu lại rồi tải lên (hoặc thay công thức bằng số).",
  formulaError: (e: string) => `Công thức trong ô cho kết quả lỗi ${e}.`,
  notSpreadsheet: "Tệp không phải bảng tính Excel (.xlsx) hay CSV: hãy tải lên tệp mẫu đã điền số liệu.",
  oldExcel: "Tệp Excel 97–2003 (.xls) không đọc được: trong Excel chọn Lưu thành (Save As) → Sổ làm việc Excel (.xlsx) rồi tải lên.",
  notUtf8: "Tệp CSV phải mã hóa UTF-8: trong Excel chọn Lưu thành → CSV UTF-8 (phân tách bằng dấu phẩy).",
  empty: "Tệp không có dòng số liệu nào.",
  tooLarge: "Tệp quá lớn (tối đa 10 MB).",
  tooManyRows: "Tệp có quá nhiều dòng (tối đa 20.000).",
} as const;

const MAX_ROWS = 20_000;

/** Finds the header row (within the first 20 rows): a "Mã" cell and at least one metric column. */
function findHeader<K extends string>(grid: Grid, keyOf: (header: string) => K | null): { index: number; code: number; name: number | null } | null {
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const cells = grid[r] ?? [];
    const code = cells.findIndex((c) => CODE_KEYS.has(searchKey(cellText(c))));
    if (code < 0) continue;
    if (!cells.some((c) => keyOf(cellText(c)) !== null)) continue;
    const name = cells.findIndex((c, i) => i !== code && NAME_KEYS.has(searchKey(cellText(c))));
    return { index: r, code, name: name < 0 ? null : name };
  }
  return null;
}

/**
 * Reads a grid: the period in the title (the rows above the header), the header, and every row
 * below it — matched by its code, never its position. Errors name the row and column; an empty row
 * is skipped; a row with a value but no code, a repeated code, text in a number cell, a formula
 * without a value, a merged cell are errors.
 */
export function parseFiguresGrid(grid: Grid, expected?: { year: number; quarter: number }): ParsedSheet {
  return parseGrid<MetricKey>(grid, { keyOf: metricOfHeader, valueOf: valueOfCell, label: (k) => METRIC_LABELS_VI[k].label, expected });
}

export interface GridSpec<K extends string> {
  /** The value column a header names, or null. */
  keyOf: (header: string) => K | null;
  valueOf: (key: K, cell: GridCell) => CellValue;
  label: (key: K) => string;
  /** The period of the import: a title naming another is an error (only the year when quarter is left out). */
  expected?: { year: number; quarter?: number };
}

/** parseFiguresGrid for any set of value columns (the figures, or a year's targets). */
export function parseGrid<K extends string>(grid: Grid, spec: GridSpec<K>): ParsedSheet<K> {
  const { expected } = spec;
  const errors: SheetIssue[] = [];
  const issue = (row: number, column: string, message: string, unitCode: string | null = null, unitName: string | null = null) =>
    errors.push({ row, column, unitCode, unitName, message });
  const header = findHeader(grid, spec.keyOf);
  if (!header) {
    issue(1, "", MSG_IMPORT.noHeader);
    return { rows: [], errors, columns: [], columnNames: {}, period: null };
  }
  let period: { year: number; quarter: number } | null = null;
  for (let r = 0; r < header.index && !period; r++) {
    for (const c of grid[r] ?? []) {
      const p = periodOfTitle(cellText(c));
      if (p) {
        period = p;
        if (expected && expected.quarter === undefined && p.year !== expected.year) issue(r + 1, "A", MSG_IMPORT.wrongYear(p.year, expected.year));
        else if (expected && expected.quarter !== undefined && (p.year !== expected.year || p.quarter !== expected.quarter))
          issue(r + 1, "A", MSG_IMPORT.wrongPeriod(p, { year: expected.year, quarter: expected.quarter }));
        break;
      }
    }
  }

  const headerCells = grid[header.index];
  const columns: { index: number; key: K }[] = [];
  const seen = new Map<K, number>();
  headerCells.forEach((c, i) => {
    const key = spec.keyOf(cellText(c));
    if (!key) return;
    const first = seen.get(key);
    if (first !== undefined) issue(header.index + 1, `${columnLetter(i)} (${cellText(c)})`, MSG_IMPORT.duplicateColumn(columnLetter(first)));
    else {
      seen.set(key, i);
      columns.push({ index: i, key });
    }
  });
  const colName = (i: number) => `${columnLetter(i)} (${cellText(headerCells[i]) || (i === header.code ? CODE_HEADER : "")})`;

  const columnNames = Object.fromEntries(columns.map((c) => [c.key, colName(c.index)])) as Partial<Record<K, string>>;
  const rows: ParsedRow<K>[] = [];
  const firstRowOf = new Map<string, number>();
  if (grid.length - header.index - 1 > MAX_ROWS) {
    issue(header.index + 2, "", MSG_IMPORT.tooManyRows);
    return { rows, errors, columns: columns.map((c) => c.key), columnNames, period };
  }
  const used = [header.code, ...(header.name === null ? [] : [header.name]), ...columns.map((c) => c.index)];
  for (let r = header.index + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const rowNo = r + 1;
    if (used.every((i) => cells[i] === null || cells[i] === undefined || (typeof cells[i] === "string" && (cells[i] as string).trim() === ""))) continue;
    const code = codeOfCell(cells[header.code] ?? null);
    const name = header.name === null ? "" : cellText(cells[header.name] ?? null);
    const codeCell = cells[header.code];
    if (codeCell && typeof codeCell === "object") {
      issue(rowNo, colName(header.code), codeCell.bad, null, name || null);
      continue;
    }
    const values: Partial<Record<K, number>> = {};
    let rowErrors = 0;
    for (const col of columns) {
      const v = spec.valueOf(col.key, cells[col.index] ?? null);
      if (!v.ok) {
        rowErrors++;
        // Named once: a message that names its figure already ("Dân số: không được vượt quá …") is not prefixed again.
        const label = spec.label(col.key);
        issue(rowNo, colName(col.index), v.message.startsWith(`${label}:`) ? v.message : `${label}: ${v.message}`, code || null, name || null);
      } else if (v.value !== null) values[col.key] = v.value;
    }
    if (code === "") {
      // A line of totals or notes below the table, with no code and no number: skipped as empty.
      if (Object.keys(values).length === 0 && rowErrors === 0) continue;
      issue(rowNo, colName(header.code), MSG_IMPORT.missingCode, null, name || null);
      continue;
    }
    const first = firstRowOf.get(code.toLowerCase());
    if (first !== undefined) {
      issue(rowNo, colName(header.code), MSG_IMPORT.duplicateCode(first), code, name || null);
      continue;
    }
    firstRowOf.set(code.toLowerCase(), rowNo);
    if (rowErrors === 0) rows.push({ row: rowNo, code, name, values });
  }
  if (rows.length === 0 && errors.length === 0) issue(header.index + 2, "", MSG_IMPORT.empty);
  return { rows, errors, columns: columns.map((c) => c.key), columnNames, period };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The delimiter of a CSV: the one of ";" and "," that splits the busiest line into more cells. */
export function csvDelimiter(text: string): ";" | "," {
  let semi = 0;
  let comma = 0;
  for (const line of text.split(/\r?\n/, 30)) {
    const bare = line.replace(/"[^"]*"/g, "");
    semi = Math.max(semi, (bare.match(/;/g) ?? []).length);
    comma = Math.max(comma, (bare.match(/,/g) ?? []).length);
  }
  return semi >= comma && semi > 0 ? ";" : ",";
}

/** UTF-8 text of a CSV file (a BOM dropped), or null when it is not UTF-8 text. */
export function csvText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    if (text.includes("\u0000")) return null;
    return text.replace(/^\uFEFF/, "");
  } catch {
    return null;
  }
}

/** Splits CSV text (RFC 4180 quotes, CRLF or LF) into a grid of text cells; blank cells are null. */
export function csvGrid(text: string, delimiter: string = csvDelimiter(text)): Grid {
  const grid: Grid = [];
  let row: GridCell[] = [];
  let cell = "";
  let quoted = false;
  const push = () => {
    const t = cell.trim();
    row.push(t === "" ? null : t);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === delimiter) push();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      push();
      grid.push(row);
      row = [];
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    push();
    grid.push(row);
  }
  return grid;
}

const csvQuote = (s: string, delimiter: string) => (/["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s);

/** A grid as CSV (";" as Vietnamese Excel expects, a BOM so that Excel reads UTF-8, CRLF). */
export function toCsv(rows: (string | number | null)[][], delimiter = ";"): string {
  return "\uFEFF" + rows.map((r) => r.map((c) => (c === null ? "" : csvQuote(String(c), delimiter))).join(delimiter)).join("\r\n") + "\r\n";
}

/** What kind of file the bytes are. */
export function sniffFile(bytes: Uint8Array, name: string): "xlsx" | "xls" | "csv" | "unknown" {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  if (/\.(xlsx|xlsm|xls|ods|pdf|docx?)$/i.test(name) && !/\.csv$/i.test(name)) return "unknown";
  return csvText(bytes) === null ? "unknown" : "csv";
}
