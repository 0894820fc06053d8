// A bounded fuzz test of every JSON API route (issue 12, item 6): random unit codes, periods, query
// strings and bodies (JSON of any shape, broken JSON, empty), sent as users of several roles. No
// answer may be a 5xx, and a refused request (4xx) changes nothing stored. fast-check, fixed seed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));

import fc from "fast-check";
import { storedFingerprint } from "@/tests/helpers/fingerprint";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { API_ROUTES } from "@/tests/helpers/api-routes";

const ROUTES = API_ROUTES.map((r) => ({ name: `${r.method} ${r.path}`, method: r.method, handler: r.handler, params: r.params }));

const USERS = ["xa.kimthanh", "bhxh.haiphong", "lanhdao.quocgia", "admin"] as const;

// Mostly real codes and periods (so requests reach the services), some garbage.
const code = fc.oneof(
  { arbitrary: fc.constantFrom("10804", "11242", "31", "46", "VN", "10804-01"), weight: 6 },
  { arbitrary: fc.constantFrom("99999", "", "abc$", "%00", "x".repeat(40)), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
);
const num = fc.oneof(
  { arbitrary: fc.constantFrom("2026", "2025", "3", "2", "1"), weight: 6 },
  { arbitrary: fc.constantFrom("2027", "0", "-1", "4", "5", "abc", "2026.5", ""), weight: 2 },
  { arbitrary: fc.integer({ min: -5, max: 3000 }).map(String), weight: 1 },
);
const word = fc.oneof(
  { arbitrary: fc.constantFrom("submit", "approve", "return", "reopen"), weight: 4 },
  { arbitrary: fc.constantFrom("delete", ""), weight: 1 },
  { arbitrary: fc.string({ maxLength: 8 }), weight: 1 },
);
const body = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc
    .record({
      figures: fc.dictionary(fc.constantFrom("labourForce", "bhxhCompulsory", "x"), fc.oneof(fc.integer(), fc.string(), fc.constant(null))),
      version: fc.oneof(fc.integer(), fc.string()),
    })
    .map((v) => JSON.stringify(v)),
  fc
    .record({
      year: fc.oneof(fc.integer(), fc.string()),
      entries: fc.array(fc.record({ key: fc.string(), quarter: fc.integer(), value: fc.oneof(fc.double(), fc.constant(null)), version: fc.integer() }), {
        maxLength: 3,
      }),
    })
    .map((v) => JSON.stringify(v)),
  fc.constantFrom("", "{", "null", "[]", '{"settings":{},"version":0}', '{"opening":"x","parts":{}}', '{"targets":{"bhxhCompulsory":"a"}}'),
  fc.string({ maxLength: 40 }),
);
const query = fc.oneof(
  fc.record({ year: num, quarter: num, parent: code }),
  fc.dictionary(
    fc.constantFrom("year", "quarter", "parent", "indicator", "weights", "version", "kind", "page", "entity"),
    fc.oneof(num, code, word, fc.constantFrom("attainment:bhxhCoverage", "composite", "bhxhParticipants", "latePaymentRate", "estimate")),
    { maxKeys: 5 },
  ),
);

describe.each(dbKinds)("fuzzing every API route on %s", (kind) => {
  let db: TestDatabase;
  const users = new Map<string, unknown>();

  /** What a refused request must leave as it was. */
  const fingerprint = () => storedFingerprint(db);

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
    for (const username of USERS) {
      const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
      users.set(username, { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null });
    }
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("never answers 5xx, and a refused request changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ROUTES),
        fc.constantFrom(...USERS),
        fc.record({ code, year: num, quarter: num, month: num, action: word }),
        query,
        body,
        async (route, username, params, q, payload) => {
          ctx.user = users.get(username);
          const url = new URL("http://localhost/api/v1/fuzz");
          for (const [k, v] of Object.entries(q)) url.searchParams.set(k, v);
          const init: RequestInit = { method: route.method };
          if (route.method !== "GET") Object.assign(init, { body: payload, headers: { "content-type": "application/json" } });
          const p = Object.fromEntries(route.params.map((k) => [k, params[k as keyof typeof params]]));
          const before = await fingerprint();
          const res = await route.handler(new Request(url, init), { params: Promise.resolve(p) });
          expect(res.status, `${route.name} as ${username} ${JSON.stringify(p)} ${url.search} ${payload}`).toBeLessThan(500);
          if (res.status >= 400) expect(await fingerprint(), `${route.name} refused but changed something`).toBe(before);
        },
      ),
      { numRuns: 400, seed: 403, endOnFailure: true },
    );
  }, 300_000);
});
