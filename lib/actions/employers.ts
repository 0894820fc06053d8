"use server";
// Employers paying late (issue 15): one employer's month entered by hand, and a month's list
// published — the same services, permissions and transactions as the JSON API. (The file import goes
// through the API's upload routes: a server action's body is capped at 1 MB.)
import { runAction, textArg } from "./run";
import { prisma } from "../db.server";
import { employerMonth, publishLatePayers, saveEmployerMonth } from "../employers/service";

const path = (unitCode: string) => `/units/${encodeURIComponent(textArg(unitCode))}/employers`;

export async function saveEmployerMonthAction(unitCode: string, input: unknown) {
  return runAction(path(unitCode), "employers", async (actor) => saveEmployerMonth(await prisma(), actor, unitCode, input));
}

export async function publishLatePayersAction(unitCode: string, input: unknown) {
  return runAction(path(unitCode), "employers", async (actor) => publishLatePayers(await prisma(), actor, unitCode, input));
}

/** One employer's stored row at a month end, to edit it (null: not in the register). Reads only. */
export async function lookupEmployerAction(unitCode: string, input: { taxCode: unknown; year: unknown; month: unknown }) {
  return runAction(path(unitCode), "employers", async (actor) => employerMonth(await prisma(), actor, unitCode, input ?? {}));
}
