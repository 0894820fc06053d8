// One report per unit and period (issue 11): the commune's, the city's and the nation's Word files,
// read back from word/document.xml (Times New Roman, A4 and Decree 30 margins, the two-column
// header, the period name, Vietnamese numbers equal to the database's, the signature block); the
// report settings (own staff only, versioned, audited); edited narrative saved as versions that
// produce the same file again; a notice when figures change after editing. PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));

import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { readDocx } from "@/tests/helpers/docx";
import { indicatorsView, saveQuarter, type Actor } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { ServiceError } from "@/lib/figures/errors";
import { formatNumber } from "@/lib/format";
import { renderReportDocument } from "@/lib/reports/docx";
import { editableTextsOf } from "@/lib/reports/document";
import { reportOfPeriod, reportSettingsView, saveReportSettings, saveReportTexts } from "@/lib/reports/unit-report";
import { GET as getReportDocx } from "@/app/api/v1/units/[code]/report.docx/route";

const NOW = new Date("2026-12-01T03:00:00Z");
const USERNAMES = ["xa.kimthanh", "xa.nguyenluongbang", "bhxh.haiphong", "lanhdao.haiphong", "lanhdao.quocgia", "bhxh.hue", "admin"] as const;
type Username = (typeof USERNAMES)[number];

async function status(p: Promise<unknown>) {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof ServiceError) return e.status;
    throw e;
  }
}

/** Decree 30 layout common to every level. */
function expectDecree30(xml: string, styles: string, text: string) {
  expect(styles + xml).toContain("Times New Roman");
  expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/); // A4 portrait
  const mar = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(xml)!;
  const mm = (tw: string) => (Number(tw) * 25.4) / 1440;
  expect(mm(mar[1])).toBeGreaterThanOrEqual(19.9);
  expect(mm(mar[1])).toBeLessThanOrEqual(25.1);
  expect(mm(mar[4])).toBeGreaterThanOrEqual(29.9);
  expect(mm(mar[2])).toBeGreaterThanOrEqual(14.9);
  expect(mm(mar[2])).toBeLessThanOrEqual(20.1);
  // Two-column header table, the national name and motto, the symbol.
  expect(xml.indexOf("<w:tbl>")).toBeLessThan(xml.indexOf("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
  expect(/<w:tblGrid><w:gridCol w:w="\d+"\/><w:gridCol w:w="\d+"\/><\/w:tblGrid>/.test(xml)).toBe(true);
  expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
  expect(text).toMatch(/Số: +\/BC-/);
  expect(text).toMatch(/, ngày \d{2} tháng (0[12]|[3-9]|1[0-2]) năm 20\d\d/);
  expect(text).toContain("BÁO CÁO");
  expect(text).toContain("Nơi nhận:");
  expect(text).toMatch(/- Lưu: VT, [^\n]+\./);
  expect(text).not.toContain("(Ký, ghi rõ họ tên)");
  expect(text).toContain("./.");
  for (const bad of ["null", "NaN", "undefined", "bhxhCoverage", "bhxhParticipants", "not_reported", "không tính là 0"]) expect(text, bad).not.toContain(bad);
}

describe.each(dbKinds)("unit reports on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor>;

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
    const users = await db.prisma.user.findMany({ where: { username: { in: [...USERNAMES] } } });
    for (const u of users) actors[u.username as Username] = { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
    // Kim Thành files its 9-month figures (the demo leaves 2026 Q3 for the officer).
    const q2 = await indicatorsView(db.prisma, await scopeUnit(db.prisma, actors.admin, "10804"), { year: 2026, quarter: 2 });
    const figures = { ...q2.figures, bhxhCompulsory: 13_624, bhxhVoluntary: 420, amountCollected: Math.round((q2.figures.amountCollected ?? 0) * 1.4) };
    await saveQuarter(
      db.prisma,
      actors["xa.kimthanh"],
      { unitCode: "10804", year: 2026, quarter: 3, body: { figures, submit: true, confirmWarnings: true } },
      NOW,
    );
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it("writes the commune's report for 9 months of 2026 (seed 000's kind), issued by its people's committee", async () => {
    const view = await reportOfPeriod(db.prisma, actors["xa.kimthanh"], "10804", 2026, 3, { now: NOW });
    expect(view.version).toBeNull();
    expect(view.editable).toBe(true);
    const { xml, styles, text } = await readDocx(await renderReportDocument(view.document));
    expectDecree30(xml, styles, text);
    expect(text).toContain("UBND THÀNH PHỐ HẢI PHÒNG"); // parent body, not bold
    expect(text).toContain("ỦY BAN NHÂN DÂN\nXÃ KIM THÀNH"); // the issuer in full
    expect(text).toContain("Kim Thành, ngày 01 tháng 12 năm 2026");
    expect(text).toContain("9 tháng đầu năm 2026");
    expect(text).not.toContain("quý 3 năm 2026");
    expect(text).toContain("Ủy ban nhân dân xã Kim Thành báo cáo");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
    expect(text).toContain("TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
    expect(text).toContain("NHIỆM VỤ, GIẢI PHÁP");
    // Figures equal to the database's, written the Vietnamese way.
    expect(text).toContain(`Số người tham gia BHXH bắt buộc: ${formatNumber(13_624)} người, đạt 100,0% chỉ tiêu năm 2026 (13.624 người)`);
    const v = await indicatorsView(db.prisma, await scopeUnit(db.prisma, actors.admin, "10804"), { year: 2026, quarter: 3 });
    const coverage = `${(v.indicators.bhxhCoverage! * 100).toFixed(1).replace(".", ",")}%`;
    expect(text).toContain(coverage);
    expect(text).toContain("mốc kế hoạch 9 tháng đầu năm");
    // The villages' targets, when they have them.
    const villageTargets = await db.prisma.target.count({ where: { year: 2026, unit: { parent: { code: "10804" }, level: "VILLAGE" } } });
    if (villageTargets > 0) expect(text).toContain("CHỈ TIÊU GIAO CHO CÁC THÔN, TỔ DÂN PHỐ NĂM 2026");
    else expect(text).not.toContain("CÁC THÔN, TỔ DÂN PHỐ NĂM 2026");
    // With their results of the period when the commune recorded them (the villages page), never "not updated" then.
    const recorded = await db.prisma.villageFigure.findMany({
      where: { year: 2026, quarter: 3, unit: { parent: { code: "10804" } } },
      select: { bhxhCompulsory: true, unit: { select: { id: true, name: true } } },
    });
    if (villageTargets > 0 && recorded.length > 0) {
      expect(text).not.toContain("chưa được cập nhật");
      expect(text).toContain(`kết quả 9 tháng đầu năm 2026 đã cập nhật trên hệ thống cho ${recorded.length}/`);
      const one = recorded.find((r) => r.bhxhCompulsory !== null)!;
      const target = await db.prisma.target.findFirstOrThrow({ where: { unitId: one.unit.id, year: 2026, key: "bhxhCompulsory" } });
      expect(text).toContain(`${one.unit.name}`);
      expect(text).toContain(`${formatNumber(one.bhxhCompulsory)} / ${formatNumber(target.value)}`);
    }
    expect(villageTargets * recorded.length).toBeGreaterThan(0); // the demo has both: the case above is tested
    expect(text).toMatch(/II\. (CHỈ TIÊU GIAO CHO CÁC THÔN|TỒN TẠI)/);
  });

  it("never says every target is met for a commune whose figures of the period were not sent", async () => {
    const [unsent] = await db.sql.query<{ code: string }>(
      `SELECT u.code FROM units u WHERE u.tenant_id = (SELECT id FROM units WHERE code = '31') AND u.level = 'COMMUNE' AND u.valid_to IS NULL
       AND NOT EXISTS (SELECT 1 FROM quarter_reports r WHERE r.unit_id = u.id AND r.year = 2026 AND r.quarter = 3 AND r.kind = 'ACTUAL' AND r.status IN ('SUBMITTED', 'APPROVED'))
       ORDER BY u.code LIMIT 1`,
    );
    const view = await reportOfPeriod(db.prisma, actors["lanhdao.haiphong"], unsent.code, 2026, 3, { now: NOW });
    const { text } = await readDocx(await renderReportDocument(view.document));
    expect(text).not.toContain("đều đạt mốc kế hoạch");
    expect(text).toContain("Chưa có số liệu 9 tháng đầu năm 2026 được gửi để đánh giá");
  });

  it("writes the city's report with its communes' table, the lists and the communes that have not reported", async () => {
    const view = await reportOfPeriod(db.prisma, actors["lanhdao.haiphong"], "31", 2026, 3, { now: NOW });
    expect(view.editable).toBe(false); // a leader reads and downloads; city staff edit
    const { xml, styles, text } = await readDocx(await renderReportDocument(view.document));
    expectDecree30(xml, styles, text);
    expect(text).toContain("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG");
    expect(text).toContain("Hải Phòng, ngày 01 tháng 12 năm 2026");
    expect(text).toContain("Kính gửi:");
    expect(text).not.toContain("Kính gửi: Bảo hiểm xã hội Việt Nam.");
    expect(text).toContain("KẾT QUẢ CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU");
    expect(text).toMatch(/Số liệu tổng hợp từ báo cáo của \d+\/114 xã, phường, đặc khu/);
    expect(text).toMatch(/đơn vị chưa báo cáo 9 tháng đầu năm 2026, không được xếp hạng: /);
    expect(text).toContain("Biểu dương:");
    expect(text).not.toMatch(/\bThành phố Hải Phòng báo cáo/);
    expect(text).toContain("Ủy ban nhân dân thành phố Hải Phòng báo cáo");
  });

  it("writes the nation's report, issued by the national agency, saying how many provinces reported; never 'cả nước' for a partial sum", async () => {
    const view = await reportOfPeriod(db.prisma, actors["lanhdao.quocgia"], "VN", 2026, 3, { now: NOW });
    const { xml, styles, text } = await readDocx(await renderReportDocument(view.document));
    expectDecree30(xml, styles, text);
    expect(text).toContain("BỘ TÀI CHÍNH\nBẢO HIỂM XÃ HỘI VIỆT NAM");
    expect(text).toContain("Hà Nội, ngày 01 tháng 12 năm 2026");
    expect(text).toMatch(/thuộc 2\/34 tỉnh, thành phố/);
    expect(text).not.toMatch(/số liệu cả nước|Cả nước:|toàn quốc/i);
    expect(text).toContain("KẾT QUẢ CỦA CÁC TỈNH, THÀNH PHỐ");
  });

  it("keeps report settings per unit: own staff only, validated, versioned, audited, used by the file", async () => {
    const before = await reportSettingsView(db.prisma, actors["bhxh.haiphong"], "31");
    expect(before.version).toBe(1); // the demo's settings, with a signer's name
    expect(before.settings.signerName).not.toBe("");
    const settings = { ...before.settings, signerName: "Trần Văn Bình", copyTo: [...before.settings.copyTo.slice(0, -1), "Lưu: VT, KGVX (Hg)."] };
    const saved = await saveReportSettings(db.prisma, actors["bhxh.haiphong"], "31", { settings, version: 1 });
    expect(saved.version).toBe(2);
    expect(await status(saveReportSettings(db.prisma, actors["bhxh.haiphong"], "31", { settings, version: 1 }))).toBe(409);
    expect(await status(saveReportSettings(db.prisma, actors["lanhdao.haiphong"], "31", { settings, version: 2 }))).toBe(403);
    expect(await status(saveReportSettings(db.prisma, actors["bhxh.hue"], "31", { settings, version: 2 }))).toBe(403);
    expect(await status(saveReportSettings(db.prisma, actors["xa.kimthanh"], "31", { settings, version: 2 }))).toBe(403);
    expect(await status(saveReportSettings(db.prisma, actors["bhxh.haiphong"], "31", { settings: { ...settings, symbol: "bc ubnd" }, version: 2 }))).toBe(422);
    expect(await status(saveReportSettings(db.prisma, actors["bhxh.haiphong"], "31", { settings: { ...settings, copyTo: ["Như trên;"] }, version: 2 }))).toBe(
      422,
    );
    expect(await status(saveReportSettings(db.prisma, actors["bhxh.haiphong"], "31", "rác"))).toBe(422);
    const audit = await db.prisma.auditEntry.findMany({ where: { entity: "setting", entityId: "report:31" } });
    expect(audit.map((a) => a.field).sort()).toEqual(["copyTo", "signerName"]);
    const view = await reportOfPeriod(db.prisma, actors["lanhdao.haiphong"], "31", 2026, 3, { now: NOW });
    const { text } = await readDocx(await renderReportDocument(view.document));
    expect(text).toContain("Trần Văn Bình");
    expect(text).toContain("- Lưu: VT, KGVX (Hg).");
    // A unit never saved uses the Decree 30 defaults (version 0); the commune officer sets the commune's.
    expect((await reportSettingsView(db.prisma, actors["bhxh.haiphong"], "10678")).version).toBe(0);
    const kt = await reportSettingsView(db.prisma, actors["xa.kimthanh"], "10804");
    expect(kt.editable).toBe(true);
    expect((await reportSettingsView(db.prisma, actors["bhxh.haiphong"], "10804")).editable).toBe(false);
  });

  it("saves the edited narrative as versions that produce the same file again; a later figure change shows", async () => {
    const officer = actors["xa.kimthanh"];
    const draft = await reportOfPeriod(db.prisma, officer, "10804", 2026, 3, { now: NOW });
    const texts = editableTextsOf(draft.document);
    texts.parts.tasks = `${texts.parts.tasks}\n- Tổ chức hội nghị đối thoại với hộ kinh doanh tại thôn Đồng Tâm.`;
    const v1 = await saveReportTexts(db.prisma, officer, "10804", 2026, 3, texts, NOW);
    expect(v1.version).toBe(1);
    expect(v1.figuresChanged).toBe(false);
    const file1 = await readDocx(await renderReportDocument(v1.document));
    expect(file1.text).toContain("Tổ chức hội nghị đối thoại với hộ kinh doanh tại thôn Đồng Tâm");
    // Others may not write it; bad input changes nothing.
    expect(await status(saveReportTexts(db.prisma, actors["bhxh.haiphong"], "10804", 2026, 3, texts, NOW))).toBe(403);
    expect(await status(saveReportTexts(db.prisma, officer, "10804", 2026, 3, { opening: "ngắn", parts: {} }, NOW))).toBe(422);
    expect(await status(saveReportTexts(db.prisma, officer, "10804", 2026, 4, texts, NOW))).toBe(422);
    expect(await db.prisma.reportText.count()).toBe(1);
    // A figure changes after the edit: the notice shows; version 1 still gives the same text.
    const report = await db.prisma.quarterReport.findFirstOrThrow({ where: { unit: { code: "10804" }, year: 2026, quarter: 3, kind: "ACTUAL" } });
    await db.prisma.quarterReport.update({ where: { id: report.id }, data: { bhxhVoluntary: 480 } });
    const later = await reportOfPeriod(db.prisma, officer, "10804", 2026, 3, { now: new Date("2026-12-05T03:00:00Z") });
    expect(later.figuresChanged).toBe(true);
    const again = await readDocx(await renderReportDocument(later.document));
    expect(again.text).toBe(file1.text);
    // Through the route: ?version=1 downloads it; a bad version is 422; an unknown one 404.
    ctx.user = { ...officer, username: "xa.kimthanh" };
    const res = await getReportDocx(new Request("http://x/api/v1/units/10804/report.docx?year=2026&quarter=3&version=1"), {
      params: Promise.resolve({ code: "10804" }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("bao-cao-10804-2026-Q3-v1.docx");
    expect((await readDocx(new Uint8Array(await res.arrayBuffer()))).text).toBe(file1.text);
    expect(
      (
        await getReportDocx(new Request("http://x/api/v1/units/10804/report.docx?year=2026&quarter=3&version=abc"), {
          params: Promise.resolve({ code: "10804" }),
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await getReportDocx(new Request("http://x/api/v1/units/10804/report.docx?year=2026&quarter=3&version=9"), {
          params: Promise.resolve({ code: "10804" }),
        })
      ).status,
    ).toBe(404);
    // Scope: another commune's officer cannot read it.
    ctx.user = { ...actors["xa.nguyenluongbang"], username: "xa.nguyenluongbang" };
    expect(
      (await getReportDocx(new Request("http://x/api/v1/units/10804/report.docx?year=2026&quarter=3"), { params: Promise.resolve({ code: "10804" }) })).status,
    ).toBe(403);
  });
});
