"use client";
// The communes to chase this quarter (not started, draft, returned), overdue first, with the
// officers to call. The board's packed communes (commune-rows.ts), shared with its table.
import Link from "next/link";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { StateBadge, TimelinessBadge } from "./badges";
import { Officers } from "./Officers";
import { cardClass } from "@/components/ui/Card";
import { unpack } from "@/components/ui/packed";
import type { CommuneRows } from "./commune-rows";

export function ChaseList({ communes, year, quarter }: { communes: CommuneRows; year: number; quarter: number }) {
  const t = useTranslations("completeness");
  const toChase = useMemo(() => {
    const byCode = new Map(unpack(communes.rows).map((c) => [c.code, c]));
    return communes.toChase.flatMap((code) => byCode.get(code) ?? []);
  }, [communes]);
  return (
    <section className={cardClass({ padding: "sm" })} data-testid="to-chase">
      <h2 className="text-lg font-semibold">{t("toChase", { count: toChase.length })}</h2>
      <p className="mb-2 text-sm text-slate-600">{t("toChaseHint")}</p>
      {toChase.length === 0 ? (
        <p className="text-sm text-emerald-800">{t("toChaseEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm [&>li]:flex [&>li]:flex-wrap [&>li]:items-start [&>li]:gap-x-3 [&>li]:gap-y-1 [&>li]:py-1.5">
          {toChase.map((c) => (
            <li key={c.code} data-unit={c.code}>
              <Link
                href={`/units/${encodeURIComponent(c.code)}?year=${year}&quarter=${quarter}`}
                className="min-w-48 font-medium text-brand-700 hover:underline"
              >
                {c.name}
              </Link>
              <StateBadge state={c.state} label={t(`states.${c.state}`)} />
              <TimelinessBadge timeliness={c.timeliness} label={t(`timeliness.${c.timeliness}`)} />
              <span className="ml-auto text-right">
                <Officers officers={c.officers} empty={t("noOfficer")} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
