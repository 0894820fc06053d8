import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/Button";
import { KeepViewParams } from "@/components/ui/KeepViewParams";

// A plain GET form: works without JavaScript, and the period is in the URL (shareable).
export async function PeriodPicker({ year, quarter, years }: { year: number; quarter: number; years: number[] }) {
  const t = await getTranslations("figures");
  return (
    <form method="get" className="flex flex-wrap items-end gap-2 text-sm print:hidden" aria-label={t("period")} data-testid="period-picker">
      <label className="flex flex-col">
        <span className="text-slate-500">{t("year")}</span>
        <select name="year" defaultValue={year} className="rounded border border-slate-300 px-2 py-1">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("quarter")}</span>
        <select name="quarter" defaultValue={quarter} className="rounded border border-slate-300 px-2 py-1">
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t("quarterN", { q })}
            </option>
          ))}
        </select>
      </label>
      <KeepViewParams except={["year", "quarter"]} />
      <button type="submit" className={buttonClass()}>
        {t("show")}
      </button>
    </form>
  );
}
