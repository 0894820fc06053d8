// Who may do what: the one table of permissions (issue 12). Every rule is role × action × where the
// unit stands relative to the user (any unit, their province, their own unit, their villages), with
// the unit levels it applies to. Pure: pages, actions, routes and services all ask `can`, the scope
// gate (`scope.server.ts`) enforces it, and the authorization matrix test is generated from it.
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

/**
 * Where a unit stands relative to the user:
 * - `any`: every unit;
 * - `tenant`: the user's province and everything in it;
 * - `ownProvince`: the user's province itself;
 * - `own`: the user's own unit;
 * - `ownVillages`: the villages / residential groups of the user's own unit;
 * - `system`: no unit at all (account administration, the system-wide audit search).
 */
export type Reach = "any" | "tenant" | "ownProvince" | "own" | "ownVillages" | "system";

export interface Grant {
  reach: Reach;
  /** The unit levels this grant covers (every level when absent). */
  levels?: readonly UnitLevel[];
  /** Only for years before this one (city staff set their province's yearly targets up to 2030). */
  beforeYear?: number;
}

export interface PermissionRule {
  /** What the permission allows, for people reading the table. */
  what: string;
  /** The message of a refusal, in the user's language (Vietnamese first). */
  denied: string;
  grants: Partial<Record<Role, readonly Grant[]>>;
}

const VIEW_ALL: readonly Grant[] = [{ reach: "any" }];
const VIEW_TENANT: readonly Grant[] = [{ reach: "tenant" }];

export const PERMISSIONS = {
  "unit.view": {
    what: "See a unit: its page, figures, targets, reports, history.",
    denied: "Tài khoản của bạn không được xem đơn vị này.",
    grants: {
      ADMIN: VIEW_ALL,
      NATIONAL_LEADER: VIEW_ALL,
      CITY_STAFF: VIEW_TENANT,
      CITY_LEADER: VIEW_TENANT,
      COMMUNE_OFFICER: [{ reach: "own" }, { reach: "ownVillages", levels: ["VILLAGE"] }],
    },
  },
  "figures.enter": {
    what: "Enter, save and submit a commune's quarterly figures and write its explanations.",
    denied: "Tài khoản của bạn không được nhập số liệu cho đơn vị này: chỉ cán bộ xã nhập số liệu của xã mình.",
    grants: { COMMUNE_OFFICER: [{ reach: "own", levels: ["COMMUNE"] }] },
  },
  "report.review": {
    what: "Approve, return or reopen a commune's quarter.",
    denied: "Chỉ cán bộ BHXH thành phố, tỉnh duyệt, trả lại hoặc mở lại báo cáo của các xã trong thành phố mình.",
    grants: { CITY_STAFF: [{ reach: "tenant", levels: ["COMMUNE"] }] },
  },
  "targets.set": {
    what: "Set a unit's yearly targets and its quarterly milestones.",
    denied: "Tài khoản của bạn không được giao chỉ tiêu cho đơn vị này.",
    grants: {
      ADMIN: [{ reach: "any", levels: ["PROVINCE"] }],
      CITY_STAFF: [
        { reach: "tenant", levels: ["COMMUNE"] },
        { reach: "ownProvince", levels: ["PROVINCE"], beforeYear: 2030 },
      ],
      COMMUNE_OFFICER: [{ reach: "ownVillages", levels: ["VILLAGE"] }],
    },
  },
  "villages.manage": {
    what: "Create, rename and retire a commune's villages / residential groups.",
    denied: "Chỉ cán bộ của xã được tạo, đổi tên hoặc ngừng thôn, tổ dân phố của xã.",
    grants: { COMMUNE_OFFICER: [{ reach: "own", levels: ["COMMUNE"] }] },
  },
  "villages.figures": {
    what: "Record a village's / residential group's quarterly figures (labour force, population, BHXH and BHYT participants).",
    denied: "Chỉ cán bộ của xã nhập số liệu của các thôn, tổ dân phố thuộc xã mình.",
    grants: { COMMUNE_OFFICER: [{ reach: "ownVillages", levels: ["VILLAGE"] }] },
  },
  "report.edit": {
    what: "Edit a unit's report: its issuing settings and narrative.",
    denied: "Chỉ cán bộ của chính đơn vị soạn, sửa báo cáo và thiết lập báo cáo của đơn vị mình.",
    grants: {
      COMMUNE_OFFICER: [{ reach: "own", levels: ["COMMUNE"] }],
      CITY_STAFF: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
      ADMIN: [{ reach: "any", levels: ["NATION"] }],
    },
  },
  "completeness.view": {
    what: "See the reporting-progress board of a city (its communes) or of the nation (its provinces).",
    denied: "Bảng theo dõi tiến độ báo cáo chỉ dành cho cán bộ và lãnh đạo thành phố, tỉnh và trung ương.",
    grants: {
      ADMIN: [{ reach: "any", levels: ["PROVINCE", "NATION"] }],
      NATIONAL_LEADER: [{ reach: "any", levels: ["PROVINCE", "NATION"] }],
      CITY_STAFF: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
      CITY_LEADER: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
    },
  },
  "quality.view": {
    what: "See a city's data-quality checks.",
    denied: "Trang kiểm tra chất lượng số liệu chỉ dành cho cán bộ và lãnh đạo thành phố, tỉnh.",
    grants: {
      ADMIN: [{ reach: "any", levels: ["PROVINCE"] }],
      CITY_STAFF: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
      CITY_LEADER: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
    },
  },
  "city.settings": {
    what: "Change a city's settings: reporting deadline, data-quality threshold, ranking bands and list size.",
    denied: "Chỉ cán bộ BHXH thành phố, tỉnh đổi thiết lập (hạn báo cáo, ngưỡng kiểm tra, ngưỡng đánh giá) của thành phố mình.",
    grants: {
      ADMIN: [{ reach: "any", levels: ["PROVINCE"] }],
      CITY_STAFF: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
    },
  },
  "figures.import": {
    what: "Import from a file a quarter's figures (city staff: their province's communes; an officer: their own commune) or a year's targets of the unit's children (each still needs targets.set).",
    denied: "Tài khoản của bạn không được nhập số liệu từ tệp cho đơn vị này: cán bộ BHXH thành phố nhập cho các xã của thành phố mình, cán bộ xã cho xã mình.",
    grants: {
      CITY_STAFF: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
      COMMUNE_OFFICER: [{ reach: "own", levels: ["COMMUNE"] }],
    },
  },
  "employers.view": {
    what: "See a province's register of employers paying social insurance late, its trend and its published lists.",
    denied: "Danh sách đơn vị chậm đóng BHXH chỉ dành cho cán bộ và lãnh đạo thành phố, tỉnh và trung ương.",
    grants: {
      ADMIN: [{ reach: "any", levels: ["PROVINCE"] }],
      NATIONAL_LEADER: [{ reach: "any", levels: ["PROVINCE"] }],
      CITY_STAFF: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
      CITY_LEADER: [{ reach: "ownProvince", levels: ["PROVINCE"] }],
    },
  },
  "employers.manage": {
    what: "Enter and import a province's employers paying late (as at a month end) and publish a month's list of those late N+ months.",
    denied: "Chỉ cán bộ BHXH thành phố, tỉnh nhập danh sách đơn vị chậm đóng và công bố danh sách của thành phố mình.",
    grants: { CITY_STAFF: [{ reach: "ownProvince", levels: ["PROVINCE"] }] },
  },
  "figures.monthly": {
    what: "Enter or import a province's monthly figures (participants, money due, collected, late) and those of its communes.",
    denied: "Chỉ cán bộ BHXH thành phố, tỉnh nhập số liệu theo tháng của thành phố mình và các xã, phường của thành phố.",
    grants: {
      CITY_STAFF: [
        { reach: "ownProvince", levels: ["PROVINCE"] },
        { reach: "tenant", levels: ["COMMUNE"] },
      ],
    },
  },
  "users.manage": {
    what: "Create accounts, change roles and units, lock and reset passwords.",
    denied: "Chỉ quản trị hệ thống được quản lý tài khoản.",
    grants: { ADMIN: [{ reach: "system" }] },
  },
  "audit.search": {
    what: "Search the whole audit trail (system entries, sign-ins).",
    denied: "Chỉ quản trị hệ thống được tra cứu nhật ký hệ thống.",
    grants: { ADMIN: [{ reach: "system" }] },
  },
} as const satisfies Record<string, PermissionRule>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as Permission[];

/** Does this grant reach this unit for this user? */
function reaches(user: ScopeUser, unit: ScopeUnit, reach: Reach): boolean {
  switch (reach) {
    case "any":
      return true;
    case "tenant":
      return user.tenantId !== null && unit.tenantId === user.tenantId;
    case "ownProvince":
      return user.tenantId !== null && unit.level === "PROVINCE" && unit.id === user.tenantId;
    case "own":
      return user.unitId !== null && unit.id === user.unitId;
    case "ownVillages":
      return user.unitId !== null && unit.level === "VILLAGE" && unit.parentId === user.unitId;
    case "system":
      return false;
  }
}

export interface CanContext {
  /** The target year, for rules that depend on it (targets before 2030); without it: in some year. */
  year?: number;
}

/**
 * May this user do this to this unit? Without a unit: may the user do it at all (system permissions,
 * or, for unit permissions, on some unit — used to show or hide a menu).
 */
export function can(user: ScopeUser, permission: Permission, unit?: ScopeUnit | null, ctx: CanContext = {}): boolean {
  const grants: readonly Grant[] = (PERMISSIONS[permission].grants as Partial<Record<Role, readonly Grant[]>>)[user.role] ?? [];
  if (!unit) return grants.length > 0;
  return grants.some(
    (g) =>
      g.reach !== "system" &&
      (!g.levels || g.levels.includes(unit.level)) &&
      (g.beforeYear === undefined || ctx.year === undefined || ctx.year < g.beforeYear) &&
      reaches(user, unit, g.reach),
  );
}

/** The refusal message of a permission. */
export const deniedMessage = (permission: Permission): string => PERMISSIONS[permission].denied;

/** Roles that only read (no grant beyond seeing). */
export function isReadOnly(role: Role): boolean {
  return PERMISSION_KEYS.every(
    (p) => p === "unit.view" || p === "completeness.view" || p === "quality.view" || p === "employers.view" || !can({ role, tenantId: null, unitId: null }, p),
  );
}

/** Which unit a user's home page starts from: every role but the administrator has one. */
export function requiresUnit(role: Role): boolean {
  return role !== "ADMIN";
}
