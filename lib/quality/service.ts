// The data-quality view of a city (issue item 6, "Plausibility"): for a quarter, the figures of its
// communes that are far from (a) the commune's own previous quarters or (b) the other communes of
// the province, by the modified z-score (lib/domain/outliers.ts, |z| ≥ 3.5 as DHIS2's outlier
// analysis), for city staff to check before approving. Also the city's threshold of the entry
// check against the previous quarter (tenant setting plausibility_change_pct), audited.
//
// What is compared:
// - own history: each of the 12 metrics and the coverage rates of the commune's report for the
//   quarter against the same figure in its previous HISTORY_QUARTERS quarters (at least MIN_HISTORY
//   earlier values). Year-to-date money (amounts due and collected) is compared as the quarter's
//   own amount (this year-to-date minus the previous quarter's; Q1 is its own), since year-to-date
//   sums grow through the year by construction;
// - peers: the coverage rates of every commune of the province for the quarter, each against all
//   of them: rates, not counts, so that a large ward does not stand out for its size.
// Only reports that count (lib/figures/counted.ts: ACTUAL, submitted or approved) are read, for the
// quarter and for the history alike: drafts and returned reports are neither listed nor compared with.
// One query for the whole province, the same SQL on PGlite and PostgreSQL.
import { figureColumns } from "../db/columns";
import type { PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import { compareVi } from "../collate";
import { COVERAGE_KEYS } from "../domain/targets";
import type { UnitLevel } from "../generated/prisma/enums";
import { METRIC_KEYS, type Figures, type IndicatorKey, type MetricKey } from "../domain/metrics";
import { computeIndicators } from "../domain/indicators";
import { YEAR_TO_DATE_METRICS } from "../domain/period";
import { MIN_HISTORY, MIN_PEERS, OUTLIER_THRESHOLD, peerOutliers, scoreAgainstSeries, type Score } from "../domain/outliers";
import { countedReport } from "../figures/counted";
import { periodSchema } from "../figures/period-schema";
import { ServiceError, MSG } from "../figures/errors";
import { figuresOf, type Actor, type UnitRef } from "../figures/service";
import { assertCan, scopeUnit } from "../auth/scope";
import { audit } from "../audit/audit";
import { PLAUSIBILITY_SETTING, changePctOf, changePctSchema, parseChangePct } from "./settings";
import type { ScopedUnit } from "../auth/scope";

/** The coverage rates compared (size-free, so comparable between communes). */
export { COVERAGE_KEYS };
export type CoverageKey = (typeof COVERAGE_KEYS)[number];

/** How many previous quarters make a commune's own history (3 years). */
export const HISTORY_QUARTERS = 12;

export type QualityBasis = "history" | "peers";

export interface QualityItem {
  unit: { code: string; name: string; type: string };
  key: MetricKey | CoverageKey;
  /** A reported figure (people, VND) or a coverage rate (a fraction). */
  kind: "metric" | "rate";
  basis: QualityBasis;
  /** Year-to-date money compared as the quarter's own amount (value and median are such amounts). */
  quarterOnly: boolean;
  value: number;
  /** The reference: the median of the commune's earlier values, or of the province's communes. */
  median: number;
  /** The modified z-score: positive above the median, negative below. */
  score: number;
  method: Score["method"];
  /** How many values the reference has (earlier quarters, or communes). */
  n: number;
  /** The report's status: only counted reports are read. */
  status: "SUBMITTED" | "APPROVED";
}

export interface QualityView {
  parent: { code: string; name: string; level: UnitLevel };
  year: number;
  quarter: number;
  threshold: number;
  minHistory: number;
  historyQuarters: number;
  minPeers: number;
  /** The city's previous-quarter threshold at entry, in percent (plausibility_change_pct). */
  changePct: number;
  /** Communes in force. */
  communes: number;
  /** Communes whose report for the quarter counts (submitted or approved): the ones checked. */
  reported: number;
  /** Outliers, largest |score| first. */
  items: QualityItem[];
}

// ---------------------------------------------------------------------------------------------
// Scope

/** City staff and city leaders of the province, and the administrator ("quality.view"). */
function assertCanView(actor: Actor, parent: UnitRef) {
  assertCan(actor, "quality.view");
  if (parent.level !== "PROVINCE") {
    throw new ServiceError(422, "Kiểm tra chất lượng số liệu có cho một tỉnh, thành phố (các xã, phường của nó).", [
      { path: "code", message: "Chọn một tỉnh, thành phố." },
    ]);
  }
  assertCan(actor, "quality.view", parent);
}

// ---------------------------------------------------------------------------------------------
// Pure part: the outliers of one province's rows

export interface ReportRow {
  unitId: number;
  code: string;
  name: string;
  type: string;
  year: number;
  quarter: number;
  status: "SUBMITTED" | "APPROVED";
  figures: Figures;
}

const indexOf = (year: number, quarter: number) => year * 4 + (quarter - 1);
const isYtd = (k: MetricKey) => YEAR_TO_DATE_METRICS.includes(k);
const num = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The outliers among counted report rows of one province (any order): the rows of the quarter
 * against the earlier rows of the same commune, and against each other on the coverage rates.
 */
export function findOutliers(rows: readonly ReportRow[], year: number, quarter: number): { reported: number; items: QualityItem[] } {
  const current = indexOf(year, quarter);
  const byUnit = new Map<number, Map<number, ReportRow>>();
  for (const r of rows) {
    let m = byUnit.get(r.unitId);
    if (!m) byUnit.set(r.unitId, (m = new Map()));
    m.set(indexOf(r.year, r.quarter), r);
  }

  /** A metric's value in a period: year-to-date money as the quarter's own amount. */
  const metricAt = (periods: Map<number, ReportRow>, i: number, k: MetricKey): number | null => {
    const r = periods.get(i);
    const v = num(r?.figures[k]);
    if (!r || v === null || !isYtd(k) || r.quarter === 1) return v;
    const before = num(periods.get(i - 1)?.figures[k]);
    return before === null ? null : v - before;
  };

  const items: QualityItem[] = [];
  const peerValues = new Map<CoverageKey, { key: ReportRow; value: number | null }[]>(COVERAGE_KEYS.map((k) => [k, []]));
  const item = (r: ReportRow, key: MetricKey | CoverageKey, kind: QualityItem["kind"], basis: QualityBasis, value: number, s: Score): QualityItem => ({
    unit: { code: r.code, name: r.name, type: r.type },
    key,
    kind,
    basis,
    quarterOnly: kind === "metric" && isYtd(key as MetricKey),
    value,
    median: s.median,
    score: s.score,
    method: s.method,
    n: s.n,
    status: r.status,
  });

  let reported = 0;
  for (const periods of byUnit.values()) {
    const now = periods.get(current);
    if (!now) continue;
    reported++;
    const earlier = Array.from({ length: HISTORY_QUARTERS }, (_, j) => current - HISTORY_QUARTERS + j);

    for (const k of METRIC_KEYS) {
      const value = metricAt(periods, current, k);
      if (value === null) continue;
      const history = earlier.map((i) => metricAt(periods, i, k)).filter((v): v is number => v !== null);
      const s = scoreAgainstSeries(value, history);
      if (s?.outlier) items.push(item(now, k, "metric", "history", value, s));
    }

    const rates = computeIndicators(now.figures);
    const earlierRates = earlier
      .map((i) => periods.get(i))
      .filter((r): r is ReportRow => !!r)
      .map((r) => computeIndicators(r.figures));
    for (const k of COVERAGE_KEYS) {
      const value = rates[k];
      peerValues.get(k)!.push({ key: now, value });
      if (value === null) continue;
      const s = scoreAgainstSeries(
        value,
        earlierRates.map((x) => x[k]).filter((v): v is number => v !== null),
      );
      if (s?.outlier) items.push(item(now, k, "rate", "history", value, s));
    }
  }

  for (const k of COVERAGE_KEYS) {
    for (const p of peerOutliers(peerValues.get(k)!)) items.push(item(p.key, k, "rate", "peers", p.value, p));
  }

  const order = new Map<string, number>([...METRIC_KEYS, ...COVERAGE_KEYS].map((k, i) => [k, i]));
  items.sort(
    (a, b) =>
      Math.abs(b.score) - Math.abs(a.score) ||
      compareVi(a.unit.name, b.unit.name) ||
      a.unit.code.localeCompare(b.unit.code) ||
      order.get(a.key)! - order.get(b.key)! ||
      a.basis.localeCompare(b.basis),
  );
  return { reported, items };
}

// ---------------------------------------------------------------------------------------------
// Reading

const COLUMNS = figureColumns("r");

/** The province's counted commune reports from HISTORY_QUARTERS (+1, for year-to-date amounts) before the quarter to it. */
async function reportRows(prisma: PrismaClient, tenantId: number, year: number, quarter: number): Promise<ReportRow[]> {
  const to = indexOf(year, quarter);
  const from = to - HISTORY_QUARTERS - 1;
  const rows = await rawRead<Record<string, unknown>>(
    prisma,
    `SELECT r.unit_id, u.code, u.name, u.type::text AS type, r.year, r.quarter, r.status::text AS status, ${COLUMNS}
     FROM quarter_reports r
     JOIN units u ON u.id = r.unit_id AND u.level = 'COMMUNE' AND u.valid_to IS NULL
     WHERE r.tenant_id = $1::int AND ${countedReport("r")}
       AND r.year BETWEEN $2::int AND $3::int
       AND r.year * 4 + r.quarter - 1 BETWEEN $4::int AND $5::int`,
    [tenantId, Math.floor(from / 4), year, from, to],
  );
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    code: String(r.code),
    name: String(r.name),
    type: String(r.type),
    year: Number(r.year),
    quarter: Number(r.quarter),
    status: r.status as ReportRow["status"],
    figures: figuresOf(r as Partial<Record<MetricKey, number | null>>),
  }));
}

/** The outliers of a city's communes for a quarter (403 outside scope, 422 not a city or a bad period). */
export async function quality(prisma: PrismaClient, actor: Actor, parent: ScopedUnit, year: unknown, quarter: unknown): Promise<QualityView> {
  assertCanView(actor, parent);
  const p = periodSchema.safeParse({ year, quarter });
  if (!p.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      p.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const { year: y, quarter: q } = p.data;
  const [rows, communes, changePct] = await Promise.all([
    reportRows(prisma, parent.id, y, q),
    prisma.unit.count({ where: { tenantId: parent.id, level: "COMMUNE", validTo: null } }),
    changePctOf(prisma, parent.id),
  ]);
  const { reported, items } = findOutliers(rows, y, q);
  return {
    parent: { code: parent.code, name: parent.name, level: parent.level },
    year: y,
    quarter: q,
    threshold: OUTLIER_THRESHOLD,
    minHistory: MIN_HISTORY,
    historyQuarters: HISTORY_QUARTERS,
    minPeers: MIN_PEERS,
    changePct,
    communes,
    reported,
    items,
  };
}

// ---------------------------------------------------------------------------------------------
// The city's threshold of the previous-quarter check

export interface SetChangePctResult {
  tenant: { code: string; name: string };
  pct: number;
  previous: number | null;
  changed: boolean;
}

/** City staff set their city's threshold (5–100 %); the administrator any province's. Audited. */
export async function setChangePct(prisma: PrismaClient, actor: Actor, tenantCode: string, pct: unknown): Promise<SetChangePctResult> {
  assertCan(actor, "city.settings");
  const unit = await scopeUnit(prisma, actor, tenantCode);
  if (unit.level !== "PROVINCE") {
    throw new ServiceError(422, "Ngưỡng kiểm tra biến động được đặt cho một tỉnh, thành phố.", [{ path: "code", message: "Chọn một tỉnh, thành phố." }]);
  }
  assertCan(actor, "city.settings", unit);
  const r = changePctSchema.safeParse(pct);
  if (!r.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      r.error.issues.map((i) => ({ path: "pct", message: i.message })),
    );
  const value = String(r.data);
  const key = { tenantId_key: { tenantId: unit.id, key: PLAUSIBILITY_SETTING } };
  return prisma.$transaction(async (tx) => {
    const old = await tx.tenantSetting.findUnique({ where: key });
    const previous = old ? parseChangePct(old.value) : null;
    const result = { tenant: { code: unit.code, name: unit.name }, pct: r.data, previous };
    if (old?.value === value) return { ...result, changed: false };
    await tx.tenantSetting.upsert({ where: key, create: { tenantId: unit.id, key: PLAUSIBILITY_SETTING, value }, update: { value } });
    await audit(tx, [
      {
        tenantId: unit.id,
        unitId: unit.id,
        actorId: actor.id,
        entity: "setting",
        entityId: `${unit.code}:${PLAUSIBILITY_SETTING}`,
        field: PLAUSIBILITY_SETTING,
        oldValue: old?.value ?? null,
        newValue: value,
      },
    ]);
    return { ...result, changed: true };
  });
}
