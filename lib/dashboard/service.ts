// The dashboard of a parent unit: one row per child (every commune of a city, or every province of
// the nation) for a period: figures, indicators, targets, the period's milestones, the judgement
// against them, path to 2030; the parent's totals on top. A handful of set-based queries whatever
// the number of children, the same SQL on PGlite and PostgreSQL.
//
// Current data only (lib/figures/counted.ts): a child's figures are its report of exactly this
// period, submitted or approved. A child without one has not reported: no figures, no status, and
// it is left out of the totals, which say how many children they cover.
import { figureColumns } from "../db/columns";
import type { PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import { byName } from "../collate";
import type { ReportStatus, UnitLevel } from "../generated/prisma/enums";
import { METRIC_KEYS, type IndicatorKey } from "../domain/metrics";
import { computeIndicators, type Status } from "../domain/indicators";
import { judgeTargets, type MilestoneBasis } from "../domain/milestones";
import { scenarioMilestones, scenarioValuesOf } from "../monthly/milestones";
import { actualForTarget, isCountTargetKey, isTargetKey, targetDirectionOf, type TargetKey } from "../domain/targets";
import { isPeriodEnded } from "../domain/period";
import { computePathStatus, isPartialTotal, participantsTarget, pathJudgeable, type PathStatus, type YearValue } from "../domain/path2030";
import { DEFAULT_BANDS, type Bands } from "../domain/ranking";
import { countedReport, countedReportAt } from "../figures/counted";
import type { FigureValues, UnitRef } from "../figures/service";
import { ServiceError, MSG } from "../figures/errors";
import { rankingSettings, type RankingSettings } from "../rankings/settings";
import type { ScopedUnit } from "../auth/scope";

export interface DashboardRow {
  unit: { code: string; name: string; type: string; level: UnitLevel };
  /** Communes: the status of the report of exactly this period (null = not started), draft included. */
  periodStatus: ReportStatus | null;
  /** Communes: whether the period's figures count (a submitted or approved report). */
  hasReport: boolean;
  /** Provinces and totals: children with a report that counts / children in scope. */
  reported: number | null;
  total: number | null;
  /** A total over part of the children (reported < total): its counts are not judged. */
  partial: boolean;
  /** The quarter whose figures are shown: the period's, or null (not reported). */
  figuresQuarter: number | null;
  figures: FigureValues | null;
  indicators: Record<IndicatorKey, number | null>;
  targets: Record<string, number>;
  /** The period's milestone of each target (lib/domain/milestones.ts). */
  expected: Record<string, number | null>;
  expectedBasis: Record<string, MilestoneBasis | null>;
  /** Attainment of the period's milestone (null for ceilings). */
  attainment: Record<string, number | null>;
  /** Attainment of the year's target ("đạt X% kế hoạch năm"); null for ceilings. */
  yearAttainment: Record<string, number | null>;
  /** Ceilings (late-payment rate): target − actual, in rate units. */
  margins: Record<string, number | null>;
  /** Judged against the milestone, with the tenant's bands. */
  statuses: Record<string, Status>;
  /** Path to the 2030 target of BHXH participants (compulsory + voluntary). */
  path: PathStatus;
}

export interface DashboardData {
  parent: { code: string; name: string; level: UnitLevel };
  year: number;
  quarter: number;
  childLevel: "COMMUNE" | "PROVINCE";
  bands: Bands;
  totals: DashboardRow;
  rows: DashboardRow[];
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLS = METRIC_KEYS.map((k) => `${snake(k)}::float8 AS "${k}"`).join(", ");
/** The summary's columns (migration 20261202230000_summaries) under the metric keys. */
const TOTAL_COLS = METRIC_KEYS.map((k) => `${snake(k)} AS "${k}"`).join(", ");

type Num = number | string | bigint | null;
const num = (v: Num | undefined) => (v === null || v === undefined ? null : Number(v));
const figuresFrom = (r: Record<string, Num>): FigureValues => Object.fromEntries(METRIC_KEYS.map((k) => [k, num(r[k])])) as FigureValues;

export function sumFigures(list: FigureValues[]): FigureValues | null {
  if (list.length === 0) return null;
  const out = {} as FigureValues;
  for (const k of METRIC_KEYS) {
    const vals = list.map((f) => f[k]).filter((v): v is number => v !== null);
    out[k] = vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  }
  return out;
}

export interface RowInput {
  unit: DashboardRow["unit"];
  figures: FigureValues | null;
  /** The unit's counted figures at the end of the previous year (milestone baselines). */
  baseline: FigureValues | null;
  targets: Record<string, number>;
  targets2030: Record<string, number>;
  overrides: Record<string, number>;
  /** The saved monthly scenario's values at the quarter-end month (lib/monthly/milestones.ts); they win over overrides. */
  scenario?: Record<string, number>;
  history: YearValue[];
  year: number;
  quarter: number;
  bands: Bands;
  extra: Pick<DashboardRow, "periodStatus" | "hasReport" | "reported" | "total" | "figuresQuarter">;
  /** Only these targets judged (the others left out): another period's row for a ranking's change column. */
  judge?: ReadonlySet<string>;
}

/** One row: indicators, milestones and the judgement of every target (shared with the unit page). */
export function buildRow(i: RowInput): DashboardRow {
  const partial = isPartialTotal(i.extra);
  // The revenue plan is the whole unit's: a sum over part of the children is not a share of it.
  const revenuePlan = partial ? null : (i.targets.amountCollected ?? null);
  const indicators = computeIndicators(i.figures ?? {}, { revenuePlan });
  const baselineIndicators = i.baseline ? computeIndicators(i.baseline, { revenuePlan }) : null;
  const known = Object.fromEntries(Object.entries(i.targets).filter(([k]) => isTargetKey(k)));
  const j = judgeTargets({
    targets: known,
    quarter: i.quarter,
    actualOf: (k) => (i.figures ? actualForTarget(k as TargetKey, i.figures, indicators) : null),
    baselineOf: (k) => (i.baseline ? actualForTarget(k as TargetKey, i.baseline, baselineIndicators) : null),
    overrides: i.overrides,
    scenario: i.scenario,
    directionOf: (k) => targetDirectionOf(k as TargetKey),
    bands: i.bands,
    // A sum over part of the children is not compared with a milestone meant for all of them.
    skip: (k) => partial && isCountTargetKey(k),
    only: i.judge && ((k) => i.judge!.has(k)),
  });
  return {
    unit: i.unit,
    // Written out rather than spread: V8's slow path for a spread followed by more fields (issue 16).
    periodStatus: i.extra.periodStatus,
    hasReport: i.extra.hasReport,
    reported: i.extra.reported,
    total: i.extra.total,
    figuresQuarter: i.extra.figuresQuarter,
    partial,
    figures: i.figures,
    indicators,
    targets: i.targets,
    expected: j.expected,
    expectedBasis: j.basis,
    attainment: j.attainment,
    yearAttainment: j.yearAttainment,
    margins: j.margins,
    statuses: j.statuses,
    // The path to 2030 is judged only on a unit's own current report: a unit that has not reported
    // is not coloured on older figures, and a sum over part of the children is not the whole's path.
    path: computePathStatus(pathJudgeable(i.extra) ? i.history : [], participantsTarget(i.targets2030), i.year),
  };
}

function groupTargets(rows: { unit_id: number; year: number; key: string; value: number }[], year: number) {
  const now = new Map<number, Record<string, number>>();
  const y2030 = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const m = Number(r.year) === year ? now : y2030;
    const id = Number(r.unit_id);
    const t = m.get(id) ?? {};
    t[r.key] = Number(r.value);
    m.set(id, t);
    if (Number(r.year) === year && year === 2030) y2030.set(id, t);
  }
  return { now, y2030 };
}

function groupOverrides(rows: { unit_id: number; key: string; value: number }[]) {
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const m = out.get(Number(r.unit_id)) ?? {};
    m[r.key] = Number(r.value);
    out.set(Number(r.unit_id), m);
  }
  return out;
}

/** Refuses a quarter that has not ended: it is neither ranked nor judged (422 on `quarter`). */
export function assertPeriodEnded(year: number, quarter: number, now: Date = new Date()) {
  if (!isPeriodEnded({ year, quarter }, now)) {
    const message = MSG.periodNotEnded(year, quarter);
    throw new ServiceError(422, message, [{ path: "quarter", message }]);
  }
}

/**
 * A city's communes or the nation's provinces for a period, judged. `path: false` leaves out the path
 * to 2030 (every row's path "unknown"): another period's figures, for the rankings' change columns.
 * `settings`: the city's ranking settings when the caller has them already (rankings read three periods).
 * `judge`: only these targets judged (the others left out), when only they are read (another period's change columns).
 */
export async function dashboard(
  prisma: PrismaClient,
  parent: ScopedUnit,
  year: number,
  quarter: number,
  now: Date = new Date(),
  { path = true, settings, judge }: { path?: boolean; settings?: Promise<RankingSettings>; judge?: readonly string[] } = {},
): Promise<DashboardData> {
  if (parent.level !== "PROVINCE" && parent.level !== "NATION") {
    throw new ServiceError(422, "Bảng theo dõi chỉ có cho thành phố, tỉnh (các xã) và cả nước (các tỉnh).", [
      { path: "code", message: "Chọn một tỉnh, thành phố hoặc cả nước." },
    ]);
  }
  assertPeriodEnded(year, quarter, now);
  const only = judge ? new Set(judge) : undefined;
  return parent.level === "PROVINCE"
    ? communeDashboard(prisma, parent, year, quarter, path, settings, only)
    : provinceDashboard(prisma, parent, year, quarter, path, only);
}

/** Prefixed figure columns of a report alias (`r` → "r_labourForce", …). */
const colsOf = figureColumns;
const PREFIXED: Record<string, readonly string[]> = { r_: METRIC_KEYS.map((k) => `r_${k}`), b_: METRIC_KEYS.map((k) => `b_${k}`) };
/** The figures of prefixed columns (names built once: a key concatenated per read was 3 ms of a rankings page). */
function figuresWith(r: Record<string, unknown>, prefix: "r_" | "b_"): FigureValues {
  const names = PREFIXED[prefix];
  const out = {} as FigureValues;
  for (let i = 0; i < METRIC_KEYS.length; i++) out[METRIC_KEYS[i]] = num(r[names[i]] as Num);
  return out;
}

/** A json column as the driver gives it: parsed already (pg) or as text. */
function json<T>(v: unknown): T | null {
  if (v === null || v === undefined) return null;
  return (typeof v === "string" ? JSON.parse(v) : v) as T;
}

type CommuneDashboardRow = Record<string, unknown> & {
  id: number;
  code: string;
  name: string;
  type: string;
  is_parent: boolean;
  status: ReportStatus | null;
  counted: boolean | null;
  has_baseline: boolean | null;
  targets: Record<string, number> | null;
  targets2030: Record<string, number> | null;
  overrides: Record<string, number> | null;
  history: [number, number][] | null;
  scenario: unknown;
};

/**
 * Everything a city's dashboard reads, in one statement: per commune (and the city itself, last) its
 * report of exactly this period (any state, with whether it counts), its counted figures at the end of
 * the previous year (milestone baselines; for the city: its period totals), its targets of the year
 * and of 2030, city staff's milestone overrides, its saved monthly scenario of the year, and its path
 * to 2030 as of the period (for the city: the sum the database keeps per province, retired communes'
 * years included). The targets and the paths are summaries the database keeps current
 * (migration 20261204120000_dashboard_summaries): one row each per commune, looked up by key, instead
 * of aggregating thousands of target and yearly rows at every read; each a subquery of the select
 * list, so the planner weighs three relations, not eight (its planning was a fifth of the statement).
 */
const communeDashboardSql = (path: boolean) => `
SELECT u.id, u.code, u.name, u.type::text AS type, (u.id = $1::int) AS is_parent,
       r.status::text AS status, (${countedReport("r")}) AS counted, ${colsOf("r", "r_")},
       (b.year IS NOT NULL) AS has_baseline, ${colsOf("b", "b_")},
       (SELECT t.targets FROM unit_targets t WHERE t.unit_id = u.id AND t.year = $2::int) AS targets,
       (SELECT t.targets FROM unit_targets t WHERE t.unit_id = u.id AND t.year = 2030) AS targets2030,
       (SELECT json_object_agg(m.key, m.value) FROM milestones m WHERE m.unit_id = u.id AND m.year = $2::int AND m.quarter = $3::int) AS overrides,
       (SELECT sc.months FROM scenarios sc WHERE sc.unit_id = u.id AND sc.year = $2::int) AS scenario,
       ${
         path
           ? `CASE WHEN u.id = $1::int
         THEN (SELECT h.history FROM tenant_year_progress h WHERE h.tenant_id = $1::int AND h.year = $2::int AND h.quarter = $3::int)
         ELSE (SELECT h.history FROM year_progress h WHERE h.unit_id = u.id AND h.year = $2::int AND h.quarter = $3::int) END`
           : "NULL"
       } AS history
FROM units u
LEFT JOIN quarter_reports r ON u.id <> $1::int AND r.unit_id = u.id AND r.kind = 'ACTUAL' AND r.year = $2::int AND r.quarter = $3::int
LEFT JOIN LATERAL (
  SELECT b.year, ${METRIC_KEYS.map((k) => `b.${snake(k)}`).join(", ")} FROM quarter_reports b
  WHERE u.id <> $1::int AND b.unit_id = u.id AND ${countedReportAt("b", "$2::int - 1", "4")}
  UNION ALL
  SELECT p.year, ${METRIC_KEYS.map((k) => `p.${snake(k)}`).join(", ")} FROM period_totals p
  WHERE u.id = $1::int AND p.tenant_id = $1::int AND p.year = $2::int - 1 AND p.quarter = 4
) b ON true
WHERE (u.parent_id = $1::int AND u.level = 'COMMUNE' AND u.valid_to IS NULL) OR u.id = $1::int`;
/** With the path to 2030 (a dashboard), and without (another period's figures for a rankings' change columns). */
const COMMUNE_DASHBOARD_SQL = { path: communeDashboardSql(true), figures: communeDashboardSql(false) };

async function communeDashboard(
  prisma: PrismaClient,
  parent: UnitRef,
  year: number,
  quarter: number,
  path: boolean,
  settingsRead?: Promise<RankingSettings>,
  judge?: ReadonlySet<string>,
): Promise<DashboardData> {
  const tenant = parent.id;
  const [all, settings] = await Promise.all([
    rawRead<CommuneDashboardRow>(prisma, path ? COMMUNE_DASHBOARD_SQL.path : COMMUNE_DASHBOARD_SQL.figures, [tenant, year, quarter]),
    settingsRead ?? rankingSettings(prisma, tenant),
  ]);
  // The saved monthly scenarios' quarter-end values (lib/monthly/milestones.ts), read in the same statement.
  const scenarioOf = (r: CommuneDashboardRow | undefined) => (r?.scenario == null ? undefined : scenarioValuesOf(json(r.scenario), quarter));
  const own = all.find((r) => r.is_parent);
  const children = all.filter((r) => !r.is_parent).sort(byName);
  const historyOf = (r: CommuneDashboardRow | undefined): YearValue[] =>
    (json<[number, number][]>(r?.history) ?? []).map(([y, v]) => ({ year: Number(y), value: Number(v) }));
  const bands = settings.bands;
  const rows = children.map((c) => {
    const counted = c.counted === true;
    return buildRow({
      unit: { code: c.code, name: c.name, type: c.type, level: "COMMUNE" },
      figures: counted ? figuresWith(c, "r_") : null,
      baseline: c.has_baseline ? figuresWith(c, "b_") : null,
      targets: json(c.targets) ?? {},
      targets2030: json(c.targets2030) ?? {},
      overrides: json(c.overrides) ?? {},
      scenario: scenarioOf(c),
      history: historyOf(c),
      year,
      quarter,
      bands,
      judge,
      extra: { periodStatus: c.status ?? null, hasReport: counted, reported: null, total: null, figuresQuarter: counted ? quarter : null },
    });
  });
  const reportedRows = rows.filter((r) => r.hasReport);
  const totals = buildRow({
    unit: { code: parent.code, name: parent.name, type: "", level: parent.level },
    figures: sumFigures(reportedRows.map((r) => r.figures!)),
    baseline: own?.has_baseline ? figuresWith(own, "b_") : null,
    targets: json(own?.targets) ?? {},
    targets2030: json(own?.targets2030) ?? {},
    overrides: json(own?.overrides) ?? {},
    scenario: scenarioOf(own),
    history: historyOf(own),
    year,
    quarter,
    bands,
    judge,
    extra: {
      periodStatus: null,
      hasReport: reportedRows.length > 0,
      reported: reportedRows.length,
      total: children.length,
      figuresQuarter: reportedRows.length ? quarter : null,
    },
  });
  return { parent: { code: parent.code, name: parent.name, level: parent.level }, year, quarter, childLevel: "COMMUNE", bands, totals, rows };
}

async function provinceDashboard(
  prisma: PrismaClient,
  parent: UnitRef,
  year: number,
  quarter: number,
  path: boolean,
  judge?: ReadonlySet<string>,
): Promise<DashboardData> {
  const [provinces, sums, baselines, counts, targets, overrides, history, scenarioBy] = await Promise.all([
    rawRead<{ id: number; code: string; name: string; type: string }>(
      prisma,
      `SELECT id, code, name, type::text AS type FROM units WHERE parent_id = $1::int AND level = 'PROVINCE' AND valid_to IS NULL ORDER BY code`,
      [parent.id],
    ),
    // The provinces' sums of the period and of the previous year end: the summary kept current by the database.
    rawRead<Record<string, Num>>(prisma, `SELECT tenant_id, ${TOTAL_COLS} FROM period_totals WHERE year = $1::int AND quarter = $2::int`, [year, quarter]),
    rawRead<Record<string, Num>>(prisma, `SELECT tenant_id, ${TOTAL_COLS} FROM period_totals WHERE year = $1::int - 1 AND quarter = 4`, [year]),
    rawRead<{ tenant_id: number; total: number; reported: number }>(
      prisma,
      `SELECT u.tenant_id, count(*)::int AS total, count(r.id)::int AS reported
       FROM units u
       LEFT JOIN quarter_reports r ON r.unit_id = u.id AND ${countedReportAt("r", "$1::int", "$2::int")}
       WHERE u.level = 'COMMUNE' AND u.valid_to IS NULL
       GROUP BY u.tenant_id`,
      [year, quarter],
    ),
    rawRead<{ unit_id: number; year: number; key: string; value: number }>(
      prisma,
      `SELECT t.unit_id, t.year, t.key, t.value FROM targets t JOIN units u ON u.id = t.unit_id
       WHERE u.level IN ('PROVINCE', 'NATION') AND t.year IN ($1::int, 2030)`,
      [year],
    ),
    rawRead<{ unit_id: number; key: string; value: number }>(
      prisma,
      `SELECT m.unit_id, m.key, m.value FROM milestones m JOIN units u ON u.id = m.unit_id
       WHERE u.level IN ('PROVINCE', 'NATION') AND m.year = $1::int AND m.quarter = $2::int`,
      [year, quarter],
    ),
    path
      ? rawRead<{ tenant_id: number; year: number; v: number | null }>(
          prisma,
          `SELECT tenant_id, year, participants AS v FROM tenant_year_progress
           WHERE (year < $1::int AND quarter = 4) OR (year = $1::int AND quarter = $2::int)`,
          [year, quarter],
        )
      : [],
    scenarioMilestones(prisma, year, quarter, { levels: ["PROVINCE", "NATION"] }),
  ]);
  const sumBy = new Map(sums.map((r) => [Number(r.tenant_id), figuresFrom(r)]));
  const baselineBy = new Map(baselines.map((r) => [Number(r.tenant_id), figuresFrom(r)]));
  const countBy = new Map(counts.map((r) => [Number(r.tenant_id), r]));
  const { now, y2030 } = groupTargets(targets, year);
  const overrideBy = groupOverrides(overrides);
  const historyBy = new Map<number, YearValue[]>();
  const totalHistory = new Map<number, number>();
  for (const h of history) {
    if (h.v === null) continue;
    const id = Number(h.tenant_id);
    historyBy.set(id, [...(historyBy.get(id) ?? []), { year: Number(h.year), value: Number(h.v) }]);
    totalHistory.set(Number(h.year), (totalHistory.get(Number(h.year)) ?? 0) + Number(h.v));
  }
  // Provinces are judged with the default bands (each city's own bands apply to its communes).
  const bands = DEFAULT_BANDS;
  const rows = provinces.map((p) => {
    const id = Number(p.id);
    const c = countBy.get(id);
    const reported = c ? Number(c.reported) : 0;
    return buildRow({
      unit: { code: p.code, name: p.name, type: p.type, level: "PROVINCE" },
      figures: reported > 0 ? (sumBy.get(id) ?? null) : null,
      baseline: baselineBy.get(id) ?? null,
      targets: now.get(id) ?? {},
      targets2030: y2030.get(id) ?? {},
      overrides: overrideBy.get(id) ?? {},
      scenario: scenarioBy.get(id),
      history: historyBy.get(id) ?? [],
      year,
      quarter,
      bands,
      judge,
      extra: { periodStatus: null, hasReport: reported > 0, reported, total: c ? Number(c.total) : 0, figuresQuarter: reported > 0 ? quarter : null },
    });
  });
  const reported = rows.reduce((a, r) => a + (r.reported ?? 0), 0);
  // The nation's own targets only (Resolution 403, seed 003): a sum of some provinces' targets is not the nation's.
  const totals = buildRow({
    unit: { code: parent.code, name: parent.name, type: "", level: parent.level },
    figures: sumFigures(rows.flatMap((r) => (r.figures ? [r.figures] : []))),
    baseline: sumFigures([...baselineBy.values()]),
    targets: now.get(parent.id) ?? {},
    targets2030: y2030.get(parent.id) ?? {},
    overrides: overrideBy.get(parent.id) ?? {},
    scenario: scenarioBy.get(parent.id),
    history: [...totalHistory.entries()].map(([y, v]) => ({ year: y, value: v })),
    year,
    quarter,
    bands,
    judge,
    extra: {
      periodStatus: null,
      hasReport: reported > 0,
      reported,
      total: rows.reduce((a, r) => a + (r.total ?? 0), 0),
      figuresQuarter: reported > 0 ? quarter : null,
    },
  });
  return { parent: { code: parent.code, name: parent.name, level: parent.level }, year, quarter, childLevel: "PROVINCE", bands, totals, rows };
}
