import "server-only";
import { prisma } from "../db.server";
import { isDemoLoaded } from "../db/settings";

/** Demo data, once loaded, is never unloaded: this process stops asking (every page's layout asks, for its banner). */
let loaded = false;
/** Not loaded yet: asked again after a minute (another instance may load it at its start). */
let notLoadedUntil = 0;

export async function demoDataLoaded(): Promise<boolean> {
  if (loaded) return true;
  if (Date.now() < notLoadedUntil) return false;
  loaded = await isDemoLoaded(await prisma());
  if (!loaded) notLoadedUntil = Date.now() + 60_000;
  return loaded;
}
