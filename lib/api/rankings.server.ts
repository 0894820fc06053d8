// Shared by the rankings JSON API and its downloads: parse ?parent=&year=&quarter=&indicator=&weights=,
// check the session's scope, and compute the rankings.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { ServiceError, MSG } from "../figures/errors";
import { unitForActor, type Actor } from "../figures/service";
import { rankings } from "../rankings/service";
import { periodFromQuery } from "./query";

const parentSchema = z.string({ error: "Thiếu tham số parent (mã tỉnh, thành phố hoặc VN)." }).trim().min(1, "Thiếu tham số parent (mã tỉnh, thành phố hoặc VN).");

export async function rankingsFromUrl(prisma: PrismaClient, actor: Actor, url: URL) {
  const parent = parentSchema.safeParse(url.searchParams.get("parent") ?? undefined);
  if (!parent.success) throw new ServiceError(422, MSG.invalid, [{ path: "parent", message: parent.error.issues[0].message }]);
  const unit = await unitForActor(prisma, actor, parent.data);
  const p = periodFromQuery(url);
  return rankings(prisma, unit, p, url.searchParams.get("indicator"), url.searchParams.get("weights"));
}
