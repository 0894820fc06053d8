// The monthly scenario (issue 15): defaults month by month (stock, flow, ceiling; December = the
// target; monotone where the target rises), a submitted scenario's checks, the gap of a month and
// what the next month needs; the months that have ended (Vietnam time); its quarter-end months as
// quarter milestones (lib/domain/milestones.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkScenario,
  compareWithScenario,
  completeScenario,
  defaultMonthValues,
  defaultScenario,
  isMonthEnded,
  lastEndedMonth,
  monthGap,
  nextMonthNeed,
  scenarioQuarterValues,
  SCENARIO_MESSAGES_VI,
  type ScenarioMonths,
} from "@/lib/domain/scenario";
import { defaultMilestone, judgeTargets, milestoneFor } from "@/lib/domain/milestones";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { parseCount } from "@/components/monthly/numbers";

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;

describe("default monthly values", () => {
  // Kim Thành (seed 001): 13.624 compulsory participants in 2026; say 12.000 at 31/12/2025.
  // Huế (seed 004): 152.475 compulsory, 30.633 voluntary by 31/12/2026.
  it.each([
    [
      "stock, Kim Thành compulsory from 12.000",
      "bhxhCompulsory",
      13624,
      "COUNT",
      12000,
      [12135, 12271, 12406, 12541, 12677, 12812, 12947, 13083, 13218, 13353, 13489, 13624],
    ],
    [
      "stock, Huế voluntary from 27.000",
      "bhxhVoluntary",
      30633,
      "COUNT",
      27000,
      [27303, 27606, 27908, 28211, 28514, 28817, 29119, 29422, 29725, 30028, 30330, 30633],
    ],
    ["stock without last year's figure: the target every month", "bhxhVoluntary", 486, "COUNT", null, Array(12).fill(486)],
    ["stock falling to its target", "bhxhCompulsory", 900, "COUNT", 1020, [1010, 1000, 990, 980, 970, 960, 950, 940, 930, 920, 910, 900]],
    [
      "rate stock (coverage 39% → 43%)",
      "bhxhCoverage",
      0.43,
      "RATE",
      0.39,
      [0.3933, 0.3967, 0.4, 0.4033, 0.4067, 0.41, 0.4133, 0.4167, 0.42, 0.4233, 0.4267, 0.43],
    ],
    [
      "flow: revenue plan 1.200 million, a twelfth a month",
      "amountCollected",
      1_200_000_000,
      "COUNT",
      5,
      Array.from({ length: 12 }, (_, i) => (i + 1) * 100_000_000),
    ],
    ["ceiling: the late-payment rate every month", "latePaymentRate", 0.025, "RATE", 0.03, Array(12).fill(0.025)],
  ] as const)("%s", (_label, key, target, kind, baseline, expected) => {
    expect(defaultMonthValues(key, { value: target, kind }, baseline)).toEqual(expected);
  });

  it("quarter-end months equal the default quarter milestones (rounded), December the target", () => {
    const values = defaultMonthValues("bhxhCompulsory", { value: 13624, kind: "COUNT" }, 12000);
    for (const q of [1, 2, 3, 4]) expect(values[q * 3 - 1]).toBe(Math.round(defaultMilestone("bhxhCompulsory", 13624, q, 12000)!.value));
  });

  it("a revenue plan's quarter ends are its milestones to the đồng, the other months to the million", () => {
    const plan = 299_758_000_000;
    const values = defaultMonthValues("amountCollected", { value: plan, kind: "COUNT" }, null);
    for (const q of [1, 2, 3]) expect(values[q * 3 - 1]).toBe(defaultMilestone("amountCollected", plan, q, null)!.value);
    expect(values[8]).toBe(224_818_500_000);
    expect(values[7] % 1_000_000).toBe(0);
    expect(values[11]).toBe(plan);
  });

  it("passes through city staff's quarter milestones, so saving the defaults moves no milestone", () => {
    const values = defaultMonthValues("bhxhCompulsory", { value: 13624, kind: "COUNT" }, 12000, (q) => (q === 2 ? 12500 : null));
    expect(values[2]).toBe(12406); // Q1: default
    expect(values[5]).toBe(12500); // Q2: the override
    expect(values[3]).toBe(Math.round(12406 + (12500 - 12406) / 3));
    expect(values[8]).toBe(13218); // Q3: default
    expect(values[11]).toBe(13624);
  });

  it("a whole unit: every month, every key", () => {
    const s = defaultScenario({
      targets: { bhxhCompulsory: { value: 152475, kind: "COUNT" }, latePaymentRate: { value: 0.025, kind: "RATE" } },
      baselineOf: (k) => (k === "bhxhCompulsory" ? 145000 : null),
    });
    expect(Object.keys(s)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    expect(s["12"]).toEqual({ bhxhCompulsory: 152475, latePaymentRate: 0.025 });
    expect(s["10"].bhxhCompulsory).toBe(Math.round(145000 + (7475 * 10) / 12));
  });

  const target = fc.integer({ min: 0, max: 5_000_000 });
  it("property: December is the target, for every nature and input", () => {
    fc.assert(
      fc.property(fc.constantFrom("bhxhCompulsory", "bhyt", "amountCollected", "latePaymentRate", "bhxhCoverage"), target, fc.option(target), (key, t, b) => {
        const kind = key === "latePaymentRate" || key === "bhxhCoverage" ? "RATE" : "COUNT";
        const value = kind === "RATE" ? t / 5_000_000 : t;
        const base = b === null ? null : kind === "RATE" ? b / 5_000_000 : b;
        expect(defaultMonthValues(key, { value, kind }, base)[11]).toBe(value);
      }),
    );
  });

  it("property: where the target rises above the baseline, the defaults never fall (counts and rates)", () => {
    fc.assert(
      fc.property(target, target, fc.boolean(), (a, b, rate) => {
        const [base, t] = a <= b ? [a, b] : [b, a];
        const kind = rate ? "RATE" : "COUNT";
        const scale = rate ? 1 / 5_000_000 : 1;
        const values = defaultMonthValues(rate ? "bhxhCoverage" : "bhxhCompulsory", { value: t * scale, kind }, base * scale);
        for (let i = 1; i < 12; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
        // Rounding (whole counts, 0,01 point for rates) may land half a step under an unrounded baseline.
        expect(values[0]).toBeGreaterThanOrEqual(base * scale - (rate ? 0.00005 : 0.5) - 1e-12);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: a flow rises from 0 to its plan and never falls", () => {
    fc.assert(
      fc.property(target, (t) => {
        const values = defaultMonthValues("amountCollected", { value: t, kind: "COUNT" }, null);
        expect(values[0]).toBeGreaterThanOrEqual(0);
        for (let i = 1; i < 12; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
      }),
    );
  });
});

describe("checking a submitted scenario", () => {
  const targets = { bhxhCompulsory: { value: 13624, kind: "COUNT" as const }, bhxhCoverage: { value: 0.43, kind: "RATE" as const } };
  const valid = (): ScenarioMonths => defaultScenario({ targets, baselineOf: (k) => (k === "bhxhCompulsory" ? 12000 : 0.39) });

  it("accepts the defaults", () => expect(checkScenario(valid(), targets, 2026)).toEqual([]));

  type Spoil = [label: string, spoil: (s: ScenarioMonths) => void, path: string, message: string];
  const SPOILS: Spoil[] = [
    ["a missing month", (s) => void delete s["7"], "months.7", SCENARIO_MESSAGES_VI.missingMonth(7)],
    ["a month 13", (s) => void (s["13"] = { ...s["12"] }), "months.13", SCENARIO_MESSAGES_VI.badMonth("13")],
    ["a key that is not a target", (s) => void (s["3"].bhyt = 5), "months.3.bhyt", SCENARIO_MESSAGES_VI.notTargeted("bhyt", 2026)],
    ["a missing key", (s) => void delete s["5"].bhxhCompulsory, "months.5.bhxhCompulsory", SCENARIO_MESSAGES_VI.missingKey(5, "bhxhCompulsory")],
    ["a negative count", (s) => void (s["2"].bhxhCompulsory = -1), "months.2.bhxhCompulsory", SCENARIO_MESSAGES_VI.negative(2, "bhxhCompulsory")],
    ["a fractional count", (s) => void (s["2"].bhxhCompulsory = 12000.5), "months.2.bhxhCompulsory", SCENARIO_MESSAGES_VI.notWhole(2, "bhxhCompulsory")],
    ["a rate over 100%", (s) => void (s["4"].bhxhCoverage = 43), "months.4.bhxhCoverage", SCENARIO_MESSAGES_VI.rateOver100(4, "bhxhCoverage")],
    // A typing slip (extra zeros) found by a tester: it would have become Q3's milestone.
    [
      "a count over ten times the target",
      (s) => void (s["9"].bhxhCompulsory = 136_241),
      "months.9.bhxhCompulsory",
      SCENARIO_MESSAGES_VI.tooLarge(9, "bhxhCompulsory"),
    ],
    [
      "December off the target",
      (s) => void (s["12"].bhxhCompulsory = 13600),
      "months.12.bhxhCompulsory",
      SCENARIO_MESSAGES_VI.december("bhxhCompulsory", "13624"),
    ],
  ];
  it.each(SPOILS)("refuses %s", (_label, spoil, path, message) => {
    const s = valid();
    spoil(s);
    expect(checkScenario(s, targets, 2026)).toEqual([{ path, message }]);
  });

  it("refuses a scenario for a unit without targets", () => {
    expect(checkScenario(valid(), {}, 2027)).toEqual([{ path: "months", message: SCENARIO_MESSAGES_VI.noTargets(2027) }]);
  });

  it("every refusal has an English text and a code", () => {
    for (const vi of [
      SCENARIO_MESSAGES_VI.noTargets(2027),
      SCENARIO_MESSAGES_VI.missingMonth(7),
      SCENARIO_MESSAGES_VI.badMonth("13"),
      SCENARIO_MESSAGES_VI.notTargeted("bhyt", 2026),
      SCENARIO_MESSAGES_VI.missingKey(5, "Số người tham gia BHYT"),
      SCENARIO_MESSAGES_VI.notWhole(5, "Số người tham gia BHYT"),
      SCENARIO_MESSAGES_VI.negative(5, "Số người tham gia BHYT"),
      SCENARIO_MESSAGES_VI.rateOver100(5, "Tỷ lệ tham gia BHXH"),
      SCENARIO_MESSAGES_VI.december("Số người tham gia BHYT", "1.188.826"),
    ]) {
      const en = localizeMessage(vi, "en");
      expect(en.code, vi).not.toBe("message");
      expect(en.message.replace(/«[^»]*»/g, ""), vi).not.toMatch(VIETNAMESE);
    }
  });
});

describe("a stored scenario", () => {
  const targets = { bhxhCompulsory: { value: 13624, kind: "COUNT" as const }, bhyt: { value: 30000, kind: "COUNT" as const } };
  const stored = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), { bhxhCompulsory: 12000 + i * 100, latePaymentRate: 0.02 }]));

  it("is completed for today's targets: a new key takes its default, a dropped key goes, December is the target", () => {
    const defaults = defaultScenario({ targets, baselineOf: () => null });
    const s = completeScenario(stored, targets, defaults);
    expect(s["3"]).toEqual({ bhxhCompulsory: 12200, bhyt: 30000 });
    expect(s["12"]).toEqual({ bhxhCompulsory: 13624, bhyt: 30000 });
  });

  it("gives its quarter-end months as Q1–Q3 milestones, which win over an override; Q4 stays the target", () => {
    expect(scenarioQuarterValues(stored, 3)).toEqual({ bhxhCompulsory: 12800, latePaymentRate: 0.02 });
    expect(scenarioQuarterValues(stored, 4)).toEqual({});
    expect(scenarioQuarterValues(null, 2)).toEqual({});
    expect(milestoneFor("bhxhCompulsory", 13624, 3, 12000, 13000, 12800)).toEqual({ value: 12800, basis: "scenario" });
    expect(milestoneFor("bhxhCompulsory", 13624, 4, 12000, null, 99)).toEqual({ value: 13624, basis: "linear" });
    const j = judgeTargets({
      targets: { bhxhCompulsory: 13624, bhyt: 30000 },
      quarter: 2,
      actualOf: () => 12500,
      baselineOf: () => 12000,
      overrides: { bhxhCompulsory: 1, bhyt: 29000 },
      scenario: scenarioQuarterValues(stored, 2),
      directionOf: () => "higher",
    });
    expect(j.expected).toEqual({ bhxhCompulsory: 12500, bhyt: 29000 });
    expect(j.basis).toEqual({ bhxhCompulsory: "scenario", bhyt: "override" });
    expect(j.statuses.bhxhCompulsory).toBe("attained");
  });
});

describe("actual against the scenario", () => {
  it.each([
    ["behind a stock's plan", 150_000, 150_900, "higher", -900, false],
    ["ahead of a stock's plan", 151_000, 150_900, "higher", 100, true],
    ["exactly on plan", 100, 100, "higher", 0, true],
    ["under a ceiling", 0.02, 0.025, "lower", -0.005, true],
    ["over a ceiling", 0.03, 0.025, "lower", 0.005, false],
  ] as const)("the gap %s", (_label, actual, planned, direction, gap, on) => {
    const g = monthGap(actual, planned, direction);
    expect(g.gap).toBeCloseTo(gap, 9);
    expect(g.onTrack).toBe(on);
  });

  it("no gap without an actual or a plan", () => {
    expect(monthGap(null, 5, "higher")).toEqual({ planned: 5, actual: null, gap: null, onTrack: null });
    expect(monthGap(5, undefined, "higher")).toEqual({ planned: null, actual: 5, gap: null, onTrack: null });
  });

  it("what next month needs: the increase to November's plan, or nothing when already ahead", () => {
    expect(nextMonthNeed("bhxhCompulsory", 10, 150_000, 151_218, "higher")).toEqual({
      key: "bhxhCompulsory",
      month: 11,
      planned: 151_218,
      from: 150_000,
      change: 1218,
      met: false,
    });
    expect(nextMonthNeed("bhxhCompulsory", 10, 152_000, 151_218, "higher")).toMatchObject({ change: -782, met: true });
    expect(nextMonthNeed("latePaymentRate", 10, 0.03, 0.025, "lower")).toMatchObject({ met: false });
    expect(nextMonthNeed("bhxhCompulsory", 12, 150_000, 151_218, "higher")).toBeNull();
    expect(nextMonthNeed("bhxhCompulsory", 10, null, 151_218, "higher")).toBeNull();
  });

  it("compares a year: rows, the latest month with figures, and the needs of the month after it", () => {
    const months: ScenarioMonths = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), { bhxhCompulsory: 100 + (i + 1) * 10 }]));
    const actual: Record<number, number> = { 1: 112, 2: 118, 3: 131, 10: 195 };
    const c = compareWithScenario({
      keys: ["bhxhCompulsory"],
      months,
      actualOf: (m) => actual[m] ?? null,
      hasFigures: (m) => m in actual,
      ended: (m) => m <= 11,
      directionOf: () => "higher",
    });
    expect(c.rows).toHaveLength(12);
    expect(c.rows[1].cells.bhxhCompulsory).toEqual({ planned: 120, actual: 118, gap: -2, onTrack: false });
    expect(c.rows[2].quarterEnd).toBe(1);
    expect(c.rows[11].ended).toBe(false);
    expect(c.latestMonth).toBe(10);
    expect(c.needs).toEqual([{ key: "bhxhCompulsory", month: 11, planned: 210, from: 195, change: 15, met: false }]);
  });
});

describe("months that have ended (Vietnam time)", () => {
  it.each([
    ["2026-12-02T03:00:00Z", 2026, 11, true],
    ["2026-12-02T03:00:00Z", 2026, 12, false],
    ["2026-11-30T16:59:00Z", 2026, 11, false], // 23:59 on 30/11 in Vietnam
    ["2026-11-30T17:00:00Z", 2026, 11, true], // 00:00 on 1/12 in Vietnam
    ["2026-12-02T03:00:00Z", 2027, 1, false],
  ] as const)("at %s, %i/%i ended: %s", (now, year, month, ended) => {
    expect(isMonthEnded(year, month, new Date(now))).toBe(ended);
  });

  it("the last ended month", () => {
    expect(lastEndedMonth(new Date("2026-12-02T03:00:00Z"))).toEqual({ year: 2026, month: 11 });
    expect(lastEndedMonth(new Date("2027-01-05T03:00:00Z"))).toEqual({ year: 2026, month: 12 });
  });
});

describe("a count typed in the scenario grid (components/monthly/numbers.ts)", () => {
  it.each([
    ["vi", "13.624", 13624],
    ["vi", "13624", 13624],
    ["vi", "1.234.567", 1234567],
    ["vi", "", null],
    ["en", "13,624", 13624],
    ["en", "13624", 13624],
    ["en", "1,234,567", 1234567],
    ["en", "", null],
  ] as const)("%s: reads %s as %s", (locale, text, value) => expect(parseCount(text, locale)).toBe(value));
  it.each(["150,5", "146,7", "2,5", "1.5", "-3", "12a", "1.23"])("refuses %s instead of rounding it into another number", (text) => {
    expect(parseCount(text, "vi")).toBeNaN();
    expect(parseCount(text, "en")).toBeNaN();
  });
  it("refuses the other language's grouping rather than guess", () => {
    expect(parseCount("13,624", "vi")).toBeNaN();
    expect(parseCount("13.624", "en")).toBeNaN();
  });
});
