"use client";
// Any unexpected server error: a clear message, never a stack trace.
import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/ErrorPanel";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <ErrorPanel testId="error" title={t("errorTitle")} message={t("error")} homeLabel={t("backHome")}>
      <button type="button" onClick={reset} className="rounded border border-slate-300 px-4 py-2 text-sm">
        {t("retry")}
      </button>
    </ErrorPanel>
  );
}
