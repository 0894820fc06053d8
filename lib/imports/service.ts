// Figures in from a file (issue 14): the template of a unit's communes, the check of an uploaded
// file (nothing stored but the pending import itself), and the commit of all its rows in one
// transaction — all or none. Every row goes through the form's rules (checkFigures: errors block,
// warnings must be confirmed) and the commune's own quarter state (a submitted or approved quarter
// is skipped, never overwritten). Scope: `scopeUnit(…, "figures.import")` — city staff on their
// province, a commune officer on their commune; a row of a commune outside that scope is skipped.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { PrismaClient, Prisma } from "../generated/prisma/client";
import type { ReportStatus } from "../generated/prisma/enums";
import { METRIC_KEYS, type Figures, type MetricKey } from "../domain/metrics";
import { checkFigures, METRIC_LABELS_VI } from "../domain/figures-validation";
import { estimateOpen, isPeriodEnded, previousPeriod, YEAR_TO_DATE_METRICS } from "../domain/period";
import { figuresEditable } from "../domain/workflow";
import { ServiceError, MSG } from "../figures/errors";
import { periodSchema } from "../figures/period-schema";
import { figuresOf, type Actor, type FigureValues } from "../figures/service";
import { scopeUnit, type ScopedUnit } from "../auth/scope";
import { audit, type AuditInput } from "../audit/audit";
import { changeThresholdOf } from "../quality/settings";
import { byName } from "../collate";
import { formatNumber } from "../format";
import { MAX_FILE_BYTES, MSG_IMPORT, parseFiguresGrid, type ParsedRow, type SheetIssue } from "./sheet";
import { readUpload, sheetXlsx, type TemplateInput } from "./workbook";
import { TARGET_HEADERS, TARGETS_SUBTITLE, parseTargetsGrid, targetOfHeader, targetsTitle } from "./targets-sheet";
import { toCsv } from "./sheet";
import { saveTargets, yearSchema } from "../targets/service";
import { TARGET_KEYS, targetKindOf, type TargetKey } from "../domain/targets";
import { keyLabel } from "../i18n/labels";
import { can } from "../auth/permissions";

/** A pending import is kept this long for its commit. */
export const IMPORT_TTL_MS = 6 * 60 * 60 * 1000;

const STATUS_VI: Record<ReportStatus, string> = { DRAFT: "đang nhập", SUBMITTED: "đã gửi, chờ duyệt", APPROVED: "đã duyệt", RETURNED: "bị trả lại" };

type Kind = "actual" | "estimate";
const toKind = (k: Kind) => (k === "estimate" ? "ESTIMATE" : "ACTUAL");

const kindSchema = z.enum(["actual", "estimate"], { error: 'kind phải là "actual" hoặc "estimate".' }).default("actual");

function period(input: { year: unknown; quarter: unknown; kind?: unknown }, now: Date) {
  const p = periodSchema.safeParse({ year: input.year, quarter: input.quarter });
  const k = kindSchema.safeParse(input.kind === null || input.kind === "" ? undefined : input.kind);
  if (!p.success || !k.success) {
    const issues = [...(p.success ? [] : p.error.issues), ...(k.success ? [] : k.error.issues)].map((i) => ({
      path: i.path.join(".") || "kind",
      message: i.message,
    }));
    throw new ServiceError(422, issues[0]?.message ?? MSG.invalid, issues);
  }
  const { year, quarter } = p.data;
  const kind = k.data;
  if (kind === "actual" && !isPeriodEnded({ year, quarter }, now))
    throw new ServiceError(422, MSG.periodNotEnded(year, quarter), [{ path: "quarter", message: MSG.periodNotEnded(year, quarter) }]);
  if (kind === "estimate") {
    if (quarter !== 4) throw new ServiceError(422, MSG.estimateQuarter, [{ path: "quarter", message: MSG.estimateQuarter }]);
    if (!estimateOpen(year, now)) throw new ServiceError(422, MSG.estimateClosed(year), [{ path: "kind", message: MSG.estimateClosed(year) }]);
  }
  return { year, quarter, kind };
}

export interface CommuneRef {
  id: number;
  code: string;
  name: string;
  tenantId: number;
}

/** The communes an import of this unit covers: a city's communes in force, or the commune itself. */
export async function communesOf(prisma: PrismaClient, unit: ScopedUnit): Promise<CommuneRef[]> {
  if (unit.level === "COMMUNE") return [{ id: unit.id, code: unit.code, name: unit.name, tenantId: unit.tenantId! }];
  if (unit.level !== "PROVINCE") return [];
  const rows = await prisma.unit.findMany({
    where: { tenantId: unit.id, level: "COMMUNE", validTo: null },
    select: { id: true, code: true, name: true, tenantId: true },
  });
  return rows.map((r) => ({ ...r, tenantId: r.tenantId! })).sort(byName);
}

type StoredRow = { id: number; unitId: number; status: ReportStatus; version: number } & FigureValues;

async function reportsOf(
  prisma: PrismaClient | Prisma.TransactionClient,
  unitIds: number[],
  year: number,
  quarter: number,
  kind: Kind,
): Promise<Map<number, StoredRow>> {
  const rows = await prisma.quarterReport.findMany({ where: { unitId: { in: unitIds }, year, quarter, kind: toKind(kind) } });
  return new Map(rows.map((r) => [r.unitId, { id: r.id, unitId: r.unitId, status: r.status, version: r.version, ...figuresOf(r) }]));
}

// ---------------------------------------------------------------------------------------------
// Template

export async function figuresTemplate(
  prisma: PrismaClient,
  actor: Actor,
  input: { unitCode: string; year: unknown; quarter: unknown; kind?: unknown },
  now = new Date(),
): Promise<TemplateInput> {
  const unit = await scopeUnit(prisma, actor, input.unitCode, "figures.import");
  const p = period(input, now);
  const communes = await communesOf(prisma, unit);
  const reports = await reportsOf(
    prisma,
    communes.map((c) => c.id),
    p.year,
    p.quarter,
    p.kind,
  );
  return {
    unitName: unit.name,
    year: p.year,
    quarter: p.quarter,
    kind: p.kind,
    rows: communes.map((c) => {
      const r = reports.get(c.id);
      return { code: c.code, name: c.name, figures: r ? pick(r) : (Object.fromEntries(METRIC_KEYS.map((k) => [k, null])) as FigureValues) };
    }),
  };
}

const pick = (r: FigureValues): FigureValues => Object.fromEntries(METRIC_KEYS.map((k) => [k, r[k]])) as FigureValues;

// ---------------------------------------------------------------------------------------------
// Check (preview)

export interface ImportChange {
  key: string;
  label: string;
  /** A rate (a fraction shown as a percentage), for targets. */
  rate?: boolean;
  old: number | null;
  new: number | null;
}

export interface ImportItem {
  row: number;
  unitCode: string;
  unitName: string;
  status: ReportStatus | null;
  changes: ImportChange[];
  warnings: string[];
}

export interface ImportWarning {
  row: number;
  column: string;
  unitCode: string;
  unitName: string;
  message: string;
}

export interface ImportSkip {
  row: number;
  unitCode: string;
  unitName: string;
  reason: string;
}

export interface ImportPreview {
  id: string;
  unit: { code: string; name: string };
  year: number;
  quarter: number | null;
  kind: Kind | "targets";
  fileName: string;
  sha256: string;
  /** Rows read from the file. */
  rows: number;
  /** Communes whose figures change. */
  changes: ImportItem[];
  /** Rows that change nothing. */
  unchanged: number;
  warnings: ImportWarning[];
  skipped: ImportSkip[];
}

/** What a pending import keeps for its commit. */
interface StagedRow {
  unitId: number;
  tenantId: number;
  code: string;
  name: string;
  row: number;
  /** The stored report's version when checked (0: none yet). */
  version: number;
  reportId: number | null;
  /** The stored report's state when checked (null: none yet). */
  status?: ReportStatus | null;
  figures: FigureValues;
  before: FigureValues;
}

interface Staged {
  rows: StagedRow[];
  warnings: number;
}

/** 422 with every error of a file by row and column (the first thousand), nothing stored. */
export function fileErrors(errors: SheetIssue[]): ServiceError {
  const first = errors[0];
  const message =
    errors.length === 1
      ? `Tệp có lỗi${first.row ? ` ở dòng ${first.row}` : ""}: ${first.message}`
      : `Tệp có ${formatNumber(errors.length)} lỗi: chưa lưu gì. Hãy sửa các dòng được liệt kê rồi tải lên lại.`;
  return new ServiceError(
    422,
    message,
    errors.slice(0, 20).map((e) => ({ path: `row.${e.row}`, message: e.message })),
    { errors: errors.slice(0, 1000), errorCount: errors.length },
  );
}

const columnOf = (parsedColumns: Partial<Record<MetricKey, string>>, key: MetricKey) => parsedColumns[key] ?? METRIC_LABELS_VI[key].label;

export async function stageFiguresImport(
  prisma: PrismaClient,
  actor: Actor,
  input: { unitCode: string; year: unknown; quarter: unknown; kind?: unknown; fileName: string; bytes: Uint8Array },
  now = new Date(),
): Promise<ImportPreview> {
  const unit = await scopeUnit(prisma, actor, input.unitCode, "figures.import");
  return stageImportFor(prisma, actor, unit, await communesOf(prisma, unit), input, now);
}

/**
 * The check of a file for these communes of a unit that passed the scope gate (the benchmark calls
 * it with the nation's communes: no role imports a national file through the API).
 */
export async function stageImportFor(
  prisma: PrismaClient,
  actor: Actor,
  unit: ScopedUnit,
  communes: CommuneRef[],
  input: { year: unknown; quarter: unknown; kind?: unknown; fileName: string; bytes: Uint8Array },
  now = new Date(),
): Promise<ImportPreview> {
  const p = period(input, now);
  if (input.bytes.length > MAX_FILE_BYTES) throw new ServiceError(413, MSG_IMPORT.tooLarge, [{ path: "file", message: MSG_IMPORT.tooLarge }]);
  const fileName = (input.fileName || "tep-tai-len").slice(0, 200);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");

  const fail = fileErrors;

  const read = await readUpload(input.bytes, fileName);
  if (!read.ok) throw fail([{ row: 0, column: "", unitCode: null, unitName: null, message: read.message }]);
  const parsed = parseFiguresGrid(read.grid, { year: p.year, quarter: p.quarter });
  const errors = [...parsed.errors];

  const byCode = new Map(communes.map((c) => [c.code.toLowerCase(), c]));
  const skipped: ImportSkip[] = [];
  const matched: { parsed: ParsedRow; commune: CommuneRef }[] = [];
  const unknown = parsed.rows.filter((r) => !byCode.has(r.code.toLowerCase()));
  const elsewhere = unknown.length
    ? new Map(
        (await prisma.unit.findMany({ where: { code: { in: unknown.map((r) => r.code) } }, select: { code: true, level: true, validTo: true } })).map((u) => [
          u.code.toLowerCase(),
          u,
        ]),
      )
    : new Map();
  for (const r of parsed.rows) {
    const c = byCode.get(r.code.toLowerCase());
    if (c) {
      matched.push({ parsed: r, commune: c });
      continue;
    }
    const other = elsewhere.get(r.code.toLowerCase());
    if (r.code.toLowerCase() === unit.code.toLowerCase())
      skipped.push({ row: r.row, unitCode: r.code, unitName: r.name, reason: "Dòng tổng của đơn vị: không nhập (số của thành phố là tổng các xã)." });
    else if (other && other.level === "COMMUNE" && other.validTo !== null)
      skipped.push({ row: r.row, unitCode: r.code, unitName: r.name, reason: "Xã này đã ngừng hoạt động (sắp xếp đơn vị hành chính): không nhập." });
    else if (other && other.level === "COMMUNE")
      skipped.push({ row: r.row, unitCode: r.code, unitName: r.name, reason: `Xã không thuộc phạm vi của ${unit.name}: không nhập.` });
    else
      errors.push({
        row: r.row,
        column: "A (Mã)",
        unitCode: r.code,
        unitName: r.name || null,
        message: `Không có xã, phường, đặc khu nào mang mã «${r.code}»${unit.level === "PROVINCE" ? ` trong ${unit.name}` : ""}.`,
      });
  }

  const ids = matched.map((m) => m.commune.id);
  const prevP = p.kind === "estimate" ? { year: p.year, quarter: 3 } : previousPeriod({ year: p.year, quarter: p.quarter });
  const [current, previous, threshold] = await Promise.all([
    reportsOf(prisma, ids, p.year, p.quarter, p.kind),
    reportsOf(prisma, ids, prevP.year, prevP.quarter, "actual"),
    changeThresholdOf(prisma, unit.level === "PROVINCE" ? unit.id : unit.tenantId),
  ]);

  const items: ImportItem[] = [];
  const warnings: ImportWarning[] = [];
  const staged: StagedRow[] = [];
  let unchanged = 0;
  for (const { parsed: r, commune } of matched) {
    const stored = current.get(commune.id) ?? null;
    const before = stored ? pick(stored) : (Object.fromEntries(METRIC_KEYS.map((k) => [k, null])) as FigureValues);
    const figures: FigureValues = { ...before };
    for (const k of METRIC_KEYS) if (r.values[k] !== undefined) figures[k] = r.values[k]!;
    const changed = METRIC_KEYS.filter((k) => figures[k] !== before[k]);
    if (changed.length === 0) {
      unchanged++;
      continue;
    }
    if (stored && !figuresEditable(stored.status)) {
      skipped.push({
        row: r.row,
        unitCode: commune.code,
        unitName: commune.name,
        reason: `Báo cáo quý ${p.quarter}/${p.year} của xã ${STATUS_VI[stored.status]}: không ghi đè (cần trả lại hoặc mở lại trước).`,
      });
      continue;
    }
    const prevRow = previous.get(commune.id);
    const prev: Figures | null = prevRow ? pick(prevRow) : null;
    if (prev && p.kind === "actual" && p.quarter === 1) for (const k of YEAR_TO_DATE_METRICS) prev[k] = null;
    const checks = checkFigures(figures, prev, { changeThreshold: threshold });
    for (const e of checks.errors)
      errors.push({ row: r.row, column: columnOf(parsed.columnNames, e.path), unitCode: commune.code, unitName: commune.name, message: e.message });
    const rowWarnings = checks.warnings.map((w) => ({
      row: r.row,
      column: columnOf(parsed.columnNames, w.path),
      unitCode: commune.code,
      unitName: commune.name,
      message: w.message,
    }));
    warnings.push(...rowWarnings);
    items.push({
      row: r.row,
      unitCode: commune.code,
      unitName: commune.name,
      status: stored?.status ?? null,
      changes: changed.map((k) => ({ key: k, label: METRIC_LABELS_VI[k].label, old: before[k], new: figures[k] })),
      warnings: rowWarnings.map((w) => w.message),
    });
    staged.push({
      unitId: commune.id,
      tenantId: commune.tenantId,
      code: commune.code,
      name: commune.name,
      row: r.row,
      version: stored?.version ?? 0,
      reportId: stored?.id ?? null,
      status: stored?.status ?? null,
      figures,
      before,
    });
  }
  if (errors.length > 0) throw fail(errors.sort((a, b) => a.row - b.row));

  // Old pending imports go; this one is kept for its commit.
  await prisma.pendingImport.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IMPORT_TTL_MS) } } });
  const id = randomBytes(16).toString("hex");
  const data: Staged = { rows: staged, warnings: warnings.length };
  await prisma.pendingImport.create({
    data: {
      id,
      userId: actor.id,
      unitId: unit.id,
      kind: p.kind,
      year: p.year,
      quarter: p.quarter,
      fileName,
      sha256,
      rows: data as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
  return {
    id,
    unit: { code: unit.code, name: unit.name },
    year: p.year,
    quarter: p.quarter,
    kind: p.kind,
    fileName,
    sha256,
    rows: parsed.rows.length,
    changes: items,
    unchanged,
    warnings,
    skipped: skipped.sort((a, b) => a.row - b.row),
  };
}

// ---------------------------------------------------------------------------------------------
// Commit

export const commitBodySchema = z.object(
  {
    confirmWarnings: z.boolean({ error: "confirmWarnings phải là true hoặc false." }).default(false),
    // City staff may submit the imported quarters on the communes' behalf, so that dashboards and
    // rankings count them at once (they still need approving); each row must then be complete.
    submit: z.boolean({ error: "submit phải là true hoặc false." }).default(false),
  },
  { error: 'Nội dung phải là một đối tượng JSON, ví dụ { "confirmWarnings": true }.' },
);

const COLS = METRIC_KEYS.map((k) => ({
  key: k,
  col: k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
  type: ["amountDue", "amountCollected", "latePayments"].includes(k) ? "bigint" : "int",
}));
const AUDIT_CHUNK = 20_000;

/** An import that is not there for this user: saved already, expired, someone else's or unknown. */
export const importNotFound = () =>
  new ServiceError(404, "Không tìm thấy lượt nhập này (đã lưu, đã hết hạn sau 6 giờ hoặc không phải của bạn): hãy tải tệp lên lại.");

/** A commit's body: JSON (an empty body is {}), a marker the schema refuses when it is not JSON. */
export async function readCommitBody(req: Request): Promise<unknown> {
  const raw = (await req.text()).slice(0, 10_000);
  if (raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch {
    return Symbol.for("invalid-json");
  }
}

/** The unit of one of the actor's own pending imports (404 for anyone else's, unknown or malformed). */
export async function pendingImportUnit(prisma: PrismaClient, actor: Actor, id: unknown): Promise<string> {
  const notFound = importNotFound();
  if (typeof id !== "string" || !/^[0-9a-f]{32}$/.test(id)) throw notFound;
  const pending = await prisma.pendingImport.findUnique({ where: { id }, select: { userId: true, unitId: true } });
  if (!pending || pending.userId !== actor.id) throw notFound;
  const unit = await prisma.unit.findUnique({ where: { id: pending.unitId }, select: { code: true } });
  if (!unit) throw notFound;
  return unit.code;
}

export async function commitImport(
  prisma: PrismaClient,
  actor: Actor,
  input: { unitCode: string; id: unknown; body: unknown },
  now = new Date(),
): Promise<{ saved: number; unit: { code: string; name: string } }> {
  const unit = await scopeUnit(prisma, actor, input.unitCode, "figures.import");
  return commitImportFor(prisma, actor, unit, input, now);
}

/** The commit of a pending import of a unit that passed the scope gate. */
export async function commitImportFor(
  prisma: PrismaClient,
  actor: Actor,
  unit: ScopedUnit,
  input: { id: unknown; body: unknown },
  now = new Date(),
): Promise<{ saved: number; unit: { code: string; name: string } }> {
  const body = commitBodySchema.safeParse(input.body ?? {});
  if (!body.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const notFound = importNotFound();
  if (typeof input.id !== "string" || !/^[0-9a-f]{32}$/.test(input.id)) throw notFound;
  const pending = await prisma.pendingImport.findUnique({ where: { id: input.id } });
  if (!pending || pending.userId !== actor.id || pending.unitId !== unit.id || now.getTime() - pending.createdAt.getTime() > IMPORT_TTL_MS) throw notFound;
  // A month-by-month import is committed by its own route (lib/monthly/import.ts, "figures.monthly").
  if (pending.kind === "monthly") throw notFound;
  if (pending.kind === "targets") return commitTargets(prisma, actor, unit, pending, now);
  const staged = pending.rows as unknown as Staged;
  if (staged.warnings > 0 && !body.data.confirmWarnings) {
    throw new ServiceError(
      422,
      `${MSG.needsConfirmation} (${formatNumber(staged.warnings)} cảnh báo)`,
      [{ path: "confirmWarnings", message: MSG.needsConfirmation }],
      { needsConfirmation: true },
    );
  }
  const kind = pending.kind as Kind;
  const year = pending.year;
  const quarter = pending.quarter ?? 4;
  const behalf = actor.unitId === null || unit.level !== "COMMUNE" || actor.role !== "COMMUNE_OFFICER";
  const reason = `Nhập từ tệp «${pending.fileName}» (SHA-256 ${pending.sha256})${behalf ? ", cán bộ thành phố nhập thay xã" : ""}`;
  const submit = body.data.submit;
  if (submit) {
    // Submitting is the commune's step; city staff take it on the commune's behalf only with the
    // review permission on every commune of the file (the table), and only for complete rows.
    if (!behalf || staged.rows.some((r) => !can(actor, "report.review", { id: r.unitId, level: "COMMUNE", parentId: unit.id, tenantId: r.tenantId }))) {
      throw new ServiceError(403, "Chỉ cán bộ BHXH thành phố gửi thay các xã của thành phố mình; cán bộ xã gửi báo cáo ở trang nhập số liệu.");
    }
    const incomplete = staged.rows.filter((r) => METRIC_KEYS.some((k) => r.figures[k] === null));
    if (incomplete.length > 0) {
      throw new ServiceError(
        422,
        `${formatNumber(incomplete.length)} xã chưa đủ 12 số liệu nên chưa thể gửi thay: hãy bổ sung trong tệp, hoặc lưu mà không gửi.`,
        incomplete.slice(0, 50).map((r) => ({ path: r.code, message: `${r.name} (${r.code}, dòng ${r.row}): ${MSG.missingForSubmit}` })),
      );
    }
  }

  const saved = await prisma.$transaction(
    async (tx) => {
      const ids = staged.rows.map((r) => r.unitId);
      // Lock what exists; a figure changed since the preview (version, or a report that appeared) is a 409.
      const locked = await tx.$queryRawUnsafe<{ id: number; unit_id: number; version: number; status: ReportStatus }[]>(
        `SELECT id, unit_id, version, status FROM quarter_reports WHERE unit_id = ANY($1::int[]) AND year = $2 AND quarter = $3 AND kind = $4::"ReportKind" FOR UPDATE`,
        ids,
        year,
        quarter,
        toKind(kind),
      );
      const now_ = new Map(locked.map((r) => [r.unit_id, r]));
      const stale = staged.rows.filter((r) => {
        const n = now_.get(r.unitId);
        return (n?.version ?? 0) !== r.version || (n !== undefined && !figuresEditable(n.status));
      });
      if (stale.length > 0) {
        throw new ServiceError(
          409,
          `Số liệu của ${stale.length === 1 ? stale[0].name : `${formatNumber(stale.length)} xã`} đã thay đổi sau khi bạn xem trước: chưa lưu gì. Hãy tải tệp lên lại để xem số hiện tại.`,
          stale.slice(0, 50).map((r) => ({ path: r.code, message: `${r.name} (dòng ${r.row}): số liệu đã được lưu hoặc đổi trạng thái sau khi xem trước.` })),
          { conflict: true, units: stale.map((r) => r.code) },
        );
      }
      const updates = staged.rows.filter((r) => r.version > 0);
      const creates = staged.rows.filter((r) => r.version === 0);
      if (updates.length > 0) {
        const records = updates.map((r) => ({ id: r.reportId, version: r.version, ...Object.fromEntries(COLS.map((c) => [c.col, r.figures[c.key]])) }));
        const count = await tx.$executeRawUnsafe(
          `UPDATE quarter_reports q SET ${COLS.map((c) => `${c.col} = v.${c.col}`).join(", ")},
             version = q.version + 1, status = CASE WHEN q.status = 'RETURNED' THEN 'RETURNED'::"ReportStatus" ELSE 'DRAFT'::"ReportStatus" END, updated_at = $2
           FROM jsonb_to_recordset($1::jsonb) AS v(id int, version int, ${COLS.map((c) => `${c.col} ${c.type}`).join(", ")})
           WHERE q.id = v.id AND q.version = v.version AND q.status IN ('DRAFT', 'RETURNED')`,
          JSON.stringify(records),
          now,
        );
        if (count !== updates.length)
          throw new ServiceError(409, "Số liệu đã thay đổi trong lúc lưu: chưa lưu gì. Hãy tải tệp lên lại.", [], { conflict: true });
      }
      const created = creates.length
        ? await tx.quarterReport.createManyAndReturn({
            data: creates.map((r) => ({
              ...r.figures,
              amountDue: r.figures.amountDue === null ? null : BigInt(r.figures.amountDue),
              amountCollected: r.figures.amountCollected === null ? null : BigInt(r.figures.amountCollected),
              latePayments: r.figures.latePayments === null ? null : BigInt(r.figures.latePayments),
              status: "DRAFT" as const,
              unitId: r.unitId,
              tenantId: r.tenantId,
              year,
              quarter,
              kind: toKind(kind),
              createdAt: now,
              updatedAt: now,
            })),
            select: { id: true, unitId: true },
          })
        : [];
      const newId = new Map(created.map((c) => [c.unitId, c.id]));
      if (submit) {
        // Submitted on the commune's behalf: counted at once (lib/figures/counted.ts), still to be approved.
        const reportIds = staged.rows.map((r) => r.reportId ?? newId.get(r.unitId)!);
        await tx.$executeRawUnsafe(
          `UPDATE quarter_reports SET status = 'SUBMITTED'::"ReportStatus", version = version + 1, submitted_at = $2, first_submitted_at = coalesce(first_submitted_at, $2) WHERE id = ANY($1::int[])`,
          reportIds,
          now,
        );
        const behalfNote = `Cán bộ thành phố gửi thay xã (nhập từ tệp «${pending.fileName}»)`;
        await tx.reportEvent.createMany({
          data: staged.rows.map((r) => ({
            tenantId: r.tenantId,
            reportId: r.reportId ?? newId.get(r.unitId)!,
            unitId: r.unitId,
            action: "SUBMIT" as const,
            fromStatus: (r.status === "RETURNED" ? "RETURNED" : "DRAFT") as ReportStatus,
            toStatus: "SUBMITTED" as const,
            comment: behalfNote,
            actorId: actor.id,
            at: now,
          })),
        });
        await audit(
          tx,
          staged.rows.map((r) => ({
            tenantId: r.tenantId,
            unitId: r.unitId,
            actorId: actor.id,
            entity: "status",
            entityId: r.reportId ?? newId.get(r.unitId)!,
            field: "status",
            oldValue: r.status === "RETURNED" ? "RETURNED" : "DRAFT",
            newValue: "SUBMITTED",
            reason: behalfNote,
            at: now,
          })),
        );
      }
      const entries: AuditInput[] = [
        {
          tenantId: unit.level === "PROVINCE" ? unit.id : unit.tenantId,
          unitId: unit.id,
          actorId: actor.id,
          entity: "report",
          entityId: pending.id,
          field: "import",
          newValue: { file: pending.fileName, sha256: pending.sha256, year, quarter, kind, communes: staged.rows.length },
          reason,
          at: now,
        },
      ];
      for (const r of staged.rows) {
        for (const k of METRIC_KEYS) {
          if (r.before[k] === r.figures[k]) continue;
          entries.push({
            tenantId: r.tenantId,
            unitId: r.unitId,
            actorId: actor.id,
            entity: "figure",
            entityId: r.reportId ?? newId.get(r.unitId)!,
            field: k,
            oldValue: r.before[k],
            newValue: r.figures[k],
            reason,
            at: now,
          });
        }
      }
      // The summary through the audit helper; the figure entries (up to 12 per commune, tens of
      // thousands for a national file) in one set-based statement of the same columns — through
      // Prisma's createMany they took seconds.
      await audit(tx, entries.slice(0, 1));
      for (let i = 1; i < entries.length; i += AUDIT_CHUNK) {
        const rows = entries.slice(i, i + AUDIT_CHUNK).map((e) => ({
          tenant_id: e.tenantId,
          unit_id: e.unitId,
          actor_id: e.actorId,
          entity: e.entity,
          entity_id: String(e.entityId),
          field: e.field ?? null,
          old_value: e.oldValue === null || e.oldValue === undefined ? null : String(e.oldValue),
          new_value: e.newValue === null || e.newValue === undefined ? null : String(e.newValue),
        }));
        await tx.$executeRawUnsafe(
          `INSERT INTO audit_entries (tenant_id, unit_id, actor_id, at, entity, entity_id, field, old_value, new_value, reason)
           SELECT v.tenant_id, v.unit_id, v.actor_id, $2, v.entity, v.entity_id, v.field, v.old_value, v.new_value, $3
           FROM jsonb_to_recordset($1::jsonb) AS v(tenant_id int, unit_id int, actor_id int, entity text, entity_id text, field text, old_value text, new_value text)`,
          JSON.stringify(rows),
          now,
          reason,
        );
      }
      await tx.pendingImport.delete({ where: { id: pending.id } });
      return staged.rows.length;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { saved, unit: { code: unit.code, name: unit.name } };
}

// ---------------------------------------------------------------------------------------------
// A year's targets of a unit's children (item 4): the same template / check / commit; the commit
// is saveTargets (lib/targets/service.ts), which validates, checks versions and saves in one transaction.

type PendingRow = {
  id: string;
  userId: number;
  unitId: number;
  kind: string;
  year: number;
  quarter: number | null;
  fileName: string;
  sha256: string;
  rows: unknown;
  createdAt: Date;
};

interface StagedTargetRow {
  code: string;
  name: string;
  row: number;
  values: Partial<Record<TargetKey, number>>;
  versions: Partial<Record<TargetKey, number>>;
}

function targetYear(year: unknown): number {
  const y = yearSchema.safeParse(year);
  if (!y.success) throw new ServiceError(422, y.error.issues[0].message, [{ path: "year", message: y.error.issues[0].message }]);
  return y.data;
}

/** The children in force of a unit that the actor may set targets for in this year, by name. */
async function targetChildren(prisma: PrismaClient, actor: Actor, unit: ScopedUnit, year: number) {
  const children = await prisma.unit.findMany({
    where: { parentId: unit.id, validTo: null },
    select: { id: true, code: true, name: true, level: true, parentId: true, tenantId: true },
  });
  return children.filter((c) => can(actor, "targets.set", c, { year })).sort(byName);
}

export async function targetsTemplate(prisma: PrismaClient, actor: Actor, input: { unitCode: string; year: unknown }) {
  const unit = await scopeUnit(prisma, actor, input.unitCode, "figures.import");
  const year = targetYear(input.year);
  const children = await targetChildren(prisma, actor, unit, year);
  const stored = await prisma.target.findMany({ where: { unitId: { in: children.map((c) => c.id) }, year }, select: { unitId: true, key: true, value: true } });
  const byUnit = new Map<number, Record<string, number>>();
  for (const t of stored) (byUnit.get(t.unitId) ?? byUnit.set(t.unitId, {}).get(t.unitId)!)[t.key] = t.value;
  return {
    unitName: unit.name,
    year,
    rows: children.map((c) => ({
      code: c.code,
      name: c.name,
      values: Object.fromEntries(TARGET_KEYS.map((k) => [k, byUnit.get(c.id)?.[k] ?? null])) as Record<TargetKey, number | null>,
    })),
  };
}

/** Rates as percentages in the file (53.1 for 0.531), counts as they are. */
const inFile = (k: TargetKey, v: number | null) => (v === null ? null : targetKindOf(k) === "RATE" ? Math.round(v * 100000) / 1000 : v);

export async function targetsTemplateXlsx(t: Awaited<ReturnType<typeof targetsTemplate>>): Promise<Buffer> {
  return sheetXlsx({
    title: targetsTitle(t.unitName, t.year),
    subtitle: TARGETS_SUBTITLE,
    headers: TARGET_HEADERS,
    rows: t.rows.map((r) => [r.code, r.name, ...TARGET_KEYS.map((k) => inFile(k, r.values[k]))]),
    numFmt: (i) => (targetKindOf(TARGET_KEYS[i]) === "RATE" ? "0.0##" : "#,##0"),
    width: (i) => (TARGET_KEYS[i] === "amountCollected" ? 18 : 13),
  });
}

export function targetsTemplateCsv(t: Awaited<ReturnType<typeof targetsTemplate>>): string {
  return toCsv([
    [targetsTitle(t.unitName, t.year)],
    [TARGETS_SUBTITLE],
    [],
    TARGET_HEADERS,
    ...t.rows.map((r) => [r.code, r.name, ...TARGET_KEYS.map((k) => inFile(k, r.values[k]))]),
  ]);
}

export async function stageTargetsImport(
  prisma: PrismaClient,
  actor: Actor,
  input: { unitCode: string; year: unknown; fileName: string; bytes: Uint8Array },
  now = new Date(),
): Promise<ImportPreview> {
  const unit = await scopeUnit(prisma, actor, input.unitCode, "figures.import");
  const year = targetYear(input.year);
  if (input.bytes.length > MAX_FILE_BYTES) throw new ServiceError(413, MSG_IMPORT.tooLarge, [{ path: "file", message: MSG_IMPORT.tooLarge }]);
  const fileName = (input.fileName || "tep-tai-len").slice(0, 200);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const read = await readUpload(input.bytes, fileName, targetOfHeader);
  if (!read.ok) throw fileErrors([{ row: 0, column: "", unitCode: null, unitName: null, message: read.message }]);
  const parsed = parseTargetsGrid(read.grid, year);
  const errors = [...parsed.errors];
  const children = await targetChildren(prisma, actor, unit, year);
  const byCode = new Map(children.map((c) => [c.code.toLowerCase(), c]));
  const unknown = parsed.rows.filter((r) => !byCode.has(r.code.toLowerCase()));
  const known = unknown.length
    ? new Set((await prisma.unit.findMany({ where: { code: { in: unknown.map((r) => r.code) } }, select: { code: true } })).map((u) => u.code.toLowerCase()))
    : new Set<string>();
  const skipped: ImportSkip[] = [];
  const matched: { r: (typeof parsed.rows)[number]; c: (typeof children)[number] }[] = [];
  for (const r of parsed.rows) {
    const c = byCode.get(r.code.toLowerCase());
    if (c) matched.push({ r, c });
    else if (known.has(r.code.toLowerCase()))
      skipped.push({
        row: r.row,
        unitCode: r.code,
        unitName: r.name,
        reason: `Không phải đơn vị trực thuộc ${unit.name} mà bạn được giao chỉ tiêu năm ${year}: không nhập.`,
      });
    else
      errors.push({
        row: r.row,
        column: "A (Mã)",
        unitCode: r.code,
        unitName: r.name || null,
        message: `Không có đơn vị nào mang mã «${r.code}» trực thuộc ${unit.name}.`,
      });
  }
  if (errors.length > 0) throw fileErrors(errors.sort((a, b) => a.row - b.row));
  const stored = await prisma.target.findMany({
    where: { unitId: { in: matched.map((m) => m.c.id) }, year },
    select: { unitId: true, key: true, value: true, version: true },
  });
  const current = new Map(stored.map((t) => [`${t.unitId}|${t.key}`, t]));
  const items: ImportItem[] = [];
  const staged: StagedTargetRow[] = [];
  let unchanged = 0;
  for (const { r, c } of matched) {
    const changes: ImportChange[] = [];
    const values: Partial<Record<TargetKey, number>> = {};
    const versions: Partial<Record<TargetKey, number>> = {};
    for (const k of TARGET_KEYS) {
      const v = r.values[k];
      if (v === undefined) continue;
      const old = current.get(`${c.id}|${k}`);
      if (old && Math.abs(old.value - v) < 1e-9) continue;
      values[k] = v;
      versions[k] = old?.version ?? 0;
      changes.push({ key: k, label: keyLabel(k, "vi"), rate: targetKindOf(k) === "RATE", old: old?.value ?? null, new: v });
    }
    if (changes.length === 0) {
      unchanged++;
      continue;
    }
    items.push({ row: r.row, unitCode: c.code, unitName: c.name, status: null, changes, warnings: [] });
    staged.push({ code: c.code, name: c.name, row: r.row, values, versions });
  }
  await prisma.pendingImport.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IMPORT_TTL_MS) } } });
  const id = randomBytes(16).toString("hex");
  await prisma.pendingImport.create({
    data: {
      id,
      userId: actor.id,
      unitId: unit.id,
      kind: "targets",
      year,
      quarter: null,
      fileName,
      sha256,
      rows: { rows: staged } as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
  });
  return {
    id,
    unit: { code: unit.code, name: unit.name },
    year,
    quarter: null,
    kind: "targets",
    fileName,
    sha256,
    rows: parsed.rows.length,
    changes: items,
    unchanged,
    warnings: [],
    skipped: skipped.sort((a, b) => a.row - b.row),
  };
}

async function commitTargets(prisma: PrismaClient, actor: Actor, unit: ScopedUnit, pending: PendingRow, now: Date) {
  const staged = (pending.rows as { rows: StagedTargetRow[] }).rows;
  const entries = staged.flatMap((r) =>
    (Object.keys(r.values) as TargetKey[]).map((k) => ({ unitCode: r.code, key: k, value: r.values[k]!, version: r.versions[k] ?? 0 })),
  );
  // saveTargets: one transaction, every version checked (409 when one changed since the preview).
  await saveTargets(prisma, actor, { year: pending.year, source: `Tệp ${pending.fileName}`.slice(0, 200), entries }, now);
  await prisma.$transaction(async (tx) => {
    await audit(tx, [
      {
        tenantId: unit.level === "PROVINCE" ? unit.id : unit.tenantId,
        unitId: unit.id,
        actorId: actor.id,
        entity: "target",
        entityId: pending.id,
        field: "import",
        newValue: { file: pending.fileName, sha256: pending.sha256, year: pending.year, units: staged.length, targets: entries.length },
        reason: `Nhập chỉ tiêu từ tệp «${pending.fileName}» (SHA-256 ${pending.sha256})`,
        at: now,
      },
    ]);
    await tx.pendingImport.deleteMany({ where: { id: pending.id } });
  });
  return { saved: staged.length, unit: { code: unit.code, name: unit.name } };
}
