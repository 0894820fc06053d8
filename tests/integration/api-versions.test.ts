// Writes through the JSON API say which version they change (issue 12, item 9): 428 without a
// version for something that exists, 422 for a version that is not a whole number; nothing changes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));

import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { PUT as putFigures } from "@/app/api/v1/units/[code]/figures/[year]/[quarter]/route";
import { POST as postAction } from "@/app/api/v1/units/[code]/figures/[year]/[quarter]/[action]/route";
import { PUT as putTargets } from "@/app/api/v1/units/[code]/targets/route";

const json = (method: string, url: string, body: unknown) =>
  new Request(`http://localhost${url}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe.each(dbKinds)("API writes need versions on %s", (kind) => {
  let db: TestDatabase;
  const as = async (username: string) => {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    ctx.user = { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null };
  };

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("refuses a PUT of an existing quarter without version (428) or with a non-numeric one (422), changing nothing", async () => {
    await as("xa.nguyenluongbang");
    const before = await db.prisma.quarterReport.findFirstOrThrow({ where: { unit: { code: "11242" }, year: 2025, quarter: 3, kind: "ACTUAL" } });
    const params = { params: Promise.resolve({ code: "11242", year: "2025", quarter: "3" }) };
    const r1 = await putFigures(json("PUT", "/api/v1/units/11242/figures/2025/3", { figures: { labourForce: 1 } }), params);
    expect(r1.status).toBe(428);
    expect((await r1.json()).issues[0].path).toBe("version");
    const r2 = await putFigures(json("PUT", "/api/v1/units/11242/figures/2025/3", { figures: { labourForce: 1 }, version: "abc" }), params);
    expect(r2.status).toBe(422);
    const after = await db.prisma.quarterReport.findFirstOrThrow({ where: { id: before.id } });
    expect(after.version).toBe(before.version);
    expect(after.labourForce).toBe(before.labourForce);
    // Another commune's officer still gets 403 first (scope before version).
    await as("xa.kimthanh");
    expect((await putFigures(json("PUT", "/api/v1/units/11242/figures/2025/3", { figures: {} }), params)).status).toBe(403);
  });

  it("refuses a transition without version (428) after scope", async () => {
    await as("bhxh.haiphong");
    const params = { params: Promise.resolve({ code: "11242", year: "2026", quarter: "3", action: "approve" }) };
    expect((await postAction(json("POST", "/api/v1/units/11242/figures/2026/3/approve", {}), params)).status).toBe(428);
    await as("bhxh.hue");
    expect((await postAction(json("POST", "/api/v1/units/11242/figures/2026/3/approve", {}), params)).status).toBe(403);
  });

  it("refuses a change of existing targets without their versions (428), a non-numeric version (422)", async () => {
    await as("bhxh.haiphong");
    const params = { params: Promise.resolve({ code: "10804" }) };
    expect((await putTargets(json("PUT", "/api/v1/units/10804/targets?year=2026", { targets: { bhxhCompulsory: 14000 } }), params)).status).toBe(428);
    expect(
      (
        await putTargets(
          json("PUT", "/api/v1/units/10804/targets?year=2026", { targets: { bhxhCompulsory: 14000 }, versions: { bhxhCompulsory: "x" } }),
          params,
        )
      ).status,
    ).toBe(422);
    const t = await db.prisma.target.findFirstOrThrow({ where: { unit: { code: "10804" }, year: 2026, key: "bhxhCompulsory" } });
    expect(t.value).toBe(13624);
    const ok = await putTargets(
      json("PUT", "/api/v1/units/10804/targets?year=2026", { targets: { bhxhCompulsory: 14000 }, versions: { bhxhCompulsory: t.version } }),
      params,
    );
    expect(ok.status).toBe(200);
  });
});
