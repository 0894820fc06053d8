"use client";
// Every commune of the city for the quarter: state, timeliness against the deadline, first
// submission date, officers; searchable by name, sortable, filtered by state and timeliness (kept in
// the URL). A commune's name opens its quarter.
import Link from "next/link";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CommuneCompleteness, CompletenessState, ProvinceCompleteness, Timeliness } from "@/lib/completeness/service";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { compareVi } from "@/lib/collate";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { StateBadge, TimelinessBadge } from "./badges";
import { Officers } from "./Officers";

const STATES: readonly CompletenessState[] = ["NOT_STARTED", "DRAFT", "SUBMITTED", "APPROVED", "RETURNED"];
const TIMELINESS: readonly Timeliness[] = ["overdue", "late", "pending", "on_time"];
const nameOf = (c: CommuneCompleteness) => c.name;
const keyOf = (c: CommuneCompleteness) => c.code;
const byName = (a: CommuneCompleteness, b: CommuneCompleteness) => compareVi(a.name, b.name);

export function CommuneTable({ data }: { data: ProvinceCompleteness }) {
  const t = useTranslations("completeness");
  const locale = toLocale(useLocale());

  const columns = useMemo<Column<CommuneCompleteness>[]>(
    () => [
      {
        key: "name",
        header: t("colUnit"),
        sortValue: nameOf,
        cell: (c) => (
          <Link href={`/units/${encodeURIComponent(c.code)}?year=${data.year}&quarter=${data.quarter}`} className="text-brand-700 hover:underline">
            {c.name}
          </Link>
        ),
      },
      {
        key: "state",
        header: t("colState"),
        sortValue: (c) => STATES.indexOf(c.state),
        cellAttrs: () => ({ "data-cell": "state" }),
        cell: (c) => <StateBadge state={c.state} label={t(`states.${c.state}`)} />,
        filter: {
          key: "state",
          label: t("filterState"),
          allLabel: `${t("all")} (${data.total})`,
          options: STATES.map((s) => ({ value: s, label: `${t(`states.${s}`)} (${data.counts[s]})` })),
          match: (c, v) => c.state === v,
        },
      },
      {
        key: "timeliness",
        header: t("colTimeliness"),
        sortValue: (c) => TIMELINESS.indexOf(c.timeliness),
        cellAttrs: () => ({ "data-cell": "timeliness" }),
        cell: (c) => <TimelinessBadge timeliness={c.timeliness} label={t(`timeliness.${c.timeliness}`)} />,
        filter: {
          key: "timeliness",
          label: t("colTimeliness"),
          allLabel: t("all"),
          options: TIMELINESS.map((s) => ({ value: s, label: t(`timeliness.${s}`) })),
          match: (c, v) => c.timeliness === v,
        },
      },
      {
        key: "submitted",
        header: t("colSubmitted"),
        sortValue: (c) => (c.submittedAt ? Date.parse(c.submittedAt) : null),
        className: "tabular-nums",
        cellAttrs: () => ({ "data-cell": "submitted" }),
        cell: (c) => formatDate(c.submittedAt, locale),
      },
      {
        key: "officers",
        header: t("colOfficers"),
        cellAttrs: () => ({ "data-cell": "officers" }),
        cell: (c) => <Officers officers={c.officers} empty={t("noOfficer")} />,
      },
    ],
    [t, locale, data],
  );

  return (
    <DataTable<CommuneCompleteness>
      rows={data.communes}
      columns={columns}
      rowKey={keyOf}
      rowAttrs={(c) => ({ "data-unit": c.code, "data-state": c.state })}
      label={t("tableLabel")}
      searchText={nameOf}
      defaultSort={{ key: "name", dir: "asc" }}
      tieBreak={byName}
      emptyText={t("noRows")}
      tableClassName="min-w-[48rem]"
      testId="completeness-table"
      countTestId="completeness-count"
    />
  );
}
