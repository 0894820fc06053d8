// shareStyles (lib/reports/xlsx.ts) makes cells with the same style share one style object, so that
// ExcelJS files each style once (issue 16): the workbook read back has every cell's style unchanged,
// empty cells (a figure not reported: a border and a format, no value) included.
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { shareStyles } from "@/lib/reports/xlsx";

const THIN = { style: "thin" as const, color: { argb: "FF9CA3AF" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BOLD = { name: "Times New Roman", size: 11, bold: true };
const PLAIN = { name: "Times New Roman", size: 11 };
const FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF3F4F6" } };

function build(share: boolean) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("a");
  for (let r = 1; r <= 40; r++) {
    for (let c = 1; c <= 8; c++) {
      const cell = ws.getCell(r, c);
      // Every third cell empty (styled, no value); formats, fonts and fills vary by column and row.
      if ((r + c) % 3 !== 0) cell.value = c % 2 ? r * c : `t${r}`;
      cell.numFmt = c % 2 ? "#,##0" : "0.0%";
      cell.font = r % 5 === 0 ? BOLD : PLAIN;
      cell.border = BORDER;
      if (r === 40) cell.fill = FILL;
      cell.alignment = { horizontal: c === 1 ? "left" : "right", vertical: "middle" };
    }
  }
  if (share) shareStyles(wb);
  return wb.xlsx.writeBuffer();
}

async function styles(buf: ArrayBuffer | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  const out: unknown[] = [];
  wb.worksheets[0].eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => out.push([cell.address, cell.value, JSON.stringify(cell.style)])),
  );
  return out;
}

describe("shareStyles", () => {
  it("keeps every cell's value and style, empty cells included", async () => {
    const [plain, shared] = await Promise.all([build(false), build(true)]);
    const a = await styles(plain);
    expect(a).toHaveLength(320);
    expect(await styles(shared)).toEqual(a);
  });

  it("leaves one style object per distinct style", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("a");
    for (let r = 1; r <= 10; r++) {
      const cell = ws.getCell(r, 1);
      cell.numFmt = "#,##0";
      cell.font = PLAIN;
      cell.border = BORDER;
    }
    shareStyles(wb);
    const objects = new Set(Array.from({ length: 10 }, (_, i) => ws.getCell(i + 1, 1).style));
    expect(objects.size).toBe(1);
  });
});
