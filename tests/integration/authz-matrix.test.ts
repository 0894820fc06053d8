// The authorization matrix (issue 12): generated from the permission table (lib/auth/permissions.ts)
// and the list of API routes (tests/helpers/api-routes.ts). Every role × every route and method ×
// the user's own unit, a child, a sibling, another province, the nation, villages, an unknown and a
// malformed code; every server action likewise. A cell the table refuses must be refused (403; 404
// or 422 where the route does not exist for that level) and change nothing; a cell it allows must
// not be refused; no answer names a unit the user may not see.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({ prisma: async () => ctx.prisma }));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { can, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session.server";
import { storedFingerprint } from "@/tests/helpers/fingerprint";
import { migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { API_ROUTES, type ApiRouteEntry } from "@/tests/helpers/api-routes";
import * as completenessActions from "@/lib/actions/completeness";
import * as figuresActions from "@/lib/actions/figures";
import * as milestonesActions from "@/lib/actions/milestones";
import * as qualityActions from "@/lib/actions/quality";
import * as rankingsActions from "@/lib/actions/rankings";
import * as reportsActions from "@/lib/actions/reports";
import * as reviewActions from "@/lib/actions/review";
import * as targetsActions from "@/lib/actions/targets";
import * as usersActions from "@/lib/actions/users";
import * as workflowActions from "@/lib/actions/workflow";

const USERS = ["admin", "lanhdao.quocgia", "bhxh.haiphong", "lanhdao.haiphong", "xa.kimthanh", "bhxh.hue"] as const;
// Nation; Hải Phòng (31) and Huế (46) with data, Hà Nội (01) without; communes of each; villages.
const KNOWN = ["VN", "31", "46", "01", "10804", "11242", "19753", "10804-01", "11242-01", "19753-01"] as const;
const UNKNOWN = ["99999", "abc$"] as const;
const CODES = [...KNOWN, ...UNKNOWN];

type Unit = { id: number; code: string; name: string; level: "NATION" | "PROVINCE" | "COMMUNE" | "VILLAGE"; parentId: number | null; tenantId: number | null };

const DENIED = new Set<string>(Object.values(PERMISSIONS).map((p) => p.denied));

describe("the authorization matrix", () => {
  let db: TestDatabase;
  const users = new Map<string, SessionUser>();
  const units = new Map<string, Unit>();

  const fingerprint = () => storedFingerprint(db);

  /** Units named nowhere in what this user may receive: out of scope, not above the user, not sharing a visible unit's name. */
  const hidden = (user: SessionUser): Unit[] => {
    const visible = [...units.values()].filter((u) => can(user, "unit.view", u));
    const above = new Set<number>();
    for (let p = user.unitId === null ? null : (units.get([...units.values()].find((u) => u.id === user.unitId)?.code ?? "")?.id ?? null); p !== null;) {
      above.add(p);
      p = [...units.values()].find((u) => u.id === p)?.parentId ?? null;
    }
    return [...units.values()].filter((u) => !can(user, "unit.view", u) && !above.has(u.id) && !visible.some((v) => v.name === u.name));
  };

  beforeAll(async () => {
    db = await migratedDatabase("pglite", { demo: true });
    ctx.prisma = db.prisma;
    for (const username of USERS) {
      const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
      users.set(username, { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null });
    }
    for (const code of KNOWN) {
      const u = await db.prisma.unit.findFirstOrThrow({
        where: { code },
        select: { id: true, code: true, name: true, level: true, parentId: true, tenantId: true },
      });
      units.set(code, u);
    }
  });
  afterAll(async () => {
    await db?.destroy();
  });

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
    const base: Record<string, string> = { code, year: "2026", quarter: "2" };
    if (r.params.includes("action")) return ["submit", "approve", "return", "reopen"].map((action) => ({ ...base, action }));
    return [base];
  };

  it("holds for every role × API route and method × unit", { timeout: 600_000 }, async () => {
    const leaks: string[] = [];
    let cells = 0;
    for (const route of API_ROUTES) {
      for (const username of USERS) {
        const user = users.get(username)!;
        ctx.user = user;
        const secret = hidden(user);
        for (const code of CODES) {
          for (const params of paramSets(route, code)) {
            cells++;
            const unit = units.get(code);
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

            if (!unit) {
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

  // -------------------------------------------------------------------------------------------
  // Server actions: the same table, through the forms' entry points.

  type ActionResult = { ok: boolean; error?: string; status?: number };
  interface ActionEntry {
    name: string;
    permission: Permission;
    /** The unit the permission is about, from the code of the cell (null: not about a unit). */
    unitOf?: (code: string) => string | null;
    call: (code: string) => Promise<ActionResult>;
    /** It names a second unit that may not exist (a village of the cell's unit): 404 is a fair refusal. */
    secondUnit?: boolean;
  }
  const ACTIONS: ActionEntry[] = [
    {
      name: "saveQuarterAction",
      permission: "figures.enter",
      call: (code) => figuresActions.saveQuarterAction({ unitCode: code, year: 2026, quarter: 2, body: { figures: { labourForce: 1000 }, version: 1 } }),
    },
    ...(["submit", "approve", "return", "reopen"] as const).map((action) => ({
      name: `transitionAction ${action}`,
      permission: (action === "submit" ? "figures.enter" : "report.review") as Permission,
      call: (code: string) => workflowActions.transitionAction({ unitCode: code, year: 2026, quarter: 2, action, comment: "Ma trận", version: 1 }),
    })),
    {
      name: "explanationAction",
      permission: "figures.enter",
      call: (code) =>
        workflowActions.explanationAction({
          unitCode: code,
          year: 2026,
          quarter: 2,
          key: "bhxhCoverage",
          reason: "Kiểm tra ma trận quyền",
          actions: "Kiểm tra ma trận quyền",
        }),
    },
    {
      name: "postCommentAction",
      // The commune's officer ("figures.enter") or the city's staff ("report.review"): no role holds both.
      get permission(): Permission {
        return (ctx.user as SessionUser | null)?.role === "CITY_STAFF" ? "report.review" : "figures.enter";
      },
      call: (code) => reviewActions.postCommentAction({ unitCode: code, year: 2026, quarter: 2, body: "Trao đổi kiểm tra ma trận quyền" }),
    },
    {
      name: "reviewFiguresAction",
      permission: "report.review",
      call: (code) => reviewActions.reviewFiguresAction({ year: 2026, quarter: 2, unitCodes: [code] }),
    },
    {
      name: "reviewBatchAction",
      permission: "report.review",
      call: (code) => completenessActions.reviewBatchAction("31", { action: "return", year: 2026, quarter: 2, unitCodes: [code], comment: "Ma trận" }),
    },
    { name: "setDeadlineDaysAction", permission: "city.settings", call: (code) => completenessActions.setDeadlineDaysAction(code, 12) },
    { name: "setChangePctAction", permission: "city.settings", call: (code) => qualityActions.setChangePctAction(code, 33) },
    {
      name: "setRankingSettingsAction",
      permission: "city.settings",
      call: (code) => rankingsActions.setRankingSettingsAction(code, { attained: 1, close: 0.9, listSize: 5 }),
    },
    { name: "saveMilestonesAction", permission: "targets.set", call: (code) => milestonesActions.saveMilestonesAction(code, { year: 2026, entries: [] }) },
    {
      name: "saveReportTextsAction",
      permission: "report.edit",
      call: (code) => reportsActions.saveReportTextsAction(code, 2026, 2, { opening: "Ma trận quyền", parts: {} }),
    },
    {
      name: "saveReportSettingsAction",
      permission: "report.edit",
      call: (code) => reportsActions.saveReportSettingsAction(code, { settings: {}, version: 0 }),
    },
    {
      name: "saveTargetsAction",
      permission: "targets.set",
      call: (code) => targetsActions.saveTargetsAction(code, { year: 2026, entries: [{ unitCode: code, key: "bhxhCompulsory", value: null }] }),
    },
    {
      name: "createVillageAction",
      permission: "villages.manage",
      call: (code) => targetsActions.createVillageAction(code, { name: `Thôn Ma Trận ${code}`, type: "THON" }),
    },
    {
      name: "renameVillageAction",
      permission: "villages.manage",
      secondUnit: true,
      unitOf: (code) => (code.includes("-") ? code.split("-")[0] : code),
      call: (code) =>
        targetsActions.renameVillageAction(code.includes("-") ? code.split("-")[0] : code, code.includes("-") ? code : `${code}-01`, "Thôn Đổi Tên"),
    },
    {
      name: "createUserAction",
      permission: "users.manage",
      unitOf: () => null,
      call: (code) =>
        usersActions.createUserAction({
          username: `mt.${code.replace(/\W/g, "")}`.slice(0, 30),
          fullName: "Ma Trận",
          role: "COMMUNE_OFFICER",
          unitCode: code,
          password: "Một mật khẩu rất dài 2026!",
        } as never),
    },
    {
      name: "resetPasswordAction",
      permission: "users.manage",
      unitOf: () => null,
      call: () => usersActions.resetPasswordAction("xa.nguyenluongbang", "Một mật khẩu rất dài 2026!"),
    },
  ];

  it("lists every server action that changes data", () => {
    const listed = new Set(ACTIONS.map((a) => a.name.split(" ")[0]));
    const modules = {
      completenessActions,
      figuresActions,
      milestonesActions,
      qualityActions,
      rankingsActions,
      reportsActions,
      reviewActions,
      targetsActions,
      usersActions,
      workflowActions,
    };
    // Not about a unit's data: the locale (a cookie), one's own notifications, and the retire action
    // (the same gate as rename, tried by the browser tests) and the account update (users.manage, as create).
    const exempt = new Set(["retireVillageAction", "updateUserAction"]);
    for (const [mod, exports] of Object.entries(modules)) {
      for (const name of Object.keys(exports)) if (!exempt.has(name)) expect(listed.has(name), `${mod}.${name} is not in the matrix`).toBe(true);
    }
  });

  it("holds for every role × server action × unit", { timeout: 600_000 }, async () => {
    for (const action of ACTIONS) {
      for (const username of USERS) {
        const user = users.get(username)!;
        ctx.user = user;
        for (const code of CODES) {
          const label = `${action.name}(${code}) as ${username}`;
          const subject = action.unitOf ? action.unitOf(code) : code;
          const unit = subject === null ? null : units.get(subject);
          const before = await fingerprint();
          const r = await action.call(code);
          expect(r.error ?? "", label).not.toMatch(/Lỗi hệ thống/);
          const allowed =
            subject === null
              ? can(user, action.permission)
              : unit !== undefined && can(user, "unit.view", unit) && can(user, action.permission, unit, { year: 2026 });
          if (!allowed) {
            expect(r.ok, `${label}: ${r.error}`).toBe(false);
            expect([403, 404, 422], `${label}: ${r.error}`).toContain(r.status);
            if (unit && !can(user, "unit.view", unit) && !action.secondUnit) expect(r.status, label).toBe(403);
            if (subject === null) expect(r.status, label).toBe(403);
            expect(await fingerprint(), `${label} was refused but changed something`).toBe(before);
          } else {
            expect([401, 403], `${label} is allowed by the table: ${r.error}`).not.toContain(r.status);
            if (r.error) expect(DENIED.has(r.error), `${label}: ${r.error}`).toBe(false);
          }
        }
      }
    }
  });
});
