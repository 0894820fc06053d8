"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { buttonClass } from "@/components/ui/Button";

export interface LoginDemoAccount {
  username: string;
  roleLabel: string;
  unitName: string | null;
}

const THROTTLED = "THROTTLED:";

export function LoginForm({
  callbackUrl,
  demoAccounts,
  demoPassword,
  initialError,
}: {
  callbackUrl: string;
  demoAccounts: LoginDemoAccount[] | null;
  demoPassword: string | null;
  initialError: string | null;
}) {
  const t = useTranslations("login");
  const router = useRouter();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError);
  const [pending, start] = useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError(t("required"));
      return;
    }
    setError(null);
    start(async () => {
      const res = await signIn("credentials", { username: username.trim(), password, redirect: false, callbackUrl });
      if (res?.ok && !res.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const code = res?.error ?? "";
      if (code.startsWith(THROTTLED)) setError(t("throttled", { seconds: Number(code.slice(THROTTLED.length)) || 1 }));
      else if (code === "LOCKED") setError(t("locked"));
      else if (code === "CredentialsSignin") setError(t("invalid"));
      else setError(t("failed"));
    });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={submit} noValidate className="space-y-4" aria-describedby={error ? "login-error" : undefined}>
        <div>
          <label htmlFor="username" className="mb-1 block text-sm font-medium">
            {t("username")}
          </label>
          <input
            id="username"
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            className="w-full rounded border border-slate-300 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="password" className="mb-1 block text-sm font-medium">
            {t("password")}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="w-full rounded border border-slate-300 px-3 py-2"
          />
        </div>
        {error && (
          <p id="login-error" role="alert" data-testid="login-error" className="rounded bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className={buttonClass({ size: "lg", className: "w-full" })}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>

      {demoAccounts && demoPassword && (
        <section className="rounded border border-amber-200 bg-amber-50 p-4 text-sm" data-testid="demo-accounts">
          <h2 className="font-semibold text-amber-950">{t("demoTitle")}</h2>
          <p className="mb-2 text-amber-900">{t("demoPassword", { password: demoPassword })}</p>
          <table className="w-full text-left">
            <thead>
              <tr className="text-amber-900/80">
                <th className="py-1 font-medium">{t("colUser")}</th>
                <th className="py-1 font-medium">{t("colRole")}</th>
                <th className="py-1 font-medium">{t("colUnit")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {demoAccounts.map((a) => (
                <tr key={a.username} className="border-t border-amber-200">
                  <td className="py-1 font-mono text-xs">{a.username}</td>
                  <td className="py-1">{a.roleLabel}</td>
                  <td className="py-1">{a.unitName ?? "—"}</td>
                  <td className="py-1 text-right">
                    <button
                      type="button"
                      className="rounded border border-amber-300 px-2 py-0.5 text-xs hover:bg-amber-100"
                      onClick={() => {
                        setUsername(a.username);
                        setPassword(demoPassword);
                        setError(null);
                      }}
                    >
                      {t("demoUse")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
