"use client";
// City staff's review queue: the communes whose quarter is submitted, with checkboxes; approve or
// return the selected ones at once (returning needs a comment). All of them, or none. Before it
// runs, a confirmation lists every selected commune with its key figures (issue 13).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { useInBrowser } from "@/components/ui/in-browser";
import { useLocale, useTranslations } from "next-intl";
import { reviewBatchAction } from "@/lib/actions/completeness";
import { reviewFiguresAction } from "@/lib/actions/review";
import { formatDate, formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { metricLabel, indicatorLabel } from "@/lib/i18n/labels";
import { computeIndicators } from "@/lib/domain/indicators";
import type { Figures, MetricKey } from "@/lib/domain/metrics";
import { COMMENT_MIN, commentLongEnough } from "@/lib/domain/workflow";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Toast } from "@/components/ui/Toast";
import { WithData, dataMark } from "@/components/ui/Field";
import { TimelinessBadge } from "./badges";
import { unpack } from "@/components/ui/packed";
import type { CommuneRows } from "./commune-rows";

/** The figures shown for each commune in the confirmation of a batch. */
const KEY_FIGURES: MetricKey[] = ["bhxhCompulsory", "bhxhVoluntary", "bhyt", "amountCollected"];

type Preview = { code: string; name: string; status: string | null; figures: Figures | null };

interface Props {
  parentCode: string;
  year: number;
  quarter: number;
  /** The board's communes (packed, shared with its table): the submitted ones are the queue. */
  communes: CommuneRows;
}

export function ReviewQueue({ parentCode, year, quarter, communes }: Props) {
  const submitted = useMemo(() => unpack(communes.rows).filter((c) => c.state === "SUBMITTED"), [communes.rows]);
  const t = useTranslations("completeness");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const inBrowser = useInBrowser();
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const [asking, setAsking] = useState<"approve" | "return" | null>(null);
  const [preview, setPreview] = useState<Preview[] | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);

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

  // First the confirmation, with the figures of every selected commune (read through the server).
  const ask = (action: "approve" | "return") => {
    if (selected.length === 0) return setMessage({ ok: false, text: t("review.noneSelected") });
    if (action === "return" && !commentLongEnough(comment)) return setMessage({ ok: false, text: t("review.commentRequired", { min: COMMENT_MIN }) });
    setMessage(null);
    setPreview(null);
    setPreviewError(null);
    setAsking(action);
    const codes = selected;
    void reviewFiguresAction({ year, quarter, unitCodes: codes }).then((r) => {
      if (r.ok) setPreview(r.data);
      else setPreviewError([r.error, ...r.issues.map((i) => i.message)].filter(Boolean).join(" "));
    });
  };

  const run = (action: "approve" | "return") => {
    setAsking(null);
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
      {submitted.length === 0 ? (
        <p className="text-sm text-slate-600">{t("review.empty")}</p>
      ) : (
        // Every control waits for the page's script: a box ticked before it runs would look ticked but not count (a walk found).
        <>
          <fieldset disabled={!inBrowser} className="m-0 min-w-0 border-0 p-0">
            <div className="mb-1 flex items-center gap-3 text-sm">
              <label className="inline-flex items-center gap-2 font-medium">
                <input
                  type="checkbox"
                  checked={allPicked}
                  onChange={(e) => setPicked(e.target.checked ? new Set(submitted.map((c) => c.code)) : new Set())}
                  data-testid="review-select-all"
                />
                {t("review.selectAll")}
              </label>
              <span className="text-slate-500" data-testid="review-selected">
                {t("review.selected", { n: selected.length, total: submitted.length })}
              </span>
            </div>
          </fieldset>
          {/* Focusable, and outside the disabled fieldset (whose descendants axe counts as unfocusable): its rows scroll, and a keyboard must reach them even while its boxes wait for the script (axe: scrollable-region-focusable). */}
          <ul
            tabIndex={0}
            aria-label={t("review.title", { count: submitted.length })}
            className="max-h-80 divide-y divide-slate-100 overflow-y-auto rounded border border-slate-100 text-sm [&>li]:flex [&>li]:flex-wrap [&>li]:items-center [&>li]:gap-3 [&>li]:px-2 [&>li]:py-1.5"
          >
            {submitted.map((c) => (
              <li key={c.code} data-unit={c.code}>
                <label className="inline-flex items-center gap-2">
                  <input
                    type="checkbox"
                    disabled={!inBrowser}
                    checked={picked.has(c.code)}
                    onChange={(e) => toggle(c.code, e.target.checked)}
                    aria-label={c.name}
                  />
                  <span>{c.name}</span>
                </label>
                <TimelinessBadge timeliness={c.timeliness} label={t(`timeliness.${c.timeliness}`)} />
                <span className="text-xs text-slate-500">{formatDate(c.lastSubmittedAt ?? c.submittedAt, locale)}</span>
                <Link
                  href={`/units/${encodeURIComponent(c.code)}?year=${year}&quarter=${quarter}`}
                  aria-label={`${c.name} (${c.code})`}
                  className="ml-auto text-xs text-brand-700 hover:underline"
                >
                  {c.code}
                </Link>
              </li>
            ))}
          </ul>
          <fieldset disabled={!inBrowser} className="m-0 min-w-0 border-0 p-0">
            <label className="mt-3 flex flex-col text-sm">
              <span className="font-medium">{t("review.comment")}</span>
              <span className="text-xs text-slate-500">{t("review.commentHint")}</span>
              <textarea
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                rows={2}
                maxLength={2000}
                className="mt-1 rounded border border-slate-300 px-2 py-1"
                data-testid="review-comment"
              />
            </label>
            <div className="mt-3 flex flex-wrap gap-2">
              <button
                type="button"
                disabled={pending || selected.length === 0}
                onClick={() => ask("approve")}
                className="rounded bg-emerald-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50"
                data-testid="review-approve"
              >
                {pending ? t("review.working") : t("review.approve")}
              </button>
              <button
                type="button"
                disabled={pending || selected.length === 0}
                onClick={() => ask("return")}
                className="rounded border border-amber-600 px-3 py-1.5 text-sm font-medium text-amber-900 hover:bg-amber-50 disabled:opacity-50"
                data-testid="review-return"
              >
                {t("review.return")}
              </button>
              <Toast message={message} testId="review-message" />
            </div>
          </fieldset>
        </>
      )}
      {submitted.length === 0 && <Toast message={message} testId="review-message" className="mt-2" />}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(asking === "approve" ? "review.confirmApproveTitle" : "review.confirmReturnTitle", { count: selected.length, q: quarter, year }) : ""}
        confirmLabel={asking ? t(asking === "approve" ? "review.confirmApproveOk" : "review.confirmReturnOk", { count: selected.length }) : ""}
        cancelLabel={t("review.cancel")}
        tone={asking === "return" ? "danger" : "primary"}
        busy={pending || preview === null}
        onCancel={() => setAsking(null)}
        onConfirm={() => asking && run(asking)}
        testId="batch-confirm"
      >
        {asking === "return" && (
          <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-amber-900">
            <WithData text={t("review.confirmComment", { comment: dataMark(0) })} values={[comment.trim()]} />
          </p>
        )}
        {previewError ? (
          <p role="alert" className="text-red-800">
            {previewError}
          </p>
        ) : preview === null ? (
          <p className="text-slate-500">{t("review.confirmLoading")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-xs" data-testid="batch-confirm-list">
              <thead>
                <tr className="border-b border-slate-200 text-left text-slate-500">
                  <th className="py-1 pr-2 font-medium">{t("review.confirmUnit")}</th>
                  {KEY_FIGURES.map((k) => (
                    <th key={k} className="py-1 pr-2 text-right font-medium">
                      {metricLabel(k, locale)}
                    </th>
                  ))}
                  <th className="py-1 text-right font-medium">{indicatorLabel("bhxhCoverage", locale)}</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((p) => (
                  <tr key={p.code} data-unit={p.code} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-2 text-left font-normal" translate="no">
                      {p.name}
                    </th>
                    {KEY_FIGURES.map((k) => (
                      <td key={k} className="py-1 pr-2 text-right tabular-nums">
                        {p.figures?.[k] == null ? "—" : formatNumber(p.figures[k]!, locale)}
                      </td>
                    ))}
                    <td className="py-1 text-right tabular-nums">{p.figures ? formatPercent(computeIndicators(p.figures).bhxhCoverage, locale) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ConfirmDialog>
    </section>
  );
}
