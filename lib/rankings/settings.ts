// A city's judgement settings (tenant settings): the status bands and the size of the praise /
// warn / criticise lists. Read by the dashboards, the unit pages and the rankings alike.
import type { PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import { DEFAULT_BANDS, type Bands } from "../domain/ranking";

export const BAND_KEYS = { attained: "ranking_band_attained", close: "ranking_band_close", listSize: "ranking_list_size" } as const;

const SETTINGS_SQL = `SELECT key, value FROM tenant_settings WHERE tenant_id = $1::int AND key IN (${Object.values(BAND_KEYS)
  .map((_, i) => `$${i + 2}::text`)
  .join(", ")})`;

export interface RankingSettings {
  bands: Bands;
  listSize: number;
}

export async function rankingSettings(prisma: PrismaClient, tenantId: number | null): Promise<RankingSettings> {
  if (tenantId === null) return { bands: DEFAULT_BANDS, listSize: 5 };
  // Straight through the driver (rawRead): read beside every city dashboard (issue 16).
  const rows = await rawRead<{ key: string; value: string }>(prisma, SETTINGS_SQL, [tenantId, ...Object.values(BAND_KEYS)]);
  const get = (k: string) => {
    const v = Number(rows.find((r) => r.key === k)?.value);
    return Number.isFinite(v) ? v : null;
  };
  return {
    bands: { attained: get(BAND_KEYS.attained) ?? DEFAULT_BANDS.attained, close: get(BAND_KEYS.close) ?? DEFAULT_BANDS.close },
    listSize: get(BAND_KEYS.listSize) ?? 5,
  };
}
