"use client";
// One village's figures for a quarter, typed by the commune's officer: 13.624 or 13624 (English:
// 13,624; lib/domain/numbers.ts), checked as typed with the server's own rules (lib/domain/villages.ts:
// participants above the labour force, BHYT above the population are warnings to confirm). The save
// sends the version read: if someone saved in between, nothing is written and the form says so (409),
// with what is stored now.
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { LeaveGuardDialog, useLeaveGuard } from "@/components/ui/LeaveGuard";
import { validationMessages } from "@/lib/domain/figures-validation";
import { parseWholeNumber, type NumberParse } from "@/lib/domain/numbers";
import { VILLAGE_METRICS, checkVillageFigures, type VillageMetric } from "@/lib/domain/villages";
import { formatDateTime, formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { metricLabel } from "@/lib/i18n/labels";
import { saveVillageFiguresAction } from "@/lib/actions/villages";
import type { ApiIssue } from "@/lib/figures/errors";
import type { VillageRow } from "@/lib/villages/service";
import { Button } from "@/components/ui/Button";
import { WithData, dataMark } from "@/components/ui/Field";

export function VillageForm({
  communeCode,
  village,
  year,
  quarter,
  onSaved,
  onCancel,
}: {
  communeCode: string;
  village: VillageRow;
  year: number;
  quarter: number;
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("villages");
  const locale = toLocale(useLocale());
  const messages = validationMessages(locale);
  const [raw, setRaw] = useState<Record<VillageMetric, string>>(
    () =>
      Object.fromEntries(VILLAGE_METRICS.map((k) => [k, typeof village.figures?.[k] === "number" ? formatNumber(village.figures[k], locale) : ""])) as Record<
        VillageMetric,
        string
      >,
  );
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<{ text: string; issues: ApiIssue[]; stale: boolean } | null>(null);
  const [pending, start] = useTransition();

  const parsed = Object.fromEntries(VILLAGE_METRICS.map((k) => [k, parseWholeNumber(raw[k], locale, messages)])) as Record<VillageMetric, NumberParse>;
  const figures = Object.fromEntries(VILLAGE_METRICS.map((k) => [k, parsed[k].ok ? parsed[k].value : null])) as Record<VillageMetric, number | null>;
  const warnings = checkVillageFigures(figures, messages).warnings;
  const warningOf = (k: VillageMetric) => warnings.find((w) => w.path === k)?.message;
  const bad = VILLAGE_METRICS.filter((k) => !parsed[k].ok);
  // Typed figures are not lost by leaving the page (components/ui/LeaveGuard.tsx).
  const guard = useLeaveGuard(bad.length > 0 || VILLAGE_METRICS.some((k) => figures[k] !== (village.figures?.[k] ?? null)));
  const id = (k: string) => `vf-${village.unit.code}-${k}`;

  function save() {
    setError(null);
    if (bad.length) {
      document.getElementById(id(bad[0]))?.focus();
      setError({ text: t("fixFirst"), issues: [], stale: false });
      return;
    }
    if (warnings.length && !confirm) {
      setError({ text: t("confirmFirst"), issues: [], stale: false });
      document.getElementById(id("confirm"))?.focus();
      return;
    }
    start(async () => {
      const res = await saveVillageFiguresAction({
        communeCode,
        villageCode: village.unit.code,
        year,
        quarter,
        body: { figures, version: village.version, confirmWarnings: confirm },
      });
      if (res.ok) {
        onSaved(res.data.changed === 0 ? t("savedSame", { name: village.unit.name }) : t("saved", { name: village.unit.name, q: quarter, y: year }));
      } else {
        setError({ text: res.error, issues: res.issues ?? [], stale: res.status === 409 });
      }
    });
  }

  return (
    <form
      className="space-y-3 rounded-lg border border-brand-200 bg-white p-3"
      data-testid="village-form"
      data-village={village.unit.code}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <p className="text-sm font-medium">
        {t("formTitle", { q: quarter, y: year })} <span translate="no">{village.unit.name}</span>
      </p>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {VILLAGE_METRICS.map((k) => {
          const p = parsed[k];
          const warn = warningOf(k);
          return (
            <label key={k} className="flex flex-col text-sm" htmlFor={id(k)}>
              <span className="text-slate-600">{metricLabel(k, locale)}</span>
              <input
                id={id(k)}
                name={k}
                inputMode="numeric"
                autoComplete="off"
                value={raw[k]}
                onChange={(e) => setRaw((r) => ({ ...r, [k]: e.target.value }))}
                onBlur={() => {
                  if (p.ok && p.value !== null) setRaw((r) => ({ ...r, [k]: formatNumber(p.value, locale) }));
                }}
                aria-invalid={!p.ok || undefined}
                aria-describedby={!p.ok || warn ? `${id(k)}-note` : undefined}
                className={`mt-0.5 rounded border px-2 py-1.5 text-right tabular-nums ${!p.ok ? "border-red-500 bg-red-50" : warn ? "border-amber-500 bg-amber-50" : "border-slate-300"}`}
              />
              {!p.ok && (
                <span id={`${id(k)}-note`} className="mt-0.5 text-xs text-red-700">
                  {p.message}
                </span>
              )}
              {p.ok && warn && (
                <span id={`${id(k)}-note`} className="mt-0.5 text-xs text-amber-900">
                  {warn}
                </span>
              )}
            </label>
          );
        })}
      </div>
      {warnings.length > 0 && (
        <label className="flex items-start gap-2 text-sm text-amber-900" htmlFor={id("confirm")}>
          <input id={id("confirm")} type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} className="mt-0.5" />
          {t("confirm")}
        </label>
      )}
      {error && (
        <div role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="village-form-error">
          {error.text}
          {error.issues.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {error.issues.slice(0, 8).map((i) => (
                <li key={i.path + i.message}>{i.message}</li>
              ))}
            </ul>
          )}
          {error.stale && (
            <button type="button" className="mt-1 underline" onClick={() => window.location.reload()}>
              {t("reload")}
            </button>
          )}
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("cancel")}
        </Button>
        {village.updatedBy && (
          <span className="self-center text-xs text-slate-500">
            <WithData text={t("lastSaved", { who: dataMark(0), when: formatDateTime(village.updatedAt, locale) })} values={[village.updatedBy]} />
          </span>
        )}
      </div>
      <LeaveGuardDialog guard={guard} />
    </form>
  );
}
