// The dashboard's rows as the table shows them (issue 16): only the values of its cells, numbers
// unformatted (the client formats them), packed (components/ui/packed.ts). Built on the server from
// lib/dashboard's rows, which carry every figure, target and milestone of a unit.
import type { DashboardData, DashboardRow } from "@/lib/dashboard/service";
import type { Status } from "@/lib/domain/indicators";
import type { PathStatusCode } from "@/lib/domain/path2030";
import { pack, trim, type Packed } from "@/components/ui/packed";

export interface DashRow {
  code: string;
  name: string;
  type: string;
  /** Communes: the period's report status (null = not started); whether its figures count. */
  periodStatus: DashboardRow["periodStatus"];
  hasReport: boolean;
  /** Provinces and totals: children reported / in scope. */
  reported: number | null;
  total: number | null;
  partial: boolean;
  /** Figures of the period shown (a report that counts). */
  hasFigures: boolean;
  coverage: number | null;
  /** Whether a BHXH coverage target is set, and its milestone for the period. */
  coverageTarget: boolean;
  coverageExpected: number | null;
  coverageAtt: number | null;
  coverageYearAtt: number | null;
  coverageStatus: Status;
  compulsory: number | null;
  compulsoryTarget: number | null;
  compulsoryAtt: number | null;
  voluntary: number | null;
  voluntaryAtt: number | null;
  bhyt: number | null;
  late: number | null;
  /** The late-payment ceiling (a target), and the judgement against it. */
  lateCeiling: number | null;
  lateStatus: Status | null;
  path: PathStatusCode;
  projected2030: number | null;
  target2030: number | null;
}

export function toDashRow(r: DashboardRow): DashRow {
  return {
    code: r.unit.code,
    name: r.unit.name,
    type: r.unit.type,
    periodStatus: r.periodStatus,
    hasReport: r.hasReport,
    reported: r.reported,
    total: r.total,
    partial: r.partial,
    hasFigures: r.figures !== null,
    coverage: trim(r.indicators.bhxhCoverage),
    coverageTarget: r.targets.bhxhCoverage !== undefined,
    coverageExpected: trim(r.expected.bhxhCoverage),
    coverageAtt: trim(r.attainment.bhxhCoverage),
    coverageYearAtt: trim(r.yearAttainment.bhxhCoverage),
    coverageStatus: r.statuses.bhxhCoverage ?? "none",
    compulsory: trim(r.figures?.bhxhCompulsory),
    compulsoryTarget: trim(r.targets.bhxhCompulsory),
    compulsoryAtt: trim(r.attainment.bhxhCompulsory),
    voluntary: trim(r.figures?.bhxhVoluntary),
    voluntaryAtt: trim(r.attainment.bhxhVoluntary),
    bhyt: trim(r.indicators.bhytCoverage),
    late: trim(r.indicators.latePaymentRate),
    lateCeiling: trim(r.targets.latePaymentRate),
    lateStatus: r.statuses.latePaymentRate ?? null,
    path: r.path.status,
    projected2030: trim(r.path.projected2030),
    target2030: trim(r.path.target2030),
  };
}

export interface DashTable {
  year: number;
  quarter: number;
  totals: DashRow;
  rows: Packed<DashRow>;
}

export function toDashTable(data: DashboardData): DashTable {
  return { year: data.year, quarter: data.quarter, totals: toDashRow(data.totals), rows: pack(data.rows.map(toDashRow)) };
}
