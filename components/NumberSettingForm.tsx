"use client";
// City staff set one whole-number setting of their city (the reporting deadline in days, the
// previous-quarter check in %): the field, a save button, the outcome next to it. The server action
// is passed in and does the checking (scope, range, audit).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/run";
import { buttonClass } from "@/components/ui/Button";

export function NumberSettingForm(props: {
  /** Message namespace with title, label, save, saved/unchanged ({<name>}), optional hint. */
  messages: string;
  testId: string;
  name: string;
  value: number;
  min: number;
  max: number;
  tenantCode: string;
  save: (tenantCode: string, value: string) => Promise<ActionResult<{ changed: boolean }>>;
}) {
  const t = useTranslations(props.messages);
  const router = useRouter();
  const [value, setValue] = useState(String(props.value));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setMessage(null);
          const r = await props.save(props.tenantCode, value);
          if (!r.ok) {
            setMessage({ ok: false, text: [r.error, ...r.issues.map((i) => i.message)].filter(Boolean).join(" ") });
            return;
          }
          setMessage({
            ok: true,
            text: t(r.data.changed ? "saved" : "unchanged", { [props.name]: String((r.data as unknown as Record<string, unknown>)[props.name] ?? value) }),
          });
          router.refresh();
        });
      }}
    >
      <span className="w-full font-semibold">{t("title")}</span>
      {t.has("hint") && <span className="w-full text-slate-600">{t("hint")}</span>}
      <label className="flex flex-col">
        <span className="text-slate-500">{t("label")}</span>
        <input
          name={props.name}
          type="number"
          inputMode="numeric"
          min={props.min}
          max={props.max}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="w-28 rounded border border-slate-300 px-2 py-1"
          aria-invalid={message?.ok === false || undefined}
        />
      </label>
      <button type="submit" disabled={pending} className={buttonClass()}>
        {t("save")}
      </button>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`w-full rounded px-3 py-2 ${message.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
