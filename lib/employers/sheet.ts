// The file of employers paying late (issue 15), pure: the template's layout (title with the month
// end, a header row in Vietnamese: Mã số thuế, Tên đơn vị, Địa chỉ, Xã/phường, Số tháng chậm đóng,
// Số tiền chậm đóng), reading a grid of cells (from lib/imports/workbook.ts: .xlsx or CSV) into rows
// with an error naming the row and column for everything that cannot be read, and the public CSV.
import { searchKey } from "../collate";
import { parseVnInteger } from "../domain/figures-validation";
import { MAX_AMOUNT_LATE, MAX_LATE_MONTHS, monthEndLabel, parseTaxCode, type MonthRef, type PublishedEntry } from "../domain/employers";
import { columnLetter, toCsv, type Grid, type GridCell } from "../imports/sheet";

export const EMPLOYER_COLUMNS = ["taxCode", "name", "address", "commune", "monthsLate", "amountLate"] as const;
export type EmployerColumn = (typeof EMPLOYER_COLUMNS)[number];

export const EMPLOYER_HEADERS: Record<EmployerColumn, string> = {
  taxCode: "Mã số thuế",
  name: "Tên đơn vị",
  address: "Địa chỉ",
  commune: "Xã/phường",
  monthsLate: "Số tháng chậm đóng",
  amountLate: "Số tiền chậm đóng (đồng)",
};

const HEADER_KEYS: Record<EmployerColumn, string[]> = {
  taxCode: ["ma so thue", "mst", "ma so thue (mst)", "taxcode", "tax code"],
  name: ["ten don vi", "ten doanh nghiep", "ten don vi, doanh nghiep", "ten", "don vi", "name"],
  address: ["dia chi", "address"],
  commune: ["xa/phuong", "xa, phuong", "xa phuong", "xa/phuong/dac khu", "xa", "phuong", "commune"],
  monthsLate: ["so thang cham dong", "so thang no", "thang cham dong", "monthslate", "months late"],
  amountLate: ["so tien cham dong", "so tien cham dong (dong)", "so tien no", "so tien no (dong)", "amountlate", "amount late"],
};

/** Which column a header names, or null. */
export function employerColumnOf(header: string): EmployerColumn | null {
  const h = searchKey(header);
  if (h === "") return null;
  for (const c of EMPLOYER_COLUMNS) if (HEADER_KEYS[c].includes(h)) return c;
  return null;
}

export const MSG_EMPLOYER_SHEET = {
  noHeader: "Không tìm thấy dòng tiêu đề có cột «Mã số thuế» và «Tên đơn vị»: hãy dùng tệp mẫu tải từ trang đơn vị chậm đóng.",
  duplicateColumn: (first: string) => `Cột này trùng với cột ${first}.`,
  missingColumn: (name: string) => `Thiếu cột «${name}».`,
  wrongMonth: (got: MonthRef, want: MonthRef) =>
    `Tiêu đề tệp ghi số liệu tại ${monthEndLabel(got)}, nhưng đang nhập số liệu tại ${monthEndLabel(want)}: hãy chọn đúng tháng hoặc dùng đúng tệp.`,
  nameRequired: "Chưa nhập tên đơn vị.",
  nameTooLong: "Tên đơn vị tối đa 300 ký tự.",
  addressTooLong: "Địa chỉ tối đa 500 ký tự.",
  monthsRequired: "Chưa nhập số tháng chậm đóng.",
  monthsInvalid: `Số tháng chậm đóng là số nguyên từ 0 đến ${MAX_LATE_MONTHS}.`,
  amountRequired: "Chưa nhập số tiền chậm đóng.",
  amountInvalid: "Số tiền chậm đóng là số nguyên không âm (đồng), dấu chấm ngăn cách hàng nghìn, ví dụ 125.400.000.",
  amountTooLarge: "Số tiền chậm đóng quá lớn, vui lòng kiểm tra lại.",
  lateWithoutAmount: "Có số tháng chậm đóng nhưng số tiền chậm đóng bằng 0: hãy kiểm tra lại (đơn vị đã đóng đủ thì ghi 0 tháng).",
  duplicateTaxCode: (row: number) => `Mã số thuế trùng với dòng ${row}: mỗi đơn vị một dòng.`,
  communeUnknown: (text: string) => `Không có xã, phường nào «${text}» trong thành phố, tỉnh này.`,
  empty: "Tệp không có dòng nào.",
  tooManyRows: "Tệp có quá nhiều dòng (tối đa 5.000).",
} as const;

export const MAX_EMPLOYER_ROWS = 5_000;

export interface EmployerRowIssue {
  /** 1-based row of the sheet (or line of the CSV); 0 for the whole file. */
  row: number;
  /** Column letter and header: "E (Số tháng chậm đóng)"; "" for the whole row or file. */
  column: string;
  taxCode: string | null;
  name: string | null;
  message: string;
}

export interface EmployerRow {
  row: number;
  taxCode: string;
  name: string;
  address: string;
  /** The commune cell as written ("" when empty): matched by the service against the province's communes. */
  commune: string;
  monthsLate: number;
  amountLate: number;
}

export interface ParsedEmployers {
  rows: EmployerRow[];
  errors: EmployerRowIssue[];
  /** The month end the title names, when it names one. */
  month: MonthRef | null;
  /** Each column's letter and header, for messages. */
  columnNames: Partial<Record<EmployerColumn, string>>;
}

const cellText = (c: GridCell | undefined): string => (c === null || c === undefined || typeof c === "object" ? "" : String(c).trim());

/** The month end a title names: "tại ngày 31/10/2026", "tháng 10/2026", "tháng 10 năm 2026". */
export function monthOfTitle(text: string): MonthRef | null {
  const s = searchKey(text);
  let m = s.match(/(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { year: Number(m[3]), month: Number(m[2]) };
  m = s.match(/thang\s*(\d{1,2})\s*(?:\/|nam|-)\s*(\d{4})/);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { year: Number(m[2]), month: Number(m[1]) };
  return null;
}

/** A whole non-negative number from a cell: a number cell, or text "125.400.000" / "125400000". */
function intOf(c: GridCell | undefined): { ok: true; value: number | null } | { ok: false } {
  if (c === null || c === undefined) return { ok: true, value: null };
  if (typeof c === "object") return { ok: false };
  if (typeof c === "number") return Number.isSafeInteger(c) && c >= 0 ? { ok: true, value: c } : { ok: false };
  const p = parseVnInteger(c);
  return p.ok ? { ok: true, value: p.value } : { ok: false };
}

/**
 * Reads a grid: the month in the title (rows above the header), the header (matched by name, in
 * any order), and every row below it. Errors name the row and column; an empty row is skipped. The
 * commune cell is checked with `communeKnown` (the province's communes are the service's to know).
 */
export function parseEmployersGrid(grid: Grid, expected?: MonthRef, communeKnown: (text: string) => boolean = () => true): ParsedEmployers {
  const errors: EmployerRowIssue[] = [];
  const issue = (row: number, column: string, message: string, taxCode: string | null = null, name: string | null = null) =>
    errors.push({ row, column, taxCode, name, message });
  let headerAt = -1;
  for (let r = 0; r < Math.min(grid.length, 20); r++) {
    const keys = (grid[r] ?? []).map((c) => employerColumnOf(cellText(c)));
    if (keys.includes("taxCode") && keys.includes("name")) {
      headerAt = r;
      break;
    }
  }
  if (headerAt < 0) {
    issue(1, "", MSG_EMPLOYER_SHEET.noHeader);
    return { rows: [], errors, month: null, columnNames: {} };
  }
  let month: MonthRef | null = null;
  for (let r = 0; r < headerAt && !month; r++) {
    for (const c of grid[r] ?? []) {
      const m = monthOfTitle(cellText(c));
      if (m) {
        month = m;
        if (expected && (m.year !== expected.year || m.month !== expected.month)) issue(r + 1, "A", MSG_EMPLOYER_SHEET.wrongMonth(m, expected));
        break;
      }
    }
  }
  const header = grid[headerAt];
  const at = new Map<EmployerColumn, number>();
  header.forEach((c, i) => {
    const key = employerColumnOf(cellText(c));
    if (!key) return;
    const first = at.get(key);
    if (first !== undefined) issue(headerAt + 1, `${columnLetter(i)} (${cellText(c)})`, MSG_EMPLOYER_SHEET.duplicateColumn(columnLetter(first)));
    else at.set(key, i);
  });
  const columnNames = Object.fromEntries([...at].map(([k, i]) => [k, `${columnLetter(i)} (${cellText(header[i])})`])) as Partial<
    Record<EmployerColumn, string>
  >;
  for (const c of ["monthsLate", "amountLate"] as const)
    if (!at.has(c)) issue(headerAt + 1, "", MSG_EMPLOYER_SHEET.missingColumn(EMPLOYER_HEADERS[c].replace(" (đồng)", "")));
  if (errors.length > 0) return { rows: [], errors, month, columnNames };
  if (grid.length - headerAt - 1 > MAX_EMPLOYER_ROWS) {
    issue(headerAt + 2, "", MSG_EMPLOYER_SHEET.tooManyRows);
    return { rows: [], errors, month, columnNames };
  }

  const col = (k: EmployerColumn) => columnNames[k] ?? EMPLOYER_HEADERS[k];
  const rows: EmployerRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (let r = headerAt + 1; r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const rowNo = r + 1;
    const get = (k: EmployerColumn) => (at.has(k) ? cells[at.get(k)!] : undefined);
    if ([...at.values()].every((i) => cellText(cells[i]) === "" && !(cells[i] && typeof cells[i] === "object"))) continue;
    const name = cellText(get("name"));
    const rawTax = get("taxCode");
    const before = errors.length;
    for (const k of EMPLOYER_COLUMNS) {
      const c = get(k);
      if (c && typeof c === "object") issue(rowNo, col(k), c.bad, cellText(rawTax) || null, name || null);
    }
    const tax = parseTaxCode(typeof rawTax === "number" ? rawTax : cellText(rawTax));
    const taxCode = tax.ok ? tax.value : cellText(rawTax);
    const say = (k: EmployerColumn, message: string) => issue(rowNo, col(k), message, taxCode || null, name || null);
    if (!tax.ok) say("taxCode", tax.message);
    if (name === "") say("name", MSG_EMPLOYER_SHEET.nameRequired);
    else if (name.length > 300) say("name", MSG_EMPLOYER_SHEET.nameTooLong);
    const address = cellText(get("address"));
    if (address.length > 500) say("address", MSG_EMPLOYER_SHEET.addressTooLong);
    const months = intOf(get("monthsLate"));
    if (!months.ok || (months.value !== null && months.value > MAX_LATE_MONTHS)) say("monthsLate", MSG_EMPLOYER_SHEET.monthsInvalid);
    else if (months.value === null) say("monthsLate", MSG_EMPLOYER_SHEET.monthsRequired);
    const amount = intOf(get("amountLate"));
    if (!amount.ok) say("amountLate", MSG_EMPLOYER_SHEET.amountInvalid);
    else if (amount.value === null) say("amountLate", MSG_EMPLOYER_SHEET.amountRequired);
    else if (amount.value > MAX_AMOUNT_LATE) say("amountLate", MSG_EMPLOYER_SHEET.amountTooLarge);
    if (months.ok && amount.ok && (months.value ?? 0) > 0 && amount.value === 0) say("amountLate", MSG_EMPLOYER_SHEET.lateWithoutAmount);
    const commune = cellText(get("commune"));
    if (commune !== "" && !communeKnown(commune)) say("commune", MSG_EMPLOYER_SHEET.communeUnknown(commune));
    if (tax.ok) {
      const first = firstRowOf.get(tax.value);
      if (first !== undefined) say("taxCode", MSG_EMPLOYER_SHEET.duplicateTaxCode(first));
      else firstRowOf.set(tax.value, rowNo);
    }
    if (errors.length > before) continue;
    rows.push({
      row: rowNo,
      taxCode,
      name,
      address,
      commune,
      monthsLate: (months as { value: number }).value,
      amountLate: (amount as { value: number }).value,
    });
  }
  if (rows.length === 0 && errors.length === 0) issue(headerAt + 2, "", MSG_EMPLOYER_SHEET.empty);
  return { rows, errors, month, columnNames };
}

// ---------------------------------------------------------------------------------------------
// Template and public list

/** The title of a template: the month end in a form the reader finds again ("tại ngày 31/10/2026"). */
export function employersTitle(provinceName: string, m: MonthRef): string {
  return `Đơn vị chậm đóng BHXH, BHYT, BHTN tại ngày ${monthEndLabel(m)} — ${provinceName}`;
}

export const EMPLOYERS_SUBTITLE =
  "Mỗi đơn vị một dòng, khớp theo mã số thuế. Số tháng chậm đóng: số nguyên; số tiền chậm đóng: đồng. Đơn vị đã đóng đủ: ghi 0 tháng và 0 đồng.";

export const EMPLOYERS_TEMPLATE_HEADERS = EMPLOYER_COLUMNS.map((c) => EMPLOYER_HEADERS[c]);

export interface TemplateEmployer {
  taxCode: string;
  name: string;
  address: string;
  commune: string;
  monthsLate: number | null;
  amountLate: number | null;
}

/** A text cell Excel would take for a formula (=, +, -, @, tab or CR first) gets a leading apostrophe. */
export const safeText = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export const templateRow = (e: TemplateEmployer): (string | number | null)[] => [
  e.taxCode,
  safeText(e.name),
  safeText(e.address),
  safeText(e.commune),
  e.monthsLate,
  e.amountLate,
];

/** The template as CSV (UTF-8 with BOM, ";"): title, instructions, header on row 4. */
export function employersTemplateCsv(provinceName: string, m: MonthRef, rows: TemplateEmployer[]): string {
  return toCsv([[employersTitle(provinceName, m)], [EMPLOYERS_SUBTITLE], [], EMPLOYERS_TEMPLATE_HEADERS, ...rows.map(templateRow)]);
}

export const PUBLIC_CSV_HEADERS = ["Tên đơn vị", "Mã số thuế", "Địa chỉ", "Số tháng chậm đóng", "Số tiền chậm đóng (đồng)"];

/** The published list as CSV (UTF-8 with BOM for Excel, ";"): the published fields only, one employer a row. */
export function publishedCsv(entries: readonly PublishedEntry[]): string {
  return toCsv([PUBLIC_CSV_HEADERS, ...entries.map((e) => [safeText(e.name), e.taxCode, safeText(e.address), e.monthsLate, e.amountLate])]);
}
