// The review workflow of a commune's quarter: draft → submitted → approved, or returned with a
// comment → resubmitted; city staff may reopen an approved quarter, giving a reason. Each
// transition is allowed only from its states and to its role (and the actor's scope): pure rules,
// enforced by lib/workflow/service.ts on the server and mirrored by the UI.
import type { ReportStatus, Role, UnitLevel } from "../generated/prisma/enums";
import { can, type Permission } from "../auth/permissions";

export const WORKFLOW_ACTIONS = ["submit", "approve", "return", "reopen"] as const;
export type WorkflowActionKey = (typeof WORKFLOW_ACTIONS)[number];

export interface TransitionRule {
  from: readonly ReportStatus[];
  to: ReportStatus;
  /** Who may take it: a permission of the table (lib/auth/permissions.ts). */
  permission: Permission;
  /** A comment (return) or reason (reopen) is required. */
  needsComment: boolean;
}

export const TRANSITIONS: Record<WorkflowActionKey, TransitionRule> = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "figures.enter", needsComment: false },
  approve: { from: ["SUBMITTED"], to: "APPROVED", permission: "report.review", needsComment: false },
  return: { from: ["SUBMITTED"], to: "RETURNED", permission: "report.review", needsComment: true },
  reopen: { from: ["APPROVED"], to: "RETURNED", permission: "report.review", needsComment: true },
};

export interface WorkflowActor {
  role: Role;
  tenantId: number | null;
  unitId: number | null;
}

export interface WorkflowUnit {
  id: number;
  level: UnitLevel;
  parentId: number | null;
  tenantId: number | null;
}

export type TransitionCheck = { ok: true } | { ok: false; reason: "role" | "scope" | "state" | "comment" };

export function checkTransition(
  actor: WorkflowActor,
  unit: WorkflowUnit,
  action: WorkflowActionKey,
  status: ReportStatus,
  comment?: string | null,
): TransitionCheck {
  const rule = TRANSITIONS[action];
  if (!can(actor, rule.permission)) return { ok: false, reason: "role" };
  if (!can(actor, rule.permission, unit)) return { ok: false, reason: "scope" };
  if (!rule.from.includes(status)) return { ok: false, reason: "state" };
  if (rule.needsComment && !commentLongEnough(comment)) return { ok: false, reason: "comment" };
  return { ok: true };
}

/** The commune may change its figures only while the quarter is a draft or was returned. */
export function figuresEditable(status: ReportStatus | null): boolean {
  return status === null || status === "DRAFT" || status === "RETURNED";
}

/** Which actions this actor could take now (for the UI's buttons). */
export function availableActions(actor: WorkflowActor, unit: WorkflowUnit, status: ReportStatus | null): WorkflowActionKey[] {
  if (status === null) return [];
  return WORKFLOW_ACTIONS.filter((a) => {
    const c = checkTransition(actor, unit, a, status, "x".repeat(COMMENT_MIN));
    return c.ok;
  });
}

/** Lengths of the texts of the review, in characters (the services check them; the forms show them before typing). */
export const COMMENT_MIN = 5;
export const COMMENT_MAX = 2000;
export const EXPLANATION_MIN = 10;

/** A return's comment or a reopening's reason says something: at least COMMENT_MIN characters ("ok" is not a reason). */
export function commentLongEnough(comment: string | null | undefined): boolean {
  return (comment ?? "").trim().length >= COMMENT_MIN;
}
export const EXPLANATION_MAX = 2000;

/**
 * May this actor post in the thread of a commune's quarter? The commune's own officer and city staff
 * of its province (the ones who enter and who review); everyone who may see the unit reads it.
 */
export function mayPostComment(actor: WorkflowActor, unit: WorkflowUnit): boolean {
  return can(actor, "figures.enter", unit) || can(actor, "report.review", unit);
}
