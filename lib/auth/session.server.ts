// The server's view of who is asking. The session cookie says who signed in; the database says
// what that user may do now (a deactivated user or a changed role takes effect at once).
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { authOptions } from "./options.server";
import { prisma } from "../db.server";
import type { Role, UnitLevel, UnitType } from "../generated/prisma/enums";
import { sessionStillValid } from "./session-rules";
import { env } from "../env";

export interface SessionUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  type: UnitType;
  parentId: number | null;
  tenantId: number | null;
}

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  tenantId: number | null;
  unitId: number | null;
  unit: SessionUnit | null;
}

/** The signed-in user, read once per request (React cache: a layout and its page share it). */
export const currentUser = cache(async function currentUser(): Promise<SessionUser | null> {
  // Read the request first: this makes every page that asks for the user dynamic, so `next build`
  // never tries to prerender it (and never opens the database).
  await cookies();
  const session = await getServerSession(await authOptions());
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  const db = await prisma();
  const user = await db.user.findUnique({
    where: { id },
    include: {
      unit: { select: { id: true, code: true, name: true, level: true, type: true, parentId: true, tenantId: true } },
    },
  });
  if (!user || !sessionStillValid(session!.user, user, Date.now(), env().SESSION_ABSOLUTE_HOURS)) return null;
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    tenantId: user.tenantId,
    unitId: user.unitId,
    unit: user.unit,
  };
});

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo = "/"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
