// Pure helpers of the quarterly form (issue 13): how many figures are entered, which differ from
// the stored ones, how an indicator is computed (for the help next to it), and whether following a
// link leaves the form. No React, no database: table-tested in tests/unit/form-helpers.test.ts.
import { METRIC_KEYS, type Figures, type IndicatorKey, type MetricKey } from "../domain/metrics";
import { INDICATORS, REVENUE_PLAN_DENOMINATOR } from "../domain/indicators";

/** How many of the twelve figures have a value. */
export function filledCount(figures: Figures): number {
  return METRIC_KEYS.filter((k) => typeof figures[k] === "number").length;
}

/** The figures that differ from the stored ones (null = not entered). */
export function changedKeys(figures: Figures, stored: Figures | null | undefined): MetricKey[] {
  return METRIC_KEYS.filter((k) => (figures[k] ?? null) !== (stored?.[k] ?? null));
}

/** The stored figures as the form's initial text, Vietnamese-style ("13.624"); "" where none. */
export function initialText(stored: Figures | null | undefined, format: (n: number) => string): Record<MetricKey, string> {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, typeof stored?.[k] === "number" ? format(stored[k]!) : ""])) as Record<MetricKey, string>;
}

/**
 * How an indicator is computed, in words: "(A + B) ÷ C". `planLabel` names the revenue plan (the
 * year's target of the amount collected), which is not a reported figure.
 */
export function indicatorFormula(key: IndicatorKey, label: (k: MetricKey) => string, planLabel: string): string {
  const def = INDICATORS[key];
  const num = def.numerator.map(label);
  const top = num.length > 1 ? `(${num.join(" + ")})` : num[0];
  const bottom = def.denominator === REVENUE_PLAN_DENOMINATOR ? planLabel : label(def.denominator);
  return `${top} ÷ ${bottom}`;
}

/** The indicators a figure is used in (for the help of a field). */
export function indicatorsUsing(metric: MetricKey): IndicatorKey[] {
  return (Object.keys(INDICATORS) as IndicatorKey[]).filter((k) => INDICATORS[k].numerator.includes(metric) || INDICATORS[k].denominator === metric);
}

/**
 * Whether following a link from `current` to `href` leaves the page (so unsaved figures would be
 * lost): another path or query of the same origin. Another origin is left to the browser (its own
 * beforeunload prompt), a change of the #fragment alone does not leave.
 */
export function leavesPage(href: string, current: string): boolean {
  let to: URL;
  let from: URL;
  try {
    from = new URL(current);
    to = new URL(href, from);
  } catch {
    return false;
  }
  if (to.origin !== from.origin) return false;
  return to.pathname !== from.pathname || to.search !== from.search;
}
