import type { UnitRow } from "@/lib/data/units.server";
import { can, type ScopeUser } from "@/lib/auth/permissions";
import type { UnitListItem } from "./UnitList";

/** Rows for UnitList: a link only where the user's scope reaches (no dead links). */
export function toListItems(user: ScopeUser, rows: UnitRow[]): UnitListItem[] {
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    type: r.type,
    retired: r.validTo !== null,
    href: can(user, "unit.view", r) ? `/units/${encodeURIComponent(r.code)}` : null,
  }));
}
