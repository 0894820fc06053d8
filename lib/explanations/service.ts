// Explanations (giải trình): for an indicator behind its target, the commune officer writes why and
// what will be done; city staff and leaders read them beside the figure (and in the rankings).
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { isTargetKey } from "../domain/targets";
import { audit } from "../audit/audit";
import { ServiceError, MSG } from "../figures/errors";
import { periodSchema } from "../figures/period-schema";
import { type Actor } from "../figures/service";
import { scopeUnit } from "../auth/scope";
import { isoText, rawRead } from "../db/connect";

import { EXPLANATION_MAX, EXPLANATION_MIN } from "../domain/workflow";

const text = (what: string) =>
  z
    .string({ error: `Thiếu ${what}.` })
    .trim()
    .min(EXPLANATION_MIN, `${what[0].toUpperCase()}${what.slice(1)} cần ít nhất ${EXPLANATION_MIN} ký tự.`)
    .max(EXPLANATION_MAX, `${what[0].toUpperCase()}${what.slice(1)} tối đa 2.000 ký tự.`);

export const explanationSchema = z.object({
  key: z.string().refine(isTargetKey, { error: "Không có chỉ tiêu này." }),
  reason: text("nguyên nhân"),
  actions: text("giải pháp"),
  version: z.number().int().min(0).optional(),
});

export interface ExplanationView {
  key: string;
  reason: string;
  actions: string;
  author: string | null;
  updatedAt: string;
  version: number;
}

export async function listExplanations(
  prisma: PrismaClient,
  unitIds: number[],
  year: number,
  quarter: number,
): Promise<Map<number, Record<string, ExplanationView>>> {
  if (unitIds.length === 0) return new Map();
  // One statement with the authors' names (Prisma's include took a second query, even for no rows).
  const rows = await rawRead<{ unit_id: number; key: string; reason: string; actions: string; author: string | null; updated_at: string; version: number }>(
    prisma,
    `SELECT e.unit_id, e.key, e.reason, e.actions, a.full_name AS author,
            ${isoText("e.updated_at")} AS updated_at, e.version
     FROM explanations e LEFT JOIN users a ON a.id = e.author_id
     WHERE e.unit_id = ANY(string_to_array($1::text, ',')::int[]) AND e.year = $2::int AND e.quarter = $3::int`,
    [unitIds.join(","), year, quarter],
  );
  const out = new Map<number, Record<string, ExplanationView>>();
  for (const r of rows) {
    const unitId = Number(r.unit_id);
    const m = out.get(unitId) ?? {};
    m[r.key] = { key: r.key, reason: r.reason, actions: r.actions, author: r.author, updatedAt: r.updated_at, version: Number(r.version) };
    out.set(unitId, m);
  }
  return out;
}

export async function saveExplanation(prisma: PrismaClient, actor: Actor, raw: unknown, now = new Date()) {
  const input = (raw !== null && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const unit = await scopeUnit(prisma, actor, input.unitCode, "figures.enter");
  const p = periodSchema.safeParse({ year: input.year, quarter: input.quarter });
  const b = explanationSchema.safeParse(input);
  if (!p.success || !b.success) {
    const issues = [...(p.success ? [] : p.error.issues), ...(b.success ? [] : b.error.issues)].map((i) => ({ path: i.path.join("."), message: i.message }));
    // Say what is wrong ("Nguyên nhân cần ít nhất 10 ký tự"), not only that something is.
    const textIssues = issues.filter((i) => i.path === "reason" || i.path === "actions");
    throw new ServiceError(422, textIssues.length ? textIssues.map((i) => i.message).join(" ") : MSG.invalid, issues);
  }
  const { year, quarter } = p.data;
  const { key, reason, actions, version } = b.data;
  const target = await prisma.target.findUnique({ where: { unitId_year_key: { unitId: unit.id, year, key } } });
  if (!target)
    throw new ServiceError(422, `Chưa có chỉ tiêu năm ${year} cho nội dung này: không cần giải trình.`, [{ path: "key", message: "Chưa có chỉ tiêu." }]);
  return prisma.$transaction(async (tx) => {
    const existing = await tx.explanation.findUnique({ where: { unitId_year_quarter_key: { unitId: unit.id, year, quarter, key } } });
    if (version !== undefined && (existing?.version ?? 0) !== version) {
      throw new ServiceError(409, "Giải trình này vừa được sửa ở nơi khác: hãy tải lại trang.", [{ path: "reason", message: existing ? existing.reason : "" }]);
    }
    const saved = existing
      ? await tx.explanation.update({ where: { id: existing.id }, data: { reason, actions, authorId: actor.id, version: { increment: 1 } } })
      : await tx.explanation.create({ data: { tenantId: unit.tenantId!, unitId: unit.id, year, quarter, key, reason, actions, authorId: actor.id } });
    await audit(tx, [
      {
        tenantId: unit.tenantId,
        unitId: unit.id,
        actorId: actor.id,
        entity: "explanation",
        entityId: saved.id,
        field: `${key}.reason`,
        oldValue: existing?.reason ?? null,
        newValue: reason,
        at: now,
      },
      {
        tenantId: unit.tenantId,
        unitId: unit.id,
        actorId: actor.id,
        entity: "explanation",
        entityId: saved.id,
        field: `${key}.actions`,
        oldValue: existing?.actions ?? null,
        newValue: actions,
        at: now,
      },
    ]);
    return saved;
  });
}
