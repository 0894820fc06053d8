// Numbers as typed in the monthly page's fields, read by the shared rule (lib/domain/numbers.ts):
// Vietnamese "13.624" and "43,5", English "13,624" and "43.5". Rates are typed as percentages and
// kept as fractions.
import { parseFieldValue, showFieldValue } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/config";

/** A rate in percent, "%" allowed: "" → null; a number in the locale's format → the number; anything else → NaN. */
export const parseLocal = (text: string, locale: Locale): number | null => parseFieldValue("RATE", text, locale);

/** A planned or entered value as a field shows it: counts grouped (13.624), rates as a percentage with up to 2 decimals (43,25). */
export const showValue = (kind: "COUNT" | "RATE", value: number | null | undefined, locale: Locale): string => showFieldValue(kind, value, locale);

/**
 * A count as typed: whole digits, optionally grouped by thousands the locale's way (13.624 in
 * Vietnamese, 13,624 in English) — never a decimal, which would be rounded into another number
 * ("150,5" is refused, not 151), nor the other language's grouping. "" → null; anything else → NaN.
 */
export const parseCount = (text: string, locale: Locale): number | null => parseFieldValue("COUNT", text, locale);
