import { getTranslations } from "next-intl/server";

// Shown while the quarter's figures are checked (one query over the province, then the scores).
export default async function QualityLoading() {
  const t = await getTranslations("quality");
  return (
    <div className="space-y-4" aria-busy="true">
      <p role="status" className="text-sm text-slate-600">
        {t("loading")}
      </p>
      <div className="h-8 w-2/3 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
