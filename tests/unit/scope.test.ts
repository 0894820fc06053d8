import { describe, expect, it } from "vitest";
import { can, isReadOnly, type ScopeUnit, type ScopeUser } from "@/lib/auth/permissions";

// A small tree: nation 1 → Hải Phòng 14 (tenant 14) → Kim Thành 100 → village 1000;
// Hải Phòng → Nguyễn Lương Bằng 101; nation → Huế 21 → a ward 200.
const nation: ScopeUnit = { id: 1, level: "NATION", parentId: null, tenantId: null };
const haiPhong: ScopeUnit = { id: 14, level: "PROVINCE", parentId: 1, tenantId: 14 };
const kimThanh: ScopeUnit = { id: 100, level: "COMMUNE", parentId: 14, tenantId: 14 };
const village: ScopeUnit = { id: 1000, level: "VILLAGE", parentId: 100, tenantId: 14 };
const nlb: ScopeUnit = { id: 101, level: "COMMUNE", parentId: 14, tenantId: 14 };
const nlbVillage: ScopeUnit = { id: 1001, level: "VILLAGE", parentId: 101, tenantId: 14 };
const hue: ScopeUnit = { id: 21, level: "PROVINCE", parentId: 1, tenantId: 21 };
const hueWard: ScopeUnit = { id: 200, level: "COMMUNE", parentId: 21, tenantId: 21 };
const all = { nation, haiPhong, kimThanh, village, nlb, nlbVillage, hue, hueWard };

const users: Record<string, ScopeUser> = {
  admin: { role: "ADMIN", tenantId: null, unitId: null },
  national: { role: "NATIONAL_LEADER", tenantId: null, unitId: 1 },
  hpStaff: { role: "CITY_STAFF", tenantId: 14, unitId: 14 },
  hpLeader: { role: "CITY_LEADER", tenantId: 14, unitId: 14 },
  kimThanhOfficer: { role: "COMMUNE_OFFICER", tenantId: 14, unitId: 100 },
  brokenOfficer: { role: "COMMUNE_OFFICER", tenantId: 14, unitId: null },
};

// Which units each user may see; every other unit must be refused.
const allowed: Record<string, (keyof typeof all)[]> = {
  admin: ["nation", "haiPhong", "kimThanh", "village", "nlb", "nlbVillage", "hue", "hueWard"],
  national: ["nation", "haiPhong", "kimThanh", "village", "nlb", "nlbVillage", "hue", "hueWard"],
  hpStaff: ["haiPhong", "kimThanh", "village", "nlb", "nlbVillage"],
  hpLeader: ["haiPhong", "kimThanh", "village", "nlb", "nlbVillage"],
  kimThanhOfficer: ["kimThanh", "village"],
  brokenOfficer: [],
};

describe("canViewUnit", () => {
  for (const [who, user] of Object.entries(users)) {
    for (const [name, unit] of Object.entries(all)) {
      const expected = allowed[who].includes(name as keyof typeof all);
      it(`${who} ${expected ? "may" : "may not"} view ${name}`, () => {
        expect(can(user, "unit.view", unit)).toBe(expected);
      });
    }
  }
});

describe("isReadOnly", () => {
  it.each([
    ["ADMIN", false],
    ["NATIONAL_LEADER", true],
    ["CITY_STAFF", false],
    ["CITY_LEADER", true],
    ["COMMUNE_OFFICER", false],
  ] as const)("%s → %s", (role, ro) => expect(isReadOnly(role)).toBe(ro));
});

describe("canSetTargets", () => {
  // [user, unit, year, allowed]
  const cases: [string, keyof typeof all, number, boolean][] = [
    ["admin", "haiPhong", 2030, true],
    ["admin", "hue", 2026, true],
    ["admin", "kimThanh", 2026, false],
    ["admin", "nation", 2030, false],
    ["national", "haiPhong", 2030, false],
    ["hpStaff", "kimThanh", 2027, true],
    ["hpStaff", "nlb", 2030, true],
    ["hpStaff", "haiPhong", 2027, true],
    ["hpStaff", "haiPhong", 2030, false],
    ["hpStaff", "hueWard", 2027, false],
    ["hpStaff", "hue", 2027, false],
    ["hpStaff", "village", 2027, false],
    ["hpLeader", "kimThanh", 2027, false],
    ["kimThanhOfficer", "village", 2027, true],
    ["kimThanhOfficer", "nlbVillage", 2027, false],
    ["kimThanhOfficer", "kimThanh", 2027, false],
    ["brokenOfficer", "village", 2027, false],
  ];
  it.each(cases)("%s on %s for %i → %s", (who, unit, year, ok) => {
    expect(can(users[who], "targets.set", all[unit], { year: year })).toBe(ok);
  });
});

describe("canManageVillages", () => {
  it("only the commune's own officer", () => {
    expect(can(users.kimThanhOfficer, "villages.manage", kimThanh)).toBe(true);
    expect(can(users.kimThanhOfficer, "villages.manage", nlb)).toBe(false);
    expect(can(users.hpStaff, "villages.manage", kimThanh)).toBe(false);
    expect(can(users.admin, "villages.manage", kimThanh)).toBe(false);
  });
});
