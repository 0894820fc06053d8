// The JSON API's common frame: the same session as the UI (401 without one), the service's own
// scope checks (403/404), errors as { error, issues: [{ path, message }] }, and never a 500 for
// anything a client sends (a 500 means a bug or an outage, and is logged).
import "server-only";
import { NextResponse } from "next/server";
import { currentUser } from "../auth/session.server";
import { prisma, readPrisma, writeFence, writeFenceCookie } from "../db.server";
import type { PrismaClient } from "../generated/prisma/client";
import { ServiceError, MSG, busyError } from "../figures/errors";
import type { Actor } from "../figures/service";
import { contentDisposition } from "../reports/sentences";
import { localizeErrorBody, requestLocale } from "../i18n/server-messages";

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

/** An error answer in the request's language (NEXT_LOCALE cookie, else Accept-Language), with its code. */
export function errorJson(req: Request, body: { error: string; issues: { path: string; message: string }[] }, status: number) {
  return json(localizeErrorBody(body, requestLocale(req.headers)), status);
}

export function apiRoute<P>(fn: (ctx: ApiContext<P>) => Promise<unknown>) {
  return async (req: Request, context: { params: Promise<P> }) => {
    try {
      const user = await currentUser();
      if (!user) return errorJson(req, { error: MSG.unauthenticated, issues: [] }, 401);
      // Reads may come from a replica (DATABASE_REPLICA_URL); writes, and the reads of a write, from the primary.
      const reading = req.method === "GET" || req.method === "HEAD";
      const body = await fn({ req, params: await context.params, actor: user, prisma: reading ? await readPrisma() : await prisma() });
      const res = json(body, 200);
      if (!reading) await fenceWrite(res);
      return res;
    } catch (e) {
      if (e instanceof ServiceError) return errorJson(req, e.toJSON(), e.status);
      const busy = busyError(e);
      if (busy) return errorJson(req, busy.toJSON(), busy.status);
      console.error("[api]", req.method, new URL(req.url).pathname, e);
      return errorJson(req, { error: "Lỗi hệ thống, vui lòng thử lại sau.", issues: [] }, 500);
    }
  };
}

/** After a successful write: the fence cookie, so this user's next reads wait for the replica or use the primary. */
async function fenceWrite(res: NextResponse | Response) {
  const fence = await writeFence();
  if (fence && res instanceof NextResponse) res.cookies.set(writeFenceCookie(fence));
  else if (fence) {
    const c = writeFenceCookie(fence);
    res.headers.append("set-cookie", `${c.name}=${c.value}; Max-Age=${c.maxAge}; Path=/; HttpOnly; SameSite=Lax${c.secure ? "; Secure" : ""}`);
  }
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

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface FileBody {
  body: Buffer;
  contentType: string;
  /** The file name: ASCII, and the Vietnamese one for filename* (RFC 6266 / 5987). */
  ascii: string;
  utf8: string;
}

/** A download route: the same session and error frame as apiRoute, answering with a file attachment. */
export function fileRoute<P>(fn: (ctx: ApiContext<P>) => Promise<FileBody>) {
  return async (req: Request, context?: { params: Promise<P> }) => {
    try {
      const user = await currentUser();
      if (!user) return errorJson(req, { error: MSG.unauthenticated, issues: [] }, 401);
      // Downloads read: from the replica when one is set (lib/db.server.ts readPrisma).
      const f = await fn({ req, params: context ? await context.params : ({} as P), actor: user, prisma: await readPrisma() });
      return new Response(new Uint8Array(f.body), {
        status: 200,
        headers: {
          "content-type": f.contentType,
          "content-disposition": contentDisposition(f.ascii, f.utf8),
          "content-length": String(f.body.length),
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (e) {
      if (e instanceof ServiceError) return errorJson(req, e.toJSON(), e.status);
      const busy = busyError(e);
      if (busy) return errorJson(req, busy.toJSON(), busy.status);
      console.error("[api]", req.method, new URL(req.url).pathname, e);
      return errorJson(req, { error: "Lỗi hệ thống, vui lòng thử lại sau.", issues: [] }, 500);
    }
  };
}
