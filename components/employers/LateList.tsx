"use client";
// The list of employers N+ months late as at a month end, and (city staff) the entry of one
// employer's month: type a tax code to load what is stored, or pick «Sửa» on a row; versions go back
// with the save, so a change made meanwhile is refused (409) rather than overwritten.
import { useState, useTransition, type FormEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { parseWholeNumber } from "@/lib/domain/numbers";
import { monthEndLabel, type MonthRef } from "@/lib/domain/employers";
import type { RegisterEmployer } from "@/lib/employers/service";
import { lookupEmployerAction, saveEmployerMonthAction } from "@/lib/actions/employers";
import { Button } from "@/components/ui/Button";
import { Toast, type ToastMessage } from "@/components/ui/Toast";

interface Draft {
  taxCode: string;
  name: string;
  address: string;
  communeCode: string;
  monthsLate: string;
  amountLate: string;
  version: number;
  employerVersion: number;
}

const EMPTY: Draft = { taxCode: "", name: "", address: "", communeCode: "", monthsLate: "", amountLate: "", version: 0, employerVersion: 0 };

export function LateList({
  unitCode,
  month,
  lateMonths,
  employers,
  manage,
  communes,
}: {
  unitCode: string;
  month: MonthRef;
  lateMonths: number;
  employers: RegisterEmployer[];
  manage: boolean;
  communes: { code: string; name: string }[];
}) {
  const t = useTranslations("employers");
  const locale = toLocale(useLocale());
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [message, setMessage] = useState<ToastMessage | null>(null);
  const [pending, start] = useTransition();
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const communeCodeOf = (c: { code: string; name: string } | null) => c?.code ?? "";

  function edit(e: RegisterEmployer) {
    setMessage(null);
    setDraft({
      taxCode: e.taxCode,
      name: e.name,
      address: e.address,
      communeCode: communeCodeOf(e.commune),
      monthsLate: String(e.monthsLate),
      amountLate: formatNumber(e.amountLate, locale),
      version: e.version,
      employerVersion: e.employerVersion,
    });
    document.getElementById("employer-tax")?.focus();
  }

  function lookup() {
    const taxCode = draft.taxCode.trim();
    if (taxCode === "") return;
    start(async () => {
      const res = await lookupEmployerAction(unitCode, { taxCode, year: month.year, month: month.month });
      if (!res.ok) {
        setMessage({ ok: false, text: [res.error, ...res.issues.map((i) => i.message)].filter((m, i, a) => a.indexOf(m) === i).join(" ") });
        return;
      }
      const found = res.data;
      if (!found) {
        setDraft((d) => ({ ...d, version: 0, employerVersion: 0 }));
        setMessage({ ok: true, text: t("entry.new") });
        return;
      }
      setDraft({
        taxCode: found.employer.taxCode,
        name: found.employer.name,
        address: found.employer.address,
        communeCode: communeCodeOf(found.employer.commune),
        monthsLate: found.row ? String(found.row.monthsLate) : "",
        amountLate: found.row ? formatNumber(found.row.amountLate, locale) : "",
        version: found.row?.version ?? 0,
        employerVersion: found.employer.employerVersion,
      });
      setMessage({ ok: true, text: t(found.row ? "entry.loaded" : "entry.loadedNoRow", { date: monthEndLabel(month) }) });
    });
  }

  function save(e: FormEvent) {
    e.preventDefault();
    // Whole numbers in the interface's language (lib/domain/numbers.ts): 125.400.000, English 125,400,000;
    // a decimal such as "2,5" (Vietnamese) or "2.5" (English) is refused, never read as 25.
    const months = parseWholeNumber(draft.monthsLate, locale);
    const amount = parseWholeNumber(draft.amountLate, locale);
    const monthsLate = months.ok ? months.value : null;
    const amountLate = amount.ok ? amount.value : null;
    if (monthsLate === null || amountLate === null) {
      setMessage({ ok: false, text: t("entry.badNumber") });
      return;
    }
    start(async () => {
      const res = await saveEmployerMonthAction(unitCode, {
        taxCode: draft.taxCode,
        name: draft.name,
        address: draft.address,
        communeCode: draft.communeCode || null,
        year: month.year,
        month: month.month,
        monthsLate,
        amountLate,
        version: draft.version,
        employerVersion: draft.employerVersion,
      });
      if (res.ok) {
        setDraft(EMPTY);
        setMessage({ ok: true, text: t("entry.saved", { taxCode: res.data.taxCode, date: monthEndLabel(month) }) });
      } else setMessage({ ok: false, text: [res.error, ...res.issues.map((i) => i.message)].filter((m, i, a) => a.indexOf(m) === i).join(" ") });
    });
  }

  const input = "mt-1 w-full rounded border border-slate-300 px-2 py-1.5";
  return (
    <div className="space-y-4">
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="late-list">
        <h2 className="mb-3 text-lg font-semibold">{t("listTitle", { n: lateMonths, date: monthEndLabel(month) })}</h2>
        {employers.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="late-none">
            {t("none", { n: lateMonths })}
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("listTitle", { n: lateMonths, date: monthEndLabel(month) })}</caption>
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t("colName")}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t("colTaxCode")}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t("colAddress")}
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    {t("colCommune")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    {t("colMonthsLate")}
                  </th>
                  <th scope="col" className="px-2 py-1 text-right font-medium">
                    {t("colAmountLate")}
                  </th>
                  {manage ? (
                    <th scope="col" className="px-2 py-1">
                      <span className="sr-only">{t("colActions")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {employers.map((e) => (
                  <tr key={e.taxCode} className="border-b border-slate-100 align-top" data-testid="late-row" data-tax={e.taxCode}>
                    <th scope="row" className="px-2 py-1 text-left font-medium" translate="no">
                      {e.name}
                    </th>
                    <td className="px-2 py-1 tabular-nums">{e.taxCode}</td>
                    <td className="px-2 py-1" translate="no">
                      {e.address}
                    </td>
                    <td className="px-2 py-1" translate="no">
                      {e.commune?.name ?? "—"}
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatNumber(e.monthsLate, locale)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{formatNumber(e.amountLate, locale)}</td>
                    {manage ? (
                      <td className="px-2 py-1 text-right">
                        <Button variant="ghost" size="sm" onClick={() => edit(e)} aria-label={t("editOf", { taxCode: e.taxCode })}>
                          {t("edit")}
                        </Button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {manage ? (
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="employer-entry">
          <h2 className="text-lg font-semibold">{t("entry.title", { date: monthEndLabel(month) })}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("entry.intro")}</p>
          <form onSubmit={save} className="mt-3 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <div className="flex flex-col">
              <label htmlFor="employer-tax">{t("colTaxCode")}</label>
              <span className="flex gap-2">
                <input
                  id="employer-tax"
                  required
                  value={draft.taxCode}
                  onChange={set("taxCode")}
                  onBlur={() => draft.employerVersion === 0 && draft.name === "" && lookup()}
                  placeholder="0101234567"
                  inputMode="numeric"
                  className={input}
                  data-testid="entry-tax"
                />
                <Button variant="secondary" size="sm" className="mt-1" onClick={lookup} disabled={pending} data-testid="entry-lookup">
                  {t("entry.lookup")}
                </Button>
              </span>
            </div>
            <label className="flex flex-col">
              <span>{t("colName")}</span>
              <input required value={draft.name} onChange={set("name")} maxLength={300} className={input} data-testid="entry-name" />
            </label>
            <label className="flex flex-col">
              <span>{t("colAddress")}</span>
              <input value={draft.address} onChange={set("address")} maxLength={500} className={input} data-testid="entry-address" />
            </label>
            <label className="flex flex-col">
              <span>{t("colCommune")}</span>
              <select value={draft.communeCode} onChange={set("communeCode")} className={input} data-testid="entry-commune">
                <option value="">{t("entry.noCommune")}</option>
                {communes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col">
              <span>{t("colMonthsLate")}</span>
              <input required value={draft.monthsLate} onChange={set("monthsLate")} inputMode="numeric" className={input} data-testid="entry-months" />
            </label>
            <label className="flex flex-col">
              <span>{t("colAmountLate")}</span>
              <input
                required
                value={draft.amountLate}
                onChange={set("amountLate")}
                onBlur={() => {
                  const p = parseWholeNumber(draft.amountLate, locale);
                  if (p.ok && p.value !== null) setDraft((d) => ({ ...d, amountLate: formatNumber(p.value, locale) }));
                }}
                inputMode="numeric"
                className={input}
                data-testid="entry-amount"
              />
            </label>
            <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-3">
              <Button type="submit" disabled={pending} data-testid="entry-save">
                {pending ? t("entry.saving") : t("entry.save")}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setDraft(EMPTY);
                  setMessage(null);
                }}
                disabled={pending}
              >
                {t("entry.clear")}
              </Button>
              {draft.employerVersion > 0 ? <span className="text-xs text-slate-500">{t("entry.editing", { taxCode: draft.taxCode })}</span> : null}
            </div>
          </form>
          <Toast message={message} testId="entry-message" className="mt-3" />
        </section>
      ) : null}
    </div>
  );
}
