// The rankings as an Excel workbook (exceljs) that opens in Excel and LibreOffice:
// - "Xếp hạng": the league table, one column per quantity named for what it holds given the ranking
//   choice (the rate or count itself, the year's target, the quarter's milestone, the attainment of
//   the milestone, the share of the year's plan; a ceiling — the late-payment rate — shows its
//   margin in percentage points, never an attainment), changes of rates in percentage points;
// - "Danh sách": the praise / warn / criticise lists (by status, as data.lists holds them), the
//   late reporters and the units that have not reported;
// - "Số liệu": every figure, indicator, target and milestone attainment of every child unit;
// - "Ghi chú": bands, weights, how values are computed, where targets come from.
// Numbers are real numbers with number formats: Excel shows them with the user's own separators
// (13.624 / 53,1% on a Vietnamese Windows). Every sheet prints on A4 landscape, one page wide,
// with its header rows repeated. No internal key (bhxhCoverage, not_reported) reaches a cell.
import ExcelJS from "exceljs";
import { xlsxBytes } from "./xlsx-bytes";
import { INDICATORS } from "../domain/indicators";
import { INDICATOR_KEYS, METRIC_KEYS, type IndicatorKey, type MetricKey } from "../domain/metrics";
import { natureOf } from "../domain/milestones";
import { previousPeriod } from "../domain/period";
import { TARGET_KEYS, isTargetKey } from "../domain/targets";
import { INDICATOR_LABELS_VI, METRIC_LABELS_VI } from "../domain/figures-validation";
import { formatDate } from "../format";
import type { RankingItem, RankingsData } from "../rankings/service";
import {
  PATH_LABELS_VI,
  STATUS_LABELS_VI,
  UNIT_TYPE_LABELS_VI,
  bandsSentence,
  fmtCount,
  indicatorLabelVi,
  keyLabelVi,
  periodDate,
  periodName,
  totalsLabel,
  targetSourcesSentence,
  weightsSentence,
  xmlSafe,
  type SourceCoverage,
} from "./sentences";

export const SHEETS = { ranking: "Xếp hạng", lists: "Danh sách", figures: "Số liệu", notes: "Ghi chú" } as const;

/**
 * Number formats (Excel codes; the separators shown follow the user's locale). A change of a rate
 * is a difference of rates: the cell holds percentage points (the difference × 100) and reads
 * "+1,5 điểm %", never "+1,5%".
 */
export const NUM_FMT = {
  count: "#,##0",
  rate: "0.0%",
  rate2: "0.00%",
  deltaCount: "+#,##0;-#,##0;0",
  points: '+0.0" điểm %";-0.0" điểm %";0.0" điểm %"',
  points2: '+0.00" điểm %";-0.00" điểm %";0.00" điểm %"',
} as const;

/** The format of a key's values: rates as percentages (late payments with 2 decimals), counts grouped. */
export function numFmtOfKey(key: string | null | undefined): string {
  if (key === "latePaymentRate") return NUM_FMT.rate2;
  if (key && (INDICATOR_KEYS as readonly string[]).includes(key)) return NUM_FMT.rate;
  return NUM_FMT.count;
}

/** The format of the ranked value: a count for metrics, a percentage otherwise. */
export function valueNumFmt(data: Pick<RankingsData, "indicator">): string {
  const c = data.indicator;
  if (c.kind === "indicator") return numFmtOfKey(c.key);
  if (c.kind === "attainment" && isCeilingKey(c.key)) return numFmtOfKey(c.key);
  return c.percent ? NUM_FMT.rate : NUM_FMT.count;
}

const REPORT_STATUS_VI: Record<string, string> = {
  DRAFT: "Đang soạn, chưa gửi",
  SUBMITTED: "Đã gửi",
  APPROVED: "Đã duyệt",
  RETURNED: "Bị trả lại",
};

const finite = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const isCeilingKey = (key: string | null | undefined) => !!key && natureOf(key) === "ceiling";
const isMetricKey = (key: string | null | undefined): key is MetricKey => !!key && (METRIC_KEYS as readonly string[]).includes(key);
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
const upperFirstVi = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

const THIN = { style: "thin" as const, color: { argb: "FF9CA3AF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
const RANKED_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD1D5DB" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F4F6" } };
const FONT = "Times New Roman";

/** The columns repeated on every page of a wide sheet: the unit's code and name. */
export const WIDE_SHEET_TITLE_COLUMNS = "A:B";
/** Characters of columns a wide sheet's page holds beside the repeated ones: ~75% on A4 landscape, 11-point text at ~8. */
export const WIDE_PAGE_CHARS = 155;

/** How many pages wide a sheet of `chars` characters of columns prints, `titleChars` of them repeated on each page. */
export function pagesWide(chars: number, titleChars: number): number {
  return Math.max(1, Math.ceil((chars - titleChars) / WIDE_PAGE_CHARS));
}

/**
 * A4 landscape, header rows repeated on every page. One page wide (as many pages high as needed); a
 * `wide` sheet (the figures: some 45 columns, ~670 characters) would shrink to a quarter on one page,
 * 2–3-point text that no one can sign, so it prints over several pages at ~75% (figuresSheet sets how
 * many, so that no page holds a lone column), the unit's code and name repeated on each.
 */
function printSetup(titleRows?: string, wide = false): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToHeight: 0,
    ...(wide ? { printTitlesColumn: WIDE_SHEET_TITLE_COLUMNS } : { fitToWidth: 1, horizontalCentered: true }),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

function addSheet(wb: ExcelJS.Workbook, name: string, titleRows?: string, wide = false): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { pageSetup: printSetup(titleRows, wide) });
  ws.headerFooter.oddFooter = '&C&"Times New Roman"&10Trang &P/&N';
  return ws;
}

function styleHeader(row: ExcelJS.Row, from: number, to: number) {
  row.height = 48;
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = font({ name: FONT, bold: true, size: 11 });
    cell.alignment = align({ vertical: "middle", horizontal: "center", wrapText: true });
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  }
}

function styleBody(row: ExcelJS.Row, from: number, to: number, opts: { bold?: boolean; fill?: ExcelJS.Fill } = {}) {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = font({ name: FONT, size: 11, bold: opts.bold });
    cell.border = BORDER;
    if (opts.fill) cell.fill = opts.fill;
    if (!cell.alignment) cell.alignment = align({ vertical: "middle" });
  }
}

/** Excel does not grow a row for wrapped text it did not lay out itself: set a height that fits. */
function fitHeight(row: ExcelJS.Row, text: string, widthChars: number) {
  const lines = text.split("\n").reduce((a, l) => a + Math.max(1, Math.ceil(l.length / Math.max(1, widthChars * 1.05))), 0);
  if (lines > 1) row.height = Math.max(row.height ?? 15, lines * 15);
}

/** A cell that holds a number (or stays empty), with its format. */
function setNumber(cell: ExcelJS.Cell, v: number | null | undefined, fmt: string) {
  const n = finite(v);
  cell.value = n;
  cell.numFmt = fmt;
  cell.alignment = align({ horizontal: "right", vertical: "middle" });
}

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, width: number) {
  ws.mergeCells(1, 1, 1, width);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = font({ name: FONT, bold: true, size: 14 });
  t.alignment = align({ horizontal: "center", vertical: "middle", wrapText: true });
  ws.getRow(1).height = 36;
  ws.mergeCells(2, 1, 2, width);
  const s = ws.getCell(2, 1);
  s.value = subtitle;
  s.font = font({ name: FONT, italic: true, size: 11 });
  s.alignment = align({ horizontal: "center", vertical: "middle" });
}

/** A line of text across the sheet (a note, a section heading). */
function bandRow(ws: ExcelJS.Worksheet, r: number, width: number, text: string, opts: { bold?: boolean; size?: number; widthChars?: number } = {}) {
  ws.mergeCells(r, 1, r, width);
  const cell = ws.getCell(r, 1);
  cell.value = text;
  cell.font = font({ name: FONT, size: opts.size ?? 11, bold: opts.bold });
  cell.alignment = align({ horizontal: "left", vertical: "middle", wrapText: true });
  if (opts.widthChars) fitHeight(ws.getRow(r), text, opts.widthChars);
}

/** "Số liệu tính đến 30/9/2026 (số tiền lũy kế từ đầu năm); lập ngày 21/11/2026" */
export function datesLine(data: Pick<RankingsData, "year" | "quarter" | "generatedAt">): string {
  return `Số liệu tính đến ${periodDate(data.year, data.quarter)} (số tiền lũy kế từ đầu năm); lập ngày ${formatDate(data.generatedAt, "vi")}`;
}

/** "Bảng xếp hạng hoàn thành chỉ tiêu tỷ lệ tham gia BHXH — Thành phố Hải Phòng — 9 tháng đầu năm 2026" */
export function rankingTitle(data: Pick<RankingsData, "indicator" | "parent" | "year" | "quarter">): string {
  return `Bảng xếp hạng ${lowerFirst(indicatorLabelVi(data.indicator))} — ${data.parent.name} — ${periodName(data.year, data.quarter)}`;
}

// ---------------------------------------------------------------------------------------------
// The ranking's columns, given the choice

/** What the ranking sheet shows of a ranked unit or of the totals. */
type RowSource = Pick<RankingItem, "actual" | "target" | "expected" | "attainment" | "yearAttainment" | "margin" | "previousQuarter" | "lastYear"> & {
  value: number | null;
};

export type RankingColumnId =
  | "rank"
  | "code"
  | "name"
  | "measure"
  | "target"
  | "expected"
  | "attainment"
  | "yearAttainment"
  | "margin"
  | "previousQuarter"
  | "lastYear"
  | "status"
  | "path"
  | "reportStatus"
  | "explanation";

export interface RankingColumn {
  id: RankingColumnId;
  header: string;
  width: number;
  /** Number format of a numeric column. */
  fmt?: string;
  /** Multiply the value by this before writing (percentage points: 100). */
  scale?: number;
  /** The column the units are ranked by. */
  ranked?: boolean;
}

/** The shape of the choice, as the columns need it. */
function shapeOf(data: Pick<RankingsData, "indicator">) {
  const c = data.indicator;
  const key = c.kind === "composite" ? null : c.key;
  const ceiling = (c.kind === "attainment" || c.kind === "indicator") && isCeilingKey(key);
  const hasTarget = !!key && isTargetKey(key);
  const money = isMetricKey(key) && METRIC_LABELS_VI[key].unit === "đồng";
  return { c, key, ceiling, hasTarget, money };
}

/** The rate or count itself: "Tỷ lệ tham gia BHXH", "Số đã thu (đồng, lũy kế từ đầu năm)", "Điểm tổng hợp". */
export function measureHeader(data: Pick<RankingsData, "indicator">): string {
  const { key, money } = shapeOf(data);
  if (!key) return "Điểm tổng hợp";
  if (isMetricKey(key)) return `${keyLabelVi(key)} (${money ? "đồng, lũy kế từ đầu năm" : METRIC_LABELS_VI[key].unit})`;
  return keyLabelVi(key);
}

/** The ranking sheet's columns for the data's choice (indicator, metric, attainment, composite; ceilings apart). */
export function rankingColumns(data: Pick<RankingsData, "indicator" | "year" | "quarter" | "parent" | "items" | "totals">): RankingColumn[] {
  const { c, key, ceiling, hasTarget, money } = shapeOf(data);
  const q = data.quarter;
  const prev = previousPeriod({ year: data.year, quarter: q });
  const cols: RankingColumn[] = [
    { id: "rank", header: "Hạng", width: 7 },
    { id: "code", header: "Mã", width: 8 },
    { id: "name", header: "Đơn vị", width: 28 },
  ];
  const keyFmt = key ? numFmtOfKey(key) : NUM_FMT.rate;
  const rankedOnAttainment = c.kind === "attainment" && !ceiling;
  cols.push({ id: "measure", header: measureHeader(data), width: money ? 20 : 14, fmt: keyFmt, ranked: !rankedOnAttainment });
  // The quarter's milestone differs from the year's target, unless it is a ceiling or the 4th quarter
  // (then the milestone is the target itself, and a column of it would repeat the target's), or city
  // staff set another one for a unit.
  const differs = [...data.items, data.totals].some(
    (s) => finite(s.expected) !== null && finite(s.target) !== null && Math.abs(s.expected! - s.target!) > 1e-12,
  );
  if (hasTarget && ceiling) {
    cols.push({ id: "target", header: `Mức trần năm ${data.year}`, width: 12, fmt: keyFmt });
    if (differs) cols.push({ id: "expected", header: `Mức trần áp dụng quý ${q}`, width: 12, fmt: keyFmt });
    cols.push({ id: "margin", header: "Dưới (+) / vượt (−) mức trần", width: 14, fmt: NUM_FMT.points2, scale: 100 });
  } else if (hasTarget) {
    cols.push({
      id: "target",
      header: key === "amountCollected" ? `Kế hoạch thu năm ${data.year}` : `Chỉ tiêu năm ${data.year}`,
      width: money ? 20 : 13,
      fmt: keyFmt,
    });
    if (q < 4 || differs) {
      cols.push(
        { id: "expected", header: `Mốc kế hoạch quý ${q}`, width: money ? 20 : 13, fmt: keyFmt },
        { id: "attainment", header: "So với mốc quý", width: 12, fmt: NUM_FMT.rate, ranked: rankedOnAttainment },
        { id: "yearAttainment", header: "% kế hoạch năm", width: 12, fmt: NUM_FMT.rate },
      );
    } else {
      // At the year's end the milestone is the year's target: one attainment column.
      cols.push({ id: "attainment", header: "% kế hoạch năm", width: 12, fmt: NUM_FMT.rate, ranked: rankedOnAttainment });
    }
  }
  // Changes of what is ranked: rates, attainments and scores in percentage points; counts in their unit.
  const deltaFmt = c.percent || ceiling ? (key === "latePaymentRate" ? NUM_FMT.points2 : NUM_FMT.points) : NUM_FMT.deltaCount;
  const scale = c.percent || ceiling ? 100 : undefined;
  const what = rankedOnAttainment ? (cols.some((x) => x.id === "expected") ? "Mức đạt mốc quý tăng, giảm" : "Mức đạt kế hoạch tăng, giảm") : "Tăng, giảm";
  const unit = isMetricKey(key) ? ` (${METRIC_LABELS_VI[key].unit})` : "";
  cols.push(
    { id: "previousQuarter", header: `${what} so với quý ${prev.quarter}/${prev.year}${unit}`, width: 14, fmt: deltaFmt, scale },
    { id: "lastYear", header: `${what} so với cùng kỳ năm ${data.year - 1}${unit}`, width: 14, fmt: deltaFmt, scale },
  );
  if (hasTarget || c.kind === "composite") cols.push({ id: "status", header: "Đánh giá", width: 11 });
  cols.push({ id: "path", header: "Lộ trình 2030", width: 14 });
  if (data.parent.level !== "NATION") {
    cols.push({ id: "reportStatus", header: "Tình trạng báo cáo", width: 12 }, { id: "explanation", header: "Giải trình", width: 45 });
  }
  return cols;
}

/** The number a column holds for a unit or the totals (before scaling). */
function numberOf(col: RankingColumn, s: RowSource, kind: string): number | null {
  switch (col.id) {
    case "measure":
      // An attainment ranking shows the rate or count itself here (its ranked value is "So với mốc quý").
      return kind === "attainment" ? s.actual : s.value;
    case "target":
      return s.target;
    case "expected":
      return s.expected;
    case "attainment":
      return s.attainment;
    case "yearAttainment":
      return s.yearAttainment;
    case "margin":
      return s.margin;
    case "previousQuarter":
      return s.previousQuarter.delta;
    case "lastYear":
      return s.lastYear.delta;
    default:
      return null;
  }
}

function writeNumber(cell: ExcelJS.Cell, col: RankingColumn, v: number | null) {
  const n = finite(v);
  setNumber(cell, n === null ? null : col.scale ? n * col.scale : n, col.fmt ?? NUM_FMT.count);
}

const NUMERIC: ReadonlySet<RankingColumnId> = new Set([
  "measure",
  "target",
  "expected",
  "attainment",
  "yearAttainment",
  "margin",
  "previousQuarter",
  "lastYear",
]);

export const RANKING_HEADER_ROW = 4;

function rankingSheet(wb: ExcelJS.Workbook, data: RankingsData) {
  const ws = addSheet(wb, SHEETS.ranking, `${RANKING_HEADER_ROW}:${RANKING_HEADER_ROW}`);
  const cols = rankingColumns(data);
  const n = cols.length;
  const kind = data.indicator.kind;
  cols.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const widthChars = cols.reduce((a, c) => a + c.width, 0);
  titleRows(ws, rankingTitle(data), datesLine(data), n);
  const ranked = cols.find((c) => c.ranked)!;
  const order = data.indicator.direction === "higher" && !shapeOf(data).ceiling ? "từ cao xuống thấp" : "từ thấp lên cao (càng thấp càng tốt)";
  const judged = shapeOf(data).hasTarget || kind === "composite";
  bandRow(ws, 3, n, `Xếp hạng theo cột «${ranked.header}», ${order}.${judged ? ` ${bandsSentence(data.bands)}` : ""}`, { size: 10, widthChars });

  const header = ws.getRow(RANKING_HEADER_ROW);
  cols.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  styleHeader(header, 1, n);
  header.getCell(cols.indexOf(ranked) + 1).fill = RANKED_FILL;

  const col = (id: RankingColumnId) => cols.findIndex((c) => c.id === id) + 1;
  let r = RANKING_HEADER_ROW + 1;
  for (const it of data.items) {
    const row = ws.getRow(r++);
    let explanation: string | null = null;
    cols.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (NUMERIC.has(c.id)) return writeNumber(cell, c, numberOf(c, it, kind));
      switch (c.id) {
        case "rank":
          cell.value = it.rank;
          cell.numFmt = "0";
          cell.alignment = align({ horizontal: "center", vertical: "middle" });
          break;
        case "code":
          cell.value = it.unit.code;
          break;
        case "name":
          cell.value = it.unit.name;
          break;
        case "status":
          cell.value = STATUS_LABELS_VI[it.status] ?? "";
          break;
        case "path":
          cell.value = PATH_LABELS_VI[it.path] ?? "";
          break;
        case "reportStatus":
          cell.value = REPORT_STATUS_VI[it.reportStatus ?? ""] ?? "";
          break;
        case "explanation":
          explanation = explanationText(it);
          cell.value = explanation;
          break;
      }
    });
    styleBody(row, 1, n);
    const e = col("explanation");
    if (e > 0) {
      row.getCell(e).alignment = align({ wrapText: true, vertical: "top" });
      if (explanation) fitHeight(row, explanation, cols[e - 1].width);
    }
  }
  const lastRanked = r - 1;
  ws.autoFilter = { from: { row: RANKING_HEADER_ROW, column: 1 }, to: { row: Math.max(RANKING_HEADER_ROW, lastRanked), column: n } };

  // The parent's totals (over the units that reported).
  const t = data.totals;
  const tr = ws.getRow(r++);
  cols.forEach((c, i) => {
    const cell = tr.getCell(i + 1);
    if (NUMERIC.has(c.id)) return writeNumber(cell, c, numberOf(c, t, kind));
    if (c.id === "code") cell.value = data.parent.code;
    else if (c.id === "name") cell.value = totalsLabel(data.parent, { reported: t.reported, total: t.units });
    else if (c.id === "status") cell.value = totalsStatus(data);
  });
  styleBody(tr, 1, n, { bold: true, fill: TOTAL_FILL });
  tr.getCell(col("name")).alignment = align({ wrapText: true, vertical: "middle" });

  if (data.unranked.length) {
    r++;
    bandRow(
      ws,
      r++,
      n,
      `Chưa xếp hạng: ${fmtCount(data.unranked.length)} đơn vị chưa báo cáo kỳ này, chưa có chỉ tiêu hoặc chưa đủ số liệu; không được tính vào số tổng hợp`,
      { bold: true },
    );
    for (const u of data.unranked) {
      const row = ws.getRow(r++);
      row.getCell(2).value = u.unit.code;
      row.getCell(3).value = u.unit.name;
      ws.mergeCells(row.number, 4, row.number, n);
      row.getCell(4).value = u.reasonText;
      styleBody(row, 1, n);
    }
  }
  ws.views = [{ state: "frozen", xSplit: 3, ySplit: RANKING_HEADER_ROW, topLeftCell: `D${RANKING_HEADER_ROW + 1}`, activeCell: `A${RANKING_HEADER_ROW + 1}` }];
}

function explanationText(it: Pick<RankingItem, "explanation">): string | null {
  const e = it.explanation;
  if (!e) return null;
  const text = xmlSafe([e.reason, e.actions ? `Giải pháp: ${e.actions}` : ""].filter(Boolean).join(" ")).trim();
  return text || null;
}

/** The totals' judgement; a sum over part of the units is not judged. */
function totalsStatus(data: RankingsData): string {
  const t = data.totals;
  if (t.status !== "none") return STATUS_LABELS_VI[t.status] ?? "";
  if (t.partial) return "Chưa đánh giá: chưa đủ đơn vị báo cáo";
  return finite(t.target) === null && data.indicator.kind !== "composite" ? STATUS_LABELS_VI.none : "";
}

// ---------------------------------------------------------------------------------------------
// The lists: praise, warn, criticise, late reporters, not reported

export const LISTS_HEADER_ROW = 4;

/** The section headings of the lists sheet, in order. */
export const LIST_SECTIONS = {
  praise: "Biểu dương",
  warn: "Nhắc nhở",
  criticise: "Phê bình",
  late: "Chậm báo cáo",
  notReported: "Chưa báo cáo kỳ này",
} as const;

function listsSheet(wb: ExcelJS.Workbook, data: RankingsData) {
  const ws = addSheet(wb, SHEETS.lists, `${LISTS_HEADER_ROW}:${LISTS_HEADER_ROW}`);
  // The ranking's own columns (same headers, same formats), without the changes and the report's state.
  const all = rankingColumns(data);
  const pick = (...ids: RankingColumnId[]) => ids.map((id) => all.find((c) => c.id === id)).filter((c): c is RankingColumn => !!c);
  const cols: (RankingColumn | { id: "no" | "note"; header: string; width: number })[] = [
    { id: "no", header: "STT", width: 6 },
    ...pick("code", "name", "rank"),
    ...pick("measure", "target", "expected", "attainment", "yearAttainment", "margin"),
    ...pick("status"),
    { id: "note", header: "Ghi chú", width: 45 },
  ];
  const n = cols.length;
  cols.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const widthChars = cols.reduce((a, c) => a + c.width, 0);
  titleRows(ws, `Danh sách biểu dương, nhắc nhở, phê bình — ${data.parent.name} — ${periodName(data.year, data.quarter)}`, datesLine(data), n);
  bandRow(
    ws,
    3,
    n,
    `Xếp hạng, đánh giá theo ${lowerFirst(indicatorLabelVi(data.indicator))}. Các danh sách theo kết quả đánh giá, không theo thứ hạng; mỗi danh sách ${fmtCount(data.listSize)} đơn vị, thêm các đơn vị bằng kết quả với đơn vị cuối danh sách.`,
    { size: 10, widthChars },
  );
  const header = ws.getRow(LISTS_HEADER_ROW);
  cols.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  styleHeader(header, 1, n);

  const byCode = new Map(data.items.map((i) => [i.unit.code, i]));
  const names = new Map([...data.items.map((i) => [i.unit.code, i.unit] as const), ...data.unranked.map((u) => [u.unit.code, u.unit] as const)]);
  const kind = data.indicator.kind;
  let r = LISTS_HEADER_ROW + 1;
  let no = 0;
  /** "1. Biểu dương: 5 đơn vị được đánh giá «Đạt», …", or "…: không có đơn vị nào …" for an empty list. */
  const section = (title: string, some: string, none: string, rows: { code: string; name: string; note: string | null }[]) => {
    r++;
    bandRow(ws, r++, n, `${++no}. ${title}: ${rows.length ? `${fmtCount(rows.length)} đơn vị ${some}` : none}.`, { bold: true, widthChars });
    rows.forEach((u, k) => {
      const row = ws.getRow(r++);
      const it = byCode.get(u.code);
      cols.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.id === "no") {
          cell.value = k + 1;
          cell.numFmt = "0";
          cell.alignment = align({ horizontal: "center", vertical: "middle" });
        } else if (c.id === "code") cell.value = u.code;
        else if (c.id === "name") cell.value = u.name;
        else if (c.id === "note") cell.value = u.note;
        else if (!it) return;
        else if (c.id === "rank") {
          cell.value = it.rank;
          cell.numFmt = "0";
          cell.alignment = align({ horizontal: "center", vertical: "middle" });
        } else if (c.id === "status") cell.value = STATUS_LABELS_VI[it.status] ?? "";
        else if (NUMERIC.has(c.id)) writeNumber(cell, c as RankingColumn, numberOf(c as RankingColumn, it, kind));
      });
      styleBody(row, 1, n);
      const note = row.getCell(n);
      note.alignment = align({ wrapText: true, vertical: "top" });
      if (u.note) fitHeight(row, u.note, cols[n - 1].width);
    });
  };
  const ranked = (codes: string[], withExplanation: boolean) =>
    codes.map((code) => {
      const it = byCode.get(code);
      return {
        code,
        name: it?.unit.name ?? names.get(code)?.name ?? code,
        note: withExplanation && it && data.parent.level !== "NATION" ? (explanationText(it) ?? "Chưa gửi giải trình") : null,
      };
    });
  const L = data.lists;
  section(LIST_SECTIONS.praise, "được đánh giá «Đạt», có kết quả cao nhất", "không có đơn vị nào được đánh giá «Đạt»", ranked(L.praise, false));
  section(
    LIST_SECTIONS.warn,
    "«Gần đạt» hoặc «Chưa đạt», kế tiếp nhóm bị phê bình",
    "không có đơn vị nào «Gần đạt» hoặc «Chưa đạt» ngoài nhóm bị phê bình",
    ranked(L.warn, true),
  );
  section(
    LIST_SECTIONS.criticise,
    "«Chưa đạt», có kết quả thấp nhất; yêu cầu giải trình nguyên nhân và giải pháp khắc phục",
    "không có đơn vị nào «Chưa đạt»",
    ranked(L.criticise, true),
  );
  const deadline = data.deadline ? formatDate(data.deadline, "vi") : null;
  section(
    LIST_SECTIONS.late,
    `không gửi báo cáo đúng thời hạn${deadline ? ` (hạn ${deadline})` : ""}`,
    "không có đơn vị nào gửi báo cáo chậm",
    data.lateReporters.map((l) => ({ code: l.unit.code, name: l.unit.name, note: lateText(l, deadline) })),
  );
  const notReported = data.unranked.filter((u) => u.reason === "not_reported");
  section(
    LIST_SECTIONS.notReported,
    "chưa gửi báo cáo, không được xếp hạng, không được tính vào số tổng hợp",
    "không có đơn vị nào, các đơn vị đều đã báo cáo",
    notReported.map((u) => ({ code: u.unit.code, name: u.unit.name, note: u.reasonText })),
  );
  ws.views = [{ state: "frozen", ySplit: LISTS_HEADER_ROW, topLeftCell: `A${LISTS_HEADER_ROW + 1}`, activeCell: `A${LISTS_HEADER_ROW + 1}` }];
}

function lateText(l: RankingsData["lateReporters"][number], deadline: string | null): string {
  if (l.timeliness === "overdue") return `Chưa gửi báo cáo khi hết hạn${deadline ? ` ${deadline}` : ""}`;
  if (l.timeliness === "late") return l.submittedAt ? `Gửi ngày ${formatDate(l.submittedAt, "vi")}, sau thời hạn` : "Gửi sau thời hạn";
  const parts = [
    l.lateCount ? `${fmtCount(l.lateCount)} đơn vị cấp xã gửi sau thời hạn` : null,
    l.overdueCount ? `${fmtCount(l.overdueCount)} đơn vị cấp xã chưa gửi khi hết hạn` : null,
  ].filter(Boolean);
  return parts.join("; ");
}

// ---------------------------------------------------------------------------------------------
// The figures of every unit

export const FIGURES_HEADER_ROW = 4;

/** What a target column holds: "Kế hoạch thu (đồng)", "Chỉ tiêu tỷ lệ tham gia BHXH", "Mức trần tỷ lệ chậm đóng". */
export function targetHeader(key: string): string {
  if (key === "amountCollected") return "Kế hoạch thu (đồng)";
  if (isCeilingKey(key)) return `Mức trần ${lowerFirst(keyLabelVi(key))}`;
  const unit = isMetricKey(key) ? ` (${METRIC_LABELS_VI[key].unit})` : "";
  return `Chỉ tiêu ${lowerFirst(keyLabelVi(key))}${unit}`;
}

const communesNoun = "xã, phường, đặc khu";

function figuresSheet(wb: ExcelJS.Workbook, data: RankingsData) {
  const ws = addSheet(wb, SHEETS.figures, `${FIGURES_HEADER_ROW - 1}:${FIGURES_HEADER_ROW}`, true);
  const fixed = ["Mã", "Đơn vị", "Loại", "Quý số liệu", "Tình trạng báo cáo"];
  const metricCols = METRIC_KEYS.map((k) => ({ key: k, header: `${METRIC_LABELS_VI[k].label} (${METRIC_LABELS_VI[k].unit})` }));
  const indicatorCols = INDICATOR_KEYS.map((k) => ({ key: k, header: INDICATOR_LABELS_VI[k] }));
  const targetCols = TARGET_KEYS.map((k) => ({ key: k, header: targetHeader(k) }));
  // Attainment of the quarter's milestone; a ceiling has none: its margin in percentage points instead.
  const attCols = TARGET_KEYS.map((k) =>
    isCeilingKey(k)
      ? { key: k, margin: true, header: `${keyLabelVi(k)}: dưới (+) / vượt (−) mức trần` }
      : { key: k, margin: false, header: `So với mốc quý: ${k === "amountCollected" ? "Kế hoạch thu" : keyLabelVi(k)}` },
  );
  const n = fixed.length + metricCols.length + indicatorCols.length + targetCols.length + attCols.length + 1;

  // Group labels above the header.
  const groups: [string, number, number][] = [];
  let col = fixed.length + 1;
  groups.push([`Số liệu báo cáo tính đến ${periodDate(data.year, data.quarter)} (số tiền lũy kế từ đầu năm)`, col, col + metricCols.length - 1]);
  col += metricCols.length;
  groups.push(["Các tỷ lệ", col, col + indicatorCols.length - 1]);
  col += indicatorCols.length;
  groups.push([`Chỉ tiêu, kế hoạch năm ${data.year}`, col, col + targetCols.length - 1]);
  col += targetCols.length;
  groups.push([`So với mốc kế hoạch quý ${data.quarter}`, col, col + attCols.length - 1]);
  for (const [label, from, to] of groups) {
    ws.mergeCells(FIGURES_HEADER_ROW - 1, from, FIGURES_HEADER_ROW - 1, to);
    const cell = ws.getCell(FIGURES_HEADER_ROW - 1, from);
    cell.value = label;
    cell.font = font({ name: FONT, bold: true, size: 11 });
    // From the group's first column, not centred: a group over two printed pages keeps its label's start.
    cell.alignment = align({ horizontal: "left", indent: 1 });
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  }

  const header = ws.getRow(FIGURES_HEADER_ROW);
  const headers = [
    ...fixed,
    ...metricCols.map((m) => m.header),
    ...indicatorCols.map((m) => m.header),
    ...targetCols.map((m) => m.header),
    ...attCols.map((m) => m.header),
    "Lộ trình 2030",
  ];
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header, 1, n);
  header.height = 90;
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 26;
  ws.getColumn(3).width = 9;
  ws.getColumn(4).width = 7;
  ws.getColumn(5).width = 14;
  for (let i = fixed.length + 1; i <= n; i++) ws.getColumn(i).width = 12;
  for (const [i, m] of metricCols.entries()) if (METRIC_LABELS_VI[m.key].unit === "đồng") ws.getColumn(fixed.length + i + 1).width = 18;
  const targetStart = fixed.length + metricCols.length + indicatorCols.length + 1;
  ws.getColumn(targetStart + TARGET_KEYS.indexOf("amountCollected")).width = 18;
  ws.getColumn(n).width = 14;
  // Several pages wide, each at a legible scale, code and name repeated (printSetup).
  let chars = 0;
  for (let i = 1; i <= n; i++) chars += ws.getColumn(i).width ?? 9;
  const titleChars = (ws.getColumn(1).width ?? 9) + (ws.getColumn(2).width ?? 9);
  ws.pageSetup.fitToWidth = pagesWide(chars, titleChars);
  // The title over the first printed page's columns only: merged over the whole sheet it was centred
  // across five pages and cut at their edges (a walk found).
  const firstPage = titleChars + (chars - titleChars) / ws.pageSetup.fitToWidth;
  let firstPageColumns = 0;
  for (let i = 1, w = 0; i <= n && (w += ws.getColumn(i).width ?? 9) <= firstPage; i++) firstPageColumns = i;
  titleRows(ws, `Số liệu các đơn vị — ${data.parent.name} — ${periodName(data.year, data.quarter)}`, datesLine(data), Math.max(2, firstPageColumns));

  const writeRow = (row: ExcelJS.Row, d: RankingsData["rows"][number], opts: { code: string; name: string; type: string; status: string; bold?: boolean }) => {
    row.getCell(1).value = opts.code;
    row.getCell(2).value = opts.name;
    row.getCell(3).value = opts.type;
    setNumber(row.getCell(4), d.figuresQuarter, "0");
    row.getCell(5).value = opts.status;
    let c = fixed.length + 1;
    for (const m of metricCols) setNumber(row.getCell(c++), d.figures?.[m.key] ?? null, NUM_FMT.count);
    for (const m of indicatorCols) setNumber(row.getCell(c++), d.indicators[m.key as IndicatorKey] ?? null, numFmtOfKey(m.key));
    for (const m of targetCols) setNumber(row.getCell(c++), d.targets[m.key] ?? null, numFmtOfKey(m.key));
    for (const m of attCols) {
      if (m.margin) {
        const margin = finite(d.margins[m.key]);
        setNumber(row.getCell(c++), margin === null ? null : margin * 100, NUM_FMT.points2);
      } else setNumber(row.getCell(c++), d.attainment[m.key] ?? null, NUM_FMT.rate);
    }
    row.getCell(c).value = PATH_LABELS_VI[d.path.status] ?? "";
    styleBody(row, 1, n, opts.bold ? { bold: true, fill: TOTAL_FILL } : {});
  };

  let r = FIGURES_HEADER_ROW + 1;
  for (const d of data.rows) {
    const status =
      d.unit.level === "PROVINCE" && d.total !== null
        ? `${fmtCount(d.reported ?? 0)}/${fmtCount(d.total)} ${communesNoun} đã báo cáo`
        : d.periodStatus
          ? (REPORT_STATUS_VI[d.periodStatus] ?? "")
          : "Chưa báo cáo";
    writeRow(ws.getRow(r++), d, { code: d.unit.code, name: d.unit.name, type: UNIT_TYPE_LABELS_VI[d.unit.type] ?? "", status });
  }
  const last = r - 1;
  ws.autoFilter = { from: { row: FIGURES_HEADER_ROW, column: 1 }, to: { row: Math.max(FIGURES_HEADER_ROW, last), column: n } };
  const p = data.parentRow;
  writeRow(ws.getRow(r), p, {
    code: data.parent.code,
    name: totalsLabel(data.parent, data.parentRow),
    type: "",
    status: p.total !== null ? `${fmtCount(p.reported ?? 0)}/${fmtCount(p.total)} ${communesNoun} đã báo cáo` : "",
    bold: true,
  });
  ws.getRow(r).getCell(2).alignment = align({ wrapText: true, vertical: "middle" });
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: FIGURES_HEADER_ROW, topLeftCell: `C${FIGURES_HEADER_ROW + 1}`, activeCell: `A${FIGURES_HEADER_ROW + 1}` }];
}

// ---------------------------------------------------------------------------------------------
// Notes

function formulaOf(key: IndicatorKey): string {
  const def = INDICATORS[key];
  const num = def.numerator.map((m) => METRIC_LABELS_VI[m].label.replace(/^Trong đó:\s*/, "")).join(" + ");
  const den = def.denominator === "target:amountCollected" ? "kế hoạch thu năm" : METRIC_LABELS_VI[def.denominator].label.toLocaleLowerCase("vi");
  return `(${num}) / ${den}${def.direction === "lower" ? "; càng thấp càng tốt, là mức trần" : ""}.`;
}

function notesSheet(wb: ExcelJS.Workbook, data: RankingsData, opts: WorkbookOptions) {
  const ws = addSheet(wb, SHEETS.notes, "4:4");
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 110;
  titleRows(ws, `Ghi chú — ${rankingTitle(data)}`, datesLine(data), 2);
  const c = data.indicator;
  const cols = rankingColumns(data);
  const ranked = cols.find((x) => x.ranked)!;
  const { ceiling } = shapeOf(data);
  const rows: [string, string][] = [
    ["Đơn vị", `${data.parent.name} (mã ${data.parent.code})`],
    [
      "Kỳ báo cáo",
      `${upperFirstVi(periodName(data.year, data.quarter))}: số người và các tỷ lệ tính đến ${periodDate(data.year, data.quarter)}; số tiền lũy kế từ đầu năm đến ${periodDate(data.year, data.quarter)}; lập ngày ${formatDate(data.generatedAt, "vi")}.`,
    ],
    ["Xếp hạng theo", `${indicatorLabelVi(c)}: cột «${ranked.header}».`],
    [
      "Cách xếp hạng",
      `Xếp ${c.direction === "higher" && !ceiling ? "từ cao xuống thấp" : "từ thấp lên cao (càng thấp càng tốt)"}; các đơn vị có giá trị bằng nhau cùng hạng (1, 2, 2, 4). ` +
        "Đơn vị chưa báo cáo kỳ này, chưa có chỉ tiêu hoặc chưa đủ số liệu không được xếp hạng, không được đưa vào số tổng hợp.",
    ],
    ["Đánh giá", `Theo mức đạt mốc kế hoạch của quý. ${bandsSentence(data.bands)}`],
    [
      "Biểu dương, nhắc nhở, phê bình",
      `Theo kết quả đánh giá, không theo thứ hạng (trang «${SHEETS.lists}»): biểu dương tối đa ${fmtCount(data.listSize)} đơn vị «Đạt» có kết quả cao nhất; phê bình tối đa ${fmtCount(data.listSize)} đơn vị «Chưa đạt» có kết quả thấp nhất; nhắc nhở tối đa ${fmtCount(data.listSize)} đơn vị «Gần đạt» hoặc «Chưa đạt» kế tiếp nhóm bị phê bình. Một danh sách có thể ít hơn hoặc không có đơn vị nào; các đơn vị bằng kết quả (cùng hạng) với đơn vị cuối danh sách cũng được đưa vào, nên danh sách có thể nhiều hơn ${fmtCount(data.listSize)}.`,
    ],
  ];
  if (c.kind === "composite" && data.weights) rows.push(["Trọng số điểm tổng hợp", weightsSentence(data.weights)]);
  rows.push(
    [
      "Mốc kế hoạch quý",
      `Mức phải đạt đến cuối quý: số người và tỷ lệ tham gia tăng đều từ số cuối năm trước đến chỉ tiêu năm; số thu lũy kế theo số quý (quý ${data.quarter}: ${data.quarter}/4 kế hoạch năm); tỷ lệ chậm đóng là mức trần ở mọi quý. Thành phố có thể đặt mốc khác cho từng đơn vị.`,
    ],
    ["So với mốc quý", "Thực hiện / mốc kế hoạch của quý."],
    ["% kế hoạch năm", "Thực hiện / chỉ tiêu (kế hoạch) cả năm."],
    [
      "Mức trần (tỷ lệ chậm đóng)",
      "Đạt khi không vượt mức trần; không tính tỷ lệ hoàn thành. Cột «Dưới (+) / vượt (−) mức trần» là mức trần trừ tỷ lệ thực hiện, tính bằng điểm phần trăm.",
    ],
    [
      "Tăng, giảm so với quý trước, cùng kỳ",
      "Chênh lệch của giá trị xếp hạng so với quý trước và cùng quý năm trước: với các tỷ lệ, mức đạt mốc và điểm tổng hợp tính bằng điểm phần trăm (điểm %); với số người, số tiền tính bằng người, đồng.",
    ],
    ...INDICATOR_KEYS.map((k): [string, string] => [INDICATOR_LABELS_VI[k], formulaOf(k)]),
    [
      "Số liệu",
      `Số liệu của mỗi ${communesNoun} là báo cáo đúng kỳ đã gửi hoặc đã duyệt; đơn vị chưa báo cáo kỳ này không được xếp hạng, không được tính vào tổng. Số phải thu, số đã thu lũy kế từ đầu năm; số liệu của tỉnh, thành phố là tổng của các ${communesNoun} đã báo cáo (ghi rõ số đơn vị đã báo cáo). Tỷ lệ không tính được khi thiếu số liệu hoặc mẫu số bằng 0: ô để trống.`,
    ],
    [
      "Lộ trình 2030",
      `Số người tham gia BHXH (bắt buộc + tự nguyện) so với chỉ tiêu năm 2030 của từng đơn vị (mục tiêu của Nghị quyết 403/NQ-CP; văn bản giao: dòng «Nguồn chỉ tiêu»): dự báo theo tốc độ tăng bình quân 3 năm gần nhất (bình phương tối thiểu).`,
    ],
    [
      "Nguồn chỉ tiêu",
      [
        targetSourcesSentence(data.year, data.parent, opts.targetSources ?? []) ??
          `Chỉ tiêu năm ${data.year} do cấp trên giao cho từng đơn vị, như đã nhập trong hệ thống.`,
        data.year === 2030
          ? null
          : (targetSourcesSentence(2030, data.parent, opts.targetSources2030 ?? []) ??
            "Chỉ tiêu năm 2030 (lộ trình của Nghị quyết 403/NQ-CP) do cấp trên giao cho từng đơn vị, như đã nhập trong hệ thống."),
      ]
        .filter(Boolean)
        .join(" "),
    ],
  );
  const header = ws.getRow(4);
  header.getCell(1).value = "Nội dung";
  header.getCell(2).value = "Giải thích";
  styleHeader(header, 1, 2);
  header.height = 20;
  let r = 5;
  for (const [k, v] of rows) {
    const row = ws.getRow(r++);
    row.getCell(1).value = k;
    row.getCell(2).value = v;
    styleBody(row, 1, 2);
    row.getCell(1).font = font({ name: FONT, size: 11, bold: true });
    row.getCell(1).alignment = align({ vertical: "top", wrapText: true });
    row.getCell(2).alignment = align({ vertical: "top", wrapText: true });
    fitHeight(row, v, 110);
    fitHeight(row, k, 30);
  }
}

export interface WorkbookOptions {
  /** The documents the targets were set by (Target.source), each with the units it covers, for the notes sheet. */
  targetSources?: readonly SourceCoverage[];
  /** The same for the 2030 targets (the path to 2030). */
  targetSources2030?: readonly SourceCoverage[];
}

/** One object per distinct font and alignment, so that equal styles are the same objects (shareStyles). */
const fonts = new Map<string, Partial<ExcelJS.Font>>();
function font(f: Partial<ExcelJS.Font>): Partial<ExcelJS.Font> {
  const key = `${f.name}|${f.size}|${f.bold ? 1 : 0}|${f.italic ? 1 : 0}`;
  let out = fonts.get(key);
  if (!out) fonts.set(key, (out = Object.freeze({ ...f })));
  return out;
}
const aligns = new Map<string, Partial<ExcelJS.Alignment>>();
function align(a: Partial<ExcelJS.Alignment>): Partial<ExcelJS.Alignment> {
  const key = `${a.horizontal}|${a.vertical}|${a.wrapText ? 1 : 0}`;
  let out = aligns.get(key);
  if (!out) aligns.set(key, (out = Object.freeze({ ...a })));
  return out;
}

const STYLE_PARTS = new Set(["font", "border", "fill", "alignment", "numFmt"]);

/**
 * Gives every cell with the same style one shared style object. ExcelJS files a style by rendering
 * each cell's font, border, fill and the style itself to XML, unless it has seen that very style
 * object before: with ~10.000 cells each holding its own, that was a third of a download's time
 * (issue 16). Fonts, alignments, borders and fills are shared objects (font(), align(), the
 * constants), so a style is known by their identities. The file is the same.
 */
export function shareStyles(wb: ExcelJS.Workbook) {
  const ids = new WeakMap<object, number>();
  let next = 1;
  const id = (v: unknown) => {
    if (v === undefined || v === null || typeof v !== "object") return String(v ?? "");
    let n = ids.get(v);
    if (n === undefined) ids.set(v, (n = next++));
    return String(n);
  };
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      // Empty cells too: a figure not reported is an empty cell with its border and format.
      row.eachCell({ includeEmpty: true }, (cell) => {
        const st = cell.style as Record<string, unknown> | undefined;
        if (!st) return;
        for (const k in st) if (!STYLE_PARTS.has(k)) return;
        const key = `${id(st.font)}|${id(st.border)}|${id(st.fill)}|${id(st.alignment)}|${st.numFmt ?? ""}`;
        const same = shared.get(key);
        if (same) cell.style = same;
        else shared.set(key, cell.style);
      }),
    ),
  );
}

export async function rankingsWorkbook(data: RankingsData, opts: WorkbookOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Theo dõi chỉ tiêu BHXH";
  wb.title = rankingTitle(data);
  const generated = new Date(data.generatedAt);
  if (!Number.isNaN(generated.getTime())) {
    wb.created = generated;
    wb.modified = generated;
  }
  rankingSheet(wb, data);
  listsSheet(wb, data);
  figuresSheet(wb, data);
  notesSheet(wb, data, opts);
  shareStyles(wb);
  return xlsxBytes(wb);
}
