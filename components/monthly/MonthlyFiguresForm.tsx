"use client";
// City staff enter a month's figures: participants as at the month's last day, money year to date,
// late payments as at that day. Only months that have ended can be chosen; an empty field is "not
// entered". Saved with the version read (409: someone else saved the month meanwhile). Typed figures
// are not lost: leaving the page or choosing another month asks first (components/ui/LeaveGuard.tsx).
import { useState, useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { toLocale } from "@/lib/i18n/config";
import { saveMonthlyFiguresAction } from "@/lib/actions/monthly";
import { MONTHLY_METRIC_KEYS, type MonthlyMetricKey } from "@/lib/domain/scenario";
import type { MonthFigures } from "@/lib/monthly/service";
import { buttonClass } from "@/components/ui/Button";
import { LeaveGuardDialog, useLeaveGuard } from "@/components/ui/LeaveGuard";
import { parseCount, showValue } from "./numbers";

export function MonthlyFiguresForm({
  unitCode,
  year,
  months: initialMonths,
  labels,
  units,
  initialMonth,
}: {
  unitCode: string;
  year: number;
  months: MonthFigures[];
  labels: Record<MonthlyMetricKey, string>;
  /** "người" / "đồng" per field. */
  units: Record<MonthlyMetricKey, string>;
  initialMonth: number;
}) {
  const t = useTranslations("monthly");
  const locale = toLocale(useLocale());
  const [pending, start] = useTransition();
  const [months, setMonths] = useState(initialMonths);
  const [month, setMonth] = useState(initialMonth);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  /** Warnings the server asks to confirm (a participant count moving over ±20%, money collected going down). */
  const [warnings, setWarnings] = useState<string[]>([]);
  const textOf = (m: number) =>
    Object.fromEntries(MONTHLY_METRIC_KEYS.map((k) => [k, showValue("COUNT", months.find((x) => x.month === m)?.figures?.[k], locale)])) as Record<
      MonthlyMetricKey,
      string
    >;
  const [fields, setFields] = useState(() => textOf(initialMonth));
  const ended = months.filter((m) => m.ended);
  const current = months.find((m) => m.month === month);
  // Unsaved: a field reads another number than the stored one ("13624" and "13.624" are the same), or
  // something unreadable was typed.
  const guard = useLeaveGuard(
    MONTHLY_METRIC_KEYS.some((k) => {
      const v = parseCount(fields[k], locale);
      return v === null ? current?.figures?.[k] != null : Number.isNaN(v) || v !== current?.figures?.[k];
    }),
  );

  function choose(m: number) {
    guard.confirm(() => {
      setMonth(m);
      setFields(textOf(m));
      setMessage(null);
      setWarnings([]);
    });
  }

  function save(confirmWarnings = false) {
    const figures: Record<string, number | null> = {};
    for (const k of MONTHLY_METRIC_KEYS) {
      const v = parseCount(fields[k], locale);
      if (v !== null && (Number.isNaN(v) || !Number.isInteger(v))) {
        setMessage({ ok: false, text: t("figuresBadNumber", { label: labels[k] }) });
        document.getElementById(`mf-${k}`)?.focus();
        return;
      }
      figures[k] = v;
    }
    start(async () => {
      const res = await saveMonthlyFiguresAction(unitCode, year, month, { figures, version: current?.version ?? 0, confirmWarnings });
      if (res.ok) {
        setMonths(res.data.months);
        setWarnings([]);
        setMessage({ ok: true, text: t("figuresSaved", { month, year }) });
      } else if (res.code === "figures.needsConfirmation") {
        setWarnings(res.issues.map((i) => i.message));
        setMessage(null);
      } else setMessage({ ok: false, text: [res.error, ...res.issues.slice(0, 4).map((i) => i.message)].join(" ") });
    });
  }

  if (ended.length === 0) return <p className="text-sm text-slate-600">{t("noEndedMonth", { year })}</p>;
  return (
    <div className="space-y-3" data-testid="monthly-figures-form">
      <label className="block text-sm">
        <span className="mr-2 text-slate-600">{t("figuresMonth")}</span>
        <select
          value={month}
          onChange={(e) => choose(Number(e.target.value))}
          className="rounded border border-slate-300 px-2 py-1"
          data-testid="figures-month"
        >
          {ended.map((m) => (
            <option key={m.month} value={m.month}>
              {t("month", { month: m.month })}
              {m.figures ? "" : ` (${t("notEntered")})`}
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {MONTHLY_METRIC_KEYS.map((k) => (
          <label key={k} className="block text-sm" htmlFor={`mf-${k}`}>
            <span className="block text-slate-700">
              {labels[k]} <span className="text-xs text-slate-500">({units[k]})</span>
            </span>
            <input
              id={`mf-${k}`}
              inputMode="numeric"
              disabled={pending}
              value={fields[k]}
              onChange={(e) => setFields((f) => ({ ...f, [k]: e.target.value }))}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-right tabular-nums"
              data-field={k}
            />
          </label>
        ))}
      </div>
      {warnings.length > 0 && (
        <div role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="monthly-warnings">
          <p className="font-medium">{t("figuresCheck")}</p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => save(true)}
            disabled={pending}
            className={`mt-2 ${buttonClass({ variant: "secondary" })}`}
            data-testid="confirm-monthly"
          >
            {t("figuresConfirm", { month })}
          </button>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => save()} disabled={pending} className={buttonClass()} data-testid="save-monthly">
          {pending ? t("saving") : t("figuresSave", { month })}
        </button>
        {message && (
          <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`} data-testid="monthly-message">
            {message.text}
          </p>
        )}
      </div>
      <LeaveGuardDialog guard={guard} />
    </div>
  );
}
