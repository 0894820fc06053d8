"use server";
// Target grid and village actions: the same services, permissions and transactions as the API.
import { runAction, textArg } from "./run";
import { prisma } from "../db.server";
import { saveTargets, type SaveTargetsInput } from "../targets/service";
import { createVillage, renameVillage, retireVillage } from "../units/villages";

export async function saveTargetsAction(unitCode: string, input: SaveTargetsInput) {
  return runAction(`/units/${encodeURIComponent(textArg(unitCode))}/targets`, "targets", async (actor) => saveTargets(await prisma(), actor, input));
}

export async function createVillageAction(communeCode: string, input: { name: string; type: string }) {
  return runAction(`/units/${encodeURIComponent(textArg(communeCode))}/targets`, "targets", async (actor) =>
    createVillage(await prisma(), actor, communeCode, input),
  );
}

export async function renameVillageAction(communeCode: string, villageCode: string, name: string) {
  return runAction(`/units/${encodeURIComponent(textArg(communeCode))}/targets`, "targets", async (actor) =>
    renameVillage(await prisma(), actor, villageCode, name),
  );
}

export async function retireVillageAction(communeCode: string, villageCode: string) {
  return runAction(`/units/${encodeURIComponent(textArg(communeCode))}/targets`, "targets", async (actor) => retireVillage(await prisma(), actor, villageCode));
}
