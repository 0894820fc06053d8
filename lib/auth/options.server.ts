// next-auth (v4, credentials provider "credentials" with fields username/password), JWT sessions
// that expire after SESSION_MAX_AGE_HOURS. The token carries role, tenant and unit; every page and
// route still re-reads the user from the database (lib/auth/session.server.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, secureCookies } from "../env";
import { database } from "../db.server";
import { authenticate } from "./authenticate";
import { clientAddress } from "./throttle";
import type { Role } from "../generated/prisma/enums";

const SECRET_SETTING = "auth_secret";

/** NEXTAUTH_SECRET when set; otherwise a random secret made once and kept in the database. */
async function authSecret(): Promise<string> {
  const fromEnv = env().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const { prisma } = await database();
  const existing = await prisma.systemSetting.findUnique({ where: { key: SECRET_SETTING } });
  if (existing) return existing.value;
  const value = randomBytes(32).toString("base64url");
  await prisma.systemSetting.upsert({ where: { key: SECRET_SETTING }, create: { key: SECRET_SETTING, value }, update: {} });
  return (await prisma.systemSetting.findUniqueOrThrow({ where: { key: SECRET_SETTING } })).value;
}

/** Error codes passed to the sign-in page (it shows them in the user's language). */
export const THROTTLED_PREFIX = "THROTTLED:";
export const LOCKED_CODE = "LOCKED";

let cached: Promise<NextAuthOptions> | undefined;

export function authOptions(): Promise<NextAuthOptions> {
  cached ??= (async () => {
    const maxAge = env().SESSION_MAX_AGE_HOURS * 3600;
    const options: NextAuthOptions = {
      secret: await authSecret(),
      session: { strategy: "jwt", maxAge },
      // Over https (NEXTAUTH_URL) the cookies are Secure; a plain-http embedded install cannot use them.
      useSecureCookies: secureCookies(env()),
      jwt: { maxAge },
      pages: { signIn: "/login", error: "/login" },
      // An embedded install (a laptop, a demo) may run without NEXTAUTH_URL; a server install must set it (lib/env.ts).
      logger: {
        warn: (code) => {
          if (code !== "NEXTAUTH_URL" || !env().embedded) console.warn(`[next-auth] ${code}`);
        },
        error: (code, metadata) => console.error(`[next-auth] ${code}`, metadata),
        debug: () => {},
      },
      providers: [
        CredentialsProvider({
          id: "credentials",
          name: "Tên đăng nhập",
          credentials: {
            username: { label: "Tên đăng nhập", type: "text" },
            password: { label: "Mật khẩu", type: "password" },
          },
          async authorize(credentials, req) {
            const { prisma } = await database();
            const r = await authenticate(prisma, credentials ?? {}, { address: clientAddress(req?.headers as Record<string, unknown> | undefined) });
            if (r.ok) {
              return {
                id: String(r.user.id),
                name: r.user.fullName,
                username: r.user.username,
                role: r.user.role,
                tenantId: r.user.tenantId,
                unitId: r.user.unitId,
                sessionVersion: r.user.sessionVersion,
              };
            }
            if (r.reason === "throttled") throw new Error(`${THROTTLED_PREFIX}${r.retryAfter}`);
            if (r.reason === "locked") throw new Error(LOCKED_CODE);
            return null;
          },
        }),
      ],
      callbacks: {
        async jwt({ token, user }) {
          if (user) {
            const u = user as unknown as { id: string; username: string; role: Role; tenantId: number | null; unitId: number | null; sessionVersion: number };
            token.uid = Number(u.id);
            token.sv = u.sessionVersion;
            token.authTime = Date.now();
            token.username = u.username;
            token.role = u.role;
            token.tenantId = u.tenantId;
            token.unitId = u.unitId;
          }
          return token;
        },
        async session({ session, token }) {
          session.user = {
            ...session.user,
            id: token.uid as number,
            username: token.username as string,
            role: token.role as Role,
            tenantId: (token.tenantId as number | null) ?? null,
            unitId: (token.unitId as number | null) ?? null,
            sv: token.sv as number,
            authTime: token.authTime as number,
          };
          return session;
        },
      },
      events: {
        // Signing out ends every session of the user, a copied cookie included.
        async signOut({ token }) {
          const uid = Number((token as { uid?: unknown } | null)?.uid);
          if (!Number.isInteger(uid)) return;
          const { prisma } = await database();
          await prisma.user.updateMany({ where: { id: uid }, data: { sessionVersion: { increment: 1 } } });
        },
      },
    };
    return options;
  })().catch((e) => {
    cached = undefined;
    throw e;
  });
  return cached;
}
