"use client";
// "Tạo tài khoản": username, full name, role, unit code (none for an administrator), password.
// The service validates; its messages are shown next to the fields.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUserAction } from "@/lib/actions/users";
import { FieldError, FormMessage, ROLE_OPTIONS, inputClass, issuesFor, withoutIssues, type FormState } from "./user-fields";
import { buttonClass } from "@/components/ui/Button";
import { cardClass } from "@/components/ui/Card";

const FIELDS = ["username", "fullName", "role", "unitCode", "password"] as const;
const EMPTY = { username: "", fullName: "", role: "COMMUNE_OFFICER" as Role, unitCode: "", password: "" };

export function UserCreateForm() {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const router = useRouter();
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const [state, setState] = useState<FormState>(null);
  const [pending, start] = useTransition();
  const isAdmin = form.role === "ADMIN";

  const set = (k: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setForm((f) => ({ ...f, [k]: e.target.value }));
    // The role decides what the unit must be: a new role clears the unit's error too.
    setState((s) => withoutIssues(s, k === "role" ? ["role", "unitCode"] : [k]));
  };
  const described = (path: string, hint?: string) => {
    const ids = [hint, issuesFor(state, path).length ? `${id}-${path}-error` : undefined].filter(Boolean).join(" ");
    return { "aria-describedby": ids || undefined, "aria-invalid": issuesFor(state, path).length > 0 || undefined };
  };

  return (
    <section className={cardClass({ padding: "sm" })} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold">
        {t("createTitle")}
      </h2>
      <form
        className="space-y-3 text-sm"
        data-testid="user-create-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const r = await createUserAction({ ...form, unitCode: isAdmin ? "" : form.unitCode });
            if (r.ok) {
              setState({ kind: "ok", message: t("created", { username: r.data.username }) });
              setForm(EMPTY);
              router.refresh();
            } else {
              setState({ kind: "error", error: r.error, issues: r.issues });
            }
          });
        }}
      >
        <div className="flex flex-wrap items-start gap-3">
          <label className="flex flex-col">
            <span className="text-slate-500">{t("username")}</span>
            <input
              name="username"
              value={form.username}
              onChange={set("username")}
              autoComplete="off"
              spellCheck={false}
              maxLength={64}
              required
              className={`${inputClass} w-48`}
              {...described("username", `${id}-username-hint`)}
            />
            <span id={`${id}-username-hint`} className="sr-only">
              {t("usernameHint")}
            </span>
            <FieldError id={`${id}-username-error`} issues={issuesFor(state, "username")} />
          </label>
          <label className="flex flex-col">
            <span className="text-slate-500">{t("fullName")}</span>
            <input
              name="fullName"
              value={form.fullName}
              onChange={set("fullName")}
              maxLength={200}
              required
              className={`${inputClass} w-60`}
              {...described("fullName")}
            />
            <FieldError id={`${id}-fullName-error`} issues={issuesFor(state, "fullName")} />
          </label>
          <label className="flex flex-col">
            <span className="text-slate-500">{t("role")}</span>
            <select name="role" value={form.role} onChange={set("role")} className={inputClass} {...described("role")}>
              {ROLE_OPTIONS.map((r) => (
                <option key={r} value={r}>
                  {tr(r)}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-role-error`} issues={issuesFor(state, "role")} />
          </label>
          <label className="flex flex-col">
            <span className="text-slate-500">{t("unitCode")}</span>
            <input
              name="unitCode"
              value={isAdmin ? "" : form.unitCode}
              onChange={set("unitCode")}
              disabled={isAdmin}
              maxLength={32}
              spellCheck={false}
              className={`${inputClass} w-32 disabled:bg-slate-100`}
              {...described("unitCode", `${id}-unit-hint`)}
            />
            <FieldError id={`${id}-unitCode-error`} issues={issuesFor(state, "unitCode")} />
          </label>
          <label className="flex flex-col">
            <span className="text-slate-500">{t("password")}</span>
            <input
              type="password"
              name="password"
              value={form.password}
              onChange={set("password")}
              autoComplete="new-password"
              minLength={10}
              maxLength={256}
              required
              className={`${inputClass} w-48`}
              {...described("password")}
            />
            <FieldError id={`${id}-password-error`} issues={issuesFor(state, "password")} />
          </label>
        </div>
        <p id={`${id}-unit-hint`} className="text-xs text-slate-500">
          {t("unitCodeHint")}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={pending} className={buttonClass()}>
            {pending ? t("saving") : t("create")}
          </button>
        </div>
        <FormMessage state={state} fields={FIELDS} testId="user-create-message" />
      </form>
    </section>
  );
}
