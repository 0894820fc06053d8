// The city's plausibility threshold (tenant setting `plausibility_change_pct`): a figure that changes
// by more than this percentage from the previous quarter, up or down, must be confirmed at entry
// (lib/domain/figures-validation.ts). Read where figures are validated on save (lib/figures/service.ts)
// and on the entry form; set by the city's staff on the data-quality page (lib/quality/service.ts).
// Kept apart from the service so that the figures service can read it without an import cycle.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { CHANGE_WARNING_THRESHOLD, MAX_CHANGE_PCT, MIN_CHANGE_PCT } from "../domain/figures-validation";

export const PLAUSIBILITY_SETTING = "plausibility_change_pct";
/** 20 (%), the default of the entry check. */
export const DEFAULT_CHANGE_PCT = Math.round(CHANGE_WARNING_THRESHOLD * 100);
export { MIN_CHANGE_PCT, MAX_CHANGE_PCT };

/** The stored value as a whole percentage; the default when missing, unreadable or out of bounds. */
export function parseChangePct(value: string | null | undefined): number {
  const s = (value ?? "").trim();
  if (!/^\d{1,3}$/.test(s)) return DEFAULT_CHANGE_PCT;
  const n = Number(s);
  return n >= MIN_CHANGE_PCT && n <= MAX_CHANGE_PCT ? n : DEFAULT_CHANGE_PCT;
}

/** The city's threshold in percent (the default for no tenant, e.g. the nation). */
export async function changePctOf(prisma: PrismaClient, tenantId: number | null): Promise<number> {
  if (tenantId === null) return DEFAULT_CHANGE_PCT;
  const row = await prisma.tenantSetting.findUnique({ where: { tenantId_key: { tenantId, key: PLAUSIBILITY_SETTING } }, select: { value: true } });
  return parseChangePct(row?.value);
}

/** The city's threshold as the fraction checkFigures takes (20 → 0.2). */
export async function changeThresholdOf(prisma: PrismaClient, tenantId: number | null): Promise<number> {
  return (await changePctOf(prisma, tenantId)) / 100;
}

const RANGE_MSG = `Ngưỡng phải là một số nguyên từ ${MIN_CHANGE_PCT} đến ${MAX_CHANGE_PCT} (%).`;

/** What city staff type: a whole percentage, 5–100 ("30", "30%", 30). */
export const changePctSchema = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const s = v.trim().replace(/\s*%$/, "");
    if (s === "") return undefined;
    return /^[+-]?\d+([.,]\d+)?$/.test(s) ? Number(s.replace(",", ".")) : Number.NaN;
  },
  z
    .number({ error: (iss) => (iss.input === undefined ? "Chưa nhập ngưỡng (%)." : RANGE_MSG) })
    .int(RANGE_MSG)
    .min(MIN_CHANGE_PCT, RANGE_MSG)
    .max(MAX_CHANGE_PCT, RANGE_MSG),
);
