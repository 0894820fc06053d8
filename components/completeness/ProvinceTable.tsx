"use client";
// The national board: per province, its communes counted per state, the share reported, late and
// overdue counts against the province's own deadline. Sortable; a name opens the province's board.
import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CompletenessState, NationCompleteness, ProvinceRow } from "@/lib/completeness/service";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";

const STATES: readonly CompletenessState[] = ["NOT_STARTED", "DRAFT", "SUBMITTED", "APPROVED", "RETURNED"];
type SortKey = "code" | "share" | "overdue" | "late";

export function ProvinceTable({ data }: { data: NationCompleteness }) {
  const t = useTranslations("completeness");
  const locale = toLocale(useLocale());
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "code", dir: 1 });
  const rows = useMemo(() => {
    const v = (r: ProvinceRow) => (sort.key === "code" ? 0 : sort.key === "share" ? (r.reportedShare ?? -1) : sort.key === "overdue" ? r.overdueCount : r.lateCount);
    return [...data.provinces].sort((a, b) => (v(a) - v(b)) * sort.dir || a.code.localeCompare(b.code) * (sort.key === "code" ? sort.dir : 1));
  }, [data.provinces, sort]);
  const n = (v: number) => formatNumber(v, locale);

  const header = (key: SortKey, label: string) => (
    <th className="px-2 py-2 text-right font-medium" aria-sort={sort.key === key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
      <button type="button" data-sort={key} onClick={() => setSort((s) => ({ key, dir: s.key === key ? ((-s.dir) as 1 | -1) : key === "code" || key === "share" ? 1 : -1 }))} className="inline-flex items-center gap-1 hover:text-brand-700">
        {label}
        <span aria-hidden className="text-xs">{sort.key === key ? (sort.dir === 1 ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );

  const cells = (r: Pick<ProvinceRow, "total" | "counts" | "reported" | "reportedShare" | "lateCount" | "overdueCount">) => (
    <>
      <td className="px-2 py-1.5 text-right tabular-nums">{n(r.total)}</td>
      {STATES.map((s) => (
        <td key={s} className="px-2 py-1.5 text-right tabular-nums" data-cell={s}>
          {n(r.counts[s])}
        </td>
      ))}
      <td className="px-2 py-1.5 text-right tabular-nums" data-cell="reported">
        {n(r.reported)}/{n(r.total)}
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums" data-cell="share">
        {formatPercent(r.reportedShare, locale)}
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums" data-cell="late">
        {n(r.lateCount)}
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums" data-cell="overdue">
        {n(r.overdueCount)}
      </td>
    </>
  );

  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[64rem] text-sm" data-testid="completeness-table">
        <thead className="bg-slate-50">
          <tr>
            <th className="px-2 py-2 text-left font-medium">
              <button type="button" data-sort="code" onClick={() => setSort((s) => ({ key: "code", dir: s.key === "code" ? ((-s.dir) as 1 | -1) : 1 }))} className="hover:text-brand-700">
                {t("nation.colProvince")}
              </button>
            </th>
            <th className="px-2 py-2 text-right font-medium">{t("nation.colTotal")}</th>
            {STATES.map((s) => (
              <th key={s} className="px-2 py-2 text-right font-medium">
                {t(`states.${s}`)}
              </th>
            ))}
            <th className="px-2 py-2 text-right font-medium">{t("nation.colReported")}</th>
            {header("share", t("nation.colShare"))}
            {header("late", t("nation.colLate"))}
            {header("overdue", t("nation.colOverdue"))}
            <th className="px-2 py-2 text-left font-medium">{t("nation.colDeadline")}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-100 bg-brand-50 font-semibold" data-unit={data.parent.code}>
            <td className="px-2 py-1.5">{t("nation.totals")}</td>
            {cells(data)}
            <td className="px-2 py-1.5" />
          </tr>
          {rows.map((r) => (
            <tr key={r.code} data-unit={r.code} className="border-t border-slate-100 hover:bg-slate-50">
              <td className="px-2 py-1.5">
                <Link href={`/units/${encodeURIComponent(r.code)}/completeness?year=${data.year}&quarter=${data.quarter}`} className="text-brand-700 hover:underline">
                  {r.name}
                </Link>
              </td>
              {cells(r)}
              <td className="px-2 py-1.5 text-xs text-slate-600" data-cell="deadline">
                {formatDate(r.deadline.at, locale)} · {t("nation.deadlineDays", { days: r.deadline.days })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
