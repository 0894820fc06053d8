"use client";
// Publishing a month's list of employers N+ months late (city staff), after a confirmation: what is
// published (the month end, the threshold, how many, the fields) is said before it goes public.
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import type { MonthRef } from "@/lib/domain/employers";
import type { PublicationSummary } from "@/lib/employers/service";
import { publishLatePayersAction } from "@/lib/actions/employers";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Toast, type ToastMessage } from "@/components/ui/Toast";

export function PublishPanel({
  unitCode,
  month,
  date,
  lateMonths,
  count,
  amount,
  published,
  publicHref,
  missing = null,
}: {
  unitCode: string;
  month: MonthRef;
  /** "31/10/2026" */
  date: string;
  lateMonths: number;
  /** Those lateMonths+ late (null: the list shown is not the one that would be published). */
  count: number | null;
  amount: number | null;
  published: PublicationSummary | null;
  publicHref: string;
  /** Employers late at the previous month end with no row at this one (they would drop off the list). */
  missing?: { asAt: string; count: number } | null;
}) {
  const t = useTranslations("employers.publish");
  const locale = toLocale(useLocale());
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const [done, setDone] = useState(false);

  function publish() {
    start(async () => {
      const res = await publishLatePayersAction(unitCode, {
        year: month.year,
        month: month.month,
        minMonthsLate: lateMonths,
        version: published?.version ?? 0,
      });
      setOpen(false);
      if (res.ok) {
        setDone(true);
        setMessage({ ok: true, text: t("done", { date, count: res.data.count }) });
      } else setMessage({ ok: false, text: [res.error, ...res.issues.map((i) => i.message)].filter((m, i, a) => a.indexOf(m) === i).join(" ") });
    });
  }

  return (
    <div className="mt-3 space-y-2 rounded border border-slate-200 bg-slate-50 p-3" data-testid="publish-panel">
      {published ? (
        <p className="text-sm" data-testid="publish-state">
          {t("already", { date, n: published.minMonthsLate, count: published.count, at: formatDate(published.publishedAt, locale) })}
        </p>
      ) : (
        <p className="text-sm" data-testid="publish-state">
          {t("notYet", { date })}
        </p>
      )}
      <Button onClick={() => setOpen(true)} disabled={pending} data-testid="publish-open">
        {t(published ? "republish" : "button", { date, n: lateMonths })}
      </Button>
      <ConfirmDialog
        open={open}
        title={t("confirmTitle", { date, n: lateMonths })}
        confirmLabel={t("confirm")}
        cancelLabel={t("cancel")}
        onConfirm={publish}
        onCancel={() => setOpen(false)}
        busy={pending}
        testId="publish-dialog"
      >
        <p>{count === null ? t("confirmBodyUnknown", { n: lateMonths }) : t("confirmBody", { count, amount: formatNumber(amount, locale), n: lateMonths })}</p>
        {missing ? (
          <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-900" role="alert" data-testid="publish-missing">
            {t("missing", { count: missing.count, previous: missing.asAt, date, n: lateMonths })}
          </p>
        ) : null}
        <p className="mt-2">{t("confirmFields")}</p>
        {published ? <p className="mt-2">{t("confirmReplace")}</p> : null}
      </ConfirmDialog>
      <Toast message={message} testId="publish-message" />
      {done ? (
        <p className="text-sm">
          <a href={publicHref} className="font-medium text-brand-700 underline" data-testid="publish-public-link">
            {t("open")}
          </a>
        </p>
      ) : null}
    </div>
  );
}
