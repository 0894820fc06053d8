"use client";
// A quarter's review state and thread, with the actions this user may take (city staff: approve,
// return with a comment, reopen with a reason; the commune officer: submit). Every action asks for
// a confirmation showing the quarter's figures. The server decides. For city staff the panel is
// "Duyệt báo cáo"; for everyone else (the commune's officer, leaders) it is "Trạng thái duyệt".
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { transitionAction } from "@/lib/actions/workflow";
import type { WorkflowActionKey } from "@/lib/domain/workflow";
import { COMMENT_MAX, COMMENT_MIN, commentLongEnough } from "@/lib/domain/workflow";
import type { Figures } from "@/lib/domain/metrics";
import type { ThreadItem } from "@/lib/workflow/comments";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Toast, type ToastMessage } from "@/components/ui/Toast";
import { FiguresSummary } from "./FiguresSummary";
import { ReportThread } from "./ReportThread";
import { WithData, dataMark } from "@/components/ui/Field";

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
  unitName: string;
  year: number;
  quarter: number;
  status: string | null;
  version: number | null;
  events: ReviewEvent[];
  actions: WorkflowActionKey[];
  /** City staff who may review this commune see "Duyệt báo cáo"; the others "Trạng thái duyệt". */
  reviewer: boolean;
  figures: Figures | null;
  thread: ThreadItem[];
  canReply: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState<WorkflowActionKey | null>(null);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const [pending, start] = useTransition();
  const last = [...props.events].reverse().find((e) => e.action === "RETURN" || e.action === "REOPEN");
  const needsComment = open === "return" || open === "reopen";

  function ask(action: WorkflowActionKey) {
    setMessage(null);
    setCommentError(null);
    setComment("");
    setOpen(action);
  }

  function run() {
    if (!open) return;
    const action = open;
    if (needsComment && !commentLongEnough(comment)) {
      setCommentError(t(action === "return" ? "review.commentRequired" : "review.reasonRequired", { min: COMMENT_MIN }));
      return;
    }
    start(async () => {
      const r = await transitionAction({
        unitCode: props.unitCode,
        year: props.year,
        quarter: props.quarter,
        action,
        comment: comment.trim() || undefined,
        version: props.version ?? undefined,
      });
      setOpen(null);
      if (r.ok) {
        setMessage({ ok: true, text: t(`review.doneAction.${action}`) });
        router.refresh();
      } else setMessage({ ok: false, text: [r.error, ...r.issues.map((i) => i.message)].join(" ") });
    });
  }

  const periodArgs = { q: props.quarter, year: props.year, unit: props.unitName };

  return (
    <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="review-panel" data-status={props.status ?? "NONE"}>
      <div className="flex flex-wrap items-center gap-3">
        <h2 className="text-lg font-semibold" data-testid="review-title">
          {props.reviewer ? t("review.title") : t("review.titleStatus")}
        </h2>
        <span className={`rounded px-2 py-0.5 text-sm ${STATUS_CLASS[props.status ?? "NONE"]}`} data-testid="review-status">
          {t(`figures.reportStatus.${props.status ?? "NONE"}`)}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {props.actions.map((a) => (
            <button
              key={a}
              type="button"
              disabled={pending}
              onClick={() => ask(a)}
              data-action={a}
              className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${a === "approve" || a === "submit" ? "bg-brand-600 text-white hover:bg-brand-700" : "border border-red-600 text-red-700 hover:bg-red-50"}`}
            >
              {t(`review.${a}`)}
            </button>
          ))}
        </div>
      </div>
      <Toast message={message} testId="review-message" className="mt-3" />
      {props.status === "RETURNED" && last?.comment && (
        <p className="mt-3 rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="return-comment">
          <WithData text={t(last.action === "RETURN" ? "review.returnedNote" : "review.reopenedNote", { comment: dataMark(0) })} values={[last.comment]} />
        </p>
      )}
      {props.status === "APPROVED" && <p className="mt-3 text-sm text-slate-600">{t("review.locked")}</p>}
      {props.status === "SUBMITTED" && <p className="mt-3 text-sm text-slate-600">{t("review.waiting")}</p>}
      {props.status === null && <p className="mt-3 text-sm text-slate-600">{t("review.none")}</p>}

      <ReportThread
        unitCode={props.unitCode}
        year={props.year}
        quarter={props.quarter}
        items={props.thread}
        canReply={props.canReply}
        reported={props.status !== null}
      />

      <ConfirmDialog
        open={open !== null}
        title={open ? t(`review.confirmTitle.${open}`, periodArgs) : ""}
        confirmLabel={open ? t(`review.confirmOk.${open}`) : ""}
        cancelLabel={t("review.cancel")}
        tone={open === "return" || open === "reopen" ? "danger" : "primary"}
        busy={pending}
        onCancel={() => setOpen(null)}
        onConfirm={run}
        testId="review-confirm"
      >
        {props.figures ? (
          <>
            <p className="mb-2 text-slate-700">{t("review.confirmFigures")}</p>
            <FiguresSummary figures={props.figures} />
          </>
        ) : (
          <p>{t("review.none")}</p>
        )}
        {needsComment && (
          <label className="mt-3 block text-sm">
            <span className="font-medium">{t(open === "return" ? "review.comment" : "review.reason")}</span>
            <textarea
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              rows={3}
              maxLength={COMMENT_MAX}
              aria-invalid={commentError ? true : undefined}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              data-testid="review-comment"
            />
            {commentError && (
              <span role="alert" className="mt-1 block text-red-700">
                {commentError}
              </span>
            )}
          </label>
        )}
      </ConfirmDialog>
    </section>
  );
}
