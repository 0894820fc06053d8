// A message in a page: information, a warning, an error or a success, with the role screen readers
// need (an error or warning is announced at once, the others politely).
import type { ReactNode } from "react";

export type AlertTone = "info" | "warning" | "error" | "success";

const TONE: Record<AlertTone, string> = {
  info: "bg-slate-50 text-slate-700",
  warning: "bg-amber-50 text-amber-900",
  error: "bg-red-50 text-red-800",
  success: "bg-emerald-50 text-emerald-900",
};

export function alertClass(tone: AlertTone = "info", className = ""): string {
  return `rounded px-3 py-2 text-sm ${TONE[tone]} ${className}`.trim();
}

export function Alert({ tone = "info", className, children, testId }: { tone?: AlertTone; className?: string; children: ReactNode; testId?: string }) {
  return (
    <div role={tone === "error" || tone === "warning" ? "alert" : "status"} className={alertClass(tone, className)} data-testid={testId}>
      {children}
    </div>
  );
}
