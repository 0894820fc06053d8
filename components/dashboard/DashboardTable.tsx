"use client";
// The parent's table of every child unit: sortable by any column, filterable by status, type and
// path to 2030, the parent's totals on top; a unit's name opens its page.
import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { DashboardData, DashboardRow } from "@/lib/dashboard/service";
import { formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { StatusBadge } from "@/components/figures/StatusBadge";
import type { Status } from "@/lib/domain/indicators";

type SortKey = "name" | "state" | "coverage" | "coverageAtt" | "compulsory" | "voluntary" | "bhyt" | "late" | "path";

const PATH_ORDER = { off_track: 0, at_risk: 1, unknown: 2, on_track: 3, reached: 4 } as const;
const PATH_CLASS: Record<string, string> = {
  on_track: "bg-emerald-100 text-emerald-900",
  reached: "bg-emerald-200 text-emerald-950",
  at_risk: "bg-amber-100 text-amber-900",
  off_track: "bg-red-100 text-red-900",
  unknown: "bg-slate-100 text-slate-600",
};

function sortValue(r: DashboardRow, key: SortKey): number | string | null {
  switch (key) {
    case "name":
      return r.unit.name;
    case "state":
      return r.reported !== null ? r.reported / Math.max(1, r.total ?? 1) : ({ APPROVED: 3, SUBMITTED: 2, RETURNED: 1, DRAFT: 0 } as const)[r.periodStatus ?? "DRAFT"] - (r.periodStatus ? 0 : 1);
    case "coverage":
      return r.indicators.bhxhCoverage;
    case "coverageAtt":
      return r.attainment.bhxhCoverage ?? null;
    case "compulsory":
      return r.attainment.bhxhCompulsory ?? null;
    case "voluntary":
      return r.attainment.bhxhVoluntary ?? null;
    case "bhyt":
      return r.indicators.bhytCoverage;
    case "late":
      return r.indicators.latePaymentRate;
    case "path":
      return PATH_ORDER[r.path.status];
  }
}

export function DashboardTable({ data }: { data: DashboardData }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "name", dir: 1 });
  const [status, setStatus] = useState<"" | Status>("");
  const [type, setType] = useState("");
  const [path, setPath] = useState("");
  const types = useMemo(() => [...new Set(data.rows.map((r) => r.unit.type))].sort(), [data.rows]);

  const rows = useMemo(() => {
    const filtered = data.rows.filter(
      (r) => (!status || (r.statuses.bhxhCoverage ?? "none") === status) && (!type || r.unit.type === type) && (!path || r.path.status === path),
    );
    return filtered.sort((a, b) => {
      const va = sortValue(a, sort.key);
      const vb = sortValue(b, sort.key);
      if (va === null && vb === null) return a.unit.name.localeCompare(b.unit.name, "vi");
      if (va === null) return 1; // no value: always last
      if (vb === null) return -1;
      const c = typeof va === "string" ? va.localeCompare(vb as string, "vi") : va - (vb as number);
      return c * sort.dir || a.unit.name.localeCompare(b.unit.name, "vi");
    });
  }, [data.rows, sort, status, type, path]);

  const header = (key: SortKey, label: string, right = true) => (
    <th className={`px-2 py-2 font-medium ${right ? "text-right" : "text-left"}`} aria-sort={sort.key === key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}>
      <button
        type="button"
        data-sort={key}
        onClick={() => setSort((s) => ({ key, dir: s.key === key ? ((-s.dir) as 1 | -1) : key === "name" ? 1 : -1 }))}
        className="inline-flex items-center gap-1 hover:text-brand-700"
      >
        {label}
        <span aria-hidden className="text-xs">{sort.key === key ? (sort.dir === 1 ? "▲" : "▼") : "↕"}</span>
      </button>
    </th>
  );

  const pct = (v: number | null | undefined) => formatPercent(v ?? null, locale);
  const statusLabel = (r: DashboardRow, key: string) =>
    r.targets[key] === undefined
      ? t("figures.status.none")
      : !r.figures
        ? t("dashboard.notReported")
        : r.statuses[key] === "none"
          ? t("figures.status.noData")
          : t(`figures.status.${r.statuses[key]}`);

  const line = (r: DashboardRow, isTotal: boolean) => (
    <tr key={r.unit.code} data-unit={r.unit.code} className={`border-t border-slate-100 ${isTotal ? "bg-brand-50 font-semibold" : "hover:bg-slate-50"}`}>
      <td className="px-2 py-1.5">
        {isTotal ? (
          r.partial ? t("dashboard.totalsPartial", { reported: formatNumber(r.reported, locale), total: formatNumber(r.total, locale) }) : t("dashboard.totals", { name: r.unit.name })
        ) : (
          <Link href={`/units/${encodeURIComponent(r.unit.code)}?year=${data.year}&quarter=${data.quarter}`} className="text-brand-700 hover:underline">
            {r.unit.name}
          </Link>
        )}
      </td>
      <td className="px-2 py-1.5 text-right text-xs" data-cell="state">
        {r.reported !== null ? (
          `${r.reported}/${r.total}`
        ) : (
          <>
            {r.periodStatus ? t(`figures.reportStatus.${r.periodStatus}`) : t("dashboard.notStarted")}
            {!r.hasReport && <div className="text-slate-500" data-testid="not-reported">{t("dashboard.notReported")}</div>}
          </>
        )}
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums" data-cell="coverage">{pct(r.indicators.bhxhCoverage)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums text-slate-600">{r.expected.bhxhCoverage == null ? "—" : pct(r.expected.bhxhCoverage)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums" data-cell="coverageAtt">
        <span className="mr-1">{pct(r.attainment.bhxhCoverage)}</span>
        <StatusBadge status={r.statuses.bhxhCoverage ?? "none"} label={statusLabel(r, "bhxhCoverage")} />
        {r.yearAttainment.bhxhCoverage != null && <div className="text-xs font-normal text-slate-500">{t("dashboard.yearAtt", { att: pct(r.yearAttainment.bhxhCoverage) })}</div>}
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums" title={r.targets.bhxhCompulsory !== undefined ? `${formatNumber(r.figures?.bhxhCompulsory, locale)} / ${formatNumber(r.targets.bhxhCompulsory, locale)}` : undefined}>
        {formatNumber(r.figures?.bhxhCompulsory, locale)}
        <div className="text-xs text-slate-500">{r.attainment.bhxhCompulsory != null && t("dashboard.ofTarget", { att: pct(r.attainment.bhxhCompulsory) })}</div>
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums">
        {formatNumber(r.figures?.bhxhVoluntary, locale)}
        <div className="text-xs text-slate-500">{r.attainment.bhxhVoluntary != null && t("dashboard.ofTarget", { att: pct(r.attainment.bhxhVoluntary) })}</div>
      </td>
      <td className="px-2 py-1.5 text-right tabular-nums">{pct(r.indicators.bhytCoverage)}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">
        {formatPercent(r.indicators.latePaymentRate ?? null, locale, 2)}
        {r.targets.latePaymentRate !== undefined && r.figures && r.indicators.latePaymentRate !== null && (
          <div className={`text-xs ${r.statuses.latePaymentRate === "attained" ? "text-emerald-700" : "text-red-700"}`}>
            {t(r.statuses.latePaymentRate === "attained" ? "dashboard.ceilingUnder" : "dashboard.ceilingOver", { value: formatPercent(r.targets.latePaymentRate, locale, 2) })}
          </div>
        )}
      </td>
      <td className="px-2 py-1.5" data-cell="path" data-path={r.path.status}>
        <span
          className={`inline-block rounded px-2 py-0.5 text-xs ${PATH_CLASS[r.path.status]}`}
          title={r.path.projected2030 !== null && r.path.target2030 !== null ? t("dashboard.projected", { value: formatNumber(r.path.projected2030, locale), target: formatNumber(r.path.target2030, locale) }) : undefined}
        >
          {t(`dashboard.path.${r.path.status}`)}
        </span>
      </td>
    </tr>
  );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3 text-sm" data-testid="dashboard-filters">
        <label className="flex flex-col">
          <span className="text-slate-500">{t("dashboard.filterStatus")}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as "" | Status)} className="rounded border border-slate-300 px-2 py-1" data-filter="status">
            <option value="">{t("dashboard.all")}</option>
            {(["attained", "close", "behind", "none"] as const).map((s) => (
              <option key={s} value={s}>
                {s === "none" ? t("figures.status.noData") : t(`figures.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {types.length > 1 && (
          <label className="flex flex-col">
            <span className="text-slate-500">{t("dashboard.filterType")}</span>
            <select value={type} onChange={(e) => setType(e.target.value)} className="rounded border border-slate-300 px-2 py-1" data-filter="type">
              <option value="">{t("dashboard.all")}</option>
              {types.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`unitTypes.${ty}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="flex flex-col">
          <span className="text-slate-500">{t("dashboard.filterPath")}</span>
          <select value={path} onChange={(e) => setPath(e.target.value)} className="rounded border border-slate-300 px-2 py-1" data-filter="path">
            <option value="">{t("dashboard.all")}</option>
            {(["on_track", "at_risk", "off_track", "reached", "unknown"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`dashboard.path.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="text-slate-500" data-testid="dashboard-count">
          {t("dashboard.shown", { shown: rows.length, total: data.rows.length })} · {t("dashboard.sortHint")}
        </span>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[64rem] text-sm" data-testid="dashboard-table">
          <thead className="bg-slate-50">
            <tr>
              {header("name", t("dashboard.colUnit"), false)}
              {header("state", t("dashboard.colState"))}
              {header("coverage", t("dashboard.colCoverage"))}
              <th className="px-2 py-2 text-right font-medium">{t("dashboard.colCoverageTarget")}</th>
              {header("coverageAtt", t("dashboard.colCoverageAtt"))}
              {header("compulsory", t("dashboard.colCompulsory"))}
              {header("voluntary", t("dashboard.colVoluntary"))}
              {header("bhyt", t("dashboard.colBhyt"))}
              {header("late", t("dashboard.colLate"))}
              {header("path", t("dashboard.colPath"), false)}
            </tr>
          </thead>
          <tbody data-testid="dashboard-totals">{line(data.totals, true)}</tbody>
          <tbody data-testid="dashboard-rows">
            {rows.map((r) => line(r, false))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={10} className="px-3 py-4 text-center text-slate-500">
                  {t("dashboard.noRows")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
