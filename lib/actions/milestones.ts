"use server";
// Quarter milestones of a unit's targets: the same service, permissions and transaction as the API.
import { runAction, textArg } from "./run";
import { prisma } from "../db.server";
import { saveMilestones } from "../targets/milestones";

export async function saveMilestonesAction(unitCode: string, input: unknown) {
  return runAction(`/units/${encodeURIComponent(textArg(unitCode))}/milestones`, "milestones", async (actor) =>
    saveMilestones(await prisma(), actor, unitCode, input),
  );
}
