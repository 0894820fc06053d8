// Villages and residential groups (thôn, bản, ấp, tổ dân phố, khu phố): not in any official list,
// so each commune's officer creates, renames and retires its own. A retired village keeps its
// code, targets and history; it just stops being offered for new targets.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { ServiceError, MSG } from "../figures/errors";
import { type Actor } from "../figures/service";
import { assertCan, scopeUnit } from "../auth/scope";
import { vietnamToday } from "../domain/period";
import { audit } from "../audit/audit";

export const VILLAGE_TYPES = ["THON", "BAN", "AP", "TO_DAN_PHO", "KHU_PHO"] as const;

const nameSchema = z.string({ error: "Thiếu tên." }).trim().min(2, "Tên phải có ít nhất 2 ký tự.").max(100, "Tên quá dài (tối đa 100 ký tự).");
export const newVillageSchema = z.object({
  name: nameSchema,
  type: z.enum(VILLAGE_TYPES, { error: "Loại phải là thôn, bản, ấp, tổ dân phố hoặc khu phố." }),
});

function invalid(e: z.ZodError): never {
  throw new ServiceError(
    422,
    MSG.invalid,
    e.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  );
}

async function communeFor(prisma: PrismaClient, actor: Actor, code: string) {
  const commune = await scopeUnit(prisma, actor, code);
  assertCan(actor, "villages.manage", commune);
  return commune;
}

async function assertNameFree(prisma: PrismaClient, communeId: number, name: string, exceptId?: number) {
  const clash = await prisma.unit.findFirst({
    where: { parentId: communeId, validTo: null, name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
  });
  if (clash) throw new ServiceError(422, MSG.invalid, [{ path: "name", message: `Xã đã có «${clash.name}».` }]);
}

export async function createVillage(prisma: PrismaClient, actor: Actor, communeCode: string, input: unknown) {
  const commune = await communeFor(prisma, actor, communeCode);
  const r = newVillageSchema.safeParse(input);
  if (!r.success) invalid(r.error);
  // Two officers adding at once may compute the same next code: the unique key refuses the
  // second, which then tries the following code.
  for (let attempt = 0; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        await assertNameFree(tx as unknown as PrismaClient, commune.id, r.data.name);
        const siblings = await tx.unit.findMany({ where: { parentId: commune.id }, select: { code: true } });
        const next = siblings.reduce((m, s) => Math.max(m, Number(s.code.split("-").at(-1)) || 0), 0) + 1 + attempt;
        const created = await tx.unit.create({
          data: {
            code: `${commune.code}-${String(next).padStart(2, "0")}`,
            name: r.data.name,
            level: "VILLAGE",
            type: r.data.type,
            parentId: commune.id,
            tenantId: commune.tenantId,
            validFrom: vietnamToday(),
          },
          select: { id: true, code: true, name: true, type: true },
        });
        await audit(tx, [
          {
            tenantId: commune.tenantId,
            unitId: created.id,
            actorId: actor.id,
            entity: "unit",
            entityId: created.code,
            field: "name",
            oldValue: null,
            newValue: created.name,
            reason: "Tạo mới",
          },
        ]);
        return { code: created.code, name: created.name, type: created.type };
      });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "P2002" && attempt < 3) continue;
      if (code === "P2002") throw new ServiceError(409, "Có người vừa thêm thôn cùng lúc: vui lòng thử lại.");
      throw e;
    }
  }
}

async function villageFor(prisma: PrismaClient, actor: Actor, villageCode: string) {
  const village = await scopeUnit(prisma, actor, villageCode);
  if (village.level !== "VILLAGE" || village.parentId === null) throw new ServiceError(404, MSG.unitNotFound(villageCode));
  const commune = await prisma.unit.findUniqueOrThrow({ where: { id: village.parentId } });
  assertCan(actor, "villages.manage", commune);
  const row = await prisma.unit.findUniqueOrThrow({ where: { id: village.id } });
  if (row.validTo) throw new ServiceError(422, `«${row.name}» đã ngừng hoạt động.`);
  return row;
}

export async function renameVillage(prisma: PrismaClient, actor: Actor, villageCode: string, name: unknown) {
  const village = await villageFor(prisma, actor, villageCode);
  const r = nameSchema.safeParse(name);
  if (!r.success) invalid(r.error);
  await assertNameFree(prisma, village.parentId!, r.data, village.id);
  return prisma.$transaction(async (tx) => {
    const updated = await tx.unit.update({ where: { id: village.id }, data: { name: r.data }, select: { code: true, name: true } });
    await audit(tx, [
      {
        tenantId: village.tenantId,
        unitId: village.id,
        actorId: actor.id,
        entity: "unit",
        entityId: village.code,
        field: "name",
        oldValue: village.name,
        newValue: updated.name,
      },
    ]);
    return updated;
  });
}

export async function retireVillage(prisma: PrismaClient, actor: Actor, villageCode: string, now: Date = new Date()) {
  const village = await villageFor(prisma, actor, villageCode);
  const today = vietnamToday(now);
  const validTo = today < village.validFrom ? village.validFrom : today;
  return prisma.$transaction(async (tx) => {
    const updated = await tx.unit.update({ where: { id: village.id }, data: { validTo }, select: { code: true, name: true, validTo: true } });
    await audit(tx, [
      {
        tenantId: village.tenantId,
        unitId: village.id,
        actorId: actor.id,
        entity: "unit",
        entityId: village.code,
        field: "validTo",
        oldValue: null,
        newValue: validTo.toISOString().slice(0, 10),
        reason: "Ngừng hoạt động",
      },
    ]);
    return updated;
  });
}
