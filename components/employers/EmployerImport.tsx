"use client";
// Employers' file in (city staff): upload, see the check — every error by row and column, or what
// would change (new employers, changed ones, old → new) — then save all rows or none. The commit
// sends the same file again with the check's token: a register changed since is refused (409).
import { FileUploadForm } from "@/components/imports/FileUploadForm";
import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import type { MonthRef } from "@/lib/domain/employers";
import type { EmployersImportPreview } from "@/lib/employers/service";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";

interface RowError {
  row: number;
  column: string;
  taxCode: string | null;
  name: string | null;
  message: string;
}

type State =
  | { kind: "idle" }
  | { kind: "busy"; what: "reading" | "saving"; preview?: EmployersImportPreview }
  | { kind: "errors"; message: string; errors: RowError[]; count: number }
  | { kind: "failed"; message: string }
  | { kind: "preview"; preview: EmployersImportPreview; error?: string }
  | { kind: "saved"; created: number; changed: number };

const SHOWN = 200;

export function EmployerImport({ unitCode, month }: { unitCode: string; month: MonthRef }) {
  const t = useTranslations("employers.import");
  const te = useTranslations("employers");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });
  const file = useRef<File | null>(null);
  const base = `/api/v1/units/${encodeURIComponent(unitCode)}/employers/imports`;

  const form = (extra: Record<string, string> = {}) => {
    const f = new FormData();
    f.set("file", file.current!);
    f.set("year", String(month.year));
    f.set("month", String(month.month));
    for (const [k, v] of Object.entries(extra)) f.set(k, v);
    return f;
  };

  async function check(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const chosen = new FormData(e.currentTarget).get("file");
    if (!(chosen instanceof File) || chosen.size === 0) return;
    file.current = chosen;
    setState({ kind: "busy", what: "reading" });
    try {
      const res = await fetch(base, { method: "POST", body: form() });
      const body = await res.json().catch(() => ({ error: res.statusText }));
      if (res.ok) setState({ kind: "preview", preview: body as EmployersImportPreview });
      else if (Array.isArray(body.errors)) setState({ kind: "errors", message: body.error, errors: body.errors, count: body.errorCount ?? body.errors.length });
      else setState({ kind: "failed", message: body.error ?? res.statusText });
    } catch (err) {
      setState({ kind: "failed", message: String(err) });
    }
  }

  async function commit(preview: EmployersImportPreview) {
    setState({ kind: "busy", what: "saving", preview });
    try {
      const res = await fetch(`${base}/commit`, { method: "POST", body: form({ token: preview.token }) });
      const body = await res.json().catch(() => ({ error: res.statusText }));
      if (res.ok) {
        setState({ kind: "saved", created: body.created, changed: body.changed });
        router.refresh();
      } else if (res.status === 409) setState({ kind: "failed", message: body.error });
      else setState({ kind: "preview", preview, error: body.error });
    } catch (err) {
      setState({ kind: "preview", preview, error: String(err) });
    }
  }

  const preview = state.kind === "preview" ? state.preview : state.kind === "busy" ? state.preview : undefined;
  const busy = state.kind === "busy";
  const value = (field: string, v: string | number | null) =>
    v === null || v === "" ? "—" : field === "monthsLate" || field === "amountLate" ? formatNumber(Number(v), locale) : String(v);

  return (
    <div className="mt-3 space-y-3" data-testid="employers-import-panel">
      <FileUploadForm onSubmit={check} fileLabel={t("file")} checkLabel={t("check")} busy={busy} fileTestId="employers-file" checkTestId="employers-check" />

      {busy ? (
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {state.what === "reading" ? t("reading") : t("saving")}
        </p>
      ) : null}
      {state.kind === "failed" ? (
        <Alert tone="error" testId="employers-import-failed">
          {state.message}
        </Alert>
      ) : null}
      {state.kind === "saved" ? (
        <Alert tone="success" testId="employers-import-saved">
          {t("saved", { created: state.created, changed: state.changed })}
        </Alert>
      ) : null}

      {state.kind === "errors" ? (
        <div className="space-y-2" data-testid="employers-import-errors">
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
                    {t("colColumn")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {te("colTaxCode")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {te("colName")}
                  </th>
                  <th scope="col" className="px-2 py-1">
                    {t("colMessage")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.errors.slice(0, SHOWN).map((e, i) => (
                  <tr key={i} className="border-b align-top" data-testid="employers-error-row">
                    <td className="px-2 py-1 tabular-nums">{e.row || ""}</td>
                    <td className="px-2 py-1" translate="no">
                      {e.column}
                    </td>
                    <td className="px-2 py-1 tabular-nums" translate="no">
                      {e.taxCode}
                    </td>
                    <td className="px-2 py-1" translate="no">
                      {e.name}
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
        <div className="space-y-3" data-testid="employers-import-preview">
          <p className="text-sm font-medium" data-testid="employers-import-summary">
            {t("summary", {
              file: preview.fileName,
              date: preview.asAt,
              rows: preview.rows,
              created: preview.created.length,
              changed: preview.changed.length,
              unchanged: preview.unchanged,
            })}
          </p>
          {state.kind === "preview" && state.error ? <Alert tone="error">{state.error}</Alert> : null}
          {preview.created.length + preview.changed.length > 0 ? (
            <div className="relative overflow-x-auto">
              <table className="min-w-full text-sm">
                <caption className="sr-only">{t("changesCaption")}</caption>
                <thead>
                  <tr className="border-b text-left">
                    <th scope="col" className="px-2 py-1">
                      {t("colRow")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {te("colTaxCode")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {te("colName")}
                    </th>
                    <th scope="col" className="px-2 py-1">
                      {t("colChanges")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {preview.created.slice(0, SHOWN).map((c) => (
                    <tr key={`n${c.row}`} className="border-b align-top" data-testid="employers-created-row">
                      <td className="px-2 py-1 tabular-nums">{c.row}</td>
                      <td className="px-2 py-1 tabular-nums">{c.taxCode}</td>
                      <td className="px-2 py-1" translate="no">
                        {c.name}
                      </td>
                      <td className="px-2 py-1">{t("createdRow", { months: c.monthsLate, amount: formatNumber(c.amountLate, locale) })}</td>
                    </tr>
                  ))}
                  {preview.changed.slice(0, SHOWN).map((c) => (
                    <tr key={`c${c.row}`} className="border-b align-top" data-testid="employers-changed-row">
                      <td className="px-2 py-1 tabular-nums">{c.row}</td>
                      <td className="px-2 py-1 tabular-nums">{c.taxCode}</td>
                      <td className="px-2 py-1" translate="no">
                        {c.name}
                      </td>
                      <td className="px-2 py-1">
                        <ul>
                          {c.changes.map((ch) => (
                            <li key={ch.field}>
                              {t(`fields.${ch.field}`)}: <span translate="no">{value(ch.field, ch.old)}</span> →{" "}
                              <span translate="no">{value(ch.field, ch.new)}</span>
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t("noChanges")}</p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => commit(preview)} disabled={busy || preview.created.length + preview.changed.length === 0} data-testid="employers-commit">
              {t("commit", { count: preview.created.length + preview.changed.length })}
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
