// Monthly figures in from a file (issue 15, item 2): "entered or imported by city staff". The
// template of a unit's year (one row a month, the stored figures filled in), the check of an uploaded
// .xlsx or CSV — every row through the monthly form's own rules (lib/monthly/service.ts: its zod
// schema and the rules across fields; a month not ended is refused), errors by row and column and
// nothing stored but the pending import — then the commit of every changed month in one transaction,
// versioned (409 when a month changed since the preview) and audited (entity "monthly", one entry per
// changed value, and one for the file). The same check → preview → commit as the quarterly import
// (lib/imports/service.ts, PendingImport of kind "monthly"). Scope: `scopeUnit(…, "figures.monthly")`.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import { scopeUnit } from "../auth/scope";
import { audit, type AuditInput } from "../audit/audit";
import { isMonthEnded, MONTHLY_METRIC_KEYS, type MonthlyMetricKey } from "../domain/scenario";
import { METRIC_LABELS_VI } from "../domain/figures-validation";
import { ServiceError, MSG } from "../figures/errors";
import { formatNumber } from "../format";
import type { Actor } from "../figures/service";
import { fileErrors, importNotFound, IMPORT_TTL_MS, type ImportChange } from "../imports/service";
import { MAX_FILE_BYTES, MSG_IMPORT, toCsv, type SheetIssue } from "../imports/sheet";
import { readUpload, sheetXlsx } from "../imports/workbook";
import { MONTHLY_HEADERS, MONTHLY_SUBTITLE, monthlyMetricOfHeader, monthlyTitle, parseMonthlyGrid, periodText } from "../imports/monthly-sheet";
import {
  MONTHLY_MSG,
  monthlyCrossIssues,
  monthlyWarnings,
  previousMonthOf,
  monthlyFiguresOf,
  monthlyFiguresSchema,
  parseYear,
  valuesOf,
  type MonthFigures,
  type MonthlyFiguresView,
  type MonthlyValues,
} from "./service";

/** The refusals of the monthly import (Vietnamese; their English is in lib/i18n/server-messages.ts). */
export const MONTHLY_IMPORT_MSG = {
  stale: (months: number[], y: number) =>
    `Số liệu tháng ${months.join(", ")} năm ${y} đã thay đổi sau khi bạn xem trước: chưa lưu gì. Hãy tải tệp lên lại để xem số hiện tại.`,
  commitBody: "Nội dung phải là một đối tượng JSON (có thể rỗng: {}).",
  confirmWarnings: "confirmWarnings phải là true hoặc false.",
} as const;

const KIND = "monthly";
const EMPTY = Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, null])) as MonthlyValues;
const COLUMNS = Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, true])) as Record<MonthlyMetricKey, true>;

// ---------------------------------------------------------------------------------------------
// Template

export interface MonthlyTemplate {
  unitCode: string;
  unitName: string;
  year: number;
  months: MonthFigures[];
}

/** The year's twelve months of a unit with the stored figures (city staff: "figures.monthly"). */
export async function monthlyTemplate(prisma: PrismaClient, actor: Actor, unitCode: unknown, yearInput: unknown, now = new Date()): Promise<MonthlyTemplate> {
  const unit = await scopeUnit(prisma, actor, unitCode, "figures.monthly");
  const year = parseYear(yearInput);
  const view = await monthlyFiguresOf(prisma, actor, unit, year, now);
  return { unitCode: unit.code, unitName: unit.name, year, months: view.months };
}

const templateRows = (t: MonthlyTemplate) =>
  t.months.map((m) => [String(m.month), periodText(t.year, m.month, m.ended), ...MONTHLY_METRIC_KEYS.map((k) => m.figures?.[k] ?? null)]);

export async function monthlyTemplateXlsx(t: MonthlyTemplate): Promise<Buffer> {
  return sheetXlsx({
    title: monthlyTitle(t.unitName, t.year),
    subtitle: MONTHLY_SUBTITLE,
    headers: MONTHLY_HEADERS,
    rows: templateRows(t),
    numFmt: () => "#,##0",
    width: (i) => (i === 0 ? 24 : ["amountDue", "amountCollected", "latePayments"].includes(MONTHLY_METRIC_KEYS[i - 1]) ? 20 : 15),
  });
}

/** The same rows as CSV (UTF-8 with BOM, ";"): numbers as plain digits. */
export function monthlyTemplateCsv(t: MonthlyTemplate): string {
  return toCsv([[monthlyTitle(t.unitName, t.year)], [MONTHLY_SUBTITLE], [], MONTHLY_HEADERS, ...templateRows(t)]);
}

// ---------------------------------------------------------------------------------------------
// Check (preview)

export interface MonthlyImportItem {
  row: number;
  month: number;
  changes: ImportChange[];
}

export interface MonthlyImportPreview {
  id: string;
  unit: { code: string; name: string };
  year: number;
  fileName: string;
  sha256: string;
  /** Month rows read from the file. */
  rows: number;
  /** Months whose figures change: old → new. */
  changes: MonthlyImportItem[];
  /**
   * The monthly form's warnings on the changed months (a participant count moving over ±20% from the
   * month before, money collected going down within the year), against the month before as it will be
   * after this file. To save, city staff confirm them (commit with confirmWarnings: true).
   */
  warnings: { row: number; month: number; key: string; message: string }[];
  /** Month rows that change nothing. */
  unchanged: number;
}

/** What a pending monthly import keeps for its commit. */
interface StagedMonth {
  month: number;
  row: number;
  /** The stored month's version when checked (0: nothing stored yet). */
  version: number;
  before: MonthlyValues;
  figures: MonthlyValues;
}

/**
 * POST (multipart: file, year): checks a file of a year's monthly figures. Every month row with a
 * change goes through the form's rules; any error — by row and column — is a 422 and nothing is
 * stored. Otherwise the changes are kept as a pending import (6 hours) and previewed.
 */
export async function stageMonthlyImport(
  prisma: PrismaClient,
  actor: Actor,
  input: { unitCode: unknown; year: unknown; fileName: string; bytes: Uint8Array },
  now = new Date(),
): Promise<MonthlyImportPreview> {
  const unit = await scopeUnit(prisma, actor, input.unitCode, "figures.monthly");
  const year = parseYear(input.year);
  if (input.bytes.length > MAX_FILE_BYTES) throw new ServiceError(413, MSG_IMPORT.tooLarge, [{ path: "file", message: MSG_IMPORT.tooLarge }]);
  const fileName = (input.fileName || "tep-tai-len").slice(0, 200);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const read = await readUpload(input.bytes, fileName, monthlyMetricOfHeader);
  if (!read.ok) throw fileErrors([{ row: 0, column: "", unitCode: null, unitName: null, message: read.message }]);
  const parsed = parseMonthlyGrid(read.grid, year);
  const errors: SheetIssue[] = [...parsed.errors];
  const columnOf = (key: string) => parsed.columnNames[key as MonthlyMetricKey] ?? METRIC_LABELS_VI[key as MonthlyMetricKey]?.label ?? "";

  const stored = await prisma.monthlyFigures.findMany({ where: { unitId: unit.id, year }, select: { ...COLUMNS, month: true, version: true } });
  const storedOf = new Map(stored.map((s) => [s.month, s]));
  const items: MonthlyImportItem[] = [];
  const staged: StagedMonth[] = [];
  let unchanged = 0;
  for (const r of parsed.rows) {
    const error = (column: string, message: string) =>
      errors.push({ row: r.row, column, unitCode: String(r.month), unitName: `Tháng ${r.month}/${year}`, message });
    const s = storedOf.get(r.month);
    const before = s ? valuesOf(s) : EMPTY;
    // An empty cell keeps the stored value: a row without values (a month not ended, in the template) changes nothing.
    const figures: MonthlyValues = { ...before, ...r.values };
    const changed = MONTHLY_METRIC_KEYS.filter((k) => figures[k] !== before[k]);
    if (changed.length === 0) {
      unchanged++;
      continue;
    }
    // The form's rules, in its order: the period, the fields (zod), then across the fields.
    if (!isMonthEnded(year, r.month, now)) {
      error(parsed.monthColumn, MONTHLY_MSG.monthNotEnded(year, r.month));
      continue;
    }
    const checked = monthlyFiguresSchema.safeParse(figures);
    if (!checked.success) {
      for (const i of checked.error.issues) error(columnOf(String(i.path[0] ?? "")), i.message);
      continue;
    }
    const cross = monthlyCrossIssues(figures);
    for (const i of cross) error(i.path ? columnOf(i.path) : "", i.message);
    if (cross.length > 0) continue;
    items.push({
      row: r.row,
      month: r.month,
      changes: changed.map((k) => ({ key: k, label: METRIC_LABELS_VI[k].label, old: before[k], new: figures[k] })),
    });
    staged.push({ month: r.month, row: r.row, version: s?.version ?? 0, before, figures });
  }
  if (errors.length > 0) throw fileErrors(errors.sort((a, b) => a.row - b.row));

  // The form's warnings, each changed month against the month before as it will be after this file
  // (the file's own row for it, else the stored month; for January, the stored December before).
  const after = new Map<number, MonthlyValues>(stored.map((s) => [s.month, valuesOf(s)]));
  for (const s of staged) after.set(s.month, s.figures);
  const december = staged.some((s) => s.month === 1)
    ? await prisma.monthlyFigures.findUnique({ where: { unitId_year_month: { unitId: unit.id, year: year - 1, month: 12 } }, select: COLUMNS })
    : null;
  const warnings: MonthlyImportPreview["warnings"] = [];
  for (const s of staged) {
    const prev = previousMonthOf(year, s.month);
    const before = prev.year === year ? (after.get(prev.month) ?? null) : december ? valuesOf(december) : null;
    for (const w of monthlyWarnings(s.figures, before, prev.year === year)) warnings.push({ row: s.row, month: s.month, key: w.path, message: w.message });
  }

  await prisma.pendingImport.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IMPORT_TTL_MS) } } });
  const id = randomBytes(16).toString("hex");
  await prisma.pendingImport.create({
    data: {
      id,
      userId: actor.id,
      unitId: unit.id,
      kind: KIND,
      year,
      quarter: null,
      fileName,
      sha256,
      rows: { months: staged, warnings: warnings.length } as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
  return { id, unit: { code: unit.code, name: unit.name }, year, fileName, sha256, rows: parsed.rows.length, changes: items, unchanged, warnings };
}

// ---------------------------------------------------------------------------------------------
// Commit

const commitBodySchema = z.object(
  { confirmWarnings: z.boolean({ error: MONTHLY_IMPORT_MSG.confirmWarnings }).default(false) },
  { error: MONTHLY_IMPORT_MSG.commitBody },
);

const isUniqueClash = (e: unknown) => (e as { code?: string } | null)?.code === "P2002";

/**
 * POST …/monthly/imports/{id}/commit: saves every changed month of a checked file in one transaction
 * — all or none — with the audit entries. 409 when a month was saved since the preview (nothing
 * written); 404 for an import that is not this user's, this unit's, a monthly one, or is expired.
 */
export async function commitMonthlyImport(
  prisma: PrismaClient,
  actor: Actor,
  input: { unitCode: unknown; id: unknown; body: unknown },
  now = new Date(),
): Promise<{ saved: number; months: number[]; figures: MonthlyFiguresView }> {
  const unit = await scopeUnit(prisma, actor, input.unitCode, "figures.monthly");
  const body = commitBodySchema.safeParse(input.body ?? {});
  if (!body.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  if (typeof input.id !== "string" || !/^[0-9a-f]{32}$/.test(input.id)) throw importNotFound();
  const pending = await prisma.pendingImport.findUnique({ where: { id: input.id } });
  if (
    !pending ||
    pending.kind !== KIND ||
    pending.userId !== actor.id ||
    pending.unitId !== unit.id ||
    now.getTime() - pending.createdAt.getTime() > IMPORT_TTL_MS
  )
    throw importNotFound();
  const year = pending.year;
  const { months: staged, warnings = 0 } = pending.rows as unknown as { months: StagedMonth[]; warnings?: number };
  // The warnings shown in the preview are confirmed before anything is saved (as the monthly form asks).
  if (warnings > 0 && !body.data.confirmWarnings)
    throw new ServiceError(
      422,
      `${MSG.needsConfirmation} (${formatNumber(warnings)} cảnh báo)`,
      [{ path: "confirmWarnings", message: MSG.needsConfirmation }],
      {
        needsConfirmation: true,
      },
    );
  const reason = `Nhập số liệu tháng từ tệp «${pending.fileName}» (SHA-256 ${pending.sha256})`;
  const stale = (months: number[]) =>
    new ServiceError(
      409,
      MONTHLY_IMPORT_MSG.stale(months, year),
      months.map((m) => ({ path: `month.${m}`, message: MONTHLY_MSG.monthlyStale(year, m) })),
      { conflict: true, months },
    );
  try {
    await prisma.$transaction(async (tx) => {
      const current = await tx.monthlyFigures.findMany({
        where: { unitId: unit.id, year, month: { in: staged.map((s) => s.month) } },
        select: { id: true, month: true, version: true },
      });
      const currentOf = new Map(current.map((c) => [c.month, c]));
      const changedSince = staged.filter((s) => (currentOf.get(s.month)?.version ?? 0) !== s.version).map((s) => s.month);
      if (changedSince.length > 0) throw stale(changedSince);
      for (const s of staged) {
        const f = s.figures;
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
        const c = currentOf.get(s.month);
        if (c) {
          // The version in the WHERE: a save between the read and this write changes nothing (409).
          const n = await tx.monthlyFigures.updateMany({ where: { id: c.id, version: c.version }, data: { ...data, version: { increment: 1 } } });
          if (n.count !== 1) throw stale([s.month]);
        } else {
          await tx.monthlyFigures.create({ data: { ...data, tenantId: unit.tenantId ?? unit.id, unitId: unit.id, year, month: s.month } });
        }
      }
      const entries: AuditInput[] = [
        {
          tenantId: unit.tenantId,
          unitId: unit.id,
          actorId: actor.id,
          entity: "monthly",
          entityId: pending.id,
          field: "import",
          newValue: { file: pending.fileName, sha256: pending.sha256, year, months: staged.map((s) => s.month) },
          reason,
          at: now,
        },
      ];
      for (const s of staged)
        for (const k of MONTHLY_METRIC_KEYS)
          if (s.before[k] !== s.figures[k])
            entries.push({
              tenantId: unit.tenantId,
              unitId: unit.id,
              actorId: actor.id,
              entity: "monthly",
              entityId: `${unit.code}/${year}/${s.month}`,
              field: k,
              oldValue: s.before[k],
              newValue: s.figures[k],
              reason,
              at: now,
            });
      await audit(tx, entries);
      await tx.pendingImport.delete({ where: { id: pending.id } });
    });
  } catch (e) {
    // A month created by someone else between the read and this write.
    if (isUniqueClash(e)) throw stale(staged.filter((s) => s.version === 0).map((s) => s.month));
    throw e;
  }
  return { saved: staged.length, months: staged.map((s) => s.month), figures: await monthlyFiguresOf(prisma, actor, unit, year, now) };
}
