import "server-only";
import { readPrisma } from "../db.server";
import type { SessionUser } from "../auth/session.server";
import type { ScopedUnit } from "../auth/scope";
import type { Period } from "../domain/period";
import { villageBoard } from "../villages/service";

/** A commune's villages in a quarter: figures, progress against their targets, the 100% BHYT mark. */
export async function villageBoardOf(user: SessionUser, commune: ScopedUnit, period: Period) {
  return villageBoard(await readPrisma(), user, commune, period);
}
