import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pairKey, USERNAME_LOCK_FAILURES } from "@/lib/auth/throttle";
import { dbKinds, migratedDatabase, type TestDatabase } from "../helpers/db";
import { authenticate } from "@/lib/auth/authenticate";
import { createUser, UserInputError } from "@/lib/users/create-user";

describe.each(dbKinds)("accounts and sign-in on %s", (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await migratedDatabase(kind);
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("creates an officer bound to a commune, with its province as tenant", async () => {
    const u = await createUser(db.prisma, {
      username: "Can.Bo.KimThanh",
      fullName: "Nguyễn Thị Hoa",
      role: "commune-officer",
      unitCode: "10804",
      password: "mat-khau-rat-dai",
    });
    expect(u.username).toBe("can.bo.kimthanh");
    const unit = await db.prisma.unit.findUniqueOrThrow({ where: { id: u.unitId! } });
    expect(unit.code).toBe("10804");
    const province = await db.prisma.unit.findUniqueOrThrow({ where: { id: u.tenantId! } });
    expect(province.code).toBe("31");
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    // The new account and its role are in the audit trail.
    const entries = await db.prisma.auditEntry.findMany({ where: { entityId: "can.bo.kimthanh" } });
    expect(entries.map((e) => [e.entity, e.field, e.newValue])).toEqual(
      expect.arrayContaining([
        ["user", "fullName", "Nguyễn Thị Hoa"],
        ["role", "role", "COMMUNE_OFFICER"],
      ]),
    );
  });

  it("creates the first administrator without a unit", async () => {
    const u = await createUser(db.prisma, { username: "quantri", fullName: "Quản trị", role: "admin", password: "mot-hai-ba-bon-nam-2026" });
    expect(u).toMatchObject({ role: "ADMIN", unitId: null, tenantId: null });
  });

  it.each([
    [{ username: "x", fullName: "Tên", role: "admin", password: "mot-hai-ba-bon-nam-2026" }, /Tên đăng nhập/],
    [{ username: "abc.def", fullName: "Tên Người", role: "boss", password: "mot-hai-ba-bon-nam-2026" }, /Vai trò phải là/],
    [{ username: "abc.def", fullName: "Tên Người", role: "city-staff", password: "mot-hai-ba-bon-nam-2026" }, /cần mã đơn vị/],
    [{ username: "abc.def", fullName: "Tên Người", role: "city-staff", unitCode: "10804", password: "mot-hai-ba-bon-nam-2026" }, /cấp tỉnh/],
    [{ username: "abc.def", fullName: "Tên Người", role: "city-staff", unitCode: "99999", password: "mot-hai-ba-bon-nam-2026" }, /Không có đơn vị/],
    [{ username: "abc.def", fullName: "Tên Người", role: "admin", password: "short" }, /ít nhất 12 ký tự/],
    [{ username: "quantri", fullName: "Tên Người", role: "admin", password: "mot-hai-ba-bon-nam-2026" }, /đã có người dùng/],
  ])("refuses bad input %o with a Vietnamese message and writes nothing", async (input, message) => {
    const before = await db.prisma.user.count();
    await expect(createUser(db.prisma, input)).rejects.toThrow(UserInputError);
    await expect(createUser(db.prisma, input)).rejects.toThrow(message);
    expect(await db.prisma.user.count()).toBe(before);
  });

  it("signs in with the right password, case-insensitive username", async () => {
    const r = await authenticate(db.prisma, { username: " CAN.BO.KIMTHANH ", password: "mat-khau-rat-dai" });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.user.role).toBe("COMMUNE_OFFICER");
  });

  it("refuses a wrong password, then slows down repeated failures, even with the right password", async () => {
    const wrong = { username: "quantri", password: "sai-mat-khau" };
    expect(await authenticate(db.prisma, wrong)).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db.prisma, wrong)).toEqual({ ok: false, reason: "invalid" });
    const third = await authenticate(db.prisma, wrong);
    expect(third).toMatchObject({ ok: false, reason: "throttled" });
    // Locked: even the right password is refused until the delay has passed.
    const right = await authenticate(db.prisma, { username: "quantri", password: "mot-hai-ba-bon-nam-2026" });
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
    // Once the lock has passed, the right password works and the counter resets.
    await db.prisma.loginThrottle.updateMany({ where: { key: { startsWith: "u:quantri" } }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await authenticate(db.prisma, { username: "quantri", password: "mot-hai-ba-bon-nam-2026" })).ok).toBe(true);
    expect(await db.prisma.loginThrottle.findUnique({ where: { key: pairKey("quantri", "unknown") } })).toBeNull();
  });

  it("never lets failures at one address lock the real user out at another; slows a password sprayed over many accounts", async () => {
    const A = "203.0.113.7";
    const B = "198.51.100.20";
    for (let i = 0; i < 5; i++) await authenticate(db.prisma, { username: "quantri", password: "doan-mo" }, { address: A });
    expect(await authenticate(db.prisma, { username: "quantri", password: "mot-hai-ba-bon-nam-2026" }, { address: A })).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect((await authenticate(db.prisma, { username: "quantri", password: "mot-hai-ba-bon-nam-2026" }, { address: B })).ok).toBe(true);
    // One password over many usernames from one address: slowed after 10 failures, whatever the username.
    const C = "192.0.2.99";
    const results = [];
    for (let i = 0; i < 12; i++) results.push(await authenticate(db.prisma, { username: `nguoi.dung.${i}`, password: "123456789" }, { address: C }));
    expect(results.slice(0, 9).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
    // The audit trail has the sign-ins and the failures, with the address.
    const entries = await db.prisma.auditEntry.findMany({ where: { entity: "session", entityId: "quantri" } });
    expect(entries.some((e) => e.field === "sign_in" && e.newValue === B)).toBe(true);
    expect(entries.filter((e) => e.field === "sign_in_failed" && e.newValue === A).length).toBe(3); // then slowed: refused before checking
  });

  it("locks a username only after many failures from several addresses, and tells the administrators", async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: "quantri" } });
    const before = await db.prisma.notification.count({ where: { userId: admin.id, kind: "security" } });
    for (let i = 0; i < USERNAME_LOCK_FAILURES; i++) {
      await authenticate(db.prisma, { username: "can.bo.kimthanh", password: "sai" }, { address: `10.0.0.${i % 4}` });
      // each address is itself slowed: move its locks out of the way to keep guessing
      await db.prisma.loginThrottle.updateMany({ where: { NOT: { key: "u:can.bo.kimthanh" } }, data: { lockedUntil: null } });
    }
    const locked = await authenticate(db.prisma, { username: "can.bo.kimthanh", password: "mat-khau-rat-dai" }, { address: "10.9.9.9" });
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(await db.prisma.notification.count({ where: { userId: admin.id, kind: "security" } })).toBe(before + 1);
    expect(await db.prisma.auditEntry.count({ where: { entity: "session", entityId: "can.bo.kimthanh", field: "locked" } })).toBe(1);
    await db.prisma.loginThrottle.deleteMany({ where: { key: { startsWith: "u:can.bo.kimthanh" } } });
  });

  it("treats unknown users and malformed input as a wrong password", async () => {
    expect(await authenticate(db.prisma, { username: "khong.ton.tai", password: "x" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db.prisma, { username: "", password: "" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db.prisma, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account: with the right password it is told so, with a wrong one nothing is revealed", async () => {
    await db.prisma.user.update({ where: { username: "can.bo.kimthanh" }, data: { active: false } });
    expect(await authenticate(db.prisma, { username: "can.bo.kimthanh", password: "mat-khau-rat-dai" })).toEqual({ ok: false, reason: "locked" });
    expect(await authenticate(db.prisma, { username: "can.bo.kimthanh", password: "sai-mat-khau-nhe" })).toEqual({ ok: false, reason: "invalid" });
  });
});
