import { getTranslations } from "next-intl/server";
import type { Period } from "@/lib/domain/period";

/** Says so when the page shows another period than the URL asked for (a quarter not ended, out of range). */
export async function PeriodReplacedNotice({ requested, shown }: { requested: Period | null; shown: Period }) {
  if (!requested) return null;
  const t = await getTranslations("rankings");
  return (
    <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="period-replaced">
      {t("periodReplaced", { q: requested.quarter, year: requested.year, shown: t("periodText", { q: shown.quarter, year: shown.year }) })}
    </p>
  );
}
