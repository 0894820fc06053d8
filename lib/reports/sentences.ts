// The words of the exported reports, written from data in Vietnamese the way the seeds write them
// (seed 000 §7, seed 002 §4): "Số người tham gia BHXH bắt buộc: 8.561 người, đạt 95,7% chỉ tiêu năm
// 2026 (…), tăng … so với cùng kỳ năm 2025." Also the summary of a ranking and the praise / warn /
// criticise paragraphs (seed 003 §3.1 (6)). PURE: no database, no React, no Next; every part whose
// data is missing is left out (never "null", "NaN" or "undefined" in a sentence).
import { INDICATORS, attainment as attainmentOf } from "../domain/indicators";
import { INDICATOR_KEYS, type IndicatorKey, type MetricKey } from "../domain/metrics";
import { COMPOSITE_CAP, type Bands, type Weight } from "../domain/ranking";
import { INDICATOR_LABELS_VI, METRIC_LABELS_VI } from "../domain/figures-validation";
import { formatDate, formatNumber, formatPercent, formatPoints, formatTargetPercent, rateDigits } from "../format";
import { keyLabel } from "../i18n/labels";
import type { IndicatorChoice, RankingItem, RankingsData } from "../rankings/service";
import type { TargetSource } from "../targets/sources";

// ---------------------------------------------------------------------------------------------
// Numbers

const num = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** 1.187.526 */
export const fmtCount = (v: number): string => formatNumber(v, "vi");

/**
 * 53,1% (one decimal; two under 1%, as seed 002 prints 0,51%); `digits` = 2 keeps "2,55%" but trims
 * a trailing zero ("2,5%").
 */
export function fmtPercent(v: number, digits = 1): string {
  const d = Math.abs(v) < 0.01 && v !== 0 ? Math.max(digits, 2) : digits;
  return d > 1 ? formatTargetPercent(v, "vi", d) : formatPercent(v, "vi", d);
}

const upToOneDecimal = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** Money: "20.912 tỷ đồng", "1.234,5 tỷ đồng" from a billion up (a decimal only when it means something), "118.613.697 đồng" below. */
export function fmtMoney(v: number): string {
  if (Math.abs(v) >= 1e9) return `${upToOneDecimal.format(v / 1e9)} tỷ đồng`;
  return `${fmtCount(v)} đồng`;
}

const isMoney = (key: MetricKey) => METRIC_LABELS_VI[key].unit === "đồng";

/** A metric's value with its unit: "8.561 người", "20.912,0 tỷ đồng". */
export function fmtMetric(key: MetricKey, v: number): string {
  return isMoney(key) ? fmtMoney(v) : `${fmtCount(v)} ${METRIC_LABELS_VI[key].unit}`;
}

const isIndicator = (k: string | null | undefined): k is IndicatorKey => !!k && (INDICATOR_KEYS as readonly string[]).includes(k);
const isMetric = (k: string | null | undefined): k is MetricKey => !!k && k in METRIC_LABELS_VI;

/** Rates that are read with two decimals (seed 003: "dưới mức 2,55% số phải thu"). */

/** The value of a key (rate or metric), formatted; null when missing. */
export function fmtKeyValue(key: string | null | undefined, v: number | null | undefined): string | null {
  const n = num(v);
  if (n === null || !key) return null;
  if (isIndicator(key)) return fmtPercent(n, rateDigits(key));
  if (isMetric(key)) return fmtMetric(key, n);
  return fmtCount(n);
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
const metricLabel = (key: MetricKey) => METRIC_LABELS_VI[key].label.replace(/^Trong đó:\s*/, "");

// ---------------------------------------------------------------------------------------------
// Labels

export const STATUS_LABELS_VI: Record<string, string> = {
  attained: "Đạt",
  close: "Gần đạt",
  behind: "Chưa đạt",
  none: "Chưa có chỉ tiêu",
};

export const PATH_LABELS_VI: Record<string, string> = {
  on_track: "Đúng lộ trình",
  at_risk: "Có nguy cơ chậm",
  off_track: "Chậm lộ trình",
  reached: "Đã đạt",
  unknown: "Chưa đủ số liệu",
};

export const UNIT_TYPE_LABELS_VI: Record<string, string> = {
  XA: "xã",
  PHUONG: "phường",
  DAC_KHU: "đặc khu",
  TINH: "tỉnh",
  THANH_PHO_TRUNG_UONG: "thành phố",
};

/** The label of a key (indicator or metric), capitalised. */
export function keyLabelVi(key: string): string {
  if (isIndicator(key)) return INDICATOR_LABELS_VI[key];
  if (isMetric(key)) return upperFirst(metricLabel(key));
  return keyLabel(key, "vi");
}

/** What a ranking ranks, capitalised: "Hoàn thành chỉ tiêu tỷ lệ tham gia BHXH", "Điểm tổng hợp nhiều chỉ tiêu". */
export function indicatorLabelVi(choice: Pick<IndicatorChoice, "kind" | "key">): string {
  if (choice.kind === "composite" || !choice.key) return "Điểm tổng hợp nhiều chỉ tiêu";
  if (choice.kind === "attainment") return `Hoàn thành chỉ tiêu ${lowerFirst(keyLabelVi(choice.key))}`;
  return keyLabelVi(choice.key);
}

/** How many children a total covers (DashboardRow.reported / total, or RankingsData.totals). */
export interface Coverage {
  reported: number | null;
  total: number | null;
}

const isPartial = (c: Coverage | null | undefined) => !!c && c.reported !== null && c.total !== null && c.reported < c.total;

/** "Thành phố Hải Phòng", or "cả nước" for the nation, only when every commune has reported; else "các đơn vị đã báo cáo". */
export const scopeName = (parent: { name: string; level: string }, coverage?: Coverage | null) =>
  parent.level === "NATION" ? (isPartial(coverage) ? "các tỉnh, thành phố đã báo cáo" : "cả nước") : parent.name;

/**
 * The label of a totals row: "Toàn Thành phố Hải Phòng", "Cả nước" when every commune reported;
 * "Tổng của 86/114 xã, phường đã báo cáo" when not (a partial sum is never called a total).
 */
export function totalsLabel(parent: { name: string; level: string }, coverage?: Coverage | null): string {
  if (isPartial(coverage)) return `Tổng của ${fmtCount(coverage!.reported!)}/${fmtCount(coverage!.total!)} xã, phường, đặc khu đã báo cáo`;
  return parent.level === "NATION" ? "Cả nước" : `Toàn ${parent.name}`;
}

/** "quý 3/2026" (a short label for tables and file titles). */
export const periodLabel = (year: number, quarter: number) => `quý ${quarter}/${year}`;

/**
 * The period as Vietnamese reports name it (stocks at the quarter's end, money year to date):
 * "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng đầu năm 2026", "năm 2026".
 */
export function periodName(year: number, quarter: number): string {
  switch (quarter) {
    case 1:
      return `quý I năm ${year}`;
    case 2:
      return `6 tháng đầu năm ${year}`;
    case 3:
      return `9 tháng đầu năm ${year}`;
    default:
      return `năm ${year}`;
  }
}

/** "30/9/2026": the date the stocks of a period are counted at. */
export const periodDate = (year: number, quarter: number) => ["31/3", "30/6", "30/9", "31/12"][quarter - 1] + `/${year}`;

/**
 * A unit's name in running text (Decree 30, Appendix II): the common noun in lower case ("xã Kim
 * Thành", "thành phố Hải Phòng", "phường Đông Hải"), kept capitalised when the proper part is a
 * number or a person's name ("Phường 1", "Thành phố Hồ Chí Minh").
 */
export function runningName(name: string): string {
  const m = /^(Thành phố|Tỉnh|Xã|Phường|Đặc khu|Thị trấn)\s+(.+)$/u.exec(name.trim());
  if (!m) return name;
  const proper = m[2];
  if (/^\d/.test(proper) || /^Hồ Chí Minh$/u.test(proper)) return name;
  return `${m[1].toLocaleLowerCase("vi")} ${proper}`;
}

/** The children of a parent, as a phrase: "xã, phường, đặc khu" (types present, in that order) or "tỉnh, thành phố". */
export function childrenNoun(level: string, types: readonly string[]): string {
  const order = level === "NATION" ? ["TINH", "THANH_PHO_TRUNG_UONG"] : ["XA", "PHUONG", "DAC_KHU"];
  const present = order.filter((t) => types.includes(t)).map((t) => UNIT_TYPE_LABELS_VI[t]);
  if (present.length) return present.join(", ");
  return level === "NATION" ? "tỉnh, thành phố" : "xã, phường, đặc khu";
}

/** A target source and the units it covers, as lib/targets/sources.ts reads it. */
export type SourceCoverage = TargetSource;

/**
 * "Chỉ tiêu năm 2026 theo: «KH 12/KH-UBND» (Xã Kim Thành); «Số liệu minh họa» (Thành phố Hải Phòng
 * và 113 xã, phường, đặc khu); chưa ghi nguồn: Xã A." Each document with the units it covers, so that one
 * commune's plan never reads as the source of the whole city's targets; null when none is known.
 */
export function targetSourcesSentence(
  year: number,
  parent: { name: string; level: string },
  sources: readonly SourceCoverage[],
  childrenWord = parent.level === "NATION" ? "tỉnh, thành phố" : "xã, phường, đặc khu",
): string | null {
  const covered = (s: SourceCoverage) => {
    const n = s.children.length;
    if ((s.parent ? 1 : 0) + n <= 3) return [...(s.parent ? [parent.name] : []), ...s.children].join(", ");
    return `${s.parent ? `${parent.name} và ` : ""}${fmtCount(n)} ${childrenWord}`;
  };
  const documents = sources.filter((s) => s.source !== null).map((s) => `«${xmlSafe(s.source!)}» (${covered(s)})`);
  if (!documents.length) return null;
  const none = sources.find((s) => s.source === null && (s.parent || s.children.length));
  return `Chỉ tiêu năm ${year} theo: ${documents.join("; ")}${none ? `; chưa ghi nguồn: ${covered(none)}` : ""}.`;
}

// ---------------------------------------------------------------------------------------------
// The results section (Kết quả thực hiện)

/** What the sentences read of a row: a DashboardRow fits. */
export interface RowLike {
  figures: Partial<Record<MetricKey, number | null>> | null;
  indicators: Partial<Record<IndicatorKey, number | null>>;
  targets: Record<string, number>;
  /** The period's milestones (lib/domain/milestones.ts), when known. */
  expected?: Record<string, number | null>;
  reported?: number | null;
  total?: number | null;
}

export interface ResultSection {
  /** "a) Số người tham gia BHXH, BHTN" */
  heading: string;
  /** Sentences, each printed as "- …". */
  lines: string[];
}

interface Ctx {
  row: RowLike;
  last: RowLike | null;
  year: number;
  /** The period's quarter: Q1–Q3 also compare with the quarter's milestone. */
  quarter?: number;
}

/** "mốc kế hoạch 9 tháng đầu năm", "mốc kế hoạch quý I" (the milestone of a period before the year end). */
export const milestoneWord = (quarter: number) =>
  quarter === 1 ? "mốc kế hoạch quý I" : quarter >= 4 ? "kế hoạch năm" : `mốc kế hoạch ${quarter * 3} tháng đầu năm`;

/** ", bằng 101,2% mốc kế hoạch 9 tháng đầu năm (8.459 người)" — only for Q1–Q3 with a milestone. */
function milestoneClause(ctx: Ctx, key: string, actual: number, fmt: (v: number) => string, lower = false): string | null {
  const q = ctx.quarter;
  const m = num(ctx.row.expected?.[key] ?? null);
  if (!q || q >= 4 || m === null || lower) return null;
  const att = attainmentOf(actual, m, "higher");
  return att !== null ? `bằng ${fmtPercent(att)} ${milestoneWord(q)} (${fmt(m)})` : null;
}

const fig = (r: RowLike | null, k: MetricKey) => num(r?.figures?.[k] ?? null);
const isPartialRow = (r: RowLike) => typeof r.reported === "number" && typeof r.total === "number" && r.reported < r.total;
const ind = (r: RowLike | null, k: IndicatorKey) => num(r?.indicators?.[k] ?? null);
const tgt = (r: RowLike, k: string) => num(r.targets?.[k] ?? null);

/** "tăng 52.300 người (4,6%) so với cùng kỳ năm 2025", or null without last year's figure. */
function changeVsLastYear(key: MetricKey, now: number, before: number | null, year: number): string | null {
  if (before === null) return null;
  const delta = now - before;
  const when = `so với cùng kỳ năm ${year - 1}`;
  if (Math.round(delta) === 0) return `bằng cùng kỳ năm ${year - 1}`;
  const share = before > 0 ? ` (${fmtPercent(Math.abs(delta) / before)})` : "";
  return `${delta > 0 ? "tăng" : "giảm"} ${fmtMetric(key, Math.abs(delta))}${share} ${when}`;
}

/**
 * "Số người tham gia BHXH bắt buộc: 1.187.526 người, đạt 95,7% chỉ tiêu năm 2026 (1.240.000 người),
 * tăng 52.300 người (4,6%) so với cùng kỳ năm 2025". No trailing full stop (a clause may follow).
 * `targetable`: whether a target can be set on the metric (else "chưa có chỉ tiêu" is not said).
 */
export function countClause(ctx: Ctx, key: MetricKey, opts: { label?: string; targetable?: boolean; planWord?: string } = {}): string {
  const label = opts.label ?? upperFirst(metricLabel(key));
  const actual = fig(ctx.row, key);
  if (actual === null) return `${label}: chưa có số liệu`;
  const parts = [`${label}: ${fmtMetric(key, actual)}`];
  // A sum over the units that reported is not compared with a target or a period meant for all of them.
  if (isPartialRow(ctx.row)) return `${parts[0]} (tổng của các đơn vị đã báo cáo)`;
  const target = tgt(ctx.row, key);
  const plan = opts.planWord ?? "chỉ tiêu";
  if (target !== null) {
    const att = attainmentOf(actual, target, "higher");
    parts.push(
      att !== null ? `đạt ${fmtPercent(att)} ${plan} năm ${ctx.year} (${fmtMetric(key, target)})` : `${plan} năm ${ctx.year}: ${fmtMetric(key, target)}`,
    );
    const ms = milestoneClause(ctx, key, actual, (v) => fmtMetric(key, v));
    if (ms) parts.push(ms);
  } else if (opts.targetable !== false) {
    parts.push(`chưa có ${plan} năm ${ctx.year}`);
  }
  const change = changeVsLastYear(key, actual, fig(ctx.last, key), ctx.year);
  if (change) parts.push(change);
  return parts.join(", ");
}

/** Why a rate can't be computed: its denominator is missing or zero. */
function missingRate(row: RowLike, key: IndicatorKey): string {
  const den = INDICATORS[key].denominator;
  if (den === "target:amountCollected") return "chưa có kế hoạch thu để tính";
  const d = fig(row, den);
  const name = lowerFirst(metricLabel(den));
  if (d === null) return `chưa tính được (chưa có số liệu ${name})`;
  if (d <= 0) return `chưa tính được (${name} bằng 0)`;
  return "chưa đủ số liệu để tính";
}

/**
 * "<label>: 49,6% (chỉ tiêu 51,5%, đạt 96,3% chỉ tiêu); cùng kỳ năm 2025: 47,1%". For a rate that
 * should stay low (late payments): "(chỉ tiêu: dưới 2,55%; đạt chỉ tiêu)".
 */
export function rateClause(ctx: Ctx, key: IndicatorKey, label: string, opts: { targetable?: boolean } = {}): string {
  const actual = ind(ctx.row, key);
  if (actual === null) return `${label}: ${missingRate(ctx.row, key)}`;
  const d = rateDigits(key);
  let out = `${label}: ${fmtPercent(actual, d)}`;
  const target = tgt(ctx.row, key);
  if (target !== null) {
    if (INDICATORS[key].direction === "lower") {
      out += ` (chỉ tiêu: dưới ${fmtPercent(target, d)}; ${actual <= target ? "đạt" : "chưa đạt"} chỉ tiêu)`;
    } else {
      const att = attainmentOf(actual, target, "higher");
      const ms = milestoneClause(ctx, key, actual, (v) => fmtPercent(v, d));
      out +=
        att !== null
          ? ` (chỉ tiêu năm ${fmtPercent(target, d)}, đạt ${fmtPercent(att)} chỉ tiêu${ms ? `; ${ms}` : ""})`
          : ` (chỉ tiêu năm ${fmtPercent(target, d)})`;
    }
  } else if (INDICATORS[key].numerator.some((m) => tgt(ctx.row, m) !== null)) {
    // The target is set on the count (BHTN, BHYT participants): said there, not "no target" here.
    out += " (chỉ tiêu giao theo số người tham gia, không theo tỷ lệ)";
  } else if (opts.targetable !== false) {
    out += " (chưa có chỉ tiêu)";
  }
  const before = ind(ctx.last, key);
  if (before !== null) {
    const diff = actual - before;
    const change = Math.abs(diff) < 5e-5 ? "bằng cùng kỳ" : `${diff > 0 ? "tăng" : "giảm"} ${fmtPoints(Math.abs(diff))} so với cùng kỳ`;
    out += `; cùng kỳ năm ${ctx.year - 1}: ${fmtPercent(before, d)}, ${change}`;
  }
  return out;
}

const dot = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * The results section from the parent's totals row of the period and of the same quarter last year:
 * a) participants, b) rates of the labour force, c) health insurance, d) pensions, đ) revenue.
 * A row without any figure gives one line saying so.
 */
export function resultSections(row: RowLike, lastYear: RowLike | null, year: number, quarter: number): ResultSection[] {
  const ctx: Ctx = { row, last: lastYear, year, quarter };
  if (!row.figures || Object.values(row.figures).every((v) => num(v) === null)) {
    return [{ heading: "Kết quả", lines: [`Chưa có số liệu nào được gửi cho ${periodName(year, quarter)} (tính đến ngày ${periodDate(year, quarter)}).`] }];
  }
  const sections: ResultSection[] = [];

  // a) Participants
  const voluntary = countClause(ctx, "bhxhVoluntary");
  const informal = fig(row, "bhxhVoluntaryInformal");
  sections.push({
    heading: "a) Số người tham gia BHXH, BHTN",
    lines: [
      countClause(ctx, "bhxhCompulsory"),
      informal !== null ? `${voluntary}; trong đó: nông dân và lao động khu vực phi chính thức: ${fmtMetric("bhxhVoluntaryInformal", informal)}` : voluntary,
      countClause(ctx, "bhtn"),
    ].map(dot),
  });

  // b) Rates of the labour force
  const lf = fig(row, "labourForce");
  const rates: string[] = [];
  if (lf !== null) rates.push(`Lực lượng lao động trong độ tuổi: ${fmtMetric("labourForce", lf)}`);
  rates.push(rateClause(ctx, "bhxhCoverage", "Tỷ lệ người lao động tham gia BHXH (bắt buộc và tự nguyện) so với lực lượng lao động trong độ tuổi"));
  if (tgt(row, "compulsoryCoverage") !== null)
    rates.push(rateClause(ctx, "compulsoryCoverage", "Tỷ lệ người lao động tham gia BHXH bắt buộc so với lực lượng lao động trong độ tuổi"));
  if (tgt(row, "voluntaryCoverage") !== null)
    rates.push(rateClause(ctx, "voluntaryCoverage", "Tỷ lệ người lao động tham gia BHXH tự nguyện so với lực lượng lao động trong độ tuổi"));
  rates.push(
    rateClause(
      ctx,
      "informalVoluntaryCoverage",
      "Tỷ lệ nông dân và lao động khu vực phi chính thức tham gia BHXH tự nguyện so với lực lượng lao động trong độ tuổi",
    ),
  );
  rates.push(rateClause(ctx, "bhtnCoverage", "Tỷ lệ người tham gia BHTN so với lực lượng lao động trong độ tuổi"));
  sections.push({ heading: "b) Tỷ lệ người lao động tham gia BHXH, BHTN so với lực lượng lao động trong độ tuổi", lines: rates.map(dot) });

  // c) Health insurance
  const pop = fig(row, "population");
  sections.push({
    heading: "c) Số người tham gia BHYT và tỷ lệ bao phủ BHYT",
    lines: [
      countClause(ctx, "bhyt"),
      rateClause(ctx, "bhytCoverage", `Tỷ lệ dân số tham gia BHYT${pop !== null && pop > 0 ? ` (dân số ${fmtMetric("population", pop)})` : ""}`),
    ].map(dot),
  });

  // d) Pensions
  const ret = fig(row, "retirementAgePopulation");
  sections.push({
    heading: "d) Số người hưởng lương hưu, trợ cấp BHXH hằng tháng so với số người sau độ tuổi nghỉ hưu",
    lines: [
      countClause(ctx, "pensionRecipients", { targetable: false }),
      rateClause(
        ctx,
        "pensionCoverage",
        `Tỷ lệ người hưởng lương hưu, trợ cấp BHXH hằng tháng so với số người sau độ tuổi nghỉ hưu${ret !== null && ret > 0 ? ` (${fmtMetric("retirementAgePopulation", ret)})` : ""}`,
      ),
    ].map(dot),
  });

  // đ) Revenue (year to date)
  const due = fig(row, "amountDue");
  const collected = fig(row, "amountCollected");
  const late = fig(row, "latePayments");
  const money: string[] = [];
  money.push(due !== null ? `Số phải thu: ${fmtMoney(due)}` : "Số phải thu: chưa có số liệu");
  if (collected !== null) {
    let s = `Số đã thu: ${fmtMoney(collected)}`;
    const plan = isPartialRow(row) ? null : tgt(row, "amountCollected");
    const completion = ind(row, "revenueCompletion") ?? (plan !== null ? attainmentOf(collected, plan, "higher") : null);
    if (plan !== null && completion !== null) s += `, đạt ${fmtPercent(completion)} kế hoạch năm ${year} (${fmtMoney(plan)})`;
    const ms = plan !== null ? milestoneClause(ctx, "amountCollected", collected, fmtMoney) : null;
    if (ms) s += `, ${ms}`;
    else if (plan === null && !isPartialRow(row)) s += `, chưa có kế hoạch thu năm ${year}`;
    if (due !== null && due > 0) s += `, bằng ${fmtPercent(collected / due)} số phải thu`;
    money.push(s);
  } else {
    money.push("Số đã thu: chưa có số liệu");
  }
  if (late !== null) {
    let s = `Số tiền chậm đóng: ${fmtMoney(late)}`;
    const rate = ind(row, "latePaymentRate");
    if (rate !== null) {
      s += ` (${fmtPercent(rate, 2)} số phải thu`;
      const t = tgt(row, "latePaymentRate");
      if (t !== null) s += `; chỉ tiêu: dưới ${fmtPercent(t, 2)}, ${rate <= t ? "đạt" : "chưa đạt"} chỉ tiêu`;
      s += ")";
      const before = ind(lastYear, "latePaymentRate");
      if (before !== null) s += `; cùng kỳ năm ${year - 1}: ${fmtPercent(before, 2)}`;
    }
    money.push(s);
  } else {
    money.push("Số tiền chậm đóng: chưa có số liệu");
  }
  sections.push({ heading: "đ) Công tác thu (lũy kế từ đầu năm)", lines: money.map(dot) });
  return sections;
}

/** Every line of the results section, flattened. */
export function resultSentences(row: RowLike, lastYear: RowLike | null, year: number, quarter: number): string[] {
  return resultSections(row, lastYear, year, quarter).flatMap((s) => s.lines);
}

/** "Số liệu tổng hợp đến ngày 30/9/2026 từ báo cáo của 86/114 xã, phường, đặc khu đã gửi báo cáo quý 3/2026; …" */
export function resultIntro(data: Pick<RankingsData, "parent" | "year" | "quarter" | "asAt" | "parentRow" | "items" | "unranked">): string {
  const reported = num(data.parentRow.reported ?? null);
  const total = num(data.parentRow.total ?? null);
  const date = formatDate(data.asAt, "vi");
  const types = [...data.items, ...data.unranked].map((i) => i.unit.type);
  const partial = reported !== null && total !== null && reported < total;
  let s = `Số liệu tổng hợp ${data.parent.level === "NATION" ? (partial ? "các tỉnh, thành phố đã báo cáo" : "cả nước") : `của ${data.parent.name}`} đến ngày ${date}`;
  if (reported !== null && total !== null && total > 0) {
    s += ` từ ${fmtCount(reported)}/${fmtCount(total)} ${data.parent.level === "NATION" ? "xã, phường, đặc khu" : childrenNoun("PROVINCE", types)} đã gửi báo cáo ${periodLabel(data.year, data.quarter)}`;
    if (partial) s += "; đơn vị chưa báo cáo kỳ này không được tính vào số tổng hợp, không được xếp hạng";
  }
  return dot(s);
}

// ---------------------------------------------------------------------------------------------
// The ranking

type RankingView = Pick<RankingsData, "parent" | "year" | "quarter" | "indicator" | "items" | "unranked" | "lists" | "totals" | "bands"> &
  Partial<Pick<RankingsData, "lateReporters">>;

function unrankedPhrase(reason: string): string {
  if (/^chưa báo cáo/i.test(reason)) return "chưa báo cáo";
  if (/^chưa có số liệu/i.test(reason)) return "chưa có số liệu";
  if (/^chưa có chỉ tiêu/i.test(reason)) return "chưa có chỉ tiêu để so sánh";
  return lowerFirst(reason.replace(/[.\s]+$/, ""));
}

/**
 * "Trong 114 xã, phường, đặc khu, 45 đơn vị đạt chỉ tiêu, 40 gần đạt, 29 chưa đạt; 3 đơn vị chưa có số liệu."
 */
export function rankingSentence(data: RankingView): string {
  const all = [...data.items.map((i) => i.unit.type), ...data.unranked.map((u) => u.unit.type)];
  if (all.length === 0) return "Chưa có đơn vị nào để xếp hạng.";
  const noun = childrenNoun(data.parent.level, all);
  const count = (s: string) => data.items.filter((i) => i.status === s).length;
  const [att, close, behind, none] = [count("attained"), count("close"), count("behind"), count("none")];
  let s = `Trong ${fmtCount(all.length)} ${noun}`;
  if (data.items.length > 0) {
    if (none === data.items.length) {
      s += `, ${fmtCount(none)} đơn vị được xếp hạng (chưa có chỉ tiêu để đánh giá đạt hay chưa đạt)`;
    } else {
      const parts = (
        [
          [att, "đạt"],
          [close, "gần đạt"],
          [behind, "chưa đạt"],
        ] as const
      ).filter(([n]) => n > 0);
      s += parts.map(([n, w], i) => (i === 0 ? `, ${fmtCount(n)} đơn vị ${w} mốc kế hoạch` : `, ${fmtCount(n)} ${w}`)).join("");
      if (none > 0) s += `, ${fmtCount(none)} chưa có chỉ tiêu`;
    }
  }
  const groups = new Map<string, number>();
  for (const u of data.unranked) {
    const p = unrankedPhrase(u.reasonText);
    groups.set(p, (groups.get(p) ?? 0) + 1);
  }
  if (groups.size > 0) {
    const tail = [...groups.entries()].map(([p, n]) => `${fmtCount(n)} đơn vị ${p}`).join(", ");
    s += data.items.length > 0 ? `; ${tail}` : `: ${tail}`;
  }
  return dot(s);
}

/**
 * A ranked unit's figures, in words: "55,2%, đạt 99,5% mốc quý 3 (đạt 82,4% chỉ tiêu năm)",
 * "8.561 người", "điểm tổng hợp 106,4%"; a ceiling: "1,20%, dưới mức 2,55% (còn 1,35 điểm %)".
 */
export function describeValue(
  item: Pick<RankingItem, "value" | "actual" | "target" | "attainment"> & Partial<Pick<RankingItem, "yearAttainment" | "margin" | "figuresQuarter">>,
  choice: Pick<IndicatorChoice, "kind" | "key">,
): string {
  const v = num(item.value);
  if (choice.kind === "composite") return v !== null ? `điểm tổng hợp ${fmtPercent(v)}` : "";
  if (choice.kind === "attainment") {
    const actual = fmtKeyValue(choice.key, item.actual);
    const margin = num(item.margin ?? null);
    const target = num(item.target);
    if (margin !== null && target !== null) {
      const ceiling = fmtKeyValue(choice.key, target);
      const pts = fmtPoints(Math.abs(margin));
      return [actual, margin >= 0 ? `dưới mức ${ceiling} (còn ${pts})` : `vượt mức ${ceiling} ${pts}`].filter(Boolean).join(", ");
    }
    const att = num(item.attainment);
    const year = num(item.yearAttainment ?? null);
    const q = item.figuresQuarter;
    const parts = [actual, att !== null ? `đạt ${fmtPercent(att)} ${q ? `mốc kế hoạch quý ${q}` : "mốc kế hoạch"}` : null];
    if (year !== null) parts.push(`bằng ${fmtPercent(year)} chỉ tiêu năm`);
    return parts.filter(Boolean).join(", ");
  }
  const value = fmtKeyValue(choice.key, v);
  const target = fmtKeyValue(choice.key, item.target);
  return [value, target ? `chỉ tiêu năm ${target}` : null].filter(Boolean).join(", ");
}

/** "1,2 điểm phần trăm" (a difference of rates; two decimals under one point). */
const fmtPoints = (v: number) => formatPoints(v, "vi", { signed: false, long: true });

/** "Phường Tứ Minh (55,2%, đạt 99,5% chỉ tiêu)" */
/** "phường Tứ Minh (55,2%, …)": a unit named in running text, its common noun in lower case (Decree 30). */
function named(item: RankingItem, choice: IndicatorChoice): string {
  const d = describeValue(item, choice);
  const name = runningName(item.unit.name);
  return d ? `${name} (${d})` : name;
}

/** "Tính chung toàn Thành phố Hải Phòng: 49,6%, đạt 96,3% chỉ tiêu. Cao nhất: …; thấp nhất: …." */
export function rankingDetails(data: RankingView): string[] {
  const out: string[] = [];
  const t = data.totals;
  const total = describeValue(
    {
      value: t.value ?? NaN,
      actual: t.actual,
      target: t.target,
      attainment: t.attainment,
      yearAttainment: t.yearAttainment,
      margin: t.margin,
      figuresQuarter: data.quarter,
    },
    data.indicator,
  );
  const coverage = { reported: t.reported, total: t.units };
  if (total)
    out.push(
      `${isPartial(coverage) ? totalsLabel(data.parent, coverage) : `Tính chung ${data.parent.level === "NATION" ? "cả nước" : `toàn ${data.parent.name}`}`}: ${total}.`,
    );
  if (data.items.length > 1) {
    const first = data.items[0];
    const last = data.items[data.items.length - 1];
    out.push(`Đơn vị có kết quả cao nhất: ${named(first, data.indicator)}; thấp nhất: ${named(last, data.indicator)}.`);
  }
  return out;
}

export interface ListParagraph {
  kind: "praise" | "warn" | "criticise" | "late";
  /** "Biểu dương", "Nhắc nhở", "Phê bình" */
  title: string;
  text: string;
  /** The explanations sent by the units (warned and criticised), and who has not sent one. */
  details: string[];
}

/** Text typed by users, made safe for XML 1.0 (Word and Excel refuse control characters). */
export const xmlSafe = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");

const clean = (s: string) => xmlSafe(s).replace(/\s+/g, " ").trim();

/** "Xã Kim Thành giải trình: … Giải pháp: …" */
export function explanationLine(item: Pick<RankingItem, "unit" | "explanation">): string | null {
  const e = item.explanation;
  if (!e) return null;
  const reason = clean(e.reason ?? "");
  const actions = clean(e.actions ?? "");
  if (!reason && !actions) return null;
  const parts = [`${item.unit.name} giải trình: ${reason ? dot(reason) : "(không nêu nguyên nhân)."}`];
  if (actions) parts.push(`Giải pháp: ${dot(actions)}`);
  return parts.join(" ");
}

/** The praise / warn / criticise paragraphs, naming the units with their values (empty lists are left out). */
export function listParagraphs(data: RankingView): ListParagraph[] {
  const by = new Map(data.items.map((i) => [i.unit.code, i]));
  const pick = (codes: string[]) => codes.map((c) => by.get(c)).filter((i): i is RankingItem => !!i);
  const out: ListParagraph[] = [];
  const names = (items: RankingItem[]) => items.map((i) => named(i, data.indicator)).join("; ");
  const praise = pick(data.lists.praise);
  if (praise.length) {
    out.push({
      kind: "praise",
      title: "Biểu dương",
      text: `Biểu dương ${fmtCount(praise.length)} đơn vị đạt mốc kế hoạch, có kết quả cao nhất: ${names(praise)}.`,
      details: [],
    });
  }
  const warn = pick(data.lists.warn);
  if (warn.length) {
    out.push({
      kind: "warn",
      title: "Nhắc nhở",
      text: `Nhắc nhở ${fmtCount(warn.length)} đơn vị gần đạt hoặc chưa đạt mốc kế hoạch, có nguy cơ bị phê bình: ${names(warn)}.`,
      details: warn.map(explanationLine).filter((l): l is string => !!l),
    });
  }
  const crit = pick(data.lists.criticise);
  if (crit.length) {
    const missing = crit.filter((i) => !explanationLine(i)).map((i) => runningName(i.unit.name));
    out.push({
      kind: "criticise",
      title: "Phê bình",
      text: `Phê bình ${fmtCount(crit.length)} đơn vị chưa đạt mốc kế hoạch, có kết quả thấp nhất, yêu cầu giải trình nguyên nhân và giải pháp khắc phục: ${names(crit)}.`,
      details: [...crit.map(explanationLine).filter((l): l is string => !!l), ...(missing.length ? [`Chưa gửi giải trình: ${missing.join(", ")}.`] : [])],
    });
  }
  const late = data.lateReporters ?? [];
  if (late.length) {
    const overdue = late.filter((l) => l.timeliness === "overdue").map((l) => runningName(l.unit.name));
    const after = late.filter((l) => l.timeliness === "late").map((l) => runningName(l.unit.name));
    const provinces = late
      .filter((l) => l.timeliness === null)
      .map((l) => `${runningName(l.unit.name)} (${fmtCount((l.lateCount ?? 0) + (l.overdueCount ?? 0))} đơn vị cấp xã chậm)`);
    const parts = [
      overdue.length ? `chưa gửi báo cáo: ${overdue.join(", ")}` : null,
      after.length ? `gửi sau thời hạn: ${after.join(", ")}` : null,
      provinces.length ? provinces.join(", ") : null,
    ].filter(Boolean);
    out.push({
      kind: "late",
      title: "Chậm báo cáo",
      text: `${fmtCount(late.length)} đơn vị không gửi báo cáo đúng thời hạn (${parts.join("; ")}).`,
      details: [],
    });
  }
  return out;
}

/** How a status is judged: against the quarter's milestone, with the city's bands. */
export function bandsSentence(bands: Bands): string {
  return (
    `Đánh giá so với mốc kế hoạch của quý (chỉ tiêu năm phân theo quý: số người tham gia tăng đều từ số cuối năm trước đến chỉ tiêu năm; số thu lũy kế theo tỷ lệ số quý; tỷ lệ chậm đóng giữ dưới mức trần ở mọi kỳ). ` +
    `Đạt: từ ${fmtPercent(bands.attained, 2)} mốc trở lên; gần đạt: từ ${fmtPercent(bands.close, 2)} đến dưới ${fmtPercent(bands.attained, 2)}; chưa đạt: dưới ${fmtPercent(bands.close, 2)}. Chỉ tiêu mức trần (tỷ lệ chậm đóng) đạt khi không vượt mức trần.`
  );
}

/** "Tỷ lệ tham gia BHXH: 40; … (mỗi tỷ lệ hoàn thành tính tối đa 120%)." */
export function weightsSentence(weights: readonly Weight[]): string {
  const total = weights.reduce((a, w) => a + w.weight, 0);
  const list = weights.map((w) => `${keyLabelVi(w.key)}: ${fmtCount(w.weight)}${total > 0 ? ` (${fmtPercent(w.weight / total)})` : ""}`).join("; ");
  return `Điểm tổng hợp là bình quân gia quyền tỷ lệ hoàn thành các chỉ tiêu (mỗi tỷ lệ hoàn thành tính tối đa ${fmtPercent(COMPOSITE_CAP, 2)}; chỉ tính các chỉ tiêu đơn vị có), trọng số: ${list}.`;
}

// ---------------------------------------------------------------------------------------------
// File names

/** "xep-hang-31-2026-Q3.xlsx" (ASCII only) */
export function exportFileName(data: Pick<RankingsData, "parent" | "year" | "quarter">, ext: "xlsx" | "docx"): string {
  const code = data.parent.code.replace(/[^A-Za-z0-9-]/g, "");
  return `${ext === "docx" ? "bao-cao-xep-hang" : "xep-hang"}-${code}-${data.year}-Q${data.quarter}.${ext}`;
}

/** "Xếp hạng Thành phố Hải Phòng quý 3-2026.xlsx" (for filename*) */
export function exportFileNameVi(data: Pick<RankingsData, "parent" | "year" | "quarter">, ext: "xlsx" | "docx"): string {
  const name = data.parent.name.replace(/[\\/:*?"<>|\r\n]+/g, " ").trim();
  return `${ext === "docx" ? "Báo cáo xếp hạng" : "Xếp hạng"} ${name} quý ${data.quarter}-${data.year}.${ext}`;
}

/** attachment; filename="ascii.xlsx"; filename*=UTF-8''…  (RFC 6266 / 5987) */
export function contentDisposition(ascii: string, utf8: string): string {
  const safe = ascii.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(utf8).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${safe}"; filename*=UTF-8''${encoded}`;
}
