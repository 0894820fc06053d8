// A text the server recorded (a notification, an audit reason): the app's own sentences in the
// reader's language (lib/i18n/server-messages.ts), people's own words (a comment) as they wrote them,
// marked as not to be translated.
import { localizeMessage } from "@/lib/i18n/server-messages";
import type { Locale } from "@/lib/i18n/config";

export function Recorded({ text, locale }: { text: string | null | undefined; locale: Locale }) {
  if (!text) return null;
  const m = localizeMessage(text, locale);
  return m.code === "message" ? <span translate="no">{text}</span> : <>{m.message}</>;
}
