// The rankings as an Excel workbook (exceljs) that opens in Excel and LibreOffice: sheet "Xếp hạng"
// (the league table, real numbers with number formats, frozen header, autofilter), sheet "Số liệu"
// (every figure, indicator and target of every child unit) and sheet "Ghi chú" (bands, weights, how
// values are computed, where targets come from). Excel shows the numbers with the user's own
// separators (13.624 / 53,1% on a Vietnamese Windows).
import ExcelJS from "exceljs";
import { INDICATORS } from "../domain/indicators";
import { INDICATOR_KEYS, METRIC_KEYS, type IndicatorKey } from "../domain/metrics";
import { TARGET_KEYS } from "../domain/targets";
import { INDICATOR_LABELS_VI, METRIC_LABELS_VI } from "../domain/figures-validation";
import { formatDate } from "../format";
import type { RankingsData } from "../rankings/service";
import {
  PATH_LABELS_VI,
  STATUS_LABELS_VI,
  UNIT_TYPE_LABELS_VI,
  bandsSentence,
  indicatorLabelVi,
  keyLabelVi,
  periodLabel,
  totalsLabel,
  weightsSentence,
  xmlSafe,
} from "./sentences";

export const SHEETS = { ranking: "Xếp hạng", figures: "Số liệu", notes: "Ghi chú" } as const;

/** Number formats (Excel codes; the separators shown follow the user's locale). */
export const NUM_FMT = {
  count: "#,##0",
  rate: "0.0%",
  rate2: "0.00%",
  deltaCount: "+#,##0;-#,##0;0",
  deltaRate: "+0.0%;-0.0%;0.0%",
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
  return c.percent ? NUM_FMT.rate : NUM_FMT.count;
}

const REPORT_STATUS_VI: Record<string, string> = {
  DRAFT: "Bản nháp",
  SUBMITTED: "Đã gửi",
  APPROVED: "Đã duyệt",
  RETURNED: "Bị trả lại",
};

const finite = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

const THIN = { style: "thin" as const, color: { argb: "FF9CA3AF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
const TOTAL_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F4F6" } };
const FONT = "Times New Roman";

function styleHeader(row: ExcelJS.Row, from: number, to: number) {
  row.height = 36;
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  }
}

function styleBody(row: ExcelJS.Row, from: number, to: number, opts: { bold?: boolean; fill?: ExcelJS.Fill } = {}) {
  for (let c = from; c <= to; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 11, bold: opts.bold };
    cell.border = BORDER;
    if (opts.fill) cell.fill = opts.fill;
    if (!cell.alignment) cell.alignment = { vertical: "middle" };
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
  cell.alignment = { horizontal: "right", vertical: "middle" };
}

function titleRows(ws: ExcelJS.Worksheet, title: string, subtitle: string, width: number) {
  ws.mergeCells(1, 1, 1, width);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, bold: true, size: 14 };
  t.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  ws.getRow(1).height = 24;
  ws.mergeCells(2, 1, 2, width);
  const s = ws.getCell(2, 1);
  s.value = subtitle;
  s.font = { name: FONT, italic: true, size: 11 };
  s.alignment = { horizontal: "center", vertical: "middle" };
}

/** "Số liệu đến ngày 30/9/2026; lập ngày 21/11/2026" */
export function datesLine(data: Pick<RankingsData, "asAt" | "generatedAt">): string {
  return `Số liệu đến ngày ${formatDate(data.asAt, "vi")}; lập ngày ${formatDate(data.generatedAt, "vi")}`;
}

/** "Bảng xếp hạng hoàn thành chỉ tiêu tỷ lệ tham gia BHXH — Thành phố Hải Phòng — quý 3/2026" */
export function rankingTitle(data: Pick<RankingsData, "indicator" | "parent" | "year" | "quarter">): string {
  const label = indicatorLabelVi(data.indicator);
  return `Bảng xếp hạng ${label.charAt(0).toLocaleLowerCase("vi") + label.slice(1)} — ${data.parent.name} — ${periodLabel(data.year, data.quarter)}`;
}

export const RANKING_HEADER_ROW = 4;

export const RANKING_COLUMNS = [
  { header: "Hạng", width: 7 },
  { header: "Mã", width: 9 },
  { header: "Đơn vị", width: 30 },
  { header: "Giá trị", width: 12 },
  { header: "Thực hiện", width: 13 },
  { header: "Mốc kế hoạch của quý", width: 13 },
  { header: "So với mốc quý", width: 12 },
  { header: "So với quý trước", width: 12 },
  { header: "So với cùng kỳ", width: 12 },
  { header: "Đánh giá", width: 12 },
  { header: "Lộ trình 2030", width: 16 },
  { header: "Tình trạng báo cáo", width: 14 },
  { header: "Giải trình", width: 50 },
] as const;

function rankingSheet(wb: ExcelJS.Workbook, data: RankingsData) {
  const ws = wb.addWorksheet(SHEETS.ranking, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${RANKING_HEADER_ROW}:${RANKING_HEADER_ROW}` },
  });
  const n = RANKING_COLUMNS.length;
  RANKING_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  titleRows(ws, rankingTitle(data), datesLine(data), n);
  ws.mergeCells(3, 1, 3, n);
  const note = ws.getCell(3, 1);
  note.value = bandsSentence(data.bands);
  note.font = { name: FONT, size: 10 };
  note.alignment = { horizontal: "center" };

  const header = ws.getRow(RANKING_HEADER_ROW);
  RANKING_COLUMNS.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  styleHeader(header, 1, n);

  const c = data.indicator;
  const vFmt = valueNumFmt(data);
  const aFmt = c.kind === "composite" ? NUM_FMT.rate : numFmtOfKey(c.key);
  const dFmt = c.percent ? NUM_FMT.deltaRate : NUM_FMT.deltaCount;
  let r = RANKING_HEADER_ROW + 1;
  for (const it of data.items) {
    const row = ws.getRow(r++);
    row.getCell(1).value = it.rank;
    row.getCell(1).numFmt = "0";
    row.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
    row.getCell(2).value = it.unit.code;
    row.getCell(3).value = it.unit.name;
    setNumber(row.getCell(4), it.value, vFmt);
    setNumber(row.getCell(5), it.actual, aFmt);
    setNumber(row.getCell(6), c.kind === "composite" ? null : it.expected, aFmt);
    setNumber(row.getCell(7), it.attainment, NUM_FMT.rate);
    setNumber(row.getCell(8), it.previousQuarter.delta, dFmt);
    setNumber(row.getCell(9), it.lastYear.delta, dFmt);
    row.getCell(10).value = STATUS_LABELS_VI[it.status] ?? "";
    row.getCell(11).value = PATH_LABELS_VI[it.path] ?? "";
    row.getCell(12).value = REPORT_STATUS_VI[it.reportStatus ?? ""] ?? "";
    const e = it.explanation;
    const explanation = e ? xmlSafe([e.reason, e.actions ? `Giải pháp: ${e.actions}` : ""].filter(Boolean).join(" ")) : null;
    row.getCell(13).value = explanation;
    styleBody(row, 1, n);
    row.getCell(13).alignment = { wrapText: true, vertical: "top" };
    if (explanation) fitHeight(row, explanation, RANKING_COLUMNS[12].width);
  }
  const lastRanked = r - 1;
  ws.autoFilter = { from: { row: RANKING_HEADER_ROW, column: 1 }, to: { row: Math.max(RANKING_HEADER_ROW, lastRanked), column: n } };

  // The parent's totals.
  const t = data.totals;
  const tr = ws.getRow(r++);
  tr.getCell(2).value = data.parent.code;
  tr.getCell(3).value = totalsLabel(data.parent, { reported: t.reported, total: t.units });
  setNumber(tr.getCell(4), t.value, vFmt);
  setNumber(tr.getCell(5), t.actual, aFmt);
  setNumber(tr.getCell(6), c.kind === "composite" ? null : t.expected, aFmt);
  setNumber(tr.getCell(7), t.attainment, NUM_FMT.rate);
  setNumber(tr.getCell(8), t.previousQuarter.delta, dFmt);
  setNumber(tr.getCell(9), t.lastYear.delta, dFmt);
  tr.getCell(10).value = STATUS_LABELS_VI[t.status] ?? "";
  styleBody(tr, 1, n, { bold: true, fill: TOTAL_FILL });

  if (data.unranked.length) {
    r++;
    const h = ws.getRow(r++);
    ws.mergeCells(h.number, 1, h.number, n);
    h.getCell(1).value = `Chưa xếp hạng (${data.unranked.length} đơn vị): chưa báo cáo kỳ này, hoặc chưa có chỉ tiêu, chưa đủ số liệu`;
    h.getCell(1).font = { name: FONT, bold: true, size: 11 };
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

export const FIGURES_HEADER_ROW = 4;

function figuresSheet(wb: ExcelJS.Workbook, data: RankingsData) {
  const ws = wb.addWorksheet(SHEETS.figures, { pageSetup: { paperSize: 9, orientation: "landscape", printTitlesRow: `${FIGURES_HEADER_ROW}:${FIGURES_HEADER_ROW}`, printTitlesColumn: "A:B" } });
  const fixed = ["Mã", "Đơn vị", "Loại", "Quý số liệu", "Tình trạng báo cáo"];
  const metricCols = METRIC_KEYS.map((k) => ({ key: k, header: `${METRIC_LABELS_VI[k].label} (${METRIC_LABELS_VI[k].unit})` }));
  const indicatorCols = INDICATOR_KEYS.map((k) => ({ key: k, header: INDICATOR_LABELS_VI[k] }));
  const targetCols = TARGET_KEYS.map((k) => ({ key: k, header: `Chỉ tiêu: ${keyLabelVi(k)}` }));
  const attCols = TARGET_KEYS.map((k) => ({ key: k, header: `So với mốc quý: ${keyLabelVi(k)}` }));
  const n = fixed.length + metricCols.length + indicatorCols.length + targetCols.length + attCols.length + 1;
  titleRows(ws, `Số liệu các đơn vị — ${data.parent.name} — ${periodLabel(data.year, data.quarter)}`, datesLine(data), Math.min(n, 12));

  // Group labels above the header.
  const groups: [string, number, number][] = [];
  let col = fixed.length + 1;
  groups.push([`Số liệu báo cáo (người; tiền: đồng, lũy kế từ đầu năm)`, col, col + metricCols.length - 1]);
  col += metricCols.length;
  groups.push(["Các tỷ lệ", col, col + indicatorCols.length - 1]);
  col += indicatorCols.length;
  groups.push([`Chỉ tiêu năm ${data.year}`, col, col + targetCols.length - 1]);
  col += targetCols.length;
  groups.push(["Tỷ lệ hoàn thành chỉ tiêu", col, col + attCols.length - 1]);
  for (const [label, from, to] of groups) {
    ws.mergeCells(FIGURES_HEADER_ROW - 1, from, FIGURES_HEADER_ROW - 1, to);
    const cell = ws.getCell(FIGURES_HEADER_ROW - 1, from);
    cell.value = label;
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.alignment = { horizontal: "center" };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  }

  const header = ws.getRow(FIGURES_HEADER_ROW);
  const headers = [...fixed, ...metricCols.map((m) => m.header), ...indicatorCols.map((m) => m.header), ...targetCols.map((m) => m.header), ...attCols.map((m) => m.header), "Lộ trình 2030"];
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header, 1, n);
  header.height = 75;
  ws.getColumn(1).width = 9;
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 10;
  ws.getColumn(4).width = 8;
  ws.getColumn(5).width = 14;
  for (let i = fixed.length + 1; i <= n; i++) ws.getColumn(i).width = 14;
  for (const [i, m] of metricCols.entries()) if (METRIC_LABELS_VI[m.key].unit === "đồng") ws.getColumn(fixed.length + i + 1).width = 20;
  ws.getColumn(n).width = 16;

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
    for (const m of attCols) setNumber(row.getCell(c++), d.attainment[m.key] ?? null, NUM_FMT.rate);
    row.getCell(c).value = PATH_LABELS_VI[d.path.status] ?? "";
    styleBody(row, 1, n, opts.bold ? { bold: true, fill: TOTAL_FILL } : {});
  };

  let r = FIGURES_HEADER_ROW + 1;
  for (const d of data.rows) {
    const status =
      d.unit.level === "PROVINCE" && d.total !== null
        ? `${d.reported ?? 0}/${d.total} xã đã báo cáo`
        : d.periodStatus
          ? (REPORT_STATUS_VI[d.periodStatus] ?? d.periodStatus)
          : "Chưa nhập";
    writeRow(ws.getRow(r++), d, { code: d.unit.code, name: d.unit.name, type: UNIT_TYPE_LABELS_VI[d.unit.type] ?? d.unit.type, status });
  }
  const last = r - 1;
  ws.autoFilter = { from: { row: FIGURES_HEADER_ROW, column: 1 }, to: { row: Math.max(FIGURES_HEADER_ROW, last), column: n } };
  const p = data.parentRow;
  writeRow(ws.getRow(r), p, {
    code: data.parent.code,
    name: totalsLabel(data.parent, data.parentRow),
    type: "",
    status: p.total !== null ? `${p.reported ?? 0}/${p.total} xã đã báo cáo` : "",
    bold: true,
  });
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: FIGURES_HEADER_ROW, topLeftCell: `C${FIGURES_HEADER_ROW + 1}`, activeCell: `A${FIGURES_HEADER_ROW + 1}` }];
}

function formulaOf(key: IndicatorKey): string {
  const def = INDICATORS[key];
  const num = def.numerator.map((m) => METRIC_LABELS_VI[m].label.replace(/^Trong đó:\s*/, "")).join(" + ");
  const den = def.denominator === "target:amountCollected" ? `kế hoạch thu năm (chỉ tiêu «${METRIC_LABELS_VI.amountCollected.label}»)` : METRIC_LABELS_VI[def.denominator].label.toLocaleLowerCase("vi");
  return `(${num}) / ${den}${def.direction === "lower" ? "; càng thấp càng tốt" : ""}.`;
}

function notesSheet(wb: ExcelJS.Workbook, data: RankingsData, opts: WorkbookOptions) {
  const ws = wb.addWorksheet(SHEETS.notes, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 110;
  titleRows(ws, `Ghi chú — ${rankingTitle(data)}`, datesLine(data), 2);
  const c = data.indicator;
  const rows: [string, string][] = [
    ["Đơn vị", `${data.parent.name} (mã ${data.parent.code})`],
    ["Kỳ báo cáo", `${periodLabel(data.year, data.quarter)}; ${datesLine(data).toLocaleLowerCase("vi")}`],
    ["Xếp hạng theo", `${indicatorLabelVi(c)} (${c.param}).`],
    [
      "Cách xếp hạng",
      `Xếp ${c.direction === "higher" ? "từ cao xuống thấp" : "từ thấp lên cao (càng thấp càng tốt)"}; các đơn vị có giá trị bằng nhau cùng hạng (1, 2, 2, 4). ` +
        "Đơn vị chưa báo cáo kỳ này, chưa có chỉ tiêu hoặc chưa đủ số liệu không được xếp hạng, không được đưa vào số tổng hợp.",
    ],
    ["Đánh giá", `Theo tỷ lệ hoàn thành chỉ tiêu. ${bandsSentence(data.bands)}`],
    [
      "Biểu dương, nhắc nhở, phê bình",
      `Biểu dương ${data.listSize} đơn vị đứng đầu, phê bình ${data.listSize} đơn vị cuối bảng, nhắc nhở ${data.listSize} đơn vị ngay trên nhóm cuối (khi có ít đơn vị, nhóm cuối được ưu tiên).`,
    ],
  ];
  if (c.kind === "composite" && data.weights) rows.push(["Trọng số điểm tổng hợp", weightsSentence(data.weights)]);
  rows.push(
    [
      "So với mốc quý",
      "Thực hiện / mốc kế hoạch của quý. Mốc: số người và tỷ lệ tham gia tăng đều từ số cuối năm trước đến chỉ tiêu năm; số thu lũy kế theo số quý (quý 3: 3/4 kế hoạch năm); tỷ lệ chậm đóng là mức trần ở mọi quý (đạt khi không vượt, không tính tỷ lệ hoàn thành). Thành phố có thể đặt mốc khác cho từng đơn vị.",
    ],
    ["So với quý trước, cùng kỳ", "Chênh lệch của giá trị xếp hạng so với quý trước và cùng quý năm trước (với các tỷ lệ: điểm phần trăm)."],
    ...INDICATOR_KEYS.map((k): [string, string] => [INDICATOR_LABELS_VI[k], formulaOf(k)]),
    ["Số liệu", "Số liệu của mỗi xã là báo cáo đúng kỳ đã gửi hoặc đã duyệt; xã chưa báo cáo kỳ này không được xếp hạng, không được tính vào tổng. Số phải thu, số đã thu lũy kế từ đầu năm; số liệu của tỉnh, thành phố là tổng của các xã đã báo cáo (ghi rõ số xã). Tỷ lệ không tính được khi thiếu số liệu hoặc mẫu số bằng 0 (ô để trống)."],
    ["Lộ trình 2030", "Số người tham gia BHXH (bắt buộc + tự nguyện) so với chỉ tiêu năm 2030 (Nghị quyết 403/NQ-CP): dự báo theo tốc độ tăng bình quân 3 năm gần nhất (bình phương tối thiểu)."],
    [
      "Nguồn chỉ tiêu",
      opts.targetSources && opts.targetSources.length
        ? `Chỉ tiêu năm ${data.year} theo: ${opts.targetSources.join("; ")}.`
        : `Chỉ tiêu năm ${data.year} do cấp trên giao cho từng đơn vị (chỉ tiêu năm 2030 theo Nghị quyết 403/NQ-CP), như đã nhập trong hệ thống.`,
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
    row.getCell(1).font = { name: FONT, size: 11, bold: true };
    row.getCell(1).alignment = { vertical: "top", wrapText: true };
    row.getCell(2).alignment = { vertical: "top", wrapText: true };
    fitHeight(row, v, 110);
    fitHeight(row, k, 30);
  }
}

export interface WorkbookOptions {
  /** The documents the targets were set by (Target.source), for the notes sheet. */
  targetSources?: string[];
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
  figuresSheet(wb, data);
  notesSheet(wb, data, opts);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
