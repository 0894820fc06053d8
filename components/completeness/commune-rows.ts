// The communes of the completeness board as its lists show them (issue 16): one packed list
// (components/ui/packed.ts) given to the review queue, the list to chase and the table, sent once.
import type { CommuneCompleteness, ProvinceCompleteness } from "@/lib/completeness/service";
import { pack, type Packed } from "@/components/ui/packed";

export type CommuneRow = Omit<CommuneCompleteness, "type">;

export interface CommuneRows {
  rows: Packed<CommuneRow>;
  /** The codes to chase, in their order (overdue first). */
  toChase: string[];
}

export function toCommuneRows(data: ProvinceCompleteness): CommuneRows {
  return {
    rows: pack(
      data.communes.map((c): CommuneRow => ({
        code: c.code,
        name: c.name,
        state: c.state,
        timeliness: c.timeliness,
        submittedAt: c.submittedAt,
        lastSubmittedAt: c.lastSubmittedAt,
        officers: c.officers.map((o) => ({ name: o.name, username: o.username })),
      })),
    ),
    toChase: data.toChase.map((c) => c.code),
  };
}
