// Numbers as typed in the monthly page's fields, read by the shared rule (lib/domain/numbers.ts):
// Vietnamese "13.624" and "43,5", English "13,624" and "43.5". Rates are typed as percentages and
// kept as fractions.
import { parseDecimalNumber, parseWholeNumber } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/config";

/** A rate in percent, "%" allowed: "" → null; a number in the locale's format → the number; anything else → NaN. */
export function parseLocal(text: string, locale: Locale): number | null {
  const p = parseDecimalNumber(text.trim().replace(/\s*%$/, ""), locale);
  return p.ok ? p.value : Number.NaN;
}

/** A planned or entered value as a field shows it: counts grouped (13.624), rates as a percentage with up to 2 decimals (43,25). */
export function showValue(kind: "COUNT" | "RATE", value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const tag = locale === "vi" ? "vi-VN" : "en-GB";
  if (kind === "COUNT") return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(Math.round(value * 10_000) / 100);
}

/**
 * A count as typed: whole digits, optionally grouped by thousands the locale's way (13.624 in
 * Vietnamese, 13,624 in English) — never a decimal, which would be rounded into another number
 * ("150,5" is refused, not 151), nor the other language's grouping. "" → null; anything else → NaN.
 */
export function parseCount(text: string, locale: Locale): number | null {
  const p = parseWholeNumber(text, locale);
  return p.ok ? p.value : Number.NaN;
}
