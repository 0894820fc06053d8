import type { Status } from "@/lib/domain/indicators";

// Status colours, in one place: attained green, close amber, behind red, no target grey.
export const STATUS_CLASSES: Record<Status, string> = {
  attained: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  close: "bg-amber-100 text-amber-900 ring-amber-300",
  behind: "bg-red-100 text-red-900 ring-red-300",
  none: "bg-slate-100 text-slate-600 ring-slate-200",
};

/**
 * A coloured badge. The colour is never the only carrier of meaning: `label` says what the number
 * is ("Đạt 311% chỉ tiêu năm", not "311%"), `title` may add the judgement in words.
 */
export function StatusBadge({ status, label, title }: { status: Status; label: string; title?: string }) {
  return (
    <span data-status={status} title={title} className={`badge ${STATUS_CLASSES[status]}`}>
      {label}
    </span>
  );
}
