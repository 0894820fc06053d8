// The demo data ("dữ liệu minh họa") as plain objects: no database here, so it can be tested and
// reproduced byte for byte (lib/demo/random.ts). lib/demo/load.ts maps unit codes to ids and
// inserts the result.
//
// Two tenants in full: Thành phố Hải Phòng (31, 114 communes) and Thành phố Huế (46, 40 communes).
// For every commune: quarterly figures 2024 Q1 – 2026 Q3, year-end estimates for 2024 and 2025,
// yearly targets for 2025, 2026 and 2030 (also for the two provinces). Figures of the seed
// documents are used where they exist:
//   - Xã Nguyễn Lương Bằng (11242), 30/9/2025: seed 000 §7;
//   - Xã Kim Thành (10804), targets 2026 and 2030: seed 001 (its own plan to 2030);
//   - Thành phố Huế (46), targets 2026: seed 004 (Kế hoạch 141/KH-UBND).
// Everything else is invented, sized to be plausible, and a target says so: its source names a
// document only when that document contains the figure; otherwise it is SOURCE_ILLUSTRATIVE.
//
// 2026 Q3, the quarter in progress, is shaped to be judged against the quarterly milestones (a
// stock target at Q3: last year's Q4 value + (target − that) × 3/4; a year-to-date flow: target ×
// 3/4; a ceiling: the target itself): in each city ≈ 40% of the communes that reported meet their
// BHXH participants milestone, ≈ 35% are close (90–100%), ≈ 25% behind; the late-payment rate is
// under the ceiling in most and over it in several; revenue is spread around 75% of the year's
// plan. Several communes have not reported by the deadline (no report, or a draft), a few reported
// late, the rest on time (see currentReports).
//
// Communes exist since 1/7/2025; their 2024 and early-2025 figures are read as "converted to the
// new boundaries", as the provinces themselves did when they merged.
import type { ReportKind, ReportStatus, Role, TargetKind, UnitType } from "../generated/prisma/enums";
import { DEMO_ACCOUNTS } from "./accounts";
import { rngFor, type Rng } from "./random";

// ---------------------------------------------------------------------------------------------
// Input and output shapes

export const HAI_PHONG = "31";
export const HUE = "46";
export const DEMO_TENANT_CODES = [HAI_PHONG, HUE] as const;
export type DemoTenantCode = (typeof DEMO_TENANT_CODES)[number];

export const KIM_THANH = "10804";
export const NGUYEN_LUONG_BANG = "11242";
/** The Huế ward given residential groups (tổ dân phố) in the demo. */
export const PHU_XUAN = "19753";

/** A commune of the reference list, as read from the units table. */
export interface RefCommune {
  code: string;
  name: string;
  type: UnitType;
}

export type DemoInput = Record<DemoTenantCode, readonly RefCommune[]>;

export interface DemoFigures {
  labourForce: number;
  population: number;
  retirementAgePopulation: number;
  bhxhCompulsory: number;
  bhxhVoluntary: number;
  bhxhVoluntaryInformal: number;
  bhtn: number;
  bhyt: number;
  pensionRecipients: number;
  amountDue: bigint;
  amountCollected: bigint;
  latePayments: bigint;
}

export interface DemoReport extends DemoFigures {
  tenantCode: DemoTenantCode;
  unitCode: string;
  year: number;
  quarter: number;
  kind: ReportKind;
  status: ReportStatus;
  submittedAt: Date | null;
}

export interface DemoTarget {
  tenantCode: DemoTenantCode;
  /** A commune's code, or the province's own code for a province target. */
  unitCode: string;
  year: number;
  key: string;
  kind: TargetKind;
  value: number;
  source: string;
}

export interface DemoVillage {
  tenantCode: DemoTenantCode;
  parentCode: string;
  code: string;
  name: string;
  type: UnitType;
  validFrom: Date;
}

export interface DemoUser {
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  tenantCode: string | null;
}

export interface DemoData {
  villages: DemoVillage[];
  reports: DemoReport[];
  targets: DemoTarget[];
  users: DemoUser[];
}

// ---------------------------------------------------------------------------------------------
// Periods

export interface Period {
  year: number;
  quarter: number;
}

/** The quarters with ACTUAL figures: 2024 Q1 … 2026 Q3 (index 0 … 10). */
export const DEMO_PERIODS: readonly Period[] = [
  { year: 2024, quarter: 1 },
  { year: 2024, quarter: 2 },
  { year: 2024, quarter: 3 },
  { year: 2024, quarter: 4 },
  { year: 2025, quarter: 1 },
  { year: 2025, quarter: 2 },
  { year: 2025, quarter: 3 },
  { year: 2025, quarter: 4 },
  { year: 2026, quarter: 1 },
  { year: 2026, quarter: 2 },
  { year: 2026, quarter: 3 },
];
const T = DEMO_PERIODS.length;
const periodIndex = (year: number, quarter: number) => (year - 2024) * 4 + quarter - 1;
/** 30/9/2025, the date of seed 000's figures: every series is built around it. */
const ANCHOR = periodIndex(2025, 3);
const END_2025 = periodIndex(2025, 4);
/** The quarter in progress in the demo: communes are still reporting it. */
export const CURRENT_PERIOD: Period = { year: 2026, quarter: 3 };
/** Year-end estimates (ước thực hiện đến 31/12) made after Q3 of these years. */
export const ESTIMATE_YEARS = [2024, 2025] as const;
export const TARGET_YEARS = [2025, 2026, 2030] as const;

export const VILLAGE_VALID_FROM = new Date("2025-07-01T00:00:00Z");

// ---------------------------------------------------------------------------------------------
// Target sources (the document a target cites)

/** The source of every invented target: no document contains it. */
export const SOURCE_ILLUSTRATIVE = "Số liệu minh họa";
/** Seed 001: Xã Kim Thành's own plan (it bears no number in the seed), made under KH 149/KH-UBND. */
export const SOURCE_KIM_THANH = "Kế hoạch phát triển đối tượng tham gia BHXH trên địa bàn xã Kim Thành đến năm 2030 (UBND xã Kim Thành)";
/** Seed 004 §II.2.1: Thành phố Huế's plan for 2026. */
export const SOURCE_HUE = "Kế hoạch số 141/KH-UBND ngày 17/3/2026 của UBND thành phố Huế";

/**
 * The document a target cites: the seed document that contains the figure (Kim Thành's 2026 and
 * 2030 targets of seed 001, Huế's 2026 counts of seed 004), otherwise SOURCE_ILLUSTRATIVE.
 */
export function targetSource(unitCode: string, year: number, key: string): string {
  if (unitCode === KIM_THANH && (year === 2026 || year === 2030) && SEED_KIM_THANH_TARGETS[year][key] !== undefined) return SOURCE_KIM_THANH;
  if (unitCode === HUE && year === 2026 && key in SEED_HUE_TARGETS_2026) return SOURCE_HUE;
  return SOURCE_ILLUSTRATIVE;
}

/** Late payments / amount due, at most: invented for the cities (seed 003 sets < 2.55% for the nation in 2025). */
export const LATE_PAYMENT_RATE_TARGET: Record<number, number> = { 2025: 0.0255, 2026: 0.025, 2030: 0.02 };

// ---------------------------------------------------------------------------------------------
// Real figures from the seed documents

/** Seed 000 §7, Xã Nguyễn Lương Bằng as at 30/9/2025. Population is chosen (≈ 31,000) and BHYT
 *  is its 95% ("Tỷ lệ người dân tham gia BHYT 9 tháng năm 2025 toàn xã đạt 95%"). */
export const SEED_NLB_2025Q3 = {
  labourForce: 17934,
  population: 31020,
  bhxhCompulsory: 8561,
  bhxhVoluntary: 961,
  bhxhVoluntaryInformal: 961,
  bhtn: 7915,
  bhyt: Math.round(0.95 * 31020),
  pensionRecipients: 892,
} as const;

type TargetValues = Partial<Record<string, number>>;

/** Seed 001, Xã Kim Thành: its plan for 2026 and 2030 under KH 149/KH-UBND. */
export const SEED_KIM_THANH_TARGETS: Record<2026 | 2030, TargetValues> = {
  2026: { bhxhCompulsory: 13624, bhxhVoluntary: 486, bhxhCoverage: 0.43 },
  2030: {
    bhxhCompulsory: 20800,
    bhxhVoluntary: 4756,
    bhxhCoverage: 0.75,
    compulsoryCoverage: 0.611,
    voluntaryCoverage: 0.14,
  },
};

/** Seed 004 §II.2.1, Thành phố Huế by 31/12/2026. */
export const SEED_HUE_TARGETS_2026 = {
  bhxhCompulsory: 152475,
  bhxhVoluntary: 30633,
  bhtn: 142150,
  bhyt: 1188826,
} as const;

/** Huế's totals at 31/12/2025 that the commune figures are scaled to (plausible against the 2026 plan). */
const HUE_TOTALS_END_2025 = { population: 1_250_000, bhxhCompulsory: 145_000, bhxhVoluntary: 27_000 };

// ---------------------------------------------------------------------------------------------
// Helpers

const round = Math.round;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** A rate rounded to 0.1 percentage point, as plans state them (43.5% → 0.435). */
const roundRate = (x: number) => round(x * 1000) / 1000;
/** VND rounded to thousands. */
const vnd = (x: number) => BigInt(round(x / 1000) * 1000);

/**
 * A multiplicative path with path[ANCHOR] = 1: forwards path[t] = path[t-1] · (1 + g_t), backwards
 * path[t] = path[t+1] / (1 + g_{t+1}). growth(t) gives the growth from quarter t-1 to quarter t.
 */
function pathFrom(growth: (t: number) => number): number[] {
  const g = Array.from({ length: T }, (_, t) => (t === 0 ? 0 : growth(t)));
  const p = new Array<number>(T).fill(1);
  for (let t = ANCHOR + 1; t < T; t++) p[t] = p[t - 1] * (1 + g[t]);
  for (let t = ANCHOR - 1; t >= 0; t--) p[t] = p[t + 1] / (1 + g[t + 1]);
  return p;
}

/** Growth around a per-commune trend, with small quarterly noise, kept in [lo, hi]. */
function noisyGrowth(rng: Rng, trend: number, noise: number, lo: number, hi: number) {
  const draws = Array.from({ length: T }, () => clamp(trend + rng.range(-noise, noise), lo, hi));
  return (t: number) => draws[t];
}

/** A ratio drifting linearly in time: value at ANCHOR plus slope per quarter, kept in [lo, hi]. */
function drift(atAnchor: number, slope: number, lo: number, hi: number): number[] {
  return Array.from({ length: T }, (_, t) => clamp(atAnchor + slope * (t - ANCHOR), lo, hi));
}

/** Splits total into integer parts proportional to weights that add up to total exactly. */
function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k++, rest--) out[order[k % order.length][1]]++;
  return out;
}

// ---------------------------------------------------------------------------------------------
// One commune's time series

/** Levels at the anchor quarter (30/9/2025), before rounding. */
interface Levels {
  population: number;
  labourForce: number;
  retirementAgePopulation: number;
  bhxhCompulsory: number;
  bhxhVoluntary: number;
  /** Average monthly wage of compulsory participants, VND. */
  wage: number;
}

/** Ratios and paths drawn once per commune. */
interface Shape {
  paths: Record<keyof Levels, number[]>;
  informalShare: number[]; // informal voluntary / voluntary
  bhtnShare: number[]; // BHTN / compulsory
  bhytShare: number[]; // BHYT / population
  pensionShare: number[]; // pension recipients / people past retirement age
  collectedShare: number[]; // collected / due
  /**
   * Late payments are a stock: a share of the average quarterly amount due (last four quarters).
   * lateSteps[t] is the share's change from quarter t-1 to t (a factor near 1, so the stock moves
   * smoothly); the path is fixed by its end, the late-payment rate at 2026 Q3 (lateRate2026Q3).
   */
  lateSteps: number[];
  /** Late payments / amount due (year to date) at 2026 Q3. */
  lateRate2026Q3: number;
}

interface CommuneModel {
  tenant: DemoTenantCode;
  commune: RefCommune;
  levels: Levels;
  shape: Shape;
}

/** Contribution rate on wages for BHXH + BHTN + BHYT (employer + employee), roughly. */
const CONTRIBUTION_RATE = 0.32;
/** A voluntary participant pays 22% of a chosen income (≈ 1.5 million VND) a month. */
const VOLUNTARY_MONTHLY = 0.22 * 1_500_000;

function drawModel(tenant: DemoTenantCode, commune: RefCommune): CommuneModel {
  const rng = rngFor(tenant, commune.code, "model");
  const ward = commune.type === "PHUONG";
  const special = commune.type === "DAC_KHU";

  // Population: Hải Phòng wards 35–90k, communes 15–50k; Huế is rescaled afterwards to its total.
  // Skewed towards the low end: a few big wards, many middling communes.
  const skew = Math.pow(rng.next(), 1.4);
  let population: number;
  if (tenant === HAI_PHONG) {
    population = ward ? 35_000 + 55_000 * skew : 15_000 + 35_000 * skew;
    // Bạch Long Vĩ is an island of about a thousand people: a real demo would look odd otherwise.
    if (special && commune.name.includes("Bạch Long Vĩ")) population = 900 + 400 * rng.next();
  } else {
    population = ward ? 24_000 + 36_000 * skew : 10_000 + 30_000 * skew;
  }
  // Labour force: ≈ 55–60% of population in Hải Phòng; ≈ 48–53% in Huế (older, more students).
  const labourForce = population * (tenant === HAI_PHONG ? rng.range(0.55, 0.6) : rng.range(0.48, 0.53));
  const retirementAgePopulation = population * rng.range(0.12, 0.16);
  // Coverage: Hải Phòng 30–60% of the labour force, mostly compulsory (wards and industrial zones
  // more); Huế lower (≈ 27% overall, rescaled below).
  const voluntaryShare = tenant === HAI_PHONG ? rng.range(0.03, 0.08) : rng.range(0.03, 0.06);
  let compulsoryShare = tenant === HAI_PHONG ? (ward ? rng.range(0.35, 0.55) : rng.range(0.24, 0.42)) : ward ? rng.range(0.22, 0.34) : rng.range(0.1, 0.2);
  if (tenant === HAI_PHONG) compulsoryShare = Math.min(compulsoryShare, 0.6 - voluntaryShare);
  const wage = (ward ? rng.range(6.0e6, 7.2e6) : rng.range(5.0e6, 6.0e6)) * (tenant === HUE ? 0.92 : 1);

  const levels: Levels = {
    population,
    labourForce,
    retirementAgePopulation,
    bhxhCompulsory: labourForce * compulsoryShare,
    bhxhVoluntary: labourForce * voluntaryShare,
    wage,
  };

  // Quarterly growth: compulsory +1–3%, voluntary +2–5%, with small noise (a voluntary quarter can
  // stall or dip slightly: people stop paying), denominators slowly, the elderly faster (ageing).
  const compulsoryTrend = rng.range(0.012, 0.025);
  const voluntaryTrend = rng.range(0.025, 0.042);
  const paths: Shape["paths"] = {
    population: pathFrom(noisyGrowth(rng, rng.range(0.001, 0.0025), 0.0007, 0, 0.004)),
    labourForce: pathFrom(noisyGrowth(rng, rng.range(0.001, 0.003), 0.001, 0, 0.005)),
    retirementAgePopulation: pathFrom(noisyGrowth(rng, rng.range(0.005, 0.009), 0.002, 0.002, 0.012)),
    bhxhCompulsory: pathFrom(noisyGrowth(rng, compulsoryTrend, 0.006, 0.008, 0.032)),
    bhxhVoluntary: pathFrom(noisyGrowth(rng, voluntaryTrend, 0.015, -0.01, 0.055)),
    wage: pathFrom(noisyGrowth(rng, rng.range(0.01, 0.018), 0.003, 0.005, 0.025)),
  };

  // Late payments: the share of a quarter's amount due owed moves by at most ±7% a quarter.
  const lateSteps = Array.from({ length: T }, () => 1 + rng.range(-0.07, 0.07));

  const shape: Shape = {
    paths,
    informalShare: drift(rng.range(0.86, 0.99), rng.range(-0.001, 0.002), 0.85, 1),
    // Huế: BHTN ≈ 93% of compulsory, as in its 2026 plan (142,150 / 152,475).
    bhtnShare: drift(tenant === HAI_PHONG ? rng.range(0.89, 0.945) : rng.range(0.915, 0.95), rng.range(-0.001, 0.001), 0.88, 0.95),
    bhytShare: drift(tenant === HAI_PHONG ? rng.range(0.91, 0.96) : rng.range(0.9, 0.94), rng.range(0.002, 0.006), 0.86, 0.985),
    pensionShare: drift(rng.range(0.36, 0.58), rng.range(0.001, 0.003), 0.35, 0.6),
    collectedShare: Array.from({ length: T }, () => rng.range(0.95, 1.01)),
    lateSteps,
    lateRate2026Q3: LATE_RATE_UNDER.min,
  };
  const model: CommuneModel = { tenant, commune, levels, shape };
  applySeedProfile(model, rng);
  return model;
}

/** The two seed communes: their levels and paths follow the seed documents. */
function applySeedProfile(m: CommuneModel, rng: Rng): void {
  if (m.commune.code === NGUYEN_LUONG_BANG) {
    const s = SEED_NLB_2025Q3;
    m.levels.population = s.population;
    m.levels.labourForce = s.labourForce;
    // Past retirement age ≈ 12.5% of population; 892 recipients is then ≈ 23% pension coverage,
    // low but real for a farming commune.
    m.levels.retirementAgePopulation = 3878;
    m.levels.bhxhCompulsory = s.bhxhCompulsory;
    m.levels.bhxhVoluntary = s.bhxhVoluntary;
    m.shape.informalShare = new Array<number>(T).fill(1); // 961 of 961 are farmers / informal workers
    m.shape.bhtnShare = drift(s.bhtn / s.bhxhCompulsory, 0, 0.88, 0.95);
    // BHYT: 92% in 2024 (end of year), 95% at 30/9/2025 (seed 000 §3.3): +1 point a quarter.
    m.shape.bhytShare = drift(0.95, 0.01, 0.9, 0.97);
    m.shape.pensionShare = drift(s.pensionRecipients / 3878, 0.002, 0.2, 0.6);
    // The derived figures land on the seed's at 30/9/2025; figuresAt pins them exactly anyway.
  }
  if (m.commune.code === KIM_THANH) {
    // Its 2026 plan: 13,624 + 486 = 14,110 participants ≈ 43% of the labour force, so ≈ 32,800
    // workers at the end of 2026; compulsory ≈ 12,000–12,800 and voluntary ≈ 350–460 in 2025–2026.
    m.levels.labourForce = 32_500;
    m.levels.population = round(32_500 / 0.574);
    m.levels.retirementAgePopulation = m.levels.population * 0.135;
    m.levels.bhxhCompulsory = 12_180;
    m.levels.bhxhVoluntary = 395;
    m.levels.wage = 5.6e6;
    m.shape.paths.labourForce = pathFrom(noisyGrowth(rng, 0.0017, 0.0004, 0.001, 0.0025));
    m.shape.paths.bhxhCompulsory = pathFrom(noisyGrowth(rng, 0.0115, 0.002, 0.009, 0.014));
    m.shape.paths.bhxhVoluntary = pathFrom(noisyGrowth(rng, 0.025, 0.006, 0.015, 0.032));
  }
}

/** The rounded figures of one quarter, with the data-quality rules enforced after rounding. */
function figuresAt(m: CommuneModel, t: number): DemoFigures {
  const { levels: L, shape: S } = m;
  const at = (k: keyof Levels) => L[k] * S.paths[k][t];
  const population = round(at("population"));
  const labourForce = round(at("labourForce"));
  const retirementAgePopulation = round(at("retirementAgePopulation"));
  const bhxhCompulsory = round(at("bhxhCompulsory"));
  const bhxhVoluntary = round(at("bhxhVoluntary"));
  const due = bhxhCompulsory * at("wage") * 3 * CONTRIBUTION_RATE + bhxhVoluntary * VOLUNTARY_MONTHLY * 3;
  const f: DemoFigures = {
    labourForce,
    population,
    retirementAgePopulation,
    bhxhCompulsory,
    bhxhVoluntary,
    bhxhVoluntaryInformal: Math.min(bhxhVoluntary, round(bhxhVoluntary * S.informalShare[t])),
    bhtn: Math.min(bhxhCompulsory, round(bhxhCompulsory * S.bhtnShare[t])),
    bhyt: round(population * S.bhytShare[t]),
    pensionRecipients: round(retirementAgePopulation * S.pensionShare[t]),
    amountDue: vnd(due),
    amountCollected: vnd(due * S.collectedShare[t]),
    latePayments: 0n, // a stock: set by seriesOf
  };
  if (m.commune.code === NGUYEN_LUONG_BANG && t === ANCHOR) Object.assign(f, SEED_NLB_2025Q3);
  return f;
}

/** The share of a quarter's amount due owed as late payments stays within these bounds. */
const LATE_SHARE = { min: 0.015, max: 0.125 } as const;

function seriesOf(m: CommuneModel): DemoFigures[] {
  const flows = Array.from({ length: T }, (_, t) => figuresAt(m, t));
  // Money is reported year-to-date (lũy kế từ đầu năm): each year's quarterly amounts due and
  // collected add up. Late payments are a stock at the quarter's end that does not restart in
  // January: a share of the average quarterly amount due over the last four quarters (so their
  // rate to the year-to-date amount due falls through the year: seed 003 reports 3,33% after 8
  // months against a ceiling of 2,55% for the year).
  let due = 0;
  let collected = 0;
  const ytd = flows.map((f, t) => {
    if (t % 4 === 0) {
      due = 0;
      collected = 0;
    }
    due += Number(f.amountDue);
    collected += Number(f.amountCollected);
    const recent = flows.slice(Math.max(0, t - 3), t + 1);
    return { due, collected, avgQuarterDue: recent.reduce((s, x) => s + Number(x.amountDue), 0) / recent.length };
  });
  // The share path, backwards from the rate wanted at 2026 Q3, one step at a time.
  const share = new Array<number>(T);
  share[T - 1] = (m.shape.lateRate2026Q3 * ytd[T - 1].due) / ytd[T - 1].avgQuarterDue;
  for (let t = T - 1; t > 0; t--) share[t - 1] = clamp(share[t] / m.shape.lateSteps[t], LATE_SHARE.min, LATE_SHARE.max);
  return flows.map((f, t) => ({
    ...f,
    amountDue: vnd(ytd[t].due),
    amountCollected: vnd(ytd[t].collected),
    latePayments: vnd(ytd[t].avgQuarterDue * share[t]),
  }));
}

/**
 * Scales Huế's communes so that its totals at 31/12/2025 match HUE_TOTALS_END_2025 (population,
 * compulsory, voluntary): the Huế 2026 plan (seed 004) then reads as a plausible step up.
 */
function scaleHue(models: CommuneModel[]): void {
  const sumAt = (k: keyof Levels) => models.reduce((s, m) => s + m.levels[k] * m.shape.paths[k][END_2025], 0);
  const sPop = HUE_TOTALS_END_2025.population / sumAt("population");
  const sComp = HUE_TOTALS_END_2025.bhxhCompulsory / sumAt("bhxhCompulsory");
  const sVol = HUE_TOTALS_END_2025.bhxhVoluntary / sumAt("bhxhVoluntary");
  for (const m of models) {
    m.levels.population *= sPop;
    m.levels.labourForce *= sPop;
    m.levels.retirementAgePopulation *= sPop;
    m.levels.bhxhCompulsory *= sComp;
    m.levels.bhxhVoluntary *= sVol;
  }
}

// ---------------------------------------------------------------------------------------------
// Reports

const DAY = 86_400_000;

/** A working-hours moment (8:00–16:59 in Vietnam, UTC+7) `days` days after the end of a quarter. */
function afterQuarterEnd(year: number, quarter: number, days: number, rng: Rng): Date {
  const end = Date.UTC(year, quarter * 3, 0); // day 0 of the next month = last day of the quarter
  const minutes = rng.int(1 * 60, 9 * 60 + 59); // 01:00–09:59 UTC
  return new Date(end + days * DAY + minutes * 60_000);
}

type CurrentStatus = ReportStatus | "NONE";

/** The state of one commune's 2026 Q3 report: its status, and whether it was submitted late. */
export interface CurrentReport {
  status: CurrentStatus;
  late: boolean;
}

/** The reporting deadline of the demo cities: 5 days after the quarter's end (lib/demo/load.ts). */
export const DEMO_DEADLINE_DAYS = 5;

/**
 * How the communes of a city stand on 2026 Q3, by quota after a seeded shuffle: ≈ 5% not started
 * and ≈ 4.5% with only a draft (not reported by the deadline: 11 of Hải Phòng's 114, 4 of Huế's
 * 40); of the others ≈ 45% approved and the rest submitted, 3–6 of them first submitted after the
 * deadline, every other one on time. Kim Thành has not started (its officer fills it in during the
 * demo); Nguyễn Lương Bằng has submitted on time (the city staff can approve it).
 */
export function currentReports(tenant: DemoTenantCode, communes: readonly RefCommune[]): Map<string, CurrentReport> {
  const forced = new Map<string, CurrentStatus>([
    [KIM_THANH, "NONE"],
    [NGUYEN_LUONG_BANG, "SUBMITTED"],
  ]);
  const n = communes.length;
  const quota: [CurrentStatus, number][] = [
    ["NONE", Math.max(1, round(n * 0.05))],
    ["DRAFT", Math.max(1, round(n * 0.045))],
    ["APPROVED", round(n * 0.45)],
  ];
  const out = new Map<string, CurrentReport>();
  for (const c of communes) {
    const f = forced.get(c.code);
    if (f) {
      out.set(c.code, { status: f, late: false });
      const q = quota.find(([s]) => s === f);
      if (q) q[1]--;
    }
  }
  const rest = rngFor(tenant, "current-status").shuffle(communes.filter((c) => !out.has(c.code)));
  let i = 0;
  for (const [status, count] of quota) for (let k = 0; k < count; k++) out.set(rest[i++].code, { status, late: false });
  for (; i < rest.length; i++) out.set(rest[i].code, { status: "SUBMITTED", late: false });
  // A few of the reports in were first submitted after the deadline (never the forced ones).
  const late = clamp(round(n * 0.045), 3, 6);
  const reported = rest.filter((c) => ["SUBMITTED", "APPROVED"].includes(out.get(c.code)!.status));
  for (const c of rngFor(tenant, "late-reports").shuffle(reported).slice(0, late)) out.get(c.code)!.late = true;
  return out;
}

/** Days after the quarter's end a report is first submitted: on time 1–5 (1 in 12 late: 6–12). */
function submissionDays(rng: Rng): number {
  const late = rng.next() < 1 / 12;
  const onTime = rng.int(1, DEMO_DEADLINE_DAYS);
  const after = rng.int(DEMO_DEADLINE_DAYS + 1, 12);
  return late ? after : onTime;
}

function reportsOf(m: CommuneModel, series: DemoFigures[], current: CurrentReport): DemoReport[] {
  const rng = rngFor(m.tenant, m.commune.code, "reports");
  const base = { tenantCode: m.tenant, unitCode: m.commune.code };
  const out: DemoReport[] = [];
  DEMO_PERIODS.forEach(({ year, quarter }, t) => {
    const isCurrent = year === CURRENT_PERIOD.year && quarter === CURRENT_PERIOD.quarter;
    // Drawn for every quarter so the stream does not depend on status.
    const days = submissionDays(rng);
    const lateDays = rng.int(DEMO_DEADLINE_DAYS + 1, 2 * DEMO_DEADLINE_DAYS); // a few days late, at most 10 after the quarter
    const onTimeDays = rng.int(1, DEMO_DEADLINE_DAYS);
    let status: ReportStatus = "APPROVED";
    if (isCurrent) {
      if (current.status === "NONE") return; // not started: no row at all
      status = current.status;
    }
    out.push({
      ...base,
      year,
      quarter,
      kind: "ACTUAL",
      status,
      submittedAt: status === "DRAFT" ? null : afterQuarterEnd(year, quarter, isCurrent ? (current.late ? lateDays : onTimeDays) : days, rng),
      ...series[t],
    });
  });
  // Year-end estimates, made in October from the Q3 figures: participants up 1–2.5%,
  // denominators about flat, money up 1–4%.
  for (const year of ESTIMATE_YEARS) {
    const rng = rngFor(m.tenant, m.commune.code, "estimate", year);
    const q3 = series[periodIndex(year, 3)];
    const up = (x: number, lo: number, hi: number) => round(x * (1 + rng.range(lo, hi)));
    // Money (year-to-date): the fourth quarter adds about a third of the first nine months;
    // collected and late keep Q3's shares of the amount due.
    const dueQ3 = Number(q3.amountDue);
    const due = dueQ3 * (4 / 3) * (1 + rng.range(0, 0.03));
    const bhxhCompulsory = up(q3.bhxhCompulsory, 0.01, 0.025);
    const bhxhVoluntary = up(q3.bhxhVoluntary, 0.01, 0.025);
    const population = up(q3.population, 0, 0.002);
    out.push({
      ...base,
      year,
      quarter: 4,
      kind: "ESTIMATE",
      status: "APPROVED",
      submittedAt: afterQuarterEnd(year, 3, rng.int(12, 25), rng),
      labourForce: up(q3.labourForce, 0, 0.002),
      population,
      retirementAgePopulation: up(q3.retirementAgePopulation, 0, 0.006),
      bhxhCompulsory,
      bhxhVoluntary,
      bhxhVoluntaryInformal: Math.min(bhxhVoluntary, up(q3.bhxhVoluntaryInformal, 0.01, 0.025)),
      bhtn: Math.min(bhxhCompulsory, up(q3.bhtn, 0.01, 0.025)),
      bhyt: up(q3.bhyt, 0.003, 0.012),
      pensionRecipients: up(q3.pensionRecipients, 0.005, 0.015),
      amountDue: vnd(due),
      amountCollected: vnd((due * Number(q3.amountCollected)) / dueQ3),
      latePayments: vnd((due * Number(q3.latePayments)) / dueQ3),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Targets

/** The projected state of a commune at the end of a target year, used to size its targets. */
interface Outlook {
  labourForce: number;
  population: number;
  bhtnShare: number;
  /** Yearly amount due, VND. */
  yearlyDue: number;
}

function outlook(m: CommuneModel, series: DemoFigures[], year: number): Outlook {
  const end = series[END_2025];
  const years = year - 2025;
  const lfGrowth = m.shape.paths.labourForce[END_2025] / m.shape.paths.labourForce[END_2025 - 4]; // last 4 quarters
  const popGrowth = m.shape.paths.population[END_2025] / m.shape.paths.population[END_2025 - 4];
  const due2025 = Number(series[END_2025].amountDue); // year-to-date at 31/12 = the whole year
  return {
    labourForce: end.labourForce * Math.pow(lfGrowth, years),
    population: end.population * Math.pow(popGrowth, years),
    bhtnShare: end.bhtn / Math.max(1, end.bhxhCompulsory),
    // Revenue grows with participants and wages: ≈ +11% a year.
    yearlyDue: due2025 * Math.pow(1.11, years),
  };
}

interface CountTargets {
  bhxhCompulsory: number;
  bhxhVoluntary: number;
  bhtn: number;
  bhyt: number;
}

function targetRows(
  tenant: DemoTenantCode,
  unitCode: string,
  year: number,
  counts: CountTargets,
  labourForce: number,
  revenue: number,
  rates: TargetValues,
  province: boolean,
): DemoTarget[] {
  const row = (key: string, kind: TargetKind, value: number): DemoTarget => ({
    tenantCode: tenant,
    unitCode,
    year,
    key,
    kind,
    value,
    source: targetSource(unitCode, year, key),
  });
  const coverage = rates.bhxhCoverage ?? roundRate((counts.bhxhCompulsory + counts.bhxhVoluntary) / labourForce);
  const out = [
    row("bhxhCompulsory", "COUNT", counts.bhxhCompulsory),
    row("bhxhVoluntary", "COUNT", counts.bhxhVoluntary),
    row("bhtn", "COUNT", counts.bhtn),
    row("bhyt", "COUNT", counts.bhyt),
    row("bhxhCoverage", "RATE", coverage),
  ];
  // A province's 2030 target on participants (compulsory + voluntary), the measure Resolution
  // 403/NQ-CP assigns each province (the demo's figure is the sum of its communes', invented).
  if (year === 2030 && province) out.splice(2, 0, row("bhxhParticipants", "COUNT", counts.bhxhCompulsory + counts.bhxhVoluntary));
  if (year === 2030) {
    out.push(
      row("compulsoryCoverage", "RATE", rates.compulsoryCoverage ?? roundRate(counts.bhxhCompulsory / labourForce)),
      row("voluntaryCoverage", "RATE", rates.voluntaryCoverage ?? roundRate(counts.bhxhVoluntary / labourForce)),
    );
  }
  out.push(
    row("latePaymentRate", "RATE", LATE_PAYMENT_RATE_TARGET[year]),
    // Revenue plan (kế hoạch thu), rounded to million VND.
    row("amountCollected", "COUNT", round(revenue / 1e6) * 1e6),
  );
  return out;
}

/** A BHTN target in step with the compulsory one (BHTN participants are a subset of compulsory). */
function bhtnTarget(compulsoryTarget: number, end: DemoFigures, rng: Rng): number {
  const share = end.bhtn / Math.max(1, end.bhxhCompulsory);
  return Math.min(compulsoryTarget, round(compulsoryTarget * share * rng.range(0.99, 1.02)));
}

interface CommuneTargetPlan {
  model: CommuneModel;
  byYear: Map<number, { counts: CountTargets; labourForce: number; revenue: number; rates: TargetValues }>;
}

function planCommune(m: CommuneModel, series: DemoFigures[]): CommuneTargetPlan {
  const rng = rngFor(m.tenant, m.commune.code, "targets");
  const end = series[END_2025];
  const byYear: CommuneTargetPlan["byYear"] = new Map();

  // 2025: set early in the year, so around the year's outcome: some communes beat it, some fall
  // a little short, a few clearly behind.
  {
    const o = outlook(m, series, 2025);
    const comp = round(end.bhxhCompulsory * rng.range(0.95, 1.06));
    const counts = {
      bhxhCompulsory: comp,
      bhxhVoluntary: round(end.bhxhVoluntary * rng.range(0.93, 1.1)),
      bhtn: bhtnTarget(comp, end, rng),
      bhyt: round(end.bhyt * rng.range(0.98, 1.03)),
    };
    byYear.set(2025, { counts, labourForce: o.labourForce, revenue: o.yearlyDue * rng.range(0.97, 1.03), rates: {} });
  }
  // 2026: ≈ +8–12% on the end of 2025.
  {
    const o = outlook(m, series, 2026);
    const comp = round(end.bhxhCompulsory * rng.range(1.08, 1.12));
    const counts = {
      bhxhCompulsory: comp,
      bhxhVoluntary: round(end.bhxhVoluntary * rng.range(1.08, 1.14)),
      bhtn: bhtnTarget(comp, end, rng),
      bhyt: Math.min(round(o.population * 0.99), round(end.bhyt * rng.range(1.02, 1.05))),
    };
    byYear.set(2026, { counts, labourForce: o.labourForce, revenue: o.yearlyDue * rng.range(0.99, 1.04), rates: {} });
  }
  // 2030: the Resolution 403 path, coverage 60–75% in Hải Phòng (55–65% in Huế, from a lower
  // base), voluntary 8–14% of the labour force; never below what the commune already has.
  {
    const o = outlook(m, series, 2030);
    const curComp = end.bhxhCompulsory / end.labourForce;
    const curVol = end.bhxhVoluntary / end.labourForce;
    const voluntaryCoverage = roundRate(Math.max(rng.range(0.08, 0.14), curVol + 0.03));
    const wanted = m.tenant === HAI_PHONG ? rng.range(0.6, 0.75) : rng.range(0.55, 0.65);
    // Compulsory coverage at least 8 points above today's, so 2030 stays beyond 2026 (+8–12%).
    const compulsoryCoverage = roundRate(Math.min(0.85 - voluntaryCoverage, Math.max(wanted - voluntaryCoverage, curComp + 0.08)));
    const bhxhCoverage = roundRate(compulsoryCoverage + voluntaryCoverage);
    const comp = round(o.labourForce * compulsoryCoverage);
    const counts = {
      bhxhCompulsory: comp,
      bhxhVoluntary: round(o.labourForce * voluntaryCoverage),
      bhtn: round(comp * o.bhtnShare),
      bhyt: round(o.population * rng.range(0.965, 0.985)),
    };
    byYear.set(2030, {
      counts,
      labourForce: o.labourForce,
      revenue: o.yearlyDue * rng.range(0.98, 1.03),
      rates: { bhxhCoverage, compulsoryCoverage, voluntaryCoverage },
    });
  }

  // Kim Thành's own plan (seed 001) replaces the invented figures where it speaks.
  if (m.commune.code === KIM_THANH) {
    for (const year of [2026, 2030] as const) {
      const plan = byYear.get(year)!;
      const seed = SEED_KIM_THANH_TARGETS[year];
      plan.counts.bhxhCompulsory = seed.bhxhCompulsory!;
      plan.counts.bhxhVoluntary = seed.bhxhVoluntary!;
      plan.counts.bhtn = bhtnTarget(seed.bhxhCompulsory!, end, rng);
      const { bhxhCompulsory: _c, bhxhVoluntary: _v, ...rates } = seed;
      plan.rates = { ...plan.rates, ...rates };
    }
  }
  return { model: m, byYear };
}

/**
 * Huế's 2026 commune targets: the city's plan (seed 004) split among communes in proportion to
 * each commune's end-2025 figure times a growth factor of its own, so they add up to the plan.
 * One factor per commune for all keys, so a commune's BHTN target stays below its compulsory one.
 */
function allocateHue2026(plans: CommuneTargetPlan[], seriesByCode: Map<string, DemoFigures[]>): void {
  const keys = ["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt"] as const;
  const factor = plans.map((p) => rngFor(HUE, p.model.commune.code, "allocate").range(0.97, 1.03));
  for (const key of keys) {
    const weights = plans.map((p, i) => seriesByCode.get(p.model.commune.code)![END_2025][key] * factor[i]);
    const parts = allocate(SEED_HUE_TARGETS_2026[key], weights);
    plans.forEach((p, i) => (p.byYear.get(2026)!.counts[key] = parts[i]));
  }
  // BHTN can't exceed compulsory in a commune's target either.
  for (const p of plans) {
    const c = p.byYear.get(2026)!.counts;
    if (c.bhtn > c.bhxhCompulsory) throw new Error(`Chỉ tiêu BHTN 2026 vượt BHXH bắt buộc: ${p.model.commune.code}`);
  }
}

function provinceTargets(tenant: DemoTenantCode, plans: CommuneTargetPlan[]): DemoTarget[] {
  const out: DemoTarget[] = [];
  for (const year of TARGET_YEARS) {
    const sum = (f: (p: CommuneTargetPlan) => number) => plans.reduce((s, p) => s + f(p), 0);
    const get = (p: CommuneTargetPlan) => p.byYear.get(year)!;
    const counts: CountTargets =
      tenant === HUE && year === 2026
        ? { ...SEED_HUE_TARGETS_2026 }
        : {
            bhxhCompulsory: sum((p) => get(p).counts.bhxhCompulsory),
            bhxhVoluntary: sum((p) => get(p).counts.bhxhVoluntary),
            bhtn: sum((p) => get(p).counts.bhtn),
            bhyt: sum((p) => get(p).counts.bhyt),
          };
    const labourForce = sum((p) => get(p).labourForce);
    const revenue = sum((p) => round(get(p).revenue / 1e6) * 1e6);
    out.push(...targetRows(tenant, tenant, year, counts, labourForce, revenue, {}, true));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 2026 Q3: where each commune stands against its quarterly milestones

/** The share of the year's way to a stock target expected by the end of the third quarter. */
export const MILESTONE_SHARE_Q3 = 3 / 4;

/** The milestone at Q3 of a stock target (participants, coverage): last year's Q4 value + (target − that) × 3/4. */
export function stockMilestoneQ3(lastYearQ4: number, target: number): number {
  return lastYearQ4 + (target - lastYearQ4) * MILESTONE_SHARE_Q3;
}

export type Standing = "attained" | "close" | "behind";

/** Actual / milestone at 2026 Q3 for each standing, clear of the 90% and 100% bounds. */
const STANDING_RATIO: Record<Standing, readonly [number, number]> = {
  attained: [1.01, 1.06],
  close: [0.92, 0.985],
  behind: [0.845, 0.89],
};
/** ≈ 40% attained, ≈ 35% close, the rest (≈ 25%) behind, among the communes that reported and among the others. */
const STANDING_SHARES: readonly [Standing, number][] = [
  ["attained", 0.4],
  ["close", 0.35],
];

/** Late payments / amount due at 2026 Q3, under the 2.5% ceiling or over it. */
const LATE_RATE_UNDER = { min: 0.006, max: 0.022 } as const;
const LATE_RATE_OVER = { min: 0.027, max: 0.038 } as const;
/** The share of communes over the late-payment ceiling at 2026 Q3 ("several"). */
const LATE_OVER_SHARE = 0.15;

/** What 2026 Q3 looks like for one commune. */
interface Outcome {
  standing: Standing;
  lateOver: boolean;
  /** Collected by 30/9 / the year's revenue plan (≈ 75%). */
  revenueShare: number;
}

/** Labels `codes` by quota after a seeded shuffle: round(share × n) for each label in turn, `rest` for the others. */
function byQuota<L extends string>(codes: readonly string[], rng: Rng, shares: readonly [L, number][], rest: L): Map<string, L> {
  const order = rng.shuffle(codes);
  const out = new Map<string, L>();
  let i = 0;
  for (const [label, share] of shares) for (let k = round(codes.length * share); k > 0 && i < order.length; k--) out.set(order[i++], label);
  for (; i < order.length; i++) out.set(order[i], rest);
  return out;
}

function outcomes2026(tenant: DemoTenantCode, communes: readonly RefCommune[], current: Map<string, CurrentReport>): Map<string, Outcome> {
  // Quotas within the communes that reported (what the dashboards show) and within the others.
  const isIn = (c: RefCommune) => ["SUBMITTED", "APPROVED"].includes(current.get(c.code)!.status);
  const groups = { in: communes.filter(isIn).map((c) => c.code), out: communes.filter((c) => !isIn(c)).map((c) => c.code) };
  const standing = new Map<string, Standing>();
  const lateOver = new Map<string, "over" | "under">();
  for (const [name, codes] of Object.entries(groups)) {
    for (const [code, s] of byQuota(codes, rngFor(tenant, "standing", name), STANDING_SHARES, "behind")) standing.set(code, s);
    for (const [code, s] of byQuota(codes, rngFor(tenant, "late-payments", name), [["over", LATE_OVER_SHARE]], "under")) lateOver.set(code, s);
  }
  const bias: Record<Standing, number> = { attained: 0.02, close: 0, behind: -0.03 };
  return new Map(
    communes.map((c) => {
      const rng = rngFor(tenant, c.code, "revenue-2026");
      const s = standing.get(c.code)!;
      // Around 75% of the plan (a flow's milestone at Q3), a little better where participants are.
      const revenueShare = 0.75 + bias[s] + (rng.next() - rng.next()) * 0.09;
      return [c.code, { standing: s, lateOver: lateOver.get(c.code) === "over", revenueShare }];
    }),
  );
}

/** Bends a count's 2026 path so that it reaches `valueQ3` at 2026 Q3, evenly, with a little noise. */
function bend(m: CommuneModel, key: "bhxhCompulsory" | "bhxhVoluntary", valueQ3: number, rng: Rng): void {
  const p = m.shape.paths[key];
  const from = p[END_2025];
  const to = valueQ3 / m.levels[key];
  const step = Math.pow(to / from, 1 / 3);
  p[END_2025 + 1] = from * step * (1 + rng.range(-0.003, 0.003));
  p[END_2025 + 2] = from * step * step * (1 + rng.range(-0.003, 0.003));
  p[END_2025 + 3] = to;
}

/**
 * Shapes a commune's 2026 from its outcome: compulsory and voluntary reach their Q3 milestone times
 * a ratio of the standing's band (voluntary a little apart), the late-payment rate lands under or
 * over the ceiling (arrears building up over the last quarters where it is over). Kim Thành keeps
 * its own path (its 2026 Q3 is entered during the demo).
 */
function shape2026(m: CommuneModel, prelim: DemoFigures[], plan: CommuneTargetPlan, o: Outcome): void {
  const rng = rngFor(m.tenant, m.commune.code, "2026");
  const late = o.lateOver ? LATE_RATE_OVER : LATE_RATE_UNDER;
  m.shape.lateRate2026Q3 = rng.range(late.min, late.max);
  if (o.lateOver) for (let t = END_2025 - 2; t < T; t++) m.shape.lateSteps[t] *= 1.04;
  const [lo, hi] = STANDING_RATIO[o.standing];
  const r = rng.range(lo, hi);
  const rVoluntary = r + rng.range(-0.03, 0.03);
  if (m.commune.code === KIM_THANH) return;
  const end = prelim[END_2025];
  const target = plan.byYear.get(2026)!.counts;
  bend(m, "bhxhCompulsory", stockMilestoneQ3(end.bhxhCompulsory, target.bhxhCompulsory) * r, rng);
  bend(m, "bhxhVoluntary", stockMilestoneQ3(end.bhxhVoluntary, target.bhxhVoluntary) * rVoluntary, rng);
}

// ---------------------------------------------------------------------------------------------
// Villages

const KIM_THANH_VILLAGES = [
  "Thôn Kim Lương",
  "Thôn Kim Khê",
  "Thôn Kim Xuyên",
  "Thôn Phú Thái",
  "Thôn Đồng Gia",
  "Thôn Lai Khê",
  "Thôn Cổ Dũng",
  "Thôn Tiền Trung",
  "Thôn Hậu Trung",
  "Thôn Tuấn Việt",
];
const NGUYEN_LUONG_BANG_VILLAGES = ["Thôn Nhữ Thị", "Thôn Đoàn Xá", "Thôn Tào Khê", "Thôn Hội Yên", "Thôn Lam Cầu", "Thôn Hoàng Xá", "Thôn Thanh Giang"];

function villagesOf(tenant: DemoTenantCode, parentCode: string, names: string[], type: UnitType): DemoVillage[] {
  return names.map((name, i) => ({
    tenantCode: tenant,
    parentCode,
    code: `${parentCode}-${String(i + 1).padStart(2, "0")}`,
    name,
    type,
    validFrom: VILLAGE_VALID_FROM,
  }));
}

// ---------------------------------------------------------------------------------------------
// Everything

function requireCommune(input: DemoInput, tenant: DemoTenantCode, code: string): void {
  if (!input[tenant].some((c) => c.code === code)) throw new Error(`Dữ liệu minh họa cần đơn vị ${code} thuộc tỉnh/thành phố ${tenant} trong danh mục`);
}

export function generateDemoData(input: DemoInput): DemoData {
  requireCommune(input, HAI_PHONG, KIM_THANH);
  requireCommune(input, HAI_PHONG, NGUYEN_LUONG_BANG);
  requireCommune(input, HUE, PHU_XUAN);

  const reports: DemoReport[] = [];
  const targets: DemoTarget[] = [];
  for (const tenant of DEMO_TENANT_CODES) {
    const communes = [...input[tenant]].sort((a, b) => a.code.localeCompare(b.code));
    const models = communes.map((c) => drawModel(tenant, c));
    if (tenant === HUE) scaleHue(models);
    // Targets are sized on the figures up to the end of 2025 (a first pass); 2026 is then shaped
    // against them, and the revenue plan set from what was collected by 30/9.
    const prelim = new Map(models.map((m) => [m.commune.code, seriesOf(m)]));
    const plans = models.map((m) => planCommune(m, prelim.get(m.commune.code)!));
    if (tenant === HUE) allocateHue2026(plans, prelim);

    const current = currentReports(tenant, communes);
    const outcomes = outcomes2026(tenant, communes, current);
    for (const p of plans) shape2026(p.model, prelim.get(p.model.commune.code)!, p, outcomes.get(p.model.commune.code)!);
    const seriesByCode = new Map(models.map((m) => [m.commune.code, seriesOf(m)]));
    for (const p of plans) {
      const code = p.model.commune.code;
      p.byYear.get(2026)!.revenue = Number(seriesByCode.get(code)![T - 1].amountCollected) / outcomes.get(code)!.revenueShare;
    }

    for (const m of models) reports.push(...reportsOf(m, seriesByCode.get(m.commune.code)!, current.get(m.commune.code)!));
    targets.push(...provinceTargets(tenant, plans));
    for (const p of plans)
      for (const year of TARGET_YEARS) {
        const y = p.byYear.get(year)!;
        targets.push(...targetRows(tenant, p.model.commune.code, year, y.counts, y.labourForce, y.revenue, y.rates, false));
      }
  }

  const villages = [
    ...villagesOf(HAI_PHONG, KIM_THANH, KIM_THANH_VILLAGES, "THON"),
    ...villagesOf(HAI_PHONG, NGUYEN_LUONG_BANG, NGUYEN_LUONG_BANG_VILLAGES, "THON"),
    ...villagesOf(
      HUE,
      PHU_XUAN,
      [1, 2, 3, 4, 5].map((i) => `Tổ dân phố ${i}`),
      "TO_DAN_PHO",
    ),
  ];

  const users: DemoUser[] = DEMO_ACCOUNTS.map((a) => ({
    username: a.username,
    fullName: a.fullName,
    role: a.role,
    unitCode: a.unitCode,
    tenantCode: a.tenantCode,
  }));

  return { villages, reports, targets, users };
}
