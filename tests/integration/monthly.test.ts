// Month by month (issue 15) on PGlite (and, with TEST_DATABASE_URL, PostgreSQL): the monthly scenario
// (defaults, save, 409, 422, who may), its quarter-end months as the quarter milestones everywhere, the
// monthly figures (a month not ended: 422; who may), and Huế's demo: October 2026 against its scenario
// and what November needs.
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
import type { SessionUser } from "@/lib/auth/session.server";
import { ServiceError } from "@/lib/figures/errors";
import { MONTHLY_MSG, monthlyView, readMonthlyFigures, readScenario, saveMonthlyFigures, saveScenario } from "@/lib/monthly/service";
import { SCENARIO_MESSAGES_VI, type ScenarioMonths } from "@/lib/domain/scenario";
import { milestoneGrid, saveMilestones } from "@/lib/targets/milestones";
import { dashboard } from "@/lib/dashboard/service";
import { indicatorsView } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { GET as getScenario, PUT as putScenario } from "@/app/api/v1/units/[code]/scenario/route";
import { PUT as putMonth } from "@/app/api/v1/units/[code]/monthly/[year]/[month]/route";
import { localizeErrorBody, localizeMessage } from "@/lib/i18n/server-messages";
import { formatNumber } from "@/lib/format";

const NOW = new Date("2026-12-02T03:00:00Z");
const USERNAMES = ["bhxh.hue", "bhxh.haiphong", "lanhdao.haiphong", "xa.kimthanh", "admin"] as const;

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("the monthly refusals", () => {
  it("each has a code and an English text", () => {
    const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;
    for (const vi of [
      MONTHLY_MSG.scenarioShape,
      MONTHLY_MSG.scenarioNotNumber,
      MONTHLY_MSG.scenarioStale,
      MONTHLY_MSG.monthNotEnded(2026, 12),
      MONTHLY_MSG.badMonth,
      MONTHLY_MSG.empty,
      MONTHLY_MSG.figuresShape,
      MONTHLY_MSG.unknownKeys(["labourForce"]),
      MONTHLY_MSG.badVersion,
      MONTHLY_MSG.monthlyStale(2026, 10),
      "Mốc quý 3 của «Số người tham gia BHXH bắt buộc» lấy từ kịch bản theo tháng năm 2026 (tháng 9): hãy sửa kịch bản ở trang Theo tháng.",
    ]) {
      const en = localizeMessage(vi, "en");
      expect(en.code, vi).not.toBe("message");
      expect(en.message.replace(/«[^»]*»/g, ""), vi).not.toMatch(VIETNAMESE);
    }
  });
});

describe.each(dbKinds)("month by month on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<(typeof USERNAMES)[number], SessionUser>;
  const audits = (entity: string) => db.prisma.auditEntry.count({ where: { entity } });

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
    for (const username of USERNAMES) {
      const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
      actors[username] = { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null };
    }
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("Huế's demo: a saved 2026 scenario, figures January–October, October behind its scenario and what November needs", async () => {
    const v = await monthlyView(db.prisma, actors["bhxh.hue"], "46", 2026, NOW);
    expect(v.scenario).toMatchObject({ saved: true, version: 1, editable: true });
    expect(v.scenario.months["12"]).toMatchObject({ bhxhCompulsory: 152_475, bhxhVoluntary: 30_633, bhtn: 142_150, bhyt: 1_188_826 });
    expect(v.figures.months.filter((m) => m.figures).map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(v.figures.months.map((m) => m.ended)).toEqual([...Array(11).fill(true), false]);
    expect(v.latestMonth).toBe(10);
    const oct = v.rows[9].cells.bhxhCompulsory;
    expect(oct.gap).toBeLessThan(0);
    expect(oct.onTrack).toBe(false);
    expect(-oct.gap! / oct.planned!).toBeLessThan(0.05); // a little behind, not far
    const nov = v.needs.find((n) => n.key === "bhxhCompulsory")!;
    expect(nov).toMatchObject({ month: 11, planned: v.scenario.months["11"].bhxhCompulsory, from: oct.actual, met: false });
    expect(nov.change).toBeGreaterThan(0);
    // Coverage needs quarterly denominators: planned monthly, not measured.
    expect(v.measured).not.toContain("bhxhCoverage");
    expect(v.measured).toEqual(expect.arrayContaining(["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt", "latePaymentRate", "amountCollected"]));
    // Quarter ends are close to the communes' quarterly figures (Q1, Q2: every commune reported).
    const q2 = await indicatorsView(db.prisma, await scopeUnit(db.prisma, actors["bhxh.hue"], "46"), { year: 2026, quarter: 2 });
    expect(v.figures.months[5].figures!.bhxhCompulsory).toBe(q2.figures.bhxhCompulsory);
    // Its Q1–Q3 milestones are the scenario's months 3, 6, 9; Q4 is the target.
    expect(q2.expected.bhxhCompulsory).toBe(v.scenario.months["6"].bhxhCompulsory);
    expect(q2.expectedBasis.bhxhCompulsory).toBe("scenario");
    const q4 = await indicatorsView(db.prisma, await scopeUnit(db.prisma, actors["bhxh.hue"], "46"), { year: 2025, quarter: 4 });
    expect(q4.expectedBasis.bhxhCompulsory ?? null).not.toBe("scenario");
  });

  it("gives the defaults when none is saved: December = the target, rising stocks never fall", async () => {
    const s = await readScenario(db.prisma, actors["lanhdao.haiphong"], "31", 2026);
    expect(s).toMatchObject({ saved: false, version: 0, editable: false });
    for (const t of s.targets) {
      expect(s.months["12"][t.key], t.key).toBe(t.target);
      if (t.key !== "latePaymentRate" && t.baseline !== null && t.target >= t.baseline)
        for (let m = 2; m <= 12; m++) expect(s.months[String(m)][t.key], `${t.key} ${m}`).toBeGreaterThanOrEqual(s.months[String(m - 1)][t.key]);
    }
    expect(s.months).toEqual(s.defaults);
    expect((await failure(readScenario(db.prisma, actors["bhxh.hue"], "31", 2026))).status).toBe(403);
    expect((await failure(readScenario(db.prisma, actors["bhxh.haiphong"], "31", 2031))).status).toBe(422);
  });

  it("saves a scenario (versioned, audited), refuses a stale version (409) and bad input (422) without writing", async () => {
    const staff = actors["bhxh.haiphong"];
    const s = await readScenario(db.prisma, staff, "31", 2026);
    expect(s.editable).toBe(true);
    const months: ScenarioMonths = structuredClone(s.months);
    months["9"].bhxhCompulsory = s.months["9"].bhxhCompulsory - 1000;
    const before = await audits("scenario");
    const saved = await saveScenario(db.prisma, staff, "31", 2026, { months, version: 0 });
    expect(saved).toMatchObject({ saved: true, version: 1 });
    expect(saved.months["9"].bhxhCompulsory).toBe(months["9"].bhxhCompulsory);
    expect(await audits("scenario")).toBe(before + 12 * s.targets.length);

    // Stale: someone read version 0.
    const stale = await failure(saveScenario(db.prisma, staff, "31", 2026, { months, version: 0 }));
    expect(stale.status).toBe(409);
    expect(stale.message).toBe(MONTHLY_MSG.scenarioStale);
    expect((await failure(saveScenario(db.prisma, staff, "31", 2026, { months }))).status).toBe(428);

    const spoilt = (f: (m: ScenarioMonths) => void) => {
      const m = structuredClone(months);
      f(m);
      return saveScenario(db.prisma, staff, "31", 2026, { months: m, version: 1 });
    };
    const december = await failure(spoilt((m) => (m["12"].bhxhCompulsory += 1)));
    expect(december.status).toBe(422);
    expect(december.issues[0].message).toMatch(/^Tháng 12 của «Số người tham gia BHXH bắt buộc» phải bằng chỉ tiêu năm/);
    expect((await failure(spoilt((m) => (m["4"].bhxhCoverage = 1.2)))).issues[0].message).toBe(SCENARIO_MESSAGES_VI.rateOver100(4, "Tỷ lệ tham gia BHXH"));
    expect((await failure(spoilt((m) => (m["4"].pensionCoverage = 0.5)))).issues[0].message).toBe(SCENARIO_MESSAGES_VI.notTargeted("pensionCoverage", 2026));
    expect((await failure(spoilt((m) => delete m["11"]))).issues[0].message).toBe(SCENARIO_MESSAGES_VI.missingMonth(11));
    expect((await failure(spoilt((m) => (m["2"].bhyt = -5)))).status).toBe(422);
    expect(await audits("scenario")).toBe(before + 12 * s.targets.length);
    expect((await readScenario(db.prisma, staff, "31", 2026)).version).toBe(1);
  });

  it("makes the saved scenario's months 3, 6, 9 the quarter milestones: unit page, dashboards, milestones page", async () => {
    const staff = actors["bhxh.haiphong"];
    const s = await readScenario(db.prisma, staff, "31", 2026);
    const planned = s.months["9"].bhxhCompulsory;
    const hp = await scopeUnit(db.prisma, staff, "31");
    const view = await indicatorsView(db.prisma, hp, { year: 2026, quarter: 3 });
    expect(view.expected.bhxhCompulsory).toBe(planned);
    expect(view.expectedBasis.bhxhCompulsory).toBe("scenario");
    const city = await dashboard(db.prisma, hp, 2026, 3, NOW);
    expect(city.totals.expected.bhxhCompulsory).toBe(planned);
    const nation = await dashboard(db.prisma, await scopeUnit(db.prisma, actors.admin, "VN"), 2026, 3, NOW);
    expect(nation.rows.find((r) => r.unit.code === "31")!.expected.bhxhCompulsory).toBe(planned);

    const grid = await milestoneGrid(db.prisma, staff, "31", 2026);
    expect(grid.scenarioSaved).toBe(true);
    const q3 = grid.rows.find((r) => r.key === "bhxhCompulsory")!.quarters[2];
    expect(q3).toMatchObject({ scenario: planned, applied: { value: planned, basis: "scenario" } });
    // One value per quarter: an override of a quarter the scenario plans is refused, nothing written.
    const refused = await failure(
      saveMilestones(db.prisma, staff, "31", { year: 2026, entries: [{ key: "bhxhCompulsory", quarter: 3, value: 1, version: 0 }] }),
    );
    expect(refused.status).toBe(422);
    expect(refused.issues[0].message).toMatch(/lấy từ kịch bản theo tháng năm 2026 \(tháng 9\)/);
    expect(await db.prisma.milestone.count({ where: { unitId: hp.id, year: 2026 } })).toBe(0);
  });

  it("lets only whoever sets the targets edit a scenario: city staff, not leaders; an officer for its villages", async () => {
    const body = async (code: string, who: SessionUser) => ({ months: (await readScenario(db.prisma, who, code, 2026)).months, version: 0 });
    expect((await failure(saveScenario(db.prisma, actors["lanhdao.haiphong"], "31", 2026, await body("31", actors["lanhdao.haiphong"])))).status).toBe(403);
    expect((await failure(saveScenario(db.prisma, actors["bhxh.hue"], "31", 2026, {}))).status).toBe(403);
    expect((await failure(saveScenario(db.prisma, actors["xa.kimthanh"], "10804", 2026, await body("10804", actors["xa.kimthanh"])))).status).toBe(403);
    expect(await saveScenario(db.prisma, actors["bhxh.haiphong"], "10804", 2026, await body("10804", actors["bhxh.haiphong"]))).toMatchObject({ version: 1 });
    const village = await readScenario(db.prisma, actors["xa.kimthanh"], "10804-01", 2026);
    expect(village.editable).toBe(true);
    expect(await saveScenario(db.prisma, actors["xa.kimthanh"], "10804-01", 2026, { months: village.months, version: 0 })).toMatchObject({ saved: true });
  });

  it("takes monthly figures from city staff for ended months only (422 otherwise), versioned and audited", async () => {
    const staff = actors["bhxh.haiphong"];
    const figures = {
      bhxhCompulsory: 700_000,
      bhxhVoluntary: 60_000,
      bhtn: 650_000,
      bhyt: 3_900_000,
      amountDue: 9e12,
      amountCollected: 8.8e12,
      latePayments: 2e11,
    };
    const before = await audits("monthly");
    const v = await saveMonthlyFigures(db.prisma, staff, "31", 2026, 11, { figures, version: 0 }, NOW);
    expect(v.months[10]).toMatchObject({ month: 11, version: 1, figures });
    expect(await audits("monthly")).toBe(before + 7);
    // The month in progress, and one in the future.
    for (const [y, m] of [
      [2026, 12],
      [2027, 1],
    ]) {
      const e = await failure(saveMonthlyFigures(db.prisma, staff, "31", y, m, { figures, version: 0 }, NOW));
      expect(e.status).toBe(422);
      expect(e.message).toBe(MONTHLY_MSG.monthNotEnded(y, m));
    }
    // Saved by someone else meanwhile: 409, nothing written, and what is stored now on each field that differs.
    const stale = await failure(saveMonthlyFigures(db.prisma, staff, "31", 2026, 11, { figures: { ...figures, bhyt: 1_234_567 }, version: 0 }, NOW));
    expect(stale.status).toBe(409);
    expect(stale.message).toBe(MONTHLY_MSG.monthlyStale(2026, 11));
    expect(stale.issues).toEqual([
      { path: "figures.bhyt", severity: "error", message: `Số người tham gia BHYT: hiện đã lưu ${formatNumber(figures.bhyt, "vi")} (bạn nhập 1.234.567).` },
    ]);
    expect(localizeErrorBody({ error: stale.message, issues: stale.issues }, "en").issues![0].message).toBe(
      `Health insurance participants: now saved ${formatNumber(figures.bhyt, "en")} (you entered 1,234,567).`,
    );
    expect(await audits("monthly")).toBe(before + 7);
    expect((await failure(saveMonthlyFigures(db.prisma, staff, "31", 2026, 13, { figures, version: 0 }, NOW))).status).toBe(422);
    expect(
      (await failure(saveMonthlyFigures(db.prisma, staff, "31", 2026, 10, { figures: { ...figures, bhtn: 800_000 }, version: 0 }, NOW))).issues[0].path,
    ).toBe("figures.bhtn");
    expect((await failure(saveMonthlyFigures(db.prisma, staff, "31", 2026, 10, { figures: { labourForce: 5 }, version: 0 }, NOW))).status).toBe(422);
    // Who: city staff for the city and its communes; nobody else, nowhere else.
    expect(await saveMonthlyFigures(db.prisma, staff, "10804", 2026, 10, { figures: { bhxhCompulsory: 12_500 } }, NOW)).toMatchObject({ editable: true });
    for (const [who, code] of [
      ["xa.kimthanh", "10804"],
      ["lanhdao.haiphong", "31"],
      ["bhxh.hue", "31"],
      ["bhxh.haiphong", "10804-01"],
      ["admin", "31"],
    ] as const)
      expect(
        (await failure(saveMonthlyFigures(db.prisma, actors[who], code, 2026, 10, { figures: { bhxhCompulsory: 1 }, version: 0 }, NOW))).status,
        `${who} ${code}`,
      ).toBe(403);
    expect(await audits("monthly")).toBe(before + 8);
    expect((await readMonthlyFigures(db.prisma, actors["lanhdao.haiphong"], "31", 2026, NOW)).editable).toBe(false);
  });

  it("serves the JSON API: GET and PUT scenario, a month not ended refused with 422 in the user's language", async () => {
    ctx.user = actors["bhxh.hue"];
    const params = { params: Promise.resolve({ code: "46" }) };
    const got = await getScenario(new Request("http://localhost/api/v1/units/46/scenario?year=2026"), params);
    expect(got.status).toBe(200);
    const body = await got.json();
    expect(Object.keys(body.months)).toHaveLength(12);
    expect(body).toMatchObject({ saved: true, version: 1 });
    const put = (b: unknown, headers: Record<string, string> = {}) =>
      putScenario(
        new Request("http://localhost/api/v1/units/46/scenario?year=2026", {
          method: "PUT",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(b),
        }),
        params,
      );
    expect((await put({ months: body.months, version: 0 })).status).toBe(409);
    const ok = await put({ months: { ...body.months, "10": { ...body.months["10"], bhyt: body.months["10"].bhyt + 10 } }, version: 1 });
    expect(ok.status).toBe(200);
    expect((await ok.json()).version).toBe(2);

    const month = (y: string, m: string, headers: Record<string, string> = {}) =>
      putMonth(
        new Request(`http://localhost/api/v1/units/46/monthly/${y}/${m}`, {
          method: "PUT",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ figures: { bhxhCompulsory: 150_000 }, version: 0 }),
        }),
        { params: Promise.resolve({ code: "46", year: y, month: m }) },
      );
    const future = await month("2030", "12", { "accept-language": "en" });
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ code: "monthly.notEnded", error: "Month 12/2030 has not ended: its figures cannot be entered yet." });
    ctx.user = actors["xa.kimthanh"];
    expect((await month("2026", "10")).status).toBe(403);
  });

  it("asks to confirm a month whose participants move over ±20% or whose money collected goes down, writing nothing until confirmed", async () => {
    const hue = actors["bhxh.hue"];
    const october = (await readMonthlyFigures(db.prisma, hue, "46", 2026, NOW)).months[9];
    const stored = october.figures!;
    const figures = { ...stored, bhxhVoluntary: stored.bhxhVoluntary! * 2, amountCollected: 1 };
    const e = await failure(saveMonthlyFigures(db.prisma, hue, "46", 2026, 10, { figures, version: october.version }, NOW));
    expect(e.status).toBe(422);
    expect(e.extra).toMatchObject({ needsConfirmation: true });
    expect(e.issues.map((i) => i.path).sort()).toEqual(["figures.amountCollected", "figures.bhxhVoluntary"]);
    expect(e.issues[0].message + e.issues[1].message).toContain("so với tháng trước");
    expect((await readMonthlyFigures(db.prisma, hue, "46", 2026, NOW)).months[9].version).toBe(october.version);
    const saved = await saveMonthlyFigures(db.prisma, hue, "46", 2026, 10, { figures, version: october.version, confirmWarnings: true }, NOW);
    expect(saved.months[9].figures).toMatchObject({ bhxhVoluntary: figures.bhxhVoluntary });
  });
});
