import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session.server";
import { demoDataLoaded } from "@/lib/data/system.server";
import { AppHeader } from "@/components/AppHeader";

// Every page below needs a signed-in user. Each page checks that itself (requireUser with its own
// path, so sign-in comes back to it) and its scope; the layout only draws the frame.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) return <>{children}</>;
  const demo = await demoDataLoaded();
  const t = await getTranslations("app");
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <AppHeader user={user} demo={demo} />
      {demo && <p className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-center text-xs text-amber-900 print:hidden">{t("demoNotice")}</p>}
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
