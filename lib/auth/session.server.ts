// The server's view of who is asking. The session cookie says who signed in; the database says
// what that user may do now (a deactivated user or a changed role takes effect at once).
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { authOptions } from "./options.server";
import { prisma } from "../db.server";
import { rawRead } from "../db/connect";
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

type SessionRow = {
  id: number;
  username: string;
  full_name: string;
  role: Role;
  tenant_id: number | null;
  unit_id: number | null;
  active: boolean;
  session_version: number;
  n_id: number | null;
  n_code: string | null;
  n_name: string | null;
  n_level: UnitLevel | null;
  n_type: UnitType | null;
  n_parent_id: number | null;
  n_tenant_id: number | null;
};
const SESSION_SQL = `
SELECT u.id, u.username, u.full_name, u.role::text AS role, u.tenant_id, u.unit_id, u.active, u.session_version,
       n.id AS n_id, n.code AS n_code, n.name AS n_name, n.level::text AS n_level, n.type::text AS n_type,
       n.parent_id AS n_parent_id, n.tenant_id AS n_tenant_id
FROM users u LEFT JOIN units n ON n.id = u.unit_id
WHERE u.id = $1::int`;

/** The signed-in user, read once per request (React cache: a layout and its page share it). */
export const currentUser = cache(async function currentUser(): Promise<SessionUser | null> {
  // Read the request first: this makes every page that asks for the user dynamic, so `next build`
  // never tries to prerender it (and never opens the database).
  await cookies();
  const session = await getServerSession(await authOptions());
  const id = session?.user?.id;
  if (typeof id !== "number") return null;
  const db = await prisma();
  // One statement for the user and their unit (every request reads it: Prisma's include took two).
  const [user] = await rawRead<SessionRow>(db, SESSION_SQL, [id]);
  if (
    !user ||
    !sessionStillValid(session!.user, { active: user.active, sessionVersion: Number(user.session_version) }, Date.now(), env().SESSION_ABSOLUTE_HOURS)
  )
    return null;
  return {
    id: Number(user.id),
    username: user.username,
    fullName: user.full_name,
    role: user.role,
    tenantId: user.tenant_id === null ? null : Number(user.tenant_id),
    unitId: user.unit_id === null ? null : Number(user.unit_id),
    unit:
      user.n_id === null
        ? null
        : {
            id: Number(user.n_id),
            code: user.n_code!,
            name: user.n_name!,
            level: user.n_level!,
            type: user.n_type!,
            parentId: user.n_parent_id === null ? null : Number(user.n_parent_id),
            tenantId: user.n_tenant_id === null ? null : Number(user.n_tenant_id),
          },
  };
});

/** For pages: the signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(returnTo = "/"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
