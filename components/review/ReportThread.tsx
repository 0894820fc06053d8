"use client";
// One quarter's thread between the commune and the city: the review events (submitted, returned
// with the city's comment, approved…) and the replies of both sides, oldest first, with a reply
// form for the commune's officer and the city's staff. The server checks who may post.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { postCommentAction } from "@/lib/actions/review";
import { COMMENT_MAX, COMMENT_MIN } from "@/lib/domain/workflow";
import { formatDateTime, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import type { ThreadItem } from "@/lib/workflow/comments";
import { Toast, type ToastMessage } from "@/components/ui/Toast";
import { WithData, dataMark } from "@/components/ui/Field";

export function ReportThread(props: {
  unitCode: string;
  year: number;
  quarter: number;
  items: ThreadItem[];
  canReply: boolean;
  reported: boolean;
  heading?: boolean;
}) {
  const t = useTranslations("review");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [body, setBody] = useState("");
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const [pending, start] = useTransition();
  const hintId = useId();
  const fmt = (iso: string) => formatDateTime(iso, locale);
  const length = body.trim().length;

  function send() {
    setMessage(null);
    if (length < COMMENT_MIN) return setMessage({ ok: false, text: t("replyTooShort", { min: COMMENT_MIN }) });
    start(async () => {
      const r = await postCommentAction({ unitCode: props.unitCode, year: props.year, quarter: props.quarter, body });
      if (r.ok) {
        setBody("");
        setMessage({ ok: true, text: t("replySent") });
        router.refresh();
      } else setMessage({ ok: false, text: r.error });
    });
  }

  return (
    <div className="mt-4" data-testid="report-thread">
      {props.heading !== false && <h3 className="text-sm font-medium text-slate-600">{t("thread")}</h3>}
      {props.items.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{t("threadEmpty")}</p>
      ) : (
        <ol className="mt-1 space-y-1.5 border-l-2 border-slate-200 pl-3 text-sm" data-testid="review-events">
          {props.items.map((e) =>
            e.type === "event" ? (
              <li key={e.id} data-type="event" data-action={e.action}>
                <span className="font-medium">
                  <WithData text={t("by", { who: dataMark(0), action: t(`action.${e.action}`) })} values={[e.author ?? "—"]} />
                </span>{" "}
                <span className="text-slate-500">{t("at", { time: fmt(e.at) })}</span>
                {e.comment && (
                  <div className="text-slate-700" translate="no">
                    “{e.comment}”
                  </div>
                )}
              </li>
            ) : (
              <li
                key={e.id}
                data-type="comment"
                data-side={e.side}
                className={e.side === "commune" ? "rounded bg-sky-50 px-2 py-1" : "rounded bg-slate-50 px-2 py-1"}
              >
                <span className="font-medium">
                  <WithData
                    text={t("commentBy", { who: dataMark(0), side: t(e.side === "commune" ? "sideCommune" : "sideCity") })}
                    values={[e.author ?? "—"]}
                  />
                </span>{" "}
                <span className="text-slate-500">{t("at", { time: fmt(e.at) })}</span>
                <div className="whitespace-pre-line text-slate-800" translate="no">
                  {e.body}
                </div>
              </li>
            ),
          )}
        </ol>
      )}
      {props.canReply && props.reported && (
        <form
          className="mt-3 space-y-2"
          data-testid="thread-form"
          onSubmit={(ev) => {
            ev.preventDefault();
            send();
          }}
        >
          <label className="block text-sm">
            <span className="font-medium">{t("replyLabel")}</span>
            <span id={hintId} className="block text-xs text-slate-500">
              {t("replyHint", { min: COMMENT_MIN, max: formatNumber(COMMENT_MAX, locale) })}
            </span>
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={3}
              maxLength={COMMENT_MAX}
              aria-describedby={hintId}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              data-testid="thread-body"
            />
          </label>
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="submit"
              disabled={pending}
              className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
              data-testid="thread-send"
            >
              {t("replySend")}
            </button>
            <span className={`text-xs ${length > 0 && length < COMMENT_MIN ? "text-amber-800" : "text-slate-500"}`} data-testid="thread-count">
              {t("replyCount", { n: formatNumber(length, locale), max: formatNumber(COMMENT_MAX, locale) })}
            </span>
            <Toast message={message} testId="thread-message" />
          </div>
        </form>
      )}
    </div>
  );
}
