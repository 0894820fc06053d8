"use client";
// Upload a figures file, see the check (errors by row and column, or the preview: old → new per
// commune, warnings to confirm, rows skipped and why), then commit — all rows or none (issue 14).
import { FileUploadForm } from "@/components/imports/FileUploadForm";
import { ImportWarnings } from "@/components/imports/ImportWarnings";
import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";

interface RowError {
  row: number;
  column: string;
  unitCode: string | null;
  unitName: string | null;
  message: string;
}
interface Preview {
  id: string;
  fileName: string;
  rows: number;
  unchanged: number;
  changes: {
    row: number;
    unitCode: string;
    unitName: string;
    changes: { key: string; label: string; rate?: boolean; old: number | null; new: number | null }[];
    warnings: string[];
  }[];
  warnings: RowError[];
  skipped: { row: number; unitCode: string; unitName: string; reason: string }[];
}

type State =
  | { kind: "idle" }
  | { kind: "busy"; what: "reading" | "saving"; preview?: Preview }
  | { kind: "errors"; message: string; errors: RowError[]; count: number }
  | { kind: "failed"; message: string }
  | { kind: "preview"; preview: Preview; error?: string }
  | { kind: "saved"; count: number; submitted: boolean };

const SHOWN = 200;

export function ImportPanel({
  unitCode,
  year,
  quarter,
  kind = "figures",
  canSubmit = false,
}: {
  unitCode: string;
  year: number;
  quarter: number;
  kind?: "figures" | "targets";
  canSubmit?: boolean;
}) {
  const t = useTranslations("imports");
  const locale = toLocale(useLocale());
  const n = (v: number | null, rate?: boolean) => (rate ? formatPercent(v, locale) : formatNumber(v, locale));
  const [state, setState] = useState<State>({ kind: "idle" });
  const [confirmed, setConfirmed] = useState(false);
  // City staff: submit the quarters on the communes' behalf, so dashboards count them at once.
  const [submitToo, setSubmitToo] = useState(false);
  const base = `/api/v1/units/${encodeURIComponent(unitCode)}`;

  async function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    form.set("year", String(year));
    form.set("quarter", String(quarter));
    if (kind === "targets") form.set("kind", "targets");
    setConfirmed(false);
    setState({ kind: "busy", what: "reading" });
    try {
      const res = await fetch(`${base}/imports`, { method: "POST", body: form });
      const body = await res.json().catch(() => ({ error: res.statusText }));
      if (res.ok) setState({ kind: "preview", preview: body as Preview });
      else if (Array.isArray(body.errors)) setState({ kind: "errors", message: body.error, errors: body.errors, count: body.errorCount ?? body.errors.length });
      else setState({ kind: "failed", message: body.error ?? res.statusText });
    } catch (err) {
      setState({ kind: "failed", message: String(err) });
    }
  }

  async function commit(preview: Preview) {
    setState({ kind: "busy", what: "saving", preview });
    try {
      const res = await fetch(`${base}/imports/${preview.id}/commit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ confirmWarnings: confirmed, ...(kind === "figures" && canSubmit ? { submit: submitToo } : {}) }),
      });
      const body = await res.json().catch(() => ({ error: res.statusText }));
      if (res.ok) setState({ kind: "saved", count: body.saved, submitted: kind === "figures" && canSubmit && submitToo });
      else if (res.status === 409 || res.status === 404) setState({ kind: "failed", message: body.error });
      else setState({ kind: "preview", preview, error: body.error });
    } catch (err) {
      setState({ kind: "preview", preview, error: String(err) });
    }
  }

  const preview = state.kind === "preview" ? state.preview : state.kind === "busy" ? state.preview : undefined;
  const busy = state.kind === "busy";

  return (
    <div className="space-y-4" data-testid={kind === "targets" ? "import-panel-targets" : "import-panel"}>
      <FileUploadForm
        onSubmit={upload}
        fileLabel={t("file")}
        checkLabel={t("check")}
        busy={busy}
        fileTestId="import-file"
        checkTestId="import-check"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
      />

      {busy ? (
        <div role="status" aria-live="polite" className="space-y-1" data-testid="import-progress">
          <p className="text-sm text-slate-700">{state.what === "reading" ? t("reading") : t("saving")}</p>
          <progress className="h-2 w-full max-w-md" aria-label={state.what === "reading" ? t("reading") : t("saving")} />
        </div>
      ) : null}

      {state.kind === "failed" ? (
        <Alert tone="error" testId="import-failed">
          {state.message}
        </Alert>
      ) : null}

      {state.kind === "errors" ? (
        <div className="space-y-2" data-testid="import-errors">
          <Alert tone="error">{t("errorsTitle", { count: state.count })}</Alert>
          {/* The server's sentence restates the count when there are several errors (the title says it); one error it names. */}
          {state.count === 1 ? <p className="text-sm text-slate-700">{state.message}</p> : null}
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead>
                <tr className="border-b text-left">
                  <th className="px-2 py-1">{t("colRow")}</th>
                  <th className="px-2 py-1">{t("colColumn")}</th>
                  <th className="px-2 py-1">{t("colCode")}</th>
                  <th className="px-2 py-1">{t("colUnit")}</th>
                  <th className="px-2 py-1">{t("colMessage")}</th>
                </tr>
              </thead>
              <tbody>
                {state.errors.slice(0, SHOWN).map((e, i) => (
                  <tr key={i} className="border-b align-top" data-testid="import-error-row">
                    <td className="px-2 py-1 tabular-nums">{e.row || ""}</td>
                    <td className="px-2 py-1">{e.column}</td>
                    <td className="px-2 py-1">{e.unitCode}</td>
                    <td className="px-2 py-1">{e.unitName}</td>
                    <td className="px-2 py-1">{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {state.errors.length > SHOWN ? <p className="text-xs text-slate-500">{t("errorsMore", { shown: SHOWN })}</p> : null}
        </div>
      ) : null}

      {state.kind === "saved" ? (
        <Alert tone="success" testId="import-saved">
          {t(kind === "targets" ? "savedTargets" : state.submitted ? "savedSubmitted" : "saved", { count: state.count })}{" "}
          <Link
            href={
              kind === "targets"
                ? `/units/${encodeURIComponent(unitCode)}/targets?year=${year}`
                : `/units/${encodeURIComponent(unitCode)}/completeness?year=${year}&quarter=${quarter}`
            }
            className="font-medium underline"
          >
            {t(kind === "targets" ? "toTargets" : "toCompleteness")}
          </Link>
        </Alert>
      ) : null}

      {preview ? (
        <div className="space-y-4" data-testid="import-preview">
          <p className="text-sm font-medium" data-testid="import-summary">
            {t("summary", {
              file: preview.fileName,
              rows: preview.rows,
              changes: preview.changes.length,
              unchanged: preview.unchanged,
              skipped: preview.skipped.length,
            })}
          </p>
          {state.kind === "preview" && state.error ? <Alert tone="error">{state.error}</Alert> : null}
          <section>
            <h2 className="text-lg font-semibold">{t("changesTitle")}</h2>
            {preview.changes.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noChanges")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="min-w-full text-sm">
                  <thead>
                    <tr className="border-b text-left">
                      <th className="px-2 py-1">{t("colRow")}</th>
                      <th className="px-2 py-1">{t("colUnit")}</th>
                      <th className="px-2 py-1">{t("colChanges")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.changes.slice(0, SHOWN).map((c) => (
                      <tr key={c.unitCode} className="border-b align-top" data-testid="import-change-row">
                        <td className="px-2 py-1 tabular-nums">{c.row}</td>
                        <td className="px-2 py-1">
                          {c.unitName} <span className="text-xs text-slate-500">({c.unitCode})</span>
                        </td>
                        <td className="px-2 py-1">
                          <ul>
                            {c.changes.map((ch) => (
                              <li key={ch.key}>
                                {ch.label}: <span className="tabular-nums text-slate-500">{n(ch.old, ch.rate)}</span> →{" "}
                                <span className="tabular-nums font-medium">{n(ch.new, ch.rate)}</span>
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
          </section>
          {preview.warnings.length > 0 ? (
            <ImportWarnings
              title={t("warningsTitle", { count: preview.warnings.length })}
              items={preview.warnings
                .slice(0, SHOWN)
                .map((w, i) => ({ key: i, text: `${t("colRow")} ${w.row} · ${w.unitName} (${w.unitCode}) · ${w.column}: ${w.message}` }))}
              confirmLabel={t("confirmWarnings")}
              confirmed={confirmed}
              onConfirm={setConfirmed}
              testId="import-warnings"
              confirmTestId="import-confirm"
            />
          ) : null}
          {kind === "figures" && canSubmit && preview.changes.length > 0 ? (
            <label className="flex items-center gap-2 text-sm font-medium">
              <input type="checkbox" checked={submitToo} onChange={(e) => setSubmitToo(e.target.checked)} data-testid="import-submit" />
              {t("submitBehalf")}
            </label>
          ) : null}
          {preview.skipped.length > 0 ? (
            <section data-testid="import-skipped">
              <h2 className="text-lg font-semibold">{t("skippedTitle")}</h2>
              <ul className="list-disc pl-5 text-sm">
                {preview.skipped.slice(0, SHOWN).map((s) => (
                  <li key={`${s.row}-${s.unitCode}`}>
                    {t("colRow")} {s.row} · {s.unitName || s.unitCode} ({s.unitCode}): {s.reason}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {/* Nothing to save: no "save 0 communes" button (the notice above says the file changes nothing). */}
            {preview.changes.length > 0 ? (
              <Button onClick={() => commit(preview)} disabled={busy || (preview.warnings.length > 0 && !confirmed)} data-testid="import-commit">
                {t("commit", { count: preview.changes.length })}
              </Button>
            ) : null}
            <Button variant="secondary" onClick={() => setState({ kind: "idle" })} disabled={busy}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
