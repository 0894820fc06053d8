// The figures a unit reports each quarter (domain.md, "Figures reported"). Counts are people,
// money is VND. Keys are the JSON API's keys and the QuarterReport columns' Prisma names.

export const METRIC_KEYS = [
  "labourForce",
  "population",
  "retirementAgePopulation",
  "bhxhCompulsory",
  "bhxhVoluntary",
  "bhxhVoluntaryInformal",
  "bhtn",
  "bhyt",
  "pensionRecipients",
  "amountDue",
  "amountCollected",
  "latePayments",
] as const;

export type MetricKey = (typeof METRIC_KEYS)[number];
export type MetricUnit = "people" | "vnd";

export interface MetricDef {
  key: MetricKey;
  unit: MetricUnit;
  /** Denominators describe the unit; the others are what targets are set on. */
  denominator: boolean;
}

export const METRICS: Record<MetricKey, MetricDef> = {
  labourForce: { key: "labourForce", unit: "people", denominator: true },
  population: { key: "population", unit: "people", denominator: true },
  retirementAgePopulation: { key: "retirementAgePopulation", unit: "people", denominator: true },
  bhxhCompulsory: { key: "bhxhCompulsory", unit: "people", denominator: false },
  bhxhVoluntary: { key: "bhxhVoluntary", unit: "people", denominator: false },
  bhxhVoluntaryInformal: { key: "bhxhVoluntaryInformal", unit: "people", denominator: false },
  bhtn: { key: "bhtn", unit: "people", denominator: false },
  bhyt: { key: "bhyt", unit: "people", denominator: false },
  pensionRecipients: { key: "pensionRecipients", unit: "people", denominator: false },
  amountDue: { key: "amountDue", unit: "vnd", denominator: false },
  amountCollected: { key: "amountCollected", unit: "vnd", denominator: false },
  latePayments: { key: "latePayments", unit: "vnd", denominator: false },
};

/** Indicator keys (computed, never typed in). Rates are fractions. */
export const INDICATOR_KEYS = [
  "bhxhCoverage",
  "compulsoryCoverage",
  "voluntaryCoverage",
  "informalVoluntaryCoverage",
  "bhtnCoverage",
  "bhytCoverage",
  "pensionCoverage",
  "latePaymentRate",
  "revenueCompletion",
] as const;

export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export type Figures = Partial<Record<MetricKey, number | null>>;
