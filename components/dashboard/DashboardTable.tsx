"use client";
// The parent's table of every child unit: searchable by name, sortable by any column, filterable by
// status, type and path to 2030 (all kept in the URL), the parent's totals on top; a unit's name
// opens its page.
import Link from "next/link";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber, formatPercent, formatTargetPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { StatusBadge } from "@/components/figures/StatusBadge";
import { DataTable, type Column, type TableFilter } from "@/components/ui/DataTable";
import { compareVi } from "@/lib/collate";
import { unpack } from "@/components/ui/packed";
import type { DashRow, DashTable } from "./dashboard-rows";

const PATH_ORDER = { off_track: 0, at_risk: 1, unknown: 2, on_track: 3, reached: 4 } as const;
const PATH_CLASS: Record<string, string> = {
  on_track: "bg-emerald-100 text-emerald-900",
  reached: "bg-emerald-200 text-emerald-950",
  at_risk: "bg-amber-100 text-amber-900",
  off_track: "bg-red-100 text-red-900",
  unknown: "bg-slate-100 text-slate-600",
};

const stateValue = (r: DashRow) =>
  r.reported !== null
    ? r.reported / Math.max(1, r.total ?? 1)
    : ({ APPROVED: 3, SUBMITTED: 2, RETURNED: 1, DRAFT: 0 } as const)[r.periodStatus ?? "DRAFT"] - (r.periodStatus ? 0 : 1);
const byName = (a: DashRow, b: DashRow) => compareVi(a.name, b.name);
const nameOf = (r: DashRow) => r.name;
const keyOf = (r: DashRow) => r.code;
const unitAttrs = (r: DashRow) => ({ "data-unit": r.code });

export function DashboardTable({ data }: { data: DashTable }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const rows = useMemo(() => unpack(data.rows), [data.rows]);
  const types = useMemo(() => [...new Set(rows.map((r) => r.type))].sort(), [rows]);

  const columns = useMemo<Column<DashRow>[]>(() => {
    const pct = (v: number | null | undefined) => formatPercent(v ?? null, locale);
    const coverageLabel = (r: DashRow) =>
      !r.coverageTarget
        ? t("figures.status.none")
        : !r.hasFigures
          ? t("dashboard.notReported")
          : r.coverageStatus === "none"
            ? t("figures.status.noData")
            : t(`figures.status.${r.coverageStatus}`);
    return [
      {
        key: "name",
        header: t("dashboard.colUnit"),
        sortValue: nameOf,
        cell: (r, { head }) =>
          head ? (
            r.partial ? (
              t("dashboard.totalsPartial", { reported: r.reported ?? 0, total: r.total ?? 0 })
            ) : (
              t("dashboard.totals", { name: r.name })
            )
          ) : (
            <Link href={`/units/${encodeURIComponent(r.code)}?year=${data.year}&quarter=${data.quarter}`}>{r.name}</Link>
          ),
      },
      {
        key: "state",
        header: t("dashboard.colState"),
        align: "right",
        firstDir: "desc",
        sortValue: stateValue,
        className: "text-xs",
        cellAttrs: () => ({ "data-cell": "state" }),
        cell: (r) =>
          r.reported !== null ? (
            `${formatNumber(r.reported, locale)}/${formatNumber(r.total, locale)}`
          ) : (
            <>
              {r.periodStatus ? t(`figures.reportStatus.${r.periodStatus}`) : t("dashboard.notStarted")}
              {!r.hasReport && (
                <div className="text-slate-500" data-testid="not-reported">
                  {t("dashboard.notReported")}
                </div>
              )}
            </>
          ),
      },
      {
        key: "coverage",
        header: t("dashboard.colCoverage"),
        align: "right",
        firstDir: "desc",
        sortValue: (r) => r.coverage,
        cellAttrs: () => ({ "data-cell": "coverage" }),
        cell: (r) => pct(r.coverage),
      },
      {
        key: "coverageTarget",
        header: t("dashboard.colCoverageTarget"),
        align: "right",
        className: "text-slate-600",
        cell: (r) => (r.coverageExpected == null ? "—" : pct(r.coverageExpected)),
      },
      {
        key: "coverageAtt",
        header: t("dashboard.colCoverageAtt"),
        align: "right",
        firstDir: "desc",
        sortValue: (r) => r.coverageAtt,
        cellAttrs: () => ({ "data-cell": "coverageAtt" }),
        cell: (r) => (
          <>
            <span className="mr-1">{pct(r.coverageAtt)}</span>
            <StatusBadge status={r.coverageStatus} label={coverageLabel(r)} />
            {r.coverageYearAtt != null && <div className="text-xs font-normal text-slate-600">{t("dashboard.yearAtt", { att: pct(r.coverageYearAtt) })}</div>}
          </>
        ),
        filter: {
          key: "status",
          label: t("dashboard.filterStatus"),
          allLabel: t("dashboard.all"),
          options: (["attained", "close", "behind", "none"] as const).map((s) => ({
            value: s,
            label: s === "none" ? t("figures.status.noData") : t(`figures.status.${s}`),
          })),
          match: (r, v) => r.coverageStatus === v,
        },
      },
      {
        key: "compulsory",
        header: t("dashboard.colCompulsory"),
        align: "right",
        firstDir: "desc",
        sortValue: (r) => r.compulsoryAtt,
        cellAttrs: (r) => ({
          title: r.compulsoryTarget !== null ? `${formatNumber(r.compulsory, locale)} / ${formatNumber(r.compulsoryTarget, locale)}` : undefined,
        }),
        cell: (r) => (
          <>
            {formatNumber(r.compulsory, locale)}
            <div className="text-xs text-slate-600">{r.compulsoryAtt != null && t("dashboard.ofTarget", { att: pct(r.compulsoryAtt) })}</div>
          </>
        ),
      },
      {
        key: "voluntary",
        header: t("dashboard.colVoluntary"),
        align: "right",
        firstDir: "desc",
        sortValue: (r) => r.voluntaryAtt,
        cell: (r) => (
          <>
            {formatNumber(r.voluntary, locale)}
            <div className="text-xs text-slate-600">{r.voluntaryAtt != null && t("dashboard.ofTarget", { att: pct(r.voluntaryAtt) })}</div>
          </>
        ),
      },
      {
        key: "bhyt",
        header: t("dashboard.colBhyt"),
        align: "right",
        firstDir: "desc",
        sortValue: (r) => r.bhyt,
        cell: (r) => pct(r.bhyt),
      },
      {
        key: "late",
        header: t("dashboard.colLate"),
        align: "right",
        firstDir: "desc",
        sortValue: (r) => r.late,
        cell: (r) => (
          <>
            {formatPercent(r.late, locale, 2)}
            {r.lateCeiling !== null && r.hasFigures && r.late !== null && (
              <div className={`text-xs ${r.lateStatus === "attained" ? "text-emerald-700" : "text-red-700"}`}>
                {t(r.lateStatus === "attained" ? "dashboard.ceilingUnder" : "dashboard.ceilingOver", {
                  value: formatTargetPercent(r.lateCeiling, locale, 2),
                })}
              </div>
            )}
          </>
        ),
      },
      {
        key: "path",
        header: t("dashboard.colPath"),
        firstDir: "desc",
        sortValue: (r) => PATH_ORDER[r.path],
        cellAttrs: (r) => ({ "data-cell": "path", "data-path": r.path }),
        cell: (r) => (
          <span
            className={`inline-block rounded px-2 py-0.5 text-xs ${PATH_CLASS[r.path]}`}
            title={
              r.projected2030 !== null && r.target2030 !== null
                ? t("dashboard.projected", { value: formatNumber(r.projected2030, locale), target: formatNumber(r.target2030, locale) })
                : undefined
            }
          >
            {t(`dashboard.path.${r.path}`)}
          </span>
        ),
        filter: {
          key: "path",
          label: t("dashboard.filterPath"),
          allLabel: t("dashboard.all"),
          options: (["on_track", "at_risk", "off_track", "reached", "unknown"] as const).map((s) => ({ value: s, label: t(`dashboard.path.${s}`) })),
          match: (r, v) => r.path === v,
        },
      },
    ];
  }, [t, locale, data.year, data.quarter]);

  const filters = useMemo<TableFilter<DashRow>[]>(
    () =>
      types.length > 1
        ? [
            {
              key: "type",
              label: t("dashboard.filterType"),
              allLabel: t("dashboard.all"),
              options: types.map((ty) => ({ value: ty, label: t(`unitTypes.${ty}`) })),
              match: (r, v) => r.type === v,
            },
          ]
        : [],
    [types, t],
  );

  return (
    <DataTable<DashRow>
      rows={rows}
      headRows={[data.totals]}
      columns={columns}
      filters={filters}
      rowKey={keyOf}
      rowAttrs={unitAttrs}
      label={t("dashboard.tableLabel")}
      searchText={nameOf}
      defaultSort={{ key: "name", dir: "asc" }}
      tieBreak={byName}
      emptyText={t("dashboard.noRows")}
      tableClassName="min-w-[64rem]"
      testId="dashboard-table"
      headTestId="dashboard-totals"
      bodyTestId="dashboard-rows"
      countTestId="dashboard-count"
      toolbarTestId="dashboard-filters"
    />
  );
}
