"use client";
// The messages of the browser's components come with the JavaScript, one file per language that the
// browser caches, rather than inline in every page's HTML, where they weighed some 68 KB of each
// page (issue 16, lighter pages). The root layout picks the language (EnMessages for English).
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import messages from "@/lib/i18n/messages/vi.json";

export function ViMessages({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="vi" timeZone={timeZone} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
