import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { periodFromSearch, periodReplaced, pickerYears, unitForPage, unitPage } from "@/lib/data/unit-page.server";
import { PeriodReplacedNotice } from "@/components/figures/PeriodReplacedNotice";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session.server";
import { findUnitById, listChildren, type UnitRow } from "@/lib/data/units.server";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { UnitList } from "@/components/UnitList";
import { toListItems } from "@/components/unit-list-items";
import { dashboardOf, trendOf, yearReportsOf } from "@/lib/data/figures.server";
import { INDICATOR_KEYS } from "@/lib/domain/metrics";
import { indicatorLabel } from "@/lib/i18n/labels";
import { Dashboard } from "@/components/figures/Dashboard";
import { PeriodPicker } from "@/components/figures/PeriodPicker";
import { QuarterList } from "@/components/figures/QuarterList";
import { TrendChart, type TrendRow } from "@/components/figures/TrendChart";
import { PathChart, type PathSeries } from "@/components/figures/PathChart";
import { ReviewPanel } from "@/components/review/ReviewPanel";
import { Explanations, type ExplanationItem } from "@/components/review/Explanations";
import { availableActions, mayPostComment } from "@/lib/domain/workflow";
import { reviewOf } from "@/lib/data/review.server";
import { formatNumber, formatPercent, formatPoints } from "@/lib/format";
import { keyLabel } from "@/lib/i18n/labels";
import { pathDataOf } from "@/lib/data/figures.server";
import { actualForTarget, FIGURE_COUNT_TARGET_KEYS, isTargetKey } from "@/lib/domain/targets";
import { participantsTarget, pathJudgeable } from "@/lib/domain/path2030";
import { metricLabel } from "@/lib/i18n/labels";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The unit's name only for a user who may see the unit: the title is never read before the scope check.
export async function generateMetadata({ params }: Props) {
  const { code } = await params;
  const user = await currentUser();
  const unit = await unitForPage(user, code);
  return { title: unit ? unit.name : code };
}

export default async function UnitPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const period = periodFromSearch(sp);
  const { user, unit, ref: unitRef } = await unitPage(code);

  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  // The path from the nation down to this unit, each step linked only where the user may go.
  const ancestors: UnitRow[] = [];
  for (let p = unit.parentId; p !== null;) {
    const parent = await findUnitById(p);
    if (!parent) break;
    ancestors.unshift(parent);
    p = parent.parentId;
  }
  const parent = ancestors.at(-1) ?? null;
  const canEdit = can(user, "figures.enter", unitRef);
  // Offer "set targets" when the user may set this unit's targets or those of the units below it.
  const childLevel = unit.level === "NATION" ? "PROVINCE" : unit.level === "PROVINCE" ? "COMMUNE" : "VILLAGE";
  const canSetAny =
    can(user, "targets.set", unit, { year: period.year }) ||
    can(user, "targets.set", { id: -1, level: childLevel, parentId: unit.id, tenantId: unit.level === "NATION" ? -1 : unit.tenantId }, { year: period.year });
  const years = pickerYears();
  const [view, trend, yearReports, pathData] = await Promise.all([
    dashboardOf(unitRef, period),
    trendOf(unitRef, Math.min(2024, period.year), period),
    yearReportsOf(unitRef, period.year),
    pathDataOf(unitRef, period),
  ]);
  const review = unit.level === "COMMUNE" ? await reviewOf(unitRef, period) : null;
  const explanationItems: ExplanationItem[] =
    unit.level === "COMMUNE"
      ? Object.keys(view.targets)
          .filter((k) => isTargetKey(k) && (view.statuses[k] === "behind" || view.statuses[k] === "close"))
          .map((k) => {
            const isRate = view.targetDetails[k]?.kind === "RATE";
            const actual = isTargetKey(k) ? actualForTarget(k, view.figures, view.indicators) : null;
            const fmt = (v: number | null) => (isRate ? formatPercent(v, locale) : formatNumber(v, locale));
            return {
              key: k,
              label: keyLabel(k, locale),
              value: fmt(actual),
              target: fmt(view.expected[k] ?? null),
              attainment:
                view.margins[k] !== null && view.margins[k] !== undefined
                  ? formatPoints(view.margins[k], locale)
                  : formatPercent(view.attainment[k] ?? null, locale),
              status: view.statuses[k],
              explanation: review?.explanations[k] ?? null,
            };
          })
      : [];
  // Path to 2030: participants (Resolution 403's measure) first, then each count target. Judged by the
  // dashboards' rule (pathJudgeable): on the period's own figures, whole; otherwise the year is left off.
  const pathWhole = pathJudgeable({ hasReport: view.counted, reported: view.aggregate?.reported ?? null, total: view.aggregate?.total ?? null });
  const pathHistory = pathWhole ? pathData.history : pathData.history.filter((h) => h.year < period.year);
  const periodText = t("rankings.periodText", { q: period.quarter, year: period.year });
  const pathWithheld = pathWhole
    ? null
    : view.aggregate && view.aggregate.reported > 0
      ? t("path.withheldPartial", { period: periodText, reported: view.aggregate.reported, total: view.aggregate.total, year: period.year })
      : t("path.withheldNotReported", { period: periodText, year: period.year });
  const pathSeries: PathSeries[] = [
    {
      key: "participants",
      label: t("path.participants"),
      unit: "people",
      history: pathHistory.flatMap((h) =>
        h.figures.bhxhCompulsory !== null && h.figures.bhxhVoluntary !== null
          ? [{ year: h.year, value: h.figures.bhxhCompulsory + h.figures.bhxhVoluntary }]
          : [],
      ),
      target2030: participantsTarget(pathData.targets),
    },
    ...FIGURE_COUNT_TARGET_KEYS.map((k) => ({
      key: k,
      label: metricLabel(k, locale),
      unit: (k === "amountCollected" ? "vnd" : "people") as "vnd" | "people",
      history: pathHistory.flatMap((h) => (h.figures[k] !== null ? [{ year: h.year, value: h.figures[k]! }] : [])),
      target2030: pathData.targets[k] ?? null,
    })),
  ];
  const trendRows: TrendRow[] = trend.map((p) => ({
    label: `Q${p.quarter}/${p.year}`,
    year: p.year,
    values: p.indicators ?? {},
    targets: Object.fromEntries(INDICATOR_KEYS.map((k) => [k, p.targets[k] ?? null])),
  }));
  const children = await listChildren(unit.id);
  const link = (u: UnitRow) =>
    can(user, "unit.view", u) ? (
      <Link href={`/units/${encodeURIComponent(u.code)}`} className="text-brand-700 hover:underline" translate="no">
        {u.name}
      </Link>
    ) : (
      <span translate="no">{u.name}</span>
    );

  return (
    <div className="space-y-6" data-testid="unit-page" data-unit-code={unit.code}>
      <nav aria-label="breadcrumb" className="text-sm text-slate-500" translate="no">
        <ol className="flex flex-wrap gap-1">
          {ancestors.map((a) => (
            <li key={a.id} className="after:ml-1 after:content-['›']">
              {link(a)}
            </li>
          ))}
          <li aria-current="page" className="text-slate-700">
            {unit.name}
          </li>
        </ol>
      </nav>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h1 className="text-2xl font-semibold" data-testid="unit-name">
          {unit.name}
        </h1>
        {unit.validTo && <p className="mt-2 rounded bg-slate-100 px-3 py-2 text-sm">{t("unit.retired", { date: formatDate(unit.validTo, locale) })}</p>}
        <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">{t("unit.code")}</dt>
          <dd className="tabular-nums">{unit.code}</dd>
          <dt className="text-slate-500">{t("unit.type")}</dt>
          <dd>{t(`unitTypes.${unit.type}`)}</dd>
          <dt className="text-slate-500">{t("unit.level")}</dt>
          <dd>{t(`unitLevels.${unit.level}`)}</dd>
          {parent && (
            <>
              <dt className="text-slate-500">{t("unit.parent")}</dt>
              <dd data-testid="unit-parent">{link(parent)}</dd>
            </>
          )}
          <dt className="text-slate-500">{t("unit.validFrom")}</dt>
          <dd>
            {formatDate(unit.validFrom, locale)}
            {!unit.validTo && <span className="text-slate-500"> ({t("unit.current")})</span>}
          </dd>
          {unit.validTo && (
            <>
              <dt className="text-slate-500">{t("unit.validTo")}</dt>
              <dd>{formatDate(unit.validTo, locale)}</dd>
            </>
          )}
        </dl>
      </section>

      <div className="flex flex-wrap items-end justify-between gap-3">
        <PeriodPicker year={period.year} quarter={period.quarter} years={years} />
        <div className="flex flex-wrap gap-2 text-sm">
          {(unit.level === "PROVINCE" || unit.level === "NATION") && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/dashboard?year=${period.year}&quarter=${period.quarter}`}
              className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              data-testid="link-dashboard"
            >
              {t("dashboard.link")}
            </Link>
          )}
          {(unit.level === "PROVINCE" || unit.level === "NATION") && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/rankings?year=${period.year}&quarter=${period.quarter}`}
              className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              data-testid="link-rankings"
            >
              {t("rankings.link")}
            </Link>
          )}
          {(unit.level === "PROVINCE" || unit.level === "NATION") && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/completeness?year=${period.year}&quarter=${period.quarter}`}
              className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              data-testid="link-completeness"
            >
              {t("review.completenessLink")}
            </Link>
          )}
          {unit.level === "PROVINCE" && can(user, "figures.import", unitRef) && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/import?year=${period.year}&quarter=${period.quarter}`}
              className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              data-testid="link-import"
            >
              {t("imports.link")}
            </Link>
          )}
          {unit.level === "PROVINCE" && can(user, "employers.view", unitRef) && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/employers`}
              className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              data-testid="link-employers"
            >
              {t("employers.link")}
            </Link>
          )}
          <Link
            href={`/units/${encodeURIComponent(unit.code)}/history`}
            className="rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
            data-testid="link-history"
          >
            {t("review.historyLink")}
          </Link>
          {unit.level !== "VILLAGE" && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/targets?year=${Math.min(2030, Math.max(2025, period.year))}`}
              className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              data-testid="link-targets"
            >
              {canSetAny ? t("targets.link") : t("targets.linkView")}
            </Link>
          )}
          {unit.level !== "VILLAGE" && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/document?year=${period.year}&quarter=${period.quarter}`}
              className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              data-testid="link-report"
            >
              {t("report.link")}
            </Link>
          )}
          {unit.level !== "VILLAGE" && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/milestones?year=${Math.min(2030, Math.max(2025, period.year))}`}
              className="rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
              data-testid="link-milestones"
            >
              {t("milestones.link")}
            </Link>
          )}
          {unit.level !== "NATION" && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/monthly?year=${Math.min(2030, Math.max(2025, period.year))}`}
              className="rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
              data-testid="link-monthly"
            >
              {t("monthly.link")}
            </Link>
          )}
          {unit.level === "COMMUNE" && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/villages?year=${period.year}&quarter=${period.quarter}`}
              className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
              data-testid="link-villages"
            >
              {t("villages.link")}
            </Link>
          )}
        </div>
      </div>
      <PeriodReplacedNotice requested={periodReplaced(sp, period)} shown={period} />
      {review && (
        <ReviewPanel
          key={`${period.year}-${period.quarter}`}
          unitCode={unit.code}
          year={period.year}
          quarter={period.quarter}
          status={view.status}
          version={view.version}
          unitName={unit.name}
          events={review.events}
          actions={availableActions(user, unitRef, view.status)}
          reviewer={can(user, "report.review", unitRef)}
          figures={view.status !== null ? view.figures : null}
          thread={review.thread}
          canReply={mayPostComment(user, unitRef)}
        />
      )}
      <Dashboard view={view} locale={locale} />
      {review && (
        <Explanations
          unitCode={unit.code}
          year={period.year}
          quarter={period.quarter}
          items={explanationItems}
          canWrite={user.role === "COMMUNE_OFFICER" && user.unitId === unit.id}
          reported={view.status !== null}
        />
      )}
      {unit.level !== "VILLAGE" && <TrendChart rows={trendRows} options={INDICATOR_KEYS.map((k) => ({ key: k, label: indicatorLabel(k, locale) }))} />}
      {unit.level !== "VILLAGE" && <PathChart series={pathSeries} currentYear={period.year} withheld={pathWithheld} />}
      {unit.level !== "VILLAGE" && <QuarterList data={yearReports} unitCode={unit.code} canEdit={canEdit} locale={locale} />}

      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-lg font-semibold">{t("unit.children", { count: children.length })}</h2>
        <UnitList items={toListItems(user, children)} testId="unit-children" />
      </section>
    </div>
  );
}
