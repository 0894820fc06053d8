import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session.server";
import { prisma } from "@/lib/db.server";
import { ServiceError } from "@/lib/figures/errors";
import { AUDIT_ENTITIES } from "@/lib/audit/audit";
import { formatAuditTime, queryObject, searchAudit, type AuditItem, type AuditSearch } from "@/lib/audit/queries";
import {
  ActorCell,
  AuditPager,
  ChangeCell,
  auditHeading,
  auditFieldLabel,
  auditHref,
  auditPeriodText,
  auditShowsEntityId,
  auditShowsField,
} from "@/components/audit/AuditParts";
import { toLocale, type Locale } from "@/lib/i18n/config";
import { PlainDataTable } from "@/components/ui/DataTable";
import { buttonClass } from "@/components/ui/Button";
import { Recorded } from "@/components/ui/Recorded";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type T = Awaited<ReturnType<typeof getTranslations>>;

const BASE = "/admin/audit";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("auditTitle") };
}

export default async function AuditPage({ searchParams }: Props) {
  const user = await requireUser(BASE);
  if (user.role !== "ADMIN") forbidden();
  const sp = queryObject(await searchParams);
  const t = await getTranslations("admin");
  const th = await getTranslations("history");
  const locale = toLocale(await getLocale());

  let data: AuditSearch | null = null;
  let error: ServiceError | null = null;
  try {
    data = await searchAudit(await prisma(), user, sp);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    if (e.status === 403) forbidden();
    error = e;
  }

  const input = "rounded border border-slate-300 px-2 py-1";
  return (
    <div className="space-y-5" data-testid="admin-audit-page">
      <div>
        <h1 className="text-2xl font-semibold">{t("auditTitle")}</h1>
        <p className="text-sm text-slate-600">{t("auditIntro")}</p>
      </div>

      <form
        method="get"
        action={BASE}
        role="search"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
        data-testid="audit-search"
      >
        <label className="flex flex-col">
          <span className="text-slate-500">{t("q")}</span>
          <input type="search" name="q" defaultValue={sp.q ?? ""} placeholder={t("qPlaceholder")} maxLength={200} className={`${input} w-64`} />
        </label>
        <label className="flex flex-col">
          <span className="text-slate-500">{t("unit")}</span>
          <input type="text" name="unit" defaultValue={sp.unit ?? ""} placeholder={t("unitPlaceholder")} maxLength={32} className={`${input} w-32`} />
        </label>
        <label className="flex flex-col">
          <span className="text-slate-500">{t("user")}</span>
          <input type="text" name="user" defaultValue={sp.user ?? ""} placeholder={t("userPlaceholder")} maxLength={64} className={`${input} w-44`} />
        </label>
        <label className="flex flex-col">
          <span className="text-slate-500">{th("entity")}</span>
          <select name="entity" defaultValue={sp.entity ?? ""} className={input}>
            <option value="">{th("all")}</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {th(`entities.${e}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          <span className="text-slate-500">{th("from")}</span>
          <input type="date" name="from" defaultValue={sp.from ?? ""} className={input} />
        </label>
        <label className="flex flex-col">
          <span className="text-slate-500">{th("to")}</span>
          <input type="date" name="to" defaultValue={sp.to ?? ""} className={input} />
        </label>
        <button type="submit" className={buttonClass()}>
          {t("search")}
        </button>
        <Link href={BASE} className="px-1 py-1.5 text-brand-700 hover:underline">
          {t("reset")}
        </Link>
      </form>

      {error && (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="audit-error">
          <p className="font-medium">{th("invalid")}</p>
          <ul className="list-disc pl-5">
            {(error.issues.length ? error.issues : [{ path: "", message: error.message }]).map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}

      {data && <Results t={t} th={th} locale={locale} data={data} sp={sp} />}
    </div>
  );
}

function what(th: T, i: AuditItem, locale: Locale): string {
  return [auditHeading(th, i, locale), auditShowsField(i) ? auditFieldLabel(th, i.field, locale) : null, auditPeriodText(th, i.period)]
    .filter(Boolean)
    .join(" · ");
}

function Results({ t, th, locale, data, sp }: { t: T; th: T; locale: Locale; data: AuditSearch; sp: Record<string, string> }) {
  return (
    <section className="space-y-3">
      <p className="text-sm text-slate-600" data-testid="audit-total">
        {t("results", { total: data.total })}
      </p>
      {data.items.length > 0 && (
        <PlainDataTable
          label={t("auditTitle")}
          testId="audit-table"
          columns={[
            { key: "time", header: th("colTime"), className: "whitespace-nowrap tabular-nums" },
            { key: "actor", header: th("colActor") },
            { key: "unit", header: th("colUnit") },
            { key: "what", header: th("colWhat") },
            { key: "change", header: th("colChange"), className: "whitespace-nowrap tabular-nums" },
            { key: "reason", header: th("colReason"), className: "max-w-md text-slate-700" },
          ]}
          rows={data.items.map((i) => ({
            key: String(i.id),
            attrs: { "data-testid": "audit-row", "data-entity": i.entity },
            className: "border-t border-slate-100 align-top",
            cells: {
              time: formatAuditTime(i.at, locale),
              actor: <ActorCell item={i} t={th} />,
              unit: i.unit ? (
                <Link href={`/units/${encodeURIComponent(i.unit.code)}/history`} className="text-brand-700 hover:underline">
                  {i.unit.name}
                  <span className="block text-xs text-slate-500">{i.unit.code}</span>
                </Link>
              ) : (
                <span className="text-slate-500">—</span>
              ),
              what: (
                <>
                  {what(th, i, locale)}
                  {auditShowsEntityId(i) && <span className="block text-xs text-slate-500">{i.entityId}</span>}
                </>
              ),
              change: <ChangeCell item={i} locale={locale} t={th} />,
              reason: <Recorded text={i.reason} locale={locale} />,
            },
          }))}
        />
      )}
      <AuditPager t={th} page={data.page} pages={data.pages} hrefFor={(n) => auditHref(BASE, sp, { page: n > 1 ? n : null })} testId="audit-pagination" />
    </section>
  );
}
