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
