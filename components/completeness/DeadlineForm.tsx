"use client";
// City staff set the city's reporting deadline: days after the quarter's end (0–60).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setDeadlineDaysAction } from "@/lib/actions/completeness";

export function DeadlineForm({ tenantCode, days }: { tenantCode: string; days: number }) {
  const t = useTranslations("completeness.deadlineForm");
  const router = useRouter();
  const [value, setValue] = useState(String(days));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();

  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="deadline-form"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setMessage(null);
          const r = await setDeadlineDaysAction(tenantCode, value);
          if (!r.ok) {
            setMessage({ ok: false, text: [r.error, ...r.issues.map((i) => i.message)].filter(Boolean).join(" ") });
            return;
          }
          setMessage({ ok: true, text: t(r.data.changed ? "saved" : "unchanged", { days: r.data.days }) });
          router.refresh();
        });
      }}
    >
      <span className="w-full font-semibold">{t("title")}</span>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("label")}</span>
        <input
          name="days"
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="w-28 rounded border border-slate-300 px-2 py-1"
          aria-invalid={message?.ok === false || undefined}
        />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-50">
        {t("save")}
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`w-full rounded px-3 py-2 ${message.ok ? "bg-emerald-50 text-emerald-900" : "bg-red-50 text-red-900"}`}>
          {message.text}
        </p>
      )}
    </form>
  );
}
