// The audit trail: append-only rows, one per changed field (the database refuses UPDATE and
// DELETE on audit_entries). Every service that changes a figure, target, status, unit, user or
// role writes here, in the same transaction as the change.
import type { Prisma, PrismaClient } from "../generated/prisma/client";

export const AUDIT_ENTITIES = [
  "figure",
  "report",
  "status",
  "target",
  "milestone",
  "unit",
  "user",
  "role",
  "explanation",
  "setting",
  "session",
  "employer",
  "publication",
  "scenario",
  "monthly",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditInput {
  tenantId: number | null;
  unitId: number | null;
  actorId: number | null;
  entity: AuditEntity;
  entityId: string | number;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
  at?: Date;
}

type Tx = Prisma.TransactionClient | PrismaClient;

const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === "string" ? v : typeof v === "bigint" ? v.toString() : JSON.stringify(v);

export async function audit(tx: Tx, entries: AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEntry.createMany({
    data: entries.map((e) => ({
      tenantId: e.tenantId,
      unitId: e.unitId,
      actorId: e.actorId,
      entity: e.entity,
      entityId: String(e.entityId),
      field: e.field ?? null,
      oldValue: text(e.oldValue),
      newValue: text(e.newValue),
      reason: e.reason ?? null,
      ...(e.at ? { at: e.at } : {}),
    })),
  });
}
