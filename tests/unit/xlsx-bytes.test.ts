// xlsxBytes (lib/reports/xlsx-bytes.ts) zips an ExcelJS workbook in one step instead of ExcelJS's
// writeBuffer, which yields the event loop every 16 KB (a download then waits behind every other
// request ~100 times under load). The file must be the same workbook: read back, every value, format,
// merge, style, sheet and the workbook's properties are ExcelJS's own; and no event-loop turn passes.
import { describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { xlsxBytes } from "@/lib/reports/xlsx-bytes";

function build() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Theo dõi chỉ tiêu BHXH";
  wb.title = "Xếp hạng quý 3/2026";
  const ws = wb.addWorksheet("Xếp hạng");
  ws.mergeCells("A1:D1");
  ws.getCell("A1").value = "BẢNG XẾP HẠNG — Hải Phòng";
  ws.getCell("A1").font = { name: "Times New Roman", size: 13, bold: true };
  for (let r = 2; r <= 1200; r++) {
    const row = ws.getRow(r);
    row.getCell(1).value = r - 1;
    row.getCell(2).value = `Phường số ${r} (Đồ Sơn)`;
    row.getCell(3).value = r * 37.5;
    row.getCell(3).numFmt = "#,##0.0";
    row.getCell(4).value = r / 2000;
    row.getCell(4).numFmt = "0.0%";
    row.getCell(4).border = { bottom: { style: "thin", color: { argb: "FF9CA3AF" } } };
  }
  ws.getColumn(2).width = 32;
  wb.addWorksheet("Ghi chú").getCell("A1").value = "Nguồn: báo cáo của các xã";
  return wb;
}

async function readBack(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("xlsxBytes", () => {
  it("writes the workbook ExcelJS writes: every part, and every cell read back the same", async () => {
    const ours = await xlsxBytes(build());
    const theirs = Buffer.from(await build().xlsx.writeBuffer());
    // JSZip also writes folder entries ("xl/"), which the format does not use (Excel writes none).
    const partsOf = (b: Buffer) =>
      Object.keys(unzipSync(new Uint8Array(b)))
        .filter((n) => !n.endsWith("/"))
        .sort();
    expect(partsOf(ours)).toEqual(partsOf(theirs));
    // The XML of every part is the same but for the times written in docProps/core.xml.
    const a = unzipSync(new Uint8Array(ours));
    const b = unzipSync(new Uint8Array(theirs));
    const text = (u: Uint8Array) => new TextDecoder().decode(u).replace(/<dcterms:(created|modified)[^<]*<\/dcterms:\1>/g, "");
    for (const name of partsOf(theirs)) expect(text(a[name]), name).toBe(text(b[name]));

    const wb = await readBack(ours);
    expect(wb.creator).toBe("Theo dõi chỉ tiêu BHXH");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Xếp hạng", "Ghi chú"]);
    const ws = wb.getWorksheet("Xếp hạng")!;
    expect(ws.getCell("A1").value).toBe("BẢNG XẾP HẠNG — Hải Phòng");
    expect(ws.getCell("D1").isMerged).toBe(true);
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(ws.getCell("B700").value).toBe("Phường số 700 (Đồ Sơn)");
    expect(ws.getCell("C700").value).toBe(26250);
    expect(ws.getCell("C700").numFmt).toBe("#,##0.0");
    expect(ws.getCell("D700").numFmt).toBe("0.0%");
    expect(ws.getCell("D700").border.bottom?.style).toBe("thin");
    expect(ws.getColumn(2).width).toBe(32);
    expect(wb.getWorksheet("Ghi chú")!.getCell("A1").value).toBe("Nguồn: báo cáo của các xã");
  });

  it("does not yield the event loop while it zips (ExcelJS's own writer does, every 16 KB)", async () => {
    const turnsDuring = async (f: () => Promise<unknown>) => {
      let turns = 0;
      let on = true;
      const tick = () => {
        turns++;
        if (on) setImmediate(tick);
      };
      setImmediate(tick);
      await f();
      on = false;
      return turns;
    };
    expect(await turnsDuring(() => build().xlsx.writeBuffer())).toBeGreaterThan(5);
    expect(await turnsDuring(() => xlsxBytes(build()))).toBe(0);
  });
});
