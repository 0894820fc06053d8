import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { demoDataLoaded } from "@/lib/data/system.server";

// Public pages (issue 15): no sign-in, no application header — a plain frame (with the demo notice when
// the demo data is loaded: its employers are invented). The security headers and the
// Content-Security-Policy still come from proxy.ts like on every page.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const demo = await demoDataLoaded();
  const t = await getTranslations("app");
  return (
    <>
      {demo && <p className="border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-center text-xs text-amber-900 print:hidden">{t("demoNotice")}</p>}
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
