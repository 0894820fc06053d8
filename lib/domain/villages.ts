// Villages and residential groups (thôn, bản, ấp, tổ dân phố, khu phố) with figures of their own
// (issue 15, item 3): what a commune's officer records for each of them per quarter, the checks at
// entry, each village's progress against the targets the commune gave it — judged with the same
// milestone rule as every other unit (lib/domain/milestones.ts) — which villages are behind, and the
// residential groups whose whole population has health insurance (seed 004: "tổ dân phố kiểu mẫu có
// 100% người dân tham gia BHYT"). Pure: no database, no React, no Next.
import { z } from "zod";
import { computeIndicators, type Status } from "./indicators";
import { judgeTargets, type TargetsJudgement } from "./milestones";
import { checkFigures, maxFor, VALIDATION_MESSAGES_VI, type Issue, type ValidationMessages } from "./figures-validation";
import { DEFAULT_BANDS, type Bands } from "./ranking";
import { actualForTarget, isTargetKey, targetDirectionOf } from "./targets";
import type { Figures } from "./metrics";

/** What a village records each quarter: a subset of a commune's figures, with the same keys. */
export const VILLAGE_METRICS = ["labourForce", "population", "bhxhCompulsory", "bhxhVoluntary", "bhyt"] as const;
export type VillageMetric = (typeof VILLAGE_METRICS)[number];
export type VillageFigures = Record<VillageMetric, number | null>;

export const emptyVillageFigures = (): VillageFigures => ({ labourForce: null, population: null, bhxhCompulsory: null, bhxhVoluntary: null, bhyt: null });

const isNumber = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

// ---------------------------------------------------------------------------------------------
// Entry

/**
 * The `figures` object of a village's PUT: exactly the five keys, all optional; each a whole,
 * non-negative number of people within the sane range, or null (= not entered). The messages are
 * the commune figures' own (lib/domain/figures-validation.ts).
 */
export function makeVillageFiguresSchema(messages: ValidationMessages = VALIDATION_MESSAGES_VI) {
  const field = (key: VillageMetric) =>
    z
      .number({ error: (iss) => messages.wrongType(key, iss.input) })
      .int({ error: (iss) => (iss.code === "too_big" ? messages.unsafe(key) : messages.notWhole(key)) })
      .min(0, { error: () => messages.negativeField(key) })
      .max(maxFor(key), { error: () => messages.tooBig(key) })
      .nullable()
      .optional();
  return z.strictObject(
    {
      labourForce: field("labourForce"),
      population: field("population"),
      bhxhCompulsory: field("bhxhCompulsory"),
      bhxhVoluntary: field("bhxhVoluntary"),
      bhyt: field("bhyt"),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `Trường không hợp lệ: ${iss.keys.join(", ")}. Số liệu của thôn, tổ dân phố chỉ gồm: ${VILLAGE_METRICS.join(", ")}.`
          : messages.notObject,
    },
  );
}

export const villageFiguresSchema = makeVillageFiguresSchema();

/**
 * The checks of a village's figures: the commune's own rules where they apply (checkFigures). Both
 * are warnings the officer confirms, never errors: BHXH participants above the labour force
 * (people working elsewhere, counted where they live) and BHYT participants above the population
 * (path bhyt). No comparison with the previous quarter: a village's counts are small, and a change
 * of a few people is a large percentage.
 */
export function checkVillageFigures(f: Figures, messages: ValidationMessages = VALIDATION_MESSAGES_VI): { errors: Issue[]; warnings: Issue[] } {
  return checkFigures(f, null, { messages });
}

// ---------------------------------------------------------------------------------------------
// Health insurance for everyone: "tổ dân phố kiểu mẫu"

/** Types of residential groups in towns (tổ dân phố, khu phố): seed 004's "tổ dân phố kiểu mẫu". */
export const RESIDENTIAL_GROUP_TYPES: readonly string[] = ["TO_DAN_PHO", "KHU_PHO"];

/** BHYT coverage of a village: BHYT participants / population; null without a population (> 0) or a BHYT count. */
export function bhytCoverageOf(f: Partial<VillageFigures> | null | undefined): number | null {
  if (!f || !isNumber(f.bhyt) || !isNumber(f.population) || f.population <= 0 || f.bhyt < 0) return null;
  return f.bhyt / f.population;
}

/** Whether every resident has health insurance: coverage ≥ 100% of a population above 0. */
export function hasFullBhyt(f: Partial<VillageFigures> | null | undefined): boolean {
  const c = bhytCoverageOf(f);
  return c !== null && c >= 1;
}

/**
 * The mark of a village at 100% BHYT: "modelGroup" for a residential group (tổ dân phố, khu phố:
 * the "tổ dân phố kiểu mẫu" of seed 004), "full" for any other village, null below 100% or without
 * a population.
 */
export function bhytMark(type: string, f: Partial<VillageFigures> | null | undefined): "modelGroup" | "full" | null {
  if (!hasFullBhyt(f)) return null;
  return RESIDENTIAL_GROUP_TYPES.includes(type) ? "modelGroup" : "full";
}

// ---------------------------------------------------------------------------------------------
// Progress against the village's targets

export interface VillageProgressInput {
  /** The village's targets of the year, by key (counts and rates). */
  targets: Record<string, number>;
  /** The quarter judged (1–4). */
  quarter: number;
  /** The village's figures of that quarter (null: none recorded). */
  figures: Partial<VillageFigures> | null;
  /** The village's figures at the end of the year before (the milestones' baseline). */
  baseline: Partial<VillageFigures> | null;
  /** Milestones set for this village and quarter, by key. */
  overrides?: Record<string, number>;
  /** The village's saved monthly scenario at the quarter-end month, by key (wins over overrides). */
  scenario?: Record<string, number>;
  bands?: Bands;
}

export interface VillageProgress extends TargetsJudgement {
  /** The worst status among the judged targets (behind, then close, then attained); "none" when nothing is judged. */
  overall: Status;
  /** The keys judged behind, in the targets' order. */
  behindKeys: string[];
}

/** The actual value of a target key from a village's figures (and the rates computed from them). */
export function villageActual(key: string, f: Partial<VillageFigures> | null | undefined): number | null {
  if (!f || !isTargetKey(key)) return null;
  const figures: Figures = { ...f };
  return actualForTarget(key, figures, computeIndicators(figures));
}

const SEVERITY: Record<Status, number> = { behind: 3, close: 2, attained: 1, none: 0 };

/** The worst of several statuses: one target behind makes the village behind. */
export function worstStatus(statuses: readonly Status[]): Status {
  return statuses.reduce<Status>((w, s) => (SEVERITY[s] > SEVERITY[w] ? s : w), "none");
}

/**
 * A village's progress in a quarter: every target judged against its milestone for that quarter
 * (a stock: a straight line from last year's Q4 figure to the target; without last year's figure,
 * the target itself; an override when one was set), exactly as a commune's.
 */
export function villageProgress(input: VillageProgressInput): VillageProgress {
  const targets = Object.fromEntries(Object.entries(input.targets).filter(([k, v]) => isTargetKey(k) && isNumber(v)));
  const j = judgeTargets({
    targets,
    quarter: input.quarter,
    actualOf: (k) => villageActual(k, input.figures),
    baselineOf: (k) => villageActual(k, input.baseline),
    overrides: input.overrides,
    scenario: input.scenario,
    directionOf: (k) => (isTargetKey(k) ? targetDirectionOf(k) : "higher"),
    bands: input.bands ?? DEFAULT_BANDS,
  });
  const keys = Object.keys(targets);
  return { ...j, overall: worstStatus(keys.map((k) => j.statuses[k])), behindKeys: keys.filter((k) => j.statuses[k] === "behind") };
}

/** The order of a commune's villages on its page: behind first, then close, attained, not judged; by name within each. */
export function byProgress<T extends { overall: Status; name: string }>(compareNames: (a: string, b: string) => number) {
  return (a: T, b: T): number => SEVERITY[b.overall] - SEVERITY[a.overall] || compareNames(a.name, b.name);
}

// ---------------------------------------------------------------------------------------------
// The basis of the suggested split of a commune's target among its villages

/** A village's weight for the split: its labour force, and its current BHXH participants (compulsory + voluntary). */
export function villageBasis(f: Partial<VillageFigures> | null | undefined): { labourForce: number | null; participants: number | null } {
  if (!f) return { labourForce: null, participants: null };
  const parts = [f.bhxhCompulsory, f.bhxhVoluntary].filter(isNumber);
  return { labourForce: isNumber(f.labourForce) ? f.labourForce : null, participants: parts.length ? parts.reduce((s, v) => s + v, 0) : null };
}
