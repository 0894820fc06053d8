// A bounded fuzz test of every server action (issue 12, item 6): random arguments of any shape —
// none, null, strings, numbers, objects, nested garbage — sent as users of every role. No action may
// throw or answer the "system error" message (the 500 of a form), and a refused call changes nothing
// stored. fast-check, fixed seed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ set: () => undefined, get: () => undefined }) }));

import fc from "fast-check";
import { storedFingerprint } from "@/tests/helpers/fingerprint";
import { migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import * as completeness from "@/lib/actions/completeness";
import * as employers from "@/lib/actions/employers";
import * as figures from "@/lib/actions/figures";
import * as locale from "@/lib/actions/locale";
import * as milestones from "@/lib/actions/milestones";
import * as monthly from "@/lib/actions/monthly";
import * as notifications from "@/lib/actions/notifications";
import * as quality from "@/lib/actions/quality";
import * as rankings from "@/lib/actions/rankings";
import * as reports from "@/lib/actions/reports";
import * as targets from "@/lib/actions/targets";
import * as users from "@/lib/actions/users";
import * as villages from "@/lib/actions/villages";
import * as workflow from "@/lib/actions/workflow";

type AnyAction = (...args: unknown[]) => Promise<unknown>;
const ACTIONS: [string, AnyAction][] = Object.entries({
  completeness,
  employers,
  figures,
  locale,
  milestones,
  monthly,
  notifications,
  quality,
  rankings,
  reports,
  targets,
  users,
  villages,
  workflow,
}).flatMap(([mod, m]) =>
  Object.entries(m)
    .filter(([, f]) => typeof f === "function")
    .map(([name, f]) => [`${mod}.${name}`, f as AnyAction] as [string, AnyAction]),
);

const USERNAMES = ["admin", "lanhdao.quocgia", "bhxh.haiphong", "lanhdao.haiphong", "xa.kimthanh", "bhxh.hue", null] as const;

// Mostly plausible values (so calls reach the services), and garbage of every shape.
const code = fc.constantFrom("10804", "11242", "31", "46", "VN", "10804-01", "99999", "", "abc$");
const plausible = fc.oneof(
  code,
  fc.record({
    unitCode: code,
    year: fc.constantFrom(2026, 2025, "2026", 0, -1, 2.5),
    quarter: fc.constantFrom(1, 2, 3, 4, 5, "x"),
    action: fc.constantFrom("submit", "approve", "return", "reopen", "x"),
    body: fc.anything(),
    version: fc.oneof(fc.integer(), fc.string()),
  }),
  fc.record({
    year: fc.anything(),
    entries: fc.array(
      fc.record({
        unitCode: code,
        key: fc.string(),
        value: fc.oneof(fc.double(), fc.constant(null), fc.string()),
        quarter: fc.anything(),
        version: fc.anything(),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.record({ username: fc.string(), fullName: fc.string(), role: fc.constantFrom("ADMIN", "CITY_STAFF", "x"), unitCode: code, password: fc.string() }),
);
const arg = fc.oneof(
  { arbitrary: plausible, weight: 3 },
  { arbitrary: fc.anything(), weight: 2 },
  { arbitrary: fc.constantFrom(undefined, null, "", 0, [], {}), weight: 1 },
);

describe("fuzzing every server action", () => {
  let db: TestDatabase;
  const actors = new Map<string, unknown>();

  const fingerprint = () => storedFingerprint(db);

  beforeAll(async () => {
    db = await migratedDatabase("pglite", { demo: true });
    ctx.prisma = db.prisma;
    for (const username of USERNAMES) {
      if (!username) continue;
      const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
      actors.set(username, { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null });
    }
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("covers every exported action", () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(20);
  });

  it("never throws or fails with a system error, and a refused call changes nothing", { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ACTIONS), fc.constantFrom(...USERNAMES), fc.array(arg, { maxLength: 4 }), async ([name, action], username, args) => {
        ctx.user = username ? actors.get(username) : null;
        const before = await fingerprint();
        let result: unknown;
        try {
          result = await action(...args);
        } catch (e) {
          throw new Error(`${name}(${JSON.stringify(args)?.slice(0, 200)}) as ${username} threw: ${String(e)}`);
        }
        const r = (result ?? {}) as { ok?: boolean; error?: string };
        expect(r.error ?? "", `${name} as ${username}`).not.toMatch(/Lỗi hệ thống/);
        if (r.ok === false) expect(await fingerprint(), `${name} refused but changed something`).toBe(before);
      }),
      { numRuns: 500, seed: 12, endOnFailure: true },
    );
  });
});
