import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session.server";
import { prisma } from "@/lib/db.server";
import { scopeUnit } from "@/lib/auth/scope";
import { ServiceError } from "@/lib/figures/errors";
import { AUDIT_ENTITIES } from "@/lib/audit/audit";
import {
  figureHistory,
  formatAuditTime,
  formatAuditValue,
  queryObject,
  unitHistory,
  REPORT_STATUS_LABELS,
  type FigureHistory,
  type UnitHistory,
} from "@/lib/audit/queries";
import { METRIC_KEYS } from "@/lib/domain/metrics";
import { RATE_TARGET_KEYS } from "@/lib/domain/targets";
import { keyLabel, isMetricKey } from "@/lib/i18n/labels";
import {
  ActorCell,
  AuditPager,
  ChangeCell,
  auditEntityLabel,
  auditHeading,
  auditFieldLabel,
  auditHref,
  auditPeriodText,
  auditShowsField,
} from "@/components/audit/AuditParts";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { PlainDataTable } from "@/components/ui/DataTable";
import { buttonClass } from "@/components/ui/Button";
import { Recorded } from "@/components/ui/Recorded";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The "history" namespace's translator. */
type T = Awaited<ReturnType<typeof getTranslations>>;

const OTHER_FIELDS = ["status", "name", "validTo"] as const;

export async function generateMetadata() {
  const t = await getTranslations("history");
  return { title: t("title") };
}

/** 404 and 403 become the app's pages; a 422 (a malformed filter) is shown above the form. */
async function attempt<R>(fn: () => Promise<R>): Promise<{ data: R; error: null } | { data: null; error: ServiceError }> {
  let error: ServiceError;
  try {
    return { data: await fn(), error: null };
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    error = e;
  }
  if (error.status === 404) notFound();
  if (error.status === 403) forbidden();
  return { data: null, error };
}

const fieldLabel = auditFieldLabel;
const entityLabel = auditEntityLabel;

export default async function HistoryPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = queryObject(await searchParams);
  const user = await requireUser(`/units/${code}/history`);
  let clean = "";
  try {
    clean = decodeURIComponent(code).trim();
  } catch {
    notFound();
  }
  const db = await prisma();
  const unit = (await attempt(() => scopeUnit(db, user, clean))).data!;
  const t = await getTranslations("history");
  const locale = toLocale(await getLocale());
  const base = `/units/${encodeURIComponent(unit.code)}/history`;

  // ?year=&quarter=&field= (a reported figure): that figure's own history.
  const figureMode = !!(sp.year && sp.quarter && sp.field && isMetricKey(sp.field) && (!sp.entity || sp.entity === "figure"));
  const figure = figureMode ? await attempt(() => figureHistory(db, user, unit.code, sp.year, sp.quarter, sp.field, sp.kind || "actual")) : null;
  const history = figure?.data ? null : await attempt(() => unitHistory(db, user, unit.code, sp));
  const error = figure?.error ?? history?.error ?? null;

  return (
    <div className="space-y-5" data-testid="history-page" data-unit-code={unit.code}>
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}`} className="text-sm text-brand-700 hover:underline">
          ← {unit.name}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">{t("heading", { name: unit.name })}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>

      {error && (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="history-error">
          <p className="font-medium">{t("invalid")}</p>
          <ul className="list-disc pl-5">
            {(error.issues.length ? error.issues : [{ path: "", message: error.message }]).map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}

      {figure?.data ? (
        <FigureView t={t} locale={locale} data={figure.data} back={base} />
      ) : (
        <>
          <Filters t={t} locale={locale} sp={sp} base={base} />
          {history?.data && <HistoryTable t={t} locale={locale} data={history.data} base={base} sp={sp} unitCode={unit.code} />}
        </>
      )}
    </div>
  );
}

function Filters({ t, locale, sp, base }: { t: T; locale: Locale; sp: Record<string, string>; base: string }) {
  const fields: string[] = [...METRIC_KEYS, ...RATE_TARGET_KEYS, ...OTHER_FIELDS];
  if (sp.field && !fields.includes(sp.field)) fields.push(sp.field);
  const input = "rounded border border-slate-300 px-2 py-1";
  return (
    <form
      method="get"
      action={base}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      aria-label={t("filters")}
      data-testid="history-filters"
    >
      <label className="flex flex-col">
        <span className="text-slate-500">{t("entity")}</span>
        <select name="entity" defaultValue={sp.entity ?? ""} className={input}>
          <option value="">{t("all")}</option>
          {AUDIT_ENTITIES.map((e) => (
            <option key={e} value={e}>
              {entityLabel(t, e)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex max-w-xs flex-col">
        <span className="text-slate-500">{t("field")}</span>
        <select name="field" defaultValue={sp.field ?? ""} className={input}>
          <option value="">{t("all")}</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(t, f, locale)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("year")}</span>
        <input type="number" name="year" min={2015} max={2035} defaultValue={sp.year ?? ""} placeholder={t("anyYear")} className={`${input} w-28`} />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("quarter")}</span>
        <select name="quarter" defaultValue={sp.quarter ?? ""} className={input}>
          <option value="">{t("anyQuarter")}</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={q}>
              {t("quarterN", { q })}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("from")}</span>
        <input type="date" name="from" defaultValue={sp.from ?? ""} className={input} />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("to")}</span>
        <input type="date" name="to" defaultValue={sp.to ?? ""} className={input} />
      </label>
      <button type="submit" className={buttonClass()}>
        {t("apply")}
      </button>
      <Link href={base} className="px-1 py-1.5 text-brand-700 hover:underline">
        {t("reset")}
      </Link>
    </form>
  );
}

const periodText = auditPeriodText;
const withParams = auditHref;

function HistoryTable({
  t,
  locale,
  data,
  base,
  sp,
  unitCode,
}: {
  t: T;
  locale: Locale;
  data: UnitHistory;
  base: string;
  sp: Record<string, string>;
  unitCode: string;
}) {
  return (
    <section className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="history-total">
        {t("total", { total: data.total })}
      </p>
      {data.items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white px-4 py-6 text-center text-slate-600" data-testid="history-empty">
          {t("empty")}
        </p>
      ) : (
        <PlainDataTable
          label={t("title")}
          testId="history-table"
          columns={[
            { key: "time", header: t("colTime"), className: "whitespace-nowrap tabular-nums" },
            { key: "actor", header: t("colActor") },
            { key: "what", header: t("colWhat") },
            { key: "change", header: t("colChange"), className: "whitespace-nowrap tabular-nums" },
            { key: "reason", header: t("colReason"), className: "max-w-md text-slate-700" },
          ]}
          rows={data.items.map((i) => ({
            key: String(i.id),
            attrs: { "data-testid": "history-row", "data-entity": i.entity, "data-field": i.field ?? "" },
            className: "border-t border-slate-100 align-top",
            cells: {
              time: formatAuditTime(i.at, locale),
              actor: <ActorCell item={i} t={t} />,
              what: (
                <>
                  <span className="font-medium">{auditHeading(t, i, locale)}</span>
                  {auditShowsField(i) && <span> · {fieldLabel(t, i.field, locale)}</span>}
                  {i.period && <span className="text-slate-600"> · {periodText(t, i.period)}</span>}
                  {i.unit && i.unit.code !== unitCode && <span className="block text-xs text-slate-500">{i.unit.name}</span>}
                  {i.entity === "figure" && i.period && i.field && isMetricKey(i.field) && (
                    <Link
                      href={withParams(
                        base,
                        {},
                        { year: i.period.year, quarter: i.period.quarter, field: i.field, kind: i.period.kind === "estimate" ? "estimate" : null },
                      )}
                      className="block text-xs text-brand-700 hover:underline"
                      data-testid="figure-history-link"
                    >
                      {t("figureLink")}
                    </Link>
                  )}
                </>
              ),
              change: <ChangeCell item={i} locale={locale} t={t} />,
              reason: <Recorded text={i.reason} locale={locale} />,
            },
          }))}
        />
      )}
      <AuditPager t={t} page={data.page} pages={data.pages} hrefFor={(n) => withParams(base, sp, { page: n })} testId="history-pagination" />
    </section>
  );
}

function FigureView({ t, locale, data, back }: { t: T; locale: Locale; data: FigureHistory; back: string }) {
  const label = keyLabel(data.metric, locale);
  const title =
    data.kind === "estimate" ? t("figureTitleEstimate", { label, year: data.year }) : t("figureTitle", { label, year: data.year, quarter: data.quarter });
  const value = (v: string | null) => formatAuditValue("figure", data.metric, v, locale);
  return (
    <section className="space-y-3" data-testid="figure-history" data-metric={data.metric}>
      <Link href={back} className="text-sm text-brand-700 hover:underline">
        {t("allHistory")}
      </Link>
      <h2 className="text-xl font-semibold" data-testid="figure-history-title">
        {title}
      </h2>
      {data.report ? (
        <p className="text-sm text-slate-600">
          {t("figureCurrent", {
            value: value(data.report.value === null ? null : String(data.report.value)),
            status: REPORT_STATUS_LABELS[locale][data.report.status],
          })}
        </p>
      ) : (
        <p className="text-sm text-slate-600">{t("figureNoReport")}</p>
      )}
      {data.items.length === 0 ? (
        data.report && <p className="rounded border border-slate-200 bg-white px-4 py-6 text-center text-slate-600">{t("figureEmpty")}</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="figure-history-list">
          {data.items.map((i, n) => (
            <li key={n} className="grid gap-x-4 gap-y-1 px-4 py-3 text-sm sm:grid-cols-[10rem_14rem_1fr]" data-testid="figure-history-item" data-type={i.type}>
              <span className="tabular-nums text-slate-600">{formatAuditTime(i.at, locale)}</span>
              <span>
                {i.actor ? (
                  <span className="font-medium" translate="no">
                    {i.actor.fullName}
                  </span>
                ) : (
                  <span className="text-slate-500">{t("system")}</span>
                )}
              </span>
              <span>
                {i.type === "change" ? (
                  <>
                    <span className="text-slate-600">{t("figureChange")}: </span>
                    <span className="tabular-nums">{value(i.oldValue)}</span>
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only"> / </span>
                    <span className="font-semibold tabular-nums">{value(i.newValue)}</span>
                  </>
                ) : (
                  <>
                    <span className="font-medium">{i.action ? t(`actions.${i.action}`) : null}</span>
                    <span className="text-slate-600">
                      {" "}
                      ({REPORT_STATUS_LABELS[locale][i.oldValue as keyof (typeof REPORT_STATUS_LABELS)["vi"]] ?? i.oldValue} →{" "}
                      {REPORT_STATUS_LABELS[locale][i.newValue as keyof (typeof REPORT_STATUS_LABELS)["vi"]] ?? i.newValue})
                    </span>
                  </>
                )}
                {i.reason && (
                  <span className="mt-1 block text-slate-700">
                    <Recorded text={i.reason} locale={locale} />
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
