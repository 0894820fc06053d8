// Village figures (issue 15, item 3), on the demo data, on PGlite and (with TEST_DATABASE_URL)
// PostgreSQL: PUT /api/v1/units/{villageCode}/figures/{year}/{quarter} by the commune's own officer
// only (another commune's officer, city staff: 403), versioned (stale: 409, nothing written; none: 428),
// checked (422 with a clear Vietnamese message, warnings to confirm, a quarter not ended refused),
// audited; the commune's path unchanged; the commune's villages page data (behind first, the 100%
// BHYT mark); and the suggested split of a commune's target using the villages' recorded figures.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({ prisma: async () => ctx.prisma, readPrisma: async () => ctx.prisma, writeFence: async () => null }));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { GET, PUT } from "@/app/api/v1/units/[code]/figures/[year]/[quarter]/route";
import { saveVillageFiguresAction } from "@/lib/actions/villages";
import { scopeUnit } from "@/lib/auth/scope";
import { VILLAGE_MSG, villageBoard } from "@/lib/villages/service";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { targetGrid } from "@/lib/targets/service";
import { allocate, weightsFor } from "@/lib/domain/allocation";
import type { SessionUser } from "@/lib/auth/session.server";

const USERNAMES = ["xa.kimthanh", "xa.nguyenluongbang", "bhxh.haiphong", "lanhdao.haiphong", "admin"] as const;
type Username = (typeof USERNAMES)[number];

describe.each(dbKinds)("village figures on %s", (kind) => {
  let db: TestDatabase;
  const users = {} as Record<Username, SessionUser>;

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
    for (const u of await db.prisma.user.findMany({ where: { username: { in: [...USERNAMES] } } }))
      users[u.username as Username] = {
        id: u.id,
        username: u.username,
        fullName: u.fullName,
        role: u.role,
        tenantId: u.tenantId,
        unitId: u.unitId,
        unit: null,
      };
  });
  afterAll(async () => {
    await db?.destroy();
  });

  async function call(method: "GET" | "PUT", as: Username, code: string, year: number | string, quarter: number | string, body?: unknown) {
    ctx.user = users[as];
    const req = new Request(`http://localhost/api/v1/units/${code}/figures/${year}/${quarter}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
    const res = await (method === "GET" ? GET : PUT)(req, { params: Promise.resolve({ code, year: String(year), quarter: String(quarter) }) });
    return { status: res.status, body: await res.json() };
  }
  const stored = (code: string, year: number, quarter: number) =>
    db.prisma.villageFigure.findFirst({ where: { unit: { code }, year, quarter }, select: { labourForce: true, bhyt: true, version: true } });
  const auditCount = () => db.prisma.auditEntry.count();

  const figures = { labourForce: 3950, population: 6980, bhxhCompulsory: 1600, bhxhVoluntary: 58, bhyt: 6700 };

  it("the commune's officer records a village's quarter; it is read back, versioned and audited", async () => {
    const before = await stored("10804-02", 2026, 3);
    expect(before?.version).toBe(1); // the demo's
    const audits = await auditCount();
    const r = await call("PUT", "xa.kimthanh", "10804-02", 2026, 3, { figures, version: 1 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.figures).toMatchObject({ unit: { code: "10804-02" }, year: 2026, quarter: 3, version: 2, figures });
    expect(await stored("10804-02", 2026, 3)).toMatchObject({ labourForce: 3950, bhyt: 6700, version: 2 });
    const entries = await db.prisma.auditEntry.findMany({ where: { entity: "figure", entityId: "10804-02/2026/Q3" }, orderBy: { id: "asc" } });
    expect(entries.length).toBe((await auditCount()) - audits);
    expect(entries.map((e) => e.field)).toEqual(expect.arrayContaining(["labourForce", "bhxhVoluntary"]));
    expect(entries.every((e) => e.actorId === users["xa.kimthanh"].id)).toBe(true);

    const got = await call("GET", "bhxh.haiphong", "10804-02", 2026, 3);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ version: 2, figures });
    // Nothing of a village goes to quarter_reports.
    expect(await db.prisma.quarterReport.count({ where: { unit: { level: "VILLAGE" } } })).toBe(0);
  });

  it("a first quarter is recorded without a version (or with 0)", async () => {
    const r = await call("PUT", "xa.kimthanh", "10804-03", 2025, 3, { figures: { labourForce: 3500, population: 6100 } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.figures).toMatchObject({ version: 1, figures: { labourForce: 3500, population: 6100, bhyt: null } });
  });

  it("refuses another commune's officer, city staff and leaders (403), and nothing is written", async () => {
    const audits = await auditCount();
    for (const who of ["xa.nguyenluongbang", "bhxh.haiphong", "lanhdao.haiphong", "admin"] as const) {
      const r = await call("PUT", who, "10804-02", 2026, 3, { figures, version: 2 });
      expect(r.status, who).toBe(403);
      expect(r.body.error, who).toMatch(/không được xem|Chỉ cán bộ của xã nhập số liệu của các thôn/);
    }
    const own = await call("PUT", "xa.nguyenluongbang", "11242-01", 2026, 3, { figures: { labourForce: 1 } });
    expect(own.status).toBe(200); // and its own commune's village, it may
    const other = await call("GET", "xa.nguyenluongbang", "10804-02", 2026, 3);
    expect(other.status).toBe(403);
    expect(await stored("10804-02", 2026, 3)).toMatchObject({ version: 2 });
    expect(await auditCount()).toBe(audits + 1);
  });

  it("a stale version gets 409 naming what is stored, none gets 428; nothing is written", async () => {
    const audits = await auditCount();
    const stale = await call("PUT", "xa.kimthanh", "10804-02", 2026, 3, { figures: { ...figures, bhyt: 6800 }, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatch(/đã được người khác lưu sau khi bạn mở trang: chưa lưu gì/);
    expect(stale.body.issues).toEqual([expect.objectContaining({ path: "figures.bhyt", message: expect.stringContaining("hiện đã lưu 6.700") })]);
    const none = await call("PUT", "xa.kimthanh", "10804-02", 2026, 3, { figures: { ...figures, bhyt: 6800 } });
    expect(none.status).toBe(428);
    expect(await stored("10804-02", 2026, 3)).toMatchObject({ bhyt: 6700, version: 2 });
    expect(await auditCount()).toBe(audits);
    // The same through the page's action.
    ctx.user = users["xa.kimthanh"];
    const action = await saveVillageFiguresAction({ communeCode: "10804", villageCode: "10804-02", year: 2026, quarter: 3, body: { figures, version: 1 } });
    expect(action).toMatchObject({ ok: false, status: 409 });
  });

  it("refuses bad input with 422 and a clear Vietnamese message, and a quarter not ended", async () => {
    const bad = async (year: number | string, quarter: number | string, body: unknown) => {
      const r = await call("PUT", "xa.kimthanh", "10804-02", year, quarter, body);
      expect(r.status, JSON.stringify(r.body)).toBe(422);
      return r.body as { error: string; issues: { path: string; message: string }[]; needsConfirmation?: boolean };
    };
    expect((await bad(2026, 3, { figures: { labourForce: -5 }, version: 2 })).issues[0]).toMatchObject({
      path: "figures.labourForce",
      message: "Lực lượng lao động trong độ tuổi: không được âm.",
    });
    expect((await bad(2026, 3, { figures: { bhyt: 10.5 }, version: 2 })).issues[0].message).toBe("Số người tham gia BHYT: phải là số nguyên.");
    expect((await bad(2026, 3, { figures: { bhtn: 10 }, version: 2 })).issues[0].message).toMatch(/Trường không hợp lệ: bhtn/);
    expect((await bad(2026, 3, { figures, version: 2, submit: true })).issues[0].message).toMatch(/Trường không hợp lệ: submit/);
    expect((await bad(2026, 5, { figures, version: 2 })).issues[0].message).toBe("Quý phải là một số từ 1 đến 4.");
    expect((await bad(2026, 4, { figures, version: 2 })).error).toMatch(/^Quý 4\/2026 chưa kết thúc/);
    // BHYT above the population: a warning to confirm, then saved.
    const warn = await bad(2026, 3, { figures: { ...figures, bhyt: 7000 }, version: 2 });
    expect(warn.needsConfirmation).toBe(true);
    expect(warn.issues).toEqual([
      expect.objectContaining({ path: "figures.bhyt", message: "Số người tham gia BHYT (7.000) lớn hơn dân số (6.980): vui lòng kiểm tra lại." }),
    ]);
    expect(await stored("10804-02", 2026, 3)).toMatchObject({ bhyt: 6700, version: 2 });
    const ok = await call("PUT", "xa.kimthanh", "10804-02", 2026, 3, { figures: { ...figures, bhyt: 7000 }, version: 2, confirmWarnings: true });
    expect(ok.status).toBe(200);
    expect(ok.body.warnings).toHaveLength(1);
    // English at the edge for the refusal of a quarter not ended.
    ctx.user = users["xa.kimthanh"];
    const res = await PUT(
      new Request("http://localhost/api/v1/units/10804-02/figures/2026/4", {
        method: "PUT",
        body: JSON.stringify({ figures, version: 3 }),
        headers: { "content-type": "application/json", "accept-language": "en" },
      }),
      { params: Promise.resolve({ code: "10804-02", year: "2026", quarter: "4" }) },
    );
    expect((await res.json()).error).toMatch(/^Quarter 4\/2026 has not ended/);
    // Every message of the village service has a code and an English text.
    for (const m of [
      VILLAGE_MSG.notVillage("Xã Kim Thành"),
      VILLAGE_MSG.retired("Thôn Kim Khê"),
      VILLAGE_MSG.none(2026, 3, "Thôn Kim Khê"),
      VILLAGE_MSG.stale("Thôn Kim Khê", 2026, 3),
    ]) {
      const en = localizeMessage(m, "en");
      expect(en.code, m).not.toBe("message");
      expect(en.message.replace(/Xã Kim Thành|Thôn Kim Khê/g, ""), m).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i);
    }
  });

  it("the commune's own path still saves the commune's report", async () => {
    const r = await call("PUT", "xa.kimthanh", "10804", 2026, 3, { figures: { labourForce: 32700, population: 56900 }, version: 0 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.report).toMatchObject({ year: 2026, quarter: 3, status: "DRAFT", figures: { labourForce: 32700 } });
    expect((await call("GET", "xa.kimthanh", "10804", 2026, 3)).body.figures.population).toBe(56900);
    expect((await call("PUT", "bhxh.haiphong", "10804", 2026, 3, { figures: { labourForce: 1 }, version: 1 })).status).toBe(403);
  });

  it("the commune's villages page: behind first, progress against the quarter's milestone, the 100% BHYT mark", async () => {
    const kt = await scopeUnit(db.prisma, users["xa.kimthanh"], "10804");
    const board = await villageBoard(db.prisma, users["xa.kimthanh"], kt, { year: 2026, quarter: 3 });
    expect(board.villages).toHaveLength(10);
    expect(board.editable).toBe(true);
    const order = board.villages.map((v) => v.progress.overall);
    expect(order.indexOf("behind")).toBe(0);
    expect(order.lastIndexOf("behind")).toBeLessThan(order.indexOf("close"));
    expect(board.counts.behind).toBeGreaterThanOrEqual(2);
    const tienTrung = board.villages.find((v) => v.unit.code === "10804-08")!;
    expect(tienTrung).toMatchObject({ mark: "full", coverage: { bhyt: 1 } });
    const behind = board.villages.find((v) => v.unit.code === "10804-05")!;
    expect(behind.progress.behindKeys).toContain("bhxhVoluntary");
    expect(behind.progress.basis.bhxhVoluntary).toBe("linear"); // from its 31/12/2025 figures
    // City staff read the same, and may not record.
    const staff = await villageBoard(db.prisma, users["bhxh.haiphong"], kt, { year: 2026, quarter: 3 });
    expect(staff.villages.map((v) => v.unit.code)).toEqual(board.villages.map((v) => v.unit.code));
    expect(staff.editable).toBe(false);
    // Huế's model residential group.
    const hue = await db.prisma.user.findUniqueOrThrow({ where: { username: "bhxh.hue" } });
    const phuXuan = await scopeUnit(db.prisma, hue, "19753");
    const groups = await villageBoard(db.prisma, hue, phuXuan, { year: 2026, quarter: 3 });
    expect(groups.villages.filter((v) => v.mark === "modelGroup").map((v) => v.unit.code)).toEqual(["19753-03"]);
  });

  it("the suggested split of the commune's target uses the villages' recorded figures (even only when none has any)", async () => {
    const kt = await scopeUnit(db.prisma, users["xa.kimthanh"], "10804");
    const grid = await targetGrid(db.prisma, users["xa.kimthanh"], kt, 2027);
    expect(grid.basisSource).toBe("villageFigures");
    const kimLuong = grid.children.find((c) => c.unit.code === "10804-01")!;
    const latest = await db.prisma.villageFigure.findFirstOrThrow({ where: { unit: { code: "10804-01" } }, orderBy: [{ year: "desc" }, { quarter: "desc" }] });
    expect(kimLuong.basis).toEqual({ labourForce: latest.labourForce, participants: latest.bhxhCompulsory! + latest.bhxhVoluntary! });
    expect(kimLuong.basisPeriod).toEqual({ year: latest.year, quarter: latest.quarter });
    const shares = allocate(
      14000,
      weightsFor(
        "labourForce",
        grid.children.map((c) => ({ key: c.unit.code, ...c.basis })),
      ),
    );
    const byCode = Object.fromEntries(shares.map((s) => [s.key, s.value]));
    expect(new Set(shares.map((s) => s.value)).size).toBeGreaterThan(3); // not an even split
    expect(byCode["10804-01"]).toBeGreaterThan(byCode["10804-10"]); // a larger labour force, a larger share

    // Nguyễn Lương Bằng's villages have no figures (but the one recorded above): the basis says so.
    const nlb = await scopeUnit(db.prisma, users["xa.nguyenluongbang"], "11242");
    const nlbGrid = await targetGrid(db.prisma, users["xa.nguyenluongbang"], nlb, 2027);
    expect(nlbGrid.children.filter((c) => c.basis.labourForce !== null).map((c) => c.unit.code)).toEqual(["11242-01"]);
    expect(nlbGrid.children.every((c) => c.basis.participants === null)).toBe(true);
    // A city's grid still uses the communes' reports.
    const hp = await scopeUnit(db.prisma, users["bhxh.haiphong"], "31");
    expect((await targetGrid(db.prisma, users["bhxh.haiphong"], hp, 2027)).basisSource).toBe("reports");
  });
});
