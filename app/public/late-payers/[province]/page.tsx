import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { latePayersOf } from "@/lib/data/employers.server";
import { formatDate, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { WithData, dataMark } from "@/components/ui/Field";

type Props = { params: Promise<{ province: string }> };

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { province } = await params;
  const list = await latePayersOf(province);
  const t = await getTranslations("publicLatePayers");
  return { title: list ? t("metaTitle", { province: list.province.name }) : t("notFoundTitle") };
}

// The published list of employers N+ months late of a province (as Hue-S publishes it), for everyone,
// without sign-in: the latest month published, the published fields only. Unknown province or nothing
// published: 404.
export default async function PublicLatePayersPage({ params }: Props) {
  const { province } = await params;
  const list = await latePayersOf(province);
  if (!list) notFound();
  const t = await getTranslations("publicLatePayers");
  const locale = toLocale(await getLocale());
  const csv = `/public/late-payers/${encodeURIComponent(list.province.code)}.csv`;
  return (
    <div className="space-y-4" data-testid="public-late-payers">
      <div>
        <p className="text-sm text-slate-600">
          <WithData text={t("kicker", { province: dataMark(0) })} values={[list.province.name]} />
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{t("title", { n: list.minMonthsLate })}</h1>
        <p className="mt-1 text-sm" data-testid="public-as-at">
          {t("asAt", { date: list.asAt, published: formatDate(list.publishedAt, locale) })}
        </p>
        <p className="text-sm">{t("summary", { count: list.entries.length, amount: formatNumber(list.total, locale) })}</p>
        <p className="mt-2 text-sm">
          <a href={csv} className="font-medium text-brand-700 underline" data-testid="public-csv" download>
            {t("csv")}
          </a>
        </p>
      </div>
      {list.entries.length === 0 ? (
        <p className="text-sm">{t("none", { n: list.minMonthsLate })}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="public-table">
            <caption className="px-3 py-2 text-left font-medium">{t("caption", { n: list.minMonthsLate, date: list.asAt })}</caption>
            <thead className="bg-slate-50">
              <tr className="text-left">
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("colName")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("colTaxCode")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("colAddress")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("colMonthsLate")}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t("colAmountLate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((e) => (
                <tr key={e.taxCode} className="border-t border-slate-100 align-top" data-testid="public-row">
                  <th scope="row" className="px-3 py-1.5 text-left font-medium" translate="no">
                    {e.name}
                  </th>
                  <td className="px-3 py-1.5 tabular-nums">{e.taxCode}</td>
                  <td className="px-3 py-1.5" translate="no">
                    {e.address}
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(e.monthsLate, locale)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(e.amountLate, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-slate-600">
        <WithData text={t("note", { province: dataMark(0) })} values={[list.province.name]} />
      </p>
    </div>
  );
}
