// Rows for a client component, packed (issue 16, lighter pages): the field names once and one array
// of values per row, instead of an object per row repeating every name. A city's 168 communes go to
// the browser twice (the HTML and the RSC payload that hydrates it), so the payload is kept to what
// the table shows. The server packs (pages, lib/data), the client component unpacks once (useMemo).
import { formatNumber, formatPercent, formatPoints } from "@/lib/format";

/** `rows[i][j]` is the value of `keys[j]` in row i; `undefined` is sent as null. */
export interface Packed<T> {
  keys: (keyof T & string)[];
  rows: unknown[][];
}

export function pack<T extends object>(rows: readonly T[]): Packed<T> {
  const keys = (rows.length ? Object.keys(rows[0]) : []) as (keyof T & string)[];
  return { keys, rows: rows.map((r) => keys.map((k) => r[k] ?? null)) };
}

export function unpack<T>(p: Packed<T>): T[] {
  return p.rows.map((values) => {
    const row: Record<string, unknown> = {};
    p.keys.forEach((k, i) => (row[k] = values[i]));
    return row as T;
  });
}

/**
 * A number with fewer decimals, shown as before: "1.03241" rather than "1.0324136521162848". Five or
 * six decimals, whichever formats the same as the number itself as a count, as a percentage with one
 * or two decimals and as points (lib/format.ts); else the number as it is. Sorting by it keeps the
 * order but of values that show the same.
 */
export function trim(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (Number.isInteger(value)) return value;
  for (const digits of [5, 6]) {
    const r = Math.round(value * 10 ** digits) / 10 ** digits;
    if (showsSame(r, value)) return r;
  }
  return value;
}

/**
 * Whether two numbers show the same in every format of lib/format.ts: a count (no decimals), a
 * percentage with one or two decimals (×1.000, ×10.000) and points (×100 with one or two decimals).
 * Compared by rounding at those scales rather than by formatting (16 Intl calls a value were most of
 * a rankings page's time, issue 16); near a rounding boundary the formats themselves are compared.
 * trim() keeps the number as it is when any of them differs.
 */
const SCALES = [1, 1_000, 10_000];
/** Near a rounding boundary at some scale, where only the formatter itself can tell. */
const nearHalf = (x: number) => SCALES.some((s) => Math.abs((Math.abs(x * s) % 1) - 0.5) < 1e-6);
const showsSame = (a: number, b: number) =>
  nearHalf(a) || nearHalf(b)
    ? formatNumber(a) === formatNumber(b) &&
      formatPercent(a, "vi", 1) === formatPercent(b, "vi", 1) &&
      formatPercent(a, "vi", 2) === formatPercent(b, "vi", 2) &&
      formatPoints(a) === formatPoints(b)
    : // points take two decimals under one point, one from there on
      Math.abs(a * 100) < 1 === Math.abs(b * 100) < 1 &&
      SCALES.every((s) => Math.round(Math.abs(a * s)) * Math.sign(a) === Math.round(Math.abs(b * s)) * Math.sign(b));
