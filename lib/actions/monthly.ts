"use server";
// The monthly page's forms: the scenario and a month's figures, through the same services,
// permissions and transactions as the JSON API.
import { runAction, textArg } from "./run";
import { prisma } from "../db.server";
import { saveMonthlyFigures, saveScenario } from "../monthly/service";

export async function saveScenarioAction(unitCode: string, year: unknown, input: unknown) {
  return runAction(`/units/${encodeURIComponent(textArg(unitCode))}/monthly`, "scenario", async (actor) =>
    saveScenario(await prisma(), actor, unitCode, year, input),
  );
}

export async function saveMonthlyFiguresAction(unitCode: string, year: unknown, month: unknown, input: unknown) {
  return runAction(`/units/${encodeURIComponent(textArg(unitCode))}/monthly`, "monthly", async (actor) =>
    saveMonthlyFigures(await prisma(), actor, unitCode, year, month, input),
  );
}
