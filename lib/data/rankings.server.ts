import "server-only";
import { readPrisma } from "../db.server";
import { rankings, rankingSettings, type IndicatorChoice } from "../rankings/service";
import { trendSeriesOf, unitRefsByCode as unitRefsOf, type TrendPoint } from "../figures/trend";
import { attainment } from "../domain/indicators";
import { compositeScore, type Weight } from "../domain/ranking";
import { directionOf, type UnitRef } from "../figures/service";
import { INDICATOR_KEYS, type IndicatorKey, type MetricKey } from "../domain/metrics";
import type { Period } from "../domain/period";
import type { ScopedUnit } from "../auth/scope";

export async function rankingsOf(unit: ScopedUnit, p: Period, indicator: string | null, weights: string | null) {
  return rankings(await readPrisma(), unit, p, indicator, weights);
}

export async function rankingSettingsOf(tenantId: number) {
  return rankingSettings(await readPrisma(), tenantId);
}

/** The ranked measure at one point of a unit's trend (rate, count, attainment or composite). */
function measure(p: TrendPoint, c: IndicatorChoice, weights: Weight[]): number | null {
  if (!p.figures || !p.indicators) return null;
  const actualOf = (k: string) => ((INDICATOR_KEYS as readonly string[]).includes(k) ? p.indicators![k as IndicatorKey] : p.figures![k as MetricKey]);
  if (c.kind === "indicator" || c.kind === "metric") return actualOf(c.key!) ?? null;
  const att = (k: string) => attainment(actualOf(k) ?? null, p.targets[k] ?? null, directionOf(k));
  if (c.kind === "attainment") return att(c.key!);
  return compositeScore(Object.fromEntries(weights.map((w) => [w.key, att(w.key)])), weights);
}

/** Quarterly trends of some units for the small multiples. */
export async function multiplesOf(units: UnitRef[], to: Period, c: IndicatorChoice, weights: Weight[]) {
  const series = await trendSeriesOf(await readPrisma(), units, to.year - 1, to);
  return series.map((points) => points.map((p) => ({ label: `Q${p.quarter}/${String(p.year).slice(2)}`, value: measure(p, c, weights) })));
}

export async function unitRefsByCode(codes: string[]): Promise<UnitRef[]> {
  return unitRefsOf(await readPrisma(), codes);
}
