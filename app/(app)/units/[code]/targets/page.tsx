import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { unitPage } from "@/lib/data/unit-page.server";
import { targetGridOf } from "@/lib/data/targets.server";
import { TARGET_YEARS } from "@/lib/domain/targets";
import { currentPeriod } from "@/lib/domain/period";
import { TargetGrid } from "@/components/targets/TargetGrid";
import { VillageManager } from "@/components/targets/VillageManager";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("targets");
  return { title: t("link") };
}

export default async function TargetsPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const { user, unit } = await unitPage(code, "/targets");
  const t = await getTranslations("targets");
  const y = Number(sp.year);
  const year = Number.isInteger(y) && y >= TARGET_YEARS.min && y <= TARGET_YEARS.max ? y : Math.min(TARGET_YEARS.max, currentPeriod().year + 1);
  const grid = await targetGridOf(user, unit, year);
  const years = Array.from({ length: TARGET_YEARS.max - TARGET_YEARS.min + 1 }, (_, i) => TARGET_YEARS.min + i);
  const source =
    Object.values(grid.targets).find((d) => d?.source)?.source ?? grid.children.flatMap((c) => Object.values(c.targets)).find((d) => d?.source)?.source ?? "";

  return (
    <div className="space-y-5">
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}`} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="targets-title">
          {t("title", { year })} · {unit.name}
        </h1>
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
      {grid.children.length === 0 && !grid.editable ? (
        <p className="text-sm text-slate-600">{t("noChildren")}</p>
      ) : (
        <TargetGrid key={`${unit.code}-${year}`} grid={grid} unitCode={unit.code} defaultSource={source} />
      )}
      {can(user, "villages.manage", unit) && (
        <VillageManager communeCode={unit.code} villages={grid.children.map((c) => ({ code: c.unit.code, name: c.unit.name, retired: c.unit.retired }))} />
      )}
    </div>
  );
}
