import { describe, expect, it } from "vitest";
import { readReferenceUnits } from "@/lib/db/reference";
import { DEMO_ACCOUNTS } from "@/lib/demo/accounts";
import {
  DEMO_PERIODS,
  generateDemoData,
  KIM_THANH,
  NGUYEN_LUONG_BANG,
  SEED_HUE_TARGETS_2026,
  type DemoData,
  type DemoInput,
  type DemoReport,
} from "@/lib/demo/generate";
import { METRIC_KEYS } from "@/lib/domain/metrics";

function referenceInput(): DemoInput {
  const rows = readReferenceUnits();
  const of = (p: string) =>
    rows.filter((r) => r.level === "commune" && r.provinceCode === p).map(({ code, name, type }) => ({ code, name, type }));
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
const target = (unitCode: string, year: number, key: string) =>
  data.targets.find((t) => t.unitCode === unitCode && t.year === year && t.key === key);

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
    // About 15% of the communes of each tenant have not started 2026 Q3.
    for (const tenant of ["31", "46"] as const) {
      const n = input[tenant].length;
      const missing = n - current.filter((r) => r.tenantCode === tenant).length;
      expect(missing / n).toBeGreaterThan(0.1);
      expect(missing / n).toBeLessThan(0.2);
    }
  });

  it("has one row per unit, period and kind", () => {
    const keys = data.reports.map((r) => `${r.unitCode}:${r.year}:${r.quarter}:${r.kind}`);
    expect(new Set(keys).size).toBe(keys.length);
    const tkeys = data.targets.map((t) => `${t.unitCode}:${t.year}:${t.key}`);
    expect(new Set(tkeys).size).toBe(tkeys.length);
  });

  it("approves everything before 2026 Q3 and mixes statuses in 2026 Q3", () => {
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
      }
    }
    const statuses = actual.filter(isCurrent).map((r) => r.status);
    const share = (s: string) => statuses.filter((x) => x === s).length / 154;
    expect(share("SUBMITTED")).toBeGreaterThan(0.5);
    expect(share("SUBMITTED")).toBeLessThan(0.7);
    expect(share("APPROVED")).toBeGreaterThan(0.1);
    expect(share("DRAFT")).toBeGreaterThan(0.05);
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
      // Late payments are a stock; the amount due is year-to-date: their ratio shrinks over the year.
      check(late >= 0.002 && late <= 0.06, r, `late ${late.toFixed(4)} of due`);
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
          if (rows[i][k] < 0.8 * rows[i - 1][k])
            problems.push(`${code} ${rows[i].year}Q${rows[i].quarter} ${k}: ${rows[i - 1][k]} → ${rows[i][k]}`);
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
      expect(t, `${year} ${key}`).toMatchObject({ value, source: "KH 149/KH-UBND", tenantCode: "31" });
    }
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
      expect(target("46", 2026, key)).toMatchObject({ value, kind: "COUNT", source: "KH 141/KH-UBND", tenantCode: "46" });
      const sum = data.targets
        .filter((t) => t.tenantCode === "46" && t.unitCode !== "46" && t.year === 2026 && t.key === key)
        .reduce((s, t) => s + t.value, 0);
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
    expect(data.targets).toHaveLength(units.length * (7 + 7 + 9));
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
    expect(target("31", 2030, "bhxhCompulsory")!.source).toBe("NQ 403/NQ-CP");
    expect(target("31", 2025, "latePaymentRate")!.value).toBe(0.0255);
    // BHTN targets never exceed compulsory targets; 2030 goes beyond 2026.
    for (const u of units)
      for (const year of [2025, 2026, 2030]) {
        expect(target(u, year, "bhtn")!.value).toBeLessThanOrEqual(target(u, year, "bhxhCompulsory")!.value);
        expect(target(u, 2030, "bhxhCompulsory")!.value).toBeGreaterThan(target(u, 2026, "bhxhCompulsory")!.value);
      }
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
