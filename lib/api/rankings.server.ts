// Shared by the rankings JSON API and its downloads: parse ?parent=&year=&quarter=&indicator=&weights=,
// check the session's scope, and compute the rankings.
import "server-only";
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { ServiceError, MSG } from "../figures/errors";
import { unitForActor, type Actor } from "../figures/service";
import { rankings } from "../rankings/service";
import { periodFromQuery } from "./query";
import { json } from "./route.server";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import { contentDisposition, exportFileName, exportFileNameVi } from "../reports/sentences";

const parentSchema = z.string({ error: "Thiếu tham số parent (mã tỉnh, thành phố hoặc VN)." }).trim().min(1, "Thiếu tham số parent (mã tỉnh, thành phố hoặc VN).");

export async function rankingsFromUrl(prisma: PrismaClient, actor: Actor, url: URL) {
  const parent = parentSchema.safeParse(url.searchParams.get("parent") ?? undefined);
  if (!parent.success) throw new ServiceError(422, MSG.invalid, [{ path: "parent", message: parent.error.issues[0].message }]);
  const unit = await unitForActor(prisma, actor, parent.data);
  const p = periodFromQuery(url);
  return rankings(prisma, unit, p, url.searchParams.get("indicator"), url.searchParams.get("weights"));
}

/**
 * A rankings download (xlsx, docx): the same session, scope and validation as the JSON API; errors
 * as JSON { error, issues }; the file as an attachment named after the parent and the period.
 */
export function rankingsDownload(
  ext: "xlsx" | "docx",
  contentType: string,
  build: (data: Awaited<ReturnType<typeof rankings>>, prisma: PrismaClient) => Promise<Buffer>,
) {
  return async function GET(req: Request): Promise<Response> {
    try {
      const user = await currentUser();
      if (!user) return json({ error: MSG.unauthenticated, issues: [] }, 401);
      const db = await prisma();
      const data = await rankingsFromUrl(db, user, new URL(req.url));
      const body = await build(data, db);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          "content-type": contentType,
          "content-disposition": contentDisposition(exportFileName(data, ext), exportFileNameVi(data, ext)),
          "content-length": String(body.length),
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (e) {
      if (e instanceof ServiceError) return json(e.toJSON(), e.status);
      console.error("[api]", req.method, new URL(req.url).pathname, e);
      return json({ error: "Lỗi hệ thống, vui lòng thử lại sau.", issues: [] }, 500);
    }
  };
}
