import type { PrismaClient } from "../generated/prisma/client";

export const DEMO_SETTING = "demo_data";

export async function getSetting(prisma: PrismaClient, key: string): Promise<string | null> {
  const row = await prisma.systemSetting.findUnique({ where: { key } });
  return row?.value ?? null;
}

export async function isDemoLoaded(prisma: PrismaClient): Promise<boolean> {
  return (await getSetting(prisma, DEMO_SETTING)) !== null;
}
