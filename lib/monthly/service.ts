// Month by month (issue 15): a unit's monthly scenario (kịch bản theo tháng) and its monthly figures,
// and the view of each month's actual against the scenario (the gap, and what the next month needs).
//
// - The scenario of a unit and year: the planned value of each of its target keys at each month end
//   (lib/domain/scenario.ts). Read with "unit.view" (the defaults when none is saved); edited by
//   whoever may set the unit's targets ("targets.set": city staff for their city and its communes,
//   commune officers for their villages). Once saved, its months 3, 6, 9 are the unit's quarter
//   milestones (lib/domain/milestones.ts has the precedence).
// - Monthly figures of a province (and its communes): participants as at the month end, money year
//   to date, late payments; entered by the city's staff ("figures.monthly"); a month that has not
//   ended in Vietnam is refused (422).
// Both are versioned (a stale version: 409, nothing written) and audited in the same transaction
// (entities "scenario" and "monthly", one entry per changed value).
import { z } from "zod";
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { assertCan, scopeUnit, type ScopedUnit } from "../auth/scope";
import { audit, type AuditInput } from "../audit/audit";
import { computeIndicators } from "../domain/indicators";
import { maxFor, METRIC_LABELS_VI, VALIDATION_MESSAGES_VI } from "../domain/figures-validation";
import {
  checkScenario,
  compareWithScenario,
  completeScenario,
  defaultScenario,
  isMonthEnded,
  lastEndedMonth,
  MONTHLY_METRIC_KEYS,
  MONTHS,
  type MonthlyMetricKey,
  type NextMonthNeed,
  type MonthRow,
  type ScenarioMonths,
  type ScenarioTarget,
} from "../domain/scenario";
import { actualForTarget, isTargetKey, TARGET_KEYS, targetDirectionOf, targetKindOf, type TargetKey } from "../domain/targets";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";
import { readTargets, type Actor } from "../figures/service";
import { formatNumber, formatPercent } from "../format";
import { keyLabel } from "../i18n/labels";
import { baselineFigures } from "../targets/milestones";
import { yearSchema } from "../targets/service";
import type { UnitLevel } from "../generated/prisma/enums";

/** The refusals of this service (Vietnamese; their English is in lib/i18n/server-messages.ts). */
export const MONTHLY_MSG = {
  scenarioShape: 'Nội dung phải là { months: { "1": { khóa chỉ tiêu: giá trị }, …, "12": { … } }, version }.',
  scenarioNotNumber: "Mỗi giá trị của kịch bản phải là một số.",
  scenarioStale: "Kịch bản theo tháng đã được người khác sửa trong lúc bạn nhập: hãy tải lại trang, không có gì được lưu.",
  monthNotEnded: (y: number, m: number) => `Tháng ${m}/${y} chưa kết thúc: chưa thể nhập số liệu của tháng này.`,
  badMonth: "Tháng phải là số nguyên từ 1 đến 12.",
  empty: "Chưa nhập số liệu nào cho tháng này.",
  figuresShape: "Nội dung phải là { figures: { khóa: số }, version }.",
  unknownKeys: (keys: readonly string[]) => `Trường không hợp lệ: ${keys.join(", ")}. Số liệu tháng chỉ gồm: ${MONTHLY_METRIC_KEYS.join(", ")}.`,
  badVersion: "version phải là một số nguyên không âm (đọc bằng GET trước).",
  monthlyStale: (y: number, m: number) => `Số liệu tháng ${m}/${y} đã được người khác sửa trong lúc bạn nhập: hãy tải lại trang, không có gì được lưu.`,
  bigChange: (label: string, pct: string, prev: string, cur: string) =>
    `«${label}»: thay đổi ${pct} so với tháng trước (${prev} → ${cur}): vui lòng kiểm tra lại.`,
  collectedDown: (label: string, prev: string, cur: string) =>
    `«${label}»: số lũy kế từ đầu năm giảm so với tháng trước (${prev} → ${cur}): vui lòng kiểm tra lại.`,
} as const;

/** Participant counts that move by more than this share from one month to the next need confirming (as the quarterly form's ±20%). */
export const MONTHLY_CHANGE_THRESHOLD = 0.2;
const CHANGE_KEYS = ["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt"] as const;

/** The month a month's figures are compared with (the warnings below): the month before, December of the year before for January. */
export function previousMonthOf(year: number, month: number): { year: number; month: number } {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/**
 * Warnings to confirm before a month's figures are saved (a tester saved 147.600 → 10 without a word):
 * a participant count moving by more than ±20% from the month before, and money collected (year to date)
 * going down within the year. Pure; `previous` is the month before's stored figures (null: none).
 */
export function monthlyWarnings(f: MonthlyValues, previous: MonthlyValues | null, sameYear: boolean): ApiIssue[] {
  if (!previous) return [];
  const n = (v: number) => formatNumber(v, "vi");
  const out: ApiIssue[] = [];
  for (const k of CHANGE_KEYS) {
    const cur = f[k];
    const prev = previous[k];
    if (cur === null || prev === null || prev <= 0) continue;
    const change = (cur - prev) / prev;
    if (Math.abs(change) > MONTHLY_CHANGE_THRESHOLD + 1e-12)
      out.push({ path: k, message: MONTHLY_MSG.bigChange(METRIC_LABELS_VI[k].label, formatPercent(change, "vi", 1), n(prev), n(cur)) });
  }
  if (sameYear && f.amountCollected !== null && previous.amountCollected !== null && f.amountCollected < previous.amountCollected)
    out.push({
      path: "amountCollected",
      message: MONTHLY_MSG.collectedDown(METRIC_LABELS_VI.amountCollected.label, n(previous.amountCollected), n(f.amountCollected)),
    });
  return out;
}

const invalid = (issues: ApiIssue[]) => new ServiceError(422, MSG.invalid, issues);

export function parseYear(input: unknown): number {
  const y = yearSchema.safeParse(input);
  if (!y.success) throw invalid(y.error.issues.map((i) => ({ path: "year", message: i.message })));
  return y.data;
}

function parseMonth(input: unknown): number {
  const m = z.coerce.number().int().min(1).max(12).safeParse(input);
  if (!m.success || input === null || input === "" || input === undefined) throw invalid([{ path: "month", message: MONTHLY_MSG.badMonth }]);
  return m.data;
}

/** The version read (0: nothing saved yet). Left out for something that exists: 428, as everywhere in the API. */
const VERSION = z.number({ error: MONTHLY_MSG.badVersion }).int(MONTHLY_MSG.badVersion).min(0, MONTHLY_MSG.badVersion).optional();

/** 428 without a version for something that exists; 409 for another version (`conflict` says what is stored now). */
function checkVersion<T extends { version: number }>(current: T | null, version: number | undefined, stale: string, conflict?: (current: T) => ServiceError) {
  if (current && version === undefined) throw new ServiceError(428, MSG.versionRequired, [{ path: "version", message: MSG.versionRequired }]);
  if ((current?.version ?? 0) !== (version ?? 0))
    throw current && conflict
      ? conflict(current)
      : new ServiceError(409, stale, [{ path: "version", message: `Phiên bản hiện tại: ${current?.version ?? 0}.` }]);
}

/**
 * 409 that shows what changed meanwhile (as a quarter's does): the stored values that differ from what
 * this save sent, each on its field. Nothing of this save is written.
 */
function monthlyConflict(year: number, month: number, stored: MonthlyValues, sent: MonthlyValues): ServiceError {
  const issues: ApiIssue[] = MONTHLY_METRIC_KEYS.filter((k) => stored[k] !== sent[k]).map((k) => ({
    path: `figures.${k}`,
    message: MSG.storedMeanwhile(METRIC_LABELS_VI[k].label, formatNumber(stored[k], "vi"), formatNumber(sent[k], "vi")),
    severity: "error" as const,
  }));
  return new ServiceError(409, MONTHLY_MSG.monthlyStale(year, month), issues, { conflict: true, current: stored });
}

const fmtTarget = (key: string, value: number) =>
  isTargetKey(key) && targetKindOf(key) === "RATE" ? formatPercent(value, "vi", 2) : formatNumber(value, "vi");

// ---------------------------------------------------------------------------------------------
// The scenario

export interface ScenarioTargetRow {
  key: TargetKey;
  kind: "COUNT" | "RATE";
  target: number;
  source: string | null;
  /** The unit's value at the previous year end, if its figures count (a stock's starting point). */
  baseline: number | null;
}

export interface ScenarioView {
  unit: { code: string; name: string; level: UnitLevel };
  year: number;
  /** Whether a scenario is saved (otherwise `months` are the defaults). */
  saved: boolean;
  /** Send it back with a change (0: none saved yet). */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  editable: boolean;
  targets: ScenarioTargetRow[];
  /** The scenario: saved (made whole for today's targets) or the defaults. */
  months: ScenarioMonths;
  /** The defaults, for "khôi phục mặc định". */
  defaults: ScenarioMonths;
  /** Months of the year that have ended (0–12): "khôi phục mặc định" leaves them as stored, so the
   *  milestones of quarters already judged do not move behind anyone's back. */
  endedMonths: number;
}

async function scenarioOf(prisma: PrismaClient, actor: Actor, unit: ScopedUnit, year: number): Promise<ScenarioView> {
  const [targetRows, base, overrides, row] = await Promise.all([
    readTargets(prisma, unit.id, year),
    baselineFigures(prisma, unit, year),
    prisma.milestone.findMany({ where: { unitId: unit.id, year }, select: { key: true, quarter: true, value: true } }),
    prisma.scenario.findUnique({ where: { unitId_year: { unitId: unit.id, year } }, include: { updatedBy: { select: { fullName: true } } } }),
  ]);
  const plan = targetRows.amountCollected?.value ?? null;
  const baseIndicators = base ? computeIndicators(base, { revenuePlan: plan }) : null;
  const targets: ScenarioTargetRow[] = Object.entries(targetRows)
    .filter(([k]) => isTargetKey(k))
    .sort(([a], [b]) => TARGET_KEYS.indexOf(a as TargetKey) - TARGET_KEYS.indexOf(b as TargetKey))
    .map(([k, t]) => ({
      key: k as TargetKey,
      kind: targetKindOf(k as TargetKey),
      target: t.value,
      source: t.source,
      baseline: base ? actualForTarget(k as TargetKey, base, baseIndicators) : null,
    }));
  const byKey: Record<string, ScenarioTarget> = Object.fromEntries(targets.map((t) => [t.key, { value: t.target, kind: t.kind }]));
  // Without a saved scenario the defaults pass through city staff's quarter overrides (nothing moves
  // when they are saved); with one, the overrides no longer apply and the defaults are the plain line.
  const overrideOf = row ? undefined : (key: string, q: number) => overrides.find((o) => o.key === key && o.quarter === q)?.value ?? null;
  const defaults = defaultScenario({ targets: byKey, baselineOf: (k) => targets.find((t) => t.key === k)?.baseline ?? null, overrideOf });
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    saved: row !== null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy?.fullName ?? null,
    editable: can(actor, "targets.set", unit, { year }),
    targets,
    months: row ? completeScenario(row.months, byKey, defaults) : defaults,
    defaults,
    endedMonths: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((m) => isMonthEnded(year, m)).length,
  };
}

/** GET: the unit's scenario for the year (the defaults when none is saved). */
export async function readScenario(prisma: PrismaClient, actor: Actor, unitCode: unknown, yearInput: unknown): Promise<ScenarioView> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  return scenarioOf(prisma, actor, unit, parseYear(yearInput));
}

const monthValuesSchema = z.record(z.string(), z.number({ error: MONTHLY_MSG.scenarioNotNumber }).finite(MONTHLY_MSG.scenarioNotNumber), {
  error: MONTHLY_MSG.scenarioShape,
});
const saveScenarioSchema = z.object(
  {
    months: z.record(z.string(), monthValuesSchema, { error: MONTHLY_MSG.scenarioShape }),
    version: VERSION,
  },
  { error: MONTHLY_MSG.scenarioShape },
);

/**
 * PUT: saves a whole scenario ({ months, version }) for the year, all or nothing. Scope and
 * permission first (403), then the input (422), then the version (409).
 */
export async function saveScenario(prisma: PrismaClient, actor: Actor, unitCode: unknown, yearInput: unknown, input: unknown): Promise<ScenarioView> {
  const unit = await scopeUnit(prisma, actor, unitCode, "targets.set");
  const year = parseYear(yearInput);
  assertCan(actor, "targets.set", unit, { year });
  const parsed = saveScenarioSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const { months, version } = parsed.data;
  const targetRows = await readTargets(prisma, unit.id, year);
  const targets: Record<string, ScenarioTarget> = Object.fromEntries(
    Object.entries(targetRows)
      .filter(([k]) => isTargetKey(k))
      .map(([k, t]) => [k, { value: t.value, kind: targetKindOf(k as TargetKey) }]),
  );
  const issues = checkScenario(months, targets, year, (k) => keyLabel(k, "vi"), fmtTarget);
  if (issues.length) throw invalid(issues);
  // Stored in month order, keys in the targets' order.
  const clean: ScenarioMonths = Object.fromEntries(
    MONTHS.map((m) => [String(m), Object.fromEntries(Object.keys(targets).map((k) => [k, months[String(m)][k]]))]),
  );
  await prisma.$transaction(async (tx) => {
    const current = await tx.scenario.findUnique({ where: { unitId_year: { unitId: unit.id, year } } });
    checkVersion(current, version, MONTHLY_MSG.scenarioStale);
    const before = (current?.months ?? null) as ScenarioMonths | null;
    const entries: AuditInput[] = [];
    for (const m of MONTHS)
      for (const k of Object.keys(targets)) {
        const old = before?.[String(m)]?.[k] ?? null;
        const now = clean[String(m)][k];
        if (old !== now)
          entries.push({
            tenantId: unit.tenantId,
            unitId: unit.id,
            actorId: actor.id,
            entity: "scenario",
            entityId: `${unit.code}/${year}/${m}`,
            field: k,
            oldValue: old,
            newValue: now,
          });
      }
    if (current && entries.length === 0) return;
    const data = { months: clean as Prisma.InputJsonValue, updatedById: actor.id };
    if (current) {
      // The version in the WHERE: a concurrent save between the read and this write changes nothing (409).
      const n = await tx.scenario.updateMany({ where: { id: current.id, version: current.version }, data: { ...data, version: { increment: 1 } } });
      if (n.count !== 1) throw new ServiceError(409, MONTHLY_MSG.scenarioStale);
    } else {
      await tx.scenario.create({ data: { ...data, tenantId: unit.tenantId, unitId: unit.id, year } });
    }
    await audit(tx, entries);
  });
  return scenarioOf(prisma, actor, unit, year);
}

// ---------------------------------------------------------------------------------------------
// Monthly figures

export type MonthlyValues = Record<MonthlyMetricKey, number | null>;

export interface MonthFigures {
  month: number;
  /** Whether the month has ended (Vietnam time): only then can its figures be entered. */
  ended: boolean;
  /** Null: nothing entered for the month. */
  figures: MonthlyValues | null;
  /** Send it back with a change (0: nothing entered yet). */
  version: number;
  updatedAt: string | null;
}

export interface MonthlyFiguresView {
  unit: { code: string; name: string; level: UnitLevel };
  year: number;
  editable: boolean;
  months: MonthFigures[];
}

const COLUMNS: Record<MonthlyMetricKey, true> = Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, true])) as Record<MonthlyMetricKey, true>;

export function valuesOf(row: Record<MonthlyMetricKey, number | bigint | null>): MonthlyValues {
  return Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, row[k] === null ? null : Number(row[k])])) as MonthlyValues;
}

export async function monthlyFiguresOf(prisma: PrismaClient, actor: Actor, unit: ScopedUnit, year: number, now: Date): Promise<MonthlyFiguresView> {
  const rows = await prisma.monthlyFigures.findMany({ where: { unitId: unit.id, year }, select: { ...COLUMNS, month: true, version: true, updatedAt: true } });
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    editable: can(actor, "figures.monthly", unit),
    months: MONTHS.map((m) => {
      const r = rows.find((x) => x.month === m);
      return {
        month: m,
        ended: isMonthEnded(year, m, now),
        figures: r ? valuesOf(r) : null,
        version: r?.version ?? 0,
        updatedAt: r?.updatedAt.toISOString() ?? null,
      };
    }),
  };
}

/** GET: a unit's monthly figures of a year (unit.view). */
export async function readMonthlyFigures(
  prisma: PrismaClient,
  actor: Actor,
  unitCode: unknown,
  yearInput: unknown,
  now: Date = new Date(),
): Promise<MonthlyFiguresView> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  return monthlyFiguresOf(prisma, actor, unit, parseYear(yearInput), now);
}

const M = VALIDATION_MESSAGES_VI;
const monthlyField = (key: MonthlyMetricKey) =>
  z
    .number({ error: (iss) => M.wrongType(key, iss.input) })
    .int({ error: (iss) => (iss.code === "too_big" ? M.unsafe(key) : M.notWhole(key)) })
    .min(0, { error: () => M.negativeField(key) })
    .max(maxFor(key), { error: () => M.tooBig(key) })
    .nullable()
    .optional();
/** A month's figures as the form and the API take them: each whole, not negative, within its bound; null or left out: not entered. */
export const monthlyFiguresSchema = z.strictObject(
  Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, monthlyField(k)])) as { [K in MonthlyMetricKey]: ReturnType<typeof monthlyField> },
  { error: (iss) => (iss.code === "unrecognized_keys" ? MONTHLY_MSG.unknownKeys(iss.keys) : MONTHLY_MSG.figuresShape) },
);
/**
 * The rules across a month's fields (the form's, the API's and the file import's): something entered,
 * BHTN ≤ compulsory participants, late payments ≤ amount due. Paths: the field's key ("" for the month).
 */
export function monthlyCrossIssues(f: MonthlyValues): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (MONTHLY_METRIC_KEYS.every((k) => f[k] === null)) issues.push({ path: "", message: MONTHLY_MSG.empty });
  if (f.bhtn !== null && f.bhxhCompulsory !== null && f.bhtn > f.bhxhCompulsory)
    issues.push({ path: "bhtn", message: M.bhtnGtCompulsory(f.bhtn, f.bhxhCompulsory) });
  if (f.latePayments !== null && f.amountDue !== null && f.latePayments > f.amountDue)
    issues.push({ path: "latePayments", message: M.lateGtDue(f.latePayments, f.amountDue) });
  return issues;
}

const saveMonthlySchema = z.object(
  {
    figures: monthlyFiguresSchema,
    version: VERSION,
    confirmWarnings: z.boolean().optional(),
  },
  { error: MONTHLY_MSG.figuresShape },
);

/**
 * PUT: a month's figures ({ figures, version }), all seven or some (null or left out: not entered).
 * Scope and permission first (403), then the period (422, a month not ended), the input (422: types,
 * BHTN ≤ compulsory, late payments ≤ amount due), then the version (409).
 */
export async function saveMonthlyFigures(
  prisma: PrismaClient,
  actor: Actor,
  unitCode: unknown,
  yearInput: unknown,
  monthInput: unknown,
  input: unknown,
  now: Date = new Date(),
): Promise<MonthlyFiguresView> {
  const unit = await scopeUnit(prisma, actor, unitCode, "figures.monthly");
  const year = parseYear(yearInput);
  const month = parseMonth(monthInput);
  if (!isMonthEnded(year, month, now)) {
    const message = MONTHLY_MSG.monthNotEnded(year, month);
    throw new ServiceError(422, message, [{ path: "month", message }]);
  }
  const parsed = saveMonthlySchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const f = Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, parsed.data.figures[k] ?? null])) as MonthlyValues;
  const issues = monthlyCrossIssues(f).map((i) => ({ ...i, path: i.path ? `figures.${i.path}` : "figures" }));
  if (issues.length) throw invalid(issues);
  const { version } = parsed.data;
  await prisma.$transaction(async (tx) => {
    const where = { unitId_year_month: { unitId: unit.id, year, month } };
    const current = await tx.monthlyFigures.findUnique({ where });
    const prevAt = previousMonthOf(year, month);
    const previousRow = await tx.monthlyFigures.findUnique({ where: { unitId_year_month: { unitId: unit.id, ...prevAt } } });
    const warnings = monthlyWarnings(f, previousRow ? valuesOf(previousRow) : null, prevAt.year === year).map((w) => ({ ...w, path: `figures.${w.path}` }));
    if (warnings.length > 0 && !parsed.data.confirmWarnings) throw new ServiceError(422, MSG.needsConfirmation, warnings, { needsConfirmation: true });
    checkVersion(current, version, MONTHLY_MSG.monthlyStale(year, month), (c) => monthlyConflict(year, month, valuesOf(c), f));
    const before = current ? valuesOf(current) : null;
    const entries: AuditInput[] = MONTHLY_METRIC_KEYS.filter((k) => (before?.[k] ?? null) !== f[k]).map((k) => ({
      tenantId: unit.tenantId,
      unitId: unit.id,
      actorId: actor.id,
      entity: "monthly" as const,
      entityId: `${unit.code}/${year}/${month}`,
      field: k,
      oldValue: before?.[k] ?? null,
      newValue: f[k],
    }));
    if (current && entries.length === 0) return;
    const data = {
      bhxhCompulsory: f.bhxhCompulsory,
      bhxhVoluntary: f.bhxhVoluntary,
      bhtn: f.bhtn,
      bhyt: f.bhyt,
      amountDue: f.amountDue === null ? null : BigInt(f.amountDue),
      amountCollected: f.amountCollected === null ? null : BigInt(f.amountCollected),
      latePayments: f.latePayments === null ? null : BigInt(f.latePayments),
      updatedById: actor.id,
    };
    if (current) {
      const n = await tx.monthlyFigures.updateMany({ where: { id: current.id, version: current.version }, data: { ...data, version: { increment: 1 } } });
      if (n.count !== 1) {
        const now = await tx.monthlyFigures.findUnique({ where });
        throw now ? monthlyConflict(year, month, valuesOf(now), f) : new ServiceError(409, MONTHLY_MSG.monthlyStale(year, month));
      }
    } else {
      // tenantId is the province's (a province carries its own id); the permission reaches nothing without one.
      await tx.monthlyFigures.create({ data: { ...data, tenantId: unit.tenantId ?? unit.id, unitId: unit.id, year, month } });
    }
    await audit(tx, entries);
  });
  return monthlyFiguresOf(prisma, actor, unit, year, now);
}

// ---------------------------------------------------------------------------------------------
// The monthly view: actual against the scenario

/** Monthly figures all entered (1 each): the target keys they measure (coverage rates need quarterly denominators). */
const SAMPLE: MonthlyValues = Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, 1])) as MonthlyValues;
const SAMPLE_INDICATORS = computeIndicators(SAMPLE, { revenuePlan: 1 });

export interface MonthlyView {
  scenario: ScenarioView;
  figures: MonthlyFiguresView;
  /** Each month: per target key, planned, actual, gap, on track (lib/domain/scenario.ts). */
  rows: MonthRow[];
  /** The latest month with figures (null: none). */
  latestMonth: number | null;
  /** What the month after `latestMonth` needs, per target key with an actual. */
  needs: NextMonthNeed[];
  /** Target keys the monthly figures measure (the others — coverage rates — need quarterly denominators). */
  measured: TargetKey[];
  /** The latest month that has ended (Vietnam time). */
  lastEnded: { year: number; month: number };
  /** Whether monthly figures are kept for this unit's level (a province or a commune). */
  figuresLevel: boolean;
}

/** The page: the scenario, the figures, and each month's actual against the scenario. */
export async function monthlyView(prisma: PrismaClient, actor: Actor, unitCode: unknown, yearInput: unknown, now: Date = new Date()): Promise<MonthlyView> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  const year = parseYear(yearInput);
  const [scenario, figures] = await Promise.all([scenarioOf(prisma, actor, unit, year), monthlyFiguresOf(prisma, actor, unit, year, now)]);
  const plan = scenario.targets.find((t) => t.key === "amountCollected")?.target ?? null;
  const actuals = new Map(
    figures.months.map((m) => {
      if (!m.figures) return [m.month, null] as const;
      const indicators = computeIndicators(m.figures, { revenuePlan: plan });
      return [m.month, (k: TargetKey) => actualForTarget(k, m.figures, indicators)] as const;
    }),
  );
  const keys = scenario.targets.map((t) => t.key);
  const comparison = compareWithScenario({
    keys,
    months: scenario.months,
    actualOf: (m, k) => actuals.get(m)?.(k as TargetKey) ?? null,
    hasFigures: (m) => !!actuals.get(m),
    ended: (m) => isMonthEnded(year, m, now),
    directionOf: (k) => targetDirectionOf(k as TargetKey),
  });
  const measured = keys.filter((k) => actualForTarget(k, SAMPLE, SAMPLE_INDICATORS) !== null);
  return {
    scenario,
    figures,
    rows: comparison.rows,
    latestMonth: comparison.latestMonth,
    needs: comparison.needs,
    measured,
    lastEnded: lastEndedMonth(now),
    figuresLevel: unit.level === "PROVINCE" || unit.level === "COMMUNE",
  };
}
