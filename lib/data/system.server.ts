import "server-only";
import { prisma } from "../db.server";
import { isDemoLoaded } from "../db/settings";

export async function demoDataLoaded(): Promise<boolean> {
  return isDemoLoaded(await prisma());
}
