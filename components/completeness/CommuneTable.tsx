"use client";
// Every commune of the city for the quarter: state, timeliness against the deadline, first
// submission date, officers; filtered by state. A commune's name opens its quarter.
import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CommuneCompleteness, CompletenessState, ProvinceCompleteness } from "@/lib/completeness/service";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { StateBadge, TimelinessBadge } from "./badges";
import { Officers } from "./Officers";

const STATES: readonly CompletenessState[] = ["NOT_STARTED", "DRAFT", "SUBMITTED", "APPROVED", "RETURNED"];

export function CommuneTable({ data }: { data: ProvinceCompleteness }) {
  const t = useTranslations("completeness");
  const locale = toLocale(useLocale());
  const [state, setState] = useState<"" | CompletenessState>("");
  const rows = useMemo(() => (state ? data.communes.filter((c) => c.state === state) : data.communes), [data.communes, state]);

  const line = (c: CommuneCompleteness) => (
    <tr key={c.code} data-unit={c.code} data-state={c.state} className="border-t border-slate-100 hover:bg-slate-50">
      <td className="px-2 py-1.5">
        <Link href={`/units/${encodeURIComponent(c.code)}?year=${data.year}&quarter=${data.quarter}`} className="text-brand-700 hover:underline">
          {c.name}
        </Link>
      </td>
      <td className="px-2 py-1.5" data-cell="state">
        <StateBadge state={c.state} label={t(`states.${c.state}`)} />
      </td>
      <td className="px-2 py-1.5" data-cell="timeliness">
        <TimelinessBadge timeliness={c.timeliness} label={t(`timeliness.${c.timeliness}`)} />
      </td>
      <td className="px-2 py-1.5 tabular-nums" data-cell="submitted">
        {formatDate(c.submittedAt, locale)}
      </td>
      <td className="px-2 py-1.5" data-cell="officers">
        <Officers officers={c.officers} empty={t("noOfficer")} />
      </td>
    </tr>
  );

  return (
    <section className="space-y-2">
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          <span className="text-slate-500">{t("filterState")}</span>
          <select value={state} onChange={(e) => setState(e.target.value as "" | CompletenessState)} className="rounded border border-slate-300 px-2 py-1" data-filter="state">
            <option value="">
              {t("all")} ({data.total})
            </option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)} ({data.counts[s]})
              </option>
            ))}
          </select>
        </label>
        <span className="text-slate-500" data-testid="completeness-count">
          {t("shown", { shown: rows.length, total: data.total })}
        </span>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[48rem] text-sm" data-testid="completeness-table">
          <thead className="bg-slate-50 text-left">
            <tr>
              <th className="px-2 py-2 font-medium">{t("colUnit")}</th>
              <th className="px-2 py-2 font-medium">{t("colState")}</th>
              <th className="px-2 py-2 font-medium">{t("colTimeliness")}</th>
              <th className="px-2 py-2 font-medium">{t("colSubmitted")}</th>
              <th className="px-2 py-2 font-medium">{t("colOfficers")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(line)}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-center text-slate-500">
                  {t("noRows")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
