"use client";
// A quarter's review state and history, with the actions this user may take (city staff: approve,
// return with a comment, reopen with a reason; the commune officer: submit). The server decides.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { transitionAction } from "@/lib/actions/workflow";
import type { WorkflowActionKey } from "@/lib/domain/workflow";
import { toLocale } from "@/lib/i18n/config";

export interface ReviewEvent {
  action: "SUBMIT" | "APPROVE" | "RETURN" | "REOPEN";
  comment: string | null;
  at: string;
  actor: string | null;
}

const STATUS_CLASS: Record<string, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SUBMITTED: "bg-sky-100 text-sky-900",
  APPROVED: "bg-emerald-100 text-emerald-900",
  RETURNED: "bg-red-100 text-red-900",
  NONE: "bg-white text-slate-500 ring-1 ring-slate-200",
};

export function ReviewPanel(props: {
  unitCode: string;
  year: number;
  quarter: number;
  status: string | null;
  version: number | null;
  events: ReviewEvent[];
  actions: WorkflowActionKey[];
}) {
  const t = useTranslations();
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [open, setOpen] = useState<WorkflowActionKey | null>(null);
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const last = [...props.events].reverse().find((e) => e.action === "RETURN" || e.action === "REOPEN");
  const fmt = (iso: string) =>
    new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(iso));

  function act(action: WorkflowActionKey) {
    if ((action === "return" || action === "reopen") && open !== action) {
      setOpen(action);
      setComment("");
      return;
    }
    setMessage(null);
    start(async () => {
      const r = await transitionAction({ unitCode: props.unitCode, year: props.year, quarter: props.quarter, action, comment: comment.trim() || undefined, version: props.version ?? undefined });
      if (r.ok) {
        setOpen(null);
        setMessage({ ok: true, text: t("review.done") });
        router.refresh();
      } else setMessage({ ok: false, text: [r.error, ...r.issues.map((i) => i.message)].join(" ") });
    });
  }

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="review-panel" data-status={props.status ?? "NONE"}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold">{t("review.title")}</h2>
        <span className={`rounded px-2 py-0.5 text-sm ${STATUS_CLASS[props.status ?? "NONE"]}`} data-testid="review-status">
          {t(`figures.reportStatus.${props.status ?? "NONE"}`)}
        </span>
        <div className="ml-auto flex flex-wrap gap-2">
          {props.actions.map((a) => (
            <button
              key={a}
              type="button"
              disabled={pending}
              onClick={() => act(a)}
              data-action={a}
              className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${a === "approve" || a === "submit" ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-red-600 text-red-700 hover:bg-red-50"}`}
            >
              {t(`review.${a}`)}
            </button>
          ))}
        </div>
      </div>
      {props.status === "RETURNED" && last?.comment && (
        <p className="mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="return-comment">
          {t(last.action === "RETURN" ? "review.returnedNote" : "review.reopenedNote", { comment: last.comment })}
        </p>
      )}
      {props.status === "APPROVED" && <p className="mt-3 text-sm text-slate-600">{t("review.locked")}</p>}
      {props.status === "SUBMITTED" && <p className="mt-3 text-sm text-slate-600">{t("review.waiting")}</p>}
      {props.status === null && <p className="mt-3 text-sm text-slate-600">{t("review.none")}</p>}
      {open && (
        <div className="mt-3 space-y-2" data-testid="review-comment-form">
          <label className="block text-sm">
            <span className="font-medium">{t(open === "return" ? "review.comment" : "review.reason")}</span>
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} className="mt-1 w-full rounded border border-slate-300 px-2 py-1" />
          </label>
          <div className="flex gap-2">
            <button type="button" disabled={pending} onClick={() => act(open)} className="rounded bg-red-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60">
              {t("review.confirm")}: {t(`review.${open}`)}
            </button>
            <button type="button" onClick={() => setOpen(null)} className="rounded border border-slate-300 px-3 py-1.5 text-sm">
              {t("review.cancel")}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p role={message.ok ? "status" : "alert"} data-testid="review-message" className={`mt-3 rounded px-3 py-2 text-sm ${message.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}>
          {message.text}
        </p>
      )}
      {props.events.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-medium text-slate-600">{t("review.history")}</h3>
          <ol className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3 text-sm" data-testid="review-events">
            {props.events.map((e, i) => (
              <li key={i}>
                <span className="font-medium">{t("review.by", { who: e.actor ?? "—", action: t(`review.action.${e.action}`) })}</span>{" "}
                <span className="text-slate-500">{t("review.at", { time: fmt(e.at) })}</span>
                {e.comment && <div className="text-slate-700">“{e.comment}”</div>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
