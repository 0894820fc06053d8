// Account management by administrators (lib/users/manage.ts and its server actions), on PGlite and,
// when TEST_DATABASE_URL is set, on PostgreSQL, against the demo data: only ADMIN may list, create,
// change or reset (403 otherwise, nothing written); creating records the administrator as actor;
// role ↔ unit-level rules (422 for a mismatch), no self-demotion or self-deactivation; a deactivated
// account cannot sign in until reactivated; a password reset works, lifts the sign-in slow-down and
// leaves no password in the audit trail; search and pages of the list.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { DEMO_PASSWORD } from "@/lib/demo/accounts";
import { authenticate } from "@/lib/auth/authenticate";
import { ServiceError } from "@/lib/figures/errors";
import type { Actor } from "@/lib/figures/service";
import { createUserAsAdmin, listUsers, resetPassword, updateUser, USER_MSG, USERS_PAGE_SIZE } from "@/lib/users/manage";

// The server actions read the session and the app's database: point both at the test's.
const state = vi.hoisted(() => ({ user: null as null | (Actor & { username: string }), prisma: null as unknown }));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => state.user, requireUser: async () => state.user }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => state.prisma,
  readPrisma: async () => state.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const USERNAMES = ["admin", "lanhdao.quocgia", "bhxh.haiphong", "lanhdao.haiphong", "xa.kimthanh", "xa.nguyenluongbang", "bhxh.hue"] as const;
type Username = (typeof USERNAMES)[number];
const NON_ADMINS = USERNAMES.filter((u) => u !== "admin");

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused with a ServiceError");
}

describe.each(dbKinds)("account management by administrators on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor & { username: string }>;
  const unitId = {} as Record<"VN" | "31" | "10804" | "46", { id: number; tenantId: number | null }>;

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    const users = await db.prisma.user.findMany({ select: { id: true, username: true, role: true, tenantId: true, unitId: true } });
    for (const u of users) actors[u.username as Username] = { id: u.id, username: u.username, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
    expect(Object.keys(actors).sort()).toEqual([...USERNAMES].sort());
    for (const code of ["VN", "31", "10804", "46"] as const) {
      const u = await db.prisma.unit.findFirstOrThrow({ where: { code, validTo: null }, select: { id: true, tenantId: true } });
      unitId[code] = u;
    }
  });

  afterAll(async () => {
    await db?.destroy();
  });

  /** Everything these services may write, to show that a refusal wrote nothing. */
  const snapshot = async () => ({
    users: await db.prisma.user.findMany({ orderBy: { id: "asc" } }),
    audit: await db.prisma.auditEntry.count(),
    throttle: await db.prisma.loginThrottle.findMany({ orderBy: { key: "asc" } }),
  });

  const entriesOf = (username: string) =>
    db.prisma.auditEntry.findMany({ where: { entityId: username, entity: { in: ["user", "role"] } }, orderBy: { id: "asc" } });

  // -------------------------------------------------------------------------------------------

  it("refuses every function to non-administrators (403, Vietnamese message) and writes nothing", async () => {
    // A sign-in slow-down row, which a reset would clear.
    await authenticate(db.prisma, { username: "xa.kimthanh", password: "sai-mat-khau" });
    const before = await snapshot();
    expect(before.throttle).toHaveLength(3); // the (username, address) pair, the address, the username
    for (const who of NON_ADMINS) {
      const actor = actors[who];
      const calls = [
        listUsers(db.prisma, actor, {}),
        createUserAsAdmin(db.prisma, actor, {
          username: "khong.duoc.tao",
          fullName: "Không Được",
          role: "COMMUNE_OFFICER",
          unitCode: "10804",
          password: "mat-khau-du-dai",
        }),
        updateUser(db.prisma, actor, "xa.kimthanh", { fullName: "Tên Mới", active: false }),
        updateUser(db.prisma, actor, who, { role: "ADMIN" }),
        resetPassword(db.prisma, actor, "xa.kimthanh", "mat-khau-moi-123"),
      ];
      for (const call of calls) {
        const e = await failure(call);
        expect(e.status).toBe(403);
        expect(e.message).toBe(USER_MSG.forbidden);
      }
    }
    expect(await snapshot()).toEqual(before);
    await db.prisma.loginThrottle.deleteMany({});
  });

  it("lets the administrator create an account, recorded with the administrator as actor", async () => {
    const admin = actors.admin;
    const created = await createUserAsAdmin(db.prisma, admin, {
      username: " Can.Bo.Moi ",
      fullName: "Trần Văn Mới",
      role: "COMMUNE_OFFICER",
      unitCode: "10804",
      password: "mat-khau-ban-dau",
    });
    expect(created).toMatchObject({
      username: "can.bo.moi",
      fullName: "Trần Văn Mới",
      role: "COMMUNE_OFFICER",
      active: true,
      unit: { code: "10804", level: "COMMUNE" },
    });
    const row = await db.prisma.user.findUniqueOrThrow({ where: { username: "can.bo.moi" } });
    expect(row).toMatchObject({ unitId: unitId["10804"].id, tenantId: unitId["31"].id });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const entries = await entriesOf("can.bo.moi");
    expect(entries.map((e) => [e.entity, e.field, e.oldValue, e.newValue, e.actorId, e.reason])).toEqual([
      ["user", "fullName", null, "Trần Văn Mới", admin.id, "Tạo tài khoản"],
      ["role", "role", null, "COMMUNE_OFFICER", admin.id, "Tạo tài khoản"],
    ]);
    expect((await authenticate(db.prisma, { username: "can.bo.moi", password: "mat-khau-ban-dau" })).ok).toBe(true);

    // An administrator account: no unit, no tenant.
    const second = await createUserAsAdmin(db.prisma, admin, {
      username: "quantri.hai",
      fullName: "Quản trị thứ hai",
      role: "ADMIN",
      unitCode: "",
      password: "0123456789ab",
    });
    expect(second).toMatchObject({ role: "ADMIN", unit: null });
  });

  it.each([
    [
      { username: "x", fullName: "Tên Người", role: "COMMUNE_OFFICER", unitCode: "10804", password: "mot-hai-ba-bon-nam-2026" },
      "username",
      /Tên đăng nhập gồm/,
    ],
    [
      { username: "can.bo.moi", fullName: "Tên Người", role: "COMMUNE_OFFICER", unitCode: "10804", password: "mot-hai-ba-bon-nam-2026" },
      "username",
      /đã có người dùng/,
    ],
    [{ username: "nguoi.moi", fullName: "T", role: "COMMUNE_OFFICER", unitCode: "10804", password: "mot-hai-ba-bon-nam-2026" }, "fullName", /ít nhất 2 ký tự/],
    [{ username: "nguoi.moi", fullName: "Tên Người", role: "BOSS", unitCode: "10804", password: "mot-hai-ba-bon-nam-2026" }, "role", /Vai trò không hợp lệ/],
    [{ username: "nguoi.moi", fullName: "Tên Người", role: "CITY_STAFF", unitCode: "", password: "mot-hai-ba-bon-nam-2026" }, "unitCode", /cần mã đơn vị/],
    [{ username: "nguoi.moi", fullName: "Tên Người", role: "CITY_STAFF", unitCode: "10804", password: "mot-hai-ba-bon-nam-2026" }, "unitCode", /cấp tỉnh/],
    [
      { username: "nguoi.moi", fullName: "Tên Người", role: "COMMUNE_OFFICER", unitCode: "99999", password: "mot-hai-ba-bon-nam-2026" },
      "unitCode",
      /Không có đơn vị đang hoạt động/,
    ],
    [{ username: "nguoi.moi", fullName: "Tên Người", role: "ADMIN", unitCode: "31", password: "mot-hai-ba-bon-nam-2026" }, "unitCode", /không gắn với đơn vị/],
    [{ username: "nguoi.moi", fullName: "Tên Người", role: "ADMIN", password: "short" }, "password", /ít nhất 12 ký tự/],
  ])("refuses to create %o: 422 with the message on %s, nothing written", async (input, path, message) => {
    const before = await snapshot();
    const e = await failure(createUserAsAdmin(db.prisma, actors.admin, input));
    expect(e.status).toBe(422);
    const issue = e.issues.find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("changes a role with a matching unit (audited old → new, tenant from the unit)", async () => {
    const admin = actors.admin;
    const r = await updateUser(db.prisma, admin, "can.bo.moi", { role: "CITY_STAFF", unitCode: "31", fullName: "Trần Văn Mới" });
    expect(r.changed).toEqual(["role", "unit"]);
    expect(r.user).toMatchObject({ role: "CITY_STAFF", unit: { code: "31", level: "PROVINCE" } });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { username: "can.bo.moi" } })).toMatchObject({
      role: "CITY_STAFF",
      unitId: unitId["31"].id,
      tenantId: unitId["31"].id,
    });
    let entries = (await entriesOf("can.bo.moi")).slice(2);
    expect(entries.map((e) => [e.entity, e.field, e.oldValue, e.newValue, e.actorId])).toEqual([
      ["role", "role", "COMMUNE_OFFICER", "CITY_STAFF", admin.id],
      ["user", "unit", "10804", "31", admin.id],
    ]);
    expect(entries.every((e) => e.unitId === unitId["31"].id && e.tenantId === unitId["31"].id)).toBe(true);

    // National leader → VN: no tenant. The full name changes too (lower-case role spelling accepted).
    const n = await updateUser(db.prisma, admin, "CAN.BO.MOI", { role: "national-leader", unitCode: "vn", fullName: "Trần Văn Mới (BHXH VN)" });
    expect(n.changed).toEqual(["fullName", "role", "unit"]);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { username: "can.bo.moi" } })).toMatchObject({
      role: "NATIONAL_LEADER",
      unitId: unitId.VN.id,
      tenantId: null,
      fullName: "Trần Văn Mới (BHXH VN)",
    });
    entries = (await entriesOf("can.bo.moi")).slice(4);
    expect(entries.map((e) => [e.entity, e.field, e.oldValue, e.newValue])).toEqual([
      ["user", "fullName", "Trần Văn Mới", "Trần Văn Mới (BHXH VN)"],
      ["role", "role", "CITY_STAFF", "NATIONAL_LEADER"],
      ["user", "unit", "31", "VN"],
    ]);

    // Becoming an administrator drops the unit (audited), and back to a commune officer.
    const a = await updateUser(db.prisma, admin, "can.bo.moi", { role: "ADMIN" });
    expect(a.changed).toEqual(["role", "unit"]);
    expect(await db.prisma.user.findUniqueOrThrow({ where: { username: "can.bo.moi" } })).toMatchObject({ role: "ADMIN", unitId: null, tenantId: null });
    const c = await updateUser(db.prisma, admin, "can.bo.moi", { role: "COMMUNE_OFFICER", unitCode: "10804" });
    expect(c.user).toMatchObject({ role: "COMMUNE_OFFICER", unit: { code: "10804" } });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { username: "can.bo.moi" } })).toMatchObject({
      unitId: unitId["10804"].id,
      tenantId: unitId["31"].id,
    });
    entries = (await entriesOf("can.bo.moi")).slice(7);
    expect(entries.map((e) => [e.entity, e.field, e.oldValue, e.newValue])).toEqual([
      ["role", "role", "NATIONAL_LEADER", "ADMIN"],
      ["user", "unit", "VN", null],
      ["role", "role", "ADMIN", "COMMUNE_OFFICER"],
      ["user", "unit", null, "10804"],
    ]);

    // Saving the same values again changes nothing and writes nothing.
    const count = await db.prisma.auditEntry.count();
    const same = await updateUser(db.prisma, admin, "can.bo.moi", {
      fullName: "Trần Văn Mới (BHXH VN)",
      role: "COMMUNE_OFFICER",
      unitCode: "10804",
      active: true,
    });
    expect(same.changed).toEqual([]);
    expect(await db.prisma.auditEntry.count()).toBe(count);
  });

  it.each([
    ["a city leader on a commune", "can.bo.moi", { role: "CITY_LEADER", unitCode: "10804" }, "unitCode", /cấp tỉnh/],
    ["a new role that does not fit the kept unit", "can.bo.moi", { role: "CITY_STAFF" }, "unitCode", /cấp tỉnh/],
    ["a commune officer on a province", "xa.kimthanh", { unitCode: "46" }, "unitCode", /cấp xã/],
    ["a national leader on a province", "lanhdao.quocgia", { unitCode: "31" }, "unitCode", /cấp quốc gia/],
    ["an officer without a unit", "xa.kimthanh", { unitCode: "" }, "unitCode", /cần mã đơn vị/],
    ["an administrator with a unit", "quantri.hai", { unitCode: "31" }, "unitCode", /không gắn với đơn vị/],
    ["an unknown unit", "bhxh.hue", { unitCode: "99" }, "unitCode", /Không có đơn vị đang hoạt động/],
    ["a bad role", "bhxh.hue", { role: "SUPERUSER" }, "role", /Vai trò không hợp lệ/],
    ["a too short name", "bhxh.hue", { fullName: " A " }, "fullName", /ít nhất 2 ký tự/],
    ["a non-boolean active", "bhxh.hue", { active: "no" }, "active", /có hoặc không/],
    ["self-deactivation", "admin", { active: false }, "active", /tự khóa/],
    ["self-demotion", "admin", { role: "CITY_STAFF", unitCode: "31" }, "role", /tự bỏ quyền quản trị/],
  ])("refuses %s (422, message on the field), nothing written", async (_label, username, input, path, message) => {
    const before = await snapshot();
    const e = await failure(updateUser(db.prisma, actors.admin, username, input));
    expect(e.status).toBe(422);
    expect(e.issues.find((i) => i.path === path)?.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("says clearly why an administrator cannot lock or demote themself, and lets them rename themself", async () => {
    expect((await failure(updateUser(db.prisma, actors.admin, "admin", { active: false }))).issues[0].message).toBe(USER_MSG.selfDeactivate);
    expect((await failure(updateUser(db.prisma, actors.admin, "admin", { role: "CITY_LEADER", unitCode: "31" }))).issues[0].message).toBe(USER_MSG.selfDemote);
    const r = await updateUser(db.prisma, actors.admin, "admin", { fullName: "Quản trị hệ thống (chính)", role: "ADMIN", unitCode: "", active: true });
    expect(r.changed).toEqual(["fullName"]);
    // Another administrator may lock this one, though.
    const other = await db.prisma.user.findUniqueOrThrow({ where: { username: "quantri.hai" } });
    const o = await updateUser(db.prisma, { id: other.id, role: "ADMIN", tenantId: null, unitId: null }, "admin", { fullName: "Quản trị hệ thống" });
    expect(o.changed).toEqual(["fullName"]);
    expect((await entriesOf("admin")).at(-1)).toMatchObject({ actorId: other.id, oldValue: "Quản trị hệ thống (chính)", newValue: "Quản trị hệ thống" });
  });

  it("404s an unknown account", async () => {
    expect((await failure(updateUser(db.prisma, actors.admin, "khong.co.ai", { fullName: "Ai Đó" }))).status).toBe(404);
    expect((await failure(resetPassword(db.prisma, actors.admin, "khong.co.ai", "0123456789ab"))).status).toBe(404);
  });

  it("deactivates a demo account (it cannot sign in), then reactivates it", async () => {
    const admin = actors.admin;
    expect((await authenticate(db.prisma, { username: "xa.kimthanh", password: DEMO_PASSWORD })).ok).toBe(true);
    const off = await updateUser(db.prisma, admin, "xa.kimthanh", { active: false });
    expect(off).toMatchObject({ changed: ["active"], user: { active: false, unit: { code: "10804" } } });
    expect(await authenticate(db.prisma, { username: "xa.kimthanh", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "locked" });
    // Still listed, as locked.
    const listed = await listUsers(db.prisma, admin, { q: "xa.kimthanh" });
    expect(listed.items.map((i) => [i.username, i.active])).toEqual([["xa.kimthanh", false]]);

    const svOff = (await db.prisma.user.findUniqueOrThrow({ where: { username: "xa.kimthanh" } })).sessionVersion;
    const on = await updateUser(db.prisma, admin, "xa.kimthanh", { active: true });
    expect(on.changed).toEqual(["active"]);
    // Re-activation does not revive the sessions signed in before the lock: each change raised the version.
    expect((await db.prisma.user.findUniqueOrThrow({ where: { username: "xa.kimthanh" } })).sessionVersion).toBe(svOff + 1);
    expect((await authenticate(db.prisma, { username: "xa.kimthanh", password: DEMO_PASSWORD })).ok).toBe(true);

    const entries = (await entriesOf("xa.kimthanh")).filter((e) => e.field === "active");
    expect(entries.map((e) => [e.entity, e.oldValue, e.newValue, e.actorId, e.reason, e.unitId, e.tenantId])).toEqual([
      ["user", "true", "false", admin.id, "Khóa tài khoản", unitId["10804"].id, unitId["31"].id],
      ["user", "false", "true", admin.id, "Mở lại tài khoản", unitId["10804"].id, unitId["31"].id],
    ]);
  });

  it("resets a password: the new one signs in, the old one does not, the slow-down is lifted, no values audited", async () => {
    const admin = actors.admin;
    const NEW = "mat-khau-moi-cua-hue-2026";
    // Three failures lock the username for a while.
    for (let i = 0; i < 3; i++) await authenticate(db.prisma, { username: "bhxh.hue", password: "doan-sai" });
    expect(await db.prisma.loginThrottle.findFirst({ where: { key: { startsWith: "u:bhxh.hue" } } })).not.toBeNull();

    const before = await snapshot();
    const short = await failure(resetPassword(db.prisma, admin, "bhxh.hue", "ngan"));
    expect(short.status).toBe(422);
    expect(short.issues).toEqual([{ path: "password", message: "Mật khẩu phải có ít nhất 12 ký tự." }]);
    expect(await snapshot()).toEqual(before);

    const sv = (await db.prisma.user.findUniqueOrThrow({ where: { username: "bhxh.hue" } })).sessionVersion;
    expect(await resetPassword(db.prisma, admin, " BHXH.HUE ", NEW)).toEqual({ username: "bhxh.hue" });
    // The sessions signed in with the old password end.
    expect((await db.prisma.user.findUniqueOrThrow({ where: { username: "bhxh.hue" } })).sessionVersion).toBe(sv + 1);
    expect(await db.prisma.loginThrottle.findFirst({ where: { key: { startsWith: "u:bhxh.hue" } } })).toBeNull();
    const row = await db.prisma.user.findUniqueOrThrow({ where: { username: "bhxh.hue" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await authenticate(db.prisma, { username: "bhxh.hue", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    expect((await authenticate(db.prisma, { username: "bhxh.hue", password: NEW })).ok).toBe(true);

    const entries = (await entriesOf("bhxh.hue")).filter((e) => e.field === "password");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      entity: "user",
      oldValue: null,
      newValue: null,
      reason: "Đặt lại mật khẩu",
      actorId: admin.id,
      unitId: row.unitId,
      tenantId: row.tenantId,
    });
    // Neither the password nor its hash is anywhere in the audit trail.
    const leaks = await db.prisma.auditEntry.count({
      where: {
        OR: [NEW, row.passwordHash, DEMO_PASSWORD].flatMap((s) => [{ oldValue: { contains: s } }, { newValue: { contains: s } }, { reason: { contains: s } }]),
      },
    });
    expect(leaks).toBe(0);
  });

  it("lists accounts: unit, search by username, full name and unit code, role filter, pages of 50", async () => {
    const admin = actors.admin;
    const all = await listUsers(db.prisma, admin);
    const total = await db.prisma.user.count();
    expect(all).toMatchObject({ page: 1, size: USERS_PAGE_SIZE, total, pages: 1, query: { q: null, role: null } });
    expect(all.items.map((i) => i.username)).toEqual([...all.items.map((i) => i.username)].sort());
    const kt = all.items.find((i) => i.username === "xa.kimthanh");
    expect(kt).toMatchObject({ fullName: "Cán bộ VH-XH xã Kim Thành", role: "COMMUNE_OFFICER", active: true, unit: { code: "10804", level: "COMMUNE" } });
    expect(new Date(kt!.createdAt).getTime()).not.toBeNaN();
    expect(all.items.find((i) => i.username === "admin")?.unit).toBeNull();

    // By unit code: exactly that unit's accounts.
    const byUnit = await listUsers(db.prisma, admin, { q: "31" });
    expect(byUnit.items.map((i) => i.username).sort()).toEqual(["bhxh.haiphong", "lanhdao.haiphong"]);
    // By full name, case-insensitive; by part of a username.
    expect((await listUsers(db.prisma, admin, { q: "kim thành" })).items.map((i) => i.username)).toEqual(["xa.kimthanh"]);
    expect((await listUsers(db.prisma, admin, { q: "HAIPHONG" })).items.map((i) => i.username)).toEqual(["bhxh.haiphong", "lanhdao.haiphong"]);
    // By role, and both.
    const leaders = await listUsers(db.prisma, admin, { role: "CITY_LEADER", q: "", page: "" });
    expect(leaders.items.map((i) => i.username)).toEqual(["lanhdao.haiphong"]);
    expect(leaders.query).toEqual({ q: null, role: "CITY_LEADER" });
    expect((await listUsers(db.prisma, admin, { role: "city-staff", q: "hue" })).items.map((i) => i.username)).toEqual(["bhxh.hue"]);
    expect((await listUsers(db.prisma, admin, { q: "không-ai-có-tên-này" })).total).toBe(0);

    // 57 more accounts: two pages of a search.
    await db.prisma.user.createMany({
      data: Array.from({ length: 57 }, (_, n) => ({
        username: `kiemtra.trang.${String(n).padStart(2, "0")}`,
        fullName: `Người Kiểm Tra ${n}`,
        role: "COMMUNE_OFFICER" as const,
        unitId: unitId["10804"].id,
        tenantId: unitId["31"].id,
        passwordHash: "x",
      })),
    });
    const p1 = await listUsers(db.prisma, admin, { q: "kiemtra.trang" });
    expect(p1).toMatchObject({ page: 1, total: 57, pages: 2 });
    expect(p1.items).toHaveLength(50);
    expect(p1.items[0].username).toBe("kiemtra.trang.00");
    const p2 = await listUsers(db.prisma, admin, { q: "kiemtra.trang", page: "2" });
    expect(p2).toMatchObject({ page: 2, total: 57, pages: 2 });
    expect(p2.items.map((i) => i.username)).toEqual([
      "kiemtra.trang.50",
      "kiemtra.trang.51",
      "kiemtra.trang.52",
      "kiemtra.trang.53",
      "kiemtra.trang.54",
      "kiemtra.trang.55",
      "kiemtra.trang.56",
    ]);
    expect((await listUsers(db.prisma, admin, { q: "10804" })).total).toBe(57 + 2); // xa.kimthanh and can.bo.moi
    expect((await listUsers(db.prisma, admin, {})).pages).toBe(2);

    // Bad conditions: 422 with a Vietnamese message per field.
    const bad = await failure(listUsers(db.prisma, admin, { page: "0", role: "BOSS", q: "x".repeat(101) }));
    expect(bad.status).toBe(422);
    expect(bad.issues.map((i) => i.path).sort()).toEqual(["page", "q", "role"]);
    expect(bad.issues.find((i) => i.path === "page")?.message).toMatch(/Trang phải từ 1/);
  });

  it("serves the same through the server actions (session's user as actor; signed-out and non-admins refused)", async () => {
    const actions = await import("@/lib/actions/users");
    state.prisma = db.prisma;
    const input = { username: "qua.action", fullName: "Tạo Qua Action", role: "CITY_LEADER", unitCode: "46", password: "mat-khau-tao-moi-1" };

    state.user = null;
    expect(await actions.createUserAction(input)).toMatchObject({ ok: false, error: "Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn." });
    state.user = actors["bhxh.haiphong"];
    expect(await actions.createUserAction(input)).toMatchObject({ ok: false, error: USER_MSG.forbidden, issues: [], status: 403 });
    expect(await actions.updateUserAction("xa.kimthanh", { active: false })).toMatchObject({ ok: false, error: USER_MSG.forbidden, issues: [], status: 403 });
    expect(await actions.resetPasswordAction("xa.kimthanh", "0123456789ab")).toMatchObject({ ok: false, error: USER_MSG.forbidden, issues: [], status: 403 });
    expect(await db.prisma.user.findUnique({ where: { username: "qua.action" } })).toBeNull();

    state.user = actors.admin;
    const created = await actions.createUserAction(input);
    expect(created).toMatchObject({ ok: true, data: { username: "qua.action", role: "CITY_LEADER", unit: { code: "46" } } });
    const refused = await actions.updateUserAction("qua.action", { role: "COMMUNE_OFFICER" });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues[0]).toMatchObject({ path: "unitCode" });
    expect(await actions.updateUserAction("qua.action", { active: false })).toMatchObject({ ok: true, data: { changed: ["active"], user: { active: false } } });
    expect(await actions.resetPasswordAction("qua.action", "mat-khau-tao-moi-2")).toEqual({ ok: true, data: { username: "qua.action" } });
    const entries = await entriesOf("qua.action");
    expect(entries.map((e) => [e.field, e.actorId])).toEqual([
      ["fullName", actors.admin.id],
      ["role", actors.admin.id],
      ["active", actors.admin.id],
      ["password", actors.admin.id],
    ]);
  });
});
