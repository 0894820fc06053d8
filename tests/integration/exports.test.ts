// The rankings' downloads (lib/reports/xlsx.ts, lib/reports/docx.ts and GET /api/v1/rankings/xlsx|docx)
// against the demo data, on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL. Every file is
// read back: the workbook with exceljs (the period's name in the titles, columns named for the
// ranking choice — a ceiling shows its margin, never an attainment —, real numbers with their
// formats, rate changes in percentage points, the praise / warn / criticise, late and not-reported
// lists, 114 communes of figures, every sheet one page wide, no internal key in any cell), the Word
// report by unzipping word/document.xml (the Decree 30 header, title, "Kính gửi", results with
// Vietnamese numbers, ranking, "Nơi nhận").
// The routes read the session and the database through lib/auth/session.server and lib/db.server:
// both are replaced here by the test's user and database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asPublished } from "@/lib/domain/ranking";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));

import ExcelJS from "exceljs";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import JSZip from "jszip";
import { readDocx } from "@/tests/helpers/docx";
import { type Actor, type ScopedUnit as UnitRef } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { rankings, type RankingsData } from "@/lib/rankings/service";
import { formatNumber } from "@/lib/format";
import {
  FIGURES_HEADER_ROW,
  LISTS_HEADER_ROW,
  LIST_SECTIONS,
  NUM_FMT,
  RANKING_HEADER_ROW,
  SHEETS,
  WIDE_SHEET_TITLE_COLUMNS,
  pagesWide,
  rankingColumns,
  rankingsWorkbook,
} from "@/lib/reports/xlsx";
import { rankingsReport, reportMetaFor } from "@/lib/reports/docx";
import { GET as getXlsx } from "@/app/api/v1/rankings/xlsx/route";
import { GET as getDocx } from "@/app/api/v1/rankings/docx/route";

const NOW = new Date("2026-11-21T10:00:00Z");
const Q3 = { year: 2026, quarter: 3 };

const USERNAMES = ["xa.kimthanh", "bhxh.haiphong", "lanhdao.quocgia", "admin", "bhxh.hue"] as const;
type Username = (typeof USERNAMES)[number];

async function readWorkbook(buf: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

const cellText = (v: ExcelJS.CellValue) =>
  v === null || v === undefined ? "" : typeof v === "object" && "richText" in v ? v.richText.map((r) => r.text).join("") : String(v);

describe.each(dbKinds)("rankings exports on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor & { username: string }>;
  let hp: UnitRef;
  let vn: UnitRef;
  let hpData: RankingsData;
  let vnData: RankingsData;
  const EXPLANATION = "Nhiều doanh nghiệp trên địa bàn tạm dừng hoạt động trong quý";
  let critCode = "";

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    const users = await db.prisma.user.findMany({
      where: { username: { in: [...USERNAMES] } },
      select: { id: true, username: true, fullName: true, role: true, tenantId: true, unitId: true },
    });
    for (const u of users) actors[u.username as Username] = { ...u };
    expect(Object.keys(actors).sort()).toEqual([...USERNAMES].sort());
    hp = await scopeUnit(db.prisma, actors.admin, "31");
    vn = await scopeUnit(db.prisma, actors.admin, "VN");
    // The worst criticised commune explains itself (the report quotes it).
    critCode = (await rankings(db.prisma, hp, Q3, "attainment:bhxhCoverage", null, NOW)).lists.criticise.at(-1)!;
    const criticised = await scopeUnit(db.prisma, actors.admin, critCode);
    await db.prisma.explanation.create({
      data: {
        tenantId: hp.id,
        unitId: criticised.id,
        year: 2026,
        quarter: 3,
        key: "bhxhCoverage",
        reason: EXPLANATION,
        actions: "Rà soát, vận động từng hộ kinh doanh",
        authorId: actors["bhxh.haiphong"]?.id ?? actors.admin.id,
      },
    });
    hpData = await rankings(db.prisma, hp, Q3, "attainment:bhxhCoverage", null, NOW);
    vnData = await rankings(db.prisma, vn, Q3, "attainment:bhxhCoverage", null, NOW);
    ctx.prisma = db.prisma;
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it("the demo data gives what the exports are checked against", () => {
    expect(hpData.rows).toHaveLength(114);
    expect(hpData.items.length).toBeGreaterThan(10);
    expect(hpData.parentRow.figures?.bhxhCompulsory).toBeGreaterThan(1_000_000);
    expect(hpData.lists.criticise).toContain(critCode);
    // Kim Thành has not reported 2026 Q3 (the officer enters it in the walkthrough): listed apart.
    expect(hpData.unranked.find((u) => u.unit.code === "10804")?.reason).toBe("not_reported");
    expect(vnData.rows).toHaveLength(34);
  });

  describe("xlsx", () => {
    /** The header texts of a row, from column 1 to the last filled one. */
    const headersOf = (ws: ExcelJS.Worksheet, row: number) => {
      const out: string[] = [];
      ws.getRow(row).eachCell({ includeEmpty: true }, (c, i) => (out[i - 1] = cellText(c.value)));
      return out;
    };
    /** Every cell of every sheet (merged cells once per cell), with where it is. */
    const everyCell = (wb: ExcelJS.Workbook) => {
      const out: { where: string; text: string; cell: ExcelJS.Cell }[] = [];
      for (const ws of wb.worksheets)
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => out.push({ where: `${ws.name}!${cell.address}`, text: cellText(cell.value), cell })),
        );
      return out;
    };
    const rankedRows = (ws: ExcelJS.Worksheet) => {
      const rows: ExcelJS.Row[] = [];
      ws.eachRow((row, n) => {
        if (n > RANKING_HEADER_ROW && typeof row.getCell(1).value === "number") rows.push(row);
      });
      return rows;
    };
    const ATTAINMENT_HEADERS = [
      "Hạng",
      "Mã",
      "Đơn vị",
      "Tỷ lệ tham gia BHXH",
      "Chỉ tiêu năm 2026",
      "Mốc kế hoạch quý 3",
      "So với mốc quý",
      "% kế hoạch năm",
      "Mức đạt mốc quý tăng, giảm so với quý 2/2026",
      "Mức đạt mốc quý tăng, giảm so với cùng kỳ năm 2025",
      "Đánh giá",
      "Lộ trình 2030",
      "Tình trạng báo cáo",
      "Giải trình",
    ];
    const CEILING_HEADERS = [
      "Hạng",
      "Mã",
      "Đơn vị",
      "Tỷ lệ chậm đóng",
      "Mức trần năm 2026",
      "Dưới (+) / vượt (−) mức trần",
      "Tăng, giảm so với quý 2/2026",
      "Tăng, giảm so với cùng kỳ năm 2025",
      "Đánh giá",
      "Lộ trình 2030",
      "Tình trạng báo cáo",
      "Giải trình",
    ];

    it("Hải Phòng, attainment of coverage: the period's name, one column per quantity, real numbers", async () => {
      const wb = await readWorkbook(await rankingsWorkbook(hpData));
      expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.ranking, SHEETS.lists, SHEETS.figures, SHEETS.notes]);
      const ws = wb.getWorksheet(SHEETS.ranking)!;
      const title = cellText(ws.getCell("A1").value);
      expect(title).toBe("Bảng xếp hạng hoàn thành chỉ tiêu tỷ lệ tham gia BHXH — Thành phố Hải Phòng — 9 tháng đầu năm 2026");
      expect(cellText(ws.getCell("A2").value)).toBe("Số liệu tính đến 30/9/2026 (số tiền lũy kế từ đầu năm); lập ngày 21/11/2026");
      expect(cellText(ws.getCell("A3").value)).toMatch(/^Xếp hạng theo cột «So với mốc quý», từ cao xuống thấp\./);
      expect(ws.model.merges).toContain("A1:N1");

      const view = ws.views[0] as { state?: string; ySplit?: number };
      expect(view.state).toBe("frozen");
      expect(view.ySplit).toBe(RANKING_HEADER_ROW);
      const headers = headersOf(ws, RANKING_HEADER_ROW);
      expect(headers).toEqual(ATTAINMENT_HEADERS);
      expect(rankingColumns(hpData).map((c) => c.header)).toEqual(ATTAINMENT_HEADERS);
      expect(new Set(headers).size).toBe(headers.length);
      expect(headers).not.toContain("Giá trị");
      expect(headers).not.toContain("Thực hiện");
      expect(ws.autoFilter).toBeTruthy();

      const ranked = rankedRows(ws);
      expect(ranked).toHaveLength(hpData.items.length);
      ranked.forEach((row, i) => {
        const it = hpData.items[i];
        expect(row.getCell(1).value).toBe(it.rank);
        expect(row.getCell(2).value).toBe(it.unit.code);
        expect(row.getCell(3).value).toBe(it.unit.name);
        // The rate, the year's target, the quarter's milestone, the attainment ranked on, the year's share.
        const expected = [it.actual, it.target, it.expected, it.attainment, it.yearAttainment];
        expected.forEach((v, k) => {
          const cell = row.getCell(4 + k);
          expect(typeof cell.value, `${it.unit.code} ${headers[3 + k]}`).toBe("number");
          expect(cell.numFmt).toBe(NUM_FMT.rate);
          expect(cell.value as number).toBeCloseTo(v!, 12);
        });
        // The ranked value is the attainment as published (one decimal of a percent).
        expect(asPublished(row.getCell(7).value as number, 3)).toBe(it.value);
        // Changes in percentage points: the difference × 100, shown "+1,5 điểm %".
        for (const [c, change] of [
          [9, it.previousQuarter],
          [10, it.lastYear],
        ] as const) {
          if (change.delta === null) expect(row.getCell(c).value).toBeNull();
          else expect(row.getCell(c).value as number).toBeCloseTo(change.delta * 100, 9);
          expect(row.getCell(c).numFmt).toBe(NUM_FMT.points);
        }
      });
      expect(NUM_FMT.points).toContain('" điểm %"');
      // The explanation of the criticised commune is in its row.
      const crit = ranked.find((r) => r.getCell(2).value === critCode)!;
      expect(cellText(crit.getCell(14).value)).toContain(EXPLANATION);
      // The totals below the ranked rows, over the communes that reported.
      const totals = ws.getRow(ranked[ranked.length - 1].number + 1);
      expect(cellText(totals.getCell(3).value)).toBe(`Tổng của ${hpData.totals.reported}/114 xã, phường, đặc khu đã báo cáo`);
      expect(totals.getCell(4).value as number).toBeCloseTo(hpData.totals.actual!, 12);
      expect(asPublished(totals.getCell(7).value as number, 3)).toBe(hpData.totals.value);
    });

    it("Hải Phòng, the late-payment rate (a ceiling): the rate, the ceiling, the margin in points; never an attainment", async () => {
      const late = await rankings(db.prisma, hp, Q3, "attainment:latePaymentRate", null, NOW);
      expect(late.items.length).toBeGreaterThan(10);
      expect(late.items.every((i) => i.attainment === null && i.yearAttainment === null && i.margin !== null)).toBe(true);
      const wb = await readWorkbook(await rankingsWorkbook(late));
      const ws = wb.getWorksheet(SHEETS.ranking)!;
      expect(cellText(ws.getCell("A1").value)).toBe("Bảng xếp hạng hoàn thành chỉ tiêu tỷ lệ chậm đóng — Thành phố Hải Phòng — 9 tháng đầu năm 2026");
      const headers = headersOf(ws, RANKING_HEADER_ROW);
      expect(headers).toEqual(CEILING_HEADERS);
      const ranked = rankedRows(ws);
      expect(ranked).toHaveLength(late.items.length);
      const allowed = new Set(["0", NUM_FMT.rate2, NUM_FMT.points2]);
      ranked.forEach((row, i) => {
        const it = late.items[i];
        // The ranked value is the rate as published (two decimals of a percent).
        expect(asPublished(row.getCell(4).value as number, 4)).toBe(it.value);
        expect(row.getCell(4).numFmt).toBe(NUM_FMT.rate2);
        expect(row.getCell(5).value as number).toBeCloseTo(it.target!, 12);
        expect(row.getCell(6).value as number).toBeCloseTo(it.margin! * 100, 9);
        expect(row.getCell(6).numFmt).toBe(NUM_FMT.points2);
        // No cell of the row holds an attainment (a percentage of the ceiling).
        row.eachCell((cell) => {
          if (typeof cell.value === "number") expect(allowed.has(cell.numFmt), `${cell.address} ${cell.numFmt}`).toBe(true);
        });
      });
      // Nor the lists, nor the data sheet: the ceiling has its margin, no attainment column.
      const lists = wb.getWorksheet(SHEETS.lists)!;
      const listHeaders = headersOf(lists, LISTS_HEADER_ROW);
      expect(listHeaders).toContain("Dưới (+) / vượt (−) mức trần");
      for (const h of [...headers, ...listHeaders]) expect(h).not.toMatch(/mốc quý|kế hoạch năm|hoàn thành/i);
      const figures = headersOf(wb.getWorksheet(SHEETS.figures)!, FIGURES_HEADER_ROW);
      expect(figures).toContain("Tỷ lệ chậm đóng: dưới (+) / vượt (−) mức trần");
      expect(figures).toContain("Mức trần tỷ lệ chậm đóng");
      expect(figures.filter((h) => /chậm đóng/.test(h) && /So với mốc/.test(h))).toEqual([]);
    });

    it("the lists name exactly the praised, warned, criticised, late and not reported units", async () => {
      const wb = await readWorkbook(await rankingsWorkbook(hpData));
      const ws = wb.getWorksheet(SHEETS.lists)!;
      expect(cellText(ws.getCell("A1").value)).toBe("Danh sách biểu dương, nhắc nhở, phê bình — Thành phố Hải Phòng — 9 tháng đầu năm 2026");
      expect(headersOf(ws, LISTS_HEADER_ROW)).toEqual([
        "STT",
        "Mã",
        "Đơn vị",
        "Hạng",
        "Tỷ lệ tham gia BHXH",
        "Chỉ tiêu năm 2026",
        "Mốc kế hoạch quý 3",
        "So với mốc quý",
        "% kế hoạch năm",
        "Đánh giá",
        "Ghi chú",
      ]);
      const sections = new Map<string, { codes: string[]; notes: string[] }>();
      let current: { codes: string[]; notes: string[] } | null = null;
      ws.eachRow((row, n) => {
        if (n <= LISTS_HEADER_ROW) return;
        const first = cellText(row.getCell(1).value);
        const heading = /^\d\. ([^:]+):/.exec(first);
        if (heading) sections.set(heading[1], (current = { codes: [], notes: [] }));
        else if (typeof row.getCell(1).value === "number") {
          current!.codes.push(cellText(row.getCell(2).value));
          current!.notes.push(cellText(row.getCell(11).value));
        }
      });
      expect([...sections.keys()]).toEqual(Object.values(LIST_SECTIONS));
      expect(sections.get(LIST_SECTIONS.praise)!.codes).toEqual(hpData.lists.praise);
      expect(sections.get(LIST_SECTIONS.warn)!.codes).toEqual(hpData.lists.warn);
      expect(sections.get(LIST_SECTIONS.criticise)!.codes).toEqual(hpData.lists.criticise);
      expect(sections.get(LIST_SECTIONS.late)!.codes).toEqual(hpData.lateReporters.map((l) => l.unit.code));
      const notReported = hpData.unranked.filter((u) => u.reason === "not_reported");
      expect(sections.get(LIST_SECTIONS.notReported)!.codes).toEqual(notReported.map((u) => u.unit.code));
      expect(sections.get(LIST_SECTIONS.notReported)!.notes).toEqual(notReported.map((u) => u.reasonText));
      // The demo data fills every list; Kim Thành has not reported.
      for (const s of sections.values()) expect(s.codes.length).toBeGreaterThan(0);
      expect(sections.get(LIST_SECTIONS.notReported)!.codes).toContain("10804");
      // The criticised commune's explanation is quoted.
      const crit = sections.get(LIST_SECTIONS.criticise)!;
      expect(crit.notes[crit.codes.indexOf(critCode)]).toContain(EXPLANATION);
      // The praised units are judged «Đạt», the criticised «Chưa đạt» (lists follow the statuses).
      const status = new Map(hpData.items.map((i) => [i.unit.code, i.status]));
      expect(hpData.lists.praise.every((c) => status.get(c) === "attained")).toBe(true);
      expect(hpData.lists.criticise.every((c) => status.get(c) === "behind")).toBe(true);
    });

    it("Hải Phòng: the «Số liệu» sheet has the figures of the 114 communes as numbers, targets named for what they are", async () => {
      const wb = await readWorkbook(await rankingsWorkbook(hpData));
      const ws = wb.getWorksheet(SHEETS.figures)!;
      expect(cellText(ws.getCell("A1").value)).toBe("Số liệu các đơn vị — Thành phố Hải Phòng — 9 tháng đầu năm 2026");
      const headers = headersOf(ws, FIGURES_HEADER_ROW);
      const col = (label: string) => headers.findIndex((h) => h.startsWith(label)) + 1;
      const compulsory = col("Số người tham gia BHXH bắt buộc");
      const labour = col("Lực lượng lao động trong độ tuổi");
      const coverage = col("Tỷ lệ tham gia BHXH");
      const plan = headers.indexOf("Kế hoạch thu (đồng)") + 1;
      expect(compulsory * labour * coverage * plan).toBeGreaterThan(0);
      expect(headers).toContain("Chỉ tiêu tỷ lệ tham gia BHXH");
      expect(headers.filter((h) => h.startsWith("Chỉ tiêu:"))).toEqual([]);
      expect(headers.filter((h) => /Số đã thu/.test(h))).toEqual(["Số đã thu (đồng)"]);
      expect(headers).toContain("So với mốc quý: Kế hoạch thu");
      const byCode = new Map(hpData.rows.map((r) => [r.unit.code, r]));
      let n = 0;
      ws.eachRow((row, i) => {
        if (i <= FIGURES_HEADER_ROW) return;
        const d = byCode.get(cellText(row.getCell(1).value));
        if (!d) return;
        n++;
        expect(row.getCell(2).value).toBe(d.unit.name);
        if (d.figures) {
          expect(row.getCell(compulsory).value).toBe(d.figures.bhxhCompulsory);
          expect(row.getCell(compulsory).numFmt).toBe(NUM_FMT.count);
          expect(typeof row.getCell(labour).value).toBe("number");
          expect(row.getCell(coverage).value as number).toBeCloseTo(d.indicators.bhxhCoverage!, 12);
          expect(row.getCell(coverage).numFmt).toBe(NUM_FMT.rate);
        }
        if (d.targets.amountCollected !== undefined) expect(row.getCell(plan).value).toBe(d.targets.amountCollected);
      });
      expect(n).toBe(114);
      const view = ws.views[0] as { state?: string; ySplit?: number };
      expect(view).toMatchObject({ state: "frozen", ySplit: FIGURES_HEADER_ROW });
      // The totals row of the city after the communes: "xã, phường, đặc khu", not "xã".
      const last = ws.getRow(FIGURES_HEADER_ROW + 115);
      expect(cellText(last.getCell(2).value)).toBe(`Tổng của ${hpData.totals.reported}/114 xã, phường, đặc khu đã báo cáo`);
      expect(cellText(last.getCell(5).value)).toBe(`${hpData.totals.reported}/114 xã, phường, đặc khu đã báo cáo`);
      expect(last.getCell(compulsory).value).toBe(hpData.parentRow.figures!.bhxhCompulsory);
      for (const { where, text } of everyCell(wb)) expect(text, where).not.toMatch(/\d+\/\d+ xã đã báo cáo/);
    });

    it("every sheet prints on A4 landscape with its header rows repeated: one page wide, the wide figures at a legible 75% with code and name on every page", async () => {
      const buf = await rankingsWorkbook(hpData);
      const wb = await readWorkbook(buf);
      expect(wb.worksheets).toHaveLength(4);
      for (const ws of wb.worksheets) {
        expect(ws.pageSetup, ws.name).toMatchObject(
          ws.name === SHEETS.figures
            ? { paperSize: 9, orientation: "landscape", fitToPage: true, fitToHeight: 0, printTitlesColumn: WIDE_SHEET_TITLE_COLUMNS }
            : { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
        );
        expect(ws.pageSetup.printTitlesRow, ws.name).toMatch(/^\d+:\d+$/);
        // Every page must stay legible: A4 landscape holds ~145 characters at 100%, so at most ~240 a page
        // (a scale of 60% or more, 11-point text at 6,6 points or larger); the figures on one page were at ~22%.
        let chars = 0;
        for (let c = 1; c <= ws.columnCount; c++) chars += ws.getColumn(c).width ?? 9;
        if (ws.name === SHEETS.figures) {
          const titles = (ws.getColumn(1).width ?? 9) + (ws.getColumn(2).width ?? 9);
          expect(ws.pageSetup.fitToWidth).toBe(pagesWide(chars, titles));
          expect(ws.pageSetup.fitToWidth).toBeGreaterThan(1);
          expect(titles + (chars - titles) / ws.pageSetup.fitToWidth!).toBeLessThanOrEqual(240);
          // The title and the dates line are merged over the first printed page's columns only (not cut at its edge).
          const merges = (ws.model as { merges: string[] }).merges.filter((m) => /^A[12]:/.test(m));
          expect(merges).toHaveLength(2);
          for (const m of merges) {
            const last = Number(ws.getCell(m.split(":")[1]).col);
            let w = 0;
            for (let c = 1; c <= last; c++) w += ws.getColumn(c).width ?? 9;
            expect(w, m).toBeLessThanOrEqual(titles + (chars - titles) / ws.pageSetup.fitToWidth!);
            expect(last, m).toBeGreaterThan(5);
          }
        } else expect(chars, ws.name).toBeLessThanOrEqual(240);
      }
      expect(wb.getWorksheet(SHEETS.ranking)!.pageSetup.printTitlesRow).toBe(`${RANKING_HEADER_ROW}:${RANKING_HEADER_ROW}`);
      expect(wb.getWorksheet(SHEETS.figures)!.pageSetup.printTitlesRow).toBe(`${FIGURES_HEADER_ROW - 1}:${FIGURES_HEADER_ROW}`);
      // As Excel and LibreOffice read it: <pageSetUpPr fitToPage="1"/> and fitToWidth="1" fitToHeight="0".
      const zip = await JSZip.loadAsync(buf);
      const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
      expect(sheets).toHaveLength(4);
      const figuresSheet = `xl/worksheets/sheet${wb.worksheets.findIndex((w) => w.name === SHEETS.figures) + 1}.xml`;
      for (const f of sheets) {
        const xml = await zip.file(f)!.async("string");
        const setup = xml.match(/<pageSetup\s[^>]*\/>/)?.[0] ?? "";
        expect(setup, f).toContain('paperSize="9"');
        expect(setup, f).toContain('orientation="landscape"');
        expect(xml, f).toMatch(/<pageSetUpPr[^>]*fitToPage="1"/);
        expect(setup, f).toContain('fitToHeight="0"');
        expect(setup, f).toContain(f === figuresSheet ? `fitToWidth="${wb.getWorksheet(SHEETS.figures)!.pageSetup.fitToWidth}"` : 'fitToWidth="1"');
      }
      // The code and name columns repeat on every page of the figures (a defined name Excel and LibreOffice read).
      const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
      expect(workbookXml).toMatch(/_xlnm\.Print_Titles[^>]*>[^<]*\$A:\$B/);
    });

    it.each([
      ["31", "attainment:bhxhCoverage"],
      ["31", "attainment:latePaymentRate"],
      ["31", "latePaymentRate"],
      ["31", "bhxhCoverage"],
      ["31", "bhxhCompulsory"],
      ["31", "amountCollected"],
      ["31", "attainment:amountCollected"],
      ["31", "composite"],
      ["VN", "attainment:bhxhCoverage"],
    ])("%s, %s: no internal key, no null/NaN/undefined, no rate change as a percentage, in any cell", async (code, indicator) => {
      const data = await rankings(db.prisma, code === "VN" ? vn : hp, Q3, indicator, null, NOW);
      const wb = await readWorkbook(await rankingsWorkbook(data, { targetSources: [{ source: "KH 149/KH-UBND", parent: true, children: [] }] }));
      const cells = everyCell(wb);
      expect(cells.length).toBeGreaterThan(500);
      for (const { where, text, cell } of cells) {
        expect(text, where).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
        expect(text, where).not.toMatch(/null|NaN|undefined|Infinity/);
        expect(text, where).not.toMatch(/not_reported|no_target|no_value|attainment|composite/);
        // A signed change is never a percentage: a "%" outside quotes in a signed format scales by 100.
        if (typeof cell.value === "number" && cell.numFmt?.startsWith("+")) expect(cell.numFmt.replace(/"[^"]*"/g, ""), where).not.toContain("%");
      }
      // Each column of the ranking says what it holds: no two alike, no bare «Giá trị».
      const headers = headersOf(wb.getWorksheet(SHEETS.ranking)!, RANKING_HEADER_ROW);
      expect(new Set(headers).size).toBe(headers.length);
      expect(headers).not.toContain("Giá trị");
      expect(cellText(wb.getWorksheet(SHEETS.ranking)!.getCell("A1").value)).toContain("9 tháng đầu năm 2026");
    });

    it("Hải Phòng: the notes say how values are computed, the bands, and (composite) the weights", async () => {
      const composite = await rankings(db.prisma, hp, Q3, "composite", "bhxhCoverage:60,bhytCoverage:40", NOW);
      const wb = await readWorkbook(await rankingsWorkbook(composite, { targetSources: [{ source: "KH 149/KH-UBND", parent: true, children: [] }] }));
      const notes: string[] = [];
      wb.getWorksheet(SHEETS.notes)!.eachRow((row) => notes.push(row.values ? (row.values as ExcelJS.CellValue[]).map(cellText).join(" | ") : ""));
      const text = notes.join("\n");
      expect(text).toContain("Đạt: từ 100% mốc trở lên; gần đạt: từ 90% đến dưới 100%; chưa đạt: dưới 90%.");
      expect(text).toContain("Tỷ lệ tham gia BHXH: 60 (60,0%); Tỷ lệ bao phủ BHYT: 40 (40,0%)");
      expect(text).toContain("(Số người tham gia BHXH bắt buộc + Số người tham gia BHXH tự nguyện) / lực lượng lao động trong độ tuổi");
      expect(text).toContain("9 tháng đầu năm 2026");
      expect(text).toContain("số tiền lũy kế từ đầu năm");
      expect(text).toContain("KH 149/KH-UBND");
      expect(text).not.toContain("(composite)");
      const ws = wb.getWorksheet(SHEETS.ranking)!;
      expect(cellText(ws.getCell("A1").value)).toContain("điểm tổng hợp nhiều chỉ tiêu");
      expect(headersOf(ws, RANKING_HEADER_ROW).slice(0, 6)).toEqual([
        "Hạng",
        "Mã",
        "Đơn vị",
        "Điểm tổng hợp",
        "Tăng, giảm so với quý 2/2026",
        "Tăng, giảm so với cùng kỳ năm 2025",
      ]);
    });

    it("VN: the ranked provinces, then the ones without figures with their reason", async () => {
      const wb = await readWorkbook(await rankingsWorkbook(vnData));
      const ws = wb.getWorksheet(SHEETS.ranking)!;
      expect(cellText(ws.getCell("A1").value)).toContain("Việt Nam — 9 tháng đầu năm 2026");
      // Provinces have no report state or explanation of their own.
      expect(headersOf(ws, RANKING_HEADER_ROW)).toEqual(ATTAINMENT_HEADERS.slice(0, 12));
      let ranked = 0;
      const reasons: string[] = [];
      const unrankedCodes = new Set(vnData.unranked.map((u) => u.unit.code));
      ws.eachRow((row, n) => {
        if (n <= RANKING_HEADER_ROW) return;
        if (typeof row.getCell(1).value === "number") ranked++;
        else if (unrankedCodes.has(cellText(row.getCell(2).value))) reasons.push(cellText(row.getCell(4).value));
      });
      expect(ranked).toBe(vnData.items.length);
      expect(reasons).toHaveLength(vnData.unranked.length);
      expect(new Set(reasons)).toEqual(new Set(vnData.unranked.map((u) => u.reasonText)));
      let provinces = 0;
      wb.getWorksheet(SHEETS.figures)!.eachRow((row, n) => {
        if (n > FIGURES_HEADER_ROW && vnData.rows.some((r) => r.unit.code === cellText(row.getCell(1).value))) provinces++;
      });
      expect(provinces).toBe(34);
    });
  });

  describe("docx", () => {
    it("Hải Phòng: Decree 30 header, title, results in Vietnamese numbers, ranking, lists, signature", async () => {
      const buf = await rankingsReport(hpData, reportMetaFor(hpData.parent));
      const { text: raw, xml, styles } = await readDocx(buf);
      const text = raw.replace(/\u00A0/g, " ");
      for (const s of [
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "/BC-UBND",
        "Hải Phòng, ngày 21 tháng 11 năm 2026",
        "BÁO CÁO",
        "Kết quả thực hiện chỉ tiêu phát triển người tham gia bảo hiểm xã hội 9 tháng đầu năm 2026",
        "Kính gửi: Bộ Nội vụ.",
        "Ủy ban nhân dân thành phố Hải Phòng báo cáo",
        "I. KẾT QUẢ THỰC HIỆN",
        "II. XẾP HẠNG CÁC ĐƠN VỊ",
        "III. BIỂU DƯƠNG, NHẮC NHỞ, PHÊ BÌNH",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
        hpData.items[0].unit.name,
        `Số người tham gia BHXH bắt buộc: ${formatNumber(hpData.parentRow.figures!.bhxhCompulsory)} người`,
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        EXPLANATION,
      ]) {
        expect(text, s).toContain(s);
      }
      expect(text).not.toContain("(Ký, ghi rõ họ tên)");
      expect(text).not.toContain("quý 3 năm 2026");
      expect(text).toMatch(/- Lưu: VT, KGVX\./);
      expect(formatNumber(hpData.parentRow.figures!.bhxhCompulsory)).toMatch(/^\d{1,3}(\.\d{3})+$/);
      expect(text).toMatch(/Trong 114 xã, phường, đặc khu, \d+ đơn vị đạt mốc kế hoạch/);
      expect(text).not.toMatch(/null|NaN|undefined|Infinity/);
      // Every ranked unit is in the table, in order.
      let at = text.indexOf("II. XẾP HẠNG");
      for (const it of hpData.items) {
        const i = text.indexOf(`\n${it.rank}\n${it.unit.name}\n`, at);
        expect(i, it.unit.name).toBeGreaterThan(at);
        at = i;
      }
      // A4, Decree 30 margins (left 30 mm, right 15 mm, top/bottom 20 mm), Times New Roman.
      const attrs = (tag: string) =>
        Object.fromEntries([...(xml.match(new RegExp(`<w:${tag}\\s[^>]*/>`))?.[0] ?? "").matchAll(/w:(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      expect(attrs("pgSz")).toMatchObject({ w: "11906", h: "16838" });
      expect(attrs("pgMar")).toMatchObject({ top: "1134", bottom: "1134", left: "1701", right: "850" });
      expect(styles).toContain("Times New Roman");
    });

    it("VN: issued by BHXH Việt Nam under Bộ Tài chính; two provinces are never 'cả nước'", async () => {
      const text = (await readDocx(await rankingsReport(vnData, reportMetaFor(vnData.parent)))).text.replace(/\u00A0/g, " ");
      for (const s of [
        "BỘ TÀI CHÍNH\nBẢO HIỂM XÃ HỘI VIỆT NAM",
        "Hà Nội, ngày",
        "/BC-BHXH",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        "Kính gửi: Bộ Tài chính.",
        "Trong 34 tỉnh, thành phố",
        vnData.items[0].unit.name,
        "Nơi nhận:",
      ]) {
        expect(text, s).toContain(s);
      }
      expect(text).toContain("tại các tỉnh, thành phố đã báo cáo");
      expect(text).not.toMatch(/trên phạm vi cả nước|Tính chung cả nước/);
      expect(text).toContain(formatNumber(vnData.parentRow.figures!.bhxhCompulsory));
    });

    it("takes the unit's report settings: issuer, symbol, signer", async () => {
      const settings = {
        ...reportMetaFor(hpData.parent),
        parentBody: "UBND THÀNH PHỐ HẢI PHÒNG",
        issuer: ["SỞ NỘI VỤ"],
        symbol: "BC-SNV",
        authority: ["KT. GIÁM ĐỐC"],
        signerTitle: "PHÓ GIÁM ĐỐC",
        signerName: "Nguyễn Văn A",
      };
      const text = (await readDocx(await rankingsReport(hpData, settings))).text.replace(/\u00A0/g, " ");
      expect(text).toContain("UBND THÀNH PHỐ HẢI PHÒNG\nSỞ NỘI VỤ");
      expect(text).toContain("/BC-SNV");
      expect(text).toContain("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC");
      expect(text).toContain("Nguyễn Văn A");
      expect(text).not.toContain("(Ký, ghi rõ họ tên)");
    });
  });

  describe("download routes", () => {
    const as = (u: Username | null) => {
      ctx.user = u ? { ...actors[u], unit: null } : null;
    };
    const call = (get: (req: Request) => Promise<Response>, query: string) => get(new Request(`http://localhost/api/v1/rankings/x?${query}`));

    it("xlsx: an attachment with an ASCII name and a UTF-8 one", async () => {
      as("bhxh.haiphong");
      const res = await call(getXlsx, "parent=31&year=2026&quarter=3&indicator=attainment:bhxhCoverage");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      const cd = res.headers.get("content-disposition")!;
      expect(cd).toContain('attachment; filename="xep-hang-31-2026-Q3.xlsx"');
      expect(cd).toContain(`filename*=UTF-8''${encodeURIComponent("Xếp hạng Thành phố Hải Phòng quý 3-2026.xlsx")}`);
      expect(cd).toMatch(/^[\x20-\x7e]+$/);
      const wb = await readWorkbook(Buffer.from(await res.arrayBuffer()));
      expect(cellText(wb.getWorksheet(SHEETS.ranking)!.getCell("A1").value)).toContain("9 tháng đầu năm 2026");
      // Each document the targets come from names the units it covers: Kim Thành's own plan is not the city's.
      let sources = "";
      wb.getWorksheet(SHEETS.notes)!.eachRow((row) => {
        if (cellText(row.getCell(1).value) === "Nguồn chỉ tiêu") sources = cellText(row.getCell(2).value);
      });
      expect(sources).toMatch(/^Chỉ tiêu năm 2026 theo: /);
      expect(sources).toMatch(/«Kế hoạch phát triển đối tượng tham gia BHXH trên địa bàn xã Kim Thành[^»]*» \(Xã Kim Thành\)/);
      expect(sources).toMatch(/«Số liệu minh họa» \(Thành phố Hải Phòng và 114 xã, phường, đặc khu\)/);
      // The 2030 targets (the path to 2030) say where they come from too, not "Nghị quyết 403" for every commune.
      expect(sources).toMatch(/Chỉ tiêu năm 2030 theo: .*\(Xã Kim Thành\)/);
    });

    it("docx: the national report for a national leader", async () => {
      as("lanhdao.quocgia");
      const res = await call(getDocx, "parent=VN&year=2026&quarter=3");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      expect(res.headers.get("content-disposition")).toContain('filename="bao-cao-xep-hang-VN-2026-Q3.docx"');
      const { text } = await readDocx(Buffer.from(await res.arrayBuffer()));
      expect(text).toContain("BẢO HIỂM XÃ HỘI VIỆT NAM");
    });

    it.each<[name: string, user: Username | null, query: string, status: number]>([
      ["no session", null, "parent=31&year=2026&quarter=3", 401],
      ["another city's staff", "bhxh.hue", "parent=31&year=2026&quarter=3", 403],
      ["a commune officer", "xa.kimthanh", "parent=31&year=2026&quarter=3", 403],
      ["a city's staff asking for the nation", "bhxh.haiphong", "parent=VN&year=2026&quarter=3", 403],
      ["an unknown unit", "admin", "parent=99999&year=2026&quarter=3", 404],
      ["a malformed code", "admin", "parent=%3Cscript%3E&year=2026&quarter=3", 404],
      ["no parent", "admin", "year=2026&quarter=3", 422],
      ["a commune as parent", "admin", "parent=10804&year=2026&quarter=3", 422],
      ["quarter 5", "admin", "parent=31&year=2026&quarter=5", 422],
      ["a year that is not a number", "admin", "parent=31&year=abc&quarter=3", 422],
      ["an unknown indicator", "admin", "parent=31&year=2026&quarter=3&indicator=bogus", 422],
      ["malformed weights", "admin", "parent=31&year=2026&quarter=3&indicator=composite&weights=bhxhCoverage:-1", 422],
    ])("%s (%s, %s) → %d, JSON from both routes", async (_name, user, query, status) => {
      as(user);
      for (const get of [getXlsx, getDocx]) {
        const res = await call(get, query);
        expect(res.status).toBe(status);
        expect(res.headers.get("content-type")).toMatch(/application\/json/);
        const body = (await res.json()) as { error: string; issues: unknown[] };
        expect(typeof body.error).toBe("string");
        expect(Array.isArray(body.issues)).toBe(true);
      }
    });
  });
});
