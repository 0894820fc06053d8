// League tables of a parent's children (a city's communes, the nation's provinces) for a period and
// a chosen indicator, target attainment or composite score, with the change against the previous
// quarter and the same quarter last year, status bands (a tenant setting), path to 2030, and the
// praise / warn / criticise lists. Built on the dashboard's set-based queries (3 periods).
import { z } from "zod";
import { rawRead } from "../db/connect";
import type { PrismaClient } from "../generated/prisma/client";
import { INDICATOR_KEYS, METRIC_KEYS, type IndicatorKey, type MetricKey } from "../domain/metrics";
import { INDICATORS, type Direction } from "../domain/indicators";
import { COUNT_TARGET_KEYS, RATE_TARGET_KEYS } from "../domain/targets";
import { previousPeriod, quarterEnd, type Period } from "../domain/period";
import {
  bandOf,
  compositeScore,
  DEFAULT_BANDS,
  DEFAULT_COMPOSITE,
  parseWeights,
  praiseWarnCriticise,
  asPublished,
  publishedDigits,
  rank,
  trendOf,
  type Bands,
  type Trend,
  type Weight,
} from "../domain/ranking";
import { assertPeriodEnded, dashboard, type DashboardRow } from "../dashboard/service";
import { provinceBoard, nationBoard } from "../completeness/service";
import { natureOf } from "../domain/milestones";
import { attainment, type Status } from "../domain/indicators";
import { actualForTarget, isCountTargetKey, isDerivedCountTargetKey, isTargetKey } from "../domain/targets";
import { directionOf, type UnitRef, type Actor } from "../figures/service";
import { assertCan, type ScopedUnit } from "../auth/scope";
import { listExplanations, type ExplanationView } from "../explanations/service";
import { ServiceError, MSG } from "../figures/errors";
import { audit } from "../audit/audit";
import { BAND_KEYS, rankingSettings } from "./settings";

export { BAND_KEYS, rankingSettings };

export type IndicatorParamKind = "indicator" | "metric" | "attainment" | "composite";

export interface IndicatorChoice {
  param: string;
  kind: IndicatorParamKind;
  /** The indicator or metric key (for attainment: the key whose attainment is ranked). */
  key: string | null;
  direction: Direction;
  /** Shown as a percentage (rates, attainments, composite) or as a count. */
  percent: boolean;
}

export const DEFAULT_INDICATOR = "attainment:bhxhCoverage";

/** The choices offered: every indicator, every count target, every target's attainment, composite. */
export const INDICATOR_PARAMS: string[] = [
  ...INDICATOR_KEYS,
  ...COUNT_TARGET_KEYS,
  ...[...RATE_TARGET_KEYS, ...COUNT_TARGET_KEYS].map((k) => `attainment:${k}`),
  "composite",
];

export function parseIndicator(param: string | null | undefined): IndicatorChoice {
  const p = (param ?? DEFAULT_INDICATOR).trim();
  if (p === "composite") return { param: p, kind: "composite", key: null, direction: "higher", percent: true };
  if (p.startsWith("attainment:")) {
    const key = p.slice("attainment:".length);
    if ((RATE_TARGET_KEYS as readonly string[]).includes(key) || (COUNT_TARGET_KEYS as readonly string[]).includes(key)) {
      return { param: p, kind: "attainment", key, direction: "higher", percent: true };
    }
  }
  if ((INDICATOR_KEYS as readonly string[]).includes(p))
    return { param: p, kind: "indicator", key: p, direction: INDICATORS[p as IndicatorKey].direction, percent: true };
  if ((METRIC_KEYS as readonly string[]).includes(p) || isDerivedCountTargetKey(p))
    return { param: p, kind: "metric", key: p, direction: directionOf(p), percent: false };
  throw new ServiceError(422, MSG.invalid, [
    {
      path: "indicator",
      message: `Không có chỉ tiêu xếp hạng «${p}». Dùng một tỷ lệ (vd bhxhCoverage), một số liệu (vd bhxhCompulsory), attainment:<khóa> hoặc composite.`,
    },
  ]);
}

/** Whether the choice ranks a ceiling's "attainment": it is ranked on the rate itself (lower is better). */
function isCeilingChoice(c: IndicatorChoice): boolean {
  return c.kind === "attainment" && natureOf(c.key!) === "ceiling";
}

function valueOf(row: DashboardRow, c: IndicatorChoice, weights: Weight[]): number | null {
  if (!row.figures) return null; // not reported: never ranked on anything else
  switch (c.kind) {
    case "indicator":
      return row.indicators[c.key as IndicatorKey] ?? null;
    case "metric":
      return isTargetKey(c.key!) ? actualForTarget(c.key, row.figures, row.indicators) : (row.figures[c.key as MetricKey] ?? null);
    case "attainment":
      return isCeilingChoice(c) ? (row.targets[c.key!] !== undefined ? actualOf(row, c) : null) : (row.attainment[c.key!] ?? null);
    case "composite":
      return compositeOf(row, weights);
  }
}

/** The composite score over the attainments of the period's milestones; a ceiling counts as target ÷ actual (capped). */
function compositeOf(row: DashboardRow, weights: Weight[]): number | null {
  const att: Record<string, number | null> = { ...row.attainment };
  for (const [k, margin] of Object.entries(row.margins)) {
    if (margin === null) continue;
    const actual = isTargetKey(k) ? actualForTarget(k, row.figures, row.indicators) : null;
    att[k] = attainment(actual, row.expected[k], "lower");
  }
  return compositeScore(att, weights);
}

function actualOf(row: DashboardRow, c: IndicatorChoice): number | null {
  if (!c.key || !row.figures) return null;
  if (isTargetKey(c.key)) return actualForTarget(c.key, row.figures, row.indicators);
  if ((INDICATOR_KEYS as readonly string[]).includes(c.key)) return row.indicators[c.key as IndicatorKey] ?? null;
  return row.figures[c.key as MetricKey] ?? null;
}

function targetOf(row: DashboardRow, c: IndicatorChoice): number | null {
  if (c.kind === "composite") return null;
  return row.targets[c.key!] ?? null;
}

/** The status the lists follow: of the key's milestone, or (composite) of the score's band. */
function statusOfRow(row: DashboardRow, c: IndicatorChoice, weights: Weight[], bands: Bands): Status {
  if (!row.figures) return "none";
  if (c.kind === "composite") return bandOf(compositeOf(row, weights), bands);
  return row.statuses[c.key!] ?? "none";
}

export interface Change {
  value: number | null;
  delta: number | null;
  trend: Trend;
  good: boolean | null;
}

export interface RankingItem {
  rank: number;
  unit: { code: string; name: string; type: string };
  /** What is ranked: the rate, count, attainment of the period's milestone, or composite score. */
  value: number;
  /** The underlying actual (for an attainment: the rate or count itself). */
  actual: number | null;
  /** The year's target. */
  target: number | null;
  /** The period's milestone (what was expected at the quarter's end). */
  expected: number | null;
  /** Attainment of the milestone (null for a ceiling: see margin). */
  attainment: number | null;
  /** Attainment of the year's target ("đạt X% kế hoạch năm"); null for a ceiling. */
  yearAttainment: number | null;
  /** A ceiling: target − actual, in rate units (positive: under the ceiling). */
  margin: number | null;
  status: Status;
  previousQuarter: Change;
  lastYear: Change;
  path: string;
  /** The period the figures are of: always the requested one (never older figures). */
  figuresYear: number;
  figuresQuarter: number;
  /** The report's state: SUBMITTED (not yet approved) or APPROVED. */
  reportStatus: string | null;
  /** A province ranked on the sum of part of its communes: how many reported, of how many (null: whole, or a commune). */
  partial: { reported: number; total: number } | null;
  explanation: ExplanationView | null;
}

export type UnrankedReason = "not_reported" | "no_target" | "no_value";

export interface UnrankedItem {
  unit: { code: string; name: string; type: string };
  reason: UnrankedReason;
  /** The reason in Vietnamese, for pages and downloads. */
  reasonText: string;
  /** Communes: the state of the period's report when it does not count (DRAFT, RETURNED) or null. */
  reportStatus: string | null;
}

export interface LateReporter {
  unit: { code: string; name: string; type: string };
  /** Communes: "overdue" (not submitted by the deadline) or "late" (submitted after it). Provinces: how many communes. */
  timeliness: "late" | "overdue" | null;
  submittedAt: string | null;
  lateCount?: number;
  overdueCount?: number;
}

export interface RankingsData {
  parent: { code: string; name: string; level: string };
  year: number;
  quarter: number;
  /** The figures' date (quarter end) and when this table was computed. */
  asAt: string;
  generatedAt: string;
  indicator: IndicatorChoice;
  weights: Weight[] | null;
  bands: Bands;
  listSize: number;
  /** The reporting deadline of the period (city rankings), ISO date. */
  deadline: string | null;
  items: RankingItem[];
  unranked: UnrankedItem[];
  lists: { praise: string[]; warn: string[]; criticise: string[]; lateReporters: string[] };
  lateReporters: LateReporter[];
  totals: {
    value: number | null;
    actual: number | null;
    target: number | null;
    expected: number | null;
    attainment: number | null;
    yearAttainment: number | null;
    margin: number | null;
    status: string;
    previousQuarter: Change;
    lastYear: Change;
    /** Children with a report that counts (communes; for the nation: communes over every province). */
    reported: number;
    /** Children in scope. */
    units: number;
    /** A sum over part of the children. */
    partial: boolean;
    /** Provinces with at least one commune reported / provinces (national rankings). */
    provincesReported: number | null;
    provinces: number | null;
  };
  /** Per child, the rows of the period (for exports that show the underlying figures). */
  rows: DashboardRow[];
  /** The parent's totals row of the period, and of the same quarter last year (for the report's sentences). */
  parentRow: DashboardRow;
  /** Null when computed without the change columns (`changes: false`). */
  parentRowLastYear: DashboardRow | null;
}

export const rankingSettingsSchema = z
  .object({
    attained: z.number({ error: "Ngưỡng «đạt» phải là một số." }).min(0.5, "Ngưỡng «đạt» từ 50% đến 150%.").max(1.5, "Ngưỡng «đạt» từ 50% đến 150%."),
    close: z.number({ error: "Ngưỡng «gần đạt» phải là một số." }).min(0.3, "Ngưỡng «gần đạt» từ 30% đến 150%.").max(1.5, "Ngưỡng «gần đạt» từ 30% đến 150%."),
    listSize: z
      .number({ error: "Số đơn vị mỗi danh sách phải là một số." })
      .int("Số đơn vị mỗi danh sách là số nguyên.")
      .min(1, "Từ 1 đến 20 đơn vị.")
      .max(20, "Từ 1 đến 20 đơn vị."),
  })
  .refine((v) => v.close < v.attained, { error: "Ngưỡng «gần đạt» phải thấp hơn ngưỡng «đạt».", path: ["close"] });

/** City staff set their city's bands and list size (audited). */
export async function setRankingSettings(prisma: PrismaClient, actor: Actor, tenant: ScopedUnit, input: unknown) {
  assertCan(actor, "city.settings", tenant);
  const r = rankingSettingsSchema.safeParse(input);
  if (!r.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const before = await rankingSettings(prisma, tenant.id);
  const next: Record<string, number> = { [BAND_KEYS.attained]: r.data.attained, [BAND_KEYS.close]: r.data.close, [BAND_KEYS.listSize]: r.data.listSize };
  const old: Record<string, number> = {
    [BAND_KEYS.attained]: before.bands.attained,
    [BAND_KEYS.close]: before.bands.close,
    [BAND_KEYS.listSize]: before.listSize,
  };
  await prisma.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(next)) {
      await tx.tenantSetting.upsert({
        where: { tenantId_key: { tenantId: tenant.id, key } },
        create: { tenantId: tenant.id, key, value: String(value) },
        update: { value: String(value) },
      });
    }
    await audit(
      tx,
      Object.keys(next)
        .filter((k) => old[k] !== next[k])
        .map((k) => ({
          tenantId: tenant.id,
          unitId: tenant.id,
          actorId: actor.id,
          entity: "setting" as const,
          entityId: tenant.code,
          field: k,
          oldValue: old[k],
          newValue: next[k],
        })),
    );
  });
  return r.data;
}

function change(now: number | null, before: number | null, direction: Direction): Change {
  return { value: before, ...trendOf(now, before, direction) };
}

const UNRANKED_TEXT: Record<UnrankedReason, string> = {
  not_reported: "Chưa báo cáo kỳ này",
  no_target: "Chưa có chỉ tiêu để so sánh",
  no_value: "Chưa đủ số liệu để tính",
};

export async function rankings(
  prisma: PrismaClient,
  parent: ScopedUnit,
  p: Period,
  indicatorParam: string | null,
  weightsParam: string | null = null,
  now: Date = new Date(),
  {
    changes = true,
    explanations: explanationsRead,
  }: {
    changes?: boolean;
    /** The communes' explanations of the period when the caller reads them anyway (a city's report): not read twice. */
    explanations?: Promise<Map<number, Record<string, ExplanationView>>>;
  } = {},
): Promise<RankingsData> {
  if (parent.level !== "PROVINCE" && parent.level !== "NATION") {
    throw new ServiceError(422, "Bảng xếp hạng có cho thành phố, tỉnh (các xã) và cả nước (các tỉnh).", [
      { path: "parent", message: "Chọn một tỉnh, thành phố hoặc VN." },
    ]);
  }
  assertPeriodEnded(p.year, p.quarter, now);
  const c = parseIndicator(indicatorParam);
  const weights = c.kind === "composite" ? (parseWeights(weightsParam, [...RATE_TARGET_KEYS, ...COUNT_TARGET_KEYS]) ?? DEFAULT_COMPOSITE) : null;
  if (c.kind === "composite" && weightsParam && !parseWeights(weightsParam, [...RATE_TARGET_KEYS, ...COUNT_TARGET_KEYS])) {
    throw new ServiceError(422, MSG.invalid, [{ path: "weights", message: "Trọng số dạng bhxhCoverage:40,bhytCoverage:30 (các số dương)." }]);
  }
  const w = weights ?? [];
  const direction: Direction = isCeilingChoice(c) ? "lower" : c.direction;
  const prev = previousPeriod(p);
  const lastYear = { year: p.year - 1, quarter: p.quarter };
  // The city's settings, read once for the three periods.
  const settingsRead = rankingSettings(prisma, parent.level === "PROVINCE" ? parent.id : null);
  // Other periods: their figures and judgements for the change columns, not their path to 2030
  // (none when the caller shows no change columns: a unit's report).
  // Only the targets the ranking reads are judged there: the key ranked, the composite's keys, none for a raw figure.
  const judge = c.kind === "composite" ? w.map((x) => x.key) : c.kind === "attainment" && c.key ? [c.key] : [];
  const other = (q: Period) => (changes ? dashboard(prisma, parent, q.year, q.quarter, now, { path: false, settings: settingsRead, judge }) : null);
  const [cur, before, yearAgo, settings, board] = await Promise.all([
    dashboard(prisma, parent, p.year, p.quarter, now, { settings: settingsRead }),
    other(prev),
    other(lastYear),
    settingsRead,
    parent.level === "PROVINCE" ? provinceBoard(prisma, parent, p.year, p.quarter, now) : nationBoard(prisma, parent, p.year, p.quarter, now),
  ]);
  const beforeBy = new Map(before?.rows.map((r) => [r.unit.code, r]));
  const yearAgoBy = new Map(yearAgo?.rows.map((r) => [r.unit.code, r]));
  // Ranks and changes on the values as published (one rule: publishedDigits), never on digits not shown.
  const digits = publishedDigits(c);
  const published = (r: DashboardRow | undefined) => (r ? asPublished(valueOf(r, c, w), digits) : null);
  const ranking = rank(
    cur.rows.map((r) => ({ code: r.unit.code, name: r.unit.name, value: published(r), data: r })),
    direction,
  );
  // Explanations of the communes (provinces have none): the key ranked, or every key for composite.
  // The ranked units are the parent's units in force (the dashboard's rows).
  const childIds = await rawRead<{ id: number; code: string }>(prisma, `SELECT id, code FROM units WHERE parent_id = $1::int AND valid_to IS NULL`, [
    parent.id,
  ]);
  const idByCode = new Map(childIds.map((u) => [u.code, u.id]));
  const explanations =
    parent.level === "PROVINCE"
      ? await (explanationsRead ??
          listExplanations(
            prisma,
            childIds.map((u) => u.id),
            p.year,
            p.quarter,
          ))
      : new Map();
  const explanationOf = (code: string) => {
    const m = explanations.get(idByCode.get(code) ?? -1) as Record<string, ExplanationView> | undefined;
    if (!m) return null;
    return (c.key ? m[c.key] : Object.values(m)[0]) ?? null;
  };
  const single = (r: DashboardRow, field: "expected" | "attainment" | "yearAttainment" | "margins") =>
    c.kind === "composite" || !c.key ? (field === "attainment" ? compositeOf(r, w) : null) : (r[field][c.key] ?? null);
  const items: RankingItem[] = ranking.items.map((it) => {
    const r = it.data;
    return {
      rank: it.rank,
      unit: { code: r.unit.code, name: r.unit.name, type: r.unit.type },
      value: it.value,
      actual: actualOf(r, c),
      target: targetOf(r, c),
      expected: single(r, "expected"),
      attainment: single(r, "attainment"),
      yearAttainment: single(r, "yearAttainment"),
      margin: single(r, "margins"),
      status: statusOfRow(r, c, w, settings.bands),
      previousQuarter: change(it.value, published(beforeBy.get(r.unit.code)), direction),
      lastYear: change(it.value, published(yearAgoBy.get(r.unit.code)), direction),
      path: r.path.status,
      figuresYear: p.year,
      figuresQuarter: p.quarter,
      reportStatus: r.periodStatus,
      partial: r.partial && r.reported !== null && r.total !== null ? { reported: r.reported, total: r.total } : null,
      explanation: explanationOf(r.unit.code),
    };
  });
  const statusByCode = new Map(items.map((i) => [i.unit.code, i.status]));
  // A raw count (people, money) ranks units by size, not by result: no praise or criticism on it.
  const lists = praiseWarnCriticise(c.kind === "metric" ? [] : ranking.items, (it) => statusByCode.get(it.code) ?? "none", settings.listSize);
  const lateReporters: LateReporter[] =
    board.level === "PROVINCE"
      ? board.communes
          // Late is late whether the report came after the deadline or has not come: the completeness
          // board's two counts, so every page and report gives the same number.
          .filter((x) => x.timeliness === "late" || x.timeliness === "overdue")
          .map((x) => ({ unit: { code: x.code, name: x.name, type: x.type }, timeliness: x.timeliness as "late" | "overdue", submittedAt: x.submittedAt }))
      : board.provinces
          .filter((x) => x.lateCount + x.overdueCount > 0)
          .map((x) => ({
            unit: { code: x.code, name: x.name, type: x.type },
            timeliness: null,
            submittedAt: null,
            lateCount: x.lateCount,
            overdueCount: x.overdueCount,
          }));
  const t = cur.totals;
  const countChoice = c.kind === "metric" || (c.kind === "attainment" && !!c.key && isCountTargetKey(c.key));
  const comparable = (a: DashboardRow, b: DashboardRow) => !countChoice || (!a.partial && !b.partial);
  const totalValue = t.figures ? published(t) : null;
  const changeOfTotals = (o: DashboardRow | undefined) => change(o && comparable(t, o) ? totalValue : null, o?.figures ? published(o) : null, direction);
  const reasonOf = (r: DashboardRow): UnrankedReason =>
    !r.figures
      ? "not_reported"
      : (c.kind === "attainment" || c.kind === "composite") && valueOf(r, c, w) === null && (c.key ? r.targets[c.key] === undefined : true)
        ? "no_target"
        : "no_value";
  return {
    parent: { code: parent.code, name: parent.name, level: parent.level },
    year: p.year,
    quarter: p.quarter,
    asAt: quarterEnd(p.year, p.quarter).toISOString(),
    generatedAt: now.toISOString(),
    indicator: c,
    weights,
    bands: settings.bands,
    listSize: settings.listSize,
    deadline: board.level === "PROVINCE" ? board.deadline.date : null,
    items,
    unranked: ranking.unranked.map((u) => {
      const reason = reasonOf(u.data);
      return {
        unit: { code: u.data.unit.code, name: u.data.unit.name, type: u.data.unit.type },
        reason,
        reasonText:
          reason === "not_reported" && u.data.periodStatus
            ? `${UNRANKED_TEXT.not_reported} (${REPORT_STATE_VI[u.data.periodStatus] ?? u.data.periodStatus})`
            : UNRANKED_TEXT[reason],
        reportStatus: u.data.figures ? null : u.data.periodStatus,
      };
    }),
    lists: {
      praise: lists.praise.map((i) => i.code),
      warn: lists.warn.map((i) => i.code),
      criticise: lists.criticise.map((i) => i.code),
      lateReporters: lateReporters.map((l) => l.unit.code),
    },
    lateReporters,
    totals: {
      value: totalValue,
      actual: actualOf(t, c),
      target: targetOf(t, c),
      expected: single(t, "expected"),
      attainment: single(t, "attainment"),
      yearAttainment: single(t, "yearAttainment"),
      margin: single(t, "margins"),
      status: statusOfRow(t, c, w, settings.bands),
      // A sum over part of the children is not compared with another period's (other units): counts only.
      previousQuarter: changeOfTotals(before?.totals),
      lastYear: changeOfTotals(yearAgo?.totals),
      reported: t.reported ?? 0,
      units: t.total ?? 0,
      partial: t.partial,
      provincesReported: parent.level === "NATION" ? cur.rows.filter((r) => r.hasReport).length : null,
      provinces: parent.level === "NATION" ? cur.rows.length : null,
    },
    rows: cur.rows,
    parentRow: cur.totals,
    parentRowLastYear: yearAgo?.totals ?? null,
  };
}

const REPORT_STATE_VI: Record<string, string> = { DRAFT: "đang soạn, chưa gửi", RETURNED: "bị trả lại, chưa gửi lại" };
