// A unit's report as a document model (pure): the issuing settings of Decree 30/2020 (who issues,
// where, symbol, addressee, signer, recipients), the title, the opening sentence and the numbered
// parts. Figures and tables are fixed; the narrative parts (opening, shortcomings, tasks, proposals)
// are editable and saved with the period and a version (lib/reports/unit-report.ts). The Word file
// is rendered from this model by lib/reports/docx.ts, so a saved version is produced again as signed.
import { z } from "zod";

export type ReportKind = "commune" | "city" | "nation";

export interface ReportSettings {
  /** The body above the issuer, upper case, not bold ("UBND THÀNH PHỐ HẢI PHÒNG", "BỘ TÀI CHÍNH"); may be empty. */
  parentBody: string;
  /** The issuing body in full, one line each, upper case bold ("ỦY BAN NHÂN DÂN", "XÃ KIM THÀNH"). */
  issuer: string[];
  /** The place of the date line ("Kim Thành", "Hải Phòng", "Hà Nội"). */
  place: string;
  /** The symbol after the number: "BC-UBND" → "Số:      /BC-UBND". */
  symbol: string;
  /** "Kính gửi": one or more bodies (empty: no addressee line). */
  addressee: string[];
  /** What asked for the report, opening the first sentence ("Thực hiện Công văn số … ngày … của …"). */
  basis: string;
  /** The signer's authority lines above the title ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"). */
  authority: string[];
  /** The signer's title ("PHÓ CHỦ TỊCH"). */
  signerTitle: string;
  /** The signer's full name, printed under the signature space. */
  signerName: string;
  /** "Nơi nhận", one recipient a line; the last is "Lưu: VT, <drafting unit>." */
  copyTo: string[];
}

const line = (max: number, what: string) =>
  z
    .string({ error: `${what} phải là chữ.` })
    .trim()
    .max(max, `${what}: tối đa ${max} ký tự.`);
const lines = (maxLines: number, max: number, what: string) =>
  z
    .array(line(max, what), { error: `${what} phải là một danh sách dòng.` })
    .max(maxLines, `${what}: tối đa ${maxLines} dòng.`)
    .transform((l) => l.filter(Boolean));

export const reportSettingsSchema = z.object(
  {
    parentBody: line(120, "Cơ quan chủ quản"),
    issuer: lines(3, 120, "Cơ quan ban hành").refine((l) => l.length > 0, "Cần tên cơ quan ban hành (viết đầy đủ, không viết tắt)."),
    place: line(60, "Địa danh").min(1, "Cần địa danh ghi ở dòng ngày tháng."),
    symbol: line(40, "Ký hiệu")
      .min(1, "Cần ký hiệu văn bản, ví dụ BC-UBND.")
      .regex(/^BC-[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$/u, "Ký hiệu báo cáo có dạng BC-UBND, BC-BHXH (chữ in hoa)."),
    addressee: lines(6, 160, "Kính gửi"),
    basis: line(600, "Căn cứ"),
    authority: lines(3, 80, "Thẩm quyền ký").refine((l) => l.length > 0, "Cần thẩm quyền ký, ví dụ TM. ỦY BAN NHÂN DÂN."),
    signerTitle: line(80, "Chức vụ người ký").min(1, "Cần chức vụ người ký."),
    signerName: line(80, "Họ tên người ký"),
    copyTo: lines(15, 160, "Nơi nhận").refine((l) => l.length > 0 && /^Lưu:/u.test(l[l.length - 1]), "Dòng cuối của nơi nhận là «Lưu: VT, …»."),
  },
  { error: "Thiết lập báo cáo không hợp lệ." },
);

const upper = (s: string) => s.toLocaleUpperCase("vi");
/** "Thành phố Hải Phòng" → "Hải Phòng" (the place of a date line); "Thành phố Hồ Chí Minh" stays whole. */
export function placeOf(name: string): string {
  const short = name.replace(/^(thành phố|tỉnh|xã|phường|đặc khu)\s+/iu, "").trim();
  if (!short) return name;
  return /^hồ chí minh$/iu.test(short) ? `Thành phố ${short}` : short;
}
/** "thành phố" or "tỉnh", from a province-level unit's name. */
export const provinceNoun = (name: string) => (/^thành phố/iu.test(name) ? "thành phố" : "tỉnh");
const runningLower = (name: string) =>
  name.replace(/^(Thành phố|Tỉnh|Xã|Phường|Đặc khu)(?=\s)/u, (m) => (/Hồ Chí Minh$/u.test(name) ? m : m.toLocaleLowerCase("vi")));

/** The defaults of Decree 30 for a unit's report, by its level; the unit's staff change them. */
export function defaultReportSettings(unit: { level: string; name: string }, province?: { name: string } | null): ReportSettings {
  if (unit.level === "NATION") {
    return {
      parentBody: "BỘ TÀI CHÍNH",
      issuer: ["BẢO HIỂM XÃ HỘI VIỆT NAM"],
      place: "Hà Nội",
      symbol: "BC-BHXH",
      addressee: ["Bộ Tài chính"],
      basis: "Thực hiện chế độ báo cáo định kỳ về kết quả thực hiện Nghị quyết số 403/NQ-CP ngày 10/12/2025 của Chính phủ",
      authority: ["KT. GIÁM ĐỐC"],
      signerTitle: "PHÓ GIÁM ĐỐC",
      signerName: "",
      copyTo: ["Như trên;", "Giám đốc (để báo cáo);", "Các Phó Giám đốc;", "Bảo hiểm xã hội các tỉnh, thành phố;", "Lưu: VT, QLT."],
    };
  }
  if (unit.level === "PROVINCE") {
    const noun = provinceNoun(unit.name);
    return {
      parentBody: "",
      issuer: ["ỦY BAN NHÂN DÂN", upper(unit.name)],
      place: placeOf(unit.name),
      symbol: "BC-UBND",
      addressee: ["Bộ Nội vụ"],
      basis:
        "Thực hiện chế độ báo cáo định kỳ về kết quả thực hiện chỉ tiêu phát triển người tham gia bảo hiểm xã hội theo Nghị quyết số 403/NQ-CP ngày 10/12/2025 của Chính phủ",
      authority: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
      signerTitle: "PHÓ CHỦ TỊCH",
      signerName: "",
      copyTo: [
        "Như trên;",
        "Bảo hiểm xã hội Việt Nam;",
        `Thường trực ${noun === "thành phố" ? "Thành ủy" : "Tỉnh ủy"};`,
        `Thường trực HĐND ${noun};`,
        `Chủ tịch, các Phó Chủ tịch UBND ${noun};`,
        "Sở Nội vụ;",
        `Bảo hiểm xã hội ${noun};`,
        "UBND các xã, phường, đặc khu;",
        "Lưu: VT, KGVX.",
      ],
    };
  }
  // A commune (xã, phường, đặc khu), issued by its people's committee.
  const prov = province?.name ?? "";
  const provRunning = prov ? runningLower(prov) : "";
  return {
    parentBody: prov ? `UBND ${upper(prov)}` : "",
    issuer: ["ỦY BAN NHÂN DÂN", upper(unit.name)],
    place: placeOf(unit.name),
    symbol: "BC-UBND",
    addressee: prov ? [`Ủy ban nhân dân ${provRunning}`] : [],
    basis: "Thực hiện chế độ báo cáo định kỳ về kết quả thực hiện chỉ tiêu phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế được giao",
    authority: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
    signerTitle: "PHÓ CHỦ TỊCH",
    signerName: "",
    copyTo: [
      "Như trên;",
      ...(prov ? [`Sở Nội vụ ${provRunning};`, `Bảo hiểm xã hội ${provRunning};`] : []),
      `Đảng ủy ${runningLower(unit.name)};`,
      "Chủ tịch, các Phó Chủ tịch UBND;",
      "Lưu: VT, VHXH.",
    ],
  };
}

/** A paragraph of the body: plain, a "- " item, or a bold/italic sub-heading ("a) …"). */
export interface DocParagraph {
  text: string;
  style?: "dash" | "subheading";
}

export interface DocTable {
  columns: { title: string; align: "left" | "right" | "center"; width: number }[];
  rows: { cells: string[]; bold?: boolean }[];
}

export interface DocPart {
  /** Stable id: editable parts are saved by it. */
  id: string;
  heading: string;
  editable: boolean;
  paragraphs: DocParagraph[];
  /** A table after the paragraphs (fixed). */
  table?: DocTable;
  /** Paragraphs after the table (fixed). */
  after?: DocParagraph[];
}

export interface ReportDocument {
  kind: ReportKind;
  unit: { code: string; name: string; level: string };
  year: number;
  quarter: number;
  /** "9 tháng đầu năm 2026" */
  periodName: string;
  /** The date of the date line (ISO, the day the document was produced or saved). */
  dated: string;
  settings: ReportSettings;
  /** Trích yếu. */
  subject: string;
  /** The opening sentence (editable). */
  opening: string;
  parts: DocPart[];
}

/** The editable texts of a document: the opening and each editable part's lines. */
export interface EditableTexts {
  opening: string;
  parts: Record<string, string>;
}

export const EDITABLE_MAX = 20_000;

export const editableTextsSchema = z.object(
  {
    opening: z.string({ error: "Câu mở đầu phải là chữ." }).trim().min(20, "Câu mở đầu cần ít nhất 20 ký tự.").max(2000, "Câu mở đầu: tối đa 2.000 ký tự."),
    parts: z.record(
      z.string(),
      z.string({ error: "Nội dung phải là chữ." }).max(EDITABLE_MAX, `Mỗi phần tối đa ${EDITABLE_MAX.toLocaleString("vi-VN")} ký tự.`),
    ),
  },
  { error: "Nội dung gửi lên phải có opening và parts." },
);

/** The texts a user edits, one paragraph a line. */
export function editableTextsOf(doc: ReportDocument): EditableTexts {
  return {
    opening: doc.opening,
    parts: Object.fromEntries(
      doc.parts.filter((p) => p.editable).map((p) => [p.id, p.paragraphs.map((x) => (x.style === "dash" ? `- ${x.text}` : x.text)).join("\n")]),
    ),
  };
}

/** The document with the user's texts in its editable parts (unknown part ids are ignored). */
export function applyTexts(doc: ReportDocument, texts: EditableTexts): ReportDocument {
  return {
    ...doc,
    opening: texts.opening.trim() || doc.opening,
    parts: doc.parts.map((p) => {
      if (!p.editable || texts.parts[p.id] === undefined) return p;
      const paragraphs = texts.parts[p.id]
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((text): DocParagraph => (/^[-–•]\s*/u.test(text) ? { text: text.replace(/^[-–•]\s*/u, ""), style: "dash" } : { text }));
      return { ...p, paragraphs };
    }),
  };
}

/** Everything fixed in a document (figures, tables), as one string: its hash tells a later change. */
export function fixedContent(doc: ReportDocument): string {
  return JSON.stringify(doc.parts.map((p) => (p.editable ? { id: p.id } : { id: p.id, paragraphs: p.paragraphs, table: p.table, after: p.after })));
}
