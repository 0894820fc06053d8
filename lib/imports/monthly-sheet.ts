// A year's monthly figures of a unit in a file (issue 15, item 2): the template's layout (title with
// the year, a header row with «Tháng», «Kỳ» and the seven monthly fields under the monthly form's
// labels, one month a row), and reading a grid back — rows matched by their month, never their
// position, with an error naming the row and column for everything that cannot be read. Pure: the
// cells are read with lib/imports/sheet.ts's rules ("13.624" or 13624; no negative, no decimals,
// no text), the service (lib/monthly/import.ts) then applies the monthly form's own rules.
import { searchKey } from "../collate";
import { MONTHLY_METRIC_KEYS, type MonthlyMetricKey } from "../domain/scenario";
import { METRIC_LABELS_VI } from "../domain/figures-validation";
import { columnLetter, metricHeader, metricOfHeader, MSG_IMPORT, periodOfTitle, valueOfCell, type Grid, type GridCell, type SheetIssue } from "./sheet";

export const MONTH_HEADER = "Tháng";
export const PERIOD_HEADER = "Kỳ";
/** «Tháng», «Kỳ», then "Số người tham gia BHXH bắt buộc (người)", … "Số tiền chậm đóng (đồng)": the monthly form's labels and units. */
export const MONTHLY_HEADERS = [MONTH_HEADER, PERIOD_HEADER, ...MONTHLY_METRIC_KEYS.map(metricHeader)];

export function monthlyTitle(unitName: string, year: number): string {
  return `Số liệu theo tháng năm ${year} — ${unitName}`;
}

export const MONTHLY_SUBTITLE =
  "Số người tham gia tính đến ngày cuối tháng; số phải thu, số đã thu lũy kế từ đầu năm; số tiền chậm đóng tại ngày cuối tháng. Mỗi tháng một dòng, khớp theo cột «Tháng»; ô để trống giữ nguyên số đã lưu; chỉ nhập được tháng đã kết thúc.";

/** The period column's text: "Tháng 3/2026", "Tháng 12/2026 (chưa kết thúc)". */
export const periodText = (year: number, month: number, ended: boolean) => `Tháng ${month}/${year}${ended ? "" : " (chưa kết thúc)"}`;

/** The refusals of a monthly file (Vietnamese; their English is in lib/i18n/server-messages.ts). */
export const MSG_MONTHLY_FILE = {
  noHeader: `Không tìm thấy dòng tiêu đề có cột «${MONTH_HEADER}» và các cột số liệu tháng (ví dụ «${METRIC_LABELS_VI.bhxhCompulsory.label}»): hãy dùng tệp mẫu tải từ trang Theo tháng.`,
  wrongYear: (got: number, want: number) => `Tiêu đề tệp ghi năm ${got}, nhưng đang nhập số liệu tháng năm ${want}: hãy chọn đúng năm hoặc dùng đúng tệp.`,
  badMonth: (text: string) => `Cột «${MONTH_HEADER}» phải là số tháng từ 1 đến 12 (ô chứa «${text}»).`,
  otherYear: (month: number, got: number, want: number) => `Dòng này là tháng ${month}/${got}, nhưng tệp đang nhập năm ${want}.`,
  missingMonth: `Dòng có số liệu nhưng thiếu tháng ở cột «${MONTH_HEADER}».`,
  duplicateMonth: (month: number, row: number) => `Tháng ${month} trùng với dòng ${row}: mỗi tháng một dòng.`,
  duplicateColumn: (first: string) => `Cột này trùng với cột ${first}.`,
} as const;

/** Which monthly field a header names: the form's label (with or without its unit), or the API key. */
export function monthlyMetricOfHeader(header: string): MonthlyMetricKey | null {
  const k = metricOfHeader(header);
  return k !== null && (MONTHLY_METRIC_KEYS as readonly string[]).includes(k) ? (k as MonthlyMetricKey) : null;
}

const MONTH_KEYS = new Set(["thang", "month"]);
const cellText = (c: GridCell): string => (c === null ? "" : typeof c === "object" ? "" : String(c).trim());

/** A month cell: 3, "3", "03", "Tháng 3", "3/2026", "Tháng 3/2026" (a year, when given, must be the file's). */
export function monthOfCell(c: GridCell, year: number): { ok: true; month: number | null } | { ok: false; message: string } {
  if (c === null) return { ok: true, month: null };
  if (typeof c === "object") return { ok: false, message: c.bad };
  const text = cellText(c);
  if (text === "") return { ok: true, month: null };
  const m = /^(?:thang\s*)?(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?$/.exec(searchKey(text));
  const month = m ? Number(m[1]) : Number.NaN;
  if (!m || !Number.isInteger(month) || month < 1 || month > 12) return { ok: false, message: MSG_MONTHLY_FILE.badMonth(text.slice(0, 40)) };
  if (m[2] && Number(m[2]) !== year) return { ok: false, message: MSG_MONTHLY_FILE.otherYear(month, Number(m[2]), year) };
  return { ok: true, month };
}

export interface MonthlyRow {
  /** 1-based row of the sheet (or line of the CSV). */
  row: number;
  month: number;
  /** The value cells that hold a value (an empty cell keeps what is stored). */
  values: Partial<Record<MonthlyMetricKey, number>>;
}

export interface ParsedMonthlySheet {
  rows: MonthlyRow[];
  errors: SheetIssue[];
  /** The month column's letter and header, for messages: "A (Tháng)". */
  monthColumn: string;
  /** Each value column's letter and header: "C (Số người tham gia BHXH bắt buộc (người))". */
  columnNames: Partial<Record<MonthlyMetricKey, string>>;
}

/**
 * Reads a grid: the year in the title (the rows above the header), the header (within the first 20
 * rows: a «Tháng» cell and at least one monthly field), and every row below it. An empty row is
 * skipped; a row with a value but no month, a month repeated or not 1–12, another year's month,
 * text or a negative or decimal number in a value cell, a formula without a value, a merged cell
 * are errors naming the row and column.
 */
export function parseMonthlyGrid(grid: Grid, year: number): ParsedMonthlySheet {
  const errors: SheetIssue[] = [];
  const issue = (row: number, column: string, message: string, month: number | null = null) =>
    errors.push({ row, column, unitCode: month === null ? null : String(month), unitName: month === null ? null : `Tháng ${month}/${year}`, message });
  let header: { index: number; month: number } | null = null;
  for (let r = 0; r < Math.min(grid.length, 20) && !header; r++) {
    const cells = grid[r] ?? [];
    const month = cells.findIndex((c) => MONTH_KEYS.has(searchKey(cellText(c))));
    if (month >= 0 && cells.some((c) => monthlyMetricOfHeader(cellText(c)) !== null)) header = { index: r, month };
  }
  if (!header) {
    issue(1, "", MSG_MONTHLY_FILE.noHeader);
    return { rows: [], errors, monthColumn: "", columnNames: {} };
  }
  for (let r = 0; r < header.index; r++) {
    const p = (grid[r] ?? []).map((c) => periodOfTitle(cellText(c))).find((x) => x !== null);
    if (p) {
      if (p.year !== year) issue(r + 1, "A", MSG_MONTHLY_FILE.wrongYear(p.year, year));
      break;
    }
  }
  const headerCells = grid[header.index];
  const colName = (i: number) => `${columnLetter(i)} (${cellText(headerCells[i]) || MONTH_HEADER})`;
  const monthColumn = colName(header.month);
  const columns: { index: number; key: MonthlyMetricKey }[] = [];
  const seen = new Map<MonthlyMetricKey, number>();
  headerCells.forEach((c, i) => {
    const key = monthlyMetricOfHeader(cellText(c));
    if (!key) return;
    const first = seen.get(key);
    if (first !== undefined) issue(header.index + 1, colName(i), MSG_MONTHLY_FILE.duplicateColumn(columnLetter(first)));
    else {
      seen.set(key, i);
      columns.push({ index: i, key });
    }
  });
  const columnNames = Object.fromEntries(columns.map((c) => [c.key, colName(c.index)])) as Partial<Record<MonthlyMetricKey, string>>;
  const rows: MonthlyRow[] = [];
  const firstRowOf = new Map<number, number>();
  const used = [header.month, ...columns.map((c) => c.index)];
  for (let r = header.index + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const rowNo = r + 1;
    if (used.every((i) => cells[i] === null || cells[i] === undefined || (typeof cells[i] === "string" && (cells[i] as string).trim() === ""))) continue;
    const m = monthOfCell(cells[header.month] ?? null, year);
    const month = m.ok ? m.month : null;
    const values: Partial<Record<MonthlyMetricKey, number>> = {};
    let rowErrors = 0;
    for (const col of columns) {
      const v = valueOfCell(col.key, cells[col.index] ?? null);
      if (!v.ok) {
        rowErrors++;
        const label = METRIC_LABELS_VI[col.key].label;
        issue(rowNo, colName(col.index), v.message.startsWith(`${label}:`) ? v.message : `${label}: ${v.message}`, month);
      } else if (v.value !== null) values[col.key] = v.value;
    }
    if (!m.ok) {
      issue(rowNo, monthColumn, m.message);
      continue;
    }
    if (m.month === null) {
      // A line of notes below the table, with no month and no number: skipped as empty.
      if (Object.keys(values).length === 0 && rowErrors === 0) continue;
      issue(rowNo, monthColumn, MSG_MONTHLY_FILE.missingMonth);
      continue;
    }
    const first = firstRowOf.get(m.month);
    if (first !== undefined) {
      issue(rowNo, monthColumn, MSG_MONTHLY_FILE.duplicateMonth(m.month, first), m.month);
      continue;
    }
    firstRowOf.set(m.month, rowNo);
    if (rowErrors === 0) rows.push({ row: rowNo, month: m.month, values });
  }
  if (rows.length === 0 && errors.length === 0) issue(header.index + 2, "", MSG_IMPORT.empty);
  return { rows, errors, monthColumn, columnNames };
}
