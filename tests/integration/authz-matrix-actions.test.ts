// The authorization matrix of the server actions (issue 12): every role × every action that changes
// data × the same units as the API's matrix (authz-matrix.test.ts), judged by the permission table.
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

import { can, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session.server";
import { CODES, USERS, useMatrix } from "@/tests/helpers/authz";
import * as completenessActions from "@/lib/actions/completeness";
import * as employersActions from "@/lib/actions/employers";
import * as figuresActions from "@/lib/actions/figures";
import * as milestonesActions from "@/lib/actions/milestones";
import * as monthlyActions from "@/lib/actions/monthly";
import * as qualityActions from "@/lib/actions/quality";
import * as rankingsActions from "@/lib/actions/rankings";
import * as reportsActions from "@/lib/actions/reports";
import * as reviewActions from "@/lib/actions/review";
import * as targetsActions from "@/lib/actions/targets";
import * as usersActions from "@/lib/actions/users";
import * as villagesActions from "@/lib/actions/villages";
import * as workflowActions from "@/lib/actions/workflow";

const DENIED = new Set<string>(Object.values(PERMISSIONS).map((p) => p.denied));

describe("the authorization matrix of the server actions", () => {
  const matrix = useMatrix(ctx);
  const fingerprint = () => matrix().fingerprint();

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
    { name: "saveScenarioAction", permission: "targets.set", call: (code) => monthlyActions.saveScenarioAction(code, 2026, { months: {}, version: 0 }) },
    {
      name: "saveMonthlyFiguresAction",
      permission: "figures.monthly",
      call: (code) => monthlyActions.saveMonthlyFiguresAction(code, 2026, 6, { figures: { bhxhCompulsory: 1000 }, version: 0 }),
    },
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
      name: "saveVillageFiguresAction",
      permission: "villages.figures",
      call: (code) =>
        villagesActions.saveVillageFiguresAction({
          communeCode: code.split("-")[0],
          villageCode: code,
          year: 2026,
          quarter: 2,
          body: { figures: { labourForce: 1000 }, version: 1 },
        }),
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
      name: "saveEmployerMonthAction",
      permission: "employers.manage",
      call: (code) =>
        employersActions.saveEmployerMonthAction(code, {
          taxCode: "0100112437",
          name: "Công ty Ma Trận",
          year: 2026,
          month: 10,
          monthsLate: 1,
          amountLate: 1000,
          version: 0,
          employerVersion: 0,
        }),
    },
    {
      name: "publishLatePayersAction",
      permission: "employers.manage",
      call: (code) => employersActions.publishLatePayersAction(code, { year: 2026, month: 10, minMonthsLate: 3, version: 0 }),
    },
    {
      // Reads only, but through the same gate.
      name: "lookupEmployerAction",
      permission: "employers.view",
      call: (code) => employersActions.lookupEmployerAction(code, { taxCode: "0100112437", year: 2026, month: 10 }),
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
      employersActions,
      figuresActions,
      milestonesActions,
      monthlyActions,
      qualityActions,
      rankingsActions,
      reportsActions,
      reviewActions,
      targetsActions,
      usersActions,
      villagesActions,
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
        const user = matrix().users.get(username)!;
        ctx.user = user;
        for (const code of CODES) {
          const label = `${action.name}(${code}) as ${username}`;
          const subject = action.unitOf ? action.unitOf(code) : code;
          const unit = subject === null ? null : matrix().units.get(subject);
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
