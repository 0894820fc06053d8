// Number, percentage and date formats. Vietnamese: 13.624 · 53,1% · 30/9/2026. No value: "—".
import type { Locale } from "./i18n/config";

export const NO_VALUE = "—";

const tag = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

// Building an Intl formatter is costly (measured: most of a dashboard's JavaScript time): keep one
// per locale and options.
// per locale and options. The key is given by the caller (a JSON key per call was a third of the cost).
const formatters = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, key: string, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = locale + key;
  let f = formatters.get(k);
  if (!f) formatters.set(k, (f = new Intl.NumberFormat(tag(locale), options())));
  return f;
}

export function formatNumber(value: number | bigint | null | undefined, locale: Locale = "vi"): string {
  if (value === null || value === undefined) return NO_VALUE;
  if (typeof value === "number" && !Number.isFinite(value)) return NO_VALUE;
  return nf(locale, "n", () => ({ maximumFractionDigits: 0 })).format(value);
}

/**
 * A number with up to `digits` decimals, as the locale writes it: 12.5 → "12,5"; `fixed` always writes them
 * (2 → "2,0"), for a column whose figures sit under one another.
 */
export function formatDecimal(value: number | null | undefined, locale: Locale = "vi", digits = 1, fixed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return nf(locale, `d${digits}${fixed ? "f" : ""}`, () => ({ minimumFractionDigits: fixed ? digits : 0, maximumFractionDigits: digits })).format(value);
}

/** Decimals of a rate as every page and report shows it: the late-payment rate (a few %) two, the others one. */
export const rateDigits = (key: string): number => (key === "latePaymentRate" ? 2 : 1);

/**
 * A target rate as the documents write it: up to `digits` decimals, trailing zeros dropped — a ceiling
 * of 0.025 reads "2,5%" (not "2,50%") and 0.0255 "2,55%", the same on every page, in Word and in Excel's notes.
 */
export function formatTargetPercent(value: number | null | undefined, locale: Locale = "vi", digits = 1): string {
  const s = formatPercent(value, locale, digits);
  if (digits <= 1) return s;
  const sep = locale === "vi" ? "," : ".";
  return s.replace(new RegExp(`(\\${sep}\\d*?)0+(\\s?%)$`), "$1$2").replace(new RegExp(`\\${sep}(\\s?%)$`), "$1");
}

/**
 * A period's milestone as every page shows it: a count in whole units, a rate with its key's digits;
 * a milestone that is the target itself (a ceiling, or a year's target) as the target is written
 * ("2,5%" beside a ceiling of "2,5%", not "2,50%": a walk found the two side by side).
 */
export function formatMilestone(value: number | null | undefined, key: string, rate: boolean, basis: string | null | undefined, locale: Locale = "vi"): string {
  if (!rate) return formatNumber(value, locale);
  return basis === "ceiling" || basis === "target" ? formatTargetPercent(value, locale, rateDigits(key)) : formatPercent(value, locale, rateDigits(key));
}

/** A fraction shown as a percentage with one decimal: 0.531 → "53,1%". */
export function formatPercent(value: number | null | undefined, locale: Locale = "vi", digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  return nf(locale, `p${digits}`, () => ({ style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits })).format(value);
}

/**
 * An attainment for a badge, as every other page and report writes it (formatPercent, one decimal):
 * the quarter form's badge once read 95,7% (rounded down) where the unit page and the rankings read
 * 95,8% for the same 41,2% against 43,0%. Whether the target is reached is said by the badge's status,
 * judged on the value itself, not by the digits.
 */
export function formatAttainment(value: number | null | undefined, locale: Locale = "vi"): string {
  return formatPercent(value, locale, 1);
}

/**
 * A difference of two rates in percentage points, signed: 0.008 → "+0,8 điểm %" (Vietnamese
 * reports write rate changes in "điểm phần trăm", never as a percentage of a percentage).
 * Under 1 point: two decimals (0.0012 → "+0,12 điểm %").
 */
export function formatPoints(value: number | null | undefined, locale: Locale = "vi", opts: { signed?: boolean; long?: boolean } = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const points = value * 100;
  const digits = Math.abs(points) < 1 ? 2 : 1;
  const sign = opts.signed === false ? "auto" : "exceptZero";
  const text = nf(locale, `s${digits}${sign}`, () => ({ minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: sign })).format(points);
  const unit = locale === "vi" ? (opts.long ? "điểm phần trăm" : "điểm %") : opts.long ? "percentage points" : "pp";
  return `${text} ${unit}`;
}

const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "numeric", year: "numeric", timeZone: "Asia/Ho_Chi_Minh" };
const dateFormatters = { date: new Map<Locale, Intl.DateTimeFormat>(), time: new Map<Locale, Intl.DateTimeFormat>() };

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A date (and time) in Vietnam's time zone, whatever the server's or browser's; one formatter per locale.
 * English spells the month ("8 Oct 2026"): "08/10/2026" reads as 10 August to an American. The month
 * names are ours, not the ICU's, so server and browser write the same ("Sep", never "Sept" on one only).
 */
function formatWhen(value: Date | string | null | undefined, locale: Locale, kind: "date" | "time"): string {
  if (!value) return NO_VALUE;
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return NO_VALUE;
  let f = dateFormatters[kind].get(locale);
  if (!f)
    dateFormatters[kind].set(
      locale,
      (f = new Intl.DateTimeFormat(tag(locale), kind === "date" ? DAY : { ...DAY, hour: "2-digit", minute: "2-digit", hourCycle: "h23" })),
    );
  if (locale !== "en" && kind === "date") return f.format(d);
  const part: Record<string, string> = {};
  for (const p of f.formatToParts(d)) part[p.type] = p.value;
  const day = formatDay(Number(part.year), Number(part.month), Number(part.day), locale);
  if (kind === "date") return day;
  // One form on every page (a thread, the audit log, a list): Vietnamese says the time first, as in
  // "lúc 09:05 ngày 3/12/2026", so "lúc {time}" reads right; English the day first.
  return locale === "en" ? `${day}, ${part.hour}:${part.minute}` : `${part.hour}:${part.minute} ${day}`;
}

const clocks = new Map<Locale, Intl.DateTimeFormat>();
/** The time of day in Vietnam's time zone ("17:40"), whatever the browser's: as the history and threads write it. */
export function formatClock(value: Date, locale: Locale = "vi"): string {
  let f = clocks.get(locale);
  if (!f)
    clocks.set(locale, (f = new Intl.DateTimeFormat(tag(locale), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "Asia/Ho_Chi_Minh" })));
  return f.format(value);
}

/** A calendar day (month 1–12): 30/9/2026 in Vietnamese, 30 Sep 2026 in English. */
export function formatDay(year: number, month: number, day: number, locale: Locale = "vi"): string {
  return locale === "en" ? `${day} ${MONTHS_EN[month - 1]} ${year}` : `${day}/${month}/${year}`;
}

/** 30/9/2026 (Vietnamese dates put the day first and drop leading zeros). */
export function formatDate(value: Date | string | null | undefined, locale: Locale = "vi"): string {
  return formatWhen(value, locale, "date");
}

/** 14:05 30/9/2026 in Vietnamese, 30 Sep 2026, 14:05 in English: the same form everywhere, the audit log included. */
export function formatDateTime(value: Date | string | null | undefined, locale: Locale = "vi"): string {
  return formatWhen(value, locale, "time");
}
