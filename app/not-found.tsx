import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/components/ErrorPanel";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <ErrorPanel testId="not-found" title={t("notFoundTitle")} message={t("notFound")} homeLabel={t("backHome")} />;
}
