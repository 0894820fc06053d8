// Quarterly figures: reading a unit's figures (a commune's own report, or the sum of the communes
// of a city or of the nation), its indicators against its targets, and saving a quarter.
// Every function takes the Prisma client and the acting user, and checks scope itself: the JSON
// API and the server actions both call these, so the rules live in one place.
import { figureColumns } from "../db/columns";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import type { ReportKind, ReportStatus, Role, TargetKind, UnitLevel } from "../generated/prisma/enums";
import { METRIC_KEYS, INDICATOR_KEYS, type Figures, type MetricKey, type IndicatorKey } from "../domain/metrics";
import { computeIndicators, attainment, INDICATORS, statusOf, type Status, type Direction } from "../domain/indicators";
import { checkFigures, figuresSchema } from "../domain/figures-validation";
import { estimateOpen, isPeriodEnded, previousPeriod, YEAR_TO_DATE_METRICS, type Period } from "../domain/period";
import { ServiceError, MSG, type ApiIssue } from "./errors";
import { periodSchema } from "./period-schema";
import { figuresEditable } from "../domain/workflow";
import { audit } from "../audit/audit";
import { applyTransition } from "../workflow/service";
import { formatNumber } from "../format";
import { METRIC_LABELS_VI } from "../domain/figures-validation";
import { changeThresholdOf } from "../quality/settings";
import { countedStatus, isCountedStatus } from "./counted";
import { buildRow } from "../dashboard/service";
import { rankingSettings } from "../rankings/settings";
import type { MilestoneBasis } from "../domain/milestones";
import type { Bands } from "../domain/ranking";
import { scenarioMilestones } from "../monthly/milestones";

export interface Actor {
  id: number;
  role: Role;
  tenantId: number | null;
  unitId: number | null;
}

export type { UnitRef, ScopedUnit } from "../auth/scope";
import type { ScopedUnit, UnitRef } from "../auth/scope";
import { assertCan, scopeUnit } from "../auth/scope";

// ---------------------------------------------------------------------------------------------
// Reading

export type FigureValues = Record<MetricKey, number | null>;

const emptyFigures = (): FigureValues => Object.fromEntries(METRIC_KEYS.map((k) => [k, null])) as FigureValues;

type ReportRow = { [K in MetricKey]: number | bigint | null } & {
  year: number;
  quarter: number;
  kind: ReportKind;
  status: ReportStatus;
  version: number;
  updatedAt: Date;
  submittedAt: Date | null;
};

export function figuresOf(row: Partial<Record<MetricKey, number | bigint | null>>): FigureValues {
  // Built key by key, not from an empty copy: read for every report row of a data-quality page (~2.300).
  const out = {} as FigureValues;
  for (const k of METRIC_KEYS) {
    const v = row[k];
    out[k] = v === null || v === undefined ? null : Number(v);
  }
  return out;
}

export interface ReportView {
  year: number;
  quarter: number;
  kind: "actual" | "estimate";
  status: ReportStatus;
  version: number;
  updatedAt: string;
  submittedAt: string | null;
  figures: FigureValues;
}

function toView(r: ReportRow): ReportView {
  return {
    year: r.year,
    quarter: r.quarter,
    kind: r.kind === "ESTIMATE" ? "estimate" : "actual",
    status: r.status,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    figures: figuresOf(r),
  };
}

const toKind = (k: "actual" | "estimate"): ReportKind => (k === "estimate" ? "ESTIMATE" : "ACTUAL");

export async function readReport(prisma: PrismaClient, unitId: number, p: Period, kind: "actual" | "estimate" = "actual"): Promise<ReportView | null> {
  const r = await prisma.quarterReport.findUnique({
    where: { unitId_year_quarter_kind: { unitId, year: p.year, quarter: p.quarter, kind: toKind(kind) } },
  });
  return r ? toView(r) : null;
}

export interface Aggregate {
  figures: FigureValues;
  /** Communes with a report of exactly this period that counts (lib/figures/counted.ts). */
  reported: number;
  /** Communes the sums cover: the same as `reported` (never older figures). */
  included: number;
  /** Communes in scope. */
  total: number;
  /** The nation: provinces with at least one commune reported, and all provinces. */
  provincesReported?: number;
  provinces?: number;
}

const SUMS = METRIC_KEYS.map((k) => `sum(r.${snake(k)})::float8 AS "${k}"`).join(", ");
const TOTAL_SUMS = METRIC_KEYS.map((k) => `sum(t.${snake(k)})::float8 AS "${k}"`).join(", ");
function snake(k: string) {
  return k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/**
 * The sums of the communes' figures of exactly this period (of a city, or of the nation when
 * tenantId is null), over the reports that count: the communes that have not reported are left
 * out, and `reported`/`total` say how many the sums cover.
 */
export async function aggregateFigures(prisma: PrismaClient, tenantId: number | null, p: Period, kind: "actual" | "estimate" = "actual"): Promise<Aggregate> {
  // The actual figures come from the provinces' period totals, which the database keeps current in the
  // same transaction as every change of a report (migration 20261202230000_summaries, the rule of
  // lib/figures/counted.ts): aggregateSeries reads them. The year-end estimates, rarer, are summed from the reports.
  if (kind === "actual") return (await aggregateSeries(prisma, tenantId, [p])).get(`${p.year}-${p.quarter}`)!;
  const [rows, counts] = await Promise.all([
    rawRead<Record<string, number | null>>(
      prisma,
      `SELECT count(*)::float8 AS reported, count(DISTINCT r.tenant_id)::float8 AS provinces_reported, ${SUMS}
       FROM quarter_reports r
       JOIN units u ON u.id = r.unit_id AND u.level = 'COMMUNE'
       WHERE ($1::int IS NULL OR r.tenant_id = $1::int) AND r.kind = 'ESTIMATE' AND ${countedStatus("r")} AND r.year = $2::int AND r.quarter = $3::int`,
      [tenantId, p.year, p.quarter],
    ),
    unitCounts(prisma, tenantId),
  ]);
  return toAggregate(rows[0] ?? {}, tenantId, counts);
}

/** Communes in scope (and, for the nation, provinces): what a sum's `reported` is out of. */
async function unitCounts(prisma: PrismaClient, tenantId: number | null): Promise<{ total: number; provinces: number }> {
  // One statement through the driver (two Prisma counts cost ~1 ms of the server's CPU each, issue 16).
  const [row] = await rawRead<{ total: number; provinces: number }>(
    prisma,
    `SELECT count(*) FILTER (WHERE level = 'COMMUNE' AND ($1::int IS NULL OR tenant_id = $1::int))::int AS total,
            count(*) FILTER (WHERE level = 'PROVINCE' AND $1::int IS NULL)::int AS provinces
     FROM units WHERE valid_to IS NULL AND level IN ('COMMUNE', 'PROVINCE')`,
    [tenantId],
  );
  return { total: Number(row?.total ?? 0), provinces: Number(row?.provinces ?? 0) };
}

/** The figures of a row whose columns are named by the metric keys (null where absent). */
function figuresOfSums(row: Record<string, number | null>): FigureValues {
  const figures = emptyFigures();
  for (const k of METRIC_KEYS) figures[k] = row[k] === null || row[k] === undefined ? null : Number(row[k]);
  return figures;
}

function toAggregate(row: Record<string, number | null>, tenantId: number | null, counts: { total: number; provinces: number }): Aggregate {
  const figures = figuresOfSums(row);
  const reported = Number(row.reported ?? 0);
  if (tenantId !== null) return { figures, reported, included: reported, total: counts.total };
  return { figures, reported, included: reported, total: counts.total, provincesReported: Number(row.provinces_reported ?? 0), provinces: counts.provinces };
}

/**
 * The communes' sums of several periods at once (actual figures, from the provinces' period totals):
 * what aggregateFigures gives for each period, in two queries whatever their number (the trend chart
 * and the year's quarters of a city or the nation asked 2–3 queries per quarter, one after the other).
 */
export async function aggregateSeries(prisma: PrismaClient, tenantId: number | null, periods: Period[]): Promise<Map<string, Aggregate>> {
  const out = new Map<string, Aggregate>();
  if (periods.length === 0) return out;
  const [rows, counts] = await Promise.all([
    rawRead<Record<string, number | null> & { year: number; quarter: number }>(
      prisma,
      `SELECT t.year::int AS year, t.quarter::int AS quarter, sum(t.reported)::float8 AS reported, count(*)::float8 AS provinces_reported, ${TOTAL_SUMS}
       FROM period_totals t JOIN unnest($2::int[], $3::int[]) AS p(y, q) ON t.year = p.y AND t.quarter = p.q
       WHERE ($1::int IS NULL OR t.tenant_id = $1::int)
       GROUP BY t.year, t.quarter`,
      [tenantId, periods.map((p) => p.year), periods.map((p) => p.quarter)],
    ),
    unitCounts(prisma, tenantId),
  ]);
  const byPeriod = new Map(rows.map((r) => [`${Number(r.year)}-${Number(r.quarter)}`, r]));
  for (const p of periods) out.set(`${p.year}-${p.quarter}`, toAggregate(byPeriod.get(`${p.year}-${p.quarter}`) ?? {}, tenantId, counts));
  return out;
}

/** The targets of a unit for several years, one query: year → key → value. */
export async function readTargetsOfYears(prisma: PrismaClient, unitId: number, fromYear: number, toYear: number): Promise<Map<number, Record<string, number>>> {
  return (await readTargetsOfUnitsYears(prisma, [unitId], fromYear, toYear)).get(unitId)!;
}

/** The targets of several units for several years, one query: unit id → year → key → value. */
export async function readTargetsOfUnitsYears(
  prisma: PrismaClient,
  unitIds: number[],
  fromYear: number,
  toYear: number,
): Promise<Map<number, Map<number, Record<string, number>>>> {
  const rows =
    unitIds.length === 0
      ? []
      : await rawRead<{ unit_id: number; year: number; key: string; value: number }>(
          prisma,
          `SELECT unit_id, year::int AS year, key, value FROM targets WHERE unit_id = ANY($1::int[]) AND year BETWEEN $2::int AND $3::int`,
          [unitIds, fromYear, toYear],
        );
  const out = new Map<number, Map<number, Record<string, number>>>();
  for (const id of unitIds) {
    const years = new Map<number, Record<string, number>>();
    for (let y = fromYear; y <= toYear; y++) years.set(y, {});
    out.set(id, years);
  }
  for (const r of rows) out.get(Number(r.unit_id))!.get(Number(r.year))![r.key] = Number(r.value);
  return out;
}

const TOTAL_COLS = figureColumns("t");

/**
 * The sums of each city's communes over the given periods, from the period totals the database keeps
 * (the rule of lib/figures/counted.ts), one query for all the cities: tenant → "year-quarter" →
 * figures; a period no commune of the city reported is absent.
 */
export async function periodTotalsOf(prisma: PrismaClient, tenantIds: number[], periods: Period[]): Promise<Map<number, Map<string, FigureValues>>> {
  const out = new Map<number, Map<string, FigureValues>>(tenantIds.map((t) => [t, new Map()]));
  if (tenantIds.length === 0 || periods.length === 0) return out;
  const rows = await rawRead<Record<string, number | null> & { tenant_id: number; year: number; quarter: number }>(
    prisma,
    `SELECT t.tenant_id, t.year::int AS year, t.quarter::int AS quarter, ${TOTAL_COLS}
     FROM period_totals t JOIN unnest($2::int[], $3::int[]) AS p(y, q) ON t.year = p.y AND t.quarter = p.q
     WHERE t.tenant_id = ANY($1::int[]) AND t.reported > 0`,
    [tenantIds, periods.map((p) => p.year), periods.map((p) => p.quarter)],
  );
  for (const r of rows) out.get(Number(r.tenant_id))?.set(`${Number(r.year)}-${Number(r.quarter)}`, figuresOfSums(r));
  return out;
}

export interface TargetValue {
  value: number;
  kind: TargetKind;
  source: string | null;
}

export async function readTargets(prisma: PrismaClient, unitId: number, year: number): Promise<Record<string, TargetValue>> {
  const rows = await prisma.target.findMany({ where: { unitId, year }, select: { key: true, value: true, kind: true, source: true } });
  return Object.fromEntries(rows.map((r) => [r.key, { value: r.value, kind: r.kind, source: r.source }]));
}

/** Which way is better for a target key (a metric or an indicator). */
export function directionOf(key: string): Direction {
  if ((INDICATOR_KEYS as readonly string[]).includes(key)) return INDICATORS[key as IndicatorKey].direction;
  return key === "latePayments" ? "lower" : "higher";
}

export interface IndicatorsView {
  unit: { code: string; name: string; level: UnitLevel };
  year: number;
  quarter: number;
  kind: "actual" | "estimate";
  /** The commune's report status, or null for an aggregate / no report. */
  status: ReportStatus | null;
  /** Whether these figures count (a submitted or approved report; for a city: at least one commune's). */
  counted: boolean;
  version: number | null;
  figures: FigureValues;
  indicators: Record<IndicatorKey, number | null>;
  targets: Record<string, number>;
  targetDetails: Record<string, TargetValue>;
  /** The period's milestone of each target (lib/domain/milestones.ts). */
  expected: Record<string, number | null>;
  expectedBasis: Record<string, MilestoneBasis | null>;
  /** Attainment of the period's milestone; null for ceilings. */
  attainment: Record<string, number | null>;
  /** Attainment of the year's target ("đạt X% kế hoạch năm"); null for ceilings. */
  yearAttainment: Record<string, number | null>;
  /** Ceilings: target − actual (rate units). */
  margins: Record<string, number | null>;
  /** Judged against the period's milestone. */
  statuses: Record<string, Status>;
  /** The bands the statuses were judged with (the city's ranking settings). */
  bands: Bands;
  /** A city or the nation: the communes the sums cover (`included` = `reported`) of `total`. */
  aggregate: Omit<Aggregate, "figures"> | null;
}

export async function indicatorsView(prisma: PrismaClient, unit: ScopedUnit, p: Period, kind: "actual" | "estimate" = "actual"): Promise<IndicatorsView> {
  let figures = emptyFigures();
  let status: ReportStatus | null = null;
  let version: number | null = null;
  let aggregate: Aggregate | null = null;
  let baseline: FigureValues | null = null;
  let counted = false;
  const basePeriod = { year: p.year - 1, quarter: 4 };
  if (unit.level === "COMMUNE") {
    const [r, b] = await Promise.all([readReport(prisma, unit.id, p, kind), readReport(prisma, unit.id, basePeriod)]);
    if (r) ({ figures, status, version } = r);
    counted = isCountedStatus(status);
    baseline = b && isCountedStatus(b.status) ? b.figures : null;
  } else if (unit.level === "PROVINCE" || unit.level === "NATION") {
    const tenantId = unit.level === "NATION" ? null : unit.id;
    const [a, b] =
      kind === "actual"
        ? await aggregateSeries(prisma, tenantId, [p, basePeriod]).then((m) => [
            m.get(`${p.year}-${p.quarter}`)!,
            m.get(`${basePeriod.year}-${basePeriod.quarter}`)!,
          ])
        : await Promise.all([aggregateFigures(prisma, tenantId, p, kind), aggregateFigures(prisma, tenantId, basePeriod)]);
    aggregate = a;
    figures = a.figures;
    counted = a.reported > 0;
    baseline = b.reported > 0 ? b.figures : null;
  }
  // Milestones of an estimate (figures to 31/12) are the year's targets: judged as at Q4.
  const quarter = kind === "estimate" ? 4 : p.quarter;
  const [targetDetails, overrideRows, settings, scenarioBy] = await Promise.all([
    readTargets(prisma, unit.id, p.year),
    prisma.milestone.findMany({ where: { unitId: unit.id, year: p.year, quarter }, select: { key: true, value: true } }),
    rankingSettings(prisma, unit.level === "NATION" ? null : unit.tenantId),
    scenarioMilestones(prisma, p.year, quarter, { unitId: unit.id }),
  ]);
  const targets = Object.fromEntries(Object.entries(targetDetails).map(([k, t]) => [k, t.value]));
  const row = buildRow({
    unit: { code: unit.code, name: unit.name, type: "", level: unit.level },
    figures,
    baseline,
    targets,
    targets2030: {},
    overrides: Object.fromEntries(overrideRows.map((o) => [o.key, o.value])),
    scenario: scenarioBy.get(unit.id),
    history: [],
    year: p.year,
    quarter,
    bands: settings.bands,
    extra: { periodStatus: status, hasReport: counted, reported: aggregate?.reported ?? null, total: aggregate?.total ?? null, figuresQuarter: null },
  });
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year: p.year,
    quarter: p.quarter,
    kind,
    status,
    counted,
    version,
    figures,
    indicators: row.indicators,
    targets,
    targetDetails,
    expected: row.expected,
    expectedBasis: row.expectedBasis,
    attainment: row.attainment,
    yearAttainment: row.yearAttainment,
    margins: row.margins,
    statuses: row.statuses,
    bands: settings.bands,
    aggregate: aggregate && {
      reported: aggregate.reported,
      included: aggregate.included,
      total: aggregate.total,
      ...(aggregate.provinces !== undefined ? { provincesReported: aggregate.provincesReported, provinces: aggregate.provinces } : {}),
    },
  };
}

/** The quarters of a year (and the year-end estimate) of a commune, or sums for a city/nation. */
export async function figuresOfYear(prisma: PrismaClient, unit: ScopedUnit, year: number) {
  if (unit.level === "COMMUNE" || unit.level === "VILLAGE") {
    const rows = await prisma.quarterReport.findMany({ where: { unitId: unit.id, year }, orderBy: [{ kind: "asc" }, { quarter: "asc" }] });
    const views = rows.map(toView);
    return {
      unit: { code: unit.code, name: unit.name, level: unit.level },
      year,
      quarters: [1, 2, 3, 4].map((q) => {
        const r = views.find((v) => v.kind === "actual" && v.quarter === q);
        return r ?? { year, quarter: q, kind: "actual" as const, status: null, version: null, figures: null };
      }),
      estimate: views.find((v) => v.kind === "estimate") ?? null,
    };
  }
  const tenantId = unit.level === "NATION" ? null : unit.id;
  const [series, e] = await Promise.all([
    aggregateSeries(
      prisma,
      tenantId,
      [1, 2, 3, 4].map((quarter) => ({ year, quarter })),
    ),
    aggregateFigures(prisma, tenantId, { year, quarter: 4 }, "estimate"),
  ]);
  const quarters = [1, 2, 3, 4].map((q) => {
    const a = series.get(`${year}-${q}`)!;
    return { year, quarter: q, kind: "actual" as const, status: null, reported: a.reported, total: a.total, figures: a.reported ? a.figures : null };
  });
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    quarters,
    estimate: e.reported ? { year, quarter: 4, kind: "estimate" as const, status: null, reported: e.reported, total: e.total, figures: e.figures } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Saving a quarter

export { periodSchema };

export const saveBodySchema = z.object(
  {
    figures: figuresSchema,
    kind: z.enum(["actual", "estimate"], { error: 'kind phải là "actual" hoặc "estimate".' }).default("actual"),
    confirmWarnings: z.boolean({ error: "confirmWarnings phải là true hoặc false." }).default(false),
    submit: z.boolean({ error: "submit phải là true hoặc false." }).default(false),
    /** The version the client read: a save over a newer one is refused (409), nothing lost. */
    version: z.number({ error: "version phải là một số nguyên." }).int().min(0).optional(),
  },
  { error: "Nội dung phải là một đối tượng JSON có trường figures." },
);

export interface SaveResult {
  report: ReportView;
  indicators: Record<IndicatorKey, number | null>;
  warnings: ApiIssue[];
}

function zodIssues(e: z.ZodError, prefix: string[] = []): ApiIssue[] {
  return e.issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join("."), message: i.message, severity: "error" as const }));
}

/**
 * Saves the figures of one quarter of one commune (or its year-end estimate), as a draft or
 * submitted. Checks, in order: the period and body are well-formed (422), the unit exists (404)
 * and is the actor's own commune (403), the period is open (422), the domain rules (422), the
 * warnings are confirmed (422 with needsConfirmation), then writes in one transaction.
 * A refused save changes nothing.
 */
export async function saveQuarter(
  prisma: PrismaClient,
  actor: Actor,
  input: { unitCode: string; year: unknown; quarter: unknown; body: unknown },
  now: Date = new Date(),
): Promise<SaveResult> {
  const unit = await scopeUnit(prisma, actor, input.unitCode);
  assertCan(actor, "figures.enter", unit);

  const period = periodSchema.safeParse({ year: input.year, quarter: input.quarter });
  const body = saveBodySchema.safeParse(input.body);
  const issues = [...(period.success ? [] : zodIssues(period.error)), ...(body.success ? [] : zodIssues(body.error))];
  if (!period.success || !body.success) throw new ServiceError(422, MSG.invalid, issues);
  const { year, quarter } = period.data;
  const { kind, confirmWarnings, submit } = body.data;

  // Actual figures are as at the quarter's last day: a quarter still in progress has none yet.
  if (kind === "actual" && !isPeriodEnded({ year, quarter }, now)) {
    throw new ServiceError(422, MSG.periodNotEnded(year, quarter), [{ path: "quarter", message: MSG.periodNotEnded(year, quarter) }]);
  }
  if (kind === "estimate") {
    if (quarter !== 4) throw new ServiceError(422, MSG.estimateQuarter, [{ path: "quarter", message: MSG.estimateQuarter }]);
    if (!estimateOpen(year, now)) throw new ServiceError(422, MSG.estimateClosed(year), [{ path: "kind", message: MSG.estimateClosed(year) }]);
  }

  const reportKey = { unitId_year_quarter_kind: { unitId: unit.id, year, quarter, kind: toKind(kind) } };
  const current = await prisma.quarterReport.findUnique({ where: reportKey });

  // A PUT replaces the quarter's figures: a key left out is "not entered".
  const figures = emptyFigures();
  for (const k of METRIC_KEYS) figures[k] = body.data.figures[k] ?? null;

  // Compare with the quarter before (actual figures); year-to-date money restarts in Q1.
  const prevPeriod = previousPeriod({ year, quarter });
  const prev = kind === "estimate" ? await readReport(prisma, unit.id, { year, quarter: 3 }) : await readReport(prisma, unit.id, prevPeriod);
  const previous: Figures | null = prev ? { ...prev.figures } : null;
  if (previous && kind === "actual" && quarter === 1) for (const k of YEAR_TO_DATE_METRICS) previous[k] = null;

  assertWritable(current, body.data.version, figures, unit.name);
  const checks = checkFigures(figures, previous, { changeThreshold: await changeThresholdOf(prisma, unit.tenantId) });
  const errorIssues: ApiIssue[] = checks.errors.map((i) => ({ path: `figures.${i.path}`, message: i.message, code: i.code, severity: "error" }));
  const warningIssues: ApiIssue[] = checks.warnings.map((i) => ({ path: `figures.${i.path}`, message: i.message, code: i.code, severity: "warning" }));
  if (submit) {
    for (const k of METRIC_KEYS) {
      if (figures[k] === null) errorIssues.push({ path: `figures.${k}`, message: MSG.required, code: "required", severity: "error" });
    }
  }
  if (errorIssues.length > 0) {
    const onlyMissing = errorIssues.every((i) => i.code === "required");
    throw new ServiceError(422, onlyMissing ? MSG.missingForSubmit : MSG.checksFailed, [...errorIssues, ...warningIssues]);
  }
  if (warningIssues.length > 0 && !confirmWarnings) {
    throw new ServiceError(422, MSG.needsConfirmation, warningIssues, { needsConfirmation: true });
  }

  const data = {
    ...figures,
    amountDue: figures.amountDue === null ? null : BigInt(figures.amountDue),
    amountCollected: figures.amountCollected === null ? null : BigInt(figures.amountCollected),
    latePayments: figures.latePayments === null ? null : BigInt(figures.latePayments),
  };
  const saved = await prisma.$transaction(async (tx) => {
    const existing = await tx.quarterReport.findUnique({ where: reportKey });
    assertWritable(existing, body.data.version, figures, unit.name);
    let row: Awaited<ReturnType<typeof tx.quarterReport.findUniqueOrThrow>>;
    const before = existing ? figuresOf(existing) : emptyFigures();
    const auditOf = (reportId: number) =>
      audit(
        tx,
        METRIC_KEYS.filter((k) => before[k] !== figures[k]).map((k) => ({
          tenantId: unit.tenantId,
          unitId: unit.id,
          actorId: actor.id,
          entity: "figure" as const,
          entityId: reportId,
          field: k,
          oldValue: before[k],
          newValue: figures[k],
          at: now,
        })),
      );
    if (existing) {
      // The audit first and the report's write last: the write's trigger locks the province's summaries
      // until the commit, so nothing else waits behind it (under load, saves in one province queued).
      // A refused write rolls the audit back with it.
      await auditOf(existing.id);
      // Conditional on the version read: of two concurrent saves, the second finds nothing to update.
      const updated = await tx.quarterReport.updateManyAndReturn({
        where: { id: existing.id, version: existing.version },
        data: { ...data, status: existing.status === "RETURNED" ? "RETURNED" : "DRAFT", version: { increment: 1 } },
      });
      if (updated.length !== 1) throw conflictError(await tx.quarterReport.findUnique({ where: reportKey }), figures, unit.name);
      row = updated[0];
    } else {
      const created = await tx.quarterReport.createManyAndReturn({
        data: [{ ...data, status: "DRAFT", unitId: unit.id, tenantId: unit.tenantId!, year, quarter, kind: toKind(kind) }],
        skipDuplicates: true,
      });
      if (created.length !== 1) throw conflictError(await tx.quarterReport.findUnique({ where: reportKey }), figures, unit.name);
      row = created[0];
      await auditOf(row.id);
    }
    if (submit) {
      await applyTransition(tx, actor, unit, row, "submit", null, now, { createdNow: !existing });
      row = await tx.quarterReport.findUniqueOrThrow({ where: { id: row.id } });
    }
    return row;
  });
  const targets = await readTargets(prisma, unit.id, year);
  return {
    report: toView(saved),
    indicators: computeIndicators(figures, { revenuePlan: targets.amountCollected?.value ?? null }),
    warnings: warningIssues,
  };
}

type StoredReport = ReportRow & { id: number };

const STATUS_LOCKED: Partial<Record<ReportStatus, string>> = {
  SUBMITTED: "đã gửi, đang chờ thành phố duyệt",
  APPROVED: "đã được duyệt",
};

/** Refuses a save over a locked quarter (submitted or approved) or over a newer version. */
function assertWritable(existing: StoredReport | null, version: number | undefined, figures: FigureValues, unitName: string) {
  if (existing && !figuresEditable(existing.status)) {
    throw new ServiceError(
      409,
      `Báo cáo này ${STATUS_LOCKED[existing.status]}: không sửa được nữa. Nếu cần sửa, đề nghị thành phố ${existing.status === "APPROVED" ? "mở lại" : "trả lại"} báo cáo.`,
      [{ path: "status", message: `Trạng thái: ${existing.status}` }],
      { locked: true, status: existing.status },
    );
  }
  if (version !== undefined && (existing?.version ?? 0) !== version) throw conflictError(existing, figures, unitName);
}

/** 409 that shows what changed meanwhile: the saved values that differ from what this save sent. */
function conflictError(current: StoredReport | null, sent: FigureValues, unitName: string): ServiceError {
  const now = current ? figuresOf(current) : emptyFigures();
  const issues: ApiIssue[] = METRIC_KEYS.filter((k) => now[k] !== sent[k]).map((k) => ({
    path: `figures.${k}`,
    message: MSG.storedMeanwhile(METRIC_LABELS_VI[k].label, formatNumber(now[k]), formatNumber(sent[k])),
    severity: "error" as const,
    code: "conflict",
  }));
  return new ServiceError(
    409,
    `Số liệu của ${unitName} đã được lưu bởi người khác sau khi bạn mở trang: chưa lưu gì của bạn. Các giá trị hiện tại khác với bạn nhập được liệt kê dưới đây; hãy tải lại trang để xem và nhập lại.`,
    issues,
    { conflict: true, current: current ? toView(current) : null },
  );
}
