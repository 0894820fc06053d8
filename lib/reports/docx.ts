// The rankings as a Word report in the national layout of administrative documents (Decree
// 30/2020/NĐ-CP): the two-column header (issuing body and number on the left, national motto and
// place/date on the right), title, "Kính gửi", numbered sections (results, ranking table, praise /
// warn / criticise, proposals), "Nơi nhận" and the signature block. A4, Times New Roman 13–14 pt,
// margins top/bottom 20 mm, left 30 mm, right 15 mm; page numbers from page 2, centred at the top.
// Numbers are written the Vietnamese way (13.624 · 53,1% · 30/9/2026) as text.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from "docx";
import type { RankingsData } from "../rankings/service";
import { defaultReportSettings, type DocParagraph, type DocTable, type ReportDocument, type ReportSettings } from "./document";
import { formatDate, formatPoints } from "../format";
import {
  STATUS_LABELS_VI,
  keyLabelVi,
  bandsSentence,
  fmtKeyValue,
  fmtPercent,
  indicatorLabelVi,
  listParagraphs,
  rankingDetails,
  rankingSentence,
  resultIntro,
  resultSections,
  totalsLabel,
  weightsSentence,
  periodName,
  runningName,
} from "./sentences";

export { placeOf } from "./document";

/** The settings of a rankings report issued by a province's people's committee or, for VN, by BHXH Việt Nam. */
export function reportMetaFor(parent: { code: string; name: string; level: string }): ReportSettings {
  return defaultReportSettings(parent);
}

// ---------------------------------------------------------------------------------------------
// Layout

const FONT = "Times New Roman";
/** Millimetres in twips, rounded (20 mm = 1134). */
const mm = (n: number) => Math.round((n * 1440) / 25.4);
const PT = (n: number) => n * 2; // half-points
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
const CONTENT = PAGE.width - MARGIN.left - MARGIN.right;
const BODY = PT(14);
const NO_BORDERS = TableBorders.NONE;
const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 };

interface RunOpts {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const run = (text: string, o: RunOpts = {}) => new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ?? BODY, font: FONT });

function centred(text: string, o: RunOpts & { after?: number; before?: number } = {}) {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: o.before ?? 0, after: o.after ?? 0 }, children: [run(text, o)] });
}

/** A short horizontal rule under a centred line (as Decree 30 puts under the issuer and the motto). */
function rule(cellWidth: number, lineWidth: number) {
  const side = Math.max(0, Math.round((cellWidth - lineWidth) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { top: LINE },
    spacing: { before: 20, after: 60 },
    children: [run("", { size: PT(4) })],
  });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
function body(text: string | TextRun[], o: RunOpts & { indent?: boolean } = {}) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: o.indent === false ? undefined : { firstLine: mm(10) },
    spacing: { before: 0, after: 120, line: 300 },
    children: typeof text === "string" ? [run(text, o)] : text,
  });
}

const dash = (text: string) => body(`- ${text}`);

function heading(text: string) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    keepNext: true,
    spacing: { before: 120, after: 120 },
    children: [run(text, { bold: true })],
  });
}

function cell(children: Paragraph[], width: number, o: { shade?: boolean } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    shading: o.shade ? { fill: "E7E6E6", color: "auto", type: "clear" } : undefined,
    children,
  });
}

function plainCell(children: Paragraph[], width: number) {
  return new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
}

// ---------------------------------------------------------------------------------------------
// Parts

function yearOf(iso: string): number {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return new Date().getUTCFullYear();
  return new Date(d.getTime() + 7 * 3600 * 1000).getUTCFullYear();
}

/**
 * A unit's name kept on one line: from its common noun on ("THÀNH PHỐ HẢI PHÒNG", "XÃ KIM THÀNH"),
 * spaces become no-break spaces, so a line may break before the name but never inside it
 * ("UBND / THÀNH PHỐ HẢI PHÒNG", never "HẢI / PHÒNG").
 */
const keep = (s: string) => {
  const m = /(THÀNH PHỐ|TỈNH|XÃ|PHƯỜNG|ĐẶC KHU|VIỆT NAM)\s.*$|VIỆT NAM$/u.exec(s);
  if (!m) return s;
  return s.slice(0, m.index) + m[0].replace(/ /g, "\u00A0");
};

/** "Kim Thành, ngày 01 tháng 12 năm 2026": days under 10 and months 1–2 with a leading 0 (Decree 30). */
export function dateLine(place: string, iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
  const day = d.getUTCDate();
  const month = d.getUTCMonth() + 1;
  return `${place}, ngày ${String(day).padStart(2, "0")} tháng ${month <= 2 ? String(month).padStart(2, "0") : month} năm ${d.getUTCFullYear()}`;
}

/**
 * The two-column header of Decree 30: left the parent body (upper case, not bold), the issuing body
 * in full (upper case, bold) with a short rule, "Số:      /BC-UBND"; right the national name and motto
 * with a rule as long as the motto, and the place and date in italics.
 */
function headerTable(settings: ReportSettings, dated: string): Table {
  const left = Math.round(CONTENT * 0.44);
  const right = CONTENT - left;
  const leftTop: Paragraph[] = [];
  if (settings.parentBody) leftTop.push(centred(keep(settings.parentBody.toLocaleUpperCase("vi")), { size: PT(12) }));
  for (const l of settings.issuer) leftTop.push(centred(keep(l.toLocaleUpperCase("vi")), { size: PT(13), bold: true }));
  leftTop.push(rule(left, Math.round(left / 3)));
  const rightTop = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: PT(12), bold: true }),
    centred("Độc lập - Tự do - Hạnh phúc", { size: PT(13), bold: true }),
    rule(right, Math.round(right * 0.62)),
  ];
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [plainCell(leftTop, left), plainCell(rightTop, right)] }),
      new TableRow({
        children: [
          plainCell([centred(`Số:\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/${settings.symbol}`, { size: PT(13) })], left),
          plainCell([centred(dateLine(settings.place, dated), { size: PT(13), italics: true })], right),
        ],
      }),
    ],
  });
}

function recipients(settings: ReportSettings): Paragraph[] {
  const list = settings.addressee.map((r) => r.replace(/[;.]\s*$/, "")).filter(Boolean);
  if (list.length === 0) return [new Paragraph({ spacing: { after: 120 }, children: [] })];
  if (list.length === 1) return [centred(`Kính gửi: ${list[0]}.`, { before: 120, after: 240 })];
  const indent = mm(45);
  return [
    new Paragraph({ indent: { left: mm(20) }, spacing: { before: 120 }, children: [run("Kính gửi:")] }),
    ...list.map(
      (r, i) =>
        new Paragraph({
          indent: { left: indent },
          spacing: { after: i === list.length - 1 ? 240 : 0 },
          children: [run(`- ${r}${i === list.length - 1 ? "." : ";"}`)],
        }),
    ),
  ];
}

/** "BÁO CÁO", the subject in bold with a rule of a third of the line under it. */
function titleBlock(subject: string): Paragraph[] {
  return [
    centred("BÁO CÁO", { bold: true, before: 360 }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(subject, { bold: true })] }),
    rule(CONTENT, Math.round(CONTENT / 3)),
  ];
}

/**
 * The signature block (right: authority lines, title, space for the signature and seal, the
 * signer's name in bold) beside "Nơi nhận" (left, bold italic 12 pt; the list in 11 pt).
 */
function signature(settings: ReportSettings): Table {
  const left = Math.round(CONTENT * 0.45);
  const right = CONTENT - left;
  const to = [
    new Paragraph({ spacing: { before: 240 }, children: [run("Nơi nhận:", { bold: true, italics: true, size: PT(12) })] }),
    ...settings.copyTo.map((l) => new Paragraph({ children: [run(`- ${l}`, { size: PT(11) })] })),
  ];
  const sign = [
    ...settings.authority.map((t, i) => centred(t.toLocaleUpperCase("vi"), { bold: true, size: PT(14), before: i === 0 ? 240 : 0 })),
    centred(settings.signerTitle.toLocaleUpperCase("vi"), { bold: true, size: PT(14) }),
    centred("", { after: 1600 }),
    ...(settings.signerName ? [centred(settings.signerName, { bold: true })] : []),
  ];
  return new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [plainCell(to, left), plainCell(sign, right)] })],
  });
}

function docFile(title: string, children: FileChild[]): Promise<Buffer> {
  const doc = new Document({
    creator: "Theo dõi chỉ tiêu BHXH",
    title,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...MARGIN, header: mm(10), footer: mm(10) } },
          titlePage: true,
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })] }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const RANK_COLS = [
  { title: "Hạng", width: 800 },
  { title: "Đơn vị", width: 0 },
  { title: "Giá trị", width: 1350 },
  { title: "Mốc kế hoạch quý", width: 1350 },
  { title: "So với mốc", width: 1400 },
  { title: "Đánh giá", width: 1350 },
];

function rankingTable(data: RankingsData): Table {
  const fixed = RANK_COLS.reduce((a, c) => a + c.width, 0);
  const widths = RANK_COLS.map((c) => (c.width === 0 ? CONTENT - fixed : c.width));
  const small = PT(12);
  const text = (s: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], o: RunOpts = {}) =>
    new Paragraph({ alignment: align, children: [run(s, { size: small, ...o })] });
  const c = data.indicator;
  // For an attainment the value shown is the rate or count itself (the attainment has its column).
  const shownKey = c.kind === "composite" ? null : c.key;
  const show = (v: number | null | undefined) =>
    c.kind === "composite" ? (typeof v === "number" && Number.isFinite(v) ? fmtPercent(v) : null) : fmtKeyValue(shownKey, v);
  const pct = (v: number | null | undefined) => (typeof v === "number" && Number.isFinite(v) ? fmtPercent(v) : "—");
  // The value column says what it holds: the rate or count ranked, or the composite score.
  const valueTitle = c.kind === "composite" ? "Điểm tổng hợp" : keyLabelVi(c.key!).replace(/^Tỷ lệ người lao động tham gia /u, "Tỷ lệ tham gia ");
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: RANK_COLS.map((col, i) => cell([text(i === 2 ? valueTitle : col.title, AlignmentType.CENTER, { bold: true })], widths[i], { shade: true })),
  });
  const rowOf = (rank: string, name: string, value: string | null, target: string | null, att: string, status: string, bold = false) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell([text(rank, AlignmentType.CENTER, { bold })], widths[0]),
        cell([text(name, AlignmentType.LEFT, { bold })], widths[1]),
        cell([text(value ?? "—", AlignmentType.RIGHT, { bold })], widths[2]),
        cell([text(target ?? "—", AlignmentType.RIGHT, { bold })], widths[3]),
        cell([text(att, AlignmentType.RIGHT, { bold })], widths[4]),
        cell([text(status, AlignmentType.CENTER, { bold })], widths[5]),
      ],
    });
  // A ceiling has no attainment: its margin under (or over) the ceiling, in percentage points.
  const versus = (att: number | null, margin: number | null) => (margin !== null ? formatPoints(margin, "vi") : pct(att));
  const rows = data.items.map((it) =>
    rowOf(
      String(it.rank),
      it.unit.name,
      show(c.kind === "attainment" ? it.actual : it.value),
      c.kind === "composite" ? null : fmtKeyValue(c.key, it.expected),
      versus(it.attainment, it.margin),
      STATUS_LABELS_VI[it.status] ?? "",
    ),
  );
  const t = data.totals;
  rows.push(
    rowOf(
      "",
      totalsLabel(data.parent, { reported: t.reported, total: t.units }),
      show(c.kind === "attainment" ? t.actual : t.value),
      c.kind === "composite" ? null : fmtKeyValue(c.key, t.expected),
      versus(t.attainment, t.margin),
      STATUS_LABELS_VI[t.status] ?? "",
      true,
    ),
  );
  return new Table({ width: { size: CONTENT, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...rows] });
}

// ---------------------------------------------------------------------------------------------
// The report

export async function rankingsReport(data: RankingsData, settings: ReportSettings): Promise<Buffer> {
  const period = periodName(data.year, data.quarter);
  const where =
    data.parent.level === "NATION"
      ? data.totals.partial
        ? "tại các tỉnh, thành phố đã báo cáo"
        : "trên phạm vi cả nước"
      : `trên địa bàn ${runningName(data.parent.name)}`;
  const issuer = data.parent.level === "NATION" ? "Bảo hiểm xã hội Việt Nam" : `Ủy ban nhân dân ${runningName(data.parent.name)}`;
  const children: FileChild[] = [
    headerTable(settings, data.generatedAt),
    ...titleBlock(`Kết quả thực hiện chỉ tiêu phát triển người tham gia bảo hiểm xã hội ${period} và xếp hạng các đơn vị`),
    ...recipients(settings),
    body(
      `${settings.basis ? `${settings.basis.replace(/[,.;\s]+$/u, "")}, ` : ""}${issuer} báo cáo kết quả thực hiện các chỉ tiêu phát triển người tham gia bảo hiểm xã hội (BHXH), ` +
        `bảo hiểm thất nghiệp (BHTN), bảo hiểm y tế (BHYT) ${period} ${where} và xếp hạng các đơn vị như sau:`,
    ),
  ];

  // I. Results
  children.push(heading("I. KẾT QUẢ THỰC HIỆN"), body(resultIntro(data)));
  for (const s of resultSections(data.parentRow, data.parentRowLastYear, data.year, data.quarter)) {
    children.push(body(s.heading, { italics: true, bold: true }));
    for (const l of s.lines) children.push(dash(l));
  }

  // II. Ranking
  const label = indicatorLabelVi(data.indicator);
  children.push(
    heading("II. XẾP HẠNG CÁC ĐƠN VỊ"),
    body(
      `Xếp hạng theo ${label.charAt(0).toLocaleLowerCase("vi") + label.slice(1)}, số liệu tính đến ngày ${formatDate(data.asAt, "vi")}. ${bandsSentence(data.bands)}`,
    ),
  );
  if (data.indicator.kind === "composite" && data.weights) children.push(body(weightsSentence(data.weights)));
  children.push(body(rankingSentence(data)));
  for (const d of rankingDetails(data)) children.push(body(d));
  if (data.items.length) children.push(rankingTable(data), new Paragraph({ spacing: { after: 120 }, children: [] }));
  if (data.unranked.length) {
    const byReason = new Map<string, string[]>();
    for (const u of data.unranked) byReason.set(u.reasonText, [...(byReason.get(u.reasonText) ?? []), u.unit.name]);
    const groups = [...byReason.entries()].map(
      ([reason, names]) => `${reason.replace(/[.\s]+$/, "").toLocaleLowerCase("vi")} (${names.length}): ${names.join(", ")}`,
    );
    children.push(body(`Chưa xếp hạng ${data.unranked.length} đơn vị: ${groups.join("; ")}.`));
  }

  // III. Praise, warn, criticise
  children.push(heading("III. BIỂU DƯƠNG, NHẮC NHỞ, PHÊ BÌNH"));
  const lists = listParagraphs(data);
  if (lists.length === 0) children.push(body("Kỳ này không có đơn vị nào được biểu dương, nhắc nhở hay phê bình."));
  lists.forEach((l, i) => {
    children.push(body(`${i + 1}. ${l.title}`, { bold: true }), body(l.text));
    for (const d of l.details) children.push(dash(d));
  });

  // IV. Proposals
  children.push(heading("IV. KIẾN NGHỊ, ĐỀ XUẤT"));
  // Names in running text: "xã Kiến Minh", as every other sentence of the report writes them.
  const by = new Map(data.items.map((i) => [i.unit.code, runningName(i.unit.name)]));
  const crit = data.lists.criticise.map((c) => by.get(c)).filter((n): n is string => !!n);
  const warn = data.lists.warn.map((c) => by.get(c)).filter((n): n is string => !!n);
  const noData = data.unranked.filter((u) => u.reason === "not_reported").map((u) => u.unit.name);
  const proposals: string[] = [];
  if (crit.length) {
    proposals.push(
      `Đề nghị ${crit.join(", ")} báo cáo giải trình bằng văn bản về nguyên nhân chưa đạt mốc kế hoạch, giải pháp khắc phục và cam kết hoàn thành chỉ tiêu năm ${data.year}.`,
    );
  }
  if (warn.length) {
    proposals.push(
      `Đề nghị ${warn.join(", ")} rà soát, xác định đối tượng chưa tham gia, giao chỉ tiêu đến từng thôn, tổ dân phố, phấn đấu hoàn thành chỉ tiêu được giao.`,
    );
  }
  if (noData.length) proposals.push(`Đề nghị ${noData.length} đơn vị chưa báo cáo khẩn trương gửi báo cáo ${period} trên hệ thống.`);
  proposals.push(
    "Các đơn vị tiếp tục đẩy mạnh tuyên truyền, phát triển người tham gia BHXH, BHYT, BHTN; đôn đốc thu, giảm số tiền chậm đóng; báo cáo số liệu đầy đủ, đúng hạn./.",
  );
  for (const p of proposals) children.push(body(p));

  children.push(signature(settings));
  return docFile(`Báo cáo kết quả thực hiện chỉ tiêu phát triển người tham gia BHXH ${period} — ${data.parent.name}`, children);
}

// ---------------------------------------------------------------------------------------------
// A unit's report (lib/reports/unit-report.ts): the same parts, from its document model.

function docParagraph(x: DocParagraph): Paragraph {
  if (x.style === "subheading") return body(x.text, { italics: true, bold: true });
  if (x.style === "dash") return dash(x.text);
  return body(x.text);
}

function docTable(t: DocTable): Table {
  const total = t.columns.reduce((a, c) => a + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * CONTENT));
  widths[widths.length - 1] += CONTENT - widths.reduce((a, b) => a + b, 0);
  const align = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;
  const text = (s: string, a: "left" | "right" | "center", o: RunOpts = {}) =>
    new Paragraph({ alignment: align[a], children: [run(s, { size: PT(12), ...o })] });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, i) => cell([text(c.title, "center", { bold: true })], widths[i], { shade: true })),
  });
  const rows = t.rows.map(
    (r) => new TableRow({ cantSplit: true, children: r.cells.map((v, i) => cell([text(v, t.columns[i].align, { bold: r.bold })], widths[i])) }),
  );
  return new Table({ width: { size: CONTENT, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [header, ...rows] });
}

/** A unit's report as a Word file in the Decree 30/2020 layout; the text ends with "./.". */
export function renderReportDocument(doc: ReportDocument): Promise<Buffer> {
  const children: FileChild[] = [headerTable(doc.settings, doc.dated), ...titleBlock(doc.subject), ...recipients(doc.settings), body(doc.opening)];
  const parts = doc.parts.filter((p) => p.paragraphs.length || p.table || p.after?.length);
  parts.forEach((part, pi) => {
    children.push(heading(part.heading));
    const paragraphs = [...part.paragraphs];
    const after = [...(part.after ?? [])];
    // The last paragraph of the text ends with "./." (Decree 30).
    if (pi === parts.length - 1) {
      const list = after.length ? after : paragraphs;
      const last = list[list.length - 1];
      if (last) list[list.length - 1] = { ...last, text: `${last.text.replace(/[.;:,\s]+$/u, "")}./.` };
    }
    for (const x of paragraphs) children.push(docParagraph(x));
    if (part.table && part.table.rows.length) children.push(docTable(part.table), new Paragraph({ spacing: { after: 120 }, children: [] }));
    for (const x of after) children.push(docParagraph(x));
  });
  children.push(signature(doc.settings));
  return docFile(`Báo cáo ${doc.subject.charAt(0).toLocaleLowerCase("vi")}${doc.subject.slice(1)} — ${doc.unit.name}`, children);
}
