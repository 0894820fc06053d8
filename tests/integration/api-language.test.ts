// The API and the server actions answer in the user's language (issue 13, item 7): the NEXT_LOCALE
// cookie, else Accept-Language, else Vietnamese; every error carries a stable code.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown, locale: undefined as string | undefined }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (k: string) => (k === "NEXT_LOCALE" && ctx.locale ? { value: ctx.locale } : undefined) }) }));

import { migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import * as dashboard from "@/app/api/v1/units/[code]/dashboard/route";
import * as quarter from "@/app/api/v1/units/[code]/figures/[year]/[quarter]/route";
import { setDeadlineDaysAction } from "@/lib/actions/completeness";

type Handler = (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

describe("answers in the user's language", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await migratedDatabase("pglite", { demo: true });
    ctx.prisma = db.prisma;
    const u = await db.prisma.user.findUniqueOrThrow({ where: { username: "xa.kimthanh" } });
    ctx.user = { id: u.id, username: u.username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null };
  });
  afterAll(async () => {
    await db?.destroy();
  });

  const get = (headers: Record<string, string>) =>
    (dashboard.GET as unknown as Handler)(new Request("http://localhost/api/v1/units/46/dashboard", { headers }), { params: Promise.resolve({ code: "46" }) });

  it("Vietnamese by default, English for Accept-Language: en or the NEXT_LOCALE cookie, with a code", async () => {
    const vi = await get({});
    expect(vi.status).toBe(403);
    expect(await vi.json()).toEqual({ error: "Tài khoản của bạn không được xem đơn vị này.", code: "forbidden.unit.view", issues: [] });
    expect(await (await get({ "accept-language": "en-US,en;q=0.9" })).json()).toMatchObject({
      error: "Your account may not see this unit.",
      code: "forbidden.unit.view",
    });
    expect(await (await get({ cookie: "NEXT_LOCALE=en", "accept-language": "vi" })).json()).toMatchObject({ error: "Your account may not see this unit." });
  });

  it("validation issues too", async () => {
    const res = await (quarter.PUT as unknown as Handler)(
      new Request("http://localhost/api/v1/units/10804/figures/2026/2", {
        method: "PUT",
        body: "{",
        headers: { "content-type": "application/json", "accept-language": "en" },
      }),
      { params: Promise.resolve({ code: "10804", year: "2026", quarter: "2" }) },
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: "The body sent is not valid JSON.",
      code: "invalidJson",
      issues: [{ path: "", message: "The body sent is not valid JSON." }],
    });
  });

  it("server actions answer in the interface's language", async () => {
    ctx.locale = "en";
    expect(await setDeadlineDaysAction("31", 10)).toMatchObject({
      ok: false,
      status: 403,
      code: "forbidden.city.settings",
      error: expect.stringMatching(/^Only the city's social-insurance staff/),
    });
    ctx.locale = undefined;
    expect(await setDeadlineDaysAction("31", 10)).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/^Chỉ cán bộ BHXH/) });
  });
});
