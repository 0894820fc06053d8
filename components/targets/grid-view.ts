// The target grid as the browser's grid uses it (issue 16, lighter pages): per unit and column only
// the target's value and version (the service's grid also carries each target's source, author and
// dates), the child units packed (components/ui/packed.ts). Built on the server by TargetGrid.tsx.
import type { TargetGrid } from "@/lib/targets/service";
import { COUNT_TARGET_KEYS, type TargetKey } from "@/lib/domain/targets";
import { pack, type Packed } from "@/components/ui/packed";

/** The grid's columns: the count targets, then BHXH coverage. */
export const GRID_COLUMNS: TargetKey[] = [...COUNT_TARGET_KEYS, "bhxhCoverage"];

export interface GridChildRow {
  code: string;
  name: string;
  retired: boolean;
  editable: boolean;
  /** Per column (GRID_COLUMNS): the target's value, null when none; its version, 0 when none. */
  values: (number | null)[];
  versions: number[];
  /** The suggestion's basis and the quarter it is of. */
  labourForce: number | null;
  participants: number | null;
  basisYear: number | null;
  basisQuarter: number | null;
}

export interface GridView {
  unit: { code: string; name: string };
  year: number;
  editable: boolean;
  basisSource: TargetGrid["basisSource"];
  /** Whether the unit has targets of its own (its row is shown then, or when it may set them). */
  hasOwnTargets: boolean;
  /** The unit's own targets, per column as the children's. */
  values: (number | null)[];
  versions: number[];
  children: Packed<GridChildRow>;
}

export function toGridView(grid: TargetGrid): GridView {
  const values = (t: TargetGrid["targets"]) => GRID_COLUMNS.map((k) => t[k]?.value ?? null);
  const versions = (t: TargetGrid["targets"]) => GRID_COLUMNS.map((k) => t[k]?.version ?? 0);
  return {
    unit: { code: grid.unit.code, name: grid.unit.name },
    year: grid.year,
    editable: grid.editable,
    basisSource: grid.basisSource,
    hasOwnTargets: Object.keys(grid.targets).length > 0,
    values: values(grid.targets),
    versions: versions(grid.targets),
    children: pack(
      grid.children.map((c): GridChildRow => ({
        code: c.unit.code,
        name: c.unit.name,
        retired: c.unit.retired,
        editable: c.editable,
        values: values(c.targets),
        versions: versions(c.targets),
        labourForce: c.basis.labourForce,
        participants: c.basis.participants,
        basisYear: c.basisPeriod?.year ?? null,
        basisQuarter: c.basisPeriod?.quarter ?? null,
      })),
    ),
  };
}
