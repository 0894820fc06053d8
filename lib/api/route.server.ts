// The JSON API's common frame: the same session as the UI (401 without one), the service's own
// scope checks (403/404), errors as { error, issues: [{ path, message }] }, and never a 500 for
// anything a client sends (a 500 means a bug or an outage, and is logged).
import "server-only";
import { NextResponse } from "next/server";
import { currentUser } from "../auth/session.server";
import { prisma } from "../db.server";
import type { PrismaClient } from "../generated/prisma/client";
import { ServiceError, MSG } from "../figures/errors";
import type { Actor } from "../figures/service";

export interface ApiContext<P> {
  req: Request;
  params: P;
  actor: Actor;
  prisma: PrismaClient;
}

const NO_STORE = { "cache-control": "no-store" };

export function json(body: unknown, status = 200) {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

export function apiRoute<P>(fn: (ctx: ApiContext<P>) => Promise<unknown>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const user = await currentUser();
      if (!user) return json({ error: MSG.unauthenticated, issues: [] }, 401);
      const body = await fn({ req, params: await context.params, actor: user, prisma: await prisma() });
      return json(body, 200);
    } catch (e) {
      if (e instanceof ServiceError) return json(e.toJSON(), e.status);
      console.error("[api]", req.method, new URL(req.url).pathname, e);
      return json({ error: "Lỗi hệ thống, vui lòng thử lại sau.", issues: [] }, 500);
    }
  };
}

/** The request's JSON body, or a 422 saying it is not JSON. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > 100_000) throw new ServiceError(413, "Nội dung gửi lên quá lớn (tối đa 100.000 ký tự).", [{ path: "", message: "Nội dung quá lớn." }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new ServiceError(422, MSG.invalidJson, [{ path: "", message: MSG.invalidJson }]);
  }
}
