// Employers paying social insurance late (issue 15): a province's register (employers by tax code,
// their arrears as at each month end), its list of those N+ months late with the trend, entry of one
// employer's month, import from a file (a check showing every error by row, then a commit — all rows
// or none), and the publication of a month's list: a frozen snapshot of the published fields only,
// which lib/employers/public.ts serves without sign-in.
// Scope: `scopeUnit(…, "employers.view" | "employers.manage")` — a province's own staff and leaders
// (and national accounts) see it, its staff enter, import and publish. Every write is one transaction
// with its audit entries; a stale version is a 409 and writes nothing.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { scopeUnit, type ScopedUnit } from "../auth/scope";
import { audit, type AuditInput } from "../audit/audit";
import { ServiceError, MSG, type ApiIssue } from "../figures/errors";
import type { Actor } from "../figures/service";
import { byName, searchKey } from "../collate";
import { formatNumber } from "../format";
import {
  DEFAULT_LATE_MONTHS,
  MAX_AMOUNT_LATE,
  MAX_LATE_MONTHS,
  compareMonths,
  isMonthEnded,
  lastEndedMonth,
  lateList,
  lateTrend,
  monthEndLabel,
  monthKey,
  monthsUpTo,
  parseTaxCode,
  publishedEntries,
  readPublishedEntries,
  type MonthRef,
  type TrendPoint,
} from "../domain/employers";
import { MIN_YEAR, MAX_YEAR } from "../domain/period";
import { MAX_FILE_BYTES, MSG_IMPORT } from "../imports/sheet";
import { readUpload, sheetXlsx } from "../imports/workbook";
import {
  EMPLOYERS_SUBTITLE,
  EMPLOYERS_TEMPLATE_HEADERS,
  MSG_EMPLOYER_SHEET,
  employerColumnOf,
  employersTemplateCsv,
  employersTitle,
  parseEmployersGrid,
  templateRow,
  type EmployerRowIssue,
  type TemplateEmployer,
} from "./sheet";

/** The months of the trend: a year of month ends up to the one shown. */
export const TREND_MONTHS = 12;

export const MSG_EMPLOYERS = {
  provinceOnly: "Danh sách đơn vị chậm đóng có cho thành phố, tỉnh.",
  lateMonths: `Số tháng chậm đóng (lateMonths) phải là số nguyên từ 0 đến ${MAX_LATE_MONTHS}.`,
  month: "Tháng phải là số nguyên từ 1 đến 12, năm từ 2015 đến 2035 (gửi cả year và month).",
  monthNotEnded: (m: MonthRef) => `Tháng ${m.month}/${m.year} chưa kết thúc (số liệu tính đến ngày ${monthEndLabel(m)}): chưa thể nhập hay công bố.`,
  noData: (m: MonthRef) => `Chưa có số liệu đơn vị chậm đóng tại ngày ${monthEndLabel(m)}: hãy nhập hoặc tải tệp lên trước khi công bố.`,
  stale: "Số liệu của đơn vị này vừa được người khác sửa: hãy tải lại trang, không có gì được lưu.",
  exists: (taxCode: string) =>
    `Mã số thuế ${taxCode} đã có trong danh sách: hãy nhập lại mã số thuế để tải số liệu đang lưu của đơn vị rồi sửa, không có gì được lưu.`,
  publicationStale: "Danh sách tháng này vừa được công bố hoặc công bố lại ở nơi khác: hãy tải lại trang, không có gì được lưu.",
  importStale: "Số liệu đơn vị chậm đóng đã thay đổi sau khi bạn kiểm tra tệp: chưa lưu gì. Hãy kiểm tra tệp lại.",
  communeUnknown: MSG_EMPLOYER_SHEET.communeUnknown,
  lateWithoutAmount: MSG_EMPLOYER_SHEET.lateWithoutAmount,
  fileErrors: (n: number) => `Tệp có ${formatNumber(n)} lỗi: chưa lưu gì. Hãy sửa các dòng được liệt kê rồi tải lên lại.`,
  fileError: (row: number, message: string) => `Tệp có lỗi${row ? ` ở dòng ${row}` : ""}: ${message}`,
} as const;

const invalid = (issues: ApiIssue[]) => new ServiceError(422, issues[0]?.message ?? MSG.invalid, issues);
const zodIssues = (e: z.ZodError): ApiIssue[] => e.issues.map((i) => ({ path: i.path.join(".") || "body", message: i.message }));

/** The unit of the register: a province the actor may see the register of (403 otherwise, 404 unknown). */
async function registerUnit(prisma: PrismaClient, actor: Actor, code: unknown, permission: "employers.view" | "employers.manage"): Promise<ScopedUnit> {
  const unit = await scopeUnit(prisma, actor, code, permission);
  // The permission table grants these on provinces only; kept as a guard should a grant widen.
  if (unit.level !== "PROVINCE") throw new ServiceError(404, MSG_EMPLOYERS.provinceOnly);
  return unit;
}

// ---------------------------------------------------------------------------------------------
// Input: months, thresholds

const monthSchema = z.object(
  {
    year: z.coerce
      .number({ error: MSG_EMPLOYERS.month })
      .int({ error: MSG_EMPLOYERS.month })
      .min(MIN_YEAR, { error: MSG_EMPLOYERS.month })
      .max(MAX_YEAR, { error: MSG_EMPLOYERS.month }),
    month: z.coerce
      .number({ error: MSG_EMPLOYERS.month })
      .int({ error: MSG_EMPLOYERS.month })
      .min(1, { error: MSG_EMPLOYERS.month })
      .max(12, { error: MSG_EMPLOYERS.month }),
  },
  { error: MSG_EMPLOYERS.month },
);

/** A month end that has ended, from the input (422 malformed or not ended). */
export function endedMonth(input: { year: unknown; month: unknown }, now: Date): MonthRef {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  if (blank(input.year) || blank(input.month)) throw invalid([{ path: blank(input.year) ? "year" : "month", message: MSG_EMPLOYERS.month }]);
  const r = monthSchema.safeParse(input);
  if (!r.success) throw invalid(zodIssues(r.error));
  if (!isMonthEnded(r.data, now)) throw invalid([{ path: "month", message: MSG_EMPLOYERS.monthNotEnded(r.data) }]);
  return r.data;
}

/** ?lateMonths= (default 3): a whole number 0–120, else 422. */
export function lateMonthsOf(v: unknown): number {
  if (v === null || v === undefined || v === "") return DEFAULT_LATE_MONTHS;
  const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
  if (!/^\d{1,3}$/.test(s) || Number(s) > MAX_LATE_MONTHS) throw invalid([{ path: "lateMonths", message: MSG_EMPLOYERS.lateMonths }]);
  return Number(s);
}

// ---------------------------------------------------------------------------------------------
// Reading the register

export interface RegisterEmployer {
  taxCode: string;
  name: string;
  address: string;
  commune: { code: string; name: string } | null;
  monthsLate: number;
  amountLate: number;
  /** The month row's version (send it back to change it). */
  version: number;
  /** The employer's version (name, address, commune). */
  employerVersion: number;
}

export interface PublicationSummary extends MonthRef {
  asAt: string;
  minMonthsLate: number;
  publishedAt: string;
  publishedBy: string | null;
  count: number;
  amount: number;
  version: number;
}

export interface EmployerRegister {
  unit: { code: string; name: string };
  /** The month end shown: the one asked for, else the latest with data, else the last ended month. */
  asAt: MonthRef & { date: string };
  lateMonths: number;
  /** Month ends with arrears recorded, newest first. */
  months: MonthRef[];
  /** Those `lateMonths`+ months late at that month end, longest late first. */
  employers: RegisterEmployer[];
  total: { count: number; amount: number };
  /** Employers recorded at that month end (any months late). */
  recorded: number;
  trend: TrendPoint[];
  publications: PublicationSummary[];
  /** The publication of the month shown, if any. */
  publication: PublicationSummary | null;
  /**
   * Employers `lateMonths`+ months late at the month end recorded before this one that have no row at
   * this one: a list published now would silently drop them (an import of a partial file, say).
   */
  missingSincePrevious: { asAt: string; count: number } | null;
}

function monthsWhere(months: MonthRef[]): Prisma.EmployerArrearsWhereInput {
  return { OR: months.map((m) => ({ year: m.year, month: m.month })) };
}

async function publicationsOf(prisma: PrismaClient, tenantId: number): Promise<PublicationSummary[]> {
  const rows = await prisma.latePayerPublication.findMany({
    where: { tenantId },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    include: { publishedBy: { select: { fullName: true } } },
  });
  return rows.map((p) => {
    const entries = readPublishedEntries(p.entries);
    return {
      year: p.year,
      month: p.month,
      asAt: monthEndLabel(p),
      minMonthsLate: p.minMonthsLate,
      publishedAt: p.publishedAt.toISOString(),
      publishedBy: p.publishedBy?.fullName ?? null,
      count: entries.length,
      amount: entries.reduce((s, e) => s + e.amountLate, 0),
      version: p.version,
    };
  });
}

/** Month ends with arrears recorded in this province, newest first. */
async function recordedMonths(prisma: PrismaClient, tenantId: number): Promise<MonthRef[]> {
  const rows = await prisma.employerArrears.groupBy({ by: ["year", "month"], where: { tenantId } });
  return rows.map((r) => ({ year: r.year, month: r.month })).sort((a, b) => compareMonths(b, a));
}

/**
 * The register of a province as at a month end: those `lateMonths`+ months late (default 3), the
 * trend over the year before, the month ends with data and the publications. Without year/month:
 * the latest month end with data that has ended (none yet: the last month ended).
 */
export async function employerRegister(
  prisma: PrismaClient,
  actor: Actor,
  code: unknown,
  query: { lateMonths?: unknown; year?: unknown; month?: unknown } = {},
  now = new Date(),
): Promise<EmployerRegister> {
  const unit = await registerUnit(prisma, actor, code, "employers.view");
  const lateMonths = lateMonthsOf(query.lateMonths);
  const asked = query.year !== undefined && query.year !== null && query.year !== "";
  const askedMonth = query.month !== undefined && query.month !== null && query.month !== "";
  const months = await recordedMonths(prisma, unit.id);
  const last = lastEndedMonth(now);
  const asAt: MonthRef =
    asked || askedMonth ? endedMonth({ year: query.year, month: query.month }, now) : (months.find((m) => compareMonths(m, last) <= 0) ?? last);
  const publications = await publicationsOf(prisma, unit.id);
  const span = monthsUpTo(asAt, TREND_MONTHS);
  const [rows, trendRows] = await Promise.all([
    prisma.employerArrears.findMany({
      where: { tenantId: unit.id, year: asAt.year, month: asAt.month },
      include: { employer: { include: { commune: { select: { code: true, name: true } } } } },
    }),
    prisma.employerArrears.findMany({
      where: { tenantId: unit.id, ...monthsWhere(span) },
      select: { year: true, month: true, monthsLate: true, amountLate: true },
    }),
  ]);
  const all: RegisterEmployer[] = rows.map((r) => ({
    taxCode: r.employer.taxCode,
    name: r.employer.name,
    address: r.employer.address,
    commune: r.employer.commune ? { code: r.employer.commune.code, name: r.employer.commune.name } : null,
    monthsLate: r.monthsLate,
    amountLate: Number(r.amountLate),
    version: r.version,
    employerVersion: r.employer.version,
  }));
  const employers = lateList(all, lateMonths);
  const previous = months.find((m) => compareMonths(m, asAt) < 0);
  const missing = previous
    ? await prisma.employerArrears.count({
        where: {
          tenantId: unit.id,
          year: previous.year,
          month: previous.month,
          monthsLate: { gte: Math.max(1, lateMonths) },
          employerId: { notIn: rows.map((r) => r.employerId) },
        },
      })
    : 0;
  return {
    unit: { code: unit.code, name: unit.name },
    asAt: { ...asAt, date: monthEndLabel(asAt) },
    lateMonths,
    months,
    employers,
    total: { count: employers.length, amount: employers.reduce((s, e) => s + e.amountLate, 0) },
    recorded: all.length,
    trend: lateTrend(
      trendRows.map((r) => ({ ...r, amountLate: Number(r.amountLate) })),
      lateMonths,
      span,
    ),
    publications,
    publication: publications.find((p) => p.year === asAt.year && p.month === asAt.month) ?? null,
    missingSincePrevious: previous && missing > 0 ? { asAt: monthEndLabel(previous), count: missing } : null,
  };
}

/** One employer's row at a month end, for the entry form (null: not recorded that month). */
export async function employerMonth(
  prisma: PrismaClient,
  actor: Actor,
  code: unknown,
  input: { taxCode: unknown; year: unknown; month: unknown },
  now = new Date(),
): Promise<{
  employer: Omit<RegisterEmployer, "monthsLate" | "amountLate" | "version">;
  row: { monthsLate: number; amountLate: number; version: number } | null;
} | null> {
  const unit = await registerUnit(prisma, actor, code, "employers.view");
  const m = endedMonth(input, now);
  const tax = parseTaxCode(typeof input.taxCode === "string" ? input.taxCode : "");
  if (!tax.ok) throw invalid([{ path: "taxCode", message: tax.message }]);
  const e = await prisma.employer.findUnique({
    where: { tenantId_taxCode: { tenantId: unit.id, taxCode: tax.value } },
    include: { commune: { select: { code: true, name: true } }, arrears: { where: { year: m.year, month: m.month } } },
  });
  if (!e) return null;
  const a = e.arrears[0];
  return {
    employer: { taxCode: e.taxCode, name: e.name, address: e.address, commune: e.commune, employerVersion: e.version },
    row: a ? { monthsLate: a.monthsLate, amountLate: Number(a.amountLate), version: a.version } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Communes of the province (an employer's commune is optional)

interface CommuneRef {
  id: number;
  code: string;
  name: string;
}

async function communesOf(prisma: PrismaClient | Prisma.TransactionClient, tenantId: number): Promise<CommuneRef[]> {
  return (await prisma.unit.findMany({ where: { tenantId, level: "COMMUNE" }, select: { id: true, code: true, name: true, validTo: true } }))
    .sort((a, b) => Number(a.validTo !== null) - Number(b.validTo !== null) || byName(a, b))
    .map(({ id, code, name }) => ({ id, code, name }));
}

/** The communes in force of a province, for the entry form's choice (city staff). */
export async function registerCommunes(prisma: PrismaClient, actor: Actor, code: unknown): Promise<{ code: string; name: string }[]> {
  const unit = await registerUnit(prisma, actor, code, "employers.manage");
  return (await prisma.unit.findMany({ where: { tenantId: unit.id, level: "COMMUNE", validTo: null }, select: { code: true, name: true } })).sort(byName);
}

const bareName = (s: string) => searchKey(s).replace(/^(xa|phuong|dac khu|thi tran)\s+/, "");

/** The commune a cell names: its code, its name, or its name without "Xã"/"Phường" (null: empty; undefined: unknown). */
export function communeOfText(communes: readonly CommuneRef[], text: string): CommuneRef | null | undefined {
  const t = text.trim();
  if (t === "") return null;
  const byCode = communes.find((c) => c.code === t || c.code === t.padStart(5, "0"));
  if (byCode) return byCode;
  const key = searchKey(t);
  const exact = communes.find((c) => searchKey(c.name) === key);
  if (exact) return exact;
  const bare = communes.filter((c) => bareName(c.name) === bareName(t));
  return bare.length === 1 ? bare[0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Entry of one employer's month

const entrySchema = z.object(
  {
    taxCode: z.string({ error: "Chưa nhập mã số thuế." }),
    name: z
      .string({ error: MSG_EMPLOYER_SHEET.nameRequired })
      .trim()
      .min(1, { error: MSG_EMPLOYER_SHEET.nameRequired })
      .max(300, { error: MSG_EMPLOYER_SHEET.nameTooLong }),
    address: z.string({ error: "Địa chỉ phải là chuỗi ký tự." }).trim().max(500, { error: MSG_EMPLOYER_SHEET.addressTooLong }).default(""),
    communeCode: z.string({ error: "Mã xã, phường phải là chuỗi ký tự." }).trim().max(40).nullable().default(null),
    year: z.unknown(),
    month: z.unknown(),
    monthsLate: z
      .number({ error: MSG_EMPLOYER_SHEET.monthsInvalid })
      .int({ error: MSG_EMPLOYER_SHEET.monthsInvalid })
      .min(0, { error: MSG_EMPLOYER_SHEET.monthsInvalid })
      .max(MAX_LATE_MONTHS, { error: MSG_EMPLOYER_SHEET.monthsInvalid }),
    amountLate: z
      .number({ error: MSG_EMPLOYER_SHEET.amountInvalid })
      .int({ error: MSG_EMPLOYER_SHEET.amountInvalid })
      .min(0, { error: MSG_EMPLOYER_SHEET.amountInvalid })
      .max(MAX_AMOUNT_LATE, { error: MSG_EMPLOYER_SHEET.amountTooLarge }),
    version: z.number({ error: MSG.versionRequired }).int({ error: MSG.versionRequired }).min(0, { error: MSG.versionRequired }),
    employerVersion: z.number({ error: MSG.versionRequired }).int({ error: MSG.versionRequired }).min(0, { error: MSG.versionRequired }),
  },
  { error: "Nội dung phải là { taxCode, name, address, communeCode, year, month, monthsLate, amountLate, version, employerVersion }." },
);

const mm = (m: MonthRef) => `${m.year}-${String(m.month).padStart(2, "0")}`;

/** Whether an error is a unique-key clash (two writers at once). */
const isUniqueClash = (e: unknown) => (e as { code?: string } | null)?.code === "P2002";

/**
 * Creates or changes one employer and its row at a month end (version 0: new). The employer's
 * fields and the month's figures are written together, with their audit entries, or not at all.
 */
export async function saveEmployerMonth(
  prisma: PrismaClient,
  actor: Actor,
  code: unknown,
  input: unknown,
  now = new Date(),
): Promise<{ taxCode: string; version: number; employerVersion: number; changed: number }> {
  const unit = await registerUnit(prisma, actor, code, "employers.manage");
  const parsed = entrySchema.safeParse(input);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  const v = parsed.data;
  const tax = parseTaxCode(v.taxCode);
  if (!tax.ok) throw invalid([{ path: "taxCode", message: tax.message }]);
  const m = endedMonth({ year: v.year, month: v.month }, now);
  if (v.monthsLate > 0 && v.amountLate === 0) throw invalid([{ path: "amountLate", message: MSG_EMPLOYERS.lateWithoutAmount }]);
  let communeId: number | null = null;
  if (v.communeCode) {
    const c = communeOfText(await communesOf(prisma, unit.id), v.communeCode);
    if (!c) throw invalid([{ path: "communeCode", message: MSG_EMPLOYERS.communeUnknown(v.communeCode) }]);
    communeId = c.id;
  }
  try {
    return await prisma.$transaction(async (tx) => {
      const plan = await planOne(tx, unit, m, {
        taxCode: tax.value,
        name: v.name,
        address: v.address,
        communeId,
        monthsLate: v.monthsLate,
        amountLate: v.amountLate,
      });
      if (plan.employer && v.employerVersion === 0) throw new ServiceError(409, MSG_EMPLOYERS.exists(tax.value));
      if ((plan.employer?.version ?? 0) !== v.employerVersion || (plan.row?.version ?? 0) !== v.version) throw new ServiceError(409, MSG_EMPLOYERS.stale);
      const result = await applyPlan(tx, unit, actor, m, plan, null);
      return { taxCode: tax.value, ...result };
    });
  } catch (e) {
    if (isUniqueClash(e)) throw new ServiceError(409, MSG_EMPLOYERS.stale);
    throw e;
  }
}

interface Wanted {
  taxCode: string;
  name: string;
  address: string;
  communeId: number | null;
  monthsLate: number;
  amountLate: number;
}

interface Plan {
  want: Wanted;
  employer: { id: number; name: string; address: string; communeId: number | null; version: number } | null;
  row: { monthsLate: number; amountLate: number; version: number } | null;
}

async function planOne(tx: Prisma.TransactionClient | PrismaClient, unit: ScopedUnit, m: MonthRef, want: Wanted): Promise<Plan> {
  const e = await tx.employer.findUnique({
    where: { tenantId_taxCode: { tenantId: unit.id, taxCode: want.taxCode } },
    include: { arrears: { where: { year: m.year, month: m.month } } },
  });
  const a = e?.arrears[0];
  return {
    want,
    employer: e ? { id: e.id, name: e.name, address: e.address, communeId: e.communeId, version: e.version } : null,
    row: a ? { monthsLate: a.monthsLate, amountLate: Number(a.amountLate), version: a.version } : null,
  };
}

const employerFields = (p: Plan) =>
  (["name", "address", "communeId"] as const).filter((f) => !p.employer || p.employer[f] !== p.want[f]).filter((f) => p.employer || p.want[f] !== "");
const rowFields = (p: Plan) => (["monthsLate", "amountLate"] as const).filter((f) => !p.row || p.row[f] !== p.want[f]);

/**
 * Writes a plan: the employer (created, or changed fields with its version raised — only if still
 * at the version planned), then the month's row likewise. A row changed meanwhile is a 409.
 */
async function applyPlan(
  tx: Prisma.TransactionClient,
  unit: ScopedUnit,
  actor: Actor,
  m: MonthRef,
  p: Plan,
  reason: string | null,
): Promise<{ version: number; employerVersion: number; changed: number }> {
  const entries: AuditInput[] = [];
  const base = { tenantId: unit.id, unitId: unit.id, actorId: actor.id, entity: "employer" as const, entityId: p.want.taxCode, reason };
  const eFields = employerFields(p);
  let employerId: number;
  let employerVersion: number;
  if (!p.employer) {
    const created = await tx.employer.create({
      data: { tenantId: unit.id, taxCode: p.want.taxCode, name: p.want.name, address: p.want.address, communeId: p.want.communeId },
    });
    employerId = created.id;
    employerVersion = created.version;
    entries.push({ ...base, field: "taxCode", oldValue: null, newValue: p.want.taxCode });
  } else {
    employerId = p.employer.id;
    employerVersion = p.employer.version;
    if (eFields.length > 0) {
      const n = await tx.employer.updateMany({
        where: { id: employerId, version: p.employer.version },
        data: { name: p.want.name, address: p.want.address, communeId: p.want.communeId, version: { increment: 1 } },
      });
      if (n.count !== 1) throw new ServiceError(409, MSG_EMPLOYERS.stale);
      employerVersion++;
    }
  }
  for (const f of eFields) {
    if (!p.employer && f === "communeId" && p.want.communeId === null) continue;
    entries.push({ ...base, field: f === "communeId" ? "commune" : f, oldValue: p.employer ? p.employer[f] : null, newValue: p.want[f] });
  }
  const rFields = rowFields(p);
  let version = p.row?.version ?? 0;
  if (!p.row) {
    const created = await tx.employerArrears.create({
      data: {
        tenantId: unit.id,
        employerId,
        year: m.year,
        month: m.month,
        monthsLate: p.want.monthsLate,
        amountLate: BigInt(p.want.amountLate),
        updatedById: actor.id,
      },
    });
    version = created.version;
  } else if (rFields.length > 0) {
    const n = await tx.employerArrears.updateMany({
      where: { employerId, year: m.year, month: m.month, version: p.row.version },
      data: { monthsLate: p.want.monthsLate, amountLate: BigInt(p.want.amountLate), updatedById: actor.id, version: { increment: 1 } },
    });
    if (n.count !== 1) throw new ServiceError(409, MSG_EMPLOYERS.stale);
    version++;
  }
  for (const f of rFields) entries.push({ ...base, entityId: `${p.want.taxCode}:${mm(m)}`, field: f, oldValue: p.row ? p.row[f] : null, newValue: p.want[f] });
  await audit(tx, entries);
  return { version, employerVersion, changed: entries.length };
}

// ---------------------------------------------------------------------------------------------
// Import from a file: check, then commit

export interface ImportChange {
  field: "name" | "address" | "commune" | "monthsLate" | "amountLate";
  old: string | number | null;
  new: string | number | null;
}

export interface EmployersImportPreview extends MonthRef {
  asAt: string;
  fileName: string;
  sha256: string;
  /** Rows read from the file. */
  rows: number;
  /** Employers new to the register. */
  created: { row: number; taxCode: string; name: string; monthsLate: number; amountLate: number }[];
  /** Employers already in the register whose fields or month change. */
  changed: { row: number; taxCode: string; name: string; changes: ImportChange[] }[];
  unchanged: number;
  /** Send it back with the same file to commit: it names what was checked, so a change since is a 409. */
  token: string;
}

/** 422 with every error of a file by row and column (the first thousand), nothing stored. */
function fileErrors(errors: EmployerRowIssue[]): ServiceError {
  const first = errors[0];
  const message = errors.length === 1 ? MSG_EMPLOYERS.fileError(first.row, first.message) : MSG_EMPLOYERS.fileErrors(errors.length);
  return new ServiceError(
    422,
    message,
    errors.slice(0, 20).map((e) => ({ path: `row.${e.row}`, message: e.message })),
    { errors: errors.slice(0, 1000), errorCount: errors.length },
  );
}

interface ImportInput {
  year: unknown;
  month: unknown;
  fileName: string;
  bytes: Uint8Array;
}

async function planImport(prisma: PrismaClient, unit: ScopedUnit, input: ImportInput, now: Date) {
  const m = endedMonth(input, now);
  if (input.bytes.length > MAX_FILE_BYTES) throw new ServiceError(413, MSG_IMPORT.tooLarge, [{ path: "file", message: MSG_IMPORT.tooLarge }]);
  if (input.bytes.length === 0) throw fileErrors([{ row: 0, column: "", taxCode: null, name: null, message: MSG_EMPLOYER_SHEET.empty }]);
  const fileName = (input.fileName || "tep-tai-len").slice(0, 200);
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const read = await readUpload(input.bytes, fileName, employerColumnOf);
  if (!read.ok) throw fileErrors([{ row: 0, column: "", taxCode: null, name: null, message: read.message }]);
  const communes = await communesOf(prisma, unit.id);
  const communeName = new Map(communes.map((c) => [c.id, c.name]));
  const parsed = parseEmployersGrid(read.grid, m, (text) => communeOfText(communes, text) !== undefined);
  const errors = parsed.errors;
  const wanted: (Wanted & { row: number })[] = parsed.rows.map((r) => ({
    row: r.row,
    taxCode: r.taxCode,
    name: r.name,
    address: r.address,
    communeId: communeOfText(communes, r.commune)?.id ?? null,
    monthsLate: r.monthsLate,
    amountLate: r.amountLate,
  }));
  if (errors.length > 0) throw fileErrors(errors.sort((a, b) => a.row - b.row));

  const existing = await prisma.employer.findMany({
    where: { tenantId: unit.id, taxCode: { in: wanted.map((w) => w.taxCode) } },
    include: { arrears: { where: { year: m.year, month: m.month } } },
  });
  const byTax = new Map(existing.map((e) => [e.taxCode, e]));
  const staged = wanted.map((w) => {
    const e = byTax.get(w.taxCode);
    const a = e?.arrears[0];
    const plan: Plan = {
      want: w,
      employer: e ? { id: e.id, name: e.name, address: e.address, communeId: e.communeId, version: e.version } : null,
      row: a ? { monthsLate: a.monthsLate, amountLate: Number(a.amountLate), version: a.version } : null,
    };
    return { line: w.row, plan };
  });
  const created: EmployersImportPreview["created"] = [];
  const changed: EmployersImportPreview["changed"] = [];
  let unchanged = 0;
  for (const { line, plan } of staged) {
    if (!plan.employer) {
      created.push({ row: line, taxCode: plan.want.taxCode, name: plan.want.name, monthsLate: plan.want.monthsLate, amountLate: plan.want.amountLate });
      continue;
    }
    const changes: ImportChange[] = [
      ...employerFields(plan).map((f) =>
        f === "communeId"
          ? {
              field: "commune" as const,
              old: plan.employer!.communeId === null ? null : (communeName.get(plan.employer!.communeId) ?? null),
              new: plan.want.communeId === null ? null : (communeName.get(plan.want.communeId) ?? null),
            }
          : { field: f, old: plan.employer![f], new: plan.want[f] },
      ),
      ...rowFields(plan).map((f) => ({ field: f, old: plan.row ? plan.row[f] : null, new: plan.want[f] })),
    ];
    if (changes.length === 0) unchanged++;
    else changed.push({ row: line, taxCode: plan.want.taxCode, name: plan.want.name, changes });
  }
  const token = createHash("sha256")
    .update(JSON.stringify([sha256, m, staged.map((s) => [s.plan.want.taxCode, s.plan.employer?.version ?? 0, s.plan.row?.version ?? 0])]))
    .digest("hex")
    .slice(0, 32);
  const preview: EmployersImportPreview = {
    year: m.year,
    month: m.month,
    asAt: monthEndLabel(m),
    fileName,
    sha256,
    rows: parsed.rows.length,
    created,
    changed,
    unchanged,
    token,
  };
  return { m, preview, plans: staged.map((s) => s.plan) };
}

/** The check of a file: every error by row and column (422, nothing stored), or what a commit would change. */
export async function checkEmployersImport(
  prisma: PrismaClient,
  actor: Actor,
  code: unknown,
  input: ImportInput,
  now = new Date(),
): Promise<EmployersImportPreview> {
  const unit = await registerUnit(prisma, actor, code, "employers.manage");
  return (await planImport(prisma, unit, input, now)).preview;
}

/**
 * The commit of a checked file (the same file and the check's token): all rows in one transaction
 * with their audit entries, or none — a register changed since the check is a 409.
 */
export async function commitEmployersImport(
  prisma: PrismaClient,
  actor: Actor,
  code: unknown,
  input: ImportInput & { token: unknown },
  now = new Date(),
): Promise<{ created: number; changed: number; unchanged: number; asAt: string }> {
  const unit = await registerUnit(prisma, actor, code, "employers.manage");
  const { m, preview, plans } = await planImport(prisma, unit, input, now);
  if (typeof input.token !== "string" || input.token !== preview.token) throw new ServiceError(409, MSG_EMPLOYERS.importStale);
  const reason = `Nhập từ tệp «${preview.fileName}» (SHA-256 ${preview.sha256})`;
  try {
    await prisma.$transaction(
      async (tx) => {
        for (const p of plans) {
          if (p.employer && employerFields(p).length === 0 && rowFields(p).length === 0) continue;
          await applyPlan(tx, unit, actor, m, p, reason);
        }
      },
      { timeout: 60_000 },
    );
  } catch (e) {
    if (isUniqueClash(e)) throw new ServiceError(409, MSG_EMPLOYERS.importStale);
    throw e;
  }
  return { created: preview.created.length, changed: preview.changed.length, unchanged: preview.unchanged, asAt: preview.asAt };
}

// ---------------------------------------------------------------------------------------------
// Template

export interface EmployersTemplate {
  provinceName: string;
  month: MonthRef;
  rows: TemplateEmployer[];
}

/**
 * The template of a month end: the employers recorded then, with their figures; for a month not
 * yet recorded, the employers of the latest month before it, figures left blank to fill in.
 */
export async function employersTemplate(
  prisma: PrismaClient,
  actor: Actor,
  code: unknown,
  query: { year?: unknown; month?: unknown },
  now = new Date(),
): Promise<EmployersTemplate> {
  const unit = await registerUnit(prisma, actor, code, "employers.manage");
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  const m = blank(query.year) && blank(query.month) ? lastEndedMonth(now) : endedMonth({ year: query.year, month: query.month }, now);
  const months = await recordedMonths(prisma, unit.id);
  const from = months.find((x) => compareMonths(x, m) <= 0) ?? null;
  const rows = from
    ? await prisma.employerArrears.findMany({
        where: { tenantId: unit.id, year: from.year, month: from.month },
        include: { employer: { include: { commune: { select: { name: true } } } } },
      })
    : [];
  const same = from !== null && monthKey(from) === monthKey(m);
  return {
    provinceName: unit.name,
    month: m,
    rows: rows
      .map((r) => ({
        taxCode: r.employer.taxCode,
        name: r.employer.name,
        address: r.employer.address,
        commune: r.employer.commune?.name ?? "",
        monthsLate: same ? r.monthsLate : null,
        amountLate: same ? Number(r.amountLate) : null,
      }))
      .sort((a, b) => (b.monthsLate ?? 0) - (a.monthsLate ?? 0) || byName(a, b)),
  };
}

export async function employersTemplateXlsx(t: EmployersTemplate): Promise<Buffer> {
  return sheetXlsx({
    title: employersTitle(t.provinceName, t.month),
    subtitle: EMPLOYERS_SUBTITLE,
    headers: EMPLOYERS_TEMPLATE_HEADERS,
    rows: t.rows.map(templateRow),
    numFmt: (i) => (i < 2 ? "@" : i === 2 ? "0" : "#,##0"),
    width: (i) => [40, 22, 12, 18][i] ?? 14,
  });
}

export const employersTemplateCsvOf = (t: EmployersTemplate): string => employersTemplateCsv(t.provinceName, t.month, t.rows);

// ---------------------------------------------------------------------------------------------
// Publication

const publishSchema = z.object(
  {
    year: z.unknown(),
    month: z.unknown(),
    minMonthsLate: z
      .number({ error: MSG_EMPLOYERS.lateMonths })
      .int({ error: MSG_EMPLOYERS.lateMonths })
      .min(1, { error: MSG_EMPLOYERS.lateMonths })
      .max(MAX_LATE_MONTHS, { error: MSG_EMPLOYERS.lateMonths })
      .default(DEFAULT_LATE_MONTHS),
    version: z.number({ error: MSG.versionRequired }).int({ error: MSG.versionRequired }).min(0, { error: MSG.versionRequired }),
  },
  { error: 'Nội dung phải là { year, month, minMonthsLate, version }, ví dụ { "year": 2026, "month": 10, "minMonthsLate": 3, "version": 0 }.' },
);

/**
 * Publishes a month's list: those `minMonthsLate`+ months late at that month end, frozen as a
 * snapshot of the published fields only (version 0: first publication of the month; publishing it
 * again replaces the snapshot). The public page and CSV serve the latest month published.
 */
export async function publishLatePayers(prisma: PrismaClient, actor: Actor, code: unknown, input: unknown, now = new Date()): Promise<PublicationSummary> {
  const unit = await registerUnit(prisma, actor, code, "employers.manage");
  const parsed = publishSchema.safeParse(input);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  const m = endedMonth({ year: parsed.data.year, month: parsed.data.month }, now);
  const n = parsed.data.minMonthsLate;
  const rows = await prisma.employerArrears.findMany({
    where: { tenantId: unit.id, year: m.year, month: m.month },
    include: { employer: { select: { taxCode: true, name: true, address: true } } },
  });
  if (rows.length === 0) throw invalid([{ path: "month", message: MSG_EMPLOYERS.noData(m) }]);
  const entries = publishedEntries(
    rows.map((r) => ({
      name: r.employer.name,
      taxCode: r.employer.taxCode,
      address: r.employer.address,
      monthsLate: r.monthsLate,
      amountLate: Number(r.amountLate),
    })),
    n,
  );
  try {
    await prisma.$transaction(async (tx) => {
      const where = { tenantId_year_month: { tenantId: unit.id, year: m.year, month: m.month } };
      const current = await tx.latePayerPublication.findUnique({ where });
      if ((current?.version ?? 0) !== parsed.data.version) throw new ServiceError(409, MSG_EMPLOYERS.publicationStale);
      const data = { minMonthsLate: n, entries: entries as unknown as Prisma.InputJsonValue, publishedAt: now, publishedById: actor.id };
      if (current) {
        const u = await tx.latePayerPublication.updateMany({
          where: { id: current.id, version: current.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (u.count !== 1) throw new ServiceError(409, MSG_EMPLOYERS.publicationStale);
      } else {
        await tx.latePayerPublication.create({ data: { tenantId: unit.id, year: m.year, month: m.month, ...data } });
      }
      await audit(tx, [
        {
          tenantId: unit.id,
          unitId: unit.id,
          actorId: actor.id,
          entity: "publication",
          entityId: `${unit.code}:${mm(m)}`,
          field: "entries",
          oldValue: current ? readPublishedEntries(current.entries).length : null,
          newValue: entries.length,
          reason: `Công bố danh sách đơn vị chậm đóng từ ${n} tháng trở lên tại ngày ${monthEndLabel(m)}: ${formatNumber(entries.length)} đơn vị`,
          at: now,
        },
      ]);
    });
  } catch (e) {
    if (isUniqueClash(e)) throw new ServiceError(409, MSG_EMPLOYERS.publicationStale);
    throw e;
  }
  const published = (await publicationsOf(prisma, unit.id)).find((p) => p.year === m.year && p.month === m.month);
  return published!;
}
