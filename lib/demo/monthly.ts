// Demo data of issue 15's monthly rhythm (dữ liệu minh họa) for Thành phố Huế (46): its 2026 monthly
// scenario, saved by the city's staff (bhxh.hue), and the city's monthly figures from January to
// October 2026 (the figures of November, just ended on the demo's date of 2/12/2026, are not in yet).
//
// - The scenario: the defaults of lib/domain/scenario.ts (a straight line from the end of 2025 to the
//   2026 targets of Kế hoạch 141/KH-UBND), with one plausible touch on the participant counts: slower
//   in January–February (Tết) and a year-end push (seed 003's "thi đua nước rút … những tháng cuối
//   năm"), so more of the year's growth is planned for Q4.
// - The figures: each quarter end (March, June, September) is the city's total of its communes'
//   quarterly figures (a commune without that quarter's report counted at its previous quarter's
//   figures), the months between are drawn between quarter ends with a little noise; money is year to
//   date. October keeps September's pace, a little behind its scenario: the page shows the gap and
//   what November needs.
// Deterministic (lib/demo/random.ts), plain SQL reads and Prisma writes: PGlite and PostgreSQL alike.
import type { Prisma } from "../generated/prisma/client";
import { computeIndicators } from "../domain/indicators";
import { METRIC_KEYS, type Figures } from "../domain/metrics";
import { defaultScenario, MONTHLY_METRIC_KEYS, MONTHS, roundPlanned, type MonthlyMetricKey, type ScenarioMonths } from "../domain/scenario";
import { actualForTarget, isTargetKey, targetKindOf, type TargetKey } from "../domain/targets";
import { HUE } from "./generate";
import { rngFor } from "./random";

export const DEMO_MONTHLY_YEAR = 2026;
/** The last month with figures in the demo (October 2026). */
export const DEMO_LAST_MONTH = 10;

/** Cumulative share of the year's growth planned by each month's end for the participant counts (December: all of it). */
export const HUE_SCENARIO_SHARES = [0.04, 0.08, 0.15, 0.22, 0.29, 0.36, 0.43, 0.5, 0.57, 0.68, 0.82, 1] as const;
const SHAPED_KEYS: readonly string[] = ["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt"];

type Tx = Prisma.TransactionClient;
type Totals = Record<MonthlyMetricKey, number>;

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Each commune's ACTUAL figures of 2025 Q4 and 2026 Q1–Q3 (any status: the city's own books hold them all). */
async function communeQuarters(tx: Tx, tenantId: number) {
  const rows = await tx.$queryRawUnsafe<Array<Record<string, number | null> & { unit_id: number; year: number; quarter: number }>>(
    `SELECT r.unit_id, r.year, r.quarter, ${METRIC_KEYS.map((k) => `r.${snake(k)}::float8 AS "${k}"`).join(", ")}
     FROM quarter_reports r JOIN units u ON u.id = r.unit_id AND u.level = 'COMMUNE'
     WHERE r.tenant_id = $1::int AND r.kind = 'ACTUAL' AND ((r.year = $2::int - 1 AND r.quarter = 4) OR (r.year = $2::int AND r.quarter <= 3))`,
    tenantId,
    DEMO_MONTHLY_YEAR,
  );
  return rows;
}

/**
 * The city's totals at 31/12 of last year (q = 0) and at the end of Q1–Q3: every commune counted, at
 * its previous quarter's figures when it has no report for the quarter.
 */
function quarterTotals(rows: Awaited<ReturnType<typeof communeQuarters>>): Totals[] {
  const units = [...new Set(rows.map((r) => Number(r.unit_id)))];
  const at = (unit: number, q: number) =>
    rows.find((r) => Number(r.unit_id) === unit && (q === 0 ? Number(r.quarter) === 4 : Number(r.year) === DEMO_MONTHLY_YEAR && Number(r.quarter) === q));
  const out: Totals[] = [];
  for (let q = 0; q <= 3; q++) {
    const t = Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, 0])) as Totals;
    for (const u of units) {
      // Carried forward: the latest quarter ≤ q with a report (money year to date restarts in January).
      let found: (typeof rows)[number] | undefined;
      let from = q;
      for (; from >= 0 && !(found = at(u, from)); from--);
      if (!found) continue;
      for (const k of MONTHLY_METRIC_KEYS) {
        const ytd = k === "amountDue" || k === "amountCollected";
        const v = Number(found[k] ?? 0);
        // Year-to-date money carried from an earlier quarter of the year grows with the quarters; from last year it is none.
        t[k] += ytd ? (from === 0 ? 0 : (v * q) / from) : v;
      }
    }
    out.push(t);
  }
  return out;
}

/** The monthly figures of January–October from the quarter totals. */
export function monthlyFromQuarters(totals: Totals[]): Totals[] {
  const months: Totals[] = [];
  for (let m = 1; m <= DEMO_LAST_MONTH; m++) {
    const rng = rngFor(HUE, "monthly", DEMO_MONTHLY_YEAR, m);
    const q = Math.ceil(m / 3);
    const into = m - (q - 1) * 3;
    const v = {} as Totals;
    for (const k of MONTHLY_METRIC_KEYS) {
      const ytd = k === "amountDue" || k === "amountCollected";
      let x: number;
      if (q <= 3) {
        const from = ytd && q === 1 ? 0 : totals[q - 1][k];
        x = from + ((totals[q][k] - from) * into) / 3;
      } else {
        // October: September's pace of the third quarter, a little slower (the month after a quarter's push).
        x = totals[3][k] + ((totals[3][k] - totals[2][k]) / 3) * 0.9;
      }
      // A little noise between quarter ends (not on them: they are the quarters' figures).
      if (into !== 3) x *= 1 + rng.range(-0.0006, 0.0006);
      // People whole, money rounded to million VND.
      v[k] = k === "amountDue" || k === "amountCollected" || k === "latePayments" ? Math.round(x / 1e6) * 1e6 : Math.round(x);
    }
    if (v.bhtn > v.bhxhCompulsory) v.bhtn = v.bhxhCompulsory;
    if (v.latePayments > v.amountDue) v.latePayments = v.amountDue;
    months.push(v);
  }
  return months;
}

/** Huế's 2026 scenario: the defaults, the participant counts reshaped (Tết, then the year-end push). */
export function hueScenario(targets: Record<string, { value: number; kind: "COUNT" | "RATE" }>, baselineOf: (key: string) => number | null): ScenarioMonths {
  const months = defaultScenario({ targets, baselineOf });
  for (const key of SHAPED_KEYS) {
    const t = targets[key];
    const b = baselineOf(key);
    if (!t || b === null) continue;
    for (const m of MONTHS) months[String(m)][key] = m === 12 ? t.value : roundPlanned(t.kind, b + (t.value - b) * HUE_SCENARIO_SHARES[m - 1], key);
  }
  return months;
}

export async function loadMonthlyDemo(tx: Tx): Promise<void> {
  const hue = await tx.unit.findFirst({ where: { code: HUE, level: "PROVINCE", validTo: null }, select: { id: true } });
  if (!hue) return;
  const staff = await tx.user.findFirst({ where: { username: "bhxh.hue" }, select: { id: true } });
  const rows = await communeQuarters(tx, hue.id);
  if (rows.length === 0) return;
  const totals = quarterTotals(rows);

  // The scenario, from the targets and the city's figures at 31/12/2025 (as the service's defaults).
  const targetRows = await tx.target.findMany({ where: { unitId: hue.id, year: DEMO_MONTHLY_YEAR }, select: { key: true, value: true } });
  const targets = Object.fromEntries(
    targetRows.filter((t) => isTargetKey(t.key)).map((t) => [t.key, { value: t.value, kind: targetKindOf(t.key as TargetKey) }] as const),
  );
  const base = await tx.$queryRawUnsafe<Array<Record<string, number | null>>>(
    `SELECT ${METRIC_KEYS.map((k) => `sum(r.${snake(k)})::float8 AS "${k}"`).join(", ")}
     FROM quarter_reports r JOIN units u ON u.id = r.unit_id AND u.level = 'COMMUNE'
     WHERE r.tenant_id = $1::int AND r.kind = 'ACTUAL' AND r.status IN ('SUBMITTED', 'APPROVED') AND r.year = $2::int - 1 AND r.quarter = 4`,
    hue.id,
    DEMO_MONTHLY_YEAR,
  );
  const baseFigures: Figures = Object.fromEntries(METRIC_KEYS.map((k) => [k, base[0]?.[k] ?? null]));
  const baseIndicators = computeIndicators(baseFigures, { revenuePlan: targets.amountCollected?.value ?? null });
  const months = hueScenario(targets, (k) => actualForTarget(k as TargetKey, baseFigures, baseIndicators));
  await tx.scenario.createMany({
    data: [{ tenantId: hue.id, unitId: hue.id, year: DEMO_MONTHLY_YEAR, months, updatedById: staff?.id ?? null }],
    skipDuplicates: true,
  });

  await tx.monthlyFigures.createMany({
    data: monthlyFromQuarters(totals).map((f, i) => ({
      tenantId: hue.id,
      unitId: hue.id,
      year: DEMO_MONTHLY_YEAR,
      month: i + 1,
      bhxhCompulsory: f.bhxhCompulsory,
      bhxhVoluntary: f.bhxhVoluntary,
      bhtn: f.bhtn,
      bhyt: f.bhyt,
      amountDue: BigInt(f.amountDue),
      amountCollected: BigInt(f.amountCollected),
      latePayments: BigInt(f.latePayments),
      updatedById: staff?.id ?? null,
    })),
    skipDuplicates: true,
  });
}
