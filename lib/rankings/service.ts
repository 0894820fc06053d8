// League tables of a parent's children (a city's communes, the nation's provinces) for a period and
// a chosen indicator, target attainment or composite score, with the change against the previous
// quarter and the same quarter last year, status bands (a tenant setting), path to 2030, and the
// praise / warn / criticise lists. Built on the dashboard's set-based queries (3 periods).
import { z } from "zod";
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
  rank,
  trendOf,
  type Bands,
  type Trend,
  type Weight,
} from "../domain/ranking";
import { dashboard, type DashboardRow } from "../dashboard/service";
import { directionOf, type UnitRef, type Actor } from "../figures/service";
import { listExplanations, type ExplanationView } from "../explanations/service";
import { ServiceError, MSG } from "../figures/errors";
import { audit } from "../audit/audit";

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
  if ((INDICATOR_KEYS as readonly string[]).includes(p)) return { param: p, kind: "indicator", key: p, direction: INDICATORS[p as IndicatorKey].direction, percent: true };
  if ((METRIC_KEYS as readonly string[]).includes(p)) return { param: p, kind: "metric", key: p, direction: directionOf(p), percent: false };
  throw new ServiceError(422, MSG.invalid, [{ path: "indicator", message: `Không có chỉ tiêu xếp hạng «${p}». Dùng một tỷ lệ (vd bhxhCoverage), một số liệu (vd bhxhCompulsory), attainment:<khóa> hoặc composite.` }]);
}

function valueOf(row: DashboardRow, c: IndicatorChoice, weights: Weight[]): number | null {
  switch (c.kind) {
    case "indicator":
      return row.indicators[c.key as IndicatorKey] ?? null;
    case "metric":
      return row.figures?.[c.key as MetricKey] ?? null;
    case "attainment":
      return row.attainment[c.key!] ?? null;
    case "composite":
      return compositeScore(row.attainment, weights);
  }
}

function actualOf(row: DashboardRow, c: IndicatorChoice): number | null {
  if (!c.key) return null;
  if ((INDICATOR_KEYS as readonly string[]).includes(c.key)) return row.indicators[c.key as IndicatorKey] ?? null;
  return row.figures?.[c.key as MetricKey] ?? null;
}

function targetOf(row: DashboardRow, c: IndicatorChoice): number | null {
  if (c.kind === "indicator" || c.kind === "metric") return row.targets[c.key!] ?? null;
  if (c.kind === "attainment") return row.targets[c.key!] ?? null;
  return null;
}

/** Attainment shown beside the value: of the key itself, or (composite) the score. */
function attainmentOf(row: DashboardRow, c: IndicatorChoice, weights: Weight[]): number | null {
  if (c.kind === "composite") return compositeScore(row.attainment, weights);
  return row.attainment[c.key!] ?? null;
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
  /** What is ranked: the rate, count, attainment or composite score. */
  value: number;
  /** The underlying actual (for an attainment: the rate or count itself). */
  actual: number | null;
  target: number | null;
  attainment: number | null;
  status: "attained" | "close" | "behind" | "none";
  previousQuarter: Change;
  lastYear: Change;
  path: string;
  figuresQuarter: number | null;
  explanation: ExplanationView | null;
}

export interface UnrankedItem {
  unit: { code: string; name: string; type: string };
  reason: string;
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
  items: RankingItem[];
  unranked: UnrankedItem[];
  lists: { praise: string[]; warn: string[]; criticise: string[] };
  totals: { value: number | null; actual: number | null; target: number | null; attainment: number | null; status: string; previousQuarter: Change; lastYear: Change };
  /** Per child, the rows of the three periods (for exports that show the underlying figures). */
  rows: DashboardRow[];
  /** The parent's totals row of the period, and of the same quarter last year (for the report's sentences). */
  parentRow: DashboardRow;
  parentRowLastYear: DashboardRow;
}

export const BAND_KEYS = { attained: "ranking_band_attained", close: "ranking_band_close", listSize: "ranking_list_size" } as const;

export async function rankingSettings(prisma: PrismaClient, tenantId: number | null): Promise<{ bands: Bands; listSize: number }> {
  if (tenantId === null) return { bands: DEFAULT_BANDS, listSize: 5 };
  const rows = await prisma.tenantSetting.findMany({ where: { tenantId, key: { in: Object.values(BAND_KEYS) } } });
  const get = (k: string) => {
    const v = Number(rows.find((r) => r.key === k)?.value);
    return Number.isFinite(v) ? v : null;
  };
  return {
    bands: { attained: get(BAND_KEYS.attained) ?? DEFAULT_BANDS.attained, close: get(BAND_KEYS.close) ?? DEFAULT_BANDS.close },
    listSize: get(BAND_KEYS.listSize) ?? 5,
  };
}

export const rankingSettingsSchema = z
  .object({
    attained: z.number({ error: "Ngưỡng «đạt» phải là một số." }).min(0.5, "Ngưỡng «đạt» từ 50% đến 150%.").max(1.5, "Ngưỡng «đạt» từ 50% đến 150%."),
    close: z.number({ error: "Ngưỡng «gần đạt» phải là một số." }).min(0.3, "Ngưỡng «gần đạt» từ 30% đến 150%.").max(1.5, "Ngưỡng «gần đạt» từ 30% đến 150%."),
    listSize: z.number({ error: "Số đơn vị mỗi danh sách phải là một số." }).int("Số đơn vị mỗi danh sách là số nguyên.").min(1, "Từ 1 đến 20 đơn vị.").max(20, "Từ 1 đến 20 đơn vị."),
  })
  .refine((v) => v.close < v.attained, { error: "Ngưỡng «gần đạt» phải thấp hơn ngưỡng «đạt».", path: ["close"] });

/** City staff set their city's bands and list size (audited). */
export async function setRankingSettings(prisma: PrismaClient, actor: Actor, tenant: UnitRef, input: unknown) {
  if (!((actor.role === "CITY_STAFF" && actor.tenantId === tenant.id) || actor.role === "ADMIN") || tenant.level !== "PROVINCE") {
    throw new ServiceError(403, "Chỉ cán bộ thành phố đặt ngưỡng đánh giá và số đơn vị biểu dương, phê bình của thành phố mình.");
  }
  const r = rankingSettingsSchema.safeParse(input);
  if (!r.success) throw new ServiceError(422, MSG.invalid, r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  const before = await rankingSettings(prisma, tenant.id);
  const next: Record<string, number> = { [BAND_KEYS.attained]: r.data.attained, [BAND_KEYS.close]: r.data.close, [BAND_KEYS.listSize]: r.data.listSize };
  const old: Record<string, number> = { [BAND_KEYS.attained]: before.bands.attained, [BAND_KEYS.close]: before.bands.close, [BAND_KEYS.listSize]: before.listSize };
  await prisma.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(next)) {
      await tx.tenantSetting.upsert({ where: { tenantId_key: { tenantId: tenant.id, key } }, create: { tenantId: tenant.id, key, value: String(value) }, update: { value: String(value) } });
    }
    await audit(
      tx,
      Object.keys(next)
        .filter((k) => old[k] !== next[k])
        .map((k) => ({ tenantId: tenant.id, unitId: tenant.id, actorId: actor.id, entity: "setting" as const, entityId: tenant.code, field: k, oldValue: old[k], newValue: next[k] })),
    );
  });
  return r.data;
}

function change(now: number | null, before: number | null, direction: Direction): Change {
  return { value: before, ...trendOf(now, before, direction) };
}

export async function rankings(
  prisma: PrismaClient,
  parent: UnitRef,
  p: Period,
  indicatorParam: string | null,
  weightsParam: string | null = null,
  now: Date = new Date(),
): Promise<RankingsData> {
  if (parent.level !== "PROVINCE" && parent.level !== "NATION") {
    throw new ServiceError(422, "Bảng xếp hạng có cho thành phố, tỉnh (các xã) và cả nước (các tỉnh).", [{ path: "parent", message: "Chọn một tỉnh, thành phố hoặc VN." }]);
  }
  const c = parseIndicator(indicatorParam);
  const weights = c.kind === "composite" ? (parseWeights(weightsParam, [...RATE_TARGET_KEYS, ...COUNT_TARGET_KEYS]) ?? DEFAULT_COMPOSITE) : null;
  if (c.kind === "composite" && weightsParam && !parseWeights(weightsParam, [...RATE_TARGET_KEYS, ...COUNT_TARGET_KEYS])) {
    throw new ServiceError(422, MSG.invalid, [{ path: "weights", message: "Trọng số dạng bhxhCoverage:40,bhytCoverage:30 (các số dương)." }]);
  }
  const w = weights ?? [];
  const prev = previousPeriod(p);
  const lastYear = { year: p.year - 1, quarter: p.quarter };
  const [cur, before, yearAgo, settings] = await Promise.all([
    dashboard(prisma, parent, p.year, p.quarter),
    dashboard(prisma, parent, prev.year, prev.quarter),
    dashboard(prisma, parent, lastYear.year, lastYear.quarter),
    rankingSettings(prisma, parent.level === "PROVINCE" ? parent.id : null),
  ]);
  const beforeBy = new Map(before.rows.map((r) => [r.unit.code, r]));
  const yearAgoBy = new Map(yearAgo.rows.map((r) => [r.unit.code, r]));
  const ranking = rank(
    cur.rows.map((r) => ({ code: r.unit.code, name: r.unit.name, value: valueOf(r, c, w), data: r })),
    c.direction,
  );
  // Explanations of the communes (provinces have none): the key ranked, or every key for composite.
  const childIds = await prisma.unit.findMany({ where: { code: { in: cur.rows.map((r) => r.unit.code) }, validTo: null }, select: { id: true, code: true } });
  const idByCode = new Map(childIds.map((u) => [u.code, u.id]));
  const explanations = parent.level === "PROVINCE" ? await listExplanations(prisma, childIds.map((u) => u.id), p.year, p.quarter) : new Map();
  const explanationOf = (code: string) => {
    const m = explanations.get(idByCode.get(code) ?? -1) as Record<string, ExplanationView> | undefined;
    if (!m) return null;
    return (c.key ? m[c.key] : Object.values(m)[0]) ?? null;
  };
  const items: RankingItem[] = ranking.items.map((it) => {
    const r = it.data;
    const att = attainmentOf(r, c, w);
    return {
      rank: it.rank,
      unit: { code: r.unit.code, name: r.unit.name, type: r.unit.type },
      value: it.value,
      actual: actualOf(r, c),
      target: targetOf(r, c),
      attainment: att,
      status: bandOf(att, settings.bands),
      previousQuarter: change(it.value, beforeBy.get(r.unit.code) ? valueOf(beforeBy.get(r.unit.code)!, c, w) : null, c.direction),
      lastYear: change(it.value, yearAgoBy.get(r.unit.code) ? valueOf(yearAgoBy.get(r.unit.code)!, c, w) : null, c.direction),
      path: r.path.status,
      figuresQuarter: r.figuresQuarter,
      explanation: explanationOf(r.unit.code),
    };
  });
  const lists = praiseWarnCriticise({ items: ranking.items, unranked: ranking.unranked }, settings.listSize);
  const totalValue = valueOf(cur.totals, c, w);
  const totalAtt = attainmentOf(cur.totals, c, w);
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
    items,
    unranked: ranking.unranked.map((u) => ({
      unit: { code: u.data.unit.code, name: u.data.unit.name, type: u.data.unit.type },
      reason: u.data.figures === null ? "Chưa có số liệu kỳ này" : c.kind === "attainment" || c.kind === "composite" ? "Chưa có chỉ tiêu để so sánh" : "Chưa đủ số liệu để tính",
    })),
    lists: { praise: lists.praise.map((i) => i.code), warn: lists.warn.map((i) => i.code), criticise: lists.criticise.map((i) => i.code) },
    totals: {
      value: totalValue,
      actual: actualOf(cur.totals, c),
      target: targetOf(cur.totals, c),
      attainment: totalAtt,
      status: bandOf(totalAtt, settings.bands),
      previousQuarter: change(totalValue, valueOf(before.totals, c, w), c.direction),
      lastYear: change(totalValue, valueOf(yearAgo.totals, c, w), c.direction),
    },
    rows: cur.rows,
    parentRow: cur.totals,
    parentRowLastYear: yearAgo.totals,
  };
}
