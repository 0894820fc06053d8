// Excel in and out for imports (issue 14): the template workbook (the layout of the export's
// "Số liệu" sheet: title, period line, header on row 4, one commune a row), and reading an uploaded
// workbook into a grid of cells for lib/imports/sheet.ts. No database.
import ExcelJS from "exceljs";
import { xlsxBytes } from "@/lib/reports/xlsx-bytes";
import { METRIC_KEYS, type MetricKey } from "../domain/metrics";
import {
  FIGURES_HEADERS,
  HEADER_ROW,
  MSG_IMPORT,
  csvGrid,
  csvText,
  figuresSubtitle,
  figuresTitle,
  metricOfHeader,
  sniffFile,
  toCsv,
  type Grid,
  type GridCell,
} from "./sheet";

export interface TemplateRow {
  code: string;
  name: string;
  figures: Record<MetricKey, number | null>;
}

export interface TemplateInput {
  unitName: string;
  year: number;
  quarter: number;
  kind?: "actual" | "estimate";
  rows: TemplateRow[];
}

const FONT = "Times New Roman";
const THIN = { style: "thin" as const, color: { argb: "FF9CA3AF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
export const TEMPLATE_SHEET = "Số liệu";

/** The template as an .xlsx: codes as text (leading zeros kept), numbers as real number cells. */
export async function figuresTemplateXlsx(t: TemplateInput): Promise<Buffer> {
  return sheetXlsx({
    title: figuresTitle(t.unitName, t.year, t.quarter, t.kind),
    subtitle: figuresSubtitle(t.year, t.quarter),
    headers: FIGURES_HEADERS,
    rows: t.rows.map((r) => [r.code, r.name, ...METRIC_KEYS.map((k) => r.figures[k])]),
    numFmt: () => "#,##0",
    width: (i) => (["amountDue", "amountCollected", "latePayments"].includes(METRIC_KEYS[i]) ? 18 : 13),
  });
}

export interface SheetXlsxInput {
  title: string;
  subtitle: string;
  headers: string[];
  /** Code, name, then the values. */
  rows: (string | number | null)[][];
  /** The number format of value column i (0-based after code and name). */
  numFmt: (i: number) => string;
  width: (i: number) => number;
}

/** A one-sheet workbook in the layout of the export's "Số liệu" sheet: title, period line, header on row 4. */
export async function sheetXlsx(t: SheetXlsxInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Theo dõi chỉ tiêu BHXH";
  wb.title = t.title;
  const ws = wb.addWorksheet(TEMPLATE_SHEET, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    views: [{ state: "frozen", xSplit: 2, ySplit: HEADER_ROW }],
  });
  const n = t.headers.length;
  ws.mergeCells(1, 1, 1, n);
  const title = ws.getCell(1, 1);
  title.value = t.title;
  title.font = { name: FONT, bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, n);
  const sub = ws.getCell(2, 1);
  sub.value = t.subtitle;
  sub.font = { name: FONT, italic: true, size: 11 };
  sub.alignment = { horizontal: "center" };
  const header = ws.getRow(HEADER_ROW);
  t.headers.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, bold: true, size: 11 };
    c.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    c.fill = HEADER_FILL;
    c.border = BORDER;
  });
  header.height = 75;
  ws.getColumn(1).width = 9;
  ws.getColumn(2).width = 28;
  for (let i = 3; i <= n; i++) ws.getColumn(i).width = t.width(i - 3);
  t.rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const code = row.getCell(1);
    code.value = r[0];
    code.numFmt = "@";
    row.getCell(2).value = r[1];
    for (let j = 2; j < n; j++) {
      const c = row.getCell(j + 1);
      c.value = r[j] ?? null;
      c.numFmt = t.numFmt(j - 2);
    }
    for (let c = 1; c <= n; c++) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 11 };
      cell.border = BORDER;
    }
  });
  return xlsxBytes(wb);
}

/** The template as CSV (UTF-8 with BOM, ";"): the same rows; numbers as plain digits. */
export function figuresTemplateCsv(t: TemplateInput): string {
  return toCsv([
    [figuresTitle(t.unitName, t.year, t.quarter, t.kind)],
    [figuresSubtitle(t.year, t.quarter)],
    [],
    FIGURES_HEADERS,
    ...t.rows.map((r) => [r.code, r.name, ...METRIC_KEYS.map((k) => r.figures[k])]),
  ]);
}

type CellValue = ExcelJS.CellValue;

/** One cell of a workbook as a grid cell: the cached value of a formula, text of rich text. */
export function gridCellOf(cell: ExcelJS.Cell): GridCell {
  return gridValue(cell.value);
}

function gridValue(v: CellValue): GridCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("error" in v && v.error) return { bad: MSG_IMPORT.formulaError(String(v.error)) };
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return { bad: MSG_IMPORT.formulaNoValue };
      if (typeof result === "object" && result !== null && "error" in result)
        return { bad: MSG_IMPORT.formulaError(String((result as { error: unknown }).error)) };
      return gridValue(result as CellValue);
    }
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join("") || null;
    if ("text" in v) return gridValue((v as { text: CellValue }).text);
  }
  return String(v);
}

/** A worksheet as a grid; a merged cell below the header (a value spread over cells) becomes an error cell. */
function sheetGrid(ws: ExcelJS.Worksheet, keyOf: (header: string) => string | null): Grid {
  const grid: Grid = [];
  let headerAt = Infinity;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      let g = gridCellOf(cell);
      if (r > headerAt && cell.isMerged) g = { bad: MSG_IMPORT.merged };
      cells[c - 1] = g;
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    grid[r - 1] = cells;
    if (headerAt === Infinity && cells.some((c) => typeof c === "string" && keyOf(c) !== null)) headerAt = r;
  });
  for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
  return grid;
}

export type ReadResult = { ok: true; grid: Grid; format: "xlsx" | "csv" } | { ok: false; message: string };

/** The grid of an uploaded file: the first sheet with a header of metrics (else the first), or the CSV. */
export async function readUpload(bytes: Uint8Array, fileName: string, keyOf: (header: string) => string | null = metricOfHeader): Promise<ReadResult> {
  const kind = sniffFile(bytes, fileName);
  if (kind === "xls") return { ok: false, message: MSG_IMPORT.oldExcel };
  if (kind === "unknown") return { ok: false, message: MSG_IMPORT.notSpreadsheet };
  if (kind === "csv") {
    const text = csvText(bytes);
    if (text === null) return { ok: false, message: MSG_IMPORT.notUtf8 };
    return { ok: true, grid: csvGrid(text), format: "csv" };
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: MSG_IMPORT.notSpreadsheet };
  }
  const sheets = wb.worksheets;
  if (sheets.length === 0) return { ok: false, message: MSG_IMPORT.empty };
  let first: Grid | null = null;
  for (const ws of sheets) {
    const grid = sheetGrid(ws, keyOf);
    first ??= grid;
    if (grid.slice(0, 20).some((r) => r.some((c) => typeof c === "string" && keyOf(c) !== null))) return { ok: true, grid, format: "xlsx" };
  }
  return { ok: true, grid: first ?? [], format: "xlsx" };
}
