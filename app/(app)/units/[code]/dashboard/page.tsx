import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session.server";
import { canViewUnit } from "@/lib/auth/roles";
import { findUnitByCode, unitCodeSchema } from "@/lib/data/units.server";
import { dashboardOfUnit } from "@/lib/data/dashboard.server";
import { currentPeriod, lastEndedPeriod, quarterEnd, MIN_YEAR } from "@/lib/domain/period";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { PeriodPicker } from "@/components/figures/PeriodPicker";
import { DashboardTable } from "@/components/dashboard/DashboardTable";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("link") };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const user = await requireUser(`/units/${code}/dashboard`);
  let clean = "";
  try {
    clean = decodeURIComponent(code);
  } catch {}
  const unit = unitCodeSchema.safeParse(clean).success ? await findUnitByCode(clean) : null;
  if (!unit) notFound();
  if (!canViewUnit(user, unit)) forbidden();
  if (unit.level !== "PROVINCE" && unit.level !== "NATION") notFound();

  const t = await getTranslations("dashboard");
  const locale = toLocale(await getLocale());
  const def = lastEndedPeriod();
  const y = Number(sp.year);
  const q = Number(sp.quarter);
  const year = Number.isInteger(y) && y >= MIN_YEAR && y <= currentPeriod().year ? y : def.year;
  const quarter = Number.isInteger(q) && q >= 1 && q <= 4 ? q : year === def.year ? def.quarter : 4;
  const data = await dashboardOfUnit(unit, year, quarter);
  const years = Array.from({ length: currentPeriod().year - 2024 + 1 }, (_, i) => 2024 + i);

  return (
    <div className="space-y-4" data-testid="city-dashboard">
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}`} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title", { name: unit.name })}</h1>
        <p className="text-sm text-slate-600">
          {t("subtitle", {
            children: data.childLevel === "COMMUNE" ? t("childrenCommunes") : t("childrenProvinces"),
            date: formatDate(quarterEnd(year, quarter), locale),
            year,
          })}
        </p>
      </div>
      <PeriodPicker year={year} quarter={quarter} years={years} />
      <DashboardTable data={data} />
      <p className="text-xs text-slate-500" data-testid="path-method">
        {t("pathMethod")}
      </p>
    </div>
  );
}
