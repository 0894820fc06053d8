// The monthly scenario (kịch bản phát triển người tham gia theo từng tháng, issue 15): what a unit
// plans to have reached at the end of each month of a year, per target key, and how the month's
// actual figures compare with it. Seed 004 asks the city's BHXH to "xây dựng kịch bản phát triển
// người tham gia BHXH, BHYT, BHTN … theo từng tháng", to review each month's result "làm cơ sở triển
// khai cho tháng tiếp theo"; seed 003 plans "theo từng tháng" too. Pure: no database, no React.
//
// Defaults are derived the way the quarter milestones are (lib/domain/milestones.ts), month by month:
// - a stock (participants, coverage): a straight line from last year's year-end figure to the target,
//   month m → baseline + (target − baseline) · m/12 (without a baseline: the target every month);
// - a flow (money collected year to date, revenue completion): target · m/12;
// - a ceiling (late-payment rate): the target every month.
// Where city staff set a quarter milestone, the defaults pass through it (the line is drawn between
// the quarter ends), so saving the defaults never moves a quarter milestone. December is always the
// year's target. People are whole numbers, money is rounded to the million VND (a quarter's end, its milestone, to the đồng), rates to 0,01 percentage point.
//
// A saved scenario's quarter-end months (3, 6, 9) are the unit's quarter milestones: the precedence is
// written once, in lib/domain/milestones.ts (milestoneFor).
import type { Direction } from "./indicators";
import { milestoneFor, natureOf } from "./milestones";
import type { MetricKey } from "./metrics";
import { vietnamToday } from "./period";

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** The planned values: month ("1"…"12") → target key → value (a fraction for a rate). */
export type ScenarioMonths = Record<string, Record<string, number>>;

/** A yearly target as the scenario needs it. */
export interface ScenarioTarget {
  value: number;
  kind: "COUNT" | "RATE";
}

/** The figures entered each month (participants as at the month end; money year to date, late payments as at the month end). */
export const MONTHLY_METRIC_KEYS = [
  "bhxhCompulsory",
  "bhxhVoluntary",
  "bhtn",
  "bhyt",
  "amountDue",
  "amountCollected",
  "latePayments",
] as const satisfies readonly MetricKey[];
export type MonthlyMetricKey = (typeof MONTHLY_METRIC_KEYS)[number];

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

// ---------------------------------------------------------------------------------------------
// Months

/** The last day of a month, at midnight UTC (a calendar date). */
export function monthEnd(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}

/** A month has ended once its last day is over in Vietnam: only then can its figures be entered. */
export function isMonthEnded(year: number, month: number, now: Date = new Date()): boolean {
  return vietnamToday(now).getTime() > monthEnd(year, month).getTime();
}

/** The latest month that has ended in Vietnam. */
export function lastEndedMonth(now: Date = new Date()): { year: number; month: number } {
  const today = vietnamToday(now);
  const m = today.getUTCMonth(); // 0-based this month = 1-based last month
  return m === 0 ? { year: today.getUTCFullYear() - 1, month: 12 } : { year: today.getUTCFullYear(), month: m };
}

export const quarterOfMonth = (month: number): number => Math.ceil(month / 3);

/** The month ending a quarter: 3, 6, 9, 12. */
export const quarterEndMonth = (quarter: number): number => quarter * 3;

// ---------------------------------------------------------------------------------------------
// Defaults

/** Target keys in VND: planned to the million, as revenue plans are stated. */
const MONEY_KEYS: readonly string[] = ["amountCollected"];

/** A planned value as stored: people whole, money to the million VND, rates to 1/10 000 (0,01 percentage point). */
export function roundPlanned(kind: ScenarioTarget["kind"], value: number, key = ""): number {
  if (kind === "RATE") return Math.round(value * 10_000) / 10_000;
  return MONEY_KEYS.includes(key) ? Math.round(value / 1e6) * 1e6 : Math.round(value);
}

/**
 * The default planned values of one target for months 1…12 (index 0 = January). `baseline`: the
 * unit's value at the previous year end (a stock's starting point); `overrideOf`: city staff's
 * quarter milestone for Q1–Q3, if set. December is the target exactly.
 */
export function defaultMonthValues(
  key: string,
  target: ScenarioTarget,
  baseline: number | null | undefined,
  overrideOf?: (quarter: number) => number | null | undefined,
): number[] {
  const t = target.value;
  // The quarter ends the line goes through: the milestones that apply without a scenario.
  const anchor = [1, 2, 3].map((q) => milestoneFor(key, t, q, baseline, overrideOf?.(q) ?? null)?.value ?? t);
  anchor.push(t);
  const nature = natureOf(key);
  const start = nature === "flow" ? 0 : isNumber(baseline) ? baseline : null;
  // Rounding never carries a month across the year's target (December is the target, unrounded).
  const round = (raw: number) => {
    const v = roundPlanned(target.kind, raw, key);
    return (raw <= t && v > t) || (raw >= t && v < t) ? t : v;
  };
  return MONTHS.map((m) => {
    if (m === 12) return t;
    const q = quarterOfMonth(m);
    const end = anchor[q - 1];
    const into = m - (q - 1) * 3; // 1, 2, 3
    // A quarter's end is its milestone as the unit page shows it: money to the đồng (a plan's three
    // quarters are rarely whole millions: 75% of 299.758 million is 224.818,5 million, not 224.819).
    if (into === 3 && MONEY_KEYS.includes(key)) return Math.round(end);
    if (nature === "ceiling" || into === 3) return round(end);
    const from = q === 1 ? start : anchor[q - 2];
    if (from === null) return round(end);
    const v = round(from + ((end - from) * into) / 3);
    if (!MONEY_KEYS.includes(key)) return v;
    // Money: between its quarter's two ends, whatever the rounding (the months to the million, the ends to the đồng).
    const [a, b] = [Math.round(from), Math.round(end)];
    return Math.min(Math.max(v, Math.min(a, b)), Math.max(a, b));
  });
}

export interface DefaultScenarioInput {
  targets: Record<string, ScenarioTarget>;
  /** The unit's value of a target key at the previous year end (null: none). */
  baselineOf: (key: string) => number | null;
  /** City staff's quarter milestone of a key (Q1–Q3), if set. */
  overrideOf?: (key: string, quarter: number) => number | null;
}

/** The default scenario of a unit's targets: every month, every key. */
export function defaultScenario(input: DefaultScenarioInput): ScenarioMonths {
  const out: ScenarioMonths = Object.fromEntries(MONTHS.map((m) => [String(m), {}]));
  for (const [key, target] of Object.entries(input.targets)) {
    const values = defaultMonthValues(key, target, input.baselineOf(key), input.overrideOf ? (q) => input.overrideOf!(key, q) : undefined);
    values.forEach((v, i) => (out[String(i + 1)][key] = v));
  }
  return out;
}

/**
 * A stored scenario made whole for the current targets: keys no longer targeted are dropped, keys
 * targeted since the scenario was saved take their default, and December is the target (a target
 * changed after the scenario was saved moves December with it). `fromStore` is read defensively
 * (it comes from a JSON column).
 */
export function completeScenario(fromStore: unknown, targets: Record<string, ScenarioTarget>, defaults: ScenarioMonths): ScenarioMonths {
  const stored = fromStore && typeof fromStore === "object" ? (fromStore as Record<string, unknown>) : {};
  const out: ScenarioMonths = {};
  for (const m of MONTHS) {
    const month = stored[String(m)];
    const values = month && typeof month === "object" ? (month as Record<string, unknown>) : {};
    out[String(m)] = {};
    for (const [key, target] of Object.entries(targets)) {
      const v = values[key];
      out[String(m)][key] = m === 12 ? target.value : isNumber(v) ? v : defaults[String(m)][key];
    }
  }
  return out;
}

/** The keys a stored scenario plans (those with a value in every month 1–11): only these override quarter milestones. */
export function plannedKeys(fromStore: unknown): string[] {
  const stored = fromStore && typeof fromStore === "object" ? (fromStore as Record<string, unknown>) : {};
  const first = stored["1"];
  if (!first || typeof first !== "object") return [];
  return Object.keys(first).filter((k) =>
    MONTHS.slice(0, 11).every((m) => {
      const month = stored[String(m)];
      return !!month && typeof month === "object" && isNumber((month as Record<string, unknown>)[k]);
    }),
  );
}

/**
 * The values a stored scenario gives a quarter's milestones: its quarter-end month (3, 6, 9), for the
 * keys it plans. Q4 (and anything else) gives none: Q4's milestone is the year's target.
 */
export function scenarioQuarterValues(fromStore: unknown, quarter: number): Record<string, number> {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 3) return {};
  const month = (fromStore as Record<string, unknown> | null)?.[String(quarterEndMonth(quarter))] as Record<string, unknown> | undefined;
  const out: Record<string, number> = {};
  for (const k of plannedKeys(fromStore)) if (month && isNumber(month[k])) out[k] = month[k] as number;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checking a submitted scenario

/** The refusal messages (Vietnamese; lib/i18n/server-messages.ts gives their English). */
export const SCENARIO_MESSAGES_VI = {
  noTargets: (year: number) => `Đơn vị chưa có chỉ tiêu năm ${year}: hãy giao chỉ tiêu năm trước khi lập kịch bản theo tháng.`,
  missingMonth: (m: number) => `Thiếu tháng ${m}: kịch bản cần đủ 12 tháng.`,
  badMonth: (m: string) => `Tháng không hợp lệ «${m}»: chỉ từ 1 đến 12.`,
  notTargeted: (key: string, year: number) => `«${key}» không phải chỉ tiêu năm ${year} của đơn vị: kịch bản chỉ gồm các chỉ tiêu đã giao.`,
  missingKey: (m: number, label: string) => `Tháng ${m} thiếu giá trị của «${label}».`,
  notWhole: (m: number, label: string) => `Tháng ${m}, «${label}»: phải là số nguyên.`,
  tooLarge: (m: number, label: string) => `Tháng ${m}, «${label}»: quá lớn, gấp hơn 10 lần chỉ tiêu năm.`,
  negative: (m: number, label: string) => `Tháng ${m}, «${label}»: không được âm.`,
  rateOver100: (m: number, label: string) => `Tháng ${m}, «${label}»: tỷ lệ không được quá 100%.`,
  december: (label: string, target: string) => `Tháng 12 của «${label}» phải bằng chỉ tiêu năm (${target}): kịch bản kết thúc ở chỉ tiêu năm.`,
};

export interface ScenarioIssue {
  path: string;
  message: string;
}

/**
 * Checks a submitted scenario (its shape already parsed: month → key → finite number) against the
 * unit's targets: all 12 months; in each, every target key and only those; counts whole, nothing
 * negative, rates at most 100%; December equal to the year's target (refused, never silently fixed:
 * the year's target is changed on the targets page). Returns the issues (empty: valid).
 */
export function checkScenario(
  months: Record<string, Record<string, number>>,
  targets: Record<string, ScenarioTarget>,
  year: number,
  labelOf: (key: string) => string = (k) => k,
  formatTarget: (key: string, value: number) => string = (_k, v) => String(v),
): ScenarioIssue[] {
  const M = SCENARIO_MESSAGES_VI;
  const keys = Object.keys(targets);
  if (keys.length === 0) return [{ path: "months", message: M.noTargets(year) }];
  const issues: ScenarioIssue[] = [];
  for (const m of Object.keys(months)) if (!MONTHS.some((x) => String(x) === m)) issues.push({ path: `months.${m}`, message: M.badMonth(m) });
  for (const m of MONTHS) {
    const values = months[String(m)];
    if (!values) {
      issues.push({ path: `months.${m}`, message: M.missingMonth(m) });
      continue;
    }
    for (const k of Object.keys(values)) if (!targets[k]) issues.push({ path: `months.${m}.${k}`, message: M.notTargeted(k, year) });
    for (const k of keys) {
      const v = values[k];
      const path = `months.${m}.${k}`;
      const t = targets[k];
      if (!isNumber(v)) issues.push({ path, message: M.missingKey(m, labelOf(k)) });
      else if (v < 0) issues.push({ path, message: M.negative(m, labelOf(k)) });
      else if (t.kind === "RATE" && v > 1) issues.push({ path, message: M.rateOver100(m, labelOf(k)) });
      else if (t.kind === "COUNT" && !Number.isInteger(v)) issues.push({ path, message: M.notWhole(m, labelOf(k)) });
      // A typing slip (an extra zero or three) must not become a quarter milestone: a month's plan is
      // at most ten times the year's target.
      else if (t.kind === "COUNT" && v > 10 * Math.max(1, t.value)) issues.push({ path, message: M.tooLarge(m, labelOf(k)) });
      else if (m === 12 && Math.abs(v - t.value) > 1e-9 * Math.max(1, Math.abs(t.value)))
        issues.push({ path, message: M.december(labelOf(k), formatTarget(k, t.value)) });
    }
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Actual against the scenario

/** Is an actual on track against a planned value? Higher is better, except for a ceiling (lower). */
export function onTrack(actual: number, planned: number, direction: Direction): boolean {
  return direction === "lower" ? actual <= planned : actual >= planned;
}

export interface MonthCell {
  planned: number | null;
  actual: number | null;
  /** actual − planned (people, VND, or a rate difference); null without either. */
  gap: number | null;
  /** At or beyond the plan (a ceiling: at or under it); null without either. */
  onTrack: boolean | null;
}

/** The gap of one month: actual − planned, and whether the month is on track. */
export function monthGap(actual: number | null | undefined, planned: number | null | undefined, direction: Direction): MonthCell {
  const a = isNumber(actual) ? actual : null;
  const p = isNumber(planned) ? planned : null;
  if (a === null || p === null) return { planned: p, actual: a, gap: null, onTrack: null };
  return { planned: p, actual: a, gap: a - p, onTrack: onTrack(a, p, direction) };
}

export interface NextMonthNeed {
  key: string;
  /** The month the need is for (the month after the latest one with figures). */
  month: number;
  /** Its planned value. */
  planned: number;
  /** The latest actual it starts from. */
  from: number;
  /** planned − from: the increase needed (a negative number: the decrease needed, for a ceiling). */
  change: number;
  /** Already at or beyond next month's plan (a ceiling: at or under it): nothing more is needed. */
  met: boolean;
}

/**
 * What the next month needs to be back on track: its planned value and the change from the latest
 * actual it implies. Null in December (the year's end: no next month in this scenario) or without an
 * actual or a plan.
 */
export function nextMonthNeed(
  key: string,
  latestMonth: number,
  latestActual: number | null | undefined,
  nextPlanned: number | null | undefined,
  direction: Direction,
): NextMonthNeed | null {
  if (latestMonth >= 12 || !isNumber(latestActual) || !isNumber(nextPlanned)) return null;
  return {
    key,
    month: latestMonth + 1,
    planned: nextPlanned,
    from: latestActual,
    change: nextPlanned - latestActual,
    met: onTrack(latestActual, nextPlanned, direction),
  };
}

export interface MonthRow {
  month: number;
  /** Whether the month has ended (Vietnam time). */
  ended: boolean;
  /** Whether any figure was entered for the month. */
  hasFigures: boolean;
  /** The quarter the month ends, if it ends one (3, 6, 9, 12): its plan is that quarter's milestone. */
  quarterEnd: number | null;
  cells: Record<string, MonthCell>;
}

export interface ScenarioComparison {
  rows: MonthRow[];
  /** The latest month with figures (null: none yet). */
  latestMonth: number | null;
  /** What the month after it needs, for each key with an actual then (empty in December or without figures). */
  needs: NextMonthNeed[];
}

/** Each month's actual against the scenario, the gaps, and what the month after the latest one with figures needs. */
export function compareWithScenario(input: {
  keys: readonly string[];
  months: ScenarioMonths;
  /** The actual value of a key at a month's end (null: no figure). */
  actualOf: (month: number, key: string) => number | null;
  /** Whether a month has figures entered. */
  hasFigures: (month: number) => boolean;
  ended: (month: number) => boolean;
  directionOf: (key: string) => Direction;
}): ScenarioComparison {
  const rows: MonthRow[] = MONTHS.map((m) => ({
    month: m,
    ended: input.ended(m),
    hasFigures: input.hasFigures(m),
    quarterEnd: m % 3 === 0 ? m / 3 : null,
    cells: Object.fromEntries(input.keys.map((k) => [k, monthGap(input.actualOf(m, k), input.months[String(m)]?.[k], input.directionOf(k))])),
  }));
  const latest = [...rows].reverse().find((r) => r.hasFigures)?.month ?? null;
  const needs =
    latest === null
      ? []
      : input.keys.flatMap((k) => {
          const n = nextMonthNeed(k, latest, input.actualOf(latest, k), input.months[String(latest + 1)]?.[k], input.directionOf(k));
          return n ? [n] : [];
        });
  return { rows, latestMonth: latest, needs };
}
