// Numbers as typed in the monthly page's fields: Vietnamese "13.624" and "43,5", English "13,624" and
// "43.5". Rates are typed as percentages and kept as fractions.
import type { Locale } from "@/lib/i18n/config";

/** "" → null; a number in the locale's format → the number; anything else → NaN. */
export function parseLocal(text: string, locale: Locale): number | null {
  const s = text.trim().replace(/\s/g, "").replace(/%$/, "");
  if (s === "") return null;
  const [group, decimal] = locale === "vi" ? [".", ","] : [",", "."];
  const g = `\\${group}`;
  const d = `\\${decimal}`;
  if (!new RegExp(`^\\d{1,3}(${g}\\d{3})*(${d}\\d+)?$|^\\d+(${d}\\d+)?$`).test(s)) return Number.NaN;
  return Number(s.split(group).join("").replace(decimal, "."));
}

/** A planned or entered value as a field shows it: counts grouped (13.624), rates as a percentage with up to 2 decimals (43,25). */
export function showValue(kind: "COUNT" | "RATE", value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const tag = locale === "vi" ? "vi-VN" : "en-GB";
  if (kind === "COUNT") return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(Math.round(value * 10_000) / 100);
}

/**
 * A count as typed: whole digits, optionally grouped by thousands with "." or "," (13.624, 13,624) —
 * never a decimal, which would be rounded into another number ("150,5" is refused, not 151).
 * "" → null; anything else → NaN.
 */
export function parseCount(text: string): number | null {
  const s = text.trim().replace(/\s/g, "");
  if (s === "") return null;
  if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s) || /^\d+$/.test(s)) {
    const n = Number(s.replace(/[.,]/g, ""));
    return Number.isSafeInteger(n) ? n : Number.NaN;
  }
  return Number.NaN;
}
