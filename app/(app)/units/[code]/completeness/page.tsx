import Link from "next/link";
import { Suspense } from "react";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { periodFromSearch, pickerYears, unitPage } from "@/lib/data/unit-page.server";
import type { Completeness } from "@/lib/completeness/service";
import { completenessOf } from "@/lib/data/completeness.server";
import type { SessionUser } from "@/lib/auth/session.server";
import type { ScopedUnit } from "@/lib/auth/scope";
import { PageLoading } from "@/components/ui/PageLoading";
import { ServiceError } from "@/lib/figures/errors";
import { quarterEnd } from "@/lib/domain/period";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { PeriodPicker } from "@/components/figures/PeriodPicker";
import { CompletenessSummary } from "@/components/completeness/CompletenessSummary";
import { CommuneTable } from "@/components/completeness/CommuneTable";
import { ChaseList } from "@/components/completeness/ChaseList";
import { toCommuneRows } from "@/components/completeness/commune-rows";
import { ReviewQueue } from "@/components/completeness/ReviewQueue";
import { NumberSettingForm } from "@/components/NumberSettingForm";
import { setDeadlineDaysAction } from "@/lib/actions/completeness";
import { ProvinceTable } from "@/components/completeness/ProvinceTable";
import { QualityLink } from "@/components/quality/QualityLink";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("completeness");
  return { title: t("link") };
}

// The completeness board: who has reported the quarter, who is late, who to chase; for city staff
// also the deadline and the review queue. Leaders read only; commune officers have no access.
export default async function CompletenessPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const { user, unit } = await unitPage(code, "/completeness", { levels: ["PROVINCE", "NATION"], permission: "completeness.view" });

  const t = await getTranslations("completeness");
  const locale = toLocale(await getLocale());
  const now = new Date();
  const { year, quarter } = periodFromSearch(sp, now);
  const years = pickerYears(now);
  const level = unit.level === "PROVINCE" ? "PROVINCE" : "NATION";

  // The title and the picker at once; the board (every commune or province) streamed after them.
  return (
    <div className="space-y-4" data-testid="completeness-board" data-level={level}>
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}`} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title", { name: unit.name, year, quarter })}</h1>
        <p className="text-sm text-slate-600">
          {t(level === "PROVINCE" ? "subtitleProvince" : "subtitleNation", { name: unit.name, date: formatDate(quarterEnd(year, quarter), locale) })}
        </p>
        {user.role === "CITY_LEADER" || user.role === "NATIONAL_LEADER" ? <p className="mt-1 text-xs text-slate-500">{t("readOnly")}</p> : null}
        {level === "PROVINCE" && <QualityLink code={unit.code} role={user.role} year={year} quarter={quarter} />}
      </div>
      <PeriodPicker year={year} quarter={quarter} years={years} />
      <Suspense key={`${year}-${quarter}`} fallback={<PageLoading title={false} />}>
        <Board user={user} unit={unit} year={year} quarter={quarter} now={now} />
      </Suspense>
    </div>
  );
}

async function Board({ user, unit, year, quarter, now }: { user: SessionUser; unit: ScopedUnit; year: number; quarter: number; now: Date }) {
  let data: Completeness | null = null;
  try {
    data = await completenessOf(user, unit, year, quarter, now);
  } catch (e) {
    if (!(e instanceof ServiceError && e.status === 403)) throw e;
  }
  if (!data) forbidden();
  if (data.level === "NATION") {
    return (
      <>
        <CompletenessSummary data={data} />
        <ProvinceTable data={data} />
      </>
    );
  }
  const staffHere = user.role === "CITY_STAFF" && user.tenantId === unit.id;
  const canEditDeadline = staffHere || user.role === "ADMIN";
  // The communes once, packed, for the queue, the list to chase and the table.
  const communes = toCommuneRows(data);
  return (
    <>
      <CompletenessSummary data={data} />
      {canEditDeadline && (
        <NumberSettingForm
          messages="completeness.deadlineForm"
          testId="deadline-form"
          name="days"
          value={data.deadline.days}
          min={0}
          max={60}
          tenantCode={unit.code}
          save={setDeadlineDaysAction}
        />
      )}
      {staffHere && <ReviewQueue parentCode={unit.code} year={year} quarter={quarter} communes={communes} />}
      <ChaseList communes={communes} year={year} quarter={quarter} />
      <CommuneTable communes={communes} year={year} quarter={quarter} total={data.total} counts={data.counts} />
    </>
  );
}
