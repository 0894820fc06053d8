// Reporting periods: a year and a quarter; figures are as at the quarter's last day
// (31/3, 30/6, 30/9, 31/12). The year-end estimate (ước thực hiện) can be made from Q3 on.
import type { MetricKey } from "./metrics";

export interface Period {
  year: number;
  quarter: number;
}

export const MIN_YEAR = 2015;
export const MAX_YEAR = 2035;

/** The last day of the quarter, at midnight UTC (a calendar date). */
export function quarterEnd(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, quarter * 3, 0));
}

export function quarterStart(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1));
}

export function previousPeriod(p: Period): Period {
  return p.quarter > 1 ? { year: p.year, quarter: p.quarter - 1 } : { year: p.year - 1, quarter: 4 };
}

export function comparePeriods(a: Period, b: Period): number {
  return a.year - b.year || a.quarter - b.quarter;
}

/** The period containing `today` (Vietnam time is close enough to UTC at day granularity here). */
export function currentPeriod(today: Date = new Date()): Period {
  return { year: today.getUTCFullYear(), quarter: Math.floor(today.getUTCMonth() / 3) + 1 };
}

/** A quarter that has not started yet cannot have figures. */
export function isFuturePeriod(p: Period, today: Date = new Date()): boolean {
  return quarterStart(p.year, p.quarter).getTime() > today.getTime();
}

/**
 * A quarter has ended once its last day is over in Vietnam. Only then can its actual figures be
 * entered, and only then is it ranked or judged (a quarter in progress would be judged on half
 * its figures). The year-end estimate is the exception (estimateOpen).
 */
export function isPeriodEnded(p: Period, now: Date = new Date()): boolean {
  return vietnamToday(now).getTime() > quarterEnd(p.year, p.quarter).getTime();
}

/** The year-end estimate of `year` can be entered once its third quarter has started. */
export function estimateOpen(year: number, today: Date = new Date()): boolean {
  return quarterStart(year, 3).getTime() <= today.getTime();
}

/** The latest quarter that has ended (what a report is normally about). */
export function lastEndedPeriod(today: Date = new Date()): Period {
  return previousPeriod(currentPeriod(today));
}

/** Money figures reported year-to-date (lũy kế từ đầu năm): they restart every first quarter. */
export const YEAR_TO_DATE_METRICS: readonly MetricKey[] = ["amountDue", "amountCollected"];

/** Today's calendar date in Vietnam (UTC+7, no daylight saving), as a UTC midnight Date. */
export function vietnamToday(now: Date = new Date()): Date {
  return new Date(new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10));
}
