// The pieces the unit history page and the administrators' audit search both show: labels of an
// entry (what, which field, which period), who did it, old → new, and the page links.
import Link from "next/link";
import type { getTranslations } from "next-intl/server";
import { formatAuditValue, type AuditItem } from "@/lib/audit/queries";
import { keyLabel } from "@/lib/i18n/labels";
import type { Locale } from "@/lib/i18n/config";

/** A translator of the "history" namespace. */
export type HistoryT = Awaited<ReturnType<typeof getTranslations>>;

export function auditEntityLabel(t: HistoryT, entity: string): string {
  return t.has(`entities.${entity}`) ? t(`entities.${entity}`) : entity;
}

export function auditFieldLabel(t: HistoryT, field: string | null, locale: Locale): string | null {
  if (field === null) return null;
  const label = keyLabel(field, locale);
  if (label !== field) return label;
  return t.has(`fields.${field}`) ? t(`fields.${field}`) : field;
}

/**
 * A sign-in entry records an event (who, when, from which address), not a change of a value: its field
 * names the event ("Đăng nhập sai") and its value is the address, never an "old → new".
 */
export function auditIsEvent(i: Pick<AuditItem, "entity">): boolean {
  return i.entity === "session";
}

/** What an entry is about: the entity ("Số liệu", "Chỉ tiêu"), or for an event the event itself ("Đăng nhập thành công"). */
export function auditHeading(t: HistoryT, i: Pick<AuditItem, "entity" | "field">, locale: Locale): string {
  return auditIsEvent(i) && i.field ? (auditFieldLabel(t, i.field, locale) ?? i.field) : auditEntityLabel(t, i.entity);
}

/** Entities whose id is the database's own number for a report or an explanation. */
const NUMBERED_ENTITIES = new Set(["figure", "report", "status", "explanation"]);

/** Whether an entry's id says something to a reader (a user name, a code, a period): a report's own number (783) does not. */
export function auditShowsEntityId(i: Pick<AuditItem, "entity" | "entityId">): boolean {
  return !!i.entityId && !(NUMBERED_ENTITIES.has(i.entity) && /^\d+$/.test(i.entityId));
}

/** Whether the field follows the heading ("Số liệu · Số người tham gia BHXH bắt buộc"). */
export function auditShowsField(i: Pick<AuditItem, "entity" | "field">): boolean {
  // A field named as its entity ("role" of a role change, "status" of a transition) would read "Vai trò · Vai trò";
  // an event's field is its heading already ("Đăng nhập · Đăng nhập thành công").
  return !!i.field && i.field !== i.entity && !auditIsEvent(i);
}

export function auditPeriodText(t: HistoryT, p: AuditItem["period"]): string | null {
  if (!p) return null;
  return p.kind === "estimate" ? t("periodEstimate", { year: p.year }) : t("periodQuarter", { year: p.year, quarter: p.quarter });
}

/** `base?…` with the current filters, some changed (null removes a key, empty values are dropped). */
export function auditHref(base: string, sp: Record<string, string>, change: Record<string, string | number | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if (v !== "") q.set(k, v);
  for (const [k, v] of Object.entries(change)) {
    if (v === null) q.delete(k);
    else q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

export function ActorCell({ item, t }: { item: AuditItem; t: HistoryT }) {
  return item.actor ? (
    <>
      <span className="font-medium" translate="no">
        {item.actor.fullName}
      </span>
      <span className="block text-xs text-slate-500">{item.actor.username}</span>
    </>
  ) : (
    <span className="text-slate-500">{t("system")}</span>
  );
}

export function ChangeCell({ item, locale, t }: { item: AuditItem; locale: Locale; t: HistoryT }) {
  // An event has no old value: where it came from ("Từ địa chỉ 10.0.0.7"), not "— → 10.0.0.7".
  if (auditIsEvent(item)) return <span>{item.newValue ? t("fromAddress", { address: item.newValue }) : "—"}</span>;
  return (
    <>
      <span className="text-slate-600">{formatAuditValue(item.entity, item.field, item.oldValue, locale)}</span>
      <span aria-hidden="true"> → </span>
      <span className="sr-only"> / </span>
      <span className="font-medium">{formatAuditValue(item.entity, item.field, item.newValue, locale)}</span>
    </>
  );
}

export function AuditPager({
  t,
  page,
  pages,
  hrefFor,
  testId,
}: {
  t: HistoryT;
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  testId: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("pagination")} className="flex items-center gap-4 text-sm" data-testid={testId}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className="text-brand-700 hover:underline" rel="prev">
          {t("prev")}
        </Link>
      ) : (
        <span className="text-slate-400">{t("prev")}</span>
      )}
      <span>{t("page", { page, pages })}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)} className="text-brand-700 hover:underline" rel="next">
          {t("next")}
        </Link>
      ) : (
        <span className="text-slate-400">{t("next")}</span>
      )}
    </nav>
  );
}
