// Shared by the rankings JSON API and its downloads: parse ?parent=&year=&quarter=&indicator=&weights=,
// check the session's scope, and compute the rankings.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { ServiceError, MSG } from "../figures/errors";
import { type Actor } from "../figures/service";
import { scopeUnit, type ScopedUnit } from "../auth/scope";
import { rankings } from "../rankings/service";
import { periodFromQuery } from "./query";
import { fileRoute } from "./route.server";
import { exportFileName, exportFileNameVi } from "../reports/sentences";

const parentSchema = z
  .string({ error: "Thiếu tham số parent (mã tỉnh, thành phố hoặc VN)." })
  .trim()
  .min(1, "Thiếu tham số parent (mã tỉnh, thành phố hoặc VN).");

export async function rankingsFromUrl(prisma: PrismaClient, actor: Actor, url: URL) {
  return (await scopedRankingsFromUrl(prisma, actor, url)).data;
}

async function scopedRankingsFromUrl(prisma: PrismaClient, actor: Actor, url: URL) {
  const parent = parentSchema.safeParse(url.searchParams.get("parent") ?? undefined);
  if (!parent.success) throw new ServiceError(422, MSG.invalid, [{ path: "parent", message: parent.error.issues[0].message }]);
  const unit = await scopeUnit(prisma, actor, parent.data);
  const p = periodFromQuery(url);
  return { unit, data: await rankings(prisma, unit, p, url.searchParams.get("indicator"), url.searchParams.get("weights")) };
}

/**
 * A rankings download (xlsx, docx): the same session, scope and validation as the JSON API; errors
 * as JSON { error, issues }; the file as an attachment named after the parent and the period.
 */
export function rankingsDownload(
  ext: "xlsx" | "docx",
  contentType: string,
  build: (data: Awaited<ReturnType<typeof rankings>>, prisma: PrismaClient, unit: ScopedUnit) => Promise<Buffer>,
) {
  return fileRoute<Record<string, never>>(async ({ req, actor, prisma }) => {
    const { unit, data } = await scopedRankingsFromUrl(prisma, actor, new URL(req.url));
    return { body: await build(data, prisma, unit), contentType, ascii: exportFileName(data, ext), utf8: exportFileNameVi(data, ext) };
  });
}
