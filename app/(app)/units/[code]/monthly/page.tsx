import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { firstParam, unitPage } from "@/lib/data/unit-page.server";
import { monthlyViewOf } from "@/lib/data/monthly.server";
import { TARGET_YEARS, targetDirectionOf } from "@/lib/domain/targets";
import { lastEndedMonth, MONTHLY_METRIC_KEYS, type MonthlyMetricKey } from "@/lib/domain/scenario";
import { METRICS } from "@/lib/domain/metrics";
import { toLocale } from "@/lib/i18n/config";
import { keyLabel, metricLabel } from "@/lib/i18n/labels";
import { ScenarioGrid } from "@/components/monthly/ScenarioGrid";
import { MonthlyComparison } from "@/components/monthly/MonthlyComparison";
import { MonthlyFiguresForm } from "@/components/monthly/MonthlyFiguresForm";
import { MonthlyImport } from "@/components/monthly/MonthlyImport";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("monthly");
  return { title: t("link") };
}

// Month by month (issue 15): each month's actual against the unit's monthly scenario and what the
// next month needs; the scenario grid (whoever sets the unit's targets edits it); the monthly figures
// (the city's staff enter them, months that have ended only).
export default async function MonthlyPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const { user, unit } = await unitPage(code, "/monthly", { levels: ["NATION", "PROVINCE", "COMMUNE", "VILLAGE"] });
  const t = await getTranslations("monthly");
  const locale = toLocale(await getLocale());
  const ended = lastEndedMonth();
  const y = Number(firstParam(sp.year));
  const year = Number.isInteger(y) && y >= TARGET_YEARS.min && y <= TARGET_YEARS.max ? y : Math.min(TARGET_YEARS.max, Math.max(TARGET_YEARS.min, ended.year));
  const view = await monthlyViewOf(user, unit, year);
  const years = Array.from({ length: TARGET_YEARS.max - TARGET_YEARS.min + 1 }, (_, i) => TARGET_YEARS.min + i);
  const labels = Object.fromEntries(view.scenario.targets.map((r) => [r.key, keyLabel(r.key, locale)]));
  const measured = view.scenario.targets.filter((r) => view.measured.includes(r.key));
  const unmeasured = view.scenario.targets.filter((r) => !view.measured.includes(r.key));
  const figureLabels = Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, metricLabel(k, locale)])) as Record<MonthlyMetricKey, string>;
  const figureUnits = Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, t(METRICS[k].unit === "vnd" ? "unitVnd" : "unitPeople")])) as Record<
    MonthlyMetricKey,
    string
  >;
  // The form opens on the latest ended month of the year without figures, else the latest ended one.
  const endedMonths = view.figures.months.filter((m) => m.ended);
  const initialMonth = [...endedMonths].reverse().find((m) => !m.figures)?.month ?? endedMonths.at(-1)?.month ?? 1;
  const unitHref = `/units/${encodeURIComponent(unit.code)}`;
  // The form keeps what it saved; after an import (a refresh) it starts again from the stored months.
  const figuresKey = `${unit.code}-${year}-${view.figures.months.map((m) => m.version).join(".")}`;
  const ti = await getTranslations("monthly.import");
  return (
    <div className="space-y-5" data-testid="monthly-page">
      <div>
        <Link href={unitHref} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="monthly-title">
          {t("title", { year })} · {unit.name}
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        <nav className="mt-2 flex flex-wrap gap-1 text-sm" aria-label={t("year")}>
          {years.map((yy) => (
            <Link
              key={yy}
              href={`?year=${yy}`}
              aria-current={yy === year ? "page" : undefined}
              className={`rounded px-2.5 py-1 ${yy === year ? "bg-brand-600 text-white" : "border border-slate-300 hover:bg-slate-100"}`}
            >
              {yy}
            </Link>
          ))}
        </nav>
      </div>
      {view.scenario.targets.length === 0 ? (
        <p className="rounded bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="no-targets">
          {t("noTargets", { year })}
        </p>
      ) : (
        <>
          {view.figuresLevel ? (
            <MonthlyComparison
              year={year}
              rows={view.rows}
              latestMonth={view.latestMonth}
              needs={view.needs}
              targets={measured.map((r) => ({ key: r.key, kind: r.kind, lower: targetDirectionOf(r.key) === "lower" }))}
              labels={labels}
            />
          ) : (
            <p className="rounded bg-slate-50 px-3 py-2 text-sm text-slate-600">{t("noFiguresLevel")}</p>
          )}
          {view.figuresLevel && unmeasured.length > 0 && (
            <p className="text-xs text-slate-500">{t("notMeasured", { labels: unmeasured.map((r) => labels[r.key]).join(", ") })}</p>
          )}
          <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="scenario-title">
            <h2 id="scenario-title" className="mb-1 text-lg font-semibold">
              {t("scenarioTitle")}
            </h2>
            <p className="mb-3 max-w-3xl text-sm text-slate-600">{t("scenarioIntro")}</p>
            <ScenarioGrid key={`${unit.code}-${year}`} unitCode={unit.code} view={view.scenario} labels={labels} />
          </section>
        </>
      )}
      {view.figuresLevel && view.figures.editable && (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="figures-title">
          <h2 id="figures-title" className="mb-1 text-lg font-semibold">
            {t("figuresTitle")}
          </h2>
          <p className="mb-3 max-w-3xl text-sm text-slate-600">{t("figuresIntro")}</p>
          <MonthlyFiguresForm
            key={figuresKey}
            unitCode={unit.code}
            year={year}
            months={view.figures.months}
            labels={figureLabels}
            units={figureUnits}
            initialMonth={initialMonth}
          />
        </section>
      )}
      {view.figuresLevel && view.figures.editable && (
        <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="monthly-import-title">
          <h2 id="monthly-import-title" className="mb-1 text-lg font-semibold">
            {ti("title")}
          </h2>
          <p className="mb-3 max-w-3xl text-sm text-slate-600">{ti("intro", { year })}</p>
          <MonthlyImport key={`${unit.code}-${year}`} unitCode={unit.code} year={year} />
        </section>
      )}
    </div>
  );
}
