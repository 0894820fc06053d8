"use client";
// The quarterly report form of a commune officer. Numbers are typed as 13.624 or 13624 (English:
// 13,624), read, shown and re-formatted in the interface's language (lib/domain/numbers.ts); every
// rate is computed as the officer types; the domain checks run here too (the server repeats
// them: it is the authority). Warnings need an explicit confirmation before saving. Submitting asks
// for a confirmation showing the figures; leaving with unsaved figures asks too (issue 13). After a
// return the stored figures are the initial values: only the ones the city asked about need typing,
// and every save sends all twelve (the save replaces the quarter's figures).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { METRIC_KEYS, INDICATOR_KEYS, METRICS, type Figures, type MetricKey } from "@/lib/domain/metrics";
import { checkFigures, validationMessages } from "@/lib/domain/figures-validation";
import { parseWholeNumber, type NumberParse } from "@/lib/domain/numbers";
import { computeIndicators } from "@/lib/domain/indicators";
import { YEAR_TO_DATE_METRICS } from "@/lib/domain/period";
import { formatAttainment, formatClock, formatMilestone, formatNumber, formatPercent, formatPoints, formatTargetPercent, rateDigits } from "@/lib/format";
import { judge, type Milestone } from "@/lib/domain/milestones";
import { actualForTarget, COUNT_TARGET_KEYS, isRateTargetKey, isTargetKey, targetDirectionOf, type TargetKey } from "@/lib/domain/targets";
import { DEFAULT_BANDS, type Bands } from "@/lib/domain/ranking";
import { toLocale } from "@/lib/i18n/config";
import { indicatorLabel, metricLabel, targetLabel } from "@/lib/i18n/labels";
import { saveQuarterAction } from "@/lib/actions/figures";
import type { ApiIssue } from "@/lib/figures/errors";
import { StatusBadge } from "./StatusBadge";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { LeaveGuardDialog, useLeaveGuard } from "@/components/ui/LeaveGuard";
import { WithData, dataMark } from "@/components/ui/Field";
import { FiguresSummary } from "@/components/review/FiguresSummary";
import { changedKeys, filledCount, indicatorFormula, indicatorsUsing, initialText } from "@/lib/figures/form-helpers";

const GROUPS: { key: "groupDenominators" | "groupParticipants" | "groupMoney"; metrics: MetricKey[] }[] = [
  { key: "groupDenominators", metrics: ["labourForce", "population", "retirementAgePopulation"] },
  {
    key: "groupParticipants",
    metrics: ["bhxhCompulsory", "bhxhVoluntary", "bhxhVoluntaryInformal", "bhtn", "bhyt", "pensionRecipients"],
  },
  { key: "groupMoney", metrics: ["amountDue", "amountCollected", "latePayments"] },
];

export interface QuarterFormProps {
  unitCode: string;
  unitName: string;
  year: number;
  quarter: number;
  kind: "actual" | "estimate";
  initial: Partial<Record<MetricKey, number | null>> | null;
  status: string | null;
  version: number | null;
  previous: Partial<Record<MetricKey, number | null>> | null;
  /** The city's previous-quarter threshold (0.2 = ±20%), as the server checks it. */
  changeThreshold?: number;
  targets: Record<string, number>;
  /**
   * The period's milestone of each count target, as the dashboard judges it (the straight line from
   * last year's end, the city's override or the saved monthly scenario; an estimate: the year's target).
   */
  milestones?: Record<string, Milestone>;
  /** The city's bands, as the dashboard colours with. */
  bands?: Bands;
  /** The city's last return/reopen comment, shown while the quarter is returned. */
  returnComment?: string | null;
}

export function QuarterForm(props: QuarterFormProps) {
  const t = useTranslations("figures");
  const locale = toLocale(useLocale());
  const router = useRouter();
  // The stored figures are the initial values (a returned quarter is fixed, not retyped).
  const [raw, setRaw] = useState<Record<MetricKey, string>>(() => initialText(props.initial, (n) => formatNumber(n, locale)));
  const [saved, setSaved] = useState<Figures>(() => ({ ...(props.initial ?? {}) }));
  const [asking, setAsking] = useState<null | { kind: "submit" }>(null);
  const [missingShown, setMissingShown] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [serverIssues, setServerIssues] = useState<ApiIssue[]>([]);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [status, setStatus] = useState(props.status);
  const [version, setVersion] = useState(props.version);
  const [pending, start] = useTransition();
  // Submitted or approved quarters are locked for the commune (the server refuses too).
  const locked = status === "SUBMITTED" || status === "APPROVED";

  const parsed = useMemo(
    () => Object.fromEntries(METRIC_KEYS.map((k) => [k, parseWholeNumber(raw[k], locale, validationMessages(locale))])) as Record<MetricKey, NumberParse>,
    [raw, locale],
  );
  const figures: Figures = useMemo(() => Object.fromEntries(METRIC_KEYS.map((k) => [k, parsed[k].ok ? parsed[k].value : null])) as Figures, [parsed]);
  const previous = useMemo(() => {
    if (!props.previous) return null;
    const p: Figures = { ...props.previous };
    if (props.kind === "actual" && props.quarter === 1) for (const k of YEAR_TO_DATE_METRICS) p[k] = null;
    return p;
  }, [props.previous, props.kind, props.quarter]);
  const checks = useMemo(
    () => checkFigures(figures, previous, { changeThreshold: props.changeThreshold, messages: validationMessages(locale) }),
    [figures, previous, props.changeThreshold, locale],
  );
  const indicators = useMemo(() => computeIndicators(figures, { revenuePlan: props.targets.amountCollected ?? null }), [figures, props.targets]);
  // Every target judged as the figures are typed, against the period's milestone (an estimate: the
  // year's target), with the dashboard's own rule (lib/domain/milestones.ts judge) and the city's
  // bands: what the form says is what the unit page and the dashboard will say once it is sent.
  const liveJudgement = (k: TargetKey, actual: number | null, testId?: string) => {
    const target = props.targets[k];
    const milestone = props.milestones?.[k];
    if (target === undefined || !milestone) return null;
    const j = judge(k, actual, target, milestone, targetDirectionOf(k), props.bands ?? DEFAULT_BANDS);
    const rate = isRateTargetKey(k);
    const value = formatMilestone(milestone.value, k, rate, milestone.basis, locale);
    const status = t(`status.${j.status}`);
    const label =
      j.margin !== null
        ? t("form.ceilingBadge", { points: formatPoints(j.margin, locale), status })
        : j.attainment === null
          ? null
          : t(props.kind === "estimate" ? "form.attainmentBadge" : "form.milestoneBadge", { pct: formatAttainment(j.attainment, locale), status });
    return (
      <div data-testid={testId ?? `badge-${k}`}>
        {label && <StatusBadge status={j.status} label={label} />}
        <div className="mt-0.5 text-xs text-slate-500" data-testid={`milestone-${k}`}>
          {props.kind === "estimate" ? t("form.targetIs", { target: value }) : t("form.milestoneIs", { q: props.quarter, value })}
        </div>
      </div>
    );
  };

  const fieldIssues = (k: MetricKey) => {
    const out: { severity: "error" | "warning"; message: string }[] = [];
    const p = parsed[k];
    if (!p.ok) out.push({ severity: "error", message: p.message });
    // After a refused submission, each empty figure says it is needed (the message above may be off-screen).
    else if (missingShown && typeof figures[k] !== "number") out.push({ severity: "error", message: t("form.requiredForSubmit") });
    for (const i of checks.errors) if (i.path === k) out.push({ severity: "error", message: i.message });
    for (const i of checks.warnings) if (i.path === k) out.push({ severity: "warning", message: i.message });
    // The server's own check of the same rule says the same thing (in Vietnamese numbers): one per severity.
    for (const i of serverIssues) {
      const severity = i.severity ?? "error";
      if (i.path === `figures.${k}` && !out.some((o) => o.message === i.message || o.severity === severity)) out.push({ severity, message: i.message });
    }
    return out;
  };
  const parseErrors = METRIC_KEYS.filter((k) => !parsed[k].ok);
  // Unsaved: a figure differs from the stored one, or something unreadable was typed.
  const changed = useMemo(() => changedKeys(figures, saved), [figures, saved]);
  const dirty = !locked && (changed.length > 0 || parseErrors.length > 0);
  const filled = filledCount(figures);

  // Leaving with unsaved figures asks first (components/ui/LeaveGuard.tsx).
  const guard = useLeaveGuard(dirty);
  const hasWarnings = checks.warnings.length > 0 || serverIssues.some((i) => i.severity === "warning");

  function save(submit: boolean, confirmed = false) {
    setMessage(null);
    setMissingShown(false);
    if (parseErrors.length > 0 || checks.errors.length > 0) {
      // Say how many fields need fixing (a bare "to fix" heading read as if its list were missing).
      const count = new Set<string>([...parseErrors, ...checks.errors.map((e) => e.path)]).size;
      setMessage({ kind: "error", text: t("form.notSavedErrors", { count }) });
      document.getElementById(`f-${parseErrors[0] ?? checks.errors[0].path}`)?.focus();
      return;
    }
    // A report goes to the city complete (the server refuses otherwise): say so at once, at the first empty figure,
    // rather than after a confirmation listing every "not entered".
    const empty = METRIC_KEYS.filter((k) => typeof figures[k] !== "number");
    if (submit && empty.length > 0) {
      setMessage({ kind: "error", text: t("form.missingForSubmit", { count: empty.length }) });
      setMissingShown(true);
      document.getElementById(`f-${empty[0]}`)?.focus();
      return;
    }
    // Submitting hands the quarter to the city: show the figures and ask first.
    if (submit && !confirmed) {
      setAsking({ kind: "submit" });
      return;
    }
    setAsking(null);
    start(async () => {
      const res = await saveQuarterAction({
        unitCode: props.unitCode,
        year: props.year,
        quarter: props.quarter,
        body: { figures, kind: props.kind, confirmWarnings: confirm, submit, version: version ?? 0 },
      });
      if (res.ok) {
        setServerIssues([]);
        setStatus(res.report.status);
        setVersion(res.report.version);
        setSaved({ ...res.report.figures });
        // Vietnam's time, as the history and the thread write it, whatever the browser's time zone.
        const time = formatClock(new Date(), locale);
        setMessage({ kind: "ok", text: submit ? t("form.submitted", { time }) : t("form.saved", { time }) });
        router.refresh();
      } else {
        setServerIssues(res.issues);
        setMessage({ kind: "error", text: res.error });
      }
    });
  }

  const unitLabel = (k: MetricKey) => `${METRICS[k].unit === "vnd" ? t("vnd") : t("people")}${YEAR_TO_DATE_METRICS.includes(k) ? `, ${t("ytd")}` : ""}`;
  const title = props.kind === "estimate" ? t("form.titleEstimate", { year: props.year }) : t("form.title", { q: props.quarter, year: props.year });
  const periodName = title.charAt(0).toLocaleLowerCase(locale) + title.slice(1);

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      {props.returnComment && status === "RETURNED" && (
        <div className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 lg:col-span-2" data-testid="form-return-comment">
          <p>
            <WithData text={t("form.returned", { comment: dataMark(0) })} values={[props.returnComment]} />
          </p>
          {props.initial && <p className="mt-1 text-red-800">{t("form.prefilled")}</p>}
        </div>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save(false);
        }}
        className="space-y-5"
        data-testid="quarter-form"
      >
        <p className="text-sm text-slate-700" data-testid="form-filled" aria-live="polite">
          <span
            className={`rounded px-2 py-0.5 font-medium ${filled === METRIC_KEYS.length ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-700"}`}
          >
            {t("form.filled", { n: filled, total: METRIC_KEYS.length })}
          </span>
        </p>
        {GROUPS.map((g) => (
          <fieldset key={g.key} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <legend className="px-1 font-semibold">{t(`form.${g.key}`)}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              {g.metrics.map((k) => {
                const issues = fieldIssues(k);
                const err = issues.find((i) => i.severity === "error");
                const prev = props.previous?.[k];
                const uses = indicatorsUsing(k);
                return (
                  <div key={k} data-field={k}>
                    <label htmlFor={`f-${k}`} className="block text-sm font-medium">
                      {metricLabel(k, locale)}
                      <span className="font-normal text-slate-500"> ({unitLabel(k)})</span>
                    </label>
                    <input
                      id={`f-${k}`}
                      name={k}
                      inputMode="numeric"
                      autoComplete="off"
                      readOnly={locked}
                      value={raw[k]}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={[issues.length ? `e-${k}` : "", `h-${k}`].filter(Boolean).join(" ")}
                      onChange={(e) => {
                        setRaw((r) => ({ ...r, [k]: e.target.value }));
                        setServerIssues((s) => s.filter((i) => i.path !== `figures.${k}`));
                      }}
                      onBlur={() => {
                        const p = parsed[k];
                        if (p.ok && p.value !== null) setRaw((r) => ({ ...r, [k]: formatNumber(p.value!, locale) }));
                      }}
                      className={`mt-1 w-full rounded border px-3 py-2 text-right tabular-nums ${err ? "border-red-500 bg-red-50" : issues.length ? "border-amber-500 bg-amber-50" : changed.includes(k) && !locked ? "border-brand-600" : "border-slate-300"}`}
                    />
                    {prev != null && <p className="mt-0.5 text-xs text-slate-500">{t("form.previous", { value: formatNumber(prev, locale) })}</p>}
                    {issues.length > 0 && (
                      <ul id={`e-${k}`} className="mt-1 space-y-0.5 text-sm" data-testid={`issues-${k}`}>
                        {issues.map((i) => (
                          <li key={i.message} className={i.severity === "error" ? "text-red-700" : "text-amber-800"} data-severity={i.severity}>
                            {i.message}
                          </li>
                        ))}
                      </ul>
                    )}
                    <details className="mt-1 text-xs text-slate-600" data-testid={`help-${k}`}>
                      <summary className="cursor-pointer text-brand-700">{t("form.help")}</summary>
                      <div id={`h-${k}`} className="mt-1 space-y-1">
                        <p>{t(`form.source.${k}`)}</p>
                        {uses.length > 0 && <p>{t("form.usedIn", { indicators: uses.map((u) => indicatorLabel(u, locale)).join("; ") })}</p>}
                      </div>
                    </details>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}

        {hasWarnings && (
          <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="warnings">
            <p className="font-semibold text-amber-900">{t("form.warningsTitle")}</p>
            <label className="mt-2 flex items-start gap-2">
              <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} className="mt-1" />
              <span>{t("form.confirm")}</span>
            </label>
          </div>
        )}

        {locked && (
          <p className="rounded bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="form-locked">
            {status === "APPROVED" ? t("form.lockedApproved") : t("form.lockedSubmitted")}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          {!locked && (
            <>
              <button
                type="submit"
                disabled={pending}
                className="rounded border border-brand-600 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60"
              >
                {pending ? t("form.saving") : t("form.saveDraft")}
              </button>
              <button
                type="button"
                disabled={pending}
                onClick={() => save(true)}
                className="rounded bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
              >
                {status === "RETURNED" ? t("form.resubmit") : t("form.submit")}
              </button>
            </>
          )}
          <span className="text-sm text-slate-600" data-testid="form-status">
            {t("form.status", { status: t(`reportStatus.${status ?? "NONE"}`) })}
            {/* The version is the edit lock's counter (a save and a submit each add one), not a number users keep: not shown. */}
            {dirty ? ` · ${t("form.unsaved")}` : ""}
          </span>
          <Link
            href={`/units/${encodeURIComponent(props.unitCode)}?year=${props.year}&quarter=${props.quarter}`}
            className="ml-auto text-sm text-brand-700 hover:underline"
          >
            {t("form.back")}
          </Link>
        </div>
        {message && (
          <p
            role={message.kind === "error" ? "alert" : "status"}
            data-testid="form-message"
            className={`rounded px-3 py-2 text-sm ${message.kind === "ok" ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-800"}`}
          >
            {message.text}
          </p>
        )}
      </form>

      {/* Not a live region: it would read every rate again at each keystroke (a walk found); each field says its own problems. */}
      <aside className="h-fit rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:sticky lg:top-4" data-testid="live-indicators">
        <h2 className="mb-1 font-semibold">{t("form.live")}</h2>
        <p className="mb-2 text-xs text-slate-600">{props.kind === "estimate" ? t("form.liveHintYear") : t("form.liveHint", { q: props.quarter })}</p>
        <table className="w-full text-sm">
          <tbody>
            {INDICATOR_KEYS.map((k) => {
              const target = props.targets[k];
              return (
                <tr key={k} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-2">
                    {indicatorLabel(k, locale)}
                    <details className="text-xs text-slate-600" data-testid={`formula-${k}`}>
                      <summary className="cursor-pointer text-brand-700">{t("form.formulaShort")}</summary>
                      <p className="mt-0.5">{indicatorFormula(k, (m) => metricLabel(m, locale), t("form.revenuePlan"))}</p>
                      {target !== undefined && <p className="mt-0.5">{t("form.targetIs", { target: formatTargetPercent(target, locale, rateDigits(k)) })}</p>}
                    </details>
                  </td>
                  <td className="py-1 text-right font-semibold tabular-nums" data-testid={`live-${k}`}>
                    {formatPercent(indicators[k], locale, rateDigits(k))}
                  </td>
                  <td className="py-1 pl-2 text-right">{isTargetKey(k) && liveJudgement(k, indicators[k])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {COUNT_TARGET_KEYS.some((k) => props.targets[k] !== undefined && props.milestones?.[k]) && (
          <>
            <h3 className="mt-4 mb-1 text-sm font-semibold">
              {props.kind === "estimate" ? t("form.liveCountsYear") : t("form.liveCounts", { q: props.quarter })}
            </h3>
            <table className="w-full text-sm" data-testid="live-counts">
              <tbody>
                {COUNT_TARGET_KEYS.filter((k) => props.targets[k] !== undefined && props.milestones?.[k]).map((k) => {
                  const actual = actualForTarget(k, figures, indicators);
                  return (
                    <tr key={k} className="border-b border-slate-100 align-top">
                      <td className="py-1 pr-2">{targetLabel(k, locale)}</td>
                      <td className="py-1 text-right font-semibold tabular-nums" data-testid={`live-count-${k}`}>
                        {actual === null ? "—" : formatNumber(actual, locale)}
                      </td>
                      <td className="py-1 pl-2 text-right">{liveJudgement(k, actual, `badge-count-${k}`)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </aside>

      <ConfirmDialog
        open={asking?.kind === "submit"}
        title={t(status === "RETURNED" ? "form.confirmResubmitTitle" : "form.confirmSubmitTitle", { period: periodName })}
        confirmLabel={status === "RETURNED" ? t("form.resubmit") : t("form.submit")}
        cancelLabel={t("form.keepEditing")}
        busy={pending}
        onCancel={() => setAsking(null)}
        onConfirm={() => save(true, true)}
        testId="submit-confirm"
      >
        <p className="mb-2 text-slate-700">
          <WithData text={t("form.confirmSubmitIntro", { unit: dataMark(0) })} values={[props.unitName]} />
        </p>
        <FiguresSummary figures={figures} changed={props.initial ? changedKeys(figures, props.initial) : []} />
        {hasWarnings && <p className="mt-2 text-amber-800">{confirm ? t("form.confirmWarningsChecked") : t("form.confirmWarningsOpen")}</p>}
      </ConfirmDialog>
      <LeaveGuardDialog guard={guard}>
        <p>{t("form.leaveBody", { n: changed.length })}</p>
      </LeaveGuardDialog>
    </div>
  );
}
