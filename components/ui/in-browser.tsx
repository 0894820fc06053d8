"use client";
// Long lists drawn in the browser only (decision 0020): their rows come once, as data in the page's
// payload, and the server sends one "being drawn" row in their place instead of the same rows again
// as HTML. Browser tests wait for [data-table-pending] to be gone (tests/e2e/helpers.ts tablesDrawn).
import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";

const noSubscription = () => () => {};

/** False on the server and during hydration, true once the page runs in the browser. */
export function useInBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** The row a table's body shows until the browser has drawn its `n` rows. */
export function PendingRows({ n, colSpan }: { n: number; colSpan: number }) {
  const t = useTranslations("table");
  return (
    // As tall as a dozen rows, so that what follows the table moves less when they come.
    <tr data-table-pending="">
      <td colSpan={colSpan} className="px-3! py-4! text-center align-top text-slate-500" style={{ height: `${Math.min(n, 12) * 2.25}rem` }}>
        {t("drawing", { n })}
      </td>
    </tr>
  );
}
