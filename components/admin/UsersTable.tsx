"use client";
// The accounts, one row each, with an inline edit (full name, role, unit code, active) and
// "Đặt lại mật khẩu". The service checks and audits every change; its messages show by the fields.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Fragment, useId, useState, useTransition } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import type { UserListItem } from "@/lib/users/manage";
import { resetPasswordAction, updateUserAction } from "@/lib/actions/users";
import { FieldError, FormMessage, ROLE_OPTIONS, inputClass, issuesFor, type FormState } from "./user-fields";
import { buttonClass } from "@/components/ui/Button";

export type UserRowData = UserListItem & { /** createdAt, formatted on the server. */ created: string };

export function UsersTable({ items, self }: { items: UserRowData[]; self: string }) {
  const t = useTranslations("users");
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="users-table">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colUsername")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colFullName")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colRole")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colUnit")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colStatus")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colCreated")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              {t("colActions")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((u) => (
            <UserRow key={u.username} user={u} isSelf={u.username === self} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const EDIT_FIELDS = ["fullName", "role", "unitCode", "active"] as const;
const COLUMNS = 7;

function UserRow({ user: u, isSelf }: { user: UserRowData; isSelf: boolean }) {
  const t = useTranslations("users");
  const tr = useTranslations("roles");
  const router = useRouter();
  const id = useId();
  const [mode, setMode] = useState<"view" | "edit" | "reset">("view");
  const [draft, setDraft] = useState({ fullName: u.fullName, role: u.role as Role, unitCode: u.unit?.code ?? "", active: u.active });
  const [password, setPassword] = useState("");
  const [state, setState] = useState<FormState>(null);
  const [pending, start] = useTransition();

  const open = (m: "edit" | "reset") => {
    setState(null);
    setDraft({ fullName: u.fullName, role: u.role, unitCode: u.unit?.code ?? "", active: u.active });
    setPassword("");
    setMode(m);
  };
  const invalidProps = (path: string) =>
    issuesFor(state, path).length > 0 ? { "aria-invalid": true as const, "aria-describedby": `${id}-${path}-error` } : {};

  const save = () =>
    start(async () => {
      const r = await updateUserAction(u.username, { ...draft, unitCode: draft.role === "ADMIN" ? "" : draft.unitCode });
      if (r.ok) {
        setState({ kind: "ok", message: r.data.changed.length ? t("saved", { username: u.username }) : t("unchanged") });
        setMode("view");
        router.refresh();
      } else setState({ kind: "error", error: r.error, issues: r.issues });
    });
  const reset = () =>
    start(async () => {
      const r = await resetPasswordAction(u.username, password);
      if (r.ok) {
        setState({ kind: "ok", message: t("passwordReset", { username: u.username }) });
        setPassword("");
        setMode("view");
      } else setState({ kind: "error", error: r.error, issues: r.issues });
    });

  return (
    <Fragment>
      <tr className={`align-top ${u.active ? "" : "bg-slate-50 text-slate-500"}`} data-testid={`user-row-${u.username}`} data-active={u.active}>
        <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
          {u.username}
          {isSelf && <span className="ml-1 font-sans text-slate-500">{t("you")}</span>}
        </td>
        <td className="px-3 py-2" translate="no">
          {u.fullName}
        </td>
        <td className="px-3 py-2">{tr(u.role)}</td>
        <td className="px-3 py-2">
          {u.unit ? (
            <>
              {u.unit.name}
              <span className="block text-xs text-slate-500">{u.unit.code}</span>
            </>
          ) : (
            <span className="text-slate-500">{t("noUnit")}</span>
          )}
        </td>
        <td className="whitespace-nowrap px-3 py-2">
          {u.active ? (
            <span className="rounded bg-green-50 px-1.5 py-0.5 text-green-800">{t("statusActive")}</span>
          ) : (
            <span className="rounded bg-slate-200 px-1.5 py-0.5 text-slate-700">{t("statusInactive")}</span>
          )}
        </td>
        <td className="whitespace-nowrap px-3 py-2 tabular-nums">{u.created}</td>
        <td className="whitespace-nowrap px-3 py-2">
          <span className="flex gap-3">
            <button
              type="button"
              className="text-brand-700 hover:underline"
              aria-expanded={mode === "edit"}
              onClick={() => (mode === "edit" ? setMode("view") : open("edit"))}
              data-testid="user-edit-button"
            >
              {t("edit")}
            </button>
            <button
              type="button"
              className="text-brand-700 hover:underline"
              aria-expanded={mode === "reset"}
              onClick={() => (mode === "reset" ? setMode("view") : open("reset"))}
              data-testid="user-reset-button"
            >
              {t("resetPassword")}
            </button>
          </span>
        </td>
      </tr>
      {(mode !== "view" || state) && (
        <tr data-testid={`user-panel-${u.username}`}>
          <td colSpan={COLUMNS} className="space-y-2 bg-slate-50 px-3 py-3">
            {mode === "edit" && (
              <form
                className="flex flex-wrap items-start gap-3 text-sm"
                data-testid={`user-edit-${u.username}`}
                aria-label={t("editTitle", { username: u.username })}
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  save();
                }}
              >
                <label className="flex flex-col">
                  <span className="text-slate-500">{t("fullName")}</span>
                  <input
                    name="fullName"
                    value={draft.fullName}
                    onChange={(e) => setDraft((d) => ({ ...d, fullName: e.target.value }))}
                    maxLength={200}
                    className={`${inputClass} w-60`}
                    {...invalidProps("fullName")}
                  />
                  <FieldError id={`${id}-fullName-error`} issues={issuesFor(state, "fullName")} />
                </label>
                <label className="flex flex-col">
                  <span className="text-slate-500">{t("role")}</span>
                  <select
                    name="role"
                    value={draft.role}
                    onChange={(e) => setDraft((d) => ({ ...d, role: e.target.value as Role }))}
                    className={inputClass}
                    {...invalidProps("role")}
                  >
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
                    value={draft.role === "ADMIN" ? "" : draft.unitCode}
                    onChange={(e) => setDraft((d) => ({ ...d, unitCode: e.target.value }))}
                    disabled={draft.role === "ADMIN"}
                    maxLength={32}
                    spellCheck={false}
                    title={t("unitCodeHint")}
                    className={`${inputClass} w-32 disabled:bg-slate-100`}
                    {...invalidProps("unitCode")}
                  />
                  <FieldError id={`${id}-unitCode-error`} issues={issuesFor(state, "unitCode")} />
                </label>
                <label className="flex flex-col">
                  <span className="flex items-center gap-2 pt-5">
                    <input
                      type="checkbox"
                      name="active"
                      checked={draft.active}
                      onChange={(e) => setDraft((d) => ({ ...d, active: e.target.checked }))}
                      {...invalidProps("active")}
                    />
                    {t("active")}
                  </span>
                  <FieldError id={`${id}-active-error`} issues={issuesFor(state, "active")} />
                </label>
                <span className="flex gap-2 pt-5">
                  <button type="submit" disabled={pending} className={buttonClass({ size: "sm" })}>
                    {pending ? t("saving") : t("save")}
                  </button>
                  <button type="button" className="px-2 py-1" onClick={() => (setMode("view"), setState(null))}>
                    {t("cancel")}
                  </button>
                </span>
              </form>
            )}
            {mode === "reset" && (
              <form
                className="flex flex-wrap items-start gap-3 text-sm"
                data-testid={`user-reset-${u.username}`}
                aria-label={t("resetTitle", { username: u.username })}
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  reset();
                }}
              >
                <label className="flex flex-col">
                  <span className="text-slate-500">{t("newPassword")}</span>
                  <input
                    type="password"
                    name="password"
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    autoComplete="new-password"
                    minLength={10}
                    maxLength={256}
                    className={`${inputClass} w-56`}
                    aria-describedby={`${id}-password-hint${issuesFor(state, "password").length ? ` ${id}-password-error` : ""}`}
                    aria-invalid={issuesFor(state, "password").length > 0 || undefined}
                  />
                  <span id={`${id}-password-hint`} className="mt-0.5 max-w-xs text-xs text-slate-500">
                    {t("passwordHint")}
                  </span>
                  <FieldError id={`${id}-password-error`} issues={issuesFor(state, "password")} />
                </label>
                <span className="flex gap-2 pt-5">
                  <button type="submit" disabled={pending} className={buttonClass({ size: "sm" })}>
                    {pending ? t("saving") : t("resetPassword")}
                  </button>
                  <button type="button" className="px-2 py-1" onClick={() => (setMode("view"), setState(null))}>
                    {t("cancel")}
                  </button>
                </span>
              </form>
            )}
            <FormMessage state={state} fields={mode === "edit" ? EDIT_FIELDS : mode === "reset" ? ["password"] : []} testId={`user-message-${u.username}`} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
