"use client";
// A unit's report settings: each field with its Decree 30 meaning; lists one item a line.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { saveReportSettingsAction } from "@/lib/actions/reports";
import type { ReportSettings } from "@/lib/reports/document";
import { buttonClass } from "@/components/ui/Button";

type Field = { key: keyof ReportSettings; multi: boolean; rows?: number };
const FIELDS: Field[] = [
  { key: "parentBody", multi: false },
  { key: "issuer", multi: true, rows: 2 },
  { key: "place", multi: false },
  { key: "symbol", multi: false },
  { key: "addressee", multi: true, rows: 2 },
  { key: "basis", multi: false },
  { key: "authority", multi: true, rows: 2 },
  { key: "signerTitle", multi: false },
  { key: "signerName", multi: false },
  { key: "copyTo", multi: true, rows: 7 },
];

// Official terms quoted in a hint stay Vietnamese in every language: <vi>…</vi> marks them.
const VI = { vi: (chunks: React.ReactNode) => <span lang="vi">{chunks}</span> };

export function ReportSettingsForm({
  unitCode,
  settings,
  version,
  editable,
}: {
  unitCode: string;
  settings: ReportSettings;
  version: number;
  editable: boolean;
}) {
  const t = useTranslations("report");
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(FIELDS.map((f) => [f.key, f.multi ? (settings[f.key] as string[]).join("\n") : (settings[f.key] as string)])),
  );
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string; fields?: Record<string, string> } | null>(null);

  function save() {
    const out = Object.fromEntries(
      FIELDS.map((f) => [
        f.key,
        f.multi
          ? values[f.key]
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean)
          : values[f.key],
      ]),
    );
    start(async () => {
      const res = await saveReportSettingsAction(unitCode, { settings: out, version });
      if (res.ok) {
        setMessage({ ok: true, text: t("settingsSavedNow") });
        router.refresh();
      } else {
        const fields = Object.fromEntries(res.issues.map((i) => [i.path.replace(/^settings\./, "").split(".")[0], i.message]));
        setMessage({ ok: false, text: res.error, fields });
      }
    });
  }

  return (
    <div className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-5" data-testid="report-settings-form">
      {FIELDS.map((f) => (
        <label key={f.key} className="block text-sm">
          <span className="font-medium">{t.rich(`field.${f.key}`, VI)}</span>
          <span className="block text-xs text-slate-500">{t.rich(`hint.${f.key}`, VI)}</span>
          {f.multi ? (
            <textarea
              rows={f.rows}
              value={values[f.key]}
              disabled={!editable || pending}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
              lang="vi"
              className="mt-1 w-full rounded border border-slate-300 p-2"
              data-field={f.key}
            />
          ) : (
            <input
              value={values[f.key]}
              disabled={!editable || pending}
              onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
              lang="vi"
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1"
              data-field={f.key}
            />
          )}
          {message?.fields?.[f.key] && <span className="mt-1 block text-xs text-red-700">{message.fields[f.key]}</span>}
        </label>
      ))}
      {editable ? (
        <div className="flex items-center gap-3">
          <button type="button" onClick={save} disabled={pending} className={buttonClass()} data-testid="save-report-settings">
            {pending ? t("saving") : t("settingsSave")}
          </button>
          {message && (
            <span
              role={message.ok ? "status" : "alert"}
              className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}
              data-testid="report-settings-message"
            >
              {message.text}
            </span>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("settingsReadOnly")}</p>
      )}
    </div>
  );
}
