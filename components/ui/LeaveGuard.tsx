"use client";
// Nothing typed is lost by leaving: one guard for every editor (quarterly figures, monthly figures,
// the scenario, targets, villages' figures, a report's texts). While the editor holds unsaved
// changes, the browser's own prompt covers reload, close and other sites, and ours covers the app's
// links (Next's <Link> does not navigate when the click was prevented) and GET forms (the period picker), the editor's own ways of
// dropping what was typed (choosing another month, say: `guard.confirm(then)`) and the page's other
// ones (the language switch, signing out, another village's form: `requestLeave(then)`) ask first.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { leavesPage } from "@/lib/figures/form-helpers";
import { ConfirmDialog } from "./ConfirmDialog";

const LEAVE_EVENT = "bhxh:leave";

/**
 * For an action that drops what editors hold without leaving the page (the language switch remounts
 * the page, signing out, closing or switching a village's form, a filter that hides the row being
 * edited): runs `then` at once, or after an editor with unsaved changes has asked and the user agreed.
 */
export function requestLeave(then: () => void) {
  if (window.dispatchEvent(new CustomEvent(LEAVE_EVENT, { cancelable: true, detail: { then } }))) then();
}

export interface LeaveGuard {
  /** Runs `then` at once when nothing is unsaved, otherwise after the user agrees to drop the changes. */
  confirm(then: () => void): void;
  /** Stops guarding until the next change (after a save that moves on by itself, say). */
  release(): void;
  /** The pending question, for LeaveGuardDialog. */
  readonly pending: (() => void) | null;
  cancel(): void;
  proceed(): void;
}

export function useLeaveGuard(dirty: boolean): LeaveGuard {
  const router = useRouter();
  const [pending, setPending] = useState<(() => void) | null>(null);
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      e.returnValue = "";
    };
    const click = (e: MouseEvent) => {
      if (!dirtyRef.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as Element | null)?.closest?.("a[href]");
      if (!(a instanceof HTMLAnchorElement) || (a.target && a.target !== "_self") || a.hasAttribute("download")) return;
      if (!leavesPage(a.href, window.location.href)) return;
      const to = new URL(a.href);
      // A file of the API (a template, the Word report) downloads: the page and what was typed stay.
      if (to.pathname.startsWith("/api/")) return;
      e.preventDefault();
      const href = `${to.pathname}${to.search}${to.hash}`;
      setPending(() => () => router.push(href));
    };
    // A GET form of the page (the period picker) navigates like a link: ours asks, not the browser's prompt.
    const submit = (e: SubmitEvent) => {
      const form = e.target;
      if (!dirtyRef.current || e.defaultPrevented || !(form instanceof HTMLFormElement) || form.getAttribute("method")?.toLowerCase() !== "get") return;
      e.preventDefault();
      const to = new URL(form.action || window.location.href, window.location.href);
      const data = new FormData(form, e.submitter);
      to.search = new URLSearchParams([...data].map(([k, v]) => [k, typeof v === "string" ? v : v.name])).toString();
      // The form shows the page's period again until the user agrees to leave (staying keeps both in step).
      form.reset();
      setPending(() => () => router.push(`${to.pathname}${to.search}`));
    };
    const leave = (e: Event) => {
      if (!dirtyRef.current || e.defaultPrevented) return;
      e.preventDefault();
      const { then } = (e as CustomEvent<{ then: () => void }>).detail;
      setPending(() => then);
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    document.addEventListener("submit", submit, true);
    window.addEventListener(LEAVE_EVENT, leave);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
      document.removeEventListener("submit", submit, true);
      window.removeEventListener(LEAVE_EVENT, leave);
    };
  }, [router]);
  return {
    pending,
    confirm(then) {
      if (dirtyRef.current) setPending(() => then);
      else then();
    },
    release() {
      dirtyRef.current = false;
    },
    cancel() {
      setPending(null);
    },
    proceed() {
      const then = pending;
      setPending(null);
      dirtyRef.current = false;
      then?.();
    },
  };
}

/** The question of a LeaveGuard: leave (dropping the changes) or stay to save them. */
export function LeaveGuardDialog({ guard, children }: { guard: LeaveGuard; children?: ReactNode }) {
  const t = useTranslations("figures.form");
  return (
    <ConfirmDialog
      open={guard.pending !== null}
      title={t("leaveTitle")}
      confirmLabel={t("leaveOk")}
      cancelLabel={t("leaveCancel")}
      tone="danger"
      onCancel={guard.cancel}
      onConfirm={guard.proceed}
      testId="leave-confirm"
    >
      {children ?? <p>{t("leaveBody")}</p>}
    </ConfirmDialog>
  );
}
