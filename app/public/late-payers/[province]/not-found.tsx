import Link from "next/link";
import { getTranslations } from "next-intl/server";

// An unknown province, or one that has published nothing: a clear page with HTTP 404.
export default async function PublicLatePayersNotFound() {
  const t = await getTranslations("publicLatePayers");
  return (
    <div className="mx-auto max-w-xl space-y-3 py-10" data-testid="public-not-found">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-sm text-slate-700">{t("notFound")}</p>
      <p className="text-sm">
        <Link href="/" className="text-brand-700 underline">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
