// Creating an account: validation (zod, Vietnamese messages) and the write, in one transaction.
// Used by `npm run user:create`; later by the administrators' screens.
import { z } from "zod";
import { passwordProblem } from "../auth/password-policy";
import type { PrismaClient } from "../generated/prisma/client";
import { ROLES, requiresUnit } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { audit } from "../audit/audit";

const ROLE_ALIASES: Record<string, (typeof ROLES)[number]> = {
  admin: "ADMIN",
  "national-leader": "NATIONAL_LEADER",
  "city-staff": "CITY_STAFF",
  "city-leader": "CITY_LEADER",
  "commune-officer": "COMMUNE_OFFICER",
};

export const newUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, "Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới."),
    fullName: z.string().trim().min(2, "Họ tên phải có ít nhất 2 ký tự.").max(200, "Họ tên quá dài (tối đa 200 ký tự)."),
    role: z
      .string()
      .trim()
      .transform((v) => ROLE_ALIASES[v.toLowerCase()] ?? v.toUpperCase())
      .pipe(z.enum(ROLES, { error: `Vai trò phải là một trong: ${Object.keys(ROLE_ALIASES).join(", ")}.` })),
    unitCode: z.string().trim().optional(),
    password: z.string().max(256, "Mật khẩu quá dài."),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.username);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    if (requiresUnit(v.role) && !v.unitCode) {
      ctx.addIssue({ code: "custom", path: ["unitCode"], message: "Vai trò này cần mã đơn vị (--unit), ví dụ 31 hoặc 10804." });
    }
  });

export type NewUser = z.input<typeof newUserSchema>;

export class UserInputError extends Error {
  constructor(public readonly issues: string[]) {
    super(issues.join("\n"));
  }
}

export const LEVEL_FOR_ROLE: Record<string, readonly string[]> = {
  NATIONAL_LEADER: ["NATION"],
  CITY_STAFF: ["PROVINCE"],
  CITY_LEADER: ["PROVINCE"],
  COMMUNE_OFFICER: ["COMMUNE"],
};

export const LEVEL_NAMES: Record<string, string> = { NATION: "quốc gia", PROVINCE: "tỉnh", COMMUNE: "xã", VILLAGE: "thôn" };

/** actorId: the administrator who creates the account (null from the shell). */
export async function createUser(prisma: PrismaClient, input: NewUser, actorId: number | null = null) {
  const r = newUserSchema.safeParse(input);
  if (!r.success) throw new UserInputError(r.error.issues.map((i) => i.message));
  const v = r.data;
  const passwordHash = await hashPassword(v.password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: v.username } })) {
      throw new UserInputError([`Tên đăng nhập «${v.username}» đã có người dùng.`]);
    }
    let unitId: number | null = null;
    let tenantId: number | null = null;
    if (v.role !== "ADMIN") {
      const unit = await tx.unit.findFirst({ where: { code: v.unitCode!, validTo: null } });
      if (!unit) throw new UserInputError([`Không có đơn vị đang hoạt động mang mã «${v.unitCode}».`]);
      const allowed = LEVEL_FOR_ROLE[v.role];
      if (!allowed.includes(unit.level)) {
        throw new UserInputError([
          `Vai trò này phải gắn với đơn vị cấp ${allowed.map((l) => LEVEL_NAMES[l]).join("/")}, còn «${unit.name}» là cấp ${LEVEL_NAMES[unit.level]}.`,
        ]);
      }
      unitId = unit.id;
      tenantId = unit.level === "NATION" ? null : unit.tenantId;
    }
    const user = await tx.user.create({
      data: { username: v.username, fullName: v.fullName, role: v.role, unitId, tenantId, passwordHash },
      select: { id: true, username: true, role: true, unitId: true, tenantId: true },
    });
    // Accounts and roles are audited like everything else (actor: the administrator, or none from the shell).
    await audit(tx, [
      { tenantId, unitId, actorId, entity: "user", entityId: user.username, field: "fullName", oldValue: null, newValue: v.fullName, reason: "Tạo tài khoản" },
      { tenantId, unitId, actorId, entity: "role", entityId: user.username, field: "role", oldValue: null, newValue: v.role, reason: "Tạo tài khoản" },
    ]);
    return user;
  });
}
