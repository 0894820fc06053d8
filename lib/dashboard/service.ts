// The dashboard of a parent unit: one row per child (every commune of a city, or every province of
// the nation) for a period: figures, indicators, targets, attainment, status, path to 2030; the
// parent's totals on top. A handful of set-based queries whatever the number of children (a city
// of 168 communes, or 34 provinces over 3,321 communes), the same SQL on PGlite and PostgreSQL.
import type { PrismaClient } from "../generated/prisma/client";
import type { ReportStatus, UnitLevel } from "../generated/prisma/enums";
import { METRIC_KEYS, type IndicatorKey, type MetricKey } from "../domain/metrics";
import { INDICATOR_KEYS } from "../domain/metrics";
import { attainment, computeIndicators, statusOf, type Status } from "../domain/indicators";
import { computePathStatus, type PathStatus, type YearValue } from "../domain/path2030";
import { directionOf, type FigureValues, type UnitRef } from "../figures/service";
import { ServiceError } from "../figures/errors";

export interface DashboardRow {
  unit: { code: string; name: string; type: string; level: UnitLevel };
  /** Communes: the status of the report of exactly this period (null = not started). */
  periodStatus: ReportStatus | null;
  /** Provinces: communes that reported exactly this period / communes in the province. */
  reported: number | null;
  total: number | null;
  /** The quarter whose figures are shown (the latest submitted one of the year up to the period). */
  figuresQuarter: number | null;
  figures: FigureValues | null;
  indicators: Record<IndicatorKey, number | null>;
  targets: Record<string, number>;
  attainment: Record<string, number | null>;
  statuses: Record<string, Status>;
  /** Path to the 2030 target of BHXH participants (compulsory + voluntary). */
  path: PathStatus;
}

export interface DashboardData {
  parent: { code: string; name: string; level: UnitLevel };
  year: number;
  quarter: number;
  childLevel: "COMMUNE" | "PROVINCE";
  totals: DashboardRow;
  rows: DashboardRow[];
}

const SUBMITTED = `('SUBMITTED', 'APPROVED')`;
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLS = METRIC_KEYS.map((k) => `${snake(k)}::float8 AS "${k}"`).join(", ");
const SUMS = METRIC_KEYS.map((k) => `sum("${k}")::float8 AS "${k}"`).join(", ");

type Num = number | string | bigint | null;
const num = (v: Num | undefined) => (v === null || v === undefined ? null : Number(v));
const figuresFrom = (r: Record<string, Num>): FigureValues => Object.fromEntries(METRIC_KEYS.map((k) => [k, num(r[k])])) as FigureValues;

function sumFigures(list: FigureValues[]): FigureValues | null {
  if (list.length === 0) return null;
  const out = {} as FigureValues;
  for (const k of METRIC_KEYS) {
    const vals = list.map((f) => f[k]).filter((v): v is number => v !== null);
    out[k] = vals.length ? vals.reduce((a, b) => a + b, 0) : null;
  }
  return out;
}

function participantsTarget2030(t: Record<string, number>): number | null {
  const c = t.bhxhCompulsory;
  const v = t.bhxhVoluntary;
  return c === undefined && v === undefined ? null : (c ?? 0) + (v ?? 0);
}

function buildRow(
  unit: DashboardRow["unit"],
  figures: FigureValues | null,
  targets: Record<string, number>,
  targets2030: Record<string, number>,
  history: YearValue[],
  year: number,
  extra: Pick<DashboardRow, "periodStatus" | "reported" | "total" | "figuresQuarter">,
): DashboardRow {
  const indicators = computeIndicators(figures ?? {}, { revenuePlan: targets.amountCollected ?? null });
  const att: Record<string, number | null> = {};
  const statuses: Record<string, Status> = {};
  for (const key of Object.keys(targets)) {
    const actual = (INDICATOR_KEYS as readonly string[]).includes(key) ? indicators[key as IndicatorKey] : (figures?.[key as MetricKey] ?? null);
    att[key] = attainment(actual, targets[key], directionOf(key));
    statuses[key] = statusOf(att[key]);
  }
  return {
    unit,
    ...extra,
    figures,
    indicators,
    targets,
    attainment: att,
    statuses,
    path: computePathStatus(history, participantsTarget2030(targets2030), year),
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

export async function dashboard(prisma: PrismaClient, parent: UnitRef, year: number, quarter: number): Promise<DashboardData> {
  if (parent.level === "PROVINCE") return communeDashboard(prisma, parent, year, quarter);
  if (parent.level === "NATION") return provinceDashboard(prisma, parent, year, quarter);
  throw new ServiceError(422, "Bảng theo dõi chỉ có cho thành phố, tỉnh (các xã) và cả nước (các tỉnh).", [{ path: "code", message: "Chọn một tỉnh, thành phố hoặc cả nước." }]);
}

async function communeDashboard(prisma: PrismaClient, parent: UnitRef, year: number, quarter: number): Promise<DashboardData> {
  const tenant = parent.id;
  const [children, latest, statuses, targets, history] = await Promise.all([
    prisma.$queryRawUnsafe<{ id: number; code: string; name: string; type: string }[]>(
      `SELECT id, code, name, type::text AS type FROM units WHERE parent_id = $1::int AND level = 'COMMUNE' AND valid_to IS NULL ORDER BY name`,
      tenant,
    ),
    prisma.$queryRawUnsafe<Record<string, Num>[]>(
      `SELECT DISTINCT ON (unit_id) unit_id, quarter, ${COLS}
       FROM quarter_reports
       WHERE tenant_id = $1::int AND kind = 'ACTUAL' AND year = $2::int AND quarter <= $3::int AND status IN ${SUBMITTED}
       ORDER BY unit_id, quarter DESC`,
      tenant,
      year,
      quarter,
    ),
    prisma.$queryRawUnsafe<{ unit_id: number; status: ReportStatus }[]>(
      `SELECT unit_id, status::text AS status FROM quarter_reports
       WHERE tenant_id = $1::int AND kind = 'ACTUAL' AND year = $2::int AND quarter = $3::int`,
      tenant,
      year,
      quarter,
    ),
    prisma.$queryRawUnsafe<{ unit_id: number; year: number; key: string; value: number }[]>(
      `SELECT unit_id, year, key, value FROM targets WHERE tenant_id = $1::int AND year IN ($2::int, 2030)`,
      tenant,
      year,
    ),
    prisma.$queryRawUnsafe<{ unit_id: number; year: number; v: number | null }[]>(
      `SELECT DISTINCT ON (unit_id, year) unit_id, year, (bhxh_compulsory + bhxh_voluntary)::float8 AS v
       FROM quarter_reports
       WHERE tenant_id = $1::int AND kind = 'ACTUAL' AND status IN ${SUBMITTED}
         AND (year < $2::int OR (year = $2::int AND quarter <= $3::int))
       ORDER BY unit_id, year, quarter DESC`,
      tenant,
      year,
      quarter,
    ),
  ]);
  const latestBy = new Map(latest.map((r) => [Number(r.unit_id), r]));
  const statusBy = new Map(statuses.map((r) => [Number(r.unit_id), r.status]));
  const { now, y2030 } = groupTargets(targets, year);
  const historyBy = new Map<number, YearValue[]>();
  const totalHistory = new Map<number, number>();
  for (const h of history) {
    if (h.v === null) continue;
    const id = Number(h.unit_id);
    const list = historyBy.get(id) ?? [];
    list.push({ year: Number(h.year), value: Number(h.v) });
    historyBy.set(id, list);
    totalHistory.set(Number(h.year), (totalHistory.get(Number(h.year)) ?? 0) + Number(h.v));
  }
  const rows = children.map((c) => {
    const l = latestBy.get(Number(c.id));
    return buildRow(
      { code: c.code, name: c.name, type: c.type, level: "COMMUNE" },
      l ? figuresFrom(l) : null,
      now.get(Number(c.id)) ?? {},
      y2030.get(Number(c.id)) ?? {},
      historyBy.get(Number(c.id)) ?? [],
      year,
      { periodStatus: statusBy.get(Number(c.id)) ?? null, reported: null, total: null, figuresQuarter: l ? Number(l.quarter) : null },
    );
  });
  const reported = statuses.filter((s) => s.status === "SUBMITTED" || s.status === "APPROVED").length;
  const totals = buildRow(
    { code: parent.code, name: parent.name, type: "", level: parent.level },
    sumFigures(rows.flatMap((r) => (r.figures ? [r.figures] : []))),
    now.get(parent.id) ?? {},
    y2030.get(parent.id) ?? {},
    [...totalHistory.entries()].map(([y, v]) => ({ year: y, value: v })),
    year,
    { periodStatus: null, reported, total: children.length, figuresQuarter: null },
  );
  return { parent: { code: parent.code, name: parent.name, level: parent.level }, year, quarter, childLevel: "COMMUNE", totals, rows };
}

async function provinceDashboard(prisma: PrismaClient, parent: UnitRef, year: number, quarter: number): Promise<DashboardData> {
  const [provinces, sums, counts, targets, history] = await Promise.all([
    prisma.$queryRawUnsafe<{ id: number; code: string; name: string; type: string }[]>(
      `SELECT id, code, name, type::text AS type FROM units WHERE parent_id = $1::int AND level = 'PROVINCE' AND valid_to IS NULL ORDER BY code`,
      parent.id,
    ),
    prisma.$queryRawUnsafe<Record<string, Num>[]>(
      `WITH latest AS (
         SELECT DISTINCT ON (unit_id) tenant_id, ${COLS}
         FROM quarter_reports
         WHERE kind = 'ACTUAL' AND year = $1::int AND quarter <= $2::int AND status IN ${SUBMITTED}
         ORDER BY unit_id, quarter DESC
       )
       SELECT tenant_id, ${SUMS} FROM latest GROUP BY tenant_id`,
      year,
      quarter,
    ),
    prisma.$queryRawUnsafe<{ tenant_id: number; total: number; reported: number }[]>(
      `SELECT u.tenant_id, count(*)::int AS total,
              count(r.id) FILTER (WHERE r.status IN ${SUBMITTED})::int AS reported
       FROM units u
       LEFT JOIN quarter_reports r ON r.unit_id = u.id AND r.kind = 'ACTUAL' AND r.year = $1::int AND r.quarter = $2::int
       WHERE u.level = 'COMMUNE' AND u.valid_to IS NULL
       GROUP BY u.tenant_id`,
      year,
      quarter,
    ),
    prisma.$queryRawUnsafe<{ unit_id: number; year: number; key: string; value: number }[]>(
      `SELECT t.unit_id, t.year, t.key, t.value FROM targets t JOIN units u ON u.id = t.unit_id
       WHERE u.level IN ('PROVINCE', 'NATION') AND t.year IN ($1::int, 2030)`,
      year,
    ),
    prisma.$queryRawUnsafe<{ tenant_id: number; year: number; v: number | null }[]>(
      `WITH yearly AS (
         SELECT DISTINCT ON (unit_id, year) tenant_id, year, (bhxh_compulsory + bhxh_voluntary) AS v
         FROM quarter_reports
         WHERE kind = 'ACTUAL' AND status IN ${SUBMITTED} AND (year < $1::int OR (year = $1::int AND quarter <= $2::int))
         ORDER BY unit_id, year, quarter DESC
       )
       SELECT tenant_id, year, sum(v)::float8 AS v FROM yearly GROUP BY tenant_id, year`,
      year,
      quarter,
    ),
  ]);
  const sumBy = new Map(sums.map((r) => [Number(r.tenant_id), r]));
  const countBy = new Map(counts.map((r) => [Number(r.tenant_id), r]));
  const { now, y2030 } = groupTargets(targets, year);
  const historyBy = new Map<number, YearValue[]>();
  const totalHistory = new Map<number, number>();
  for (const h of history) {
    if (h.v === null) continue;
    const id = Number(h.tenant_id);
    historyBy.set(id, [...(historyBy.get(id) ?? []), { year: Number(h.year), value: Number(h.v) }]);
    totalHistory.set(Number(h.year), (totalHistory.get(Number(h.year)) ?? 0) + Number(h.v));
  }
  const rows = provinces.map((p) => {
    const id = Number(p.id);
    const s = sumBy.get(id);
    const c = countBy.get(id);
    return buildRow(
      { code: p.code, name: p.name, type: p.type, level: "PROVINCE" },
      s ? figuresFrom(s) : null,
      now.get(id) ?? {},
      y2030.get(id) ?? {},
      historyBy.get(id) ?? [],
      year,
      { periodStatus: null, reported: c ? Number(c.reported) : 0, total: c ? Number(c.total) : 0, figuresQuarter: null },
    );
  });
  // The nation's own targets if set; otherwise the sum of the provinces' count targets.
  const sumTargets = (m: Map<number, Record<string, number>>) => {
    const own = m.get(parent.id);
    if (own && Object.keys(own).length) return own;
    const out: Record<string, number> = {};
    for (const p of provinces) for (const [k, v] of Object.entries(m.get(Number(p.id)) ?? {})) if (!k.endsWith("Coverage") && k !== "latePaymentRate") out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const totals = buildRow(
    { code: parent.code, name: parent.name, type: "", level: parent.level },
    sumFigures(rows.flatMap((r) => (r.figures ? [r.figures] : []))),
    sumTargets(now),
    sumTargets(y2030),
    [...totalHistory.entries()].map(([y, v]) => ({ year: y, value: v })),
    year,
    {
      periodStatus: null,
      reported: rows.reduce((a, r) => a + (r.reported ?? 0), 0),
      total: rows.reduce((a, r) => a + (r.total ?? 0), 0),
      figuresQuarter: null,
    },
  );
  return { parent: { code: parent.code, name: parent.name, level: parent.level }, year, quarter, childLevel: "PROVINCE", totals, rows };
}
