import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { unitPage } from "@/lib/data/unit-page.server";
import { dashboardOf, reportOf } from "@/lib/data/figures.server";
import { TARGET_KEYS } from "@/lib/domain/targets";
import type { Milestone } from "@/lib/domain/milestones";
import { estimateOpen, isPeriodEnded, lastEndedPeriod, previousPeriod, quarterEnd, MIN_YEAR, MAX_YEAR } from "@/lib/domain/period";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { QuarterForm } from "@/components/figures/QuarterForm";
import { reviewOf } from "@/lib/data/review.server";
import { prisma } from "@/lib/db.server";
import { changeThresholdOf } from "@/lib/quality/settings";
import { can } from "@/lib/auth/permissions";
import { ReportThread } from "@/components/review/ReportThread";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("figures");
  return { title: t("enter") };
}

export default async function ReportPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  // Only the commune's own officer enters its figures. Whoever may see the unit but not enter its
  // figures (city staff, leaders) is told so and sent to the unit's page, where the report is shown
  // with its review; whoever may not see the unit gets 403 from the scope gate.
  const { user, unit, ref } = await unitPage(code, "/report");
  const t = await getTranslations("figures");
  if (!can(user, "figures.enter", ref)) {
    const qs =
      typeof sp.year === "string"
        ? `?year=${encodeURIComponent(sp.year)}${typeof sp.quarter === "string" ? `&quarter=${encodeURIComponent(sp.quarter)}` : ""}`
        : "";
    return (
      <div className="space-y-3" data-testid="report-read-only">
        <p className="text-sm text-slate-500">{unit.name}</p>
        <h1 className="text-2xl font-semibold">{t("form.readOnlyTitle")}</h1>
        <p className="rounded bg-slate-100 px-3 py-2">{t(unit.level === "COMMUNE" ? "form.onlyOfficer" : "form.noFiguresHere", { unit: unit.name })}</p>
        <Link
          href={`/units/${encodeURIComponent(unit.code)}${qs}`}
          className="inline-block rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          data-testid="report-unit-link"
        >
          {t("form.seeOnUnitPage")}
        </Link>
      </div>
    );
  }

  const locale = toLocale(await getLocale());
  const def = lastEndedPeriod();
  const y = Number(sp.year);
  const q = Number(sp.quarter);
  const year = Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : def.year;
  const kind = sp.kind === "estimate" ? "estimate" : "actual";
  const quarter = kind === "estimate" ? 4 : Number.isInteger(q) && q >= 1 && q <= 4 ? q : def.quarter;

  const back = (
    <Link href={`/units/${encodeURIComponent(unit.code)}`} className="text-brand-700 hover:underline">
      {t("form.back")}
    </Link>
  );
  if (kind === "actual" && !isPeriodEnded({ year, quarter })) {
    return (
      <div className="space-y-3" data-testid="period-closed">
        <p className="rounded bg-amber-50 px-3 py-2">{t("form.futureQuarter", { q: quarter, year })}</p>
        {back}
      </div>
    );
  }
  if (kind === "estimate" && !estimateOpen(year)) {
    return (
      <div className="space-y-3" data-testid="period-closed">
        <p className="rounded bg-amber-50 px-3 py-2">{t("form.estimateClosed", { year })}</p>
        {back}
      </div>
    );
  }

  const [report, prev, view, review, changeThreshold] = await Promise.all([
    reportOf(ref, { year, quarter }, kind),
    kind === "estimate" ? reportOf(ref, { year, quarter: 3 }, "actual") : reportOf(ref, previousPeriod({ year, quarter }), "actual"),
    // The targets, and the period's milestone of each count target as the dashboard judges it (baseline, overrides, scenario).
    dashboardOf(ref, { year, quarter }, kind),
    reviewOf(ref, { year, quarter }),
    // The city's threshold of the previous-quarter check, as the server applies it on save.
    prisma().then((db) => changeThresholdOf(db, ref.tenantId)),
  ]);
  const lastReturn = [...review.events].reverse().find((e) => e.action === "RETURN" || e.action === "REOPEN");
  const milestones: Record<string, Milestone> = {};
  for (const k of TARGET_KEYS) {
    const value = view.expected[k];
    const basis = view.expectedBasis[k];
    if (typeof value === "number" && basis) milestones[k] = { value, basis };
  }

  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-slate-500">{unit.name}</p>
        <h1 className="text-2xl font-semibold" data-testid="form-title">
          {kind === "estimate" ? t("form.titleEstimate", { year }) : t("form.title", { q: quarter, year })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("form.intro", { date: formatDate(quarterEnd(year, quarter), locale) })}</p>
      </div>
      <QuarterForm
        key={`${year}-${quarter}-${kind}`}
        unitCode={unit.code}
        unitName={unit.name}
        year={year}
        quarter={quarter}
        kind={kind}
        initial={report?.figures ?? null}
        status={report?.status ?? null}
        version={report?.version ?? null}
        previous={prev?.figures ?? null}
        changeThreshold={changeThreshold}
        targets={view.targets}
        milestones={milestones}
        bands={view.bands}
        returnComment={kind === "actual" ? (lastReturn?.comment ?? null) : null}
      />
      {kind === "actual" && report && (
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="form-thread">
          <h2 className="text-lg font-semibold">{t("form.threadTitle")}</h2>
          <ReportThread unitCode={unit.code} year={year} quarter={quarter} items={review.thread} canReply reported heading={false} />
        </section>
      )}
    </div>
  );
}
