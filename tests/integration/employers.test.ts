// Employers paying late (issue 15), through the route handlers and actions: the register's scope (a
// province's own staff and leaders, national accounts; another city's staff and commune officers 403),
// lateMonths and months validated (422), the import's check with a bad row (nothing stored) then its
// commit (all rows, audited; 409 when the register changed since the check), publication by city staff
// only (versioned), and the public list: the latest published month only, published fields only, frozen
// as published, each province its own, 404 for an unknown province or one that published nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { GET as getRegister } from "@/app/api/v1/units/[code]/employers/route";
import { POST as postPublication } from "@/app/api/v1/units/[code]/employers/publications/route";
import { POST as postCheck } from "@/app/api/v1/units/[code]/employers/imports/route";
import { POST as postCommit } from "@/app/api/v1/units/[code]/employers/imports/commit/route";
import { GET as getTemplateCsv } from "@/app/api/v1/units/[code]/employers/template.csv/route";
import { GET as getPublicCsv } from "@/app/public/late-payers/[province]/csv/route";
import { saveEmployerMonthAction } from "@/lib/actions/employers";
import { publishedLatePayers } from "@/lib/employers/public";
import { toCsv } from "@/lib/imports/sheet";
import { EMPLOYERS_TEMPLATE_HEADERS } from "@/lib/employers/sheet";

describe.each(dbKinds)("employers paying late on %s", (kind) => {
  let db: TestDatabase;
  const as = async (username: string) => {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    ctx.user = { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null };
  };
  const p = <T extends Record<string, string>>(o: T) => ({ params: Promise.resolve(o) });
  const register = async (code: string, query = "") => {
    const res = await getRegister(new Request(`http://localhost/api/v1/units/${code}/employers?${query}`), p({ code }));
    return { status: res.status, body: await res.json() };
  };
  const publish = async (code: string, body: unknown) => {
    const res = await postPublication(
      new Request(`http://localhost/api/v1/units/${code}/employers/publications`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      p({ code }),
    );
    return { status: res.status, body: await res.json() };
  };
  const upload = async (route: typeof postCheck, csv: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    form.set("file", new File([csv], "cham-dong-11-2026.csv"));
    form.set("year", "2026");
    form.set("month", "11");
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    const res = await route(new Request("http://localhost/api/v1/units/46/employers/imports", { method: "POST", body: form }), p({ code: "46" }));
    return { status: res.status, body: await res.json() };
  };
  const publicCsv = async (province: string) => {
    const res = await getPublicCsv(new Request(`http://localhost/public/late-payers/${province}.csv`), p({ province }));
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), type: res.headers.get("content-type") };
  };
  const stored = async () =>
    JSON.stringify(
      await db.sql.query(
        `SELECT (SELECT count(*) FROM employers)::text AS e, (SELECT coalesce(sum(version), 0) FROM employer_arrears)::text AS a, (SELECT count(*) FROM employer_arrears)::text AS n,
                (SELECT count(*) FROM late_payer_publications)::text AS p, (SELECT count(*) FROM audit_entries)::text AS audit`,
      ),
    );

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
    // A leader of Huế (the demo has Hải Phòng's only).
    const hue = await db.prisma.unit.findFirstOrThrow({ where: { code: "46", level: "PROVINCE" } });
    await db.prisma.user.create({
      data: { username: "lanhdao.hue", passwordHash: "x", fullName: "Lãnh đạo Huế", role: "CITY_LEADER", tenantId: hue.id, unitId: hue.id },
    });
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("shows Huế's register to its staff and leaders and national accounts, and to nobody else", async () => {
    await as("bhxh.hue");
    const { status, body } = await register("46");
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    // Default: the latest month end with data (31/10/2026), 3+ months late.
    expect(body.asAt).toEqual({ year: 2026, month: 10, date: "31/10/2026" });
    expect(body.lateMonths).toBe(3);
    expect(body.employers).toHaveLength(5);
    expect(body.employers[0].monthsLate).toBeGreaterThanOrEqual(body.employers[4].monthsLate);
    expect(body.employers.every((e: { monthsLate: number }) => e.monthsLate >= 3)).toBe(true);
    expect(body.trend).toHaveLength(12);
    expect(body.trend.at(-1)).toMatchObject({ year: 2026, month: 10, count: 5 });
    expect(body.trend.at(-2)).toMatchObject({ year: 2026, month: 9, count: 4 });
    expect(body.trend[0]).toMatchObject({ year: 2025, month: 11, count: null });
    expect(body.publications).toEqual([expect.objectContaining({ year: 2026, month: 9, count: 4, minMonthsLate: 3 })]);
    expect(body.publication).toBeNull();
    // A month end missing an employer that was late at the one before: publishing would drop it, so the register says so.
    const before = body.missingSincePrevious?.count ?? 0;
    const [gone] = await db.prisma.$queryRawUnsafe<{ id: number }[]>(
      `SELECT a.id FROM employer_arrears a JOIN employer_arrears s ON s.employer_id = a.employer_id AND s.year = 2026 AND s.month = 9 AND s.months_late >= 3
       WHERE a.year = 2026 AND a.month = 10 LIMIT 1`,
    );
    const [kept] = await db.prisma.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(a)::text AS j FROM employer_arrears a WHERE id = $1`, gone.id);
    await db.prisma.$executeRawUnsafe(`DELETE FROM employer_arrears WHERE id = $1`, gone.id);
    const partial = await register("46");
    await db.prisma.$executeRawUnsafe(`INSERT INTO employer_arrears SELECT * FROM json_populate_record(NULL::employer_arrears, $1::json)`, kept.j);
    expect(partial.body.missingSincePrevious).toEqual({ asAt: "30/9/2026", count: before + 1 });
    const september = await register("46", "year=2026&month=9&lateMonths=2");
    expect(september.body.asAt.month).toBe(9);
    expect(september.body.employers.length).toBeGreaterThan(4);
    expect(september.body.publication).toMatchObject({ month: 9, count: 4 });

    for (const who of ["lanhdao.hue", "lanhdao.quocgia", "admin"]) {
      await as(who);
      expect((await register("46")).status, who).toBe(200);
    }
    await as("bhxh.haiphong");
    expect((await register("46")).status).toBe(403);
    expect((await register("31")).body.employers).toEqual([]);
    await as("xa.kimthanh");
    expect((await register("31")).status).toBe(403);
    expect((await register("10804")).status).toBe(403);
    await as("bhxh.hue");
    expect((await register("19753")).status).toBe(403); // a commune of Huế: the register is the city's
    expect((await register("99999")).status).toBe(404);
  });

  it.each([
    ["lateMonths=abc", "lateMonths"],
    ["lateMonths=-1", "lateMonths"],
    ["lateMonths=121", "lateMonths"],
    ["lateMonths=2.5", "lateMonths"],
    ["year=2026", "month"],
    ["year=2026&month=13", "month"],
    ["year=2026&month=12", "chưa kết thúc"],
    ["year=2027&month=1", "chưa kết thúc"],
  ])("refuses ?%s with 422", async (query, message) => {
    await as("bhxh.hue");
    const { status, body } = await register("46", query);
    expect(status).toBe(422);
    expect(JSON.stringify(body)).toContain(message);
  });

  it("checks a file row by row (a bad row stores nothing), then commits all rows, audited", async () => {
    await as("bhxh.hue");
    const reg = await register("46", "lateMonths=0");
    const known = reg.body.employers[0];
    const rows = (third: string) =>
      toCsv([
        ["Đơn vị chậm đóng BHXH, BHYT, BHTN tại ngày 30/11/2026 — Thành phố Huế"],
        [],
        [],
        EMPLOYERS_TEMPLATE_HEADERS,
        [known.taxCode, known.name, known.address, known.commune?.name ?? "", known.monthsLate + 1, known.amountLate + 1_000_000],
        ["0100112437", "Công ty Chưa Công Bố", "1 Lê Lợi, Huế", "Phường Thuận Hóa", 6, "250.000.000"],
        [third, "Công ty Ba", "", "Phường Không Có", 1, 1000],
      ]);
    const before = await stored();
    const bad = await upload(postCheck, rows("0100112438"));
    expect(bad.status).toBe(422);
    expect(bad.body.errorCount).toBe(2);
    expect(bad.body.errors.map((e: { row: number; column: string }) => [e.row, e.column.split(" ")[0]])).toEqual([
      [7, "A"],
      [7, "D"],
    ]);
    expect(await stored()).toBe(before);

    const csv = rows("0300588569");
    const withCommune = csv.replace("Phường Không Có", "Vỹ Dạ");
    const check = await upload(postCheck, withCommune);
    expect(check.status, JSON.stringify(check.body).slice(0, 400)).toBe(200);
    expect(check.body).toMatchObject({ year: 2026, month: 11, rows: 3, unchanged: 0 });
    expect(check.body.created.map((c: { taxCode: string }) => c.taxCode).sort()).toEqual(["0100112437", "0300588569"]);
    // The known employer has no November row yet: its figures are new, its fields unchanged.
    expect(check.body.changed).toEqual([
      expect.objectContaining({
        taxCode: known.taxCode,
        changes: [expect.objectContaining({ field: "monthsLate", old: null }), expect.objectContaining({ field: "amountLate" })],
      }),
    ]);
    expect(await stored()).toBe(before);

    expect((await upload(postCommit, withCommune, { token: "0".repeat(32) })).status).toBe(409);
    expect(await stored()).toBe(before);
    const done = await upload(postCommit, withCommune, { token: check.body.token });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ created: 2, changed: 1, asAt: "30/11/2026" });
    const nov = await register("46", "year=2026&month=11&lateMonths=0");
    expect(nov.body.employers).toHaveLength(3);
    expect(nov.body.employers.find((e: { taxCode: string }) => e.taxCode === "0300588569").commune.name).toBe("Phường Vỹ Dạ");
    const audit = await db.prisma.auditEntry.findMany({ where: { entity: "employer", entityId: { startsWith: "0100112437" } } });
    expect(audit.map((a) => `${a.entityId} ${a.field}`).sort()).toEqual([
      "0100112437 address",
      "0100112437 commune",
      "0100112437 name",
      "0100112437 taxCode",
      "0100112437:2026-11 amountLate",
      "0100112437:2026-11 monthsLate",
    ]);
    expect(audit[0].reason).toContain("cham-dong-11-2026.csv");

    // The same check again, then a change meanwhile: the commit is refused and stores nothing.
    const again = await upload(postCheck, withCommune.replace("250.000.000", "260.000.000"));
    expect(again.status).toBe(200);
    const entry = await saveEmployerMonthAction("46", {
      taxCode: "0100112437",
      name: "Công ty Chưa Công Bố",
      address: "1 Lê Lợi, Huế",
      communeCode: "19789",
      year: 2026,
      month: 11,
      monthsLate: 7,
      amountLate: 255_000_000,
      version: 1,
      employerVersion: 1,
    });
    expect(entry).toMatchObject({ ok: true, data: { version: 2 } });
    const mid = await stored();
    expect((await upload(postCommit, withCommune.replace("250.000.000", "260.000.000"), { token: again.body.token })).status).toBe(409);
    expect(await stored()).toBe(mid);
    // A stale version through the form: 409, nothing written.
    const stale = await saveEmployerMonthAction("46", {
      taxCode: "0100112437",
      name: "X",
      year: 2026,
      month: 11,
      monthsLate: 1,
      amountLate: 1,
      version: 1,
      employerVersion: 1,
    });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    expect(await stored()).toBe(mid);

    // Another city's staff and a commune officer cannot import into Huế.
    for (const who of ["bhxh.haiphong", "lanhdao.hue", "xa.kimthanh"]) {
      await as(who);
      expect((await upload(postCheck, withCommune)).status, who).toBe(403);
    }
    await as("bhxh.hue");
    const template = await getTemplateCsv(new Request("http://localhost/x?year=2026&month=11"), p({ code: "46" }));
    expect(template.status).toBe(200);
    expect(await template.text()).toContain("0100112437;Công ty Chưa Công Bố");
  });

  it("publishes by city staff only, and serves the latest published list: published fields only, frozen", async () => {
    // Before October is published: September's list (4), not October's, not November's.
    const sept = await publicCsv("46");
    expect(sept.status).toBe(200);
    expect(sept.type).toBe("text/csv; charset=utf-8");
    expect(sept.text.startsWith("\uFEFFTên đơn vị;Mã số thuế;Địa chỉ;Số tháng chậm đóng;Số tiền chậm đóng (đồng)\r\n")).toBe(true);
    expect(sept.text.trim().split("\r\n")).toHaveLength(5);
    expect(sept.text).not.toContain("Công ty Chưa Công Bố");

    for (const who of ["lanhdao.hue", "bhxh.haiphong", "xa.kimthanh", "lanhdao.quocgia"]) {
      await as(who);
      expect((await publish("46", { year: 2026, month: 10, minMonthsLate: 3, version: 0 })).status, who).toBe(403);
    }
    await as("bhxh.hue");
    expect((await publish("46", { year: 2026, month: 12, version: 0 })).status).toBe(422);
    expect((await publish("46", { year: 2025, month: 12, version: 0 })).status).toBe(422); // no data that month
    expect((await publish("46", { year: 2026, month: 10, minMonthsLate: 0, version: 0 })).status).toBe(422);
    expect((await publish("46", { year: 2026, month: 10 })).status).toBe(422); // no version
    const done = await publish("46", { year: 2026, month: 10, minMonthsLate: 3, version: 0 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ year: 2026, month: 10, count: 5, version: 1 });
    expect((await publish("46", { year: 2026, month: 10, version: 0 })).status).toBe(409);

    const oct = await register("46", "year=2026&month=10");
    const first = oct.body.employers[0];
    const lines = (await publicCsv("46")).text.trim().split("\r\n");
    expect(lines).toHaveLength(6);
    const cells = lines[1].split(";");
    expect(cells).toEqual([first.name, first.taxCode, expect.any(String), String(first.monthsLate), String(first.amountLate)]);
    // Later edits do not change what was published.
    const saved = await saveEmployerMonthAction("46", {
      taxCode: first.taxCode,
      name: "Tên Đã Đổi Sau Công Bố",
      address: first.address,
      communeCode: first.commune?.code ?? null,
      year: 2026,
      month: 10,
      monthsLate: first.monthsLate,
      amountLate: 1,
      version: first.version,
      employerVersion: first.employerVersion,
    });
    expect(saved.ok).toBe(true);
    const after = await publishedLatePayers(db.prisma, "46");
    expect(after).toMatchObject({ year: 2026, month: 10, asAt: "31/10/2026", minMonthsLate: 3 });
    expect(after!.entries[0]).toEqual({
      name: first.name,
      taxCode: first.taxCode,
      address: first.address,
      monthsLate: first.monthsLate,
      amountLate: first.amountLate,
    });
    const text = (await publicCsv("46")).text;
    expect(text).not.toContain("Tên Đã Đổi Sau Công Bố");
    expect(text).not.toContain("Công ty Chưa Công Bố"); // November: recorded, never published
    // No commune column, no field beyond the five published.
    for (const e of after!.entries) expect(Object.keys(e).sort()).toEqual(["address", "amountLate", "monthsLate", "name", "taxCode"]);

    // Each province its own list.
    await as("bhxh.haiphong");
    const hp = await saveEmployerMonthAction("31", {
      taxCode: "0100109106",
      name: "Công ty Hải Phòng Chậm Đóng",
      address: "1 Lạch Tray",
      communeCode: null,
      year: 2026,
      month: 10,
      monthsLate: 4,
      amountLate: 10_000_000,
      version: 0,
      employerVersion: 0,
    });
    expect(hp.ok, JSON.stringify(hp)).toBe(true);
    expect((await publish("31", { year: 2026, month: 10, version: 0 })).status).toBe(200);
    expect((await publicCsv("31")).text).toContain("Công ty Hải Phòng Chậm Đóng");
    expect((await publicCsv("46")).text).not.toContain("Công ty Hải Phòng Chậm Đóng");

    // Unknown province, or nothing published: 404.
    for (const code of ["99", "01", "abc", "10804", "46x"]) {
      expect((await publicCsv(code)).status, code).toBe(404);
      expect(await publishedLatePayers(db.prisma, code), code).toBeNull();
    }
  });
});
