import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    const u = await createUser(db.prisma, { username: "quantri", fullName: "Quản trị", role: "admin", password: "0123456789" });
    expect(u).toMatchObject({ role: "ADMIN", unitId: null, tenantId: null });
  });

  it.each([
    [{ username: "x", fullName: "Tên", role: "admin", password: "0123456789" }, /Tên đăng nhập/],
    [{ username: "abc.def", fullName: "Tên Người", role: "boss", password: "0123456789" }, /Vai trò phải là/],
    [{ username: "abc.def", fullName: "Tên Người", role: "city-staff", password: "0123456789" }, /cần mã đơn vị/],
    [{ username: "abc.def", fullName: "Tên Người", role: "city-staff", unitCode: "10804", password: "0123456789" }, /cấp tỉnh/],
    [{ username: "abc.def", fullName: "Tên Người", role: "city-staff", unitCode: "99999", password: "0123456789" }, /Không có đơn vị/],
    [{ username: "abc.def", fullName: "Tên Người", role: "admin", password: "short" }, /ít nhất 10 ký tự/],
    [{ username: "quantri", fullName: "Tên Người", role: "admin", password: "0123456789" }, /đã có người dùng/],
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
    const right = await authenticate(db.prisma, { username: "quantri", password: "0123456789" });
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
    // Once the lock has passed, the right password works and the counter resets.
    await db.prisma.loginThrottle.update({ where: { username: "quantri" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await authenticate(db.prisma, { username: "quantri", password: "0123456789" })).ok).toBe(true);
    expect(await db.prisma.loginThrottle.findUnique({ where: { username: "quantri" } })).toBeNull();
  });

  it("treats unknown users and malformed input as a wrong password", async () => {
    expect(await authenticate(db.prisma, { username: "khong.ton.tai", password: "x" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db.prisma, { username: "", password: "" })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate(db.prisma, null)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account", async () => {
    await db.prisma.user.update({ where: { username: "can.bo.kimthanh" }, data: { active: false } });
    expect(await authenticate(db.prisma, { username: "can.bo.kimthanh", password: "mat-khau-rat-dai" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
