"use client";
// The national board: per province, its communes counted per state, the share reported, late and
// overdue counts against the province's own deadline. Searchable by name and sortable (kept in the
// URL); the nation's totals on top; a name opens the province's board.
import Link from "next/link";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CompletenessState, NationCompleteness, ProvinceRow } from "@/lib/completeness/service";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { DataTable, type Column } from "@/components/ui/DataTable";

const STATES: readonly CompletenessState[] = ["NOT_STARTED", "DRAFT", "SUBMITTED", "APPROVED", "RETURNED"];

/** A province, or (head) the nation's totals. */
type Row = Omit<ProvinceRow, "deadline" | "type"> & { deadline: ProvinceRow["deadline"] | null };
const nameOf = (r: Row) => r.name;
const keyOf = (r: Row) => r.code;
const byCode = (a: Row, b: Row) => a.code.localeCompare(b.code, "en", { numeric: true });

export function ProvinceTable({ data }: { data: NationCompleteness }) {
  const t = useTranslations("completeness");
  const locale = toLocale(useLocale());
  const totals: Row = useMemo(() => ({ ...data, code: data.parent.code, name: data.parent.name, deadline: null }), [data]);

  const columns = useMemo<Column<Row>[]>(() => {
    const n = (v: number) => formatNumber(v, locale);
    const right = { align: "right" as const, className: "tabular-nums" };
    return [
      {
        key: "name",
        header: t("nation.colProvince"),
        sortValue: nameOf,
        cell: (r, { head }) =>
          head ? (
            t("nation.totals")
          ) : (
            <Link
              href={`/units/${encodeURIComponent(r.code)}/completeness?year=${data.year}&quarter=${data.quarter}`}
              className="text-brand-700 hover:underline"
            >
              {r.name}
            </Link>
          ),
      },
      { key: "total", header: t("nation.colTotal"), ...right, firstDir: "desc", sortValue: (r) => r.total, cell: (r) => n(r.total) },
      ...STATES.map<Column<Row>>((s) => ({
        key: s,
        header: t(`states.${s}`),
        ...right,
        firstDir: "desc",
        sortValue: (r) => r.counts[s],
        cellAttrs: () => ({ "data-cell": s }),
        cell: (r) => n(r.counts[s]),
      })),
      {
        key: "reported",
        header: t("nation.colReported"),
        ...right,
        cellAttrs: () => ({ "data-cell": "reported" }),
        cell: (r) => `${n(r.reported)}/${n(r.total)}`,
      },
      {
        key: "share",
        header: t("nation.colShare"),
        ...right,
        sortValue: (r) => r.reportedShare,
        cellAttrs: () => ({ "data-cell": "share" }),
        cell: (r) => formatPercent(r.reportedShare, locale),
      },
      {
        key: "late",
        header: t("nation.colLate"),
        ...right,
        firstDir: "desc",
        sortValue: (r) => r.lateCount,
        cellAttrs: () => ({ "data-cell": "late" }),
        cell: (r) => n(r.lateCount),
      },
      {
        key: "overdue",
        header: t("nation.colOverdue"),
        ...right,
        firstDir: "desc",
        sortValue: (r) => r.overdueCount,
        cellAttrs: () => ({ "data-cell": "overdue" }),
        cell: (r) => n(r.overdueCount),
      },
      {
        key: "deadline",
        header: t("nation.colDeadline"),
        className: "text-xs text-slate-600",
        cellAttrs: (r) => (r.deadline ? { "data-cell": "deadline" } : {}),
        cell: (r) => (r.deadline ? `${formatDate(r.deadline.at, locale)} · ${t("nation.deadlineDays", { days: r.deadline.days })}` : null),
      },
    ];
  }, [t, locale, data.year, data.quarter]);

  return (
    <DataTable<Row>
      rows={data.provinces}
      headRows={[totals]}
      columns={columns}
      rowKey={keyOf}
      rowAttrs={(r) => ({ "data-unit": r.code })}
      label={t("nation.tableLabel")}
      searchText={nameOf}
      tieBreak={byCode}
      emptyText={t("noRows")}
      tableClassName="min-w-[64rem]"
      testId="completeness-table"
      countTestId="completeness-count"
    />
  );
}
