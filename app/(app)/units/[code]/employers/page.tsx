import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { firstParam, unitPage } from "@/lib/data/unit-page.server";
import { employerRegisterOf, provinceCommunes } from "@/lib/data/employers.server";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatNumber } from "@/lib/format";
import { lastEndedMonth, monthEndLabel, monthKey, monthsUpTo, MAX_LATE_MONTHS } from "@/lib/domain/employers";
import { toLocale } from "@/lib/i18n/config";
import { Alert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { buttonClass } from "@/components/ui/Button";
import { LateList } from "@/components/employers/LateList";
import { PublishPanel } from "@/components/employers/PublishPanel";
import { EmployerImport } from "@/components/employers/EmployerImport";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("employers");
  return { title: t("link") };
}

// Employers paying late (issue 15): a province's list of those N+ months late as at a month end
// (3 by default, as Hue-S publishes), its trend, the publications; city staff also enter, import
// and publish. City staff and leaders of the province, national accounts.
export default async function EmployersPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const { user, unit } = await unitPage(code, "/employers", { levels: ["PROVINCE"], permission: "employers.view" });
  const t = await getTranslations("employers");
  const locale = toLocale(await getLocale());
  const { register, replaced } = await employerRegisterOf(user, unit, { month: firstParam(sp.month), lateMonths: firstParam(sp.lateMonths) });
  const manage = can(user, "employers.manage", unit);
  const communes = manage ? await provinceCommunes(user, unit) : [];
  const asAt = register.asAt;
  const recorded = new Set(register.months.map(monthKey));
  const options = monthsUpTo(lastEndedMonth(), 24).reverse();
  const money = (v: number | null) => (v === null ? "—" : t("money", { amount: formatNumber(v, locale) }));
  const unitHref = `/units/${encodeURIComponent(unit.code)}`;
  const publicHref = `/public/late-payers/${encodeURIComponent(unit.code)}`;
  const monthParam = `${asAt.year}-${String(asAt.month).padStart(2, "0")}`;
  const latest = register.publications[0] ?? null;

  return (
    <div className="space-y-5" data-testid="employers-page">
      <div>
        <Link href={unitHref} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("title", { name: unit.name })}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        {!manage ? <p className="mt-1 text-xs text-slate-500">{t("readOnly")}</p> : null}
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="employers-filters">
        <label className="flex flex-col">
          <span className="text-slate-600">{t("asAt")}</span>
          <select name="month" defaultValue={monthParam} className="mt-1 rounded border border-slate-300 px-2 py-1.5" data-testid="employers-month">
            {options.map((m) => {
              const v = `${m.year}-${String(m.month).padStart(2, "0")}`;
              return (
                <option key={v} value={v}>
                  {monthEndLabel(m)}
                  {recorded.has(monthKey(m)) ? "" : ` (${t("noDataShort")})`}
                </option>
              );
            })}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-slate-600">{t("threshold")}</span>
          <input
            name="lateMonths"
            type="number"
            min={0}
            max={MAX_LATE_MONTHS}
            defaultValue={register.lateMonths}
            className="mt-1 w-28 rounded border border-slate-300 px-2 py-1.5"
            data-testid="employers-threshold"
          />
        </label>
        <button type="submit" className={buttonClass({ variant: "secondary" })}>
          {t("show")}
        </button>
      </form>
      {replaced ? <Alert tone="warning">{t("replaced")}</Alert> : null}

      {register.recorded > 0 ? (
        <p className="text-sm font-medium" data-testid="employers-summary">
          {t("summary", {
            date: asAt.date,
            n: register.lateMonths,
            count: register.total.count,
            amount: formatNumber(register.total.amount, locale),
            recorded: register.recorded,
          })}
        </p>
      ) : (
        <Alert testId="employers-empty">{t(manage ? "emptyManage" : "empty", { date: asAt.date })}</Alert>
      )}

      <LateList
        unitCode={unit.code}
        month={{ year: asAt.year, month: asAt.month }}
        lateMonths={register.lateMonths}
        employers={register.employers}
        manage={manage}
        communes={communes}
      />

      {register.trend.some((p) => p.count !== null) ? (
        <Card title={t("trendTitle", { n: register.lateMonths })} data-testid="employers-trend">
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("trendTitle", { n: register.lateMonths })}</caption>
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t("colMonth")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    {t("colCount")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    {t("colAmount")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    {t("colRecorded")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {register.trend.map((p) => (
                  <tr key={`${p.year}-${p.month}`} className="border-b border-slate-100" data-testid="trend-row">
                    <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums">
                      {monthEndLabel(p)}
                    </th>
                    <td className="px-2 py-1 text-right tabular-nums">{p.count === null ? "—" : formatNumber(p.count, locale)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{money(p.amount)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{p.count === null ? "—" : formatNumber(p.recorded, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-xs text-slate-500">{t("trendNote")}</p>
        </Card>
      ) : null}

      <Card title={t("publishTitle")} data-testid="employers-publications">
        <p className="text-sm text-slate-600">{t("publishIntro")}</p>
        {latest ? (
          <p className="mt-2 text-sm">
            <a href={publicHref} className="font-medium text-brand-700 underline" data-testid="public-link">
              {t("publicLink", { date: latest.asAt })}
            </a>
          </p>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("noPublication")}</p>
        )}
        {manage && register.recorded > 0 ? (
          <PublishPanel
            key={`${asAt.year}-${asAt.month}-${register.lateMonths}`}
            unitCode={unit.code}
            month={{ year: asAt.year, month: asAt.month }}
            date={asAt.date}
            lateMonths={Math.max(1, register.lateMonths)}
            count={register.lateMonths >= 1 ? register.total.count : null}
            amount={register.lateMonths >= 1 ? register.total.amount : null}
            published={register.publication}
            publicHref={publicHref}
            missing={register.missingSincePrevious}
          />
        ) : null}
        {register.publications.length > 0 ? (
          <div className="mt-3 overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="publications-table">
              <caption className="sr-only">{t("historyTitle")}</caption>
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t("colMonth")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    {t("colThreshold")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    {t("colCount")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    {t("colAmount")}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t("colPublishedAt")}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t("colPublishedBy")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {register.publications.map((p, i) => (
                  <tr key={`${p.year}-${p.month}`} className="border-b border-slate-100" data-testid="publication-row">
                    <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums">
                      {p.asAt}
                      {i === 0 ? <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">{t("current")}</span> : null}
                    </th>
                    <td className="px-2 py-1 text-right tabular-nums">{t("monthsOrMore", { n: p.minMonthsLate })}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatNumber(p.count, locale)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{money(p.amount)}</td>
                    <td className="px-2 py-1 tabular-nums">{formatDate(p.publishedAt, locale)}</td>
                    <td className="px-2 py-1" translate="no">
                      {p.publishedBy ?? "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Card>

      {manage ? (
        <Card title={t("importTitle", { date: asAt.date })} data-testid="employers-import">
          <p className="text-sm text-slate-600">{t("importIntro")}</p>
          <div className="mt-2 flex flex-wrap gap-2 text-sm">
            <a
              href={`/api/v1${unitHref}/employers/template.xlsx?year=${asAt.year}&month=${asAt.month}`}
              className={buttonClass({ variant: "secondary" })}
              data-testid="employers-template-xlsx"
              download
            >
              {t("downloadXlsx")}
            </a>
            <a
              href={`/api/v1${unitHref}/employers/template.csv?year=${asAt.year}&month=${asAt.month}`}
              className={buttonClass({ variant: "secondary" })}
              data-testid="employers-template-csv"
              download
            >
              {t("downloadCsv")}
            </a>
          </div>
          <EmployerImport key={`${asAt.year}-${asAt.month}`} unitCode={unit.code} month={{ year: asAt.year, month: asAt.month }} />
        </Card>
      ) : null}
    </div>
  );
}
