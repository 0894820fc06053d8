// Where a report's targets come from: the documents (Target.source) that set the year's targets of a
// parent unit and of its children in force, each with the units it covers. A notes sheet that names
// one commune's plan must not read as the source of the whole city's targets (issue 16's walk).
import type { PrismaClient } from "../generated/prisma/client";
import { rawRead } from "../db/connect";
import { compareVi } from "../collate";
import type { ScopedUnit } from "../auth/scope";

export interface TargetSource {
  /** The document as typed by city staff; null: targets entered without a source. */
  source: string | null;
  /** Whether the parent's own targets come (partly) from it. */
  parent: boolean;
  /** The children whose targets come (partly) from it, by name. */
  children: readonly string[];
}

/** One row per unit and document: a few hundred rows for a city, not its thousand targets. */
const SOURCES_SQL = `
SELECT NULLIF(btrim(t.source), '') AS source, u.id, u.name
FROM targets t JOIN units u ON u.id = t.unit_id
WHERE t.year = $2::int AND u.valid_to IS NULL AND (u.id = $1::int OR u.parent_id = $1::int)
GROUP BY 1, u.id, u.name`;

/** The year's target sources of a parent and its children in force; documents by name, "no source" last. */
export async function targetSources(prisma: PrismaClient, parent: ScopedUnit, year: number): Promise<TargetSource[]> {
  const rows = await rawRead<{ source: string | null; id: number; name: string }>(prisma, SOURCES_SQL, [parent.id, year]);
  const by = new Map<string | null, { source: string | null; parent: boolean; children: string[] }>();
  for (const r of rows) {
    const s = by.get(r.source) ?? { source: r.source, parent: false, children: [] };
    if (Number(r.id) === parent.id) s.parent = true;
    else s.children.push(r.name);
    by.set(r.source, s);
  }
  for (const s of by.values()) s.children.sort(compareVi);
  return [...by.values()].sort((a, b) => (a.source === null ? 1 : b.source === null ? -1 : compareVi(a.source, b.source)));
}
