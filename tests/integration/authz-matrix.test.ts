// The authorization matrix of the JSON API (issue 12): generated from the permission table
// (lib/auth/permissions.ts) and the list of API routes (tests/helpers/api-routes.ts). Every role ×
// every route and method × the user's own unit, a child, a sibling, another province, the nation,
// villages, an unknown and a malformed code. A cell the table refuses must be refused (403; 404 or 422
// where the route does not exist for that level) and change nothing; a cell it allows must not be
// refused; no answer names a unit the user may not see. (Server actions: authz-matrix-actions.test.ts.)
import { describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { can, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session.server";
import { API_ROUTES, type ApiRouteEntry } from "@/tests/helpers/api-routes";
import { CODES, USERS, useMatrix } from "@/tests/helpers/authz";

describe("the authorization matrix of the API", () => {
  const matrix = useMatrix(ctx);
  const fingerprint = () => matrix().fingerprint();
  const hidden = (user: SessionUser) => matrix().hidden(user);

  it("lists every route file and method of the API", () => {
    const root = path.join(process.cwd(), "app/api/v1");
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name === "route.ts") {
          const rel = path.relative(root, dir).split(path.sep).join("/");
          for (const m of readFileSync(p, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${m[1]} ${rel}`);
        }
      }
    };
    walk(root);
    expect(found.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  /** The cells of one route: its parameter sets (the four workflow actions for transitions). */
  const paramSets = (r: ApiRouteEntry, code: string): Record<string, string>[] => {
    const base: Record<string, string> = { code, year: "2026", quarter: "2", month: "6", id: "0".repeat(32) };
    if (r.params.includes("action")) return ["submit", "approve", "return", "reopen"].map((action) => ({ ...base, action }));
    return [base];
  };

  it("holds for every role × API route and method × unit", { timeout: 600_000 }, async () => {
    const leaks: string[] = [];
    let cells = 0;
    for (const route of API_ROUTES) {
      for (const username of USERS) {
        const user = matrix().users.get(username)!;
        ctx.user = user;
        const secret = hidden(user);
        for (const code of CODES) {
          for (const params of paramSets(route, code)) {
            cells++;
            const unit = matrix().units.get(code);
            const permission: Permission = typeof route.permission === "function" ? route.permission(params) : route.permission;
            const url = new URL(`http://localhost/api/v1/${route.path}`);
            for (const [k, v] of new URLSearchParams(route.query ?? "")) url.searchParams.set(k, v);
            if (route.unitFrom === "parent") url.searchParams.set("parent", code);
            const init: RequestInit = { method: route.method };
            if (route.method !== "GET")
              Object.assign(init, { body: JSON.stringify(route.body?.(code) ?? {}), headers: { "content-type": "application/json" } });
            const p = Object.fromEntries(route.params.map((k) => [k, params[k]]));
            const label = `${route.method} ${route.path} ${JSON.stringify(p)}${route.unitFrom === "parent" ? ` parent=${code}` : ""} as ${username}`;
            const before = route.method === "GET" ? "" : await fingerprint();
            const res = await route.handler(new Request(url, init), { params: Promise.resolve(p) });
            const text = (res.headers.get("content-type") ?? "").includes("json") ? await res.text() : "";
            expect(res.status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);

            if (route.unitFrom === "none") {
              // An import id nobody owns: 404 for everyone, whatever the unit.
              expect(res.status, label).toBe(404);
            } else if (!unit) {
              expect(res.status, label).toBe(404);
            } else if (!can(user, "unit.view", unit)) {
              expect(res.status, label).toBe(403);
              if (!secret.some((s) => s.id === unit.id)) {
                // (an ancestor's name may be known; nothing else)
              } else expect(text, label).not.toContain(unit.name);
            } else if (!can(user, permission, unit, { year: 2026 })) {
              const wrongLevel = route.levels !== undefined && !route.levels.includes(unit.level);
              if (wrongLevel) expect([403, 404, 422], label).toContain(res.status);
              else expect(res.status, `${label}: ${text.slice(0, 200)}`).toBe(403);
            } else {
              expect([401, 403], `${label} is allowed by the table: ${text.slice(0, 200)}`).not.toContain(res.status);
              // 404 only for data that does not exist (a quarter not reported), never "no such unit".
              if (res.status === 404) expect(text, label).not.toContain("Không có đơn vị nào mang mã");
            }
            if (res.status >= 400 && route.method !== "GET") expect(await fingerprint(), `${label} was refused but changed something`).toBe(before);
            for (const s of secret) if (text.includes(s.name)) leaks.push(`${label} names ${s.code} ${s.name}`);
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(cells).toBeGreaterThan(1_000);
  });
});
