import { describe, expect, it } from "vitest";
import { readReferenceUnits } from "@/lib/db/reference";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import {
  DEMO_DEADLINE_DAYS,
  DEMO_PERIODS,
  generateDemoData,
  KIM_THANH,
  LATE_PAYMENT_RATE_TARGET,
  NGUYEN_LUONG_BANG,
  SEED_HUE_TARGETS_2026,
  SOURCE_HUE,
  SOURCE_ILLUSTRATIVE,
  SOURCE_KIM_THANH,
  type DemoData,
  type DemoInput,
  type DemoReport,
} from "@/lib/demo/generate";
import { checkFigures } from "@/lib/domain/figures-validation";
import { METRIC_KEYS, type Figures } from "@/lib/domain/metrics";

function referenceInput(): DemoInput {
  const rows = readReferenceUnits();
  const of = (p: string) => rows.filter((r) => r.level === "commune" && r.provinceCode === p).map(({ code, name, type }) => ({ code, name, type }));
  return { "31": of("31"), "46": of("46") };
}

const input = referenceInput();
const data = generateDemoData(input);
const communes = [...input["31"], ...input["46"]];

const COUNT_KEYS = [
  "labourForce",
  "population",
  "retirementAgePopulation",
  "bhxhCompulsory",
  "bhxhVoluntary",
  "bhxhVoluntaryInformal",
  "bhtn",
  "bhyt",
  "pensionRecipients",
] as const;
const MONEY_KEYS = ["amountDue", "amountCollected", "latePayments"] as const;

const actual = data.reports.filter((r) => r.kind === "ACTUAL");
const isCurrent = (r: { year: number; quarter: number }) => r.year === 2026 && r.quarter === 3;
const target = (unitCode: string, year: number, key: string) => data.targets.find((t) => t.unitCode === unitCode && t.year === year && t.key === key);

const endOf2025 = (unitCode: string) => actual.find((r) => r.unitCode === unitCode && r.year === 2025 && r.quarter === 4)!;
/** The reporting deadline of a quarter: the end (Vietnam time) of the 5th day after it ends. */
const deadlineOf = (year: number, quarter: number) => Date.UTC(year, quarter * 3, DEMO_DEADLINE_DAYS + 1) - 7 * 3_600_000 - 1;

/** JSON with bigints and dates spelled out, to compare two runs byte for byte. */
const serialize = (d: DemoData) => JSON.stringify(d, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));

describe("demo data generator", () => {
  it("reads the two demo tenants in full from the reference list", () => {
    expect(input["31"]).toHaveLength(114);
    expect(input["46"]).toHaveLength(40);
  });

  it("is deterministic: two runs give the same data, byte for byte", () => {
    const again = generateDemoData(referenceInput());
    expect(serialize(again)).toBe(serialize(data));
    // The order of the input does not matter either.
    const reversed = generateDemoData({ "31": [...input["31"]].reverse(), "46": [...input["46"]].reverse() });
    expect(serialize(reversed)).toBe(serialize(data));
  });

  it("has ACTUAL figures for every commune and quarter, except the 2026 Q3 reports not started", () => {
    const current = actual.filter(isCurrent);
    expect(actual.length).toBe(154 * (DEMO_PERIODS.length - 1) + current.length);
    for (const c of communes) {
      const mine = actual.filter((r) => r.unitCode === c.code);
      const periods = mine.map((r) => `${r.year}Q${r.quarter}`);
      const expected = DEMO_PERIODS.filter((p) => !isCurrent(p)).map((p) => `${p.year}Q${p.quarter}`);
      expect(periods.filter((p) => p !== "2026Q3")).toEqual(expected);
    }
    // A few communes of each tenant have not started 2026 Q3 (see the reporting test below).
    for (const tenant of ["31", "46"] as const) {
      const missing = input[tenant].length - current.filter((r) => r.tenantCode === tenant).length;
      expect(missing).toBeGreaterThanOrEqual(2);
    }
  });

  it("has one row per unit, period and kind", () => {
    const keys = data.reports.map((r) => `${r.unitCode}:${r.year}:${r.quarter}:${r.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    const tkeys = data.targets.map((t) => `${t.unitCode}:${t.year}:${t.key}`);
    expect(new Set(tkeys).size).toBe(tkeys.length);
  });

  it("approves everything before 2026 Q3 and mixes statuses in 2026 Q3", () => {
    let onTime = 0;
    let before = 0;
    for (const r of data.reports) {
      if (!isCurrent(r)) expect(r.status).toBe("APPROVED");
      if (r.status === "DRAFT") expect(r.submittedAt).toBeNull();
      else {
        expect(r.submittedAt).toBeInstanceOf(Date);
        // Submitted a few days after the end of the quarter (estimates: after Q3).
        const q = r.kind === "ESTIMATE" ? 3 : r.quarter;
        const end = Date.UTC(r.year, q * 3, 0);
        const days = (r.submittedAt!.getTime() - end) / 86_400_000;
        expect(days).toBeGreaterThan(1);
        expect(days).toBeLessThan(30);
        if (r.kind === "ACTUAL" && !isCurrent(r)) {
          before++;
          if (r.submittedAt!.getTime() <= deadlineOf(r.year, r.quarter)) onTime++;
        }
      }
    }
    // Earlier quarters: mostly on time too.
    expect(onTime / before).toBeGreaterThan(0.85);
    expect(onTime / before).toBeLessThan(0.97);
    const statuses = actual.filter(isCurrent).map((r) => r.status);
    const share = (s: string) => statuses.filter((x) => x === s).length / 154;
    expect(share("SUBMITTED")).toBeGreaterThan(0.35);
    expect(share("SUBMITTED")).toBeLessThan(0.55);
    expect(share("APPROVED")).toBeGreaterThan(0.35);
    expect(share("DRAFT")).toBeGreaterThan(0.02);
  });

  it("has several communes not reported by the 2026 Q3 deadline, a few late, the rest on time", () => {
    const expected = { "31": { notReported: [9, 14], late: [3, 6] }, "46": { notReported: [3, 5], late: [3, 6] } } as const;
    const deadline = deadlineOf(2026, 3);
    expect(new Date(deadline).toISOString()).toBe("2026-10-05T16:59:59.999Z");
    for (const tenant of ["31", "46"] as const) {
      const rows = actual.filter((r) => r.tenantCode === tenant && isCurrent(r));
      const none = input[tenant].length - rows.length;
      const drafts = rows.filter((r) => r.status === "DRAFT").length;
      const reported = rows.filter((r) => r.status === "SUBMITTED" || r.status === "APPROVED");
      const late = reported.filter((r) => r.submittedAt!.getTime() > deadline);
      const { notReported, late: lateRange } = expected[tenant];
      expect(none, tenant).toBeGreaterThanOrEqual(1);
      expect(drafts, tenant).toBeGreaterThanOrEqual(1);
      expect(none + drafts, tenant).toBeGreaterThanOrEqual(notReported[0]);
      expect(none + drafts, tenant).toBeLessThanOrEqual(notReported[1]);
      expect(late.length, tenant).toBeGreaterThanOrEqual(lateRange[0]);
      expect(late.length, tenant).toBeLessThanOrEqual(lateRange[1]);
      // Late means days after the deadline; every other report is in by it.
      for (const r of late) expect(r.submittedAt!.getTime() - deadline).toBeLessThan(12 * 86_400_000);
      expect(reported.length + drafts + none).toBe(input[tenant].length);
    }
    // Nguyễn Lương Bằng submitted on time (the city approves it in the walkthrough).
    const nlb = actual.find((r) => r.unitCode === NGUYEN_LUONG_BANG && isCurrent(r))!;
    expect(nlb.status).toBe("SUBMITTED");
    expect(nlb.submittedAt!.getTime()).toBeLessThanOrEqual(deadline);
  });

  it("spreads the communes that reported 2026 Q3 around their quarterly milestones", () => {
    // Milestones at Q3: a stock (participants, coverage): last year's Q4 + (target − that) × 3/4;
    // a year-to-date flow (revenue): target × 3/4; a ceiling (late-payment rate): the target itself.
    const stock = (lastQ4: number, t: number) => lastQ4 + (t - lastQ4) * 0.75;
    const band = (x: number) => (x >= 1 ? "attained" : x >= 0.9 ? "close" : "behind");
    for (const tenant of ["31", "46"] as const) {
      const rows = actual.filter((r) => r.tenantCode === tenant && isCurrent(r) && (r.status === "SUBMITTED" || r.status === "APPROVED"));
      const n = rows.length;
      const count = (f: (r: DemoReport, q4: DemoReport) => number) => {
        const out = { attained: 0, close: 0, behind: 0 };
        for (const r of rows) out[band(f(r, endOf2025(r.unitCode)))]++;
        return out;
      };
      const participants = count((r, q4) => {
        const t = target(r.unitCode, 2026, "bhxhCompulsory")!.value + target(r.unitCode, 2026, "bhxhVoluntary")!.value;
        return (r.bhxhCompulsory + r.bhxhVoluntary) / stock(q4.bhxhCompulsory + q4.bhxhVoluntary, t);
      });
      const coverage = count((r, q4) => {
        const cov = (x: DemoReport) => (x.bhxhCompulsory + x.bhxhVoluntary) / x.labourForce;
        return cov(r) / stock(cov(q4), target(r.unitCode, 2026, "bhxhCoverage")!.value);
      });
      for (const [what, c] of Object.entries({ participants, coverage })) {
        expect(c.attained / n, `${tenant} ${what} attained`).toBeGreaterThan(0.3);
        expect(c.attained / n, `${tenant} ${what} attained`).toBeLessThan(0.5);
        expect(c.close / n, `${tenant} ${what} close`).toBeGreaterThan(0.25);
        expect(c.close / n, `${tenant} ${what} close`).toBeLessThan(0.45);
        expect(c.behind / n, `${tenant} ${what} behind`).toBeGreaterThan(0.15);
        expect(c.behind / n, `${tenant} ${what} behind`).toBeLessThan(0.35);
      }
      // Late payments: under the ceiling in most, over it in several.
      const ceiling = target(tenant, 2026, "latePaymentRate")!.value;
      expect(ceiling).toBe(LATE_PAYMENT_RATE_TARGET[2026]);
      const over = rows.filter((r) => Number(r.latePayments) / Number(r.amountDue) > target(r.unitCode, 2026, "latePaymentRate")!.value).length;
      expect(over, tenant).toBeGreaterThanOrEqual(3);
      expect(over / n, tenant).toBeLessThan(0.25);
      // Revenue: collected by 30/9 spread around 75% of the year's plan (the milestone).
      const revenue = rows.map((r) => Number(r.amountCollected) / target(r.unitCode, 2026, "amountCollected")!.value).sort((a, b) => a - b);
      const median = revenue[Math.floor(n / 2)];
      expect(median).toBeGreaterThan(0.72);
      expect(median).toBeLessThan(0.78);
      expect(revenue[0]).toBeGreaterThan(0.6);
      expect(revenue.at(-1)!).toBeLessThan(0.9);
      expect(revenue.filter((x) => x >= 0.75).length / n).toBeGreaterThan(0.3);
      expect(revenue.filter((x) => x < 0.75).length / n).toBeGreaterThan(0.3);
    }
  });

  it("moves every figure smoothly: no quarter the data-quality checks would question", () => {
    const problems: string[] = [];
    const asFigures = (r: DemoReport): Figures => Object.fromEntries(METRIC_KEYS.map((k) => [k, Number(r[k])]));
    const byUnit = new Map<string, DemoReport[]>();
    for (const r of actual) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);
    for (const [code, rows] of byUnit) {
      rows.sort((a, b) => a.year - b.year || a.quarter - b.quarter);
      for (let i = 1; i < rows.length; i++) {
        const prev = asFigures(rows[i - 1]);
        // Year-to-date money restarts in January: the previous year's is not compared.
        if (rows[i].year !== rows[i - 1].year) prev.amountDue = prev.amountCollected = null;
        const { errors, warnings } = checkFigures(asFigures(rows[i]), prev);
        for (const w of [...errors, ...warnings]) problems.push(`${code} ${rows[i].year}Q${rows[i].quarter}: ${w.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // The next two tests check thousands of values: they collect the problems and compare the list
  // with [], which is fast and prints every offending row at once.
  it("fills every metric in every row and keeps the data-quality rules", () => {
    const problems: string[] = [];
    const check = (ok: boolean, r: DemoReport, what: string) => {
      if (!ok) problems.push(`${r.unitCode} ${r.year}Q${r.quarter} ${r.kind}: ${what}`);
    };
    for (const r of data.reports) {
      for (const k of METRIC_KEYS) check(r[k] !== null && r[k] !== undefined, r, `${k} missing`);
      for (const k of COUNT_KEYS) check(Number.isInteger(r[k]) && r[k] > 0, r, `${k} = ${r[k]}`);
      for (const k of MONEY_KEYS) check(typeof r[k] === "bigint" && r[k] > 0n, r, `${k} = ${r[k]}`);
      check(r.bhxhVoluntaryInformal <= r.bhxhVoluntary, r, "informal > voluntary");
      check(r.bhtn <= r.bhxhCompulsory, r, "BHTN > compulsory");
      check(r.bhxhCompulsory + r.bhxhVoluntary <= r.labourForce, r, "participants > labour force");
      check(r.bhyt <= r.population, r, "BHYT > population");
      check(r.labourForce < r.population, r, "labour force >= population");
      check(r.pensionRecipients < r.retirementAgePopulation, r, "pensioners >= people past retirement age");
      const due = Number(r.amountDue);
      const collected = Number(r.amountCollected) / due;
      const late = Number(r.latePayments) / due;
      check(collected >= 0.945 && collected <= 1.015, r, `collected ${collected.toFixed(3)} of due`);
      // Late payments are a stock; the amount due is year-to-date: their ratio shrinks over the year
      // (up to ≈ 12% of a first quarter's amount due, ≈ 3% of a whole year's).
      check(late >= 0.002 && late <= 0.13, r, `late ${late.toFixed(4)} of due`);
    }
    expect(problems).toEqual([]);
  });

  it("never drops a count by more than 20% from one quarter to the next", () => {
    const byUnit = new Map<string, DemoReport[]>();
    for (const r of actual) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r]);
    const problems: string[] = [];
    for (const [code, rows] of byUnit) {
      rows.sort((a, b) => a.year - b.year || a.quarter - b.quarter);
      for (let i = 1; i < rows.length; i++)
        for (const k of COUNT_KEYS)
          if (rows[i][k] < 0.8 * rows[i - 1][k]) problems.push(`${code} ${rows[i].year}Q${rows[i].quarter} ${k}: ${rows[i - 1][k]} → ${rows[i][k]}`);
    }
    expect(problems).toEqual([]);
  });

  it("has year-end estimates for 2024 and 2025, slightly above Q3", () => {
    const estimates = data.reports.filter((r) => r.kind === "ESTIMATE");
    expect(estimates).toHaveLength(154 * 2);
    for (const e of estimates) {
      expect(e.quarter).toBe(4);
      expect(e.status).toBe("APPROVED");
      const q3 = actual.find((r) => r.unitCode === e.unitCode && r.year === e.year && r.quarter === 3)!;
      expect(e.bhxhCompulsory).toBeGreaterThan(q3.bhxhCompulsory);
      expect(e.bhxhCompulsory).toBeLessThan(q3.bhxhCompulsory * 1.05);
    }
  });

  it("uses the real figures of Xã Nguyễn Lương Bằng at 30/9/2025 (seed 000)", () => {
    const r = actual.find((x) => x.unitCode === NGUYEN_LUONG_BANG && x.year === 2025 && x.quarter === 3)!;
    expect(r).toMatchObject({
      labourForce: 17934,
      bhxhCompulsory: 8561,
      bhxhVoluntary: 961,
      bhxhVoluntaryInformal: 961,
      bhtn: 7915,
      pensionRecipients: 892,
    });
    expect(r.population).toBeGreaterThan(30_000);
    expect(r.population).toBeLessThan(32_000);
    expect(r.bhyt).toBe(Math.round(0.95 * r.population));
    // Seed 000 §7: coverage 53.1%, BHTN 44%.
    expect(((r.bhxhCompulsory + r.bhxhVoluntary) / r.labourForce).toFixed(3)).toBe("0.531");
    expect((r.bhtn / r.labourForce).toFixed(2)).toBe("0.44");
  });

  it("uses Xã Kim Thành's plan (seed 001) and leaves its 2026 Q3 report to the demo", () => {
    const expected: [number, string, number][] = [
      [2026, "bhxhCompulsory", 13624],
      [2026, "bhxhVoluntary", 486],
      [2026, "bhxhCoverage", 0.43],
      [2030, "bhxhCompulsory", 20800],
      [2030, "bhxhVoluntary", 4756],
      [2030, "bhxhCoverage", 0.75],
      [2030, "compulsoryCoverage", 0.611],
      [2030, "voluntaryCoverage", 0.14],
    ];
    for (const [year, key, value] of expected) {
      const t = target(KIM_THANH, year, key);
      expect(t, `${year} ${key}`).toMatchObject({ value, source: SOURCE_KIM_THANH, tenantCode: "31" });
    }
    // Its other targets are not in its plan: invented, and saying so.
    const others = data.targets.filter((t) => t.unitCode === KIM_THANH && !expected.some(([y, k]) => y === t.year && k === t.key));
    expect(others.length).toBeGreaterThan(0);
    for (const t of others) expect(t.source, `${t.year} ${t.key}`).toBe(SOURCE_ILLUSTRATIVE);
    expect(data.reports.some((r) => r.unitCode === KIM_THANH && isCurrent(r))).toBe(false);
    // Its figures fit its plan: labour force ≈ 14,110 / 0.43, compulsory ≈ 12,000–12,800 in 2025–2026.
    for (const r of actual.filter((x) => x.unitCode === KIM_THANH && x.year >= 2025)) {
      expect(r.labourForce).toBeGreaterThan(32_000);
      expect(r.labourForce).toBeLessThan(34_000);
      expect(r.bhxhCompulsory).toBeGreaterThan(11_800);
      expect(r.bhxhCompulsory).toBeLessThan(12_900);
      expect(r.bhxhVoluntary).toBeGreaterThan(340);
      expect(r.bhxhVoluntary).toBeLessThan(470);
    }
  });

  it("uses Thành phố Huế's 2026 plan (seed 004), with commune targets adding up to it", () => {
    for (const [key, value] of Object.entries(SEED_HUE_TARGETS_2026)) {
      expect(target("46", 2026, key)).toMatchObject({ value, kind: "COUNT", source: SOURCE_HUE, tenantCode: "46" });
      const sum = data.targets.filter((t) => t.tenantCode === "46" && t.unitCode !== "46" && t.year === 2026 && t.key === key).reduce((s, t) => s + t.value, 0);
      expect(Math.abs(sum - value) / value).toBeLessThan(0.02);
    }
    // Huế's figures at the end of 2025 are plausible against that plan.
    const end = actual.filter((r) => r.tenantCode === "46" && r.year === 2025 && r.quarter === 4);
    const sum = (k: (typeof COUNT_KEYS)[number]) => end.reduce((s, r) => s + r[k], 0);
    expect(sum("population")).toBeGreaterThan(1_200_000);
    expect(sum("population")).toBeLessThan(1_300_000);
    expect(sum("bhxhCompulsory")).toBeGreaterThan(140_000);
    expect(sum("bhxhCompulsory")).toBeLessThan(152_475);
    expect(sum("bhxhVoluntary")).toBeLessThan(30_633);
  });

  it("sets every target for every commune and both provinces", () => {
    const units = [...communes.map((c) => c.code), "31", "46"];
    const keys: Record<number, string[]> = {
      2025: ["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt", "bhxhCoverage", "latePaymentRate", "amountCollected"],
      2026: ["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt", "bhxhCoverage", "latePaymentRate", "amountCollected"],
      2030: [
        "bhxhCompulsory",
        "bhxhVoluntary",
        "bhtn",
        "bhyt",
        "bhxhCoverage",
        "compulsoryCoverage",
        "voluntaryCoverage",
        "latePaymentRate",
        "amountCollected",
      ],
    };
    // And the provinces' 2030 target on participants (compulsory + voluntary), as Resolution 403 sets them.
    expect(data.targets).toHaveLength(units.length * (7 + 7 + 9) + 2);
    for (const p of ["31", "46"])
      expect(target(p, 2030, "bhxhParticipants")!.value).toBe(target(p, 2030, "bhxhCompulsory")!.value + target(p, 2030, "bhxhVoluntary")!.value);
    for (const u of units)
      for (const [year, ks] of Object.entries(keys))
        for (const k of ks) {
          const t = target(u, Number(year), k);
          expect(t, `${u} ${year} ${k}`).toBeDefined();
          expect(t!.source.length).toBeGreaterThan(0);
          if (t!.kind === "RATE") {
            expect(t!.value).toBeGreaterThan(0);
            expect(t!.value).toBeLessThan(1);
          } else expect(Number.isInteger(t!.value)).toBe(true);
        }
    expect(target("31", 2025, "latePaymentRate")!.value).toBe(0.0255);
    // BHTN targets never exceed compulsory targets; 2030 goes beyond 2026.
    for (const u of units)
      for (const year of [2025, 2026, 2030]) {
        expect(target(u, year, "bhtn")!.value).toBeLessThanOrEqual(target(u, year, "bhxhCompulsory")!.value);
        expect(target(u, 2030, "bhxhCompulsory")!.value).toBeGreaterThan(target(u, 2026, "bhxhCompulsory")!.value);
      }
  });

  it("names a document as a target's source only when the document contains the figure", () => {
    const fromSeed001 = new Set([
      "2026 bhxhCompulsory",
      "2026 bhxhVoluntary",
      "2026 bhxhCoverage",
      "2030 bhxhCompulsory",
      "2030 bhxhVoluntary",
      "2030 bhxhCoverage",
      "2030 compulsoryCoverage",
      "2030 voluntaryCoverage",
    ]);
    const fromSeed004 = new Set(Object.keys(SEED_HUE_TARGETS_2026).map((k) => `2026 ${k}`));
    const bySource = new Map<string, string[]>();
    for (const t of data.targets) {
      const what = `${t.year} ${t.key}`;
      const expected =
        t.unitCode === KIM_THANH && fromSeed001.has(what) ? SOURCE_KIM_THANH : t.unitCode === "46" && fromSeed004.has(what) ? SOURCE_HUE : SOURCE_ILLUSTRATIVE;
      expect(t.source, `${t.unitCode} ${what}`).toBe(expected);
      bySource.set(t.source, [...(bySource.get(t.source) ?? []), `${t.unitCode} ${what}`]);
    }
    expect(bySource.get(SOURCE_KIM_THANH)).toHaveLength(8);
    expect(bySource.get(SOURCE_HUE)).toHaveLength(4);
    expect(SOURCE_ILLUSTRATIVE).toMatch(/minh họa/);
    // Nothing cites a document the seeds only name (Resolution 403, the city plan KH 149).
    for (const source of bySource.keys()) expect(source).not.toMatch(/403|149/);
  });

  it("gives 2025 targets a mix of attained, close and behind", () => {
    const ratios = input["31"].map((c) => {
      const end = actual.find((r) => r.unitCode === c.code && r.year === 2025 && r.quarter === 4)!;
      return end.bhxhCompulsory / target(c.code, 2025, "bhxhCompulsory")!.value;
    });
    expect(ratios.filter((r) => r >= 1).length).toBeGreaterThan(20);
    expect(ratios.filter((r) => r < 0.97).length).toBeGreaterThan(10);
  });

  it("has villages and residential groups with their codes", () => {
    const by = (parent: string) => data.villages.filter((v) => v.parentCode === parent);
    expect(by(KIM_THANH).length).toBeGreaterThanOrEqual(8);
    expect(by(NGUYEN_LUONG_BANG).length).toBeGreaterThanOrEqual(6);
    expect(by(KIM_THANH)[0]).toMatchObject({ code: "10804-01", type: "THON", tenantCode: "31" });
    const groups = data.villages.filter((v) => v.type === "TO_DAN_PHO");
    expect(groups.map((v) => v.name)).toEqual(["Tổ dân phố 1", "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 4", "Tổ dân phố 5"]);
    expect(groups.every((v) => v.tenantCode === "46")).toBe(true);
    for (const v of data.villages) expect(v.code).toMatch(new RegExp(`^${v.parentCode}-\\d{2}$`));
  });

  it("lists the seven demo accounts", () => {
    expect(data.users.map((u) => u.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    expect(data.users).toHaveLength(7);
  });
});
