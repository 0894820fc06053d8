// Where a report's targets come from: the documents (Target.source) that set the year's targets of a
// parent unit and of its children in force, each with the units it covers. A notes sheet that names
// one commune's plan must not read as the source of the whole city's targets (issue 16's walk).
import type { PrismaClient } from "../generated/prisma/client";
import { compareVi } from "../collate";
import type { ScopedUnit } from "../auth/scope";

export interface TargetSource {
  /** The document as typed by city staff; null: targets entered without a source. */
  source: string | null;
  /** Whether the parent's own targets come (partly) from it. */
  parent: boolean;
  /** The children whose targets come (partly) from it, by name. */
  children: string[];
}

/** The year's target sources of a parent and its children in force; documents by name, "no source" last. */
export async function targetSources(prisma: PrismaClient, parent: ScopedUnit, year: number): Promise<TargetSource[]> {
  const rows = await prisma.target.findMany({
    where: { year, unit: { validTo: null, OR: [{ id: parent.id }, { parentId: parent.id }] } },
    distinct: ["unitId", "source"],
    select: { source: true, unitId: true, unit: { select: { name: true } } },
  });
  const by = new Map<string | null, TargetSource>();
  for (const r of rows) {
    const source = r.source?.trim() || null;
    const s = by.get(source) ?? { source, parent: false, children: [] };
    if (r.unitId === parent.id) s.parent = true;
    else if (!s.children.includes(r.unit.name)) s.children.push(r.unit.name);
    by.set(source, s);
  }
  for (const s of by.values()) s.children.sort(compareVi);
  return [...by.values()].sort((a, b) => (a.source === null ? 1 : b.source === null ? -1 : compareVi(a.source, b.source)));
}
