import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { prisma } from "@/lib/db.server";
import { periodFromSearch, pickerYears, unitPage } from "@/lib/data/unit-page.server";
import { can } from "@/lib/auth/permissions";
import { quality, type QualityView } from "@/lib/quality/service";
import { MAX_CHANGE_PCT, MIN_CHANGE_PCT } from "@/lib/quality/settings";
import { ServiceError } from "@/lib/figures/errors";
import { quarterEnd } from "@/lib/domain/period";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { PeriodPicker } from "@/components/figures/PeriodPicker";
import { QualityTable } from "@/components/quality/QualityTable";
import { NumberSettingForm } from "@/components/NumberSettingForm";
import { setChangePctAction } from "@/lib/actions/quality";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("quality");
  return { title: t("link") };
}

// The data-quality view of a city: figures of the quarter far from the commune's own history or
// from the other communes of the province, to check before approving. City staff and city leaders
// of the province, and the administrator; city staff also set the entry check's threshold.
export default async function QualityPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  // The same checks as the layout (which runs them before loading.tsx streams, so that a 403 or 404
  // keeps its status); here for the user and the unit.
  const { user, unit } = await unitPage(code, "/quality", { levels: ["PROVINCE"], permission: "quality.view" });

  const t = await getTranslations("quality");
  const locale = toLocale(await getLocale());
  const now = new Date();
  const { year, quarter } = periodFromSearch(sp, now);
  const years = pickerYears(now);

  let data: QualityView | null = null;
  try {
    data = await quality(await prisma(), user, unit, year, quarter);
  } catch (e) {
    if (!(e instanceof ServiceError && e.status === 403)) throw e;
  }
  if (!data) forbidden();

  const unitHref = `/units/${encodeURIComponent(unit.code)}`;
  return (
    <div className="space-y-4" data-testid="quality-page">
      <div>
        <div className="flex flex-wrap gap-x-4 text-sm">
          <Link href={unitHref} className="text-brand-700 hover:underline">
            ← {unit.name}
          </Link>
          <Link href={`${unitHref}/completeness?year=${year}&quarter=${quarter}`} className="text-brand-700 hover:underline">
            {t("toCompleteness")}
          </Link>
        </div>
        <h1 className="mt-1 text-2xl font-semibold">{t("title", { name: unit.name, year, quarter })}</h1>
        <p className="text-sm text-slate-600">{t("subtitle", { date: formatDate(quarterEnd(year, quarter), locale) })}</p>
        {user.role === "CITY_LEADER" ? <p className="mt-1 text-xs text-slate-500">{t("readOnly")}</p> : null}
      </div>
      <PeriodPicker year={year} quarter={quarter} years={years} />
      <p className="text-sm font-medium" data-testid="quality-summary">
        {t("summary", { reported: data.reported, communes: data.communes, count: data.items.length })}
      </p>
      {can(user, "city.settings", unit) ? (
        <NumberSettingForm
          messages="quality.changeForm"
          testId="change-threshold-form"
          name="pct"
          value={data.changePct}
          min={MIN_CHANGE_PCT}
          max={MAX_CHANGE_PCT}
          tenantCode={unit.code}
          save={setChangePctAction}
        />
      ) : (
        <p className="text-sm text-slate-600" data-testid="change-threshold">
          {t("changeForm.current", { pct: data.changePct })}
        </p>
      )}
      <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium">{t("methodTitle")}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t("method", { threshold: new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB").format(data.threshold) })}</li>
          <li>{t("methodHistory", { history: data.historyQuarters, minHistory: data.minHistory })}</li>
          <li>{t("methodPeers", { minPeers: data.minPeers })}</li>
          <li>{t("methodMoney")}</li>
          <li>{t("methodCounted")}</li>
        </ul>
      </details>
      <QualityTable data={data} />
    </div>
  );
}
