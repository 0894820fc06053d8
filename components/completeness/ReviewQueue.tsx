"use client";
// City staff's review queue: the communes whose quarter is submitted, with checkboxes; approve or
// return the selected ones at once (returning needs a comment). All of them, or none.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { CommuneCompleteness } from "@/lib/completeness/service";
import { reviewBatchAction } from "@/lib/actions/completeness";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { TimelinessBadge } from "./badges";

interface Props {
  parentCode: string;
  year: number;
  quarter: number;
  submitted: CommuneCompleteness[];
}

export function ReviewQueue({ parentCode, year, quarter, submitted }: Props) {
  const t = useTranslations("completeness");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  // Only what is still in the queue counts (after a refresh, processed communes leave it).
  const selected = submitted.filter((c) => picked.has(c.code)).map((c) => c.code);
  const allPicked = submitted.length > 0 && selected.length === submitted.length;

  const toggle = (code: string, on: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });

  const run = (action: "approve" | "return") => {
    if (selected.length === 0) return setMessage({ ok: false, text: t("review.noneSelected") });
    if (action === "return" && !comment.trim()) return setMessage({ ok: false, text: t("review.commentRequired") });
    start(async () => {
      setMessage(null);
      const r = await reviewBatchAction(parentCode, { action, year, quarter, unitCodes: selected, comment: action === "return" ? comment.trim() : undefined });
      if (!r.ok) {
        setMessage({ ok: false, text: [r.error, ...r.issues.map((i) => i.message)].filter(Boolean).join(" ") });
        return;
      }
      setMessage({ ok: true, text: t(action === "approve" ? "review.approved" : "review.returned", { count: r.data.count }) });
      setPicked(new Set());
      if (action === "return") setComment("");
      router.refresh();
    });
  };

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="review-queue">
      <h2 className="text-lg font-semibold">{t("review.title", { count: submitted.length })}</h2>
      <p className="mb-2 text-sm text-slate-600">{t("review.hint")}</p>
      {message && (
        <p role={message.ok ? "status" : "alert"} data-testid="review-message" className={`mb-2 rounded px-3 py-2 text-sm ${message.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}>
          {message.text}
        </p>
      )}
      {submitted.length === 0 ? (
        <p className="text-sm text-slate-600">{t("review.empty")}</p>
      ) : (
        <>
          <div className="mb-1 flex items-center gap-3 text-sm">
            <label className="inline-flex items-center gap-2 font-medium">
              <input type="checkbox" checked={allPicked} onChange={(e) => setPicked(e.target.checked ? new Set(submitted.map((c) => c.code)) : new Set())} data-testid="review-select-all" />
              {t("review.selectAll")}
            </label>
            <span className="text-slate-500" data-testid="review-selected">
              {t("review.selected", { n: selected.length, total: submitted.length })}
            </span>
          </div>
          <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-100 text-sm">
            {submitted.map((c) => (
              <li key={c.code} data-unit={c.code} className="flex flex-wrap items-center gap-3 px-2 py-1.5">
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" checked={picked.has(c.code)} onChange={(e) => toggle(c.code, e.target.checked)} aria-label={c.name} />
                  <span>{c.name}</span>
                </label>
                <TimelinessBadge timeliness={c.timeliness} label={t(`timeliness.${c.timeliness}`)} />
                <span className="text-xs text-slate-500">{formatDate(c.lastSubmittedAt ?? c.submittedAt, locale)}</span>
                <Link href={`/units/${encodeURIComponent(c.code)}?year=${year}&quarter=${quarter}`} className="ml-auto text-xs text-brand-700 hover:underline">
                  {c.code}
                </Link>
              </li>
            ))}
          </ul>
          <label className="mt-3 flex flex-col text-sm">
            <span className="font-medium">{t("review.comment")}</span>
            <span className="text-xs text-slate-500">{t("review.commentHint")}</span>
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={2000} className="mt-1 rounded border border-slate-300 px-2 py-1" data-testid="review-comment" />
          </label>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="button" disabled={pending || selected.length === 0} onClick={() => run("approve")} className="rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50" data-testid="review-approve">
              {pending ? t("review.working") : t("review.approve")}
            </button>
            <button
              type="button"
              disabled={pending || selected.length === 0}
              onClick={() => run("return")}
              className="rounded border border-amber-600 px-3 py-1.5 text-sm font-medium text-amber-900 hover:bg-amber-50 disabled:opacity-50"
              data-testid="review-return"
            >
              {t("review.return")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
