// Targets: reading a unit's targets and its children's (the grid), and saving many at once in one
// transaction, each change recorded in target_revisions. Permissions: lib/auth/roles.ts
// can(…, "targets.set"); the grid and the JSON API both call these functions.
import { z } from "zod";
import { countedReport } from "../figures/counted";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import { can } from "../auth/permissions";
import { COUNT_TARGET_KEYS, TARGET_KEYS, TARGET_YEARS, isTargetKey, targetKindOf, type TargetKey } from "../domain/targets";
import { MAX_PEOPLE, MAX_VND } from "../domain/figures-validation";
import { formatNumber } from "../format";
import { inForceThenByName } from "../collate";
import { keyLabel } from "../i18n/labels";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";
import { audit } from "../audit/audit";
import type { Actor, UnitRef } from "../figures/service";
import type { ScopedUnit } from "../auth/scope";
import { latestVillageBasis } from "../villages/service";

export const yearSchema = z.coerce
  .number({ error: "Năm phải là một số." })
  .int("Năm phải là số nguyên.")
  .min(TARGET_YEARS.min, `Chỉ tiêu được giao cho các năm ${TARGET_YEARS.min}–${TARGET_YEARS.max}.`)
  .max(TARGET_YEARS.max, `Chỉ tiêu được giao cho các năm ${TARGET_YEARS.min}–${TARGET_YEARS.max}.`);

const entrySchema = z.object({
  unitCode: z.string({ error: "Thiếu mã đơn vị." }).trim().min(1, "Thiếu mã đơn vị.").max(32),
  key: z.string({ error: "Thiếu loại chỉ tiêu." }).refine(isTargetKey, { error: (i) => `Không có loại chỉ tiêu «${String(i.input)}».` }),
  value: z.number({ error: "Giá trị chỉ tiêu phải là một số (hoặc null để xóa)." }).nullable(),
  version: z.number().int().optional(),
});

export const saveTargetsSchema = z.object({
  year: yearSchema,
  source: z.string().trim().max(200, "Nguồn chỉ tiêu quá dài (tối đa 200 ký tự).").optional(),
  entries: z.array(entrySchema).max(10_000, "Quá nhiều chỉ tiêu trong một lần lưu."),
});

export type SaveTargetsInput = z.input<typeof saveTargetsSchema>;

/** Revenue completion may be planned above 100% of the plan ("tổng số thu vượt 100%"), up to this. */
export const MAX_REVENUE_COMPLETION_TARGET = 2;

/**
 * A value's own rule: counts are whole and within range; rates are fractions between 0 and 1,
 * except revenue completion (collected / plan), which may exceed 1 up to MAX_REVENUE_COMPLETION_TARGET.
 */
export function checkTargetValue(key: TargetKey, value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return "Chỉ tiêu không được âm.";
  if (targetKindOf(key) === "COUNT") {
    if (!Number.isInteger(value)) return "Chỉ tiêu số lượng phải là số nguyên.";
    const max = key === "amountCollected" ? MAX_VND : MAX_PEOPLE;
    if (value > max) return `Chỉ tiêu quá lớn (tối đa ${formatNumber(max)}).`;
    return null;
  }
  if (key === "revenueCompletion") {
    if (value > MAX_REVENUE_COMPLETION_TARGET) return "Chỉ tiêu hoàn thành kế hoạch thu là một phân số từ 0 đến 2 (ví dụ 1 cho 100%).";
    return null;
  }
  if (value > 1) return "Chỉ tiêu tỷ lệ là một phân số từ 0 đến 1 (ví dụ 0,43 cho 43%).";
  return null;
}

export interface TargetDetail {
  key: TargetKey;
  kind: "COUNT" | "RATE";
  value: number;
  source: string | null;
  version: number;
  updatedAt: string;
  setBy: string | null;
}

type Row = {
  unitId: number;
  key: string;
  kind: "COUNT" | "RATE";
  value: number;
  source: string | null;
  version: number;
  updatedAt: Date;
  setBy: { fullName: string } | null;
};

const detailOf = (r: Row): TargetDetail => ({
  key: r.key as TargetKey,
  kind: r.kind,
  value: r.value,
  source: r.source,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
  setBy: r.setBy?.fullName ?? null,
});

async function targetRows(prisma: PrismaClient, unitIds: number[], year: number): Promise<Row[]> {
  return prisma.target.findMany({
    where: { unitId: { in: unitIds }, year },
    select: { unitId: true, key: true, kind: true, value: true, source: true, version: true, updatedAt: true, setBy: { select: { fullName: true } } },
  });
}

export interface GridChild {
  unit: { code: string; name: string; type: string; level: string; retired: boolean };
  editable: boolean;
  targets: Partial<Record<TargetKey, TargetDetail>>;
  /**
   * Basis for suggestions: a commune's (or province's) latest submitted figures before the target
   * year; a village's latest recorded quarter of its own figures (lib/villages).
   */
  basis: { labourForce: number | null; participants: number | null };
  /** The quarter the basis is of (null: no figures). */
  basisPeriod: { year: number; quarter: number } | null;
}

export interface TargetGrid {
  unit: { code: string; name: string; level: string };
  year: number;
  editable: boolean;
  targets: Partial<Record<TargetKey, TargetDetail>>;
  children: GridChild[];
  /** Sum of the children's count targets, per key. */
  sums: Partial<Record<TargetKey, number>>;
  /** Parent's count target minus the sum of the children's (null without a parent target). */
  gaps: Partial<Record<TargetKey, number | null>>;
  /** Where the suggestion basis comes from: the children's quarterly reports, or (villages) their own recorded figures. */
  basisSource: "reports" | "villageFigures";
}

/** A unit's targets for a year, with its children's (communes of a city, villages of a commune). */
export async function targetGrid(prisma: PrismaClient, actor: Actor, unit: ScopedUnit, year: number): Promise<TargetGrid> {
  // In force first, then by name in Vietnamese order (sorted here: the database compares code points).
  const children = (
    await prisma.unit.findMany({
      where: { parentId: unit.id },
      select: { id: true, code: true, name: true, type: true, level: true, parentId: true, tenantId: true, validTo: true },
    })
  ).sort(inForceThenByName);
  const visible = children.filter((c) => can(actor, "unit.view", c));
  const rows = await targetRows(prisma, [unit.id, ...visible.map((c) => c.id)], year);
  const byUnit = new Map<number, Partial<Record<TargetKey, TargetDetail>>>();
  for (const r of rows) {
    const m = byUnit.get(r.unitId) ?? {};
    m[r.key as TargetKey] = detailOf(r);
    byUnit.set(r.unitId, m);
  }
  // Suggestion basis: each child's latest submitted/approved figures up to the year before the target
  // year; for villages (which have no quarterly reports) their latest recorded village figures.
  const basis = new Map<number, { labourForce: number | null; participants: number | null; period: { year: number; quarter: number } | null }>();
  const villageChildren = unit.level === "COMMUNE";
  if (villageChildren) {
    for (const [id, b] of await latestVillageBasis(
      prisma,
      visible.map((c) => c.id),
    ))
      basis.set(id, b);
  } else if (visible.length > 0) {
    const b = await rawRead<{ unit_id: number; labour_force: number | null; participants: number | null; year: number; quarter: number }>(
      prisma,
      `SELECT DISTINCT ON (unit_id) unit_id, labour_force::float8 AS labour_force, year::int AS year, quarter::int AS quarter,
              (coalesce(bhxh_compulsory, 0) + coalesce(bhxh_voluntary, 0))::float8 AS participants
       FROM quarter_reports
       WHERE unit_id = ANY($1::int[]) AND ${countedReport()} AND year < $2::int
       ORDER BY unit_id, year DESC, quarter DESC`,
      [visible.map((c) => c.id), year],
    );
    for (const r of b)
      basis.set(Number(r.unit_id), {
        labourForce: r.labour_force === null ? null : Number(r.labour_force),
        participants: r.participants === null ? null : Number(r.participants),
        period: { year: Number(r.year), quarter: Number(r.quarter) },
      });
  }
  const gridChildren: GridChild[] = visible.map((c) => ({
    unit: { code: c.code, name: c.name, type: c.type, level: c.level, retired: c.validTo !== null },
    editable: c.validTo === null && can(actor, "targets.set", c, { year: year }),
    targets: byUnit.get(c.id) ?? {},
    basis: { labourForce: basis.get(c.id)?.labourForce ?? null, participants: basis.get(c.id)?.participants ?? null },
    basisPeriod: basis.get(c.id)?.period ?? null,
  }));
  const own = byUnit.get(unit.id) ?? {};
  const sums: Partial<Record<TargetKey, number>> = {};
  const gaps: Partial<Record<TargetKey, number | null>> = {};
  for (const k of COUNT_TARGET_KEYS) {
    const active = gridChildren.filter((c) => !c.unit.retired);
    sums[k] = active.reduce((s, c) => s + (c.targets[k]?.value ?? 0), 0);
    gaps[k] = own[k] ? own[k]!.value - sums[k]! : null;
  }
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    editable: can(actor, "targets.set", unit, { year: year }),
    targets: own,
    children: gridChildren,
    sums,
    gaps,
    basisSource: villageChildren ? "villageFigures" : "reports",
  };
}

export interface SaveTargetsResult {
  changed: number;
  unchanged: number;
}

/**
 * Saves many targets at once. Refused as a whole (nothing written) when any entry is malformed
 * (422), names an unknown unit (422), a unit the actor may not set (403), or was changed by someone
 * else since it was read (409, when `version` is given). Each change writes a revision.
 */
export async function saveTargets(prisma: PrismaClient, actor: Actor, input: unknown, now: Date = new Date()): Promise<SaveTargetsResult> {
  const parsed = saveTargetsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ServiceError(
      422,
      MSG.invalid,
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const { year, entries } = parsed.data;
  const source = parsed.data.source || null;
  const codes = [...new Set(entries.map((e) => e.unitCode))];
  const units = await prisma.unit.findMany({
    where: { code: { in: codes }, validTo: null },
    select: { id: true, code: true, name: true, level: true, parentId: true, tenantId: true },
  });
  const unitOf = new Map(units.map((u) => [u.code, u]));
  // Messages name a unit by its name with the code beside it ("Xã Kim Thành (10804)"), never by code alone.
  const unitLabel = (code: string) => {
    const u = unitOf.get(code);
    return u ? `${u.name} (${u.code})` : `«${code}»`;
  };
  const issues: ApiIssue[] = [];
  entries.forEach((e, i) => {
    if (e.value !== null) {
      const m = checkTargetValue(e.key as TargetKey, e.value);
      if (m) issues.push({ path: `entries.${i}.value`, message: `${unitLabel(e.unitCode)} · ${keyLabel(e.key, "vi")}: ${m}` });
    }
  });
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const k = `${e.unitCode}|${e.key}`;
    if (seen.has(k)) issues.push({ path: `entries.${i}`, message: `Chỉ tiêu «${keyLabel(e.key, "vi")}» của ${unitLabel(e.unitCode)} xuất hiện hai lần.` });
    seen.add(k);
  });
  const unitCodeOf = new Map(units.map((u) => [u.id, u.code]));
  entries.forEach((e, i) => {
    if (!unitOf.has(e.unitCode)) issues.push({ path: `entries.${i}.unitCode`, message: `Không có đơn vị đang hoạt động mang mã «${e.unitCode}».` });
  });
  if (issues.length) throw new ServiceError(422, MSG.invalid, issues);
  const refused = units.filter((u) => !can(actor, "targets.set", u, { year: year }));
  if (refused.length) {
    // Name only the units the actor may see: a refusal never reveals what lies outside their scope.
    const visible = refused.filter((u) => can(actor, "unit.view", u));
    const list = visible.length
      ? `: ${visible.map((u) => `${u.name} (${u.code})`).join(", ")}${visible.length < refused.length ? ` và ${refused.length - visible.length} đơn vị ngoài phạm vi` : ""}`
      : ` ${refused.length} đơn vị ngoài phạm vi của bạn`;
    throw new ServiceError(403, `Tài khoản của bạn không được giao chỉ tiêu năm ${year} cho${list}.`);
  }

  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.target.findMany({ where: { unitId: { in: units.map((u) => u.id) }, year } });
      const current = new Map(existing.map((t) => [`${t.unitId}|${t.key}`, t]));
      const conflicts: ApiIssue[] = [];
      let changed = 0;
      const revisions: Prisma.TargetRevisionCreateManyInput[] = [];
      for (const [i, e] of entries.entries()) {
        const u = unitOf.get(e.unitCode)!;
        const key = e.key as TargetKey;
        const old = current.get(`${u.id}|${key}`);
        const currentVersion = old?.version ?? 0;
        if (e.version !== undefined && currentVersion !== e.version) {
          conflicts.push({
            path: `entries.${i}`,
            message: `${u.name} (${u.code}) · ${keyLabel(key, "vi")}: đã được ${old ? `sửa thành ${formatNumber(old.value)}` : "xóa"} sau khi bạn mở bảng.`,
          });
          continue;
        }
        const newSource = e.value === null ? null : (source ?? old?.source ?? null);
        if ((old?.value ?? null) === e.value && (e.value === null || (old?.source ?? null) === newSource)) continue;
        changed++;
        // Conditional writes: another transaction that changed the row since we read it makes
        // these touch nothing, which is a conflict (two concurrent saves can't both win).
        const lost = () => conflicts.push({ path: `entries.${i}`, message: `${u.name} (${u.code}) · ${keyLabel(key, "vi")}: vừa được người khác thay đổi.` });
        if (e.value === null) {
          const r = await tx.target.deleteMany({ where: { id: old!.id, version: old!.version } });
          if (r.count !== 1) lost();
        } else if (old) {
          const r = await tx.target.updateMany({
            where: { id: old.id, version: old.version },
            data: { value: e.value, source: newSource, setById: actor.id, version: { increment: 1 } },
          });
          if (r.count !== 1) lost();
        } else {
          // Versions keep counting across a removal, so a save read before it can't slip through.
          const history = await tx.targetRevision.count({ where: { unitId: u.id, year, key } });
          const created = await tx.target.createMany({
            data: [
              {
                unitId: u.id,
                tenantId: u.tenantId,
                year,
                key,
                kind: targetKindOf(key),
                value: e.value,
                source: newSource,
                setById: actor.id,
                version: history + 1,
              },
            ],
            skipDuplicates: true,
          });
          if (created.count !== 1) lost();
        }
        revisions.push({
          unitId: u.id,
          tenantId: u.tenantId,
          year,
          key,
          kind: targetKindOf(key),
          oldValue: old?.value ?? null,
          newValue: e.value,
          oldSource: old?.source ?? null,
          newSource,
          changedById: actor.id,
          changedAt: now,
        });
      }
      if (conflicts.length) {
        throw new ServiceError(409, "Có người khác đã thay đổi các chỉ tiêu này trong lúc bạn sửa: chưa lưu gì. Hãy tải lại bảng.", conflicts);
      }
      if (revisions.length) {
        await tx.targetRevision.createMany({ data: revisions });
        await audit(
          tx,
          revisions.map((r) => ({
            tenantId: r.tenantId ?? null,
            unitId: r.unitId,
            actorId: actor.id,
            entity: "target" as const,
            entityId: `${unitCodeOf.get(r.unitId)}/${r.year}/${r.key}`,
            field: r.key,
            oldValue: r.oldValue ?? null,
            newValue: r.newValue ?? null,
            reason: r.newSource ?? null,
            at: now,
          })),
        );
      }
      return { changed, unchanged: entries.length - changed };
    },
    { timeout: 60_000, maxWait: 20_000 },
  );
}

/** PUT /units/{code}/targets body: { targets: { key: value|null }, source?, versions? }. */
export const putTargetsBodySchema = z.object(
  {
    targets: z.record(z.string(), z.number().nullable(), { error: "targets phải là một đối tượng { khóa: giá trị }." }),
    source: z.string().max(200).optional(),
    versions: z.record(z.string(), z.number().int()).optional(),
  },
  { error: "Nội dung phải là JSON dạng { targets: {...}, source? }." },
);

export function entriesForUnit(unitCode: string, body: z.infer<typeof putTargetsBodySchema>) {
  return Object.entries(body.targets).map(([key, value]) => ({
    unitCode,
    key,
    value,
    ...(body.versions?.[key] !== undefined ? { version: body.versions[key] } : {}),
  }));
}

export { TARGET_KEYS };
