// Roles and what each may see. Pure: used by the server (the authority) and mirrored by the UI.
import type { Role, UnitLevel } from "../generated/prisma/enums";

export const ROLES = ["ADMIN", "NATIONAL_LEADER", "CITY_STAFF", "CITY_LEADER", "COMMUNE_OFFICER"] as const satisfies readonly Role[];

/** What a user's scope is computed from (the session carries these, re-read from the database). */
export interface ScopeUser {
  role: Role;
  tenantId: number | null;
  unitId: number | null;
}

/** What a unit's position in the tree is. */
export interface ScopeUnit {
  id: number;
  level: UnitLevel;
  parentId: number | null;
  tenantId: number | null;
}

/** May this user see this unit (its page, figures, reports)? */
export function canViewUnit(user: ScopeUser, unit: ScopeUnit): boolean {
  switch (user.role) {
    case "ADMIN":
    case "NATIONAL_LEADER":
      return true;
    case "CITY_STAFF":
    case "CITY_LEADER":
      // Their province and everything under it. The nation is above them.
      return user.tenantId !== null && unit.tenantId === user.tenantId;
    case "COMMUNE_OFFICER":
      // Their own commune and its villages.
      return (
        user.unitId !== null &&
        (unit.id === user.unitId || (unit.level === "VILLAGE" && unit.parentId === user.unitId))
      );
    default:
      return false;
  }
}

/** Roles that only read. */
export function isReadOnly(role: Role): boolean {
  return role === "NATIONAL_LEADER" || role === "CITY_LEADER";
}

/** Which unit a user's home page starts from. */
export function requiresUnit(role: Role): boolean {
  return role !== "ADMIN";
}

/**
 * Who may set a unit's targets (domain.md, issue 4): the administrator sets the provinces' targets
 * (Resolution 403's 2030 figures among them); city staff set their communes' targets and their own
 * province's yearly targets before 2030 (the city plan, e.g. KH 149/KH-UBND); a commune officer sets
 * the targets of the commune's villages. Leaders only read.
 */
export function canSetTargets(user: ScopeUser, unit: ScopeUnit, year: number): boolean {
  switch (user.role) {
    case "ADMIN":
      return unit.level === "PROVINCE";
    case "CITY_STAFF":
      if (user.tenantId === null || unit.tenantId !== user.tenantId) return false;
      return unit.level === "COMMUNE" || (unit.level === "PROVINCE" && year < 2030);
    case "COMMUNE_OFFICER":
      return user.unitId !== null && unit.level === "VILLAGE" && unit.parentId === user.unitId;
    default:
      return false;
  }
}

/** Who may create, rename and retire villages / residential groups: the commune's own officer. */
export function canManageVillages(user: ScopeUser, commune: ScopeUnit): boolean {
  return user.role === "COMMUNE_OFFICER" && commune.level === "COMMUNE" && user.unitId === commune.id;
}

/**
 * Who edits a unit's report (its issuing settings and narrative): the unit's own staff — the commune
 * officer for the commune, city staff for their city, the administrator for the nation.
 */
export function canEditReport(user: ScopeUser, unit: ScopeUnit): boolean {
  switch (unit.level) {
    case "COMMUNE":
      return user.role === "COMMUNE_OFFICER" && user.unitId === unit.id;
    case "PROVINCE":
      return user.role === "CITY_STAFF" && user.tenantId !== null && user.tenantId === unit.id;
    case "NATION":
      return user.role === "ADMIN";
    default:
      return false;
  }
}
