// Checks on a unit's quarterly figures at entry (domain.md, "Data quality rules worth enforcing at
// entry"). Used on the server (the zod schema guards the JSON API) and mirrored in the browser (the
// form parses what the officer types with parseWholeNumber in the interface's language, then runs
// checkFigures for live feedback).
// Pure: no database, no React, no Next.
//
// Numbers in messages are Vietnamese-style (13.624, 25,0%). All user-facing text lives in
// VALIDATION_MESSAGES_VI so another language can be swapped in (every function takes a `messages`
// argument, or option for checkFigures, defaulting to it).

import { z } from "zod";
import { formatNumber, formatPercent } from "../format";
import { METRIC_KEYS, METRICS, type Figures, type IndicatorKey, type MetricKey } from "./metrics";
import { YEAR_TO_DATE_METRICS } from "./period";
import { parseWholeNumber, WHOLE_NUMBER_MESSAGES, type NumberParse } from "./numbers";

// ---------------------------------------------------------------------------------------------
// Labels

export const METRIC_LABELS_VI: Record<MetricKey, { label: string; unit: "người" | "đồng" }> = {
  labourForce: { label: "Lực lượng lao động trong độ tuổi", unit: "người" },
  population: { label: "Dân số", unit: "người" },
  retirementAgePopulation: { label: "Số người sau độ tuổi nghỉ hưu", unit: "người" },
  bhxhCompulsory: { label: "Số người tham gia BHXH bắt buộc", unit: "người" },
  bhxhVoluntary: { label: "Số người tham gia BHXH tự nguyện", unit: "người" },
  bhxhVoluntaryInformal: { label: "Trong đó: nông dân, lao động khu vực phi chính thức", unit: "người" },
  bhtn: { label: "Số người tham gia BHTN", unit: "người" },
  bhyt: { label: "Số người tham gia BHYT", unit: "người" },
  pensionRecipients: { label: "Số người hưởng lương hưu, trợ cấp BHXH hằng tháng", unit: "người" },
  amountDue: { label: "Số phải thu", unit: "đồng" },
  amountCollected: { label: "Số đã thu", unit: "đồng" },
  latePayments: { label: "Số tiền chậm đóng", unit: "đồng" },
};

export const METRIC_LABELS_EN: Record<MetricKey, { label: string; unit: "people" | "VND" }> = {
  labourForce: { label: "Working-age labour force", unit: "people" },
  population: { label: "Population", unit: "people" },
  retirementAgePopulation: { label: "People past retirement age", unit: "people" },
  bhxhCompulsory: { label: "Compulsory social insurance participants", unit: "people" },
  bhxhVoluntary: { label: "Voluntary social insurance participants", unit: "people" },
  bhxhVoluntaryInformal: { label: "Of which: farmers and informal-sector workers", unit: "people" },
  bhtn: { label: "Unemployment insurance participants", unit: "people" },
  bhyt: { label: "Health insurance participants", unit: "people" },
  pensionRecipients: { label: "Pension and monthly social insurance benefit recipients", unit: "people" },
  amountDue: { label: "Amount due", unit: "VND" },
  amountCollected: { label: "Amount collected", unit: "VND" },
  latePayments: { label: "Late payments", unit: "VND" },
};

export const INDICATOR_LABELS_VI: Record<IndicatorKey, string> = {
  bhxhCoverage: "Tỷ lệ tham gia BHXH",
  compulsoryCoverage: "Tỷ lệ tham gia BHXH bắt buộc",
  voluntaryCoverage: "Tỷ lệ tham gia BHXH tự nguyện",
  informalVoluntaryCoverage: "Tỷ lệ nông dân, lao động khu vực phi chính thức tham gia BHXH tự nguyện",
  bhtnCoverage: "Tỷ lệ tham gia BHTN",
  bhytCoverage: "Tỷ lệ bao phủ BHYT",
  pensionCoverage: "Tỷ lệ người hưởng lương hưu, trợ cấp BHXH hằng tháng",
  latePaymentRate: "Tỷ lệ chậm đóng",
  revenueCompletion: "Tỷ lệ hoàn thành kế hoạch thu",
};

export const INDICATOR_LABELS_EN: Record<IndicatorKey, string> = {
  bhxhCoverage: "Social insurance coverage",
  compulsoryCoverage: "Compulsory social insurance coverage",
  voluntaryCoverage: "Voluntary social insurance coverage",
  informalVoluntaryCoverage: "Farmers and informal workers in voluntary social insurance",
  bhtnCoverage: "Unemployment insurance coverage",
  bhytCoverage: "Health insurance coverage",
  pensionCoverage: "Pension and monthly benefit coverage",
  latePaymentRate: "Late-payment rate",
  revenueCompletion: "Revenue plan completion",
};

// ---------------------------------------------------------------------------------------------
// Limits

/** Sane upper bound for a head count: above Viet Nam's population (~101 million). */
export const MAX_PEOPLE = 150_000_000;
/**
 * Sane upper bound for an amount of money (VND). NOTE: 10^16 is above Number.MAX_SAFE_INTEGER
 * (9.007.199.254.740.991), so amounts between the two cannot be carried exactly by a JSON number and
 * are rejected as "too large to store exactly" (zod's `.int()` enforces the safe range). The effective
 * ceiling for money is therefore ~9×10^15 VND, still thousands of times the national yearly revenue.
 */
export const MAX_VND = 10 ** 16;

export const maxFor = (key: MetricKey): number => (METRICS[key].unit === "vnd" ? MAX_VND : MAX_PEOPLE);

/**
 * A metric that changes by MORE than this fraction from the previous quarter, up or down, needs
 * confirming: the default; each city may set its own (tenant setting `plausibility_change_pct`,
 * between MIN_CHANGE_PCT and MAX_CHANGE_PCT percent), passed in as `changeThreshold`.
 */
export const CHANGE_WARNING_THRESHOLD = 0.2;
/** Bounds of a city's own threshold, in percent. */
export const MIN_CHANGE_PCT = 5;
export const MAX_CHANGE_PCT = 100;

// ---------------------------------------------------------------------------------------------
// Messages (Vietnamese). Swap the whole object to change language.

const n = (v: number) => formatNumber(v, "vi");
const unitVi = (key: MetricKey) => METRIC_LABELS_VI[key].unit;
/** The label as a subject in a sentence: "Trong đó: nông dân…" → "Nông dân…". */
const fieldVi = (key: MetricKey) => {
  const label = METRIC_LABELS_VI[key].label.replace(/^Trong đó:\s*/, "");
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/**
 * Percentage of a change with one decimal, or more decimals when one would show the threshold
 * itself (with a 20% threshold a 20,04% drop warns, and "Giảm 20,0%" would look like it should not have).
 */
function changePercent(change: number, threshold: number, locale: "vi" | "en" = "vi"): string {
  let digits = 1;
  while (digits < 4 && Number(change.toFixed(digits + 2)) <= threshold) digits++;
  return formatPercent(change, locale, digits);
}

export const VALIDATION_MESSAGES_VI = {
  // parseWholeNumber (lib/domain/numbers.ts): negative, notInteger, notANumber, tooLargeInput
  ...WHOLE_NUMBER_MESSAGES.vi,

  // figuresSchema
  notObject: "Số liệu (figures) phải là một đối tượng, mỗi khóa là một chỉ tiêu.",
  unknownKeys: (keys: readonly string[]) => `Trường không hợp lệ: ${keys.join(", ")}. Chỉ chấp nhận: ${METRIC_KEYS.join(", ")}.`,
  wrongType: (key: MetricKey, input: unknown) =>
    typeof input === "string" ? `${fieldVi(key)}: phải là số, không phải chuỗi (ví dụ 13624, không phải "13.624").` : `${fieldVi(key)}: phải là số hoặc null.`,
  notWhole: (key: MetricKey) => `${fieldVi(key)}: phải là số nguyên.`,
  negativeField: (key: MetricKey) => `${fieldVi(key)}: không được âm.`,
  tooBig: (key: MetricKey) => `${fieldVi(key)}: không được vượt quá ${n(maxFor(key))} ${unitVi(key)}.`,
  unsafe: (key: MetricKey) => `${fieldVi(key)}: số quá lớn để lưu chính xác (tối đa ${n(Number.MAX_SAFE_INTEGER)} ${unitVi(key)}).`,

  // checkFigures: errors
  informalGtVoluntary: (informal: number, voluntary: number) =>
    `Số nông dân, lao động phi chính thức (${n(informal)}) không được lớn hơn số người tham gia BHXH tự nguyện (${n(voluntary)}).`,
  bhtnGtCompulsory: (bhtn: number, compulsory: number) =>
    `Số người tham gia BHTN (${n(bhtn)}) không được lớn hơn số người tham gia BHXH bắt buộc (${n(compulsory)}).`,
  lateGtDue: (late: number, due: number) => `Số tiền chậm đóng (${n(late)} đồng) không được lớn hơn số phải thu (${n(due)} đồng).`,

  // checkFigures: warnings
  participantsGtLabourForce: (participants: number, labourForce: number) =>
    `Tổng số người tham gia BHXH bắt buộc và tự nguyện (${n(participants)}) lớn hơn lực lượng lao động trong độ tuổi (${n(labourForce)}): vui lòng kiểm tra lại (có thể do lao động nơi khác đến làm việc).`,
  bhytGtPopulation: (bhyt: number, population: number) => `Số người tham gia BHYT (${n(bhyt)}) lớn hơn dân số (${n(population)}): vui lòng kiểm tra lại.`,
  drop: (previous: number, current: number, drop: number, threshold: number = CHANGE_WARNING_THRESHOLD) =>
    `Giảm ${changePercent(drop, threshold)} so với quý trước (${n(previous)} → ${n(current)}): vui lòng kiểm tra lại.`,
  rise: (previous: number, current: number, rise: number, threshold: number = CHANGE_WARNING_THRESHOLD) =>
    `Tăng ${changePercent(rise, threshold)} so với quý trước (${n(previous)} → ${n(current)}): vui lòng kiểm tra lại.`,
};

export type ValidationMessages = typeof VALIDATION_MESSAGES_VI;

const nEn = (v: number) => formatNumber(v, "en");
const fieldEn = (key: MetricKey) => METRIC_LABELS_EN[key].label;
const unitEn = (key: MetricKey) => METRIC_LABELS_EN[key].unit;

/** The same messages in English (numbers as 13,624 and 25.0%), for the English interface. */
export const VALIDATION_MESSAGES_EN: ValidationMessages = {
  // Numbers typed in English: 13,624 (lib/domain/numbers.ts).
  ...WHOLE_NUMBER_MESSAGES.en,
  notObject: "figures must be an object, one key per figure.",
  unknownKeys: (keys: readonly string[]) => `Unknown fields: ${keys.join(", ")}. Accepted: ${METRIC_KEYS.join(", ")}.`,
  wrongType: (key: MetricKey, input: unknown) =>
    typeof input === "string" ? `${fieldEn(key)}: must be a number, not a string (e.g. 13624, not "13,624").` : `${fieldEn(key)}: must be a number or null.`,
  notWhole: (key: MetricKey) => `${fieldEn(key)}: must be a whole number.`,
  negativeField: (key: MetricKey) => `${fieldEn(key)}: cannot be negative.`,
  tooBig: (key: MetricKey) => `${fieldEn(key)}: cannot exceed ${nEn(maxFor(key))} ${unitEn(key)}.`,
  unsafe: (key: MetricKey) => `${fieldEn(key)}: too large to store exactly (at most ${nEn(Number.MAX_SAFE_INTEGER)} ${unitEn(key)}).`,
  informalGtVoluntary: (informal: number, voluntary: number) =>
    `Farmers and informal workers (${nEn(informal)}) cannot exceed voluntary social-insurance participants (${nEn(voluntary)}).`,
  bhtnGtCompulsory: (bhtn: number, compulsory: number) =>
    `Unemployment-insurance participants (${nEn(bhtn)}) cannot exceed compulsory social-insurance participants (${nEn(compulsory)}).`,
  lateGtDue: (late: number, due: number) => `Late payments (${nEn(late)} VND) cannot exceed the amount due (${nEn(due)} VND).`,
  participantsGtLabourForce: (participants: number, labourForce: number) =>
    `Compulsory and voluntary participants together (${nEn(participants)}) exceed the working-age labour force (${nEn(labourForce)}): please check (workers from elsewhere may explain it).`,
  bhytGtPopulation: (bhyt: number, population: number) =>
    `Health-insurance participants (${nEn(bhyt)}) exceed the population (${nEn(population)}): please check.`,
  drop: (previous: number, current: number, drop: number, threshold: number = CHANGE_WARNING_THRESHOLD) =>
    `Down ${changePercent(drop, threshold, "en")} from the previous quarter (${nEn(previous)} → ${nEn(current)}): please check.`,
  rise: (previous: number, current: number, rise: number, threshold: number = CHANGE_WARNING_THRESHOLD) =>
    `Up ${changePercent(rise, threshold, "en")} from the previous quarter (${nEn(previous)} → ${nEn(current)}): please check.`,
};

/** The validation messages of a language. */
export const validationMessages = (locale: "vi" | "en"): ValidationMessages => (locale === "en" ? VALIDATION_MESSAGES_EN : VALIDATION_MESSAGES_VI);

// ---------------------------------------------------------------------------------------------
// parseVnInteger: a number typed the Vietnamese way (the Excel imports; forms use parseWholeNumber
// with the interface's language, lib/domain/numbers.ts)

export type ParseResult = NumberParse;

/**
 * Parses a whole non-negative number typed Vietnamese-style: "13.624", "13624", "1.188.826",
 * " 13 624 ". Empty (or blank) input is `null` = not entered. A comma is the Vietnamese decimal
 * separator, so "13,5" and "13,624" are decimals, rejected; a dot must group exactly three digits,
 * so "13.5" is rejected too rather than silently read as 135. The Vietnamese case of parseWholeNumber.
 */
export function parseVnInteger(input: string, messages: ValidationMessages = VALIDATION_MESSAGES_VI): ParseResult {
  return parseWholeNumber(input, "vi", messages);
}

// ---------------------------------------------------------------------------------------------
// figuresSchema: the `figures` object of the JSON API

/**
 * The JSON API takes numbers, not strings: API clients send 13624, not "13.624" (the form parses
 * strings with parseWholeNumber first). Keys are exactly the 12 metric keys, all optional; each value
 * is a whole, non-negative number within the sane range for its unit, or null (= not entered).
 */
export function makeFiguresSchema(messages: ValidationMessages = VALIDATION_MESSAGES_VI) {
  const field = (key: MetricKey) =>
    z
      .number({ error: (iss) => messages.wrongType(key, iss.input) })
      // zod 4's .int() also rejects numbers beyond Number.MAX_SAFE_INTEGER, with code "too_big".
      .int({ error: (iss) => (iss.code === "too_big" ? messages.unsafe(key) : messages.notWhole(key)) })
      .min(0, { error: () => messages.negativeField(key) })
      .max(maxFor(key), { error: () => messages.tooBig(key) })
      .nullable()
      .optional();

  const shape = Object.fromEntries(METRIC_KEYS.map((k) => [k, field(k)])) as {
    [K in MetricKey]: ReturnType<typeof field>;
  };

  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? messages.unknownKeys(iss.keys) : messages.notObject),
  });
}

export const figuresSchema = makeFiguresSchema();

// ---------------------------------------------------------------------------------------------
// checkFigures: consistency between figures, and against the previous quarter

export interface Issue {
  path: MetricKey;
  code: string;
  message: string;
}

const has = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export interface CheckOptions {
  /**
   * A change from the previous quarter beyond this fraction (either way) is a warning: 0.2 = ±20%.
   * The city's setting; CHANGE_WARNING_THRESHOLD when left out or not a positive number.
   */
  changeThreshold?: number | null;
  messages?: ValidationMessages;
}

const validThreshold = (t: number | null | undefined): number => (typeof t === "number" && Number.isFinite(t) && t > 0 ? t : CHANGE_WARNING_THRESHOLD);

/**
 * Errors block saving; warnings must be confirmed by the officer. A rule only runs when every figure
 * it compares is entered.
 *
 * Errors (domain rules that cannot be true):
 * - informal voluntary > voluntary (path bhxhVoluntaryInformal: the "of which" part is the one to fix);
 * - BHTN > compulsory BHXH (path bhtn: BHTN participants are a subset of compulsory participants);
 * - late payments > amount due (path latePayments).
 * Warnings (possible, e.g. commuters, people insured where they work rather than live):
 * - compulsory + voluntary > labour force: path **labourForce**. The participant counts come from the
 *   social-insurance agency's records, while the labour force is an estimate ("khoảng 17.934") taken
 *   from statistics and often stale, so it is the figure to re-check; the message names both.
 * - BHYT > population: path **bhyt** (issue 13: the warning is about the BHYT count the officer just
 *   typed, and it is shown on that field; the message names the population to re-check as well).
 * - any metric changing by MORE than `changeThreshold` (default CHANGE_WARNING_THRESHOLD, 20%) from
 *   the previous quarter, a drop (code drop_from_previous) or a rise (code rise_from_previous): one
 *   warning per metric, path = that metric. A change of exactly the threshold is not a warning. Not
 *   checked: a previous value of 0 (no percentage to speak of), and rises of the year-to-date money
 *   (YEAR_TO_DATE_METRICS: they add up through the year by construction; a drop of them within the
 *   year is still checked, and across a new year the caller leaves the previous value out).
 */
export function checkFigures(figures: Figures, previous?: Figures | null, options: CheckOptions = {}): { errors: Issue[]; warnings: Issue[] } {
  const messages = options.messages ?? VALIDATION_MESSAGES_VI;
  const threshold = validThreshold(options.changeThreshold);
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const f = figures;

  if (has(f.bhxhVoluntaryInformal) && has(f.bhxhVoluntary) && f.bhxhVoluntaryInformal > f.bhxhVoluntary) {
    errors.push({
      path: "bhxhVoluntaryInformal",
      code: "informal_gt_voluntary",
      message: messages.informalGtVoluntary(f.bhxhVoluntaryInformal, f.bhxhVoluntary),
    });
  }
  if (has(f.bhtn) && has(f.bhxhCompulsory) && f.bhtn > f.bhxhCompulsory) {
    errors.push({
      path: "bhtn",
      code: "bhtn_gt_compulsory",
      message: messages.bhtnGtCompulsory(f.bhtn, f.bhxhCompulsory),
    });
  }
  if (has(f.latePayments) && has(f.amountDue) && f.latePayments > f.amountDue) {
    errors.push({
      path: "latePayments",
      code: "late_gt_due",
      message: messages.lateGtDue(f.latePayments, f.amountDue),
    });
  }

  if (has(f.bhxhCompulsory) && has(f.bhxhVoluntary) && has(f.labourForce)) {
    const participants = f.bhxhCompulsory + f.bhxhVoluntary;
    if (participants > f.labourForce) {
      warnings.push({
        path: "labourForce",
        code: "participants_gt_labour_force",
        message: messages.participantsGtLabourForce(participants, f.labourForce),
      });
    }
  }
  if (has(f.bhyt) && has(f.population) && f.bhyt > f.population) {
    warnings.push({
      path: "bhyt",
      code: "bhyt_gt_population",
      message: messages.bhytGtPopulation(f.bhyt, f.population),
    });
  }

  if (previous) {
    for (const key of METRIC_KEYS) {
      const before = previous[key];
      const now = f[key];
      if (!has(before) || !has(now) || before <= 0 || now === before) continue;
      // (before - now) / before is correctly rounded, and so is the city's percent / 100: an exact
      // 20% change of integers (e.g. 35 → 28) yields the same double as 0.2, not "more than" it.
      if (now < before) {
        const drop = (before - now) / before;
        if (drop > threshold) {
          warnings.push({ path: key, code: "drop_from_previous", message: messages.drop(before, now, drop, threshold) });
        }
      } else if (!YEAR_TO_DATE_METRICS.includes(key)) {
        const rise = (now - before) / before;
        if (rise > threshold) {
          warnings.push({ path: key, code: "rise_from_previous", message: messages.rise(before, now, rise, threshold) });
        }
      }
    }
  }

  return { errors, warnings };
}
