// Village figures (issue 15, item 3): a commune's officer records, for each of the commune's villages
// and residential groups, its labour force, population, BHXH (compulsory, voluntary) and BHYT
// participants at the end of a quarter. Stored in village_figures — never in quarter_reports, which
// feed the commune workflow, completeness and rankings. Read by everyone who may see the village
// ("unit.view"); written only by the commune's own officer ("villages.figures"), versioned (a stale
// version gets 409 and writes nothing) and audited in the same transaction.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import type { Status } from "../domain/indicators";
import { can } from "../auth/permissions";
import { assertCan, scopeUnit, type ScopedUnit } from "../auth/scope";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";
import { periodSchema } from "../figures/period-schema";
import type { Actor } from "../figures/service";
import { isPeriodEnded, quarterStart, type Period } from "../domain/period";
import { TARGET_KEYS } from "../domain/targets";
import { METRIC_LABELS_VI } from "../domain/figures-validation";
import {
  VILLAGE_METRICS,
  bhytCoverageOf,
  bhytMark,
  byProgress,
  checkVillageFigures,
  emptyVillageFigures,
  villageActual,
  villageBasis,
  villageFiguresSchema,
  villageProgress,
  type VillageFigures,
  type VillageProgress,
} from "../domain/villages";
import { compareVi } from "../collate";
import { formatNumber } from "../format";
import { audit } from "../audit/audit";
import { rankingSettings } from "../rankings/settings";
import { scenarioMilestones } from "../monthly/milestones";

export const VILLAGE_MSG = {
  notVillage: (name: string) => `${name} không phải thôn, tổ dân phố.`,
  retired: (name: string) => `«${name}» đã ngừng hoạt động: không nhập số liệu mới được.`,
  none: (y: number, q: number, name: string) => `Chưa có số liệu quý ${q}/${y} của ${name}.`,
  stale: (name: string, y: number, q: number) =>
    `Số liệu của ${name} quý ${q}/${y} đã được người khác lưu sau khi bạn mở trang: chưa lưu gì của bạn. Hãy tải lại trang.`,
};

// ---------------------------------------------------------------------------------------------
// Reading

export interface VillageQuarterView {
  unit: { code: string; name: string };
  year: number;
  quarter: number;
  figures: VillageFigures;
  /** 0: nothing recorded yet (send 0, or leave it out, to record the first figures). */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

type Row = {
  unitId: number;
  year: number;
  quarter: number;
  version: number;
  updatedAt: Date;
  updatedBy?: { fullName: string } | null;
} & Record<(typeof VILLAGE_METRICS)[number], number | null>;

const figuresOfRow = (r: Row | null | undefined): VillageFigures | null =>
  r ? (Object.fromEntries(VILLAGE_METRICS.map((k) => [k, r[k] ?? null])) as VillageFigures) : null;

const rowSelect = {
  id: true,
  unitId: true,
  year: true,
  quarter: true,
  labourForce: true,
  population: true,
  bhxhCompulsory: true,
  bhxhVoluntary: true,
  bhyt: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { fullName: true } },
} as const;

function invalid(issues: ApiIssue[]): never {
  throw new ServiceError(422, MSG.invalid, issues);
}

const zodIssues = (e: z.ZodError, prefix: string[] = []): ApiIssue[] =>
  e.issues.map((i) => ({ path: [...prefix, ...i.path.map(String)].join("."), message: i.message, severity: "error" as const }));

function parsePeriod(year: unknown, quarter: unknown): Period {
  const p = periodSchema.safeParse({ year, quarter });
  if (!p.success) invalid(zodIssues(p.error));
  return p.data;
}

/** One quarter of a village (GET /units/{villageCode}/figures/{year}/{quarter}): 404 when nothing is recorded. */
export async function readVillageQuarter(prisma: PrismaClient, village: ScopedUnit, year: unknown, quarter: unknown): Promise<VillageQuarterView> {
  if (village.level !== "VILLAGE") throw new ServiceError(422, VILLAGE_MSG.notVillage(village.name));
  const p = parsePeriod(year, quarter);
  const r = await prisma.villageFigure.findUnique({ where: { unitId_year_quarter: { unitId: village.id, ...p } }, select: rowSelect });
  if (!r) throw new ServiceError(404, VILLAGE_MSG.none(p.year, p.quarter, village.name));
  return {
    unit: { code: village.code, name: village.name },
    ...p,
    figures: figuresOfRow(r)!,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy?.fullName ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Saving a quarter

export const saveVillageBodySchema = z.strictObject(
  {
    figures: villageFiguresSchema,
    /** Warnings (participants above the labour force, BHYT above the population) confirmed by the officer. */
    confirmWarnings: z.boolean({ error: "confirmWarnings phải là true hoặc false." }).default(false),
    /** The version read (0 or left out: nothing recorded yet); a save over a newer one is refused (409). */
    version: z.number({ error: "version phải là một số nguyên." }).int("version phải là một số nguyên.").min(0, "version không được âm.").optional(),
  },
  {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `Trường không hợp lệ: ${iss.keys.join(", ")}. Chỉ chấp nhận: figures, version, confirmWarnings (thôn, tổ dân phố không gửi, duyệt báo cáo).`
        : "Nội dung phải là một đối tượng JSON có trường figures.",
  },
);

export interface SaveVillageResult {
  figures: VillageQuarterView;
  warnings: ApiIssue[];
  /** How many figures changed (0: the same figures were saved again; nothing was written). */
  changed: number;
}

/**
 * Records one quarter of one village. Checks, in order: the village exists and the actor may see it
 * (404/403), is the actor's own commune's village ("villages.figures", 403), the period and body are
 * well-formed (422), the quarter has ended (422), the village was not retired before it (422), the
 * figures' warnings are confirmed (422 with needsConfirmation), an existing quarter is written with
 * its version (428 without, 409 stale). Then writes the row and its audit entries in one transaction.
 */
export async function saveVillageFigures(
  prisma: PrismaClient,
  actor: Actor,
  input: { villageCode: unknown; year: unknown; quarter: unknown; body: unknown },
  now: Date = new Date(),
): Promise<SaveVillageResult> {
  const village = await scopeUnit(prisma, actor, input.villageCode);
  assertCan(actor, "villages.figures", village);

  const period = periodSchema.safeParse({ year: input.year, quarter: input.quarter });
  const body = saveVillageBodySchema.safeParse(input.body);
  const issues = [...(period.success ? [] : zodIssues(period.error)), ...(body.success ? [] : zodIssues(body.error))];
  if (!period.success || !body.success) invalid(issues);
  const { year, quarter } = period.data;

  if (!isPeriodEnded({ year, quarter }, now)) {
    throw new ServiceError(422, MSG.periodNotEnded(year, quarter), [{ path: "quarter", message: MSG.periodNotEnded(year, quarter) }]);
  }
  if (village.validTo && quarterStart(year, quarter).getTime() >= village.validTo.getTime()) {
    throw new ServiceError(422, VILLAGE_MSG.retired(village.name));
  }

  // A PUT replaces the quarter's figures: a key left out is "not entered".
  const figures = emptyVillageFigures();
  for (const k of VILLAGE_METRICS) figures[k] = body.data.figures[k] ?? null;
  const checks = checkVillageFigures(figures);
  const warnings: ApiIssue[] = checks.warnings.map((i) => ({ path: `figures.${i.path}`, message: i.message, code: i.code, severity: "warning" }));
  const errors: ApiIssue[] = checks.errors.map((i) => ({ path: `figures.${i.path}`, message: i.message, code: i.code, severity: "error" }));
  if (errors.length) throw new ServiceError(422, MSG.checksFailed, [...errors, ...warnings]);

  const key = { unitId_year_quarter: { unitId: village.id, year, quarter } };
  const version = body.data.version;
  const current = await prisma.villageFigure.findUnique({ where: key, select: rowSelect });
  if (current && version === undefined) throw new ServiceError(428, MSG.versionRequired, [{ path: "version", message: MSG.versionRequired }]);
  assertFresh(current, version, figures, village.name, year, quarter);
  if (warnings.length > 0 && !body.data.confirmWarnings) throw new ServiceError(422, MSG.needsConfirmation, warnings, { needsConfirmation: true });

  const before = figuresOfRow(current) ?? emptyVillageFigures();
  const changedKeys = VILLAGE_METRICS.filter((k) => before[k] !== figures[k]);
  if (current && changedKeys.length === 0) {
    return { figures: viewOf(village, current), warnings, changed: 0 };
  }

  const saved = await prisma.$transaction(async (tx) => {
    const existing = await tx.villageFigure.findUnique({ where: key, select: rowSelect });
    assertFresh(existing, version, figures, village.name, year, quarter);
    let row: Row & { id: number };
    if (existing) {
      // Conditional on the version read: of two concurrent saves, the second updates nothing.
      const r = await tx.villageFigure.updateMany({
        where: { id: existing.id, version: existing.version },
        data: { ...figures, updatedById: actor.id, version: { increment: 1 } },
      });
      if (r.count !== 1) throw staleError(village.name, year, quarter, await tx.villageFigure.findUnique({ where: key, select: rowSelect }), figures);
      row = await tx.villageFigure.findUniqueOrThrow({ where: { id: existing.id }, select: rowSelect });
    } else {
      const created = await tx.villageFigure.createMany({
        data: [{ ...figures, unitId: village.id, tenantId: village.tenantId!, year, quarter, updatedById: actor.id }],
        skipDuplicates: true,
      });
      if (created.count !== 1) throw staleError(village.name, year, quarter, await tx.villageFigure.findUnique({ where: key, select: rowSelect }), figures);
      row = await tx.villageFigure.findUniqueOrThrow({ where: key, select: rowSelect });
    }
    await audit(
      tx,
      changedKeys.map((k) => ({
        tenantId: village.tenantId,
        unitId: village.id,
        actorId: actor.id,
        entity: "figure" as const,
        entityId: `${village.code}/${year}/Q${quarter}`,
        field: k,
        oldValue: before[k],
        newValue: figures[k],
        at: now,
      })),
    );
    return row;
  });
  return { figures: viewOf(village, saved), warnings, changed: changedKeys.length };
}

function viewOf(village: { code: string; name: string }, r: Row): VillageQuarterView {
  return {
    unit: { code: village.code, name: village.name },
    year: r.year,
    quarter: r.quarter,
    figures: figuresOfRow(r)!,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy?.fullName ?? null,
  };
}

function assertFresh(current: Row | null, version: number | undefined, sent: VillageFigures, name: string, year: number, quarter: number) {
  if (version !== undefined && (current?.version ?? 0) !== version) throw staleError(name, year, quarter, current, sent);
}

/** 409 naming what is stored now where it differs from what was sent. */
function staleError(name: string, year: number, quarter: number, current: Row | null, sent: VillageFigures): ServiceError {
  const now = figuresOfRow(current) ?? emptyVillageFigures();
  const issues: ApiIssue[] = VILLAGE_METRICS.filter((k) => now[k] !== sent[k]).map((k) => ({
    path: `figures.${k}`,
    message: `${METRIC_LABELS_VI[k].label}: hiện đã lưu ${formatNumber(now[k])} (bạn nhập ${formatNumber(sent[k])}).`,
    severity: "error" as const,
    code: "conflict",
  }));
  return new ServiceError(409, VILLAGE_MSG.stale(name, year, quarter), issues, {
    conflict: true,
    current: current ? { figures: now, version: current.version } : null,
  });
}

// ---------------------------------------------------------------------------------------------
// A commune's villages in a quarter: figures, progress, marks

export interface VillageRow {
  unit: { code: string; name: string; type: string; retired: boolean };
  /** The actor may record this village's figures. */
  editable: boolean;
  figures: VillageFigures | null;
  /** 0 when nothing is recorded for the quarter. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  /** BHXH coverage ((compulsory + voluntary) / labour force) and BHYT coverage (BHYT / population). */
  coverage: { bhxh: number | null; bhyt: number | null };
  /** The village's targets of the year. */
  targets: Record<string, number>;
  /** The actual value of each target key this quarter. */
  actuals: Record<string, number | null>;
  progress: VillageProgress;
  /** 100% BHYT: "modelGroup" (tổ dân phố kiểu mẫu), "full" (another village), null. */
  mark: "modelGroup" | "full" | null;
}

export interface VillageBoard {
  commune: { code: string; name: string };
  year: number;
  quarter: number;
  /** The actor may record figures for the commune's villages. */
  editable: boolean;
  /** Behind first, then close, attained, not judged; by name within each. */
  villages: VillageRow[];
  /** The target keys any village has this year, in the targets' order. */
  targetKeys: string[];
  counts: Record<Status, number> & { total: number; recorded: number; marked: number };
}

/**
 * The villages of a commune in a quarter (in force, and retired ones with figures of that quarter):
 * their figures, targets, progress judged against the quarter's milestones (last year's Q4 figures
 * as the baseline, the village's milestone overrides), and the 100% BHYT mark.
 */
export async function villageBoard(prisma: PrismaClient, actor: Actor, commune: ScopedUnit, p: Period): Promise<VillageBoard> {
  if (commune.level !== "COMMUNE") throw new ServiceError(422, "Danh sách thôn, tổ dân phố chỉ có cho xã, phường, đặc khu.");
  const children = (
    await prisma.unit.findMany({
      where: { parentId: commune.id, level: "VILLAGE" },
      select: { id: true, code: true, name: true, type: true, level: true, parentId: true, tenantId: true, validTo: true },
    })
  ).filter((v) => can(actor, "unit.view", v));
  const ids = children.map((v) => v.id);
  const [rows, baselines, targets, overrides, settings, scenarios] = await Promise.all([
    prisma.villageFigure.findMany({ where: { unitId: { in: ids }, year: p.year, quarter: p.quarter }, select: rowSelect }),
    prisma.villageFigure.findMany({ where: { unitId: { in: ids }, year: p.year - 1, quarter: 4 }, select: rowSelect }),
    prisma.target.findMany({ where: { unitId: { in: ids }, year: p.year }, select: { unitId: true, key: true, value: true } }),
    prisma.milestone.findMany({ where: { unitId: { in: ids }, year: p.year, quarter: p.quarter }, select: { unitId: true, key: true, value: true } }),
    rankingSettings(prisma, commune.tenantId),
    // A village's saved monthly scenario sets its quarter milestones, as for every unit (lib/domain/milestones.ts).
    scenarioMilestones(prisma, p.year, p.quarter, { tenantId: commune.tenantId! }),
  ]);
  const rowOf = new Map(rows.map((r) => [r.unitId, r]));
  const baselineOf = new Map(baselines.map((r) => [r.unitId, r]));
  const group = (list: { unitId: number; key: string; value: number }[]) => {
    const m = new Map<number, Record<string, number>>();
    for (const t of list) m.set(t.unitId, { ...(m.get(t.unitId) ?? {}), [t.key]: t.value });
    return m;
  };
  const targetsOf = group(targets);
  const overridesOf = group(overrides);

  const villages: VillageRow[] = children
    .filter((v) => v.validTo === null || rowOf.has(v.id))
    .map((v) => {
      const r = rowOf.get(v.id) ?? null;
      const figures = figuresOfRow(r);
      const t = targetsOf.get(v.id) ?? {};
      const progress = villageProgress({
        targets: t,
        quarter: p.quarter,
        figures,
        baseline: figuresOfRow(baselineOf.get(v.id)),
        overrides: overridesOf.get(v.id),
        scenario: scenarios.get(v.id),
        bands: settings.bands,
      });
      const participants = villageBasis(figures).participants;
      return {
        unit: { code: v.code, name: v.name, type: v.type, retired: v.validTo !== null },
        editable: v.validTo === null && can(actor, "villages.figures", v),
        figures,
        version: r?.version ?? 0,
        updatedAt: r?.updatedAt.toISOString() ?? null,
        updatedBy: r?.updatedBy?.fullName ?? null,
        coverage: {
          bhxh: participants !== null && figures?.labourForce ? participants / figures.labourForce : null,
          bhyt: bhytCoverageOf(figures),
        },
        targets: t,
        actuals: Object.fromEntries(Object.keys(t).map((k) => [k, villageActual(k, figures)])),
        progress,
        mark: bhytMark(v.type, figures),
      };
    });
  const order = byProgress<{ overall: Status; name: string }>(compareVi);
  villages.sort((a, b) => order({ overall: a.progress.overall, name: a.unit.name }, { overall: b.progress.overall, name: b.unit.name }));
  const used = new Set(villages.flatMap((v) => Object.keys(v.targets)));
  const counts = { behind: 0, close: 0, attained: 0, none: 0, total: villages.length, recorded: 0, marked: 0 };
  for (const v of villages) {
    counts[v.progress.overall]++;
    if (v.figures) counts.recorded++;
    if (v.mark) counts.marked++;
  }
  return {
    commune: { code: commune.code, name: commune.name },
    year: p.year,
    quarter: p.quarter,
    editable: villages.some((v) => v.editable),
    villages,
    targetKeys: TARGET_KEYS.filter((k) => used.has(k)),
    counts,
  };
}

// ---------------------------------------------------------------------------------------------
// The basis of a suggested split among villages

export interface VillageBasis {
  labourForce: number | null;
  participants: number | null;
  /** The quarter the figures are of. */
  period: Period;
}

/** Each village's latest recorded quarter: its labour force and current BHXH participants (the suggested split's weights). */
export async function latestVillageBasis(prisma: PrismaClient, villageIds: readonly number[]): Promise<Map<number, VillageBasis>> {
  const out = new Map<number, VillageBasis>();
  if (villageIds.length === 0) return out;
  const rows = await prisma.villageFigure.findMany({
    where: { unitId: { in: [...villageIds] } },
    orderBy: [{ unitId: "asc" }, { year: "desc" }, { quarter: "desc" }],
    distinct: ["unitId"],
    select: rowSelect,
  });
  for (const r of rows) out.set(r.unitId, { ...villageBasis(figuresOfRow(r)), period: { year: r.year, quarter: r.quarter } });
  return out;
}
