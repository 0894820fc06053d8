import type { Metadata } from "next";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/config";
import { ViMessages } from "@/components/intl/ViMessages";
import { EnMessages } from "@/components/intl/EnMessages";
// Self-hosted font with full Vietnamese diacritics (no request leaves the machine).
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-500.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/vietnamese-700.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-500.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "@fontsource/be-vietnam-pro/latin-700.css";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = toLocale(await getLocale());
  const timeZone = await getTimeZone();
  // The browser's messages come with the JavaScript (cached), not inline in every page (components/intl).
  const Messages = locale === "en" ? EnMessages : ViMessages;
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <Messages timeZone={timeZone}>{children}</Messages>
      </body>
    </html>
  );
}
