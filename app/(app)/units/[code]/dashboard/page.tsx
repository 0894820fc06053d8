import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { periodFromSearch, periodReplaced, pickerYears, unitPage } from "@/lib/data/unit-page.server";
import { PeriodReplacedNotice } from "@/components/figures/PeriodReplacedNotice";
import { dashboardOfUnit } from "@/lib/data/dashboard.server";
import { quarterEnd } from "@/lib/domain/period";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { PeriodPicker } from "@/components/figures/PeriodPicker";
import { DashboardTable } from "@/components/dashboard/DashboardTable";
import { toDashTable } from "@/components/dashboard/dashboard-rows";
import { PageLoading } from "@/components/ui/PageLoading";
import type { ScopedUnit } from "@/lib/auth/scope";

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
  const { unit } = await unitPage(code, "/dashboard", { levels: ["PROVINCE", "NATION"] });

  const t = await getTranslations("dashboard");
  const locale = toLocale(await getLocale());
  const { year, quarter } = periodFromSearch(sp);
  const years = pickerYears();

  return (
    <div className="space-y-4" data-testid="city-dashboard">
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}`} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title", { name: unit.name })}</h1>
        <p className="text-sm text-slate-600">
          {t("subtitle", {
            children: unit.level === "NATION" ? t("childrenProvinces") : t("childrenCommunes"),
            date: formatDate(quarterEnd(year, quarter), locale),
            year,
          })}
        </p>
      </div>
      <PeriodPicker year={year} quarter={quarter} years={years} />
      <PeriodReplacedNotice requested={periodReplaced(sp, { year, quarter })} shown={{ year, quarter }} />
      {/* The title and the picker at once; the table (every child unit) streamed after it. */}
      <Suspense key={`${year}-${quarter}`} fallback={<PageLoading title={false} />}>
        <DashboardSection unit={unit} year={year} quarter={quarter} />
      </Suspense>
      <p className="text-xs text-slate-500" data-testid="path-method">
        {t("pathMethod")}
      </p>
    </div>
  );
}

// Only what the table shows goes to the browser (components/dashboard/dashboard-rows.ts).
async function DashboardSection({ unit, year, quarter }: { unit: ScopedUnit; year: number; quarter: number }) {
  const data = await dashboardOfUnit(unit, year, quarter);
  return <DashboardTable data={toDashTable(data)} />;
}
