"use client";
// City staff import a year's monthly figures from a file (issue 15, item 2): upload, see the check —
// every error by row and column, or the preview (old → new per month) — then save every changed month
// in one go, or nothing (409 when a month was saved meanwhile). The same steps as the quarterly import
// (components/imports/ImportPanel.tsx); the server checks everything again.
import { FileUploadForm } from "@/components/imports/FileUploadForm";
import { ImportWarnings } from "@/components/imports/ImportWarnings";
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { metricLabel } from "@/lib/i18n/labels";
import type { MetricKey } from "@/lib/domain/metrics";
import type { MonthlyImportPreview } from "@/lib/monthly/import";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";

interface RowError {
  row: number;
  column: string;
  unitCode: string | null;
  message: string;
}

type State =
  | { kind: "idle" }
  | { kind: "busy"; what: "reading" | "saving"; preview?: MonthlyImportPreview }
  | { kind: "errors"; message: string; errors: RowError[]; count: number }
  | { kind: "failed"; message: string }
  | { kind: "preview"; preview: MonthlyImportPreview; error?: string }
  | { kind: "saved"; months: number[] };

export function MonthlyImport({ unitCode, year }: { unitCode: string; year: number }) {
  const t = useTranslations("monthly.import");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });
  // The preview's warnings (±20% from the month before, money collected going down) are confirmed before saving.
  const [confirmed, setConfirmed] = useState(false);
  const base = `/api/v1/units/${encodeURIComponent(unitCode)}/monthly/imports`;

  async function check(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    form.set("year", String(year));
    setState({ kind: "busy", what: "reading" });
    setConfirmed(false);
    try {
      const res = await fetch(base, { method: "POST", body: form });
      const body = await res.json().catch(() => ({ error: res.statusText }));
      if (res.ok) setState({ kind: "preview", preview: body as MonthlyImportPreview });
      else if (Array.isArray(body.errors)) setState({ kind: "errors", message: body.error, errors: body.errors, count: body.errorCount ?? body.errors.length });
      else setState({ kind: "failed", message: body.error ?? res.statusText });
    } catch (err) {
      setState({ kind: "failed", message: String(err) });
    }
  }

  async function commit(preview: MonthlyImportPreview) {
    setState({ kind: "busy", what: "saving", preview });
    try {
      const res = await fetch(`${base}/${preview.id}/commit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ confirmWarnings: confirmed }),
      });
      const body = await res.json().catch(() => ({ error: res.statusText }));
      if (res.ok) {
        setState({ kind: "saved", months: body.months ?? [] });
        // The comparison with the scenario and the monthly form show the saved figures.
        router.refresh();
      } else if (res.status === 409 || res.status === 404) setState({ kind: "failed", message: body.error });
      else setState({ kind: "preview", preview, error: body.error });
    } catch (err) {
      setState({ kind: "preview", preview, error: String(err) });
    }
  }

  const preview = state.kind === "preview" ? state.preview : state.kind === "busy" ? state.preview : undefined;
  const busy = state.kind === "busy";

  return (
    <div className="space-y-3" data-testid="monthly-import">
      <div className="flex flex-wrap gap-2 text-sm">
        <a
          href={`/api/v1/units/${encodeURIComponent(unitCode)}/monthly/template.xlsx?year=${year}`}
          className="rounded border border-brand-600 px-3 py-1.5 font-medium text-brand-700 hover:bg-brand-50"
          data-testid="monthly-template-xlsx"
          download
        >
          {t("downloadXlsx")}
        </a>
        <a
          href={`/api/v1/units/${encodeURIComponent(unitCode)}/monthly/template.csv?year=${year}`}
          className="rounded border border-slate-300 px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
          data-testid="monthly-template-csv"
          download
        >
          {t("downloadCsv")}
        </a>
      </div>
      <FileUploadForm
        onSubmit={check}
        fileLabel={t("file")}
        checkLabel={t("check")}
        busy={busy}
        fileTestId="monthly-import-file"
        checkTestId="monthly-import-check"
      />

      {busy ? (
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {state.what === "reading" ? t("reading") : t("saving")}
        </p>
      ) : null}
      {state.kind === "failed" ? (
        <Alert tone="error" testId="monthly-import-failed">
          {state.message}
        </Alert>
      ) : null}
      {state.kind === "saved" ? (
        <Alert tone="success" testId="monthly-import-saved">
          {t("saved", { count: state.months.length, months: state.months.map((m) => t("monthName", { month: m, year })).join(", ") })}
        </Alert>
      ) : null}

      {state.kind === "errors" ? (
        <div className="space-y-2" data-testid="monthly-import-errors">
          <Alert tone="error">{t("errorsTitle", { count: state.count })}</Alert>
          <div className="relative overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("errorsCaption")}</caption>
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="px-2 py-1">
                    {t("colRow")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {t("colMonth")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {t("colColumn")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {t("colMessage")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.errors.slice(0, 200).map((e, i) => (
                  <tr key={i} className="border-b align-top" data-testid="monthly-import-error-row">
                    <td className="px-2 py-1 tabular-nums">{e.row || ""}</td>
                    <td className="px-2 py-1 tabular-nums">{e.unitCode}</td>
                    <td className="px-2 py-1" translate="no">
                      {e.column}
                    </td>
                    <td className="px-2 py-1">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      {preview ? (
        <div className="space-y-3" data-testid="monthly-import-preview">
          <p className="text-sm font-medium" data-testid="monthly-import-summary">
            {t("summary", { file: preview.fileName, rows: preview.rows, changes: preview.changes.length, unchanged: preview.unchanged })}
          </p>
          {state.kind === "preview" && state.error ? <Alert tone="error">{state.error}</Alert> : null}
          {preview.changes.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noChanges")}</p>
          ) : (
            <div className="relative overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="sr-only">{t("changesCaption")}</caption>
                <thead>
                  <tr className="border-b text-left">
                    <th scope="col" className="px-2 py-1">
                      {t("colRow")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("colMonth")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("colChanges")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((c) => (
                    <tr key={c.month} className="border-b align-top" data-testid="monthly-import-change-row" data-month={c.month}>
                      <td className="px-2 py-1 tabular-nums">{c.row}</td>
                      <td className="px-2 py-1">{t("monthName", { month: c.month, year: preview.year })}</td>
                      <td className="px-2 py-1">
                        <ul>
                          {c.changes.map((ch) => (
                            <li key={ch.key} data-key={ch.key}>
                              {metricLabel(ch.key as MetricKey, locale)}:{" "}
                              <span className="tabular-nums text-slate-500">{ch.old === null ? "—" : formatNumber(ch.old, locale)}</span> →{" "}
                              <span className="tabular-nums font-medium">{ch.new === null ? "—" : formatNumber(ch.new, locale)}</span>
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.warnings.length > 0 ? (
            <ImportWarnings
              title={t("warningsTitle", { count: preview.warnings.length })}
              items={preview.warnings.map((w, i) => ({
                key: i,
                text: `${t("colRow")} ${w.row} · ${t("monthName", { month: w.month, year: preview.year })}: ${w.message}`,
                attrs: { "data-month": w.month, "data-key": w.key },
              }))}
              confirmLabel={t("confirmWarnings")}
              confirmed={confirmed}
              onConfirm={setConfirmed}
              testId="monthly-import-warnings"
              confirmTestId="monthly-import-confirm"
              className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3"
            />
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button
              onClick={() => commit(preview)}
              disabled={busy || preview.changes.length === 0 || (preview.warnings.length > 0 && !confirmed)}
              data-testid="monthly-import-commit"
            >
              {t("commit", { count: preview.changes.length })}
            </Button>
            <Button variant="secondary" onClick={() => setState({ kind: "idle" })} disabled={busy}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
