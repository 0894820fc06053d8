"use server";
// A unit's report: its edited narrative (a new saved version) and its issuing settings; the same
// services, permissions and transactions as the API.
import { runAction, textArg } from "./run";
import { prisma } from "../db.server";
import { saveReportSettings, saveReportTexts } from "../reports/unit-report";

export async function saveReportTextsAction(unitCode: string, year: number, quarter: number, texts: unknown) {
  return runAction(`/units/${encodeURIComponent(textArg(unitCode))}/document`, "report", async (actor) => {
    const view = await saveReportTexts(await prisma(), actor, unitCode, year, quarter, texts);
    return { version: view.version };
  });
}

export async function saveReportSettingsAction(unitCode: string, input: unknown) {
  return runAction(`/units/${encodeURIComponent(textArg(unitCode))}/report-settings`, "report settings", async (actor) => {
    const view = await saveReportSettings(await prisma(), actor, unitCode, input);
    return { version: view.version };
  });
}
