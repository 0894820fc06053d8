// Shared by the two authorization-matrix files (API routes; server actions): the users of the five
// roles, the unit codes tried (own unit, child, sibling, another province, a province without data,
// the nation, villages, an unknown and a malformed code) and a database prepared for them.
import { afterAll, beforeAll } from "vitest";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session.server";
import { storedFingerprint } from "@/tests/helpers/fingerprint";
import { migratedDatabase, type TestDatabase } from "@/tests/helpers/db";

export const USERS = ["admin", "lanhdao.quocgia", "bhxh.haiphong", "lanhdao.haiphong", "xa.kimthanh", "bhxh.hue"] as const;
// Nation; Hải Phòng (31) and Huế (46) with data, Hà Nội (01) without; communes of each; villages.
export const KNOWN = ["VN", "31", "46", "01", "10804", "11242", "19753", "10804-01", "11242-01", "19753-01"] as const;
export const UNKNOWN = ["99999", "abc$"] as const;
export const CODES = [...KNOWN, ...UNKNOWN];

export type Unit = {
  id: number;
  code: string;
  name: string;
  level: "NATION" | "PROVINCE" | "COMMUNE" | "VILLAGE";
  parentId: number | null;
  tenantId: number | null;
};

export interface Matrix {
  db: TestDatabase;
  users: Map<string, SessionUser>;
  units: Map<string, Unit>;
  fingerprint: () => Promise<string>;
  /** Units named nowhere in what this user may receive: out of scope, not above the user, not sharing a visible unit's name. */
  hidden: (user: SessionUser) => Unit[];
}

export async function prepareMatrix(): Promise<Matrix> {
  // On the PostgreSQL server when there is one (a native server runs the thousands of cells in half the
  // time of WASM PGlite); the matrix checks authorization, which is the same on both.
  const db = await migratedDatabase(process.env.TEST_DATABASE_URL ? "postgres" : "pglite", { demo: true });
  const users = new Map<string, SessionUser>();
  const units = new Map<string, Unit>();
  for (const username of USERS) {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    users.set(username, { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null });
  }
  for (const code of KNOWN) {
    const u = await db.prisma.unit.findFirstOrThrow({
      where: { code },
      select: { id: true, code: true, name: true, level: true, parentId: true, tenantId: true },
    });
    units.set(code, u);
  }
  const byId = (id: number) => [...units.values()].find((u) => u.id === id);
  const hidden = (user: SessionUser): Unit[] => {
    const visible = [...units.values()].filter((u) => can(user, "unit.view", u));
    const above = new Set<number>();
    for (let p = user.unitId === null ? null : (byId(user.unitId)?.id ?? null); p !== null;) {
      above.add(p);
      p = byId(p)?.parentId ?? null;
    }
    return [...units.values()].filter((u) => !can(user, "unit.view", u) && !above.has(u.id) && !visible.some((v) => v.name === u.name));
  };
  return { db, users, units, fingerprint: () => storedFingerprint(db), hidden };
}

/** Prepares the matrix's database before the file's tests (and points the mocked client at it); drops it after. */
export function useMatrix(ctx: { prisma: unknown }): () => Matrix {
  let m: Matrix | undefined;
  beforeAll(async () => {
    m = await prepareMatrix();
    ctx.prisma = m.db.prisma;
  });
  afterAll(async () => {
    await m?.db.destroy();
  });
  return () => m!;
}
