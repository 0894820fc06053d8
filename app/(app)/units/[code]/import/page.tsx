import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { periodFromSearch, pickerYears, unitPage } from "@/lib/data/unit-page.server";
import { PeriodPicker } from "@/components/figures/PeriodPicker";
import { ImportPanel } from "@/components/imports/ImportPanel";
import { TARGET_YEARS } from "@/lib/domain/targets";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("imports");
  return { title: t("link") };
}

// Figures in from a file (issue 14): the template to download, the upload, its check and preview,
// then the commit. City staff for their city's communes, an officer for their own commune.
export default async function ImportPage({ params, searchParams }: Props) {
  const { code } = await params;
  const { user, unit } = await unitPage(code, "/import", { levels: ["PROVINCE", "COMMUNE"], permission: "figures.import" });
  const t = await getTranslations("imports");
  const now = new Date();
  const { year, quarter } = periodFromSearch(await searchParams, now);
  const unitHref = `/units/${encodeURIComponent(unit.code)}`;
  const query = `year=${year}&quarter=${quarter}`;
  const targetYear = Math.min(TARGET_YEARS.max, Math.max(TARGET_YEARS.min, year));
  return (
    <div className="space-y-4" data-testid="import-page">
      <div>
        <Link href={unitHref} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title", { name: unit.name, year, quarter })}</h1>
        <p className="text-sm text-slate-600">{t("subtitle")}</p>
      </div>
      <PeriodPicker year={year} quarter={quarter} years={pickerYears(now)} />
      <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("rules")}</li>
        {user.role === "CITY_STAFF" ? <li>{t("behalf")}</li> : null}
      </ul>
      <div className="flex flex-wrap gap-2 text-sm">
        <a
          href={`/api/v1${unitHref}/figures/template.xlsx?${query}`}
          className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
          data-testid="template-xlsx"
          download
        >
          {t("downloadXlsx")}
        </a>
        <a
          href={`/api/v1${unitHref}/figures/template.csv?${query}`}
          className="rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
          data-testid="template-csv"
          download
        >
          {t("downloadCsv")}
        </a>
      </div>
      <ImportPanel key={`${year}-${quarter}`} unitCode={unit.code} year={year} quarter={quarter} canSubmit={user.role === "CITY_STAFF"} />

      <section className="space-y-3 border-t border-slate-200 pt-4" data-testid="import-targets">
        <h2 className="text-xl font-semibold">{t("targetsTitle", { year: targetYear })}</h2>
        <p className="text-sm text-slate-600">{t("targetsSubtitle")}</p>
        <div className="flex flex-wrap gap-2 text-sm">
          <a
            href={`/api/v1${unitHref}/targets/template.xlsx?year=${targetYear}`}
            className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
            data-testid="targets-template-xlsx"
            download
          >
            {t("downloadXlsx")}
          </a>
          <a
            href={`/api/v1${unitHref}/targets/template.csv?year=${targetYear}`}
            className="rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
            data-testid="targets-template-csv"
            download
          >
            {t("downloadCsv")}
          </a>
        </div>
        <ImportPanel key={`targets-${targetYear}`} kind="targets" unitCode={unit.code} year={targetYear} quarter={quarter} />
      </section>
    </div>
  );
}
