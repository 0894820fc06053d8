"use server";
// Data-quality page action: the city's threshold of the entry check against the previous quarter
// (5–100 %). The same service, permissions and audit as everywhere else.
import { runAction, type ActionResult, textArg } from "./run";
import { prisma } from "../db.server";
import { setChangePct, type SetChangePctResult } from "../quality/service";

/** The city's threshold, in percent. */
export async function setChangePctAction(tenantCode: string, pct: unknown): Promise<ActionResult<SetChangePctResult>> {
  return runAction(`/units/${encodeURIComponent(textArg(tenantCode))}/quality`, "quality", async (actor) =>
    setChangePct(await prisma(), actor, textArg(tenantCode), pct),
  );
}
