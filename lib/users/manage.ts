// Account management for administrators: list and search accounts, create one, change its name,
// role, unit or active state, reset its password. Only ADMIN; every change is written to the audit
// trail (one entry per changed field, the administrator as actor) in the same transaction.
// A deactivated account cannot sign in (authenticate refuses it) and its open sessions stop at once
// (currentUser re-reads `active` on every request).
import { z } from "zod";
import { MIN_PASSWORD_LENGTH, PASSWORD_MSG, passwordProblem } from "../auth/password-policy";
import { clearUsername } from "../auth/throttle";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Role, UnitLevel } from "../generated/prisma/enums";
import { ROLES } from "../auth/permissions";
import { assertCan } from "../auth/scope";
import { hashPassword } from "../auth/password";
import { audit, type AuditInput } from "../audit/audit";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";
import type { Actor } from "../figures/service";
import { createUser, LEVEL_FOR_ROLE, LEVEL_NAMES, UserInputError } from "./create-user";
import viMessages from "../i18n/messages/vi.json";

type Tx = Prisma.TransactionClient | PrismaClient;

export const USERS_PAGE_SIZE = 50;

export const USER_MSG = {
  forbidden: "Chỉ quản trị hệ thống được quản lý tài khoản.",
  notFound: (username: string) => `Không có tài khoản «${username}».`,
  taken: (username: string) => `Tên đăng nhập «${username}» đã có người dùng.`,
  selfDeactivate: "Bạn không thể tự khóa tài khoản của chính mình: hãy nhờ một quản trị viên khác.",
  selfDemote: "Bạn không thể tự bỏ quyền quản trị hệ thống của chính mình: hãy nhờ một quản trị viên khác.",
  adminNoUnit: "Tài khoản quản trị hệ thống không gắn với đơn vị: hãy để trống mã đơn vị.",
  unitRequired: (role: Role) => `Vai trò «${ROLE_NAMES[role]}» cần mã đơn vị, ví dụ ${UNIT_EXAMPLES[role]}.`,
  unitNotActive: (code: string) => `Không có đơn vị đang hoạt động mang mã «${code}».`,
  passwordResetReason: "Đặt lại mật khẩu",
} as const;

// The roles as the accounts pages name them (the messages' list).
const ROLE_NAMES: Record<Role, string> = viMessages.roles;

const UNIT_EXAMPLES: Record<Role, string> = {
  ADMIN: "",
  NATIONAL_LEADER: "VN",
  CITY_STAFF: "31 (Hải Phòng)",
  CITY_LEADER: "31 (Hải Phòng)",
  COMMUNE_OFFICER: "10804 (xã Kim Thành)",
};

// ---------------------------------------------------------------------------------------------
// Validation

/** A form sends "" for a field left empty. */
const blank = (v: unknown) => (v === "" || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

const ROLE_ERROR = "Vai trò không hợp lệ: hãy chọn một vai trò trong danh sách.";
const roleSchema = z
  .string({ error: ROLE_ERROR })
  .trim()
  // Accepts the enum ("CITY_STAFF") and the command line's spelling ("city-staff").
  .transform((v) => v.toUpperCase().replace(/-/g, "_"))
  .pipe(z.enum(ROLES, { error: ROLE_ERROR }));

const usernameSchema = z
  .string({ error: "Thiếu tên đăng nhập." })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.");

const fullNameSchema = z.string({ error: "Thiếu họ tên." }).trim().min(2, "Họ tên phải có ít nhất 2 ký tự.").max(200, "Họ tên quá dài (tối đa 200 ký tự).");

const passwordSchema = z.string({ error: "Thiếu mật khẩu." }).min(MIN_PASSWORD_LENGTH, PASSWORD_MSG.short).max(256, "Mật khẩu quá dài (tối đa 256 ký tự).");

/** "" (or null) is "no unit": only valid for an administrator. */
const unitCodeSchema = z
  .string({ error: "Mã đơn vị phải là một chuỗi." })
  .trim()
  .max(32, "Mã đơn vị quá dài (tối đa 32 ký tự).")
  .regex(/^([A-Za-z0-9][A-Za-z0-9-]{0,31})?$/, "Mã đơn vị chỉ gồm chữ, số và dấu gạch ngang (ví dụ 10804).")
  .transform((v) => (v === "" ? null : v.toUpperCase()));

export const adminNewUserSchema = z
  .object(
    {
      username: usernameSchema,
      fullName: fullNameSchema,
      role: roleSchema,
      unitCode: z.preprocess((v) => (v === undefined || v === null ? "" : v), unitCodeSchema),
      password: passwordSchema,
    },
    { error: "Dữ liệu tài khoản không hợp lệ." },
  )
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.username);
    if (problem && problem !== PASSWORD_MSG.short) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export const userUpdateSchema = z.object(
  {
    fullName: fullNameSchema.optional(),
    role: roleSchema.optional(),
    /** Absent: keep the unit (an administrator has none); "" or null: no unit. */
    unitCode: z.preprocess((v) => (v === null ? "" : v), unitCodeSchema.optional()),
    active: z.boolean({ error: "Trạng thái hoạt động phải là có hoặc không." }).optional(),
  },
  { error: "Dữ liệu tài khoản không hợp lệ." },
);

export const userListQuerySchema = z.object(
  {
    q: z.preprocess(blank, z.string({ error: "Nội dung tìm phải là một chuỗi." }).trim().max(100, "Nội dung tìm quá dài (tối đa 100 ký tự).").optional()),
    role: z.preprocess(blank, roleSchema.optional()),
    page: z.preprocess(
      blank,
      z.coerce
        .number({ error: "Trang phải là một số." })
        .int("Trang phải là số nguyên.")
        .min(1, "Trang phải từ 1 trở lên.")
        .max(100_000, "Trang quá lớn.")
        .optional(),
    ),
  },
  { error: "Điều kiện tìm không hợp lệ." },
);

export type AdminNewUser = z.input<typeof adminNewUserSchema>;
export type UserUpdate = z.input<typeof userUpdateSchema>;
export type UserListQuery = z.input<typeof userListQuerySchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) {
    const issues: ApiIssue[] = r.error.issues.map((i) => ({ path: i.path.join(".") || "input", message: i.message }));
    throw new ServiceError(422, MSG.invalid, issues);
  }
  return r.data;
}

function invalid(path: string, message: string): never {
  throw new ServiceError(422, MSG.invalid, [{ path, message }]);
}

function assertAdmin(actor: Actor): void {
  assertCan(actor, "users.manage");
}

/** The username a caller names (an URL segment, a form): trimmed, lower-case. */
function usernameOf(username: unknown): string {
  return typeof username === "string" ? username.trim().toLowerCase() : "";
}

// ---------------------------------------------------------------------------------------------
// Rows

export interface UserListItem {
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  /** ISO time. */
  createdAt: string;
  unit: { code: string; name: string; level: UnitLevel } | null;
}

export interface UserList {
  query: { q: string | null; role: Role | null };
  page: number;
  size: number;
  total: number;
  pages: number;
  items: UserListItem[];
}

const itemSelect = {
  username: true,
  fullName: true,
  role: true,
  active: true,
  createdAt: true,
  unit: { select: { code: true, name: true, level: true } },
} as const;

type ItemRow = {
  username: string;
  fullName: string;
  role: Role;
  active: boolean;
  createdAt: Date;
  unit: { code: string; name: string; level: UnitLevel } | null;
};

function toItem(u: ItemRow): UserListItem {
  const unit = u.unit ? { code: u.unit.code, name: u.unit.name, level: u.unit.level } : null;
  return { username: u.username, fullName: u.fullName, role: u.role, active: u.active, createdAt: u.createdAt.toISOString(), unit };
}

// ---------------------------------------------------------------------------------------------
// Role ↔ unit

interface UnitRow {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  tenantId: number | null;
}

const unitSelect = { id: true, code: true, name: true, level: true, tenantId: true } as const;

/**
 * The unit an account of this role works for, by the rules of createUser: a national leader → VN,
 * city staff/leader → a province, a commune officer → a commune, an administrator → none. `current`
 * is the account's unit now: keeping it is allowed even if it has since been retired.
 */
async function unitForRole(
  tx: Tx,
  role: Role,
  code: string | null,
  current: UnitRow | null = null,
): Promise<{ unit: UnitRow | null; tenantId: number | null }> {
  if (role === "ADMIN") {
    if (code !== null) invalid("unitCode", USER_MSG.adminNoUnit);
    return { unit: null, tenantId: null };
  }
  if (code === null) invalid("unitCode", USER_MSG.unitRequired(role));
  const unit = current && current.code === code ? current : await tx.unit.findFirst({ where: { code, validTo: null }, select: unitSelect });
  if (!unit) invalid("unitCode", USER_MSG.unitNotActive(code));
  const allowed = LEVEL_FOR_ROLE[role];
  if (!allowed.includes(unit.level)) {
    invalid(
      "unitCode",
      `Vai trò «${ROLE_NAMES[role]}» phải gắn với đơn vị cấp ${allowed.map((l) => LEVEL_NAMES[l]).join("/")}, còn «${unit.name}» là cấp ${LEVEL_NAMES[unit.level]}.`,
    );
  }
  // The tenant is the province: a province is its own tenant, a commune carries its province's id.
  return { unit, tenantId: unit.level === "NATION" ? null : unit.tenantId };
}

// ---------------------------------------------------------------------------------------------
// Services

/** Accounts, searched by username, full name or unit code, 50 a page, by username. */
export async function listUsers(prisma: PrismaClient, actor: Actor, query: unknown = {}): Promise<UserList> {
  assertAdmin(actor);
  const f = parse(userListQuerySchema, query);
  const page = f.page ?? 1;
  const and: Prisma.UserWhereInput[] = [];
  if (f.role) and.push({ role: f.role });
  if (f.q) {
    const c = { contains: f.q, mode: "insensitive" as const };
    and.push({ OR: [{ username: c }, { fullName: c }, { unit: { code: { equals: f.q, mode: "insensitive" } } }] });
  }
  const where: Prisma.UserWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({ where, select: itemSelect, orderBy: { username: "asc" }, skip: (page - 1) * USERS_PAGE_SIZE, take: USERS_PAGE_SIZE }),
  ]);
  return {
    query: { q: f.q || null, role: f.role ?? null },
    page,
    size: USERS_PAGE_SIZE,
    total,
    pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)),
    items: rows.map(toItem),
  };
}

/** Creates an account (createUser's rules and audit entries), with the administrator as the actor. */
export async function createUserAsAdmin(prisma: PrismaClient, actor: Actor, input: unknown): Promise<UserListItem> {
  assertAdmin(actor);
  const v = parse(adminNewUserSchema, input);
  // The same checks createUser makes, first here so that each message names its field.
  if (await prisma.user.findUnique({ where: { username: v.username }, select: { id: true } })) invalid("username", USER_MSG.taken(v.username));
  await unitForRole(prisma, v.role, v.unitCode);
  try {
    await createUser(prisma, { username: v.username, fullName: v.fullName, role: v.role, unitCode: v.unitCode ?? undefined, password: v.password }, actor.id);
  } catch (e) {
    // Someone created the same username (or retired the unit) in between.
    if (e instanceof UserInputError)
      throw new ServiceError(
        422,
        MSG.invalid,
        e.issues.map((message) => ({ path: "input", message })),
      );
    if ((e as { code?: string }).code === "P2002") invalid("username", USER_MSG.taken(v.username));
    throw e;
  }
  return toItem(await prisma.user.findUniqueOrThrow({ where: { username: v.username }, select: itemSelect }));
}

export interface UserUpdateResult {
  user: UserListItem;
  /** The fields that changed ([] when the input changed nothing). */
  changed: ("fullName" | "role" | "unit" | "active")[];
}

/** Changes an account's full name, role, unit (and with it the tenant) or active state. */
export async function updateUser(prisma: PrismaClient, actor: Actor, username: string, input: unknown): Promise<UserUpdateResult> {
  assertAdmin(actor);
  const v = parse(userUpdateSchema, input);
  const name = usernameOf(username);
  return prisma.$transaction(async (tx) => {
    // Lock the row: two administrators editing the same account write a consistent old → new.
    await tx.$queryRaw`SELECT id FROM users WHERE username = ${name} FOR UPDATE`;
    const user = await tx.user.findUnique({ where: { username: name }, include: { unit: { select: unitSelect } } });
    if (!user) throw new ServiceError(404, USER_MSG.notFound(name));

    const role = v.role ?? user.role;
    const self = user.id === actor.id;
    if (self && v.active === false) invalid("active", USER_MSG.selfDeactivate);
    if (self && role !== "ADMIN") invalid("role", USER_MSG.selfDemote);

    // Absent unit code: keep the unit, unless the account becomes an administrator (no unit).
    const code = v.unitCode !== undefined ? v.unitCode : role === "ADMIN" ? null : (user.unit?.code ?? null);
    const { unit, tenantId } =
      role === user.role && code === (user.unit?.code ?? null) ? { unit: user.unit, tenantId: user.tenantId } : await unitForRole(tx, role, code, user.unit);

    const changed: UserUpdateResult["changed"] = [];
    const entries: AuditInput[] = [];
    // The entries sit with the account's unit (its previous one when it no longer has any).
    const at = { tenantId: unit ? tenantId : user.tenantId, unitId: unit?.id ?? user.unitId, actorId: actor.id, entityId: user.username };
    if (v.fullName !== undefined && v.fullName !== user.fullName) {
      changed.push("fullName");
      entries.push({ ...at, entity: "user", field: "fullName", oldValue: user.fullName, newValue: v.fullName });
    }
    if (role !== user.role) {
      changed.push("role");
      entries.push({ ...at, entity: "role", field: "role", oldValue: user.role, newValue: role });
    }
    if ((unit?.id ?? null) !== user.unitId) {
      changed.push("unit");
      entries.push({ ...at, entity: "user", field: "unit", oldValue: user.unit?.code ?? null, newValue: unit?.code ?? null });
    }
    if (v.active !== undefined && v.active !== user.active) {
      changed.push("active");
      entries.push({
        ...at,
        entity: "user",
        field: "active",
        oldValue: user.active,
        newValue: v.active,
        reason: v.active ? "Mở lại tài khoản" : "Khóa tài khoản",
      });
    }
    if (changed.length === 0) return { user: toItem(user), changed };

    const updated = await tx.user.update({
      where: { id: user.id },
      data: {
        fullName: v.fullName ?? user.fullName,
        role,
        unitId: unit?.id ?? null,
        tenantId: unit ? tenantId : null,
        active: v.active ?? user.active,
        // A new role, unit or (de)activation ends the sessions signed in before it.
        ...(changed.some((c) => c !== "fullName") ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: itemSelect,
    });
    await audit(tx, entries);
    return { user: toItem(updated), changed };
  });
}

/**
 * Sets a new password (Argon2id) and lifts the sign-in slow-down of that username. The audit entry
 * says that the password was reset, by whom and when: never the values.
 */
export async function resetPassword(prisma: PrismaClient, actor: Actor, username: string, newPassword: unknown): Promise<{ username: string }> {
  assertAdmin(actor);
  const name = usernameOf(username);
  const password = parse(
    z.object({ password: passwordSchema }).superRefine((v, ctx) => {
      const problem = passwordProblem(v.password, name);
      if (problem && problem !== PASSWORD_MSG.short) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    }),
    { password: newPassword },
  ).password;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { username: name }, select: { id: true, username: true, tenantId: true, unitId: true } });
    if (!user) throw new ServiceError(404, USER_MSG.notFound(name));
    // A reset password ends the sessions signed in with the old one.
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await clearUsername(tx, user.username);
    await audit(tx, [
      {
        tenantId: user.tenantId,
        unitId: user.unitId,
        actorId: actor.id,
        entity: "user",
        entityId: user.username,
        field: "password",
        oldValue: null,
        newValue: null,
        reason: USER_MSG.passwordResetReason,
      },
    ]);
    return { username: user.username };
  });
}
