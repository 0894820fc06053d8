"use client";
// Every commune of the city for the quarter: state, timeliness against the deadline, first
// submission date, officers; searchable by name, sortable, filtered by state and timeliness (kept in
// the URL). A commune's name opens its quarter.
import Link from "next/link";
import { useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CompletenessState, Timeliness } from "@/lib/completeness/service";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { compareVi } from "@/lib/collate";
import { DataTable, type Column } from "@/components/ui/DataTable";
import { unpack } from "@/components/ui/packed";
import type { CommuneRow, CommuneRows } from "./commune-rows";
import { StateBadge, TimelinessBadge } from "./badges";
import { Officers } from "./Officers";

const STATES: readonly CompletenessState[] = ["NOT_STARTED", "DRAFT", "SUBMITTED", "APPROVED", "RETURNED"];
const TIMELINESS: readonly Timeliness[] = ["overdue", "late", "pending", "on_time"];
const nameOf = (c: CommuneRow) => c.name;
const keyOf = (c: CommuneRow) => c.code;
const byName = (a: CommuneRow, b: CommuneRow) => compareVi(a.name, b.name);
const rowAttrs = (c: CommuneRow) => ({ "data-unit": c.code, "data-state": c.state });

export function CommuneTable({
  communes,
  year,
  quarter,
  total,
  counts,
}: {
  communes: CommuneRows;
  year: number;
  quarter: number;
  total: number;
  counts: Record<CompletenessState, number>;
}) {
  const t = useTranslations("completeness");
  const locale = toLocale(useLocale());
  const rows = useMemo(() => unpack(communes.rows), [communes.rows]);

  const columns = useMemo<Column<CommuneRow>[]>(
    () => [
      {
        key: "name",
        header: t("colUnit"),
        sortValue: nameOf,
        cell: (c) => <Link href={`/units/${encodeURIComponent(c.code)}?year=${year}&quarter=${quarter}`}>{c.name}</Link>,
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
          allLabel: `${t("all")} (${total})`,
          options: STATES.map((s) => ({ value: s, label: `${t(`states.${s}`)} (${counts[s]})` })),
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
    [t, locale, year, quarter, total, counts],
  );

  return (
    <DataTable<CommuneRow>
      rows={rows}
      columns={columns}
      rowKey={keyOf}
      rowAttrs={rowAttrs}
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
