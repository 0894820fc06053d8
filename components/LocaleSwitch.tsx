"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/lib/actions/locale";
import { requestLeave } from "@/components/ui/LeaveGuard";

const LABELS: Record<string, string> = { vi: "Tiếng Việt", en: "English" };

export function LocaleSwitch() {
  const t = useTranslations("header");
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="flex overflow-hidden rounded border border-white/40 text-xs">
      {(["vi", "en"] as const).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          disabled={pending || l === locale}
          aria-pressed={l === locale}
          // The page is rebuilt in the other language: typed, unsaved work would be lost (LeaveGuard asks).
          onClick={() =>
            requestLeave(() =>
              start(async () => {
                await setLocale(l);
                router.refresh();
              }),
            )
          }
          className={`px-2 py-1 ${l === locale ? "bg-white text-brand-800 font-semibold" : "text-white hover:bg-white/10"}`}
        >
          {LABELS[l]}
        </button>
      ))}
    </div>
  );
}
