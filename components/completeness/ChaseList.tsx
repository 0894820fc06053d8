// The communes to chase this quarter (not started, draft, returned), overdue first, with the
// officers to call.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ProvinceCompleteness } from "@/lib/completeness/service";
import { StateBadge, TimelinessBadge } from "./badges";
import { Officers } from "./Officers";
import { cardClass } from "@/components/ui/Card";

export function ChaseList({ data }: { data: ProvinceCompleteness }) {
  const t = useTranslations("completeness");
  return (
    <section className={cardClass({ padding: "sm" })} data-testid="to-chase">
      <h2 className="text-lg font-semibold">{t("toChase", { count: data.toChase.length })}</h2>
      <p className="mb-2 text-sm text-slate-600">{t("toChaseHint")}</p>
      {data.toChase.length === 0 ? (
        <p className="text-sm text-emerald-800">{t("toChaseEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {data.toChase.map((c) => (
            <li key={c.code} data-unit={c.code} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-1.5">
              <Link
                href={`/units/${encodeURIComponent(c.code)}?year=${data.year}&quarter=${data.quarter}`}
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
