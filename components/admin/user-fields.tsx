// Shared bits of the account forms: the roles offered, the field-level messages from the service's
// issues ({ path, message }), and the input style.
import { useTranslations } from "next-intl";
import { ROLES } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLE_OPTIONS: readonly Role[] = ROLES;

export interface Issue {
  path: string;
  message: string;
}

export type FormState = { kind: "ok"; message: string } | { kind: "error"; error: string; issues: Issue[] } | null;

export const inputClass = "rounded border border-slate-300 px-2 py-1 aria-[invalid=true]:border-red-500";

/** The issues of one field. */
export function issuesFor(state: FormState, path: string): Issue[] {
  return state?.kind === "error" ? state.issues.filter((i) => i.path === path) : [];
}

/** The state without the issues of these fields: a field the user has changed (or that no longer applies) stops showing its old error. */
export function withoutIssues(state: FormState, paths: readonly string[]): FormState {
  if (state?.kind !== "error") return state;
  const issues = state.issues.filter((i) => !paths.includes(i.path));
  return issues.length === state.issues.length ? state : { ...state, issues };
}

/** The messages next to a field (its id is what aria-describedby points at). */
export function FieldError({ id, issues }: { id: string; issues: Issue[] }) {
  if (issues.length === 0) return null;
  return (
    <span id={id} className="mt-0.5 block max-w-xs text-xs text-red-700" data-testid="field-error">
      {issues.map((i) => i.message).join(" ")}
    </span>
  );
}

/** The outcome of an action: a success message, or the error with the issues no field showed. */
export function FormMessage({ state, fields, testId }: { state: FormState; fields: readonly string[]; testId: string }) {
  const fixFields = useTranslations("users")("fixFields");
  if (!state) return null;
  if (state.kind === "ok") {
    return (
      <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-900" data-testid={testId} data-kind="ok">
        {state.message}
      </p>
    );
  }
  const rest = state.issues.filter((i) => !fields.includes(i.path));
  // Every problem shown at its field: say where to look rather than the service's generic "invalid data".
  const atFields = state.issues.length > 0 && rest.length === 0;
  return (
    <div role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800" data-testid={testId} data-kind="error">
      <p>{atFields ? fixFields : state.error}</p>
      {rest.length > 0 && (
        <ul className="list-disc pl-5">
          {rest.map((i, n) => (
            <li key={n}>{i.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
