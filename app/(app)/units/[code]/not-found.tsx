import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/components/ErrorPanel";

export default async function UnitNotFound() {
  const t = await getTranslations("errors");
  return <ErrorPanel testId="unit-not-found" title={t("notFoundTitle")} message={t("unitNotFoundGeneric")} homeLabel={t("backHome")} />;
}
