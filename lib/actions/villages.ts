"use server";
// Recording a village's quarter from the commune's villages page: the same service, checks and
// transaction as the JSON API (PUT /api/v1/units/{villageCode}/figures/{year}/{quarter}).
import { runAction, textArg } from "./run";
import { prisma } from "../db.server";
import { saveVillageFigures } from "../villages/service";

export async function saveVillageFiguresAction(input: { communeCode: string; villageCode: string; year: number; quarter: number; body: unknown }) {
  return runAction(`/units/${encodeURIComponent(textArg(input?.communeCode))}/villages`, "villages", async (actor) =>
    saveVillageFigures(await prisma(), actor, { villageCode: textArg(input?.villageCode), year: input?.year, quarter: input?.quarter, body: input?.body }),
  );
}
