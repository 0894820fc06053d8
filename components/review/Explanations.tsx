"use client";
// Explanations (giải trình) of the indicators behind their targets: the commune officer writes
// why and what will be done; city staff and leaders read them beside the figure.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { EXPLANATION_MAX, EXPLANATION_MIN } from "@/lib/domain/workflow";
import { formatNumber } from "@/lib/format";
import { explanationAction } from "@/lib/actions/workflow";
import type { Status } from "@/lib/domain/indicators";
import { formatDate } from "@/lib/format";

/** A text area with its length rule shown before typing and a live count. */
function LengthField({ label, value, onChange, testId }: { label: string; value: string; onChange: (v: string) => void; testId: string }) {
  const t = useTranslations("explain");
  const locale = toLocale(useLocale());
  const hint = useId();
  const n = value.trim().length;
  return (
    <label className="block text-sm">
      <span className="font-medium">{label}</span>
      <span id={hint} className="block text-xs text-slate-500">
        {t("lengthHint", { min: EXPLANATION_MIN, max: formatNumber(EXPLANATION_MAX, locale) })}
      </span>
      <textarea
        value={value}
        onChange={(x) => onChange(x.target.value)}
        rows={2}
        maxLength={EXPLANATION_MAX}
        aria-describedby={hint}
        className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
        data-testid={testId}
      />
      <span className={`block text-xs ${n > 0 && n < EXPLANATION_MIN ? "text-amber-800" : "text-slate-500"}`}>
        {t("lengthCount", { n, min: EXPLANATION_MIN })}
      </span>
    </label>
  );
}
import { toLocale } from "@/lib/i18n/config";
import { StatusBadge } from "@/components/figures/StatusBadge";

export interface ExplanationItem {
  key: string;
  label: string;
  value: string;
  target: string;
  attainment: string;
  status: Status;
  explanation: { reason: string; actions: string; author: string | null; updatedAt: string; version: number } | null;
}

function Item({ item, unitCode, year, quarter, canWrite }: { item: ExplanationItem; unitCode: string; year: number; quarter: number; canWrite: boolean }) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [reason, setReason] = useState(item.explanation?.reason ?? "");
  const [actions, setActions] = useState(item.explanation?.actions ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const e = item.explanation;
  return (
    <li className="rounded border border-slate-200 p-3" data-explain={item.key}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-medium">{item.label}</span>
        <span className="tabular-nums text-slate-600">
          {t("explain.versusMilestone", { value: item.value, milestone: item.target, attainment: item.attainment })}
        </span>
        <StatusBadge status={item.status} label={t(`figures.status.${item.status}`)} title={t("explain.badgeTitle")} />
        {canWrite && !editing && (
          <button type="button" className="ml-auto text-sm text-brand-700 hover:underline" onClick={() => setEditing(true)}>
            {e ? t("explain.edit") : t("explain.write")}
          </button>
        )}
      </div>
      {!editing &&
        (e ? (
          <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-3">
            <dt className="text-slate-500">{t("explain.reason")}</dt>
            <dd data-testid={`explain-reason-${item.key}`}>{e.reason}</dd>
            <dt className="text-slate-500">{t("explain.actions")}</dt>
            <dd>{e.actions}</dd>
            <dt className="text-slate-500" />
            <dd className="text-xs text-slate-500">{t("explain.by", { who: e.author ?? "—", date: formatDate(e.updatedAt, locale) })}</dd>
          </dl>
        ) : (
          <p className="mt-1 text-sm text-slate-500">{t("explain.missing")}</p>
        ))}
      {editing && (
        <form
          className="mt-2 space-y-2"
          onSubmit={(ev) => {
            ev.preventDefault();
            setError(null);
            // Said before sending, naming the minimum (the server checks the same).
            const short = [
              reason.trim().length < EXPLANATION_MIN ? t("explain.tooShort", { what: t("explain.reason"), min: EXPLANATION_MIN }) : null,
              actions.trim().length < EXPLANATION_MIN ? t("explain.tooShort", { what: t("explain.actions"), min: EXPLANATION_MIN }) : null,
            ].filter(Boolean);
            if (short.length) return setError(short.join(" "));
            start(async () => {
              const r = await explanationAction({ unitCode, year, quarter, key: item.key, reason, actions, version: e?.version ?? 0 });
              if (r.ok) {
                setEditing(false);
                router.refresh();
              } else setError([r.error, ...r.issues.map((i) => i.message).filter((m) => !r.error.includes(m))].join(" "));
            });
          }}
        >
          <LengthField label={t("explain.reason")} value={reason} onChange={setReason} testId={`explain-input-reason-${item.key}`} />
          <LengthField label={t("explain.actions")} value={actions} onChange={setActions} testId={`explain-input-actions-${item.key}`} />
          {error && (
            <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
              {t("explain.save")}
            </button>
            <button type="button" onClick={() => setEditing(false)} className="rounded border border-slate-300 px-3 py-1.5 text-sm">
              {t("review.cancel")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

export function Explanations(props: { unitCode: string; year: number; quarter: number; items: ExplanationItem[]; canWrite: boolean; reported?: boolean }) {
  const t = useTranslations("explain");
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="explanations">
      <h2 className="mb-3 text-lg font-semibold">{t("title")}</h2>
      {props.items.length === 0 ? (
        <p className="text-sm text-slate-600">{props.reported === false ? t("notReported") : t("none")}</p>
      ) : (
        <ul className="space-y-2">
          {props.items.map((i) => (
            <Item key={i.key} item={i} unitCode={props.unitCode} year={props.year} quarter={props.quarter} canWrite={props.canWrite} />
          ))}
        </ul>
      )}
    </section>
  );
}
