// The scope gate (issue 12): the one place that turns a unit code from a URL, a form or an API call
// into a unit the acting user may see — and, when asked, may act on — by the permission table
// (`permissions.ts`). It answers 404 for a malformed or unknown code and 403 outside the user's scope.
// What it returns is a branded `ScopedUnit`: services that read or write a unit's data take one, and
// nothing but this module can make one, so no service can be handed a unit nobody checked.
import type { PrismaClient } from "../generated/prisma/client";
import type { UnitLevel, UnitType } from "../generated/prisma/enums";
import { can, deniedMessage, type CanContext, type Permission, type ScopeUser } from "./permissions";
import { ServiceError, MSG } from "../figures/errors";

/** A unit as services see it. */
export interface UnitRef {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: number | null;
  tenantId: number | null;
}

/** A unit as pages see it (its type and period of validity as well). */
export interface UnitRecord extends UnitRef {
  type: UnitType;
  validFrom: Date;
  validTo: Date | null;
}

declare const scopedBrand: unique symbol;

/** A unit that passed the scope gate for the acting user (only `scopeUnit` makes one). */
export type ScopedUnit = UnitRecord & { readonly [scopedBrand]: true };

/** Official codes: digits (provinces "31", communes "10804"), "VN", villages "10804-01". */
export const UNIT_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

const unitSelect = { id: true, code: true, name: true, level: true, type: true, parentId: true, tenantId: true, validFrom: true, validTo: true } as const;

/**
 * The unit with this code (the one in force, else the most recent: a retired unit keeps its page),
 * if the actor may see it and, when `permission` is given, may do that to it.
 * 404 malformed or unknown code · 403 outside the user's scope or without the permission.
 */
export async function scopeUnit(
  prisma: PrismaClient,
  actor: ScopeUser,
  code: unknown,
  permission: Permission = "unit.view",
  ctx: CanContext = {},
): Promise<ScopedUnit> {
  const clean = typeof code === "string" ? code.trim() : "";
  if (!UNIT_CODE.test(clean))
    throw new ServiceError(404, MSG.unitNotFound((typeof code === "string" || typeof code === "number" ? String(code) : "").slice(0, 40)));
  const unit = await prisma.unit.findFirst({
    where: { code: clean },
    orderBy: [{ validTo: { sort: "desc", nulls: "first" } }, { validFrom: "desc" }],
    select: unitSelect,
  });
  if (!unit) throw new ServiceError(404, MSG.unitNotFound(clean));
  if (!can(actor, "unit.view", unit)) throw new ServiceError(403, deniedMessage("unit.view"));
  if (permission !== "unit.view") assertCan(actor, permission, unit, ctx);
  return unit as ScopedUnit;
}

/** Refuse (403, the permission's own message) unless the table allows this. */
export function assertCan(
  actor: ScopeUser,
  permission: Permission,
  unit?: { id: number; level: UnitLevel; parentId: number | null; tenantId: number | null } | null,
  ctx: CanContext = {},
): void {
  if (!can(actor, permission, unit, ctx)) throw new ServiceError(403, deniedMessage(permission));
}
