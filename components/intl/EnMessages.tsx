"use client";
// English messages of the browser's components, with the JavaScript (see ViMessages).
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import messages from "@/lib/i18n/messages/en.json";

export function EnMessages({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="en" timeZone={timeZone} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
