import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session.server";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { demoDataLoaded } from "@/lib/data/system.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/accounts";
import { LoginForm } from "@/components/LoginForm";
import { LocaleSwitch } from "@/components/LocaleSwitch";
import { DemoBadge } from "@/components/DemoBadge";
import { cardClass } from "@/components/ui/Card";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations();
  const demo = await demoDataLoaded();
  // next-auth sends errors here as ?error=...; show them in the user's language.
  const err = typeof sp.error === "string" ? sp.error : null;
  const initialError = err === "CredentialsSignin" ? t("login.invalid") : err === "SessionRequired" ? t("login.expired") : err ? t("login.failed") : null;

  return (
    <div className="flex min-h-screen flex-col">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-5xl items-center gap-4 px-4 py-3">
          <span className="text-lg font-semibold">{t("app.name")}</span>
          {demo && <DemoBadge label={t("app.demoBadge")} />}
          <div className="ml-auto">
            <LocaleSwitch />
          </div>
        </div>
      </header>
      <main className="mx-auto grid w-full max-w-5xl flex-1 gap-8 px-4 py-10 md:grid-cols-[1fr_1.3fr]">
        <div>
          <h1 className="text-2xl font-semibold">{t("login.title")}</h1>
          <p className="mt-2 text-slate-600">{t("app.tagline")}</p>
          <p className="mt-2 text-sm text-slate-500">{t("login.intro")}</p>
        </div>
        <div className={cardClass({ padding: "lg" })}>
          <LoginForm
            callbackUrl={callbackUrl}
            initialError={initialError}
            demoPassword={demo ? DEMO_PASSWORD : null}
            demoAccounts={demo ? DEMO_ACCOUNTS.map((a) => ({ username: a.username, roleLabel: t(`roles.${a.role}`), unitName: a.unitName })) : null}
          />
        </div>
      </main>
    </div>
  );
}
