// Numbers as people type them in the interface's language: one rule, used by every form field, the
// targets grid's paste and (Vietnamese only) the Excel imports. Pure: no React, no Next.
//
// Vietnamese: dots (or spaces) group thousands and a comma is the decimal mark: 13.624 · 43,5.
// English:    commas (or spaces) group thousands and a dot is the decimal mark: 13,624 · 43.5.
// A separator that groups thousands must group exactly three digits, so the other language's
// format is never misread: "13.624" typed in English (or "13,624" in Vietnamese) is refused as a
// whole number, never silently taken as 13624 or as 13.624.
import type { Locale } from "../i18n/config";
import { formatDecimal, formatNumber } from "../format";

export type NumberParse = { ok: true; value: number | null } | { ok: false; message: string };

/** What a whole-number field says when what was typed is not one (the figures' validation messages carry these keys). */
export interface WholeNumberMessages {
  negative: string;
  notInteger: string;
  notANumber: string;
  tooLargeInput: string;
}

/** What a decimal field says when what was typed is not a number. */
export interface DecimalNumberMessages {
  negative: string;
  notDecimal: string;
  tooLargeInput: string;
}

export const WHOLE_NUMBER_MESSAGES: Record<Locale, WholeNumberMessages> = {
  vi: {
    negative: "Số liệu không được âm.",
    notInteger: "Nhập số nguyên, dấu chấm ngăn cách hàng nghìn, ví dụ 13.624.",
    notANumber: "Chỉ nhập chữ số, dấu chấm ngăn cách hàng nghìn, ví dụ 13.624.",
    tooLargeInput: "Số quá lớn, vui lòng kiểm tra lại.",
  },
  en: {
    negative: "Figures cannot be negative.",
    notInteger: "Enter a whole number, with commas between thousands, e.g. 13,624.",
    notANumber: "Digits only, with commas between thousands, e.g. 13,624.",
    tooLargeInput: "The number is too large, please check it.",
  },
};

export const DECIMAL_NUMBER_MESSAGES: Record<Locale, DecimalNumberMessages> = {
  vi: {
    negative: WHOLE_NUMBER_MESSAGES.vi.negative,
    notDecimal: "Nhập một số, dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân, ví dụ 43,5.",
    tooLargeInput: WHOLE_NUMBER_MESSAGES.vi.tooLargeInput,
  },
  en: {
    negative: WHOLE_NUMBER_MESSAGES.en.negative,
    notDecimal: "Enter a number, with commas between thousands and a decimal point, e.g. 43.5.",
    tooLargeInput: WHOLE_NUMBER_MESSAGES.en.tooLargeInput,
  },
};

/** The separators of a language: the one grouping thousands and the decimal mark. */
export const NUMBER_SEPARATORS: Record<Locale, { group: "." | ","; decimal: "," | "." }> = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

/** Only digits and separators (dot, comma, space): a number, just not one in the expected format. */
const NUMBERISH = /^[\d.,\s]*\d[\d.,\s]*$/;
/** A leading minus: ASCII hyphen, Unicode minus, en dash. */
const MINUS = /^[-\u2212\u2013]/;
/** Digits beyond this are no amount anyone types (and beyond Number.MAX_SAFE_INTEGER anyway). */
const MAX_DIGITS = 17;

/**
 * The whole part of a number: plain digits ("13624"), or groups of three after the first separated
 * by the language's group mark or a space, including no-break spaces ("13.624", "13 624" in
 * Vietnamese; "13,624", "13 624" in English).
 */
const WHOLE: Record<Locale, RegExp> = {
  vi: /^(?:\d+|\d{1,3}(?:[.\s]\d{3})+)$/,
  en: /^(?:\d+|\d{1,3}(?:[,\s]\d{3})+)$/,
};
/** A whole part as above, then optionally the decimal mark and digits ("43,5" / "43.5", "1.234,5" / "1,234.5"). */
const DECIMAL: Record<Locale, RegExp> = {
  vi: /^(\d+|\d{1,3}(?:[.\s]\d{3})+)(?:,(\d+))?$/,
  en: /^(\d+|\d{1,3}(?:[,\s]\d{3})+)(?:\.(\d+))?$/,
};

const digitsOf = (whole: string) => whole.replace(/[.,\s]/g, "").replace(/^0+(?=\d)/, "");

/**
 * A whole non-negative number typed in the interface's language. Empty (or blank) input is
 * `null` = not entered. Vietnamese: "13.624", "13 624", "13624" (a comma is the decimal mark, so
 * "13,5" and "13,624" are refused); English: "13,624", "13 624", "13624" (a dot is the decimal mark,
 * so "13.5" and "13.624" are refused). A minus sign is refused as negative. At most
 * Number.MAX_SAFE_INTEGER: anything larger is "too large" (callers check their own, lower, limits).
 */
export function parseWholeNumber(input: string, locale: Locale, messages: WholeNumberMessages = WHOLE_NUMBER_MESSAGES[locale]): NumberParse {
  const s = (input ?? "").trim();
  if (s === "") return { ok: true, value: null };

  if (MINUS.test(s)) {
    const rest = s.slice(1).trim();
    return { ok: false, message: NUMBERISH.test(rest) ? messages.negative : messages.notANumber };
  }
  if (!WHOLE[locale].test(s)) {
    return { ok: false, message: NUMBERISH.test(s) ? messages.notInteger : messages.notANumber };
  }

  const digits = digitsOf(s);
  const value = Number(digits);
  if (digits.length > MAX_DIGITS || !Number.isSafeInteger(value)) return { ok: false, message: messages.tooLargeInput };
  return { ok: true, value };
}

/**
 * A non-negative number, possibly with decimals, typed in the interface's language: Vietnamese
 * "43,5", "1.234,5", "13.624"; English "43.5", "1,234.5", "13,624". Empty → null. The other
 * language's format is refused rather than misread ("43.5" in Vietnamese, "43,5" in English).
 * No percent sign: callers that allow one strip it first.
 */
export function parseDecimalNumber(input: string, locale: Locale, messages: DecimalNumberMessages = DECIMAL_NUMBER_MESSAGES[locale]): NumberParse {
  const s = (input ?? "").trim();
  if (s === "") return { ok: true, value: null };

  if (MINUS.test(s)) {
    const rest = s.slice(1).trim();
    return { ok: false, message: NUMBERISH.test(rest) ? messages.negative : messages.notDecimal };
  }
  const m = DECIMAL[locale].exec(s);
  if (!m) return { ok: false, message: messages.notDecimal };

  const digits = digitsOf(m[1]);
  if (digits.length > MAX_DIGITS) return { ok: false, message: messages.tooLargeInput };
  const value = Number(m[2] === undefined ? digits : `${digits}.${m[2]}`);
  if (!Number.isFinite(value) || value > Number.MAX_SAFE_INTEGER) return { ok: false, message: messages.tooLargeInput };
  return { ok: true, value };
}

/**
 * A field's typed text as a number, for the grids that take counts and rates typed in percent ("%"
 * allowed): "" → null, anything unreadable → NaN. Messages are the caller's (milestones, scenario).
 */
export function parseFieldValue(kind: "COUNT" | "RATE", text: string, locale: Locale): number | null {
  const p = kind === "RATE" ? parseDecimalNumber(text.trim().replace(/\s*%$/, ""), locale) : parseWholeNumber(text, locale);
  return p.ok ? p.value : Number.NaN;
}

/**
 * A count or a rate (a fraction) as a field shows it in the interface's language: counts grouped
 * (13.624 / 13,624), rates as a percentage rounded to `rateDigits` decimals (43,25 / 43.25).
 */
export function showFieldValue(kind: "COUNT" | "RATE", value: number | null | undefined, locale: Locale, rateDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  if (kind === "COUNT") return formatNumber(value, locale);
  return formatDecimal(Math.round(value * 10 ** (2 + rateDigits)) / 10 ** rateDigits, locale, rateDigits);
}
