// THE rule of which figures count (issue 10, "current data only"), written once as SQL fragments
// and used by every query that reads figures: dashboards, rankings, completeness, exports, the API.
//
// A unit's figures for a period are its ACTUAL report for exactly that year and quarter, submitted
// or approved. Drafts and returned reports never count; a unit without such a report has not
// reported ("chưa báo cáo"): it is listed apart, never ranked, coloured or summed on older figures.
// A submitted-not-approved report counts and is marked as such (its status travels with it).
//
// The database applies the same rule to keep its summaries current (period_totals, year_progress,
// tenant_year_progress: migration 20261202230000_summaries, a trigger on quarter_reports); the
// summaries are checked against this rule in tests/integration/summaries.test.ts.

/** Report statuses whose figures count. */
export const COUNTED_STATUSES = ["SUBMITTED", "APPROVED"] as const;

const STATUS_LIST = `(${COUNTED_STATUSES.map((s) => `'${s}'`).join(", ")})`;

/** `alias.status IN (…)`: the statuses that count (for the year-end estimate, which is not ACTUAL). */
export function countedStatus(alias = ""): string {
  return `${alias ? `${alias}.` : ""}status IN ${STATUS_LIST}`;
}

/** `alias.kind = 'ACTUAL' AND alias.status IN (…)`: a report whose figures count (any period). */
export function countedReport(alias = ""): string {
  const a = alias ? `${alias}.` : "";
  return `${a}kind = 'ACTUAL' AND ${a}status IN ${STATUS_LIST}`;
}

/**
 * A report whose figures count for exactly the period given by two SQL expressions (parameters such
 * as `$2::int`, `$3::int`).
 */
export function countedReportAt(alias: string, year: string, quarter: string): string {
  const a = alias ? `${alias}.` : "";
  return `${countedReport(alias)} AND ${a}year = ${year} AND ${a}quarter = ${quarter}`;
}

/** Whether a report status counts (the same rule for code that already holds a report row). */
export function isCountedStatus(status: string | null | undefined): boolean {
  return (COUNTED_STATUSES as readonly string[]).includes(status ?? "");
}
