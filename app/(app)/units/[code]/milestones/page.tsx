import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { unitPage } from "@/lib/data/unit-page.server";
import { milestonesOf } from "@/lib/data/targets.server";
import { TARGET_YEARS } from "@/lib/domain/targets";
import { currentPeriod } from "@/lib/domain/period";
import { toLocale } from "@/lib/i18n/config";
import { keyLabel } from "@/lib/i18n/labels";
import { MilestoneForm } from "@/components/targets/MilestoneForm";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("milestones");
  return { title: t("link") };
}

export default async function MilestonesPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const { user, unit } = await unitPage(code, "/milestones", { levels: ["NATION", "PROVINCE", "COMMUNE", "VILLAGE"] });
  const t = await getTranslations("milestones");
  const locale = toLocale(await getLocale());
  const y = Number(sp.year);
  const year = Number.isInteger(y) && y >= TARGET_YEARS.min && y <= TARGET_YEARS.max ? y : Math.min(TARGET_YEARS.max, currentPeriod().year);
  const grid = await milestonesOf(user, unit, year);
  const years = Array.from({ length: TARGET_YEARS.max - TARGET_YEARS.min + 1 }, (_, i) => TARGET_YEARS.min + i);
  return (
    <div className="space-y-5">
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}`} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="milestones-title">
          {t("title", { year })} · {unit.name}
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        <nav className="mt-2 flex flex-wrap gap-1 text-sm" aria-label={t("year")}>
          {years.map((yy) => (
            <Link
              key={yy}
              href={`?year=${yy}`}
              aria-current={yy === year ? "page" : undefined}
              className={`rounded px-2.5 py-1 ${yy === year ? "bg-brand-600 text-white" : "border border-slate-300 hover:bg-slate-100"}`}
            >
              {yy}
            </Link>
          ))}
        </nav>
      </div>
      {grid.rows.length === 0 ? (
        <p className="rounded bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="no-targets">
          {t("noTargets", { year })}
        </p>
      ) : (
        <MilestoneForm
          key={`${unit.code}-${year}`}
          unitCode={unit.code}
          grid={grid}
          labels={Object.fromEntries(grid.rows.map((r) => [r.key, keyLabel(r.key, locale)]))}
        />
      )}
    </div>
  );
}
