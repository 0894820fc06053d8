// Employers paying social insurance late (issue 15), pure: the tax code (MST) and its check digit,
// month ends, the list of those N+ months late as at a month end (the rule Hue-S publishes by),
// and its trend month by month. No database, no React: table-tested in tests/unit/employers.test.ts.
import { compareVi } from "../collate";
import { vietnamToday } from "./period";

// ---------------------------------------------------------------------------------------------
// Tax codes (mã số thuế)

/**
 * Weights of the MST check digit (Quyết định 75/1998/QĐ-TTg): N10 = 10 − (Σ wᵢ·Nᵢ mod 11) over the
 * first nine digits; a sum whose remainder is 0 has no check digit (no such code is issued).
 */
const MST_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit of nine digits, or null when none exists. */
export function taxCodeCheckDigit(nine: string): number | null {
  if (!/^\d{9}$/.test(nine)) return null;
  const sum = MST_WEIGHTS.reduce((s, w, i) => s + w * Number(nine[i]), 0);
  const d = 10 - (sum % 11);
  return d === 10 ? null : d;
}

export const TAX_CODE_MESSAGES_VI = {
  required: "Chưa nhập mã số thuế.",
  format: "Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số của chi nhánh (ví dụ 0101234567-001).",
  checkDigit: "Mã số thuế không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp, hãy kiểm tra lại.",
} as const;

export type TaxCodeResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * A tax code as typed or read from a file: spaces and dots dropped, 13 digits written 10-3, a number
 * that lost its leading zero in Excel (101234567) padded back. 10 digits with a valid check digit,
 * or those and "-" and a 3-digit branch suffix ("0101234567-001", not "-000").
 */
export function parseTaxCode(input: string | number | null | undefined): TaxCodeResult {
  if (input === null || input === undefined) return { ok: false, message: TAX_CODE_MESSAGES_VI.required };
  let s = typeof input === "number" ? (Number.isSafeInteger(input) && input >= 0 ? String(input) : "x") : input.trim().replace(/[\s.]/g, "");
  if (s === "") return { ok: false, message: TAX_CODE_MESSAGES_VI.required };
  if (typeof input === "number") s = s.length <= 10 ? s.padStart(10, "0") : s.padStart(13, "0");
  if (/^\d{13}$/.test(s)) s = `${s.slice(0, 10)}-${s.slice(10)}`;
  const m = /^(\d{10})(?:-(\d{3}))?$/.exec(s);
  if (!m || m[2] === "000") return { ok: false, message: TAX_CODE_MESSAGES_VI.format };
  if (taxCodeCheckDigit(m[1].slice(0, 9)) !== Number(m[1][9])) return { ok: false, message: TAX_CODE_MESSAGES_VI.checkDigit };
  return { ok: true, value: s };
}

export const isValidTaxCode = (s: string): boolean => {
  const r = parseTaxCode(s);
  return r.ok && r.value === s;
};

// ---------------------------------------------------------------------------------------------
// Month ends

export interface MonthRef {
  year: number;
  month: number;
}

export const monthKey = (m: MonthRef): number => m.year * 12 + (m.month - 1);
export const monthOfKey = (k: number): MonthRef => ({ year: Math.floor(k / 12), month: (k % 12) + 1 });
export const compareMonths = (a: MonthRef, b: MonthRef): number => monthKey(a) - monthKey(b);
export const addMonths = (m: MonthRef, n: number): MonthRef => monthOfKey(monthKey(m) + n);

/** The last day of the month, at midnight UTC (a calendar date). */
export function monthEnd(m: MonthRef): Date {
  return new Date(Date.UTC(m.year, m.month, 0));
}

/** "31/10/2026": the month end a list is "as at". */
export function monthEndLabel(m: MonthRef): string {
  return `${monthEnd(m).getUTCDate()}/${m.month}/${m.year}`;
}

/** A month has ended once its last day is over in Vietnam: only then is a list "as at" its end. */
export function isMonthEnded(m: MonthRef, now: Date = new Date()): boolean {
  return vietnamToday(now).getTime() > monthEnd(m).getTime();
}

/** The latest month that has ended (on 2 December 2026: November 2026). */
export function lastEndedMonth(now: Date = new Date()): MonthRef {
  const today = vietnamToday(now);
  return addMonths({ year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 }, -1);
}

/** `count` month ends up to and including `last`, oldest first. */
export function monthsUpTo(last: MonthRef, count: number): MonthRef[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

// ---------------------------------------------------------------------------------------------
// The N+ months list and its trend

/** The threshold Hue-S publishes by: employers 3 months or more late. */
export const DEFAULT_LATE_MONTHS = 3;
export const MAX_LATE_MONTHS = 120;
/** Amounts late, VND: at most a hundred thousand billion (a typo guard, not a law). */
export const MAX_AMOUNT_LATE = 100_000_000_000_000;

export interface ArrearsLike {
  monthsLate: number;
  amountLate: number;
}

/**
 * Is this employer on the list of those `n`+ months late? Months late ≥ n and some amount still
 * owed (an employer whose arrears were paid off is on no list, whatever the months say).
 */
export function isLateAtLeast(a: ArrearsLike, n: number): boolean {
  return a.monthsLate >= n && a.amountLate > 0;
}

/** The list of those `n`+ months late: longest late first, then the larger amount, then by name. */
export function lateList<T extends ArrearsLike & { name: string; taxCode: string }>(rows: readonly T[], n: number): T[] {
  return rows
    .filter((r) => isLateAtLeast(r, n))
    .sort((a, b) => b.monthsLate - a.monthsLate || b.amountLate - a.amountLate || compareVi(a.name, b.name) || a.taxCode.localeCompare(b.taxCode));
}

export interface TrendPoint extends MonthRef {
  /** Employers n+ months late at this month end (null: nothing recorded for the month). */
  count: number | null;
  /** What they owe, VND (null: nothing recorded). */
  amount: number | null;
  /** Employers recorded for the month (any months late). */
  recorded: number;
}

/**
 * Count and amount of those `n`+ months late at each month end. A month with no arrears recorded
 * at all has no value (null), never 0: nobody reported, not nobody late.
 */
export function lateTrend(rows: readonly (ArrearsLike & MonthRef)[], n: number, months: readonly MonthRef[]): TrendPoint[] {
  const by = new Map<number, { count: number; amount: number; recorded: number }>();
  for (const r of rows) {
    const k = monthKey(r);
    const t = by.get(k) ?? { count: 0, amount: 0, recorded: 0 };
    t.recorded++;
    if (isLateAtLeast(r, n)) {
      t.count++;
      t.amount += r.amountLate;
    }
    by.set(k, t);
  }
  return months.map((m) => {
    const t = by.get(monthKey(m));
    return { year: m.year, month: m.month, count: t ? t.count : null, amount: t ? t.amount : null, recorded: t?.recorded ?? 0 };
  });
}

// ---------------------------------------------------------------------------------------------
// Publication

/** The published fields, and only these: what a signed-out reader may see. */
export interface PublishedEntry {
  name: string;
  taxCode: string;
  address: string;
  monthsLate: number;
  amountLate: number;
}

export const PUBLISHED_FIELDS = ["name", "taxCode", "address", "monthsLate", "amountLate"] as const satisfies readonly (keyof PublishedEntry)[];

/** The snapshot a publication freezes: the list of those `n`+ months late, published fields only. */
export function publishedEntries(rows: readonly (ArrearsLike & { name: string; taxCode: string; address: string })[], n: number): PublishedEntry[] {
  return lateList(rows, n).map((r) => ({ name: r.name, taxCode: r.taxCode, address: r.address, monthsLate: r.monthsLate, amountLate: r.amountLate }));
}

/** A stored snapshot read back: published fields only, whatever else the JSON holds. */
export function readPublishedEntries(json: unknown): PublishedEntry[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((e) => {
    if (!e || typeof e !== "object") return [];
    const o = e as Record<string, unknown>;
    const amount = typeof o.amountLate === "number" ? o.amountLate : typeof o.amountLate === "string" ? Number(o.amountLate) : NaN;
    if (typeof o.name !== "string" || typeof o.taxCode !== "string" || typeof o.monthsLate !== "number" || !Number.isFinite(amount)) return [];
    return [{ name: o.name, taxCode: o.taxCode, address: typeof o.address === "string" ? o.address : "", monthsLate: o.monthsLate, amountLate: amount }];
  });
}
