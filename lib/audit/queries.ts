// Reading the audit trail (lib/audit/audit.ts writes it; the database refuses UPDATE, DELETE and
// TRUNCATE on audit_entries, and nothing here or anywhere else offers to change it):
// - unitHistory: a unit's changes (a commune's with its villages'), newest first, filtered, paged;
// - figureHistory: "how did this number change?", one figure of one quarter, oldest first, with
//   the report's review events (submitted, returned…) interleaved;
// - searchAudit: the administrator's search over the whole trail.
// Scope is checked here ("unit.view" via the scope gate: 404 unknown unit, 403 outside), every filter
// is validated with Vietnamese messages (422), and values come back formatted for display too.
import { z } from "zod";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { ReportStatus, Role, UnitLevel, WorkflowAction } from "../generated/prisma/enums";
import { AUDIT_ENTITIES, type AuditEntity } from "./audit";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";
import { type Actor } from "../figures/service";
import { assertCan, scopeUnit } from "../auth/scope";
import { rawRead } from "../db/connect";
import { searchKey, searchKeySql } from "../collate";
import { periodSchema } from "../figures/period-schema";
import { METRIC_KEYS, type MetricKey } from "../domain/metrics";
import { RATE_TARGET_KEYS } from "../domain/targets";
import { METRIC_LABELS_VI } from "../domain/figures-validation";
import { formatDateTime, formatDay, NO_VALUE } from "../format";
import type { Locale } from "../i18n/config";
import viMessages from "../i18n/messages/vi.json";
import enMessages from "../i18n/messages/en.json";

// ---------------------------------------------------------------------------------------------
// Display: values, statuses, times

export const REPORT_STATUS_LABELS: Record<Locale, Record<ReportStatus, string>> = {
  vi: { DRAFT: "Bản nháp", SUBMITTED: "Đã gửi", APPROVED: "Đã duyệt", RETURNED: "Bị trả lại" },
  en: { DRAFT: "Draft", SUBMITTED: "Submitted", APPROVED: "Approved", RETURNED: "Returned" },
};

// The roles by the names the accounts pages give them (one list, the messages').
const ROLE_LABELS: Record<Locale, Record<Role, string>> = { vi: viMessages.roles, en: enMessages.roles };

const NO_STATUS: Record<Locale, string> = { vi: "Chưa nhập", en: "Not started" };
const isStatus = (v: string): v is ReportStatus => v in REPORT_STATUS_LABELS.vi;
const isRole = (v: string): v is Role => v in ROLE_LABELS.vi;
const NUMERIC = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;
/** Fields whose values are codes, never numbers. */
const CODE_FIELDS = new Set(["unit", "code", "parent", "commune", "taxCode"]);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const tag = (locale: Locale) => (locale === "vi" ? "vi-VN" : "en-GB");

/**
 * A stored audit value as people read it: numbers in the locale's format (13.624; a rate target
 * as 45,0%), report statuses and roles by name, calendar dates as 30/9/2026; "—" for none.
 */
export function formatAuditValue(entity: string, field: string | null, value: string | null, locale: Locale = "vi"): string {
  // A report submitted as it was first saved had no status before.
  if ((value === null || value === undefined || value === "") && entity === "status") return NO_STATUS[locale];
  if (value === null || value === undefined || value === "") return NO_VALUE;
  if (isStatus(value) && (entity === "status" || field === "status")) return REPORT_STATUS_LABELS[locale][value];
  if (isRole(value)) return ROLE_LABELS[locale][value];
  // A code is written as stored: a unit "10804" is not the number 10.804, a tax code keeps its leading 0.
  if (field !== null && CODE_FIELDS.has(field)) return value;
  if (NUMERIC.test(value)) {
    const n = Number(value);
    if (!Number.isFinite(n)) return value;
    if (entity === "target" && field !== null && (RATE_TARGET_KEYS as readonly string[]).includes(field)) {
      return new Intl.NumberFormat(tag(locale), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(n);
    }
    return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 4 }).format(n);
  }
  const day = ISO_DAY.exec(value);
  if (day) return formatDay(Number(day[1]), Number(day[2]), Number(day[3]), locale);
  if (value === "true" || value === "false") return locale === "vi" ? (value === "true" ? "Có" : "Không") : value === "true" ? "Yes" : "No";
  // Strings other than these were stored as they are; other values as JSON ("\"x\"" is rare).
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return String(JSON.parse(value));
    } catch {
      return value;
    }
  }
  return value;
}

/** HH:mm d/m/yyyy in Vietnam time (UTC+7, no daylight saving): 17:05 21/11/2026, 09:05 3/12/2026 — `formatDateTime`. */
export function formatAuditTime(at: Date | string, locale: Locale = "vi"): string {
  return formatDateTime(at, locale);
}

// ---------------------------------------------------------------------------------------------
// Filters

/** A form or a URL sends "" for a field left empty: that is "no filter". */
const blank = (v: unknown) => (v === "" || v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());

/** A calendar day, yyyy-mm-dd (a date input) or dd/mm/yyyy, as the UTC instant its Vietnam day starts. */
const daySchema = z
  .string({ error: "Ngày phải có dạng dd/mm/yyyy hoặc yyyy-mm-dd." })
  .trim()
  .transform((s, ctx) => {
    let y: number, m: number, d: number;
    const iso = ISO_DAY.exec(s);
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
    else {
      ctx.addIssue({ code: "custom", message: "Ngày phải có dạng dd/mm/yyyy hoặc yyyy-mm-dd." });
      return z.NEVER;
    }
    const utc = new Date(Date.UTC(y, m - 1, d));
    if (y < 2000 || y > 2100 || utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) {
      ctx.addIssue({ code: "custom", message: `Ngày «${s}» không có thật.` });
      return z.NEVER;
    }
    return { day: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, start: new Date(utc.getTime() - 7 * 3600_000) };
  });

const entitySchema = z.enum(AUDIT_ENTITIES, { error: `Loại thay đổi phải là một trong: ${AUDIT_ENTITIES.join(", ")}.` });
const fieldSchema = z
  .string({ error: "Trường phải là một chuỗi." })
  .trim()
  .max(64, "Tên trường quá dài (tối đa 64 ký tự).")
  .regex(/^[A-Za-z0-9_.-]+$/, "Tên trường chỉ gồm chữ cái không dấu, số, dấu chấm, gạch dưới, gạch ngang.");
const pageSchema = z.coerce
  .number({ error: "Trang phải là một số." })
  .int("Trang phải là số nguyên.")
  .min(1, "Trang phải từ 1 trở lên.")
  .max(100_000, "Trang quá lớn.");
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;
const sizeSchema = z.coerce
  .number({ error: "Số dòng mỗi trang phải là một số." })
  .int("Số dòng mỗi trang phải là số nguyên.")
  .min(1, `Số dòng mỗi trang phải từ 1 đến ${MAX_PAGE_SIZE}.`)
  .max(MAX_PAGE_SIZE, `Số dòng mỗi trang phải từ 1 đến ${MAX_PAGE_SIZE}.`);

const common = {
  entity: opt(entitySchema),
  from: opt(daySchema),
  to: opt(daySchema),
  page: opt(pageSchema),
  size: opt(sizeSchema),
};

function checkRange(v: { from?: { day: string }; to?: { day: string } }, ctx: z.RefinementCtx) {
  if (v.from && v.to && v.from.day > v.to.day) ctx.addIssue({ code: "custom", path: ["to"], message: "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu." });
}

export const historyFiltersSchema = z
  .object(
    {
      ...common,
      field: opt(fieldSchema),
      year: opt(periodSchema.shape.year),
      quarter: opt(periodSchema.shape.quarter),
    },
    { error: "Bộ lọc không hợp lệ." },
  )
  .superRefine((v, ctx) => {
    if (v.quarter !== undefined && v.year === undefined) ctx.addIssue({ code: "custom", path: ["year"], message: "Cần chọn năm khi lọc theo quý." });
    checkRange(v, ctx);
  });

export const searchQuerySchema = z
  .object(
    {
      ...common,
      q: opt(z.string({ error: "Nội dung tìm phải là một chuỗi." }).trim().max(200, "Nội dung tìm quá dài (tối đa 200 ký tự).")),
      unit: opt(
        z
          .string({ error: "Mã đơn vị phải là một chuỗi." })
          .trim()
          .regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, "Mã đơn vị chỉ gồm chữ, số và dấu gạch ngang (ví dụ 10804)."),
      ),
      user: opt(z.string({ error: "Tên đăng nhập phải là một chuỗi." }).trim().max(64, "Tên đăng nhập quá dài (tối đa 64 ký tự).")),
    },
    { error: "Điều kiện tìm không hợp lệ." },
  )
  .superRefine(checkRange);

export type HistoryFilters = z.input<typeof historyFiltersSchema>;
export type SearchQuery = z.input<typeof searchQuerySchema>;

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input ?? {});
  if (!r.success) {
    const issues: ApiIssue[] = r.error.issues.map((i) => ({ path: i.path.join(".") || "query", message: i.message }));
    throw new ServiceError(422, MSG.invalid, issues);
  }
  return r.data;
}

/** The first value of each query parameter (URLSearchParams or Next.js searchParams) as a plain object. */
export function queryObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [k, v] of params) if (!(k in out)) out[k] = v;
  } else {
    for (const [k, v] of Object.entries(params)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (typeof first === "string") out[k] = first;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rows

export interface AuditItem {
  id: number;
  /** ISO time; `time` is the same as dd/mm/yyyy HH:mm, Vietnam time. */
  at: string;
  time: string;
  entity: string;
  entityId: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  /** The values formatted in Vietnamese (formatAuditValue for another language). */
  oldText: string;
  newText: string;
  reason: string | null;
  actor: { username: string; fullName: string } | null;
  unit: { code: string; name: string; level: UnitLevel } | null;
  /** The quarter a figure or status entry is about (its report's period). */
  period: { year: number; quarter: number; kind: "actual" | "estimate" } | null;
}

export interface AuditPage {
  page: number;
  size: number;
  total: number;
  pages: number;
  items: AuditItem[];
}

/** Entities whose entityId is a quarter_reports id. */
const REPORT_ENTITIES: AuditEntity[] = ["figure", "status", "report"];

const auditInclude = {
  actor: { select: { username: true, fullName: true } },
  unit: { select: { code: true, name: true, level: true } },
} as const;

type AuditRowWith = Prisma.AuditEntryGetPayload<{ include: typeof auditInclude }>;

async function toItems(prisma: PrismaClient, rows: AuditRowWith[]): Promise<AuditItem[]> {
  const reportIds = [
    ...new Set(rows.filter((r) => (REPORT_ENTITIES as string[]).includes(r.entity) && /^\d{1,9}$/.test(r.entityId)).map((r) => Number(r.entityId))),
  ];
  const reports = reportIds.length
    ? await prisma.quarterReport.findMany({ where: { id: { in: reportIds } }, select: { id: true, year: true, quarter: true, kind: true } })
    : [];
  const periodOf = new Map(
    reports.map((r) => [String(r.id), { year: r.year, quarter: r.quarter, kind: r.kind === "ESTIMATE" ? ("estimate" as const) : ("actual" as const) }]),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    time: formatAuditTime(r.at),
    entity: r.entity,
    entityId: r.entityId,
    field: r.field,
    oldValue: r.oldValue,
    newValue: r.newValue,
    oldText: formatAuditValue(r.entity, r.field, r.oldValue),
    newText: formatAuditValue(r.entity, r.field, r.newValue),
    reason: r.reason,
    actor: r.actor ? { username: r.actor.username, fullName: r.actor.fullName } : null,
    unit: r.unit ? { code: r.unit.code, name: r.unit.name, level: r.unit.level } : null,
    period: (REPORT_ENTITIES as string[]).includes(r.entity) ? (periodOf.get(r.entityId) ?? null) : null,
  }));
}

function dateWhere(from?: { start: Date }, to?: { start: Date }): Prisma.AuditEntryWhereInput {
  if (!from && !to) return {};
  // "to" is a whole day: up to the start of the next Vietnam day.
  return { at: { ...(from ? { gte: from.start } : {}), ...(to ? { lt: new Date(to.start.getTime() + 86_400_000) } : {}) } };
}

async function paged(prisma: PrismaClient, where: Prisma.AuditEntryWhereInput, page = 1, size = DEFAULT_PAGE_SIZE): Promise<AuditPage> {
  const [total, rows] = await Promise.all([
    prisma.auditEntry.count({ where }),
    prisma.auditEntry.findMany({ where, include: auditInclude, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * size, take: size }),
  ]);
  return { page, size, total, pages: Math.max(1, Math.ceil(total / size)), items: await toItems(prisma, rows) };
}

/** The unit and, for a commune, its villages (retired ones too: their history stays). */
async function unitIdsOf(prisma: PrismaClient, unit: { id: number; level: UnitLevel }): Promise<number[]> {
  if (unit.level !== "COMMUNE") return [unit.id];
  const villages = await prisma.unit.findMany({ where: { parentId: unit.id, level: "VILLAGE" }, select: { id: true } });
  return [unit.id, ...villages.map((v) => v.id)];
}

// ---------------------------------------------------------------------------------------------
// A unit's history

export interface UnitHistory extends AuditPage {
  unit: { code: string; name: string; level: UnitLevel };
}

/**
 * The audit entries of a unit and (for a commune) its villages, newest first, `size` (≤ 100) per
 * page. Filters: entity, field, year (figure/status entries of that year's reports, and the
 * targets of that year), quarter (with a year: the figure/status entries of that quarter's
 * reports), from/to (calendar days, Vietnam time, both included).
 */
export async function unitHistory(prisma: PrismaClient, actor: Actor, unitCode: string, filters: unknown = {}): Promise<UnitHistory> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  const f = parse(historyFiltersSchema, filters);
  const unitIds = await unitIdsOf(prisma, unit);
  const and: Prisma.AuditEntryWhereInput[] = [{ unitId: { in: unitIds } }, dateWhere(f.from, f.to)];
  // A unit's history is its data's: sign-ins (its people's, recorded with their unit) are the audit
  // log's, shown here only when asked for by name (they filled a city's history, a walk found).
  and.push(f.entity ? { entity: f.entity } : { entity: { not: "session" } });
  if (f.field) and.push({ field: f.field });
  if (f.year !== undefined) {
    // The period of a figure or status entry is its report's: entityId = quarter_reports.id.
    const reports = await prisma.quarterReport.findMany({
      where: { unitId: { in: unitIds }, year: f.year, ...(f.quarter !== undefined ? { quarter: f.quarter } : {}) },
      select: { id: true },
    });
    const or: Prisma.AuditEntryWhereInput[] = [{ entity: { in: REPORT_ENTITIES }, entityId: { in: reports.map((r) => String(r.id)) } }];
    // Targets are yearly: entityId `${unitCode}/${year}/${key}`.
    if (f.quarter === undefined) or.push({ entity: "target", entityId: { contains: `/${f.year}/` } });
    and.push({ OR: or });
  }
  const result = await paged(prisma, { AND: and }, f.page, f.size);
  return { unit: { code: unit.code, name: unit.name, level: unit.level }, ...result };
}

// ---------------------------------------------------------------------------------------------
// One figure's history

const figureInputSchema = z.object({
  year: periodSchema.shape.year,
  quarter: periodSchema.shape.quarter,
  metric: z.enum(METRIC_KEYS, { error: (i) => `Không có số liệu «${String(i.input).slice(0, 64)}».` }),
  kind: z.preprocess(blank, z.enum(["actual", "estimate"], { error: "kind phải là actual hoặc estimate." }).default("actual")),
});

export interface FigureHistoryItem {
  type: "change" | "status";
  at: string;
  time: string;
  actor: { username: string; fullName: string } | null;
  /** A change: the figure's values. A status event: the report's statuses (DRAFT…). */
  oldValue: string | null;
  newValue: string | null;
  oldText: string;
  newText: string;
  /** The reason of a change, or the reviewer's comment of a status event. */
  reason: string | null;
  /** A status event's action: SUBMIT, APPROVE, RETURN, REOPEN. */
  action: WorkflowAction | null;
}

export interface FigureHistory {
  unit: { code: string; name: string; level: UnitLevel };
  year: number;
  quarter: number;
  kind: "actual" | "estimate";
  metric: MetricKey;
  /** The metric's Vietnamese label: "Số người tham gia BHXH bắt buộc". */
  label: string;
  /** The report now (null: no report for that quarter). */
  report: { status: ReportStatus; version: number; value: number | null; valueText: string } | null;
  /** Oldest first: every change of the figure, with the report's review events between them. */
  items: FigureHistoryItem[];
}

/** "How did this number change?": every change of one figure of one quarter, oldest first. */
export async function figureHistory(
  prisma: PrismaClient,
  actor: Actor,
  unitCode: string,
  year: unknown,
  quarter: unknown,
  metricKey: unknown,
  kind: unknown = "actual",
): Promise<FigureHistory> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  const p = parse(figureInputSchema, { year, quarter, metric: metricKey, kind });
  const base = {
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year: p.year,
    quarter: p.quarter,
    kind: p.kind,
    metric: p.metric,
    label: METRIC_LABELS_VI[p.metric].label,
  };
  const report = await prisma.quarterReport.findUnique({
    where: { unitId_year_quarter_kind: { unitId: unit.id, year: p.year, quarter: p.quarter, kind: p.kind === "estimate" ? "ESTIMATE" : "ACTUAL" } },
  });
  if (!report) return { ...base, report: null, items: [] };
  const [changes, events] = await Promise.all([
    prisma.auditEntry.findMany({
      where: { entity: "figure", entityId: String(report.id), field: p.metric },
      include: { actor: { select: { username: true, fullName: true } } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
    prisma.reportEvent.findMany({
      where: { reportId: report.id },
      include: { actor: { select: { username: true, fullName: true } } },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    }),
  ]);
  // Interleave by time; at the same instant a change comes before the event (a save that submits
  // writes the figures, then the submission).
  const merged = [
    ...changes.map((c) => ({ order: 0, id: c.id, at: c.at, item: changeItem(c) })),
    ...events.map((e) => ({ order: 1, id: e.id, at: e.at, item: eventItem(e) })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order || a.id - b.id);
  const current = report[p.metric];
  const value = current === null ? null : Number(current);
  return {
    ...base,
    report: { status: report.status, version: report.version, value, valueText: formatAuditValue("figure", p.metric, value === null ? null : String(value)) },
    items: merged.map((m) => m.item),
  };
}

function changeItem(c: {
  at: Date;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  actor: { username: string; fullName: string } | null;
}): FigureHistoryItem {
  return {
    type: "change",
    at: c.at.toISOString(),
    time: formatAuditTime(c.at),
    actor: c.actor,
    oldValue: c.oldValue,
    newValue: c.newValue,
    oldText: formatAuditValue("figure", c.field, c.oldValue),
    newText: formatAuditValue("figure", c.field, c.newValue),
    reason: c.reason,
    action: null,
  };
}

function eventItem(e: {
  at: Date;
  action: WorkflowAction;
  fromStatus: ReportStatus;
  toStatus: ReportStatus;
  comment: string | null;
  actor: { username: string; fullName: string } | null;
}): FigureHistoryItem {
  return {
    type: "status",
    at: e.at.toISOString(),
    time: formatAuditTime(e.at),
    actor: e.actor,
    oldValue: e.fromStatus,
    newValue: e.toStatus,
    oldText: REPORT_STATUS_LABELS.vi[e.fromStatus],
    newText: REPORT_STATUS_LABELS.vi[e.toStatus],
    reason: e.comment,
    action: e.action,
  };
}

// ---------------------------------------------------------------------------------------------
// The administrator's search

export interface AuditSearch extends AuditPage {
  /** The criteria as understood (dates as yyyy-mm-dd). */
  query: { q: string | null; unit: string | null; user: string | null; entity: string | null; from: string | null; to: string | null };
}

/**
 * Administrators only (403 otherwise). `q`: free text in the entity, its id, the field, the old
 * and new values, the reason and the actor's username or name; `unit`: a unit code (a commune
 * with its villages); `user`: an actor's username; `entity`; `from`/`to` days; `page`, `size`.
 */
export async function searchAudit(prisma: PrismaClient, actor: Actor, query: unknown = {}): Promise<AuditSearch> {
  assertCan(actor, "audit.search");
  const f = parse(searchQuerySchema, query);
  let unitIds: number[] | null = null;
  if (f.unit) {
    const units = await prisma.unit.findMany({ where: { code: f.unit }, select: { id: true, level: true } });
    if (units.length === 0) throw new ServiceError(422, MSG.invalid, [{ path: "unit", message: MSG.unitNotFound(f.unit) }]);
    unitIds = (await Promise.all(units.map((u) => unitIdsOf(prisma, u)))).flat();
  }
  // One statement's criteria: the free text is matched without diacritics or case ("kim thanh" finds
  // "Kim Thành"), which Prisma's `contains` cannot do; the page's entries are then read as every list reads them.
  const at = dateWhere(f.from, f.to).at as { gte?: Date; lt?: Date } | undefined;
  const q = f.q ? searchKey(f.q) : "";
  const params = [at?.gte ?? null, at?.lt ?? null, f.entity ?? null, unitIds, f.user || null, q || null];
  const where = `FROM audit_entries e LEFT JOIN users a ON a.id = e.actor_id
    WHERE ($1::timestamptz IS NULL OR e.at >= $1::timestamptz) AND ($2::timestamptz IS NULL OR e.at < $2::timestamptz)
      AND ($3::text IS NULL OR e.entity = $3::text) AND ($4::int[] IS NULL OR e.unit_id = ANY($4::int[]))
      AND ($5::text IS NULL OR lower(a.username) = lower($5::text))
      AND ($6::text IS NULL OR strpos(${searchKeySql("concat_ws(' ', e.entity, e.entity_id, e.field, e.old_value, e.new_value, e.reason, a.username, a.full_name)")}, $6::text) > 0)`;
  const page = f.page ?? 1;
  const size = f.size ?? DEFAULT_PAGE_SIZE;
  const [[{ total }], ids] = await Promise.all([
    rawRead<{ total: number }>(prisma, `SELECT count(*)::int AS total ${where}`, params),
    rawRead<{ id: number }>(prisma, `SELECT e.id ${where} ORDER BY e.at DESC, e.id DESC LIMIT $7::int OFFSET $8::int`, [...params, size, (page - 1) * size]),
  ]);
  const order = new Map(ids.map((r, i) => [Number(r.id), i]));
  const rows = (await prisma.auditEntry.findMany({ where: { id: { in: [...order.keys()] } }, include: auditInclude })).sort(
    (x, y) => order.get(x.id)! - order.get(y.id)!,
  );
  return {
    query: { q: f.q || null, unit: f.unit ?? null, user: f.user || null, entity: f.entity ?? null, from: f.from?.day ?? null, to: f.to?.day ?? null },
    page,
    size,
    total,
    pages: Math.max(1, Math.ceil(total / size)),
    items: await toItems(prisma, rows),
  };
}
