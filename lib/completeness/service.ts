// The completeness board ("who has not reported is visible"): for a city, every commune in force
// with the state of its quarter's ACTUAL report, whether it was first submitted on time against
// the city's deadline (quarter end + N days, to the end of that day in Vietnam time), its officers,
// and the list of communes to chase; for the nation, the same counted per province. A handful of
// set-based queries whatever the number of communes, the same SQL on PGlite and PostgreSQL.
// Also the city's deadline setting (report_deadline_days), audited like every other change.
import { z } from "zod";
import { compareVi } from "../collate";
import { COUNTED_STATUSES } from "../figures/counted";
import type { PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import type { ReportStatus, UnitLevel } from "../generated/prisma/enums";
import { quarterEnd } from "../domain/period";
import { periodSchema } from "../figures/period-schema";
import { ServiceError, MSG } from "../figures/errors";
import { type Actor, type UnitRef } from "../figures/service";
import { assertCan, scopeUnit } from "../auth/scope";
import { can } from "../auth/permissions";
import { audit } from "../audit/audit";
import type { ScopedUnit } from "../auth/scope";

export const DEADLINE_SETTING = "report_deadline_days";
export const DEFAULT_DEADLINE_DAYS = 5;
export const MAX_DEADLINE_DAYS = 60;

export const COMPLETENESS_STATES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;
export type CompletenessState = (typeof COMPLETENESS_STATES)[number];
export const TIMELINESS = ["on_time", "late", "overdue", "pending"] as const;
export type Timeliness = (typeof TIMELINESS)[number];
export type StateCounts = Record<CompletenessState, number>;

export interface Officer {
  name: string;
  username: string;
}

export interface CommuneCompleteness {
  code: string;
  name: string;
  type: string;
  state: CompletenessState;
  timeliness: Timeliness;
  /** The first submission (lateness is judged on it), ISO; null when never submitted. */
  submittedAt: string | null;
  /** The latest submission (a resubmission after a return), ISO. */
  lastSubmittedAt: string | null;
  /** Active commune officer accounts of the commune (may be empty). */
  officers: Officer[];
}

export interface Deadline {
  /** Days after the quarter's end (the tenant's report_deadline_days, 5 when unset). */
  days: number;
  /** The deadline's calendar day (Vietnam), "2026-10-05". */
  date: string;
  /** The last millisecond of that day in Vietnam time (UTC+7), ISO: "2026-10-05T16:59:59.999Z". */
  at: string;
  passed: boolean;
}

interface Totals {
  total: number;
  counts: StateCounts;
  /** Submitted + approved. */
  reported: number;
  /** reported / total; null when there is no commune. */
  reportedShare: number | null;
  /** First submitted after the deadline. */
  lateCount: number;
  /** Not submitted and the deadline has passed. */
  overdueCount: number;
}

export interface ProvinceCompleteness extends Totals {
  level: "PROVINCE";
  parent: { code: string; name: string; level: UnitLevel };
  year: number;
  quarter: number;
  now: string;
  deadline: Deadline;
  communes: CommuneCompleteness[];
  /** Not started, draft or returned: overdue first, then not started, draft, returned; by name. */
  toChase: CommuneCompleteness[];
}

export interface ProvinceRow extends Totals {
  code: string;
  name: string;
  type: string;
  deadline: Deadline;
}

export interface NationCompleteness extends Totals {
  level: "NATION";
  parent: { code: string; name: string; level: UnitLevel };
  year: number;
  quarter: number;
  now: string;
  provinces: ProvinceRow[];
}

export type Completeness = ProvinceCompleteness | NationCompleteness;

// ---------------------------------------------------------------------------------------------
// Pure parts

const DAY = 86_400_000;
const VN_OFFSET = 7 * 3_600_000;

/** The deadline of a quarter: the end (Vietnam time) of the day `days` after the quarter's last day. */
export function deadlineOf(year: number, quarter: number, days: number, now: Date = new Date()): Deadline {
  const day = quarterEnd(year, quarter).getTime() + days * DAY; // a calendar date at UTC midnight
  const at = new Date(day + DAY - VN_OFFSET - 1);
  return { days, date: new Date(day).toISOString().slice(0, 10), at: at.toISOString(), passed: now.getTime() > at.getTime() };
}

/** The setting's value as a number of days; the default when missing or unreadable. */
export function parseDeadlineDays(value: string | null | undefined): number {
  const s = (value ?? "").trim();
  if (!/^\d{1,3}$/.test(s)) return DEFAULT_DEADLINE_DAYS;
  const n = Number(s);
  return n <= MAX_DEADLINE_DAYS ? n : DEFAULT_DEADLINE_DAYS;
}

/** Timeliness of one commune's report from its first submission (null: never submitted). */
export function timelinessOf(firstSubmittedAt: Date | null, deadline: Deadline, now: Date): Timeliness {
  const at = new Date(deadline.at).getTime();
  if (firstSubmittedAt) return firstSubmittedAt.getTime() <= at ? "on_time" : "late";
  return now.getTime() > at ? "overdue" : "pending";
}

const emptyCounts = (): StateCounts => ({ NOT_STARTED: 0, DRAFT: 0, SUBMITTED: 0, APPROVED: 0, RETURNED: 0 });

function totalsOf(total: number, counts: StateCounts, lateCount: number, overdueCount: number): Totals {
  const reported = COUNTED_STATUSES.reduce((a, st) => a + counts[st], 0);
  return { total, counts, reported, reportedShare: total > 0 ? reported / total : null, lateCount, overdueCount };
}

const CHASE_ORDER: Record<CompletenessState, number> = { NOT_STARTED: 0, DRAFT: 1, RETURNED: 2, SUBMITTED: 3, APPROVED: 4 };
const byName = (a: { name: string }, b: { name: string }) => compareVi(a.name, b.name);

export function isToChase(state: CompletenessState): boolean {
  return state === "NOT_STARTED" || state === "DRAFT" || state === "RETURNED";
}

/** Communes still to chase, overdue ones first. */
export function chaseList(communes: readonly CommuneCompleteness[]): CommuneCompleteness[] {
  return communes
    .filter((c) => isToChase(c.state))
    .sort((a, b) => Number(b.timeliness === "overdue") - Number(a.timeliness === "overdue") || CHASE_ORDER[a.state] - CHASE_ORDER[b.state] || byName(a, b));
}

// ---------------------------------------------------------------------------------------------
// Scope

/** City staff and leaders: their own province; national leader and admin: the nation and every province. */
function assertCanView(actor: Actor, parent: UnitRef) {
  assertCan(actor, "completeness.view");
  if (parent.level !== "PROVINCE" && parent.level !== "NATION") {
    throw new ServiceError(422, "Bảng theo dõi tiến độ báo cáo chỉ có cho thành phố, tỉnh (các xã) và cả nước (các tỉnh).", [
      { path: "code", message: "Chọn một tỉnh, thành phố hoặc cả nước." },
    ]);
  }
  if (!can(actor, "completeness.view", parent)) throw new ServiceError(403, MSG.forbiddenView);
}

// ---------------------------------------------------------------------------------------------
// Reading

type Stamp = Date | string | null;
const toDate = (v: Stamp): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v));
const iso = (v: Stamp) => toDate(v)?.toISOString() ?? null;

/** The first submission of a report row: first_submitted_at, or (older rows) submitted_at once submitted. */
const FIRST_SUBMITTED = `COALESCE(r.first_submitted_at, CASE WHEN r.status IN ('SUBMITTED', 'APPROVED', 'RETURNED') THEN r.submitted_at END)`;

async function deadlineDays(prisma: PrismaClient, tenantIds: number[]): Promise<Map<number, number>> {
  // Through the driver: read beside every board and commune page (issue 16).
  const rows = await rawRead<{ tenant_id: number; value: string }>(
    prisma,
    `SELECT tenant_id, value FROM tenant_settings WHERE tenant_id = ANY($1::int[]) AND key = $2::text`,
    [tenantIds, DEADLINE_SETTING],
  );
  const out = new Map<number, number>(tenantIds.map((id) => [id, DEFAULT_DEADLINE_DAYS]));
  for (const r of rows) out.set(Number(r.tenant_id), parseDeadlineDays(r.value));
  return out;
}

/** The reporting deadline of a unit's city for a quarter (its report_deadline_days): what its officer is told. */
export async function unitDeadline(prisma: PrismaClient, unit: ScopedUnit, year: number, quarter: number, now: Date): Promise<Deadline | null> {
  if (unit.tenantId === null) return null;
  const days = (await deadlineDays(prisma, [unit.tenantId])).get(unit.tenantId) ?? DEFAULT_DEADLINE_DAYS;
  return deadlineOf(year, quarter, days, now);
}

export async function completeness(
  prisma: PrismaClient,
  actor: Actor,
  parent: ScopedUnit,
  year: unknown,
  quarter: unknown,
  now: Date = new Date(),
): Promise<Completeness> {
  assertCanView(actor, parent);
  const p = periodSchema.safeParse({ year, quarter });
  if (!p.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      p.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return parent.level === "PROVINCE"
    ? provinceBoard(prisma, parent, p.data.year, p.data.quarter, now)
    : nationBoard(prisma, parent, p.data.year, p.data.quarter, now);
}

/** The board of a province, for callers that have checked scope already (the rankings' late list). */
export async function provinceBoard(prisma: PrismaClient, parent: UnitRef, year: number, quarter: number, now: Date): Promise<ProvinceCompleteness> {
  const tenant = parent.id;
  const [rows, officerRows, days] = await Promise.all([
    rawRead<{ id: number; code: string; name: string; type: string; status: ReportStatus | null; first: Stamp; last: Stamp }>(
      prisma,
      `SELECT u.id, u.code, u.name, u.type::text AS type, r.status::text AS status,
              ${FIRST_SUBMITTED} AS first, r.submitted_at AS last
       FROM units u
       LEFT JOIN quarter_reports r ON r.unit_id = u.id AND r.kind = 'ACTUAL' AND r.year = $2::int AND r.quarter = $3::int
       WHERE u.tenant_id = $1::int AND u.level = 'COMMUNE' AND u.valid_to IS NULL`,
      [tenant, year, quarter],
    ),
    rawRead<{ unit_id: number; full_name: string; username: string }>(
      prisma,
      `SELECT us.unit_id, us.full_name, us.username
       FROM users us JOIN units u ON u.id = us.unit_id
       WHERE u.tenant_id = $1::int AND u.level = 'COMMUNE' AND u.valid_to IS NULL AND us.role = 'COMMUNE_OFFICER' AND us.active
       ORDER BY us.full_name, us.username`,
      [tenant],
    ),
    deadlineDays(prisma, [tenant]),
  ]);
  const deadline = deadlineOf(year, quarter, days.get(tenant) ?? DEFAULT_DEADLINE_DAYS, now);
  const officersBy = new Map<number, Officer[]>();
  for (const o of officerRows) {
    const id = Number(o.unit_id);
    officersBy.set(id, [...(officersBy.get(id) ?? []), { name: o.full_name, username: o.username }]);
  }
  const counts = emptyCounts();
  let late = 0;
  let overdue = 0;
  const communes = rows
    .map((r): CommuneCompleteness => {
      const state: CompletenessState = r.status ?? "NOT_STARTED";
      const timeliness = timelinessOf(toDate(r.first), deadline, now);
      counts[state]++;
      if (timeliness === "late") late++;
      if (timeliness === "overdue") overdue++;
      return {
        code: r.code,
        name: r.name,
        type: r.type,
        state,
        timeliness,
        submittedAt: iso(r.first),
        lastSubmittedAt: iso(r.last),
        officers: officersBy.get(Number(r.id)) ?? [],
      };
    })
    .sort(byName);
  return {
    level: "PROVINCE",
    parent: { code: parent.code, name: parent.name, level: parent.level },
    year,
    quarter,
    now: now.toISOString(),
    deadline,
    ...totalsOf(communes.length, counts, late, overdue),
    communes,
    toChase: chaseList(communes),
  };
}

/** The board of the nation, for callers that have checked scope already. */
export async function nationBoard(prisma: PrismaClient, parent: UnitRef, year: number, quarter: number, now: Date): Promise<NationCompleteness> {
  const provinces = await prisma.unit.findMany({
    where: { parentId: parent.id, level: "PROVINCE", validTo: null },
    select: { id: true, code: true, name: true, type: true },
    orderBy: { code: "asc" },
  });
  const ids = provinces.map((p) => p.id);
  const days = await deadlineDays(prisma, ids);
  const deadlines = new Map(provinces.map((p) => [p.id, deadlineOf(year, quarter, days.get(p.id) ?? DEFAULT_DEADLINE_DAYS, now)]));
  // One grouped query over every commune of the nation, each judged against its own province's deadline.
  const rows = await rawRead<{ tenant_id: number; status: ReportStatus | null; n: number; late: number; overdue: number }>(
    prisma,
    `WITH d AS (SELECT * FROM unnest($1::int[], $2::timestamptz[]) AS d(tenant_id, deadline)),
     c AS (
       SELECT u.tenant_id, r.status::text AS status, ${FIRST_SUBMITTED} AS first, d.deadline
       FROM units u
       JOIN d ON d.tenant_id = u.tenant_id
       LEFT JOIN quarter_reports r ON r.unit_id = u.id AND r.kind = 'ACTUAL' AND r.year = $3::int AND r.quarter = $4::int
       WHERE u.level = 'COMMUNE' AND u.valid_to IS NULL
     )
     SELECT tenant_id, status, count(*)::int AS n,
            count(*) FILTER (WHERE first IS NOT NULL AND first > deadline)::int AS late,
            count(*) FILTER (WHERE first IS NULL AND $5::timestamptz > deadline)::int AS overdue
     FROM c GROUP BY tenant_id, status`,
    [ids, ids.map((id) => deadlines.get(id)!.at), year, quarter, now.toISOString()],
  );
  const agg = new Map<number, { counts: StateCounts; total: number; late: number; overdue: number }>(
    ids.map((id) => [id, { counts: emptyCounts(), total: 0, late: 0, overdue: 0 }]),
  );
  for (const r of rows) {
    const a = agg.get(Number(r.tenant_id));
    if (!a) continue;
    const n = Number(r.n);
    a.counts[r.status ?? "NOT_STARTED"] += n;
    a.total += n;
    a.late += Number(r.late);
    a.overdue += Number(r.overdue);
  }
  const list: ProvinceRow[] = provinces.map((p) => {
    const a = agg.get(p.id)!;
    return { code: p.code, name: p.name, type: p.type, deadline: deadlines.get(p.id)!, ...totalsOf(a.total, a.counts, a.late, a.overdue) };
  });
  const counts = emptyCounts();
  for (const r of list) for (const s of COMPLETENESS_STATES) counts[s] += r.counts[s];
  const sum = (f: (r: ProvinceRow) => number) => list.reduce((x, r) => x + f(r), 0);
  return {
    level: "NATION",
    parent: { code: parent.code, name: parent.name, level: parent.level },
    year,
    quarter,
    now: now.toISOString(),
    ...totalsOf(
      sum((r) => r.total),
      counts,
      sum((r) => r.lateCount),
      sum((r) => r.overdueCount),
    ),
    provinces: list,
  };
}

// ---------------------------------------------------------------------------------------------
// The deadline setting

export const deadlineDaysSchema = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const s = v.trim();
    if (s === "") return undefined;
    return /^[+-]?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(",", ".")) : Number.NaN;
  },
  z
    .number({ error: (iss) => (iss.input === undefined ? "Chưa nhập số ngày." : "Số ngày phải là một số nguyên từ 0 đến 60.") })
    .int("Số ngày phải là một số nguyên.")
    .min(0, `Số ngày phải từ 0 đến ${MAX_DEADLINE_DAYS}.`)
    .max(MAX_DEADLINE_DAYS, `Số ngày phải từ 0 đến ${MAX_DEADLINE_DAYS}.`),
);

export interface SetDeadlineResult {
  tenant: { code: string; name: string };
  days: number;
  previous: number | null;
  changed: boolean;
}

/** City staff set their city's deadline (days after the quarter's end); the administrator any province's. */
export async function setDeadlineDays(prisma: PrismaClient, actor: Actor, tenantCode: string, days: unknown): Promise<SetDeadlineResult> {
  assertCan(actor, "city.settings");
  const unit = await scopeUnit(prisma, actor, tenantCode);
  if (unit.level !== "PROVINCE")
    throw new ServiceError(422, "Hạn báo cáo được đặt cho một tỉnh, thành phố.", [{ path: "code", message: "Chọn một tỉnh, thành phố." }]);
  assertCan(actor, "city.settings", unit);
  const r = deadlineDaysSchema.safeParse(days);
  if (!r.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      r.error.issues.map((i) => ({ path: "days", message: i.message })),
    );
  const value = String(r.data);
  return prisma.$transaction(async (tx) => {
    const old = await tx.tenantSetting.findUnique({ where: { tenantId_key: { tenantId: unit.id, key: DEADLINE_SETTING } } });
    const previous = old ? parseDeadlineDays(old.value) : null;
    if (old?.value === value) return { tenant: { code: unit.code, name: unit.name }, days: r.data, previous, changed: false };
    await tx.tenantSetting.upsert({
      where: { tenantId_key: { tenantId: unit.id, key: DEADLINE_SETTING } },
      create: { tenantId: unit.id, key: DEADLINE_SETTING, value },
      update: { value },
    });
    await audit(tx, [
      {
        tenantId: unit.id,
        unitId: unit.id,
        actorId: actor.id,
        entity: "setting",
        entityId: `${unit.code}:${DEADLINE_SETTING}`,
        field: DEADLINE_SETTING,
        oldValue: old?.value ?? null,
        newValue: value,
      },
    ]);
    return { tenant: { code: unit.code, name: unit.name }, days: r.data, previous, changed: true };
  });
}
