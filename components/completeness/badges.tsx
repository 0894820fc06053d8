// Badges of the completeness board: a report's state and its timeliness, colours in one place.
import type { CompletenessState, Timeliness } from "@/lib/completeness/service";

export const STATE_CLASSES: Record<CompletenessState, string> = {
  NOT_STARTED: "bg-red-50 text-red-800 ring-red-200",
  DRAFT: "bg-slate-100 text-slate-700 ring-slate-300",
  SUBMITTED: "bg-sky-100 text-sky-900 ring-sky-300",
  APPROVED: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  RETURNED: "bg-amber-100 text-amber-900 ring-amber-300",
};

export const TIMELINESS_CLASSES: Record<Timeliness, string> = {
  on_time: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  late: "bg-amber-100 text-amber-900 ring-amber-300",
  overdue: "bg-red-100 text-red-900 ring-red-300",
  pending: "bg-slate-100 text-slate-600 ring-slate-200",
};

export function StateBadge({ state, label }: { state: CompletenessState; label: string }) {
  return (
    <span data-state={state} className={`badge whitespace-nowrap ${STATE_CLASSES[state]}`}>
      {label}
    </span>
  );
}

export function TimelinessBadge({ timeliness, label }: { timeliness: Timeliness; label: string }) {
  return (
    <span data-timeliness={timeliness} className={`badge whitespace-nowrap ${TIMELINESS_CLASSES[timeliness]}`}>
      {label}
    </span>
  );
}
