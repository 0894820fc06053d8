// Quarterly milestones of a unit's yearly targets (lib/domain/milestones.ts): the defaults, and the
// overrides city staff set for a quarter. Who may override is who may set the unit's targets
// ("targets.set": city staff for their communes and city, the administrator for provinces, the
// commune officer for its villages). Every change is versioned (a stale version is refused with
// 409, nothing written) and written to the audit trail in the same transaction.
// A unit with a saved monthly scenario for the year (lib/monthly/service.ts) takes its Q1–Q3
// milestones from the scenario's months 3, 6 and 9 (the precedence of lib/domain/milestones.ts):
// the grid shows them as such, read-only, and an override of them is refused (422).
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { can } from "../auth/permissions";
import { audit } from "../audit/audit";
import { computeIndicators } from "../domain/indicators";
import { defaultMilestone, milestoneFor, type MilestoneBasis } from "../domain/milestones";
import { quarterEndMonth, scenarioQuarterValues } from "../domain/scenario";
import { keyLabel } from "../i18n/labels";
import { actualForTarget, isTargetKey, targetKindOf, type TargetKey } from "../domain/targets";
import { isCountedStatus } from "../figures/counted";
import { ServiceError, MSG } from "../figures/errors";
import { aggregateFigures, readReport, readTargets, type Actor, type FigureValues, type UnitRef } from "../figures/service";
import { assertCan, scopeUnit } from "../auth/scope";
import { yearSchema } from "./service";

/** Quarters whose milestone may be overridden: Q4 is the year's target itself. */
export const OVERRIDABLE_QUARTERS = [1, 2, 3] as const;

export interface MilestoneCell {
  quarter: number;
  /** The default milestone (null: no default, e.g. no target). */
  defaultValue: number | null;
  defaultBasis: MilestoneBasis | null;
  /** City staff's value for this quarter, if any. */
  override: number | null;
  /** Version of the override row (0: none yet); send it back to change it. */
  version: number;
  /** The saved monthly scenario's value at the quarter-end month (Q1–Q3), if any: it is the milestone. */
  scenario: number | null;
  /** The milestone that applies (lib/domain/milestones.ts milestoneFor): scenario, else override, else default. */
  applied: { value: number; basis: MilestoneBasis } | null;
}

export interface MilestoneRow {
  key: TargetKey;
  kind: "COUNT" | "RATE";
  target: number;
  source: string | null;
  /** The unit's figure at the previous year end (a stock's starting point), if counted. */
  baseline: number | null;
  quarters: MilestoneCell[];
}

export interface MilestoneGrid {
  unit: { code: string; name: string; level: string };
  year: number;
  editable: boolean;
  /** Whether the unit has a saved monthly scenario for the year (its months 3, 6, 9 are the Q1–Q3 milestones). */
  scenarioSaved: boolean;
  rows: MilestoneRow[];
}

/** The unit's figures at the end of the previous year (a stock's starting point), if they count. */
export async function baselineFigures(prisma: PrismaClient, unit: UnitRef, year: number): Promise<FigureValues | null> {
  const p = { year: year - 1, quarter: 4 };
  if (unit.level === "COMMUNE" || unit.level === "VILLAGE") {
    const r = await readReport(prisma, unit.id, p);
    return r && isCountedStatus(r.status) ? r.figures : null;
  }
  const a = await aggregateFigures(prisma, unit.level === "NATION" ? null : unit.id, p);
  return a.reported > 0 ? a.figures : null;
}

export async function milestoneGrid(prisma: PrismaClient, actor: Actor, unitCode: string, yearInput: unknown): Promise<MilestoneGrid> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  const y = yearSchema.safeParse(yearInput);
  if (!y.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      y.error.issues.map((i) => ({ path: "year", message: i.message })),
    );
  const year = y.data;
  const [targets, overrides, base, scenario] = await Promise.all([
    readTargets(prisma, unit.id, year),
    prisma.milestone.findMany({ where: { unitId: unit.id, year } }),
    baselineFigures(prisma, unit, year),
    prisma.scenario.findUnique({ where: { unitId_year: { unitId: unit.id, year } }, select: { months: true } }),
  ]);
  const fromScenario = [1, 2, 3].map((q) => scenarioQuarterValues(scenario?.months ?? null, q));
  const plan = targets.amountCollected?.value ?? null;
  const baseIndicators = base ? computeIndicators(base, { revenuePlan: plan }) : null;
  const rows: MilestoneRow[] = Object.entries(targets)
    .filter(([k]) => isTargetKey(k))
    .map(([k, t]) => {
      const key = k as TargetKey;
      const baseline = base ? actualForTarget(key, base, baseIndicators) : null;
      return {
        key,
        kind: targetKindOf(key),
        target: t.value,
        source: t.source,
        baseline,
        quarters: [1, 2, 3, 4].map((q) => {
          const d = defaultMilestone(key, t.value, q, baseline);
          const o = overrides.find((m) => m.key === key && m.quarter === q);
          const s = q <= 3 ? (fromScenario[q - 1][key] ?? null) : null;
          const applied = milestoneFor(key, t.value, q, baseline, o?.value ?? null, s);
          return {
            quarter: q,
            defaultValue: d?.value ?? null,
            defaultBasis: d?.basis ?? null,
            override: o?.value ?? null,
            version: o?.version ?? 0,
            scenario: s,
            applied,
          };
        }),
      };
    });
  return {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    editable: can(actor, "targets.set", unit, { year: year }),
    scenarioSaved: scenario !== null,
    rows,
  };
}

const entrySchema = z.object(
  {
    key: z.string({ error: "Thiếu khóa chỉ tiêu (key)." }).refine(isTargetKey, { error: "Không có chỉ tiêu với khóa này." }),
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "Chỉ đặt mốc cho quý 1, 2 hoặc 3 (mốc quý 4 là chỉ tiêu năm)." }),
    value: z
      .number({ error: "Mốc phải là một số (để trống: dùng mốc mặc định)." })
      .finite()
      .positive("Mốc phải lớn hơn 0 (để trống: dùng mốc mặc định).")
      .nullable(),
    version: z.number({ error: "version phải là một số nguyên." }).int().min(0),
  },
  { error: "Mỗi mốc gồm key, quarter, value, version." },
);

export const saveMilestonesSchema = z.object(
  {
    year: yearSchema,
    entries: z.array(entrySchema, { error: "entries phải là một danh sách." }).min(1, "Chưa có mốc nào để lưu.").max(200, "Tối đa 200 mốc mỗi lần."),
  },
  { error: "Nội dung phải là { year, entries: [...] }." },
);

/** Sets or clears (value null) quarter milestones of one unit, all or nothing. */
export async function saveMilestones(prisma: PrismaClient, actor: Actor, unitCode: string, input: unknown): Promise<{ changed: number; grid: MilestoneGrid }> {
  // Scope and permission first (in some year), then the input, then the permission for its year.
  const unit = await scopeUnit(prisma, actor, unitCode, "targets.set");
  const parsed = saveMilestonesSchema.safeParse(input);
  if (!parsed.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const { year, entries } = parsed.data;
  assertCan(actor, "targets.set", unit, { year });
  const [targets, scenario] = await Promise.all([
    readTargets(prisma, unit.id, year),
    prisma.scenario.findUnique({ where: { unitId_year: { unitId: unit.id, year } }, select: { months: true } }),
  ]);
  const issues = entries.flatMap((e, i) => {
    const key = e.key as TargetKey;
    if (!targets[key])
      return [{ path: `entries.${i}.key`, message: `Chưa có chỉ tiêu năm ${year} cho «${key}»: hãy giao chỉ tiêu năm trước khi đặt mốc quý.` }];
    // One value per quarter: a quarter the saved scenario plans is edited in the scenario.
    if (e.value !== null && scenarioQuarterValues(scenario?.months ?? null, e.quarter)[key] !== undefined)
      return [
        {
          path: `entries.${i}.value`,
          message: `Mốc quý ${e.quarter} của «${keyLabel(key, "vi")}» lấy từ kịch bản theo tháng năm ${year} (tháng ${quarterEndMonth(e.quarter)}): hãy sửa kịch bản ở trang Theo tháng.`,
        },
      ];
    if (e.value !== null && targetKindOf(key) === "RATE" && e.value > 1)
      return [{ path: `entries.${i}.value`, message: "Mốc của một tỷ lệ không được quá 100%." }];
    return [];
  });
  if (issues.length) throw new ServiceError(422, MSG.invalid, issues);
  let changed = 0;
  await prisma.$transaction(async (tx) => {
    for (const e of entries) {
      const where = { unitId_year_quarter_key: { unitId: unit.id, year, quarter: e.quarter, key: e.key } };
      const current = await tx.milestone.findUnique({ where });
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== e.version) {
        throw new ServiceError(409, "Mốc kế hoạch đã được người khác sửa trong lúc bạn nhập: hãy tải lại trang, không có gì được lưu.", [
          { path: `${e.key}.${e.quarter}`, message: `Hiện là ${current?.value ?? "mặc định"} (phiên bản ${currentVersion}).` },
        ]);
      }
      if ((current?.value ?? null) === e.value) continue;
      if (e.value === null) {
        await tx.milestone.delete({ where });
      } else if (current) {
        await tx.milestone.update({ where, data: { value: e.value, version: { increment: 1 }, setById: actor.id } });
      } else {
        await tx.milestone.create({
          data: { tenantId: unit.tenantId, unitId: unit.id, year, quarter: e.quarter, key: e.key, value: e.value, setById: actor.id },
        });
      }
      await audit(tx, [
        {
          tenantId: unit.tenantId,
          unitId: unit.id,
          actorId: actor.id,
          entity: "milestone",
          entityId: `${unit.code}:${year}:Q${e.quarter}`,
          field: e.key,
          oldValue: current?.value ?? null,
          newValue: e.value,
        },
      ]);
      changed++;
    }
  });
  return { changed, grid: await milestoneGrid(prisma, actor, unitCode, year) };
}
