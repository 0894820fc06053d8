"use client";
// The league table of a ranking: every ranked child unit with its value, target, attainment, status,
// changes and path to 2030, the parent's totals on top; searchable, sortable (components/ui/DataTable).
// Its rows come packed with the values only (league-rows.ts) and are formatted here.
import Link from "next/link";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDecimal, formatNumber, formatPercent, formatPoints } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { StatusBadge } from "@/components/figures/StatusBadge";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { unpack, type Packed } from "@/components/ui/packed";
import type { LeagueFormat, LeagueRow, LeagueTotals } from "./league-rows";

const STATUS_ORDER: Record<string, number> = { attained: 3, close: 2, behind: 1, none: 0 };
const PATH_ORDER: Record<string, number> = { reached: 4, on_track: 3, unknown: 2, at_risk: 1, off_track: 0 };
const keyOf = (r: LeagueRow) => r.code;
const nameOf = (r: LeagueRow) => r.name;
const rowAttrs = (r: LeagueRow, { head }: { head: boolean }) =>
  head ? { "data-testid": "league-totals" } : { "data-unit": r.code, "data-rank": r.rank ?? undefined };

export function LeagueTable({
  rows: packed,
  totals,
  format,
  year,
  quarter,
  label,
}: {
  rows: Packed<LeagueRow>;
  totals: LeagueTotals;
  format: LeagueFormat;
  year: number;
  quarter: number;
  label: string;
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const rows = useMemo(() => unpack(packed), [packed]);

  const columns = useMemo<Column<LeagueRow>[]>(() => {
    // Each label looked up once, not once per row (a city's table has hundreds of cells of them).
    const once = <K extends string>(keys: readonly K[], label: (k: K) => string) => {
      const m = new Map(keys.map((k) => [k, label(k)]));
      return (k: K) => m.get(k) ?? label(k);
    };
    const statusLabel = once(["attained", "close", "behind", "none"], (k) => t(`figures.status.${k}`));
    const pathLabel = once<string>(["on_track", "at_risk", "off_track", "reached", "unknown"], (k) => t(`dashboard.path.${k}`));
    // A change of a percentage is in points: the unit in the heading, not in each of 300 cells.
    const inPoints = (h: string) => (format.percent ? `${h} (${t("rankings.pointsUnit")})` : h);
    const submitted = t("rankings.submittedNotApproved");
    const fmtValue = (v: number | null) => (format.percent ? formatPercent(v, locale, format.percentDigits) : formatNumber(v, locale));
    const fmtActual = (v: number | null) => (format.actualPercent ? formatPercent(v, locale) : formatNumber(v, locale));
    // The tooltip reads "then → now": the earlier period's value, then this period's.
    const arrow = (trend: LeagueRow["prevTrend"], good: boolean | null, delta: number | null, before: number | null, now: number | null) => {
      if (trend === "none") return <span className="text-slate-400">—</span>;
      const symbol = trend === "up" ? "▲" : trend === "down" ? "▼" : "▶";
      const cls = good === null ? "text-slate-500" : good ? "text-emerald-700" : "text-red-700";
      const d = delta ?? 0;
      const text = format.percent
        ? `${d > 0 ? "+" : ""}${formatDecimal(d * 100, locale, format.percentDigits, true)}`
        : `${d > 0 ? "+" : ""}${formatNumber(d, locale)}`;
      return (
        <span className={cls} title={`${fmtValue(before)} → ${fmtValue(now)}`} data-trend={trend}>
          {`${symbol} ${text}`}
        </span>
      );
    };
    const cols: (Column<LeagueRow> | null)[] = [
      { key: "rank", header: t("rankings.colRank"), align: "right", className: "font-semibold", sortValue: (r) => r.rank, cell: (r) => r.rank },
      {
        key: "unit",
        header: t("rankings.colUnit"),
        sortValue: nameOf,
        cell: (r, { head }) =>
          head ? (
            totals.label
          ) : (
            <>
              {/* inline-block (the table's class): a link beside the badge's text, told apart by more than its colour */}
              <Link href={`/units/${encodeURIComponent(r.code)}?year=${year}&quarter=${quarter}`}>{r.name}</Link>
              {r.reportStatus === "SUBMITTED" && <small data-testid="not-approved">{submitted}</small>}
              {r.partial && (
                <small data-testid="partial-count">
                  {t("rankings.partialCount", { reported: Number(r.partial.split("/")[0]), total: Number(r.partial.split("/")[1]) })}
                </small>
              )}
            </>
          ),
      },
      {
        key: "value",
        // Ranked by an attainment, the value is that attainment: one column, named for what it is.
        header: t(format.attainment && !format.ceiling ? "rankings.colAttainment" : "rankings.colValue"),
        align: "right",
        firstDir: "desc",
        className: "font-semibold",
        sortValue: (r) => r.value,
        cellAttrs: (_, { head }) => (head ? {} : { "data-cell": "value" }),
        cell: (r) => fmtValue(r.value),
      },
      format.attainment
        ? {
            key: "actual",
            header: t("rankings.colActual"),
            align: "right",
            firstDir: "desc",
            sortValue: (r) => r.actual,
            cell: (r) => fmtActual(r.actual),
          }
        : null,
      {
        key: "target",
        header: t("rankings.colTarget"),
        align: "right",
        firstDir: "desc",
        sortValue: (r) => r.target,
        cellAttrs: (_, { head }) => (head ? {} : { "data-cell": "target" }),
        cell: (r) => (format.attainment ? fmtActual(r.target) : fmtValue(r.target)),
      },
      format.attainment && !format.ceiling
        ? null
        : {
            key: "attainment",
            header: t("rankings.colAttainment"),
            align: "right",
            firstDir: "desc",
            sortValue: (r) => r.margin ?? r.attainment,
            cell: (r) =>
              r.margin !== null ? (
                <span className={r.margin >= 0 ? "text-emerald-700" : "text-red-700"}>
                  {t(r.margin >= 0 ? "rankings.ceilingUnder" : "rankings.ceilingOver", { value: formatPoints(Math.abs(r.margin), locale, { signed: false }) })}
                </span>
              ) : (
                formatPercent(r.attainment, locale)
              ),
          },
      format.ceiling
        ? null
        : {
            key: "yearAttainment",
            header: t("rankings.colYearAttainment"),
            align: "right",
            firstDir: "desc",
            sortValue: (r) => r.yearAttainment,
            cell: (r) => formatPercent(r.yearAttainment, locale),
          },
      {
        key: "status",
        header: t("rankings.colStatus"),
        firstDir: "desc",
        sortValue: (r) => STATUS_ORDER[r.status] ?? null,
        cell: (r, { head }) => <StatusBadge status={r.status} label={head ? totals.statusLabel : statusLabel(r.status)} />,
      },
      {
        key: "prev",
        // What changed is the ranked value: with an attainment, the attainment (the Excel file's heading too).
        header: inPoints(t(format.attainment ? "rankings.colPrevOfAttainment" : "rankings.colPrev")),
        align: "right",
        firstDir: "desc",
        className: "text-xs",
        sortValue: (r) => r.prevDelta,
        cell: (r) => arrow(r.prevTrend, r.prevGood, r.prevDelta, r.prevValue, r.value),
      },
      {
        key: "year",
        header: inPoints(t(format.attainment ? "rankings.colYearOfAttainment" : "rankings.colYear")),
        align: "right",
        firstDir: "desc",
        className: "text-xs",
        sortValue: (r) => r.yearDelta,
        cell: (r) => arrow(r.yearTrend, r.yearGood, r.yearDelta, r.yearValue, r.value),
      },
      {
        key: "path",
        header: t("rankings.colPath"),
        firstDir: "desc",
        className: "text-xs",
        sortValue: (r) => (r.path === null ? null : (PATH_ORDER[r.path] ?? null)),
        cell: (r) => (r.path === null ? null : pathLabel(r.path)),
      },
    ];
    return cols.filter((c): c is Column<LeagueRow> => c !== null);
  }, [t, locale, format, totals, year, quarter]);

  return (
    <DataTable<LeagueRow>
      rows={rows}
      headRows={[totals]}
      columns={columns}
      rowKey={keyOf}
      rowAttrs={rowAttrs}
      label={label}
      searchText={nameOf}
      defaultSort={{ key: "rank", dir: "asc" }}
      // The "submitted, not approved" note beside a name: its look is the table's (a hundred rows may have it).
      tableClassName="min-w-[56rem] [&_td_a]:inline-block [&_small]:ml-1 [&_small]:rounded [&_small]:bg-amber-100 [&_small]:px-1 [&_small]:text-[11px] [&_small]:text-amber-900"
      testId="league-table"
    />
  );
}
