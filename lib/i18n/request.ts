// next-intl without locale routing: the language is a cookie set by the switch in the header.
// Vietnamese is the default.
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale } from "./config";

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    timeZone: "Asia/Ho_Chi_Minh",
    messages: (await import(`./messages/${locale}.json`)).default,
  };
});
