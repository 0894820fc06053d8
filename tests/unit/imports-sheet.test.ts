// Reading figures files (issue 14): the template's layout read back (xlsx and CSV), rows matched by
// code, and every bad file with its row and column.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { METRIC_KEYS } from "@/lib/domain/metrics";
import {
  codeOfCell,
  columnLetter,
  csvDelimiter,
  csvGrid,
  csvText,
  FIGURES_HEADERS,
  metricOfHeader,
  parseFiguresGrid,
  periodOfTitle,
  sniffFile,
  valueOfCell,
  type Grid,
} from "@/lib/imports/sheet";
import { figuresTemplateCsv, figuresTemplateXlsx, readUpload, type TemplateInput } from "@/lib/imports/workbook";

const figures = (base: number) => Object.fromEntries(METRIC_KEYS.map((k, i) => [k, base + i])) as Record<(typeof METRIC_KEYS)[number], number | null>;
const template: TemplateInput = {
  unitName: "Thành phố Hải Phòng",
  year: 2026,
  quarter: 3,
  rows: [
    { code: "10804", name: "Xã Kim Thành", figures: figures(1000) },
    { code: "00004", name: "Phường Ba Đình", figures: { ...figures(2000), bhyt: null } },
  ],
};
const Q3 = { year: 2026, quarter: 3 };

const grid = (rows: (string | number | null)[][], title = "Số liệu báo cáo quý 3/2026 — Hải Phòng"): Grid => [[title], [], [], FIGURES_HEADERS, ...rows];

describe("small readers", () => {
  it.each([
    ["Số liệu báo cáo quý 3/2026 — Hải Phòng", { year: 2026, quarter: 3 }],
    ["Báo cáo quý III năm 2025", { year: 2025, quarter: 3 }],
    ["Kết quả quý I năm 2026", { year: 2026, quarter: 1 }],
    ["Số liệu 6 tháng đầu năm 2026", { year: 2026, quarter: 2 }],
    ["9 tháng đầu năm 2026", { year: 2026, quarter: 3 }],
    ["Báo cáo năm 2026", { year: 2026, quarter: 4 }],
    ["Danh sách xã", null],
  ])("periodOfTitle(%s)", (title, want) => expect(periodOfTitle(title)).toEqual(want));

  it("letters, headers, codes, cells", () => {
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(27)]).toEqual(["A", "Z", "AA", "AB"]);
    expect(metricOfHeader("Số người tham gia BHXH bắt buộc (người)")).toBe("bhxhCompulsory");
    expect(metricOfHeader("so nguoi tham gia bhxh bat buoc")).toBe("bhxhCompulsory");
    expect(metricOfHeader("bhyt")).toBe("bhyt");
    expect(metricOfHeader("Tỷ lệ tham gia BHXH")).toBeNull();
    expect(codeOfCell(4)).toBe("00004");
    expect(codeOfCell(" 10804 ")).toBe("10804");
    expect(valueOfCell("bhyt", "13.624")).toEqual({ ok: true, value: 13624 });
    expect(valueOfCell("bhyt", "13624")).toEqual({ ok: true, value: 13624 });
    expect(valueOfCell("bhyt", 13624)).toEqual({ ok: true, value: 13624 });
    expect(valueOfCell("bhyt", null)).toEqual({ ok: true, value: null });
    expect(valueOfCell("bhyt", "mười").ok).toBe(false);
    expect(valueOfCell("bhyt", 12.5).ok).toBe(false);
    expect(valueOfCell("bhyt", -1).ok).toBe(false);
    expect(valueOfCell("bhyt", "13,5").ok).toBe(false);
  });

  it("CSV: BOM, comma or semicolon, quotes, UTF-8 only", () => {
    const bytes = new TextEncoder().encode('\uFEFFMã;Tên đơn vị\r\n10804;"Xã Kim; Thành"\r\n');
    const text = csvText(bytes)!;
    expect(text.startsWith("Mã")).toBe(true);
    expect(csvDelimiter(text)).toBe(";");
    expect(csvGrid(text)).toEqual([
      ["Mã", "Tên đơn vị"],
      ["10804", "Xã Kim; Thành"],
    ]);
    expect(csvDelimiter('Mã,Tên,"13.624"\n1,2,3')).toBe(",");
    expect(csvText(new Uint8Array([0x4d, 0xe3, 0x20]))).toBeNull();
    expect(sniffFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "a.xls")).toBe("xls");
    expect(sniffFile(new Uint8Array([0, 1, 2, 0xff, 0xfe]), "a.bin")).toBe("unknown");
  });
});

describe("round trip: template → edit → parse", () => {
  it("xlsx: every value back, matched by code, an edit and leading zeros kept", async () => {
    const buf = await figuresTemplateXlsx(template);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // Swap the two rows (rows are matched by code, not position) and edit one value as text.
    const r5 = (ws.getRow(5).values as unknown[]).slice();
    const r6 = (ws.getRow(6).values as unknown[]).slice();
    ws.getRow(5).values = r6 as ExcelJS.CellValue[];
    ws.getRow(6).values = r5 as ExcelJS.CellValue[];
    ws.getCell("D6").value = "1.500";
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const read = await readUpload(edited, "so-lieu.xlsx");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const parsed = parseFiguresGrid(read.grid, Q3);
    expect(parsed.errors).toEqual([]);
    expect(parsed.period).toEqual(Q3);
    expect(parsed.columns).toEqual([...METRIC_KEYS]);
    const kim = parsed.rows.find((r) => r.code === "10804")!;
    expect(kim.row).toBe(6);
    expect(kim.values).toEqual({ ...figures(1000), population: 1500 });
    const bd = parsed.rows.find((r) => r.code === "00004")!;
    expect(bd.values.bhyt).toBeUndefined();
  });

  it("CSV: the same rows", async () => {
    const bytes = new TextEncoder().encode(figuresTemplateCsv(template));
    const read = await readUpload(bytes, "so-lieu.csv");
    expect(read.ok && read.format).toBe("csv");
    if (!read.ok) return;
    const parsed = parseFiguresGrid(read.grid, Q3);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.code)).toEqual(["10804", "00004"]);
    expect(parsed.rows[0].values).toEqual(figures(1000));
  });

  it("CSV with commas and Vietnamese numbers", () => {
    const text = `Số liệu quý 3/2026\nMã,Tên đơn vị,Số người tham gia BHYT (người),Dân số\n10804,Xã Kim Thành,"13.624",20000\n`;
    const parsed = parseFiguresGrid(csvGrid(text), Q3);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].values).toEqual({ bhyt: 13624, population: 20000 });
  });
});

describe("bad files: a message naming the row and column", () => {
  it("not a spreadsheet, an old .xls", async () => {
    expect(await readUpload(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0, 0xff]), "a.pdf")).toEqual({
      ok: false,
      message: expect.stringMatching(/không phải bảng tính/),
    });
    expect(await readUpload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "broken.xlsx")).toEqual({
      ok: false,
      message: expect.stringMatching(/không phải bảng tính/),
    });
    expect(await readUpload(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), "old.xls")).toEqual({ ok: false, message: expect.stringMatching(/\.xls/) });
  });

  it("no header", () => {
    const p = parseFiguresGrid([["Danh sách"], ["a", "b"]], Q3);
    expect(p.errors[0].message).toMatch(/dòng tiêu đề/);
  });

  it("wrong period in the title", () => {
    const p = parseFiguresGrid(grid([["10804", "Xã Kim Thành", 1]], "Số liệu báo cáo quý 2/2026"), Q3);
    expect(p.errors).toEqual([expect.objectContaining({ row: 1, column: "A", message: expect.stringMatching(/quý 2\/2026.*quý 3\/2026/) })]);
  });

  it("text in a number cell, a decimal, a negative", () => {
    const p = parseFiguresGrid(grid([["10804", "Xã Kim Thành", "nhiều", 12.5, -3]]), Q3);
    expect(p.errors.map((e) => [e.row, e.column.split(" ")[0], e.unitCode])).toEqual([
      [5, "C", "10804"],
      [5, "D", "10804"],
      [5, "E", "10804"],
    ]);
    expect(p.errors[0].message).toMatch(/Lực lượng lao động/);
    expect(p.rows).toEqual([]);
  });

  it("duplicate codes, a missing code; empty rows skipped", () => {
    const p = parseFiguresGrid(
      grid([
        ["10804", "Xã Kim Thành", 1],
        [null, null, null],
        ["10804", "Xã Kim Thành", 2],
        [null, "Xã Không Mã", 5],
      ]),
      Q3,
    );
    expect(p.errors.map((e) => [e.row, e.column.split(" ")[0], e.message.slice(0, 20)])).toEqual([
      [7, "A", "Mã đơn vị trùng với "],
      [8, "A", "Dòng có số liệu nhưn"],
    ]);
    expect(p.rows.map((r) => r.row)).toEqual([5]);
  });

  it("formulas: the cached value, or an error without one; merged cells", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Số liệu");
    ws.getCell("A1").value = "Số liệu báo cáo quý 3/2026";
    ws.getRow(4).values = FIGURES_HEADERS;
    ws.getRow(5).values = ["10804", "Xã Kim Thành"];
    ws.getCell("C5").value = { formula: "1000+1", result: 1001 };
    ws.getCell("D5").value = { formula: "1000*2" } as ExcelJS.CellFormulaValue;
    ws.getRow(6).values = ["11242", "Xã Khác", 5, 6];
    ws.mergeCells("C6:D6");
    const read = await readUpload(new Uint8Array(await wb.xlsx.writeBuffer()), "f.xlsx");
    if (!read.ok) throw new Error(read.message);
    const p = parseFiguresGrid(read.grid, Q3);
    expect(p.errors.map((e) => [e.row, e.column.split(" ")[0]])).toEqual([
      [5, "D"],
      [6, "C"],
      [6, "D"],
    ]);
    expect(p.errors[0].message).toMatch(/công thức nhưng chưa có giá trị/);
    expect(p.errors[1].message).toMatch(/gộp/);
    expect(p.errors[2].message).toMatch(/gộp/);
  });

  it("an empty file", () => {
    expect(parseFiguresGrid(grid([]), Q3).errors[0].message).toMatch(/không có dòng số liệu/);
  });
});

describe("targets files", () => {
  it("reads counts and rates (percent as a number cell or text), refuses out-of-range", async () => {
    const { parseTargetsGrid, TARGET_HEADERS, targetValueOfCell } = await import("@/lib/imports/targets-sheet");
    expect(targetValueOfCell("bhxhCoverage", 53.1)).toEqual({ ok: true, value: 0.531 });
    expect(targetValueOfCell("bhxhCoverage", "53,1%")).toEqual({ ok: true, value: 0.531 });
    expect(targetValueOfCell("bhxhCompulsory", "13.624")).toEqual({ ok: true, value: 13624 });
    expect(targetValueOfCell("bhxhCoverage", 130).ok).toBe(false);
    const g: Grid = [["Chỉ tiêu năm 2026 giao cho các đơn vị trực thuộc — Hải Phòng"], [], [], TARGET_HEADERS, ["10804", "Xã Kim Thành", "29.000"]];
    const p = parseTargetsGrid(g, 2026);
    expect(p.errors).toEqual([]);
    expect(p.rows[0].values).toEqual({ [p.columns[0]]: 29000 });
    expect(parseTargetsGrid(g, 2027).errors[0].message).toMatch(/năm 2026/);
  });
});
