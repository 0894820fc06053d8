"use client";
// The parent's table of every child unit: searchable by name, sortable by any column, filterable by
// status, type and path to 2030 (all kept in the URL), the parent's totals on top; a unit's name
// opens its page.
import Link from "next/link";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { DashboardData, DashboardRow } from "@/lib/dashboard/service";
import { formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { StatusBadge } from "@/components/figures/StatusBadge";
import { DataTable, type Column, type TableFilter } from "@/components/ui/DataTable";
import { compareVi } from "@/lib/collate";

const PATH_ORDER = { off_track: 0, at_risk: 1, unknown: 2, on_track: 3, reached: 4 } as const;
const PATH_CLASS: Record<string, string> = {
  on_track: "bg-emerald-100 text-emerald-900",
  reached: "bg-emerald-200 text-emerald-950",
  at_risk: "bg-amber-100 text-amber-900",
  off_track: "bg-red-100 text-red-900",
  unknown: "bg-slate-100 text-slate-600",
};

const stateValue = (r: DashboardRow) =>
  r.reported !== null
    ? r.reported / Math.max(1, r.total ?? 1)
    : ({ APPROVED: 3, SUBMITTED: 2, RETURNED: 1, DRAFT: 0 } as const)[r.periodStatus ?? "DRAFT"] - (r.periodStatus ? 0 : 1);
const byName = (a: DashboardRow, b: DashboardRow) => compareVi(a.unit.name, b.unit.name);
const nameOf = (r: DashboardRow) => r.unit.name;
const keyOf = (r: DashboardRow) => r.unit.code;

export function DashboardTable({ data }: { data: DashboardData }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const types = useMemo(() => [...new Set(data.rows.map((r) => r.unit.type))].sort(), [data.rows]);

  const columns = useMemo<Column<DashboardRow>[]>(() => {
    const pct = (v: number | null | undefined) => formatPercent(v ?? null, locale);
    const statusLabel = (r: DashboardRow, key: string) =>
      r.targets[key] === undefined
        ? t("figures.status.none")
        : !r.figures
          ? t("dashboard.notReported")
          : r.statuses[key] === "none"
            ? t("figures.status.noData")
            : t(`figures.status.${r.statuses[key]}`);
    const num = "tabular-nums";
    return [
      {
        key: "name",
        header: t("dashboard.colUnit"),
        sortValue: nameOf,
        cell: (r, { head }) =>
          head ? (
            r.partial ? (
              t("dashboard.totalsPartial", { reported: formatNumber(r.reported, locale), total: formatNumber(r.total, locale) })
            ) : (
              t("dashboard.totals", { name: r.unit.name })
            )
          ) : (
            <Link href={`/units/${encodeURIComponent(r.unit.code)}?year=${data.year}&quarter=${data.quarter}`} className="text-brand-700 hover:underline">
              {r.unit.name}
            </Link>
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
            `${r.reported}/${r.total}`
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
        className: num,
        sortValue: (r) => r.indicators.bhxhCoverage,
        cellAttrs: () => ({ "data-cell": "coverage" }),
        cell: (r) => pct(r.indicators.bhxhCoverage),
      },
      {
        key: "coverageTarget",
        header: t("dashboard.colCoverageTarget"),
        align: "right",
        className: `${num} text-slate-600`,
        cell: (r) => (r.expected.bhxhCoverage == null ? "—" : pct(r.expected.bhxhCoverage)),
      },
      {
        key: "coverageAtt",
        header: t("dashboard.colCoverageAtt"),
        align: "right",
        firstDir: "desc",
        className: num,
        sortValue: (r) => r.attainment.bhxhCoverage ?? null,
        cellAttrs: () => ({ "data-cell": "coverageAtt" }),
        cell: (r) => (
          <>
            <span className="mr-1">{pct(r.attainment.bhxhCoverage)}</span>
            <StatusBadge status={r.statuses.bhxhCoverage ?? "none"} label={statusLabel(r, "bhxhCoverage")} />
            {r.yearAttainment.bhxhCoverage != null && (
              <div className="text-xs font-normal text-slate-600">{t("dashboard.yearAtt", { att: pct(r.yearAttainment.bhxhCoverage) })}</div>
            )}
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
          match: (r, v) => (r.statuses.bhxhCoverage ?? "none") === v,
        },
      },
      {
        key: "compulsory",
        header: t("dashboard.colCompulsory"),
        align: "right",
        firstDir: "desc",
        className: num,
        sortValue: (r) => r.attainment.bhxhCompulsory ?? null,
        cellAttrs: (r) => ({
          title:
            r.targets.bhxhCompulsory !== undefined
              ? `${formatNumber(r.figures?.bhxhCompulsory, locale)} / ${formatNumber(r.targets.bhxhCompulsory, locale)}`
              : undefined,
        }),
        cell: (r) => (
          <>
            {formatNumber(r.figures?.bhxhCompulsory, locale)}
            <div className="text-xs text-slate-600">
              {r.attainment.bhxhCompulsory != null && t("dashboard.ofTarget", { att: pct(r.attainment.bhxhCompulsory) })}
            </div>
          </>
        ),
      },
      {
        key: "voluntary",
        header: t("dashboard.colVoluntary"),
        align: "right",
        firstDir: "desc",
        className: num,
        sortValue: (r) => r.attainment.bhxhVoluntary ?? null,
        cell: (r) => (
          <>
            {formatNumber(r.figures?.bhxhVoluntary, locale)}
            <div className="text-xs text-slate-600">
              {r.attainment.bhxhVoluntary != null && t("dashboard.ofTarget", { att: pct(r.attainment.bhxhVoluntary) })}
            </div>
          </>
        ),
      },
      {
        key: "bhyt",
        header: t("dashboard.colBhyt"),
        align: "right",
        firstDir: "desc",
        className: num,
        sortValue: (r) => r.indicators.bhytCoverage,
        cell: (r) => pct(r.indicators.bhytCoverage),
      },
      {
        key: "late",
        header: t("dashboard.colLate"),
        align: "right",
        firstDir: "desc",
        className: num,
        sortValue: (r) => r.indicators.latePaymentRate,
        cell: (r) => (
          <>
            {formatPercent(r.indicators.latePaymentRate ?? null, locale, 2)}
            {r.targets.latePaymentRate !== undefined && r.figures && r.indicators.latePaymentRate !== null && (
              <div className={`text-xs ${r.statuses.latePaymentRate === "attained" ? "text-emerald-700" : "text-red-700"}`}>
                {t(r.statuses.latePaymentRate === "attained" ? "dashboard.ceilingUnder" : "dashboard.ceilingOver", {
                  value: formatPercent(r.targets.latePaymentRate, locale, 2),
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
        sortValue: (r) => PATH_ORDER[r.path.status],
        cellAttrs: (r) => ({ "data-cell": "path", "data-path": r.path.status }),
        cell: (r) => (
          <span
            className={`inline-block rounded px-2 py-0.5 text-xs ${PATH_CLASS[r.path.status]}`}
            title={
              r.path.projected2030 !== null && r.path.target2030 !== null
                ? t("dashboard.projected", { value: formatNumber(r.path.projected2030, locale), target: formatNumber(r.path.target2030, locale) })
                : undefined
            }
          >
            {t(`dashboard.path.${r.path.status}`)}
          </span>
        ),
        filter: {
          key: "path",
          label: t("dashboard.filterPath"),
          allLabel: t("dashboard.all"),
          options: (["on_track", "at_risk", "off_track", "reached", "unknown"] as const).map((s) => ({ value: s, label: t(`dashboard.path.${s}`) })),
          match: (r, v) => r.path.status === v,
        },
      },
    ];
  }, [t, locale, data.year, data.quarter]);

  const filters = useMemo<TableFilter<DashboardRow>[]>(
    () =>
      types.length > 1
        ? [
            {
              key: "type",
              label: t("dashboard.filterType"),
              allLabel: t("dashboard.all"),
              options: types.map((ty) => ({ value: ty, label: t(`unitTypes.${ty}`) })),
              match: (r, v) => r.unit.type === v,
            },
          ]
        : [],
    [types, t],
  );

  return (
    <DataTable<DashboardRow>
      rows={data.rows}
      headRows={[data.totals]}
      columns={columns}
      filters={filters}
      rowKey={keyOf}
      rowAttrs={(r) => ({ "data-unit": r.unit.code })}
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
