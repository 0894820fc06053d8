// The league table's rows as the table and the ranked bar chart show them (issue 16): the values of
// the cells only, numbers unformatted, packed once and given to both (components/ui/packed.ts).
import type { Change, RankingsData } from "@/lib/rankings/service";
import type { Status } from "@/lib/domain/indicators";
import { isCountTargetKey } from "@/lib/domain/targets";
import { pack, trim, type Packed } from "@/components/ui/packed";

export interface LeagueRow {
  code: string;
  name: string;
  /** null: the totals row. */
  rank: number | null;
  /** SUBMITTED (not yet approved) or APPROVED. */
  reportStatus: string | null;
  /** A province on part of its communes: "reported/total" (null: whole). */
  partial: string | null;
  value: number | null;
  actual: number | null;
  /** The target shown: the period's milestone (the year's target for a ceiling, its milestone every quarter). */
  target: number | null;
  attainment: number | null;
  /** A ceiling: target − actual (positive: under it). */
  margin: number | null;
  yearAttainment: number | null;
  status: Status;
  path: string | null;
  prevTrend: Change["trend"];
  prevGood: boolean | null;
  prevDelta: number | null;
  prevValue: number | null;
  yearTrend: Change["trend"];
  yearGood: boolean | null;
  yearDelta: number | null;
  yearValue: number | null;
}

/** How the cells are formatted: the ranked value and the actual, as a percentage or a count. */
export interface LeagueFormat {
  percent: boolean;
  actualPercent: boolean;
  /** An attainment: the actual column shown, the target column is the milestone (an actual). */
  attainment: boolean;
  /** A ceiling (margins instead of attainments): no year-attainment column. */
  ceiling: boolean;
  /** Decimals of the ranked value as a percentage (the late-payment rate two): its published precision. */
  percentDigits: number;
}

export interface LeagueTotals extends LeagueRow {
  /** "Tổng của …", or how many reported. */
  label: string;
  statusLabel: string;
}

const prevOf = (c: Change) => ({ prevTrend: c.trend, prevGood: c.good, prevDelta: trim(c.delta), prevValue: trim(c.value) });
const yearOf = (c: Change) => ({ yearTrend: c.trend, yearGood: c.good, yearDelta: trim(c.delta), yearValue: trim(c.value) });

export function toLeagueRows(data: RankingsData): Packed<LeagueRow> {
  return pack(
    data.items.map((it): LeagueRow => ({
      code: it.unit.code,
      name: it.unit.name,
      rank: it.rank,
      reportStatus: it.reportStatus,
      partial: it.partial ? `${it.partial.reported}/${it.partial.total}` : null,
      value: trim(it.value),
      actual: trim(it.actual),
      // The column is the quarter's milestone ("Mốc kế hoạch quý"), whatever is ranked, as in the totals
      // row and the Word report (it showed the year's target when ranking a rate: a walk found).
      target: trim(it.expected),
      attainment: trim(it.attainment),
      margin: trim(it.margin),
      yearAttainment: trim(it.yearAttainment),
      status: it.status,
      path: it.path,
      ...prevOf(it.previousQuarter),
      ...yearOf(it.lastYear),
    })),
  );
}

export function toLeagueTotals(data: RankingsData, label: string, statusLabel: string): LeagueTotals {
  const s = data.totals;
  return {
    code: data.parent.code,
    name: data.parent.name,
    rank: null,
    reportStatus: null,
    partial: null,
    value: trim(s.value),
    actual: trim(s.actual),
    // A count summed over part of the units is not set beside the whole's milestone (a walk found
    // 1.074.102 of 103 communes next to the 114 communes' 1.212.800): no milestone on that row.
    target: s.partial && data.indicator.key !== null && isCountTargetKey(data.indicator.key) ? null : trim(s.expected),
    attainment: trim(s.attainment),
    margin: trim(s.margin),
    yearAttainment: trim(s.yearAttainment),
    status: s.status as Status,
    path: null,
    ...prevOf(s.previousQuarter),
    ...yearOf(s.lastYear),
    label,
    statusLabel,
  };
}
