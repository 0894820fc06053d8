"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setRankingSettingsAction } from "@/lib/actions/rankings";
import { parseDecimalNumber, parseWholeNumber, type NumberParse } from "@/lib/domain/numbers";
import { toLocale } from "@/lib/i18n/config";

/** What was typed, or NaN (refused by the server's check, which says what it expects). */
const valueOr = (p: NumberParse) => (p.ok && p.value !== null ? p.value : Number.NaN);

export function PrintButton() {
  const t = useTranslations("rankings");
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
      {t("print")}
    </button>
  );
}

export function RankingSettingsForm({ tenantCode, attained, close, listSize }: { tenantCode: string; attained: number; close: number; listSize: number }) {
  const t = useTranslations("rankings");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [a, setA] = useState(String(Math.round(attained * 100)));
  const [c, setC] = useState(String(Math.round(close * 100)));
  const [n, setN] = useState(String(listSize));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm print:hidden"
      data-testid="ranking-settings"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          // Percentages and the list size as typed in the interface's language (97,5 / 97.5): lib/domain/numbers.ts.
          const r = await setRankingSettingsAction(tenantCode, {
            attained: valueOr(parseDecimalNumber(a, locale)) / 100,
            close: valueOr(parseDecimalNumber(c, locale)) / 100,
            listSize: valueOr(parseWholeNumber(n, locale)),
          });
          if (r.ok) {
            setMsg({ ok: true, text: t("saved") });
            router.refresh();
          } else setMsg({ ok: false, text: [r.error, ...r.issues.map((i) => i.message)].join(" ") });
        });
      }}
    >
      <span className="w-full font-medium">{t("settings")}</span>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("attainedBand")}</span>
        <input value={a} onChange={(e) => setA(e.target.value)} inputMode="numeric" className="w-24 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("closeBand")}</span>
        <input value={c} onChange={(e) => setC(e.target.value)} inputMode="numeric" className="w-24 rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="text-slate-500">{t("listSize")}</span>
        <input value={n} onChange={(e) => setN(e.target.value)} inputMode="numeric" className="w-24 rounded border border-slate-300 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {t("saveSettings")}
      </button>
      {msg && (
        <span role={msg.ok ? "status" : "alert"} className={msg.ok ? "text-emerald-800" : "text-red-700"}>
          {msg.text}
        </span>
      )}
    </form>
  );
}
