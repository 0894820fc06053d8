import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { periodFromSearch, periodReplaced, pickerYears, unitPage, firstParam as one, type SearchParams } from "@/lib/data/unit-page.server";
import { multiplesOf, rankingsOf, unitRefsByCode } from "@/lib/data/rankings.server";
import { INDICATOR_KEYS } from "@/lib/domain/metrics";
import { COUNT_TARGET_KEYS, RATE_TARGET_KEYS } from "@/lib/domain/targets";
import { publishedDigits } from "@/lib/domain/ranking";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { keyLabel } from "@/lib/i18n/labels";
import { ServiceError } from "@/lib/figures/errors";
import type { RankingItem, RankingsData } from "@/lib/rankings/service";
import type { SessionUser } from "@/lib/auth/session.server";
import type { ScopedUnit } from "@/lib/auth/scope";
import { StatusBadge } from "@/components/figures/StatusBadge";
import { RankedBarChart, SmallMultiples } from "@/components/rankings/RankingCharts";
import { PrintButton, RankingSettingsForm } from "@/components/rankings/RankingControls";
import { LeagueTable } from "@/components/rankings/LeagueTable";
import { toLeagueRows, toLeagueTotals } from "@/components/rankings/league-rows";
import { PageLoading } from "@/components/ui/PageLoading";
import { buttonClass } from "@/components/ui/Button";
import { KeepViewParams } from "@/components/ui/KeepViewParams";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("rankings");
  return { title: t("link") };
}

export default async function RankingsPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const { user, unit } = await unitPage(code, "/rankings", { levels: ["PROVINCE", "NATION"] });
  const t = await getTranslations();
  const { year, quarter } = periodFromSearch(sp);
  const childrenLabel = unit.level === "NATION" ? t("dashboard.childrenProvinces") : t("dashboard.childrenCommunes");

  // The title at once; the rankings (the longest page to compute) streamed after it.
  return (
    <div data-testid="rankings-page">
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}`} className="text-sm text-brand-700 hover:underline print:hidden">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("rankings.title", { children: childrenLabel, name: unit.name })}</h1>
      </div>
      <Suspense
        key={`${year}-${quarter}-${one(sp.indicator) ?? ""}-${one(sp.weights) ?? ""}`}
        fallback={
          <div className="mt-4">
            <PageLoading shape="rankings" title={false} />
          </div>
        }
      >
        <RankingsSection user={user} unit={unit} sp={sp} year={year} quarter={quarter} childrenLabel={childrenLabel} />
      </Suspense>
    </div>
  );
}

async function RankingsSection({
  user,
  unit,
  sp,
  year,
  quarter,
  childrenLabel,
}: {
  user: SessionUser;
  unit: ScopedUnit;
  sp: SearchParams;
  year: number;
  quarter: number;
  childrenLabel: string;
}) {
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const replaced = periodReplaced(sp, { year, quarter });
  let data: RankingsData;
  let inputError: string | null = null;
  try {
    data = await rankingsOf(unit, { year, quarter }, one(sp.indicator) ?? null, one(sp.weights) ?? null);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    inputError = [e.message, ...e.issues.map((i) => i.message)].join(" ");
    data = await rankingsOf(unit, { year, quarter }, null, null);
  }
  const c = data.indicator;
  const label =
    c.kind === "composite"
      ? t("rankings.composite")
      : c.kind === "attainment"
        ? t("rankings.attainmentOf", { label: keyLabel(c.key!, locale) })
        : keyLabel(c.key!, locale);
  const fmtValue = (v: number | null | undefined) => (c.percent ? formatPercent(v ?? null, locale) : formatNumber(v ?? null, locale));
  const actualPercent = c.key ? (INDICATOR_KEYS as readonly string[]).includes(c.key) : false;
  const byCode = new Map(data.items.map((i) => [i.unit.code, i]));
  const query = new URLSearchParams({
    parent: unit.code,
    year: String(year),
    quarter: String(quarter),
    indicator: c.param,
    ...(one(sp.weights) ? { weights: one(sp.weights)! } : {}),
  });

  // Small multiples: the three first and the three last.
  const topBottom = [
    ...data.items.slice(0, 3).map((i) => ({ i, group: "top" as const })),
    ...data.items.slice(-3).map((i) => ({ i, group: "bottom" as const })),
  ].filter((x, idx, arr) => arr.findIndex((y) => y.i.unit.code === x.i.unit.code) === idx);
  const refs = await unitRefsByCode(topBottom.map((x) => x.i.unit.code));
  const multiples = await multiplesOf(refs, { year, quarter }, c, data.weights ?? []);
  // The line the chart calls "Mốc": the parent's milestone of the quarter (or, ranked on an attainment, the band it must reach).
  const chartTarget = c.kind === "attainment" || c.kind === "composite" ? data.bands.attained : (data.totals.expected ?? null);

  const periodText = t("rankings.periodText", { q: quarter, year });
  const isCeiling = data.items.some((i) => i.margin !== null) || data.totals.margin !== null;
  const totalsName =
    data.totals.provinces !== null && (data.totals.provincesReported ?? 0) < data.totals.provinces
      ? t("rankings.totalsProvinces", { reported: data.totals.provincesReported ?? 0, total: data.totals.provinces })
      : data.totals.partial
        ? t("rankings.totalsPartial", { reported: data.totals.reported, total: data.totals.units })
        : t("rankings.totals", { name: unit.name });
  const reasonText = (u: RankingsData["unranked"][number]) =>
    `${t(`rankings.reason.${u.reason}`)}${u.reportStatus === "DRAFT" || u.reportStatus === "RETURNED" ? ` (${t(`rankings.reportState.${u.reportStatus}`)})` : ""}`;
  const notReported = data.unranked.filter((u) => u.reason === "not_reported");
  const otherUnranked = data.unranked.filter((u) => u.reason !== "not_reported");
  const listCard = (kind: "praise" | "warn" | "criticise", codes: string[]) => (
    <div
      className={`rounded-lg border p-4 ${kind === "praise" ? "border-emerald-300 bg-emerald-50" : kind === "warn" ? "border-amber-300 bg-amber-50" : "border-red-300 bg-red-50"}`}
      data-testid={`list-${kind}`}
    >
      <h3 className="mb-2 font-semibold">{t(`rankings.${kind}`, { n: codes.length })}</h3>
      {codes.length === 0 && <p className="text-sm text-slate-600">{t("rankings.listEmpty")}</p>}
      <ol className="space-y-1.5 text-sm">
        {codes.map((code) => {
          const it = byCode.get(code) as RankingItem;
          return (
            <li key={code}>
              <span className="font-medium" data-list-unit={it.unit.code} data-status={it.status}>
                {`${it.rank}. ${it.unit.name}`}
              </span>{" "}
              <span className="tabular-nums">{fmtValue(it.value)}</span> <span className="text-xs">{`(${t(`figures.status.${it.status}`)})`}</span>
              {kind !== "praise" && unit.level === "PROVINCE" && (
                <div className="text-xs text-slate-700">
                  {it.explanation ? t("rankings.explanation", { text: it.explanation.reason }) : t("rankings.noExplanation")}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );

  // The league table and the ranked bar chart: one packed list of rows, sent once for both.
  const leagueRows = toLeagueRows(data);
  const leagueTotals = toLeagueTotals(
    data,
    totalsName,
    data.totals.partial && data.totals.status === "none" ? t("rankings.partialNotJudged") : t(`figures.status.${data.totals.status}`),
  );

  return (
    <div className="space-y-5 print:space-y-3">
      <div>
        <p className="text-sm text-slate-600" data-testid="rankings-subtitle">
          {label} · {t("figures.quarterN", { q: quarter })}/{year} ·{" "}
          {t("rankings.subtitle", { date: formatDate(data.asAt, locale), generated: formatDate(data.generatedAt, locale) })}
        </p>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-2 text-sm print:hidden" data-testid="rankings-controls">
        <label className="flex flex-col">
          <span className="text-slate-500">{t("figures.year")}</span>
          <select name="year" defaultValue={year} className="rounded border border-slate-300 px-2 py-1">
            {pickerYears().map((yy) => (
              <option key={yy}>{yy}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-slate-500">{t("figures.quarter")}</span>
          <select name="quarter" defaultValue={quarter} className="rounded border border-slate-300 px-2 py-1">
            {[1, 2, 3, 4].map((qq) => (
              <option key={qq} value={qq}>
                {t("figures.quarterN", { q: qq })}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-slate-500">{t("rankings.indicator")}</span>
          <select name="indicator" defaultValue={c.param} className="rounded border border-slate-300 px-2 py-1" data-testid="indicator-select">
            <optgroup label={t("rankings.groupAttainment")}>
              {[...RATE_TARGET_KEYS, ...COUNT_TARGET_KEYS].map((k) => (
                <option key={k} value={`attainment:${k}`}>
                  {t("rankings.attainmentOf", { label: keyLabel(k, locale) })}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("rankings.groupRates")}>
              {INDICATOR_KEYS.map((k) => (
                <option key={k} value={k}>
                  {keyLabel(k, locale)}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("rankings.groupCounts")}>
              {COUNT_TARGET_KEYS.map((k) => (
                <option key={k} value={k}>
                  {keyLabel(k, locale)}
                </option>
              ))}
            </optgroup>
            <option value="composite">{t("rankings.composite")}</option>
          </select>
        </label>
        <KeepViewParams except={["year", "quarter", "indicator"]} />
        <button type="submit" className={buttonClass()}>
          {t("rankings.show")}
        </button>
        <span className="ml-auto flex flex-wrap gap-2">
          <a
            href={`/api/v1/rankings/docx?${query}`}
            className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
            data-testid="download-docx"
          >
            {t("rankings.downloadWord")}
          </a>
          <a
            href={`/api/v1/rankings/xlsx?${query}`}
            className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
            data-testid="download-xlsx"
          >
            {t("rankings.downloadExcel")}
          </a>
          <PrintButton />
        </span>
      </form>
      {replaced && (
        <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="period-replaced">
          {t("rankings.periodReplaced", { q: replaced.quarter, year: replaced.year, shown: t("rankings.periodText", { q: quarter, year }) })}
        </p>
      )}
      {inputError && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {inputError}
        </p>
      )}
      {data.weights && (
        <p className="text-sm text-slate-600" data-testid="weights">
          {t("rankings.weights", { list: data.weights.map((w) => `${keyLabel(w.key, locale)} ${w.weight}`).join(" · ") })}
        </p>
      )}

      {data.totals.partial && (
        <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="partial-note">
          {t("rankings.partialNote", {
            // Numbers, not formatted text: the message formats them ({n, number}); "3.321" passed as text was read as 3,321.
            reported: data.totals.reported,
            total: data.totals.units,
            period: periodText,
          })}
          {data.totals.provinces !== null && (
            <> {t("rankings.provincesReported", { reported: data.totals.provincesReported ?? 0, total: data.totals.provinces })}.</>
          )}
        </p>
      )}
      <section className="grid gap-3 md:grid-cols-2 xl:grid-cols-4 print:grid-cols-4">
        {listCard("praise", data.lists.praise)}
        {listCard("warn", data.lists.warn)}
        {listCard("criticise", data.lists.criticise)}
        <div className="rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="list-late">
          <h3 className="mb-2 font-semibold">{t("rankings.late", { n: data.lateReporters.length })}</h3>
          {data.lateReporters.length === 0 && <p className="text-sm text-slate-600">{t("rankings.listEmpty")}</p>}
          {/* A city's late list may hold a hundred communes: its spans' classes are the list's. */}
          <ul className="space-y-1 text-sm [&_span]:text-xs [&_span]:text-slate-600 [&_strong]:font-medium">
            {data.lateReporters.map((l) => (
              <li key={l.unit.code} data-late-unit={l.unit.code}>
                <strong>{l.unit.name}</strong>{" "}
                <span>
                  {`· ${
                    l.timeliness === "overdue"
                      ? t("rankings.lateOverdue", { date: data.deadline ? formatDate(data.deadline, locale) : "" })
                      : l.timeliness === "late"
                        ? t("rankings.lateLate")
                        : t("rankings.lateProvince", { n: (l.lateCount ?? 0) + (l.overdueCount ?? 0) })
                  }`}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <LeagueTable
        rows={leagueRows}
        totals={leagueTotals}
        format={{ percent: c.percent, actualPercent, attainment: c.kind === "attainment", ceiling: isCeiling, percentDigits: publishedDigits(c) - 2 }}
        year={year}
        quarter={quarter}
        label={t("rankings.tableLabel", { children: childrenLabel })}
      />
      <p className="text-xs text-slate-500">
        {t("rankings.bandsNote", { attained: formatPercent(data.bands.attained, locale, 0), close: formatPercent(data.bands.close, locale, 0) })}
      </p>

      {notReported.length > 0 && (
        <section className="rounded-lg border border-slate-300 bg-white p-4 text-sm" data-testid="not-reported">
          <h2 className="font-semibold">{t("rankings.notReported", { period: periodText, count: notReported.length })}</h2>
          <p className="mb-2 text-slate-600">{t("rankings.unrankedNote")}</p>
          <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {notReported.map((u) => (
              <li key={u.unit.code} data-unit={u.unit.code}>
                {`${u.unit.name} `}
                <span className="text-xs text-slate-500">{`· ${reasonText(u)}`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {otherUnranked.length > 0 && (
        <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="unranked">
          <h2 className="font-semibold">{t("rankings.unranked", { count: otherUnranked.length })}</h2>
          <ul className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
            {otherUnranked.map((u) => (
              <li key={u.unit.code} data-unit={u.unit.code}>
                {`${u.unit.name} `}
                <span className="text-xs text-slate-500">{`· ${reasonText(u)}`}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <RankedBarChart rows={leagueRows} target={chartTarget} percent={c.percent} />
      <SmallMultiples
        percent={c.percent}
        series={topBottom.map((x, idx) => ({
          name: `${x.i.rank}. ${x.i.unit.name}`,
          group: x.group,
          points: multiples[idx] ?? [],
          target: c.kind === "attainment" || c.kind === "composite" ? data.bands.attained : (x.i.target ?? null),
        }))}
      />
      {unit.level === "PROVINCE" && user.role === "CITY_STAFF" && user.tenantId === unit.id && (
        <RankingSettingsForm tenantCode={unit.code} attained={data.bands.attained} close={data.bands.close} listSize={data.listSize} />
      )}
    </div>
  );
}
