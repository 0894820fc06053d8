import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DashboardData, DashboardRow } from "@/lib/dashboard/service";
import type { RankingItem, RankingsData } from "@/lib/rankings/service";
import type { CommuneCompleteness, ProvinceCompleteness } from "@/lib/completeness/service";
import { formatNumber, formatPercent, formatPoints } from "@/lib/format";
import { pack, trim, unpack } from "@/components/ui/packed";
import { toDashRow, toDashTable } from "@/components/dashboard/dashboard-rows";
import { toLeagueRows, toLeagueTotals } from "@/components/rankings/league-rows";
import { toCommuneRows } from "@/components/completeness/commune-rows";
import { GRID_COLUMNS, toGridView } from "@/components/targets/grid-view";
import type { TargetGrid } from "@/lib/targets/service";

// Page weight (issue 16): a city's 168 communes go to the browser twice, in the HTML and in the RSC
// payload that hydrates the client components, so those components get packed rows of the values
// they show (components/ui/packed.ts), not the services' rows. These budgets are per row of the
// payload, for a city of 168 communes (TP Hồ Chí Minh); the pages' weights are measured by
// `npx tsx scripts/loadtest/weigh.ts <url>` (250 KB at most).

const N = 168;
const name = (i: number) => `Phường Thạnh Mỹ Lợi Đông ${i}`;
/** A fraction with every digit of a double, as the services compute them. */
const rate = (i: number, j = 0) => ((i * 7919 + j * 104729) % 9973) / 9973 + 1 / 3;
const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

function dashRow(i: number): DashboardRow {
  const figures = {
    labourForce: 20000 + i,
    bhxhCompulsory: 9000 + i,
    bhxhVoluntary: 700 + i,
    bhyt: 15000,
    amountCollected: 40_525_000_000,
  } as unknown as DashboardRow["figures"];
  const perKey = (j: number) => ({
    bhxhCoverage: rate(i, j),
    bhxhCompulsory: rate(i, j + 1),
    bhxhVoluntary: rate(i, j + 2),
    latePaymentRate: rate(i, j + 3) / 40,
  });
  return {
    unit: { code: String(26000 + i), name: name(i), type: "WARD", level: "COMMUNE" },
    periodStatus: "SUBMITTED",
    hasReport: true,
    reported: null,
    total: null,
    partial: false,
    figuresQuarter: 3,
    figures,
    indicators: { bhxhCoverage: rate(i, 1), bhytCoverage: rate(i, 2), latePaymentRate: rate(i, 3) / 40 } as DashboardRow["indicators"],
    targets: { bhxhCoverage: 0.45, bhxhCompulsory: 9500, bhxhVoluntary: 800, latePaymentRate: 0.025 },
    expected: perKey(4),
    expectedBasis: {},
    attainment: perKey(8),
    yearAttainment: perKey(12),
    margins: { latePaymentRate: rate(i, 16) / 100 },
    statuses: { bhxhCoverage: "close", bhxhCompulsory: "attained", bhxhVoluntary: "behind", latePaymentRate: "attained" },
    path: {
      target2030: 25143,
      latest: { year: 2026, value: 21000 },
      requiredPerYear: 1000.5,
      pacePerYear: 900.25,
      projected2030: 21719.75,
      status: "off_track",
    },
  } as unknown as DashboardRow;
}

describe("packed rows", () => {
  it("unpack gives back the rows packed, undefined as null", () => {
    const rows = [
      { a: 1, b: "x", c: null as number | null },
      { a: 2, b: "y", c: 3 },
    ];
    expect(unpack(pack(rows))).toEqual(rows);
    expect(pack(rows).keys).toEqual(["a", "b", "c"]);
    expect(unpack(pack([] as { a: number }[]))).toEqual([]);
  });

  it("trim shortens a number but never what it shows, as a count, a percentage or points", () => {
    const edges = [
      1.03245,
      1.0324951,
      0.009997099818642542,
      -0.08485,
      0.1743499999,
      0.0158449999,
      0.99995,
      0.12345678,
      2 / 3,
      -0.004999,
      123456.5,
      40_525_000_000.4,
    ];
    const values = [...edges, ...Array.from({ length: 5000 }, (_, i) => rate(i, i % 7) * (i % 3 === 0 ? 1.5 : 1) - (i % 11 === 0 ? 0.5 : 0))];
    for (const v of values) {
      const t = trim(v)!;
      expect(formatPercent(t, "vi", 1)).toBe(formatPercent(v, "vi", 1));
      expect(formatPercent(t, "en", 2)).toBe(formatPercent(v, "en", 2));
      expect(formatPoints(t)).toBe(formatPoints(v));
      expect(formatNumber(t)).toBe(formatNumber(v));
      expect(String(t).length).toBeLessThanOrEqual(String(v).length);
    }
    expect(trim(1 / 3)).toBe(0.33333);
    expect([trim(null), trim(undefined), trim(Number.NaN), trim(7)]).toEqual([null, null, null, 7]);
  });
});

describe("the payload of a city's 168 communes", () => {
  it("dashboard: the values of the table's cells, about 200 bytes a commune", () => {
    const rows = Array.from({ length: N }, (_, i) => dashRow(i));
    const data = {
      parent: { code: "79", name: "Thành phố Hồ Chí Minh", level: "PROVINCE" },
      year: 2026,
      quarter: 3,
      childLevel: "COMMUNE",
      totals: dashRow(999),
      rows,
    } as DashboardData;
    const table = toDashTable(data);
    expect(unpack(table.rows)).toEqual(rows.map(toDashRow));
    expect(bytes(data.rows) / N).toBeGreaterThan(1000); // what a client component got before (2.8 KB in the dataset)
    expect(bytes(table) / N).toBeLessThan(260);
  });

  it("rankings: one packed list for the league table and the bar chart, under 200 bytes a commune", () => {
    const change = (i: number) => ({ value: rate(i, 20), delta: rate(i, 21) / 10, trend: "up" as const, good: true });
    const items: RankingItem[] = Array.from({ length: N }, (_, i) => ({
      rank: i + 1,
      unit: { code: String(26000 + i), name: name(i), type: "WARD" },
      value: rate(i, 1) + 0.5,
      actual: rate(i, 2),
      target: 0.45,
      expected: rate(i, 3),
      attainment: rate(i, 1) + 0.5,
      yearAttainment: rate(i, 4),
      margin: null,
      status: "attained",
      previousQuarter: change(i),
      lastYear: change(i + 1),
      path: "at_risk",
      figuresYear: 2026,
      figuresQuarter: 3,
      reportStatus: "SUBMITTED",
      partial: null,
      explanation: null,
    }));
    const data = {
      indicator: { param: "attainment:bhxhCoverage", kind: "attainment", key: "bhxhCoverage", direction: "higher", percent: true },
      items,
    } as unknown as RankingsData;
    const packed = toLeagueRows(data);
    expect(unpack(packed).map((r) => [r.code, r.rank, r.status])).toEqual(items.map((it) => [it.unit.code, it.rank, it.status]));
    expect(bytes(packed) / N).toBeLessThan(200);
  });

  it("completeness: the communes once for the review queue, the list to chase and the table", () => {
    const communes: CommuneCompleteness[] = Array.from({ length: N }, (_, i) => ({
      code: String(26000 + i),
      name: name(i),
      type: "WARD",
      state: i % 3 ? "SUBMITTED" : "DRAFT",
      timeliness: "on_time",
      submittedAt: "2026-10-05T03:12:45.123Z",
      lastSubmittedAt: null,
      officers: [{ name: `Cán bộ VH-XH ${name(i)}`, username: `xa.${26000 + i}` }],
    }));
    const data = { communes, toChase: communes.filter((c) => c.state === "DRAFT") } as ProvinceCompleteness;
    const rows = toCommuneRows(data);
    expect(unpack(rows.rows).map((c) => c.code)).toEqual(communes.map((c) => c.code));
    expect(rows.toChase).toEqual(data.toChase.map((c) => c.code));
    expect(bytes(rows) / N).toBeLessThan(230);
  });
});

describe("the target grid of a city's 168 communes", () => {
  it("sends each target's value and version, not its source, author and dates", () => {
    const detail = (key: string, value: number) => ({
      key,
      kind: "COUNT",
      value,
      source: "Kế hoạch số 149/KH-UBND ngày 10/12/2025",
      version: 3,
      updatedAt: "2026-11-02T03:12:45.123Z",
      setBy: "Cán bộ thành phố",
    });
    const targets = (i: number) => Object.fromEntries(GRID_COLUMNS.map((k, j) => [k, detail(k, 1000 * (i + 1) + j)]));
    const grid = {
      unit: { code: "79", name: "Thành phố Hồ Chí Minh", level: "PROVINCE" },
      year: 2027,
      editable: true,
      targets: targets(999),
      sums: {},
      gaps: {},
      basisSource: "reports",
      children: Array.from({ length: N }, (_, i) => ({
        unit: { code: String(26000 + i), name: name(i), type: "WARD", level: "COMMUNE", retired: false },
        editable: true,
        targets: targets(i),
        basis: { labourForce: 20000 + i, participants: 9000 + i },
        basisPeriod: { year: 2026, quarter: 3 },
      })),
    } as unknown as TargetGrid;
    const view = toGridView(grid);
    const child = unpack(view.children)[5];
    expect(child.values).toEqual(GRID_COLUMNS.map((_, j) => 6000 + j));
    expect(child.versions).toEqual(GRID_COLUMNS.map(() => 3));
    expect(view.hasOwnTargets).toBe(true);
    expect(bytes(grid.children) / N).toBeGreaterThan(1500); // what the grid got before
    expect(bytes(view) / N).toBeLessThan(160);
  });
});

describe("every page", () => {
  it("gets the browser's messages with the JavaScript, not inline (they weighed 68 KB of each page)", () => {
    const layout = readFileSync("app/layout.tsx", "utf8");
    expect(layout).not.toMatch(/NextIntlClientProvider/);
    for (const file of ["components/intl/ViMessages.tsx", "components/intl/EnMessages.tsx"]) {
      const src = readFileSync(file, "utf8");
      expect(src.startsWith('"use client"')).toBe(true);
      expect(src).toMatch(/from "@\/lib\/i18n\/messages\/(vi|en)\.json"/);
    }
  });
});

describe("the league table's totals row", () => {
  const totals = (partial: boolean, key: string, percent: boolean) =>
    toLeagueTotals(
      {
        indicator: { param: key, kind: percent ? "attainment" : "metric", key, direction: "higher", percent },
        parent: { code: "31", name: "Thành phố Hải Phòng", level: "PROVINCE" },
        totals: {
          value: 1_074_102,
          actual: 1_074_102,
          target: 1_300_000,
          expected: 1_212_800,
          attainment: null,
          yearAttainment: null,
          margin: null,
          status: "none",
          previousQuarter: { value: null, delta: null, trend: "none", good: null },
          lastYear: { value: null, delta: null, trend: "none", good: null },
          reported: partial ? 103 : 114,
          units: 114,
          partial,
          provincesReported: null,
          provinces: null,
        },
      } as unknown as RankingsData,
      "Tổng",
      "",
    );
  it("sets no milestone beside a count summed over part of the units; the whole's when every unit reported", () => {
    expect(totals(true, "bhxhCompulsory", false).target).toBeNull();
    expect(totals(true, "bhxhCompulsory", true).target).toBeNull();
    expect(totals(false, "bhxhCompulsory", false).target).toBe(1_212_800);
    // A rate is size-free: the part's rate beside the whole's milestone stays.
    expect(totals(true, "bhxhCoverage", true).target).toBe(1_212_800);
  });
});
