import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/components/ErrorPanel";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return <ErrorPanel testId="forbidden" title={t("forbiddenTitle")} message={t("forbidden")} homeLabel={t("backHome")} />;
}
