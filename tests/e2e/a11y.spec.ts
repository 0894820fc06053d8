// Accessibility (issue 13, item 8): axe-core on every page, as each role sees it, with no serious or
// critical violation of WCAG 2.1 A/AA; and the officer's form and unit page usable on a 390 px phone
// without sideways scrolling.
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { ROLE_PAGES, signInAndWaitHome } from "./helpers";

const PAGES: Record<string, string[]> = {
  ...ROLE_PAGES,
  "bhxh.haiphong": [...ROLE_PAGES["bhxh.haiphong"], "/units/31/document"],
  admin: [...ROLE_PAGES.admin, "/units/VN/targets"],
};

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

test("the sign-in page has no serious accessibility violation", async ({ page }) => {
  await page.goto("/login");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const [username, paths] of Object.entries(PAGES)) {
  test(`every page ${username} opens has no serious accessibility violation`, async ({ page }) => {
    test.setTimeout(300_000);
    await signInAndWaitHome(page, username);
    const found: string[] = [];
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await page.waitForLoadState("load");
      for (const v of await seriousViolations(page)) found.push(`${path}: ${v}`);
    }
    expect(found).toEqual([]);
  });
}

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the officer's form and unit page need no sideways scrolling", async ({ page }) => {
    await signInAndWaitHome(page, "xa.kimthanh");
    for (const path of ["/units/10804", "/units/10804/report"]) {
      await page.goto(path);
      await page.waitForLoadState("load");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
      // Nor inside: no table of key numbers scrolls sideways in its own box.
      const inner = await page.evaluate(() =>
        [...document.querySelectorAll("[data-testid=indicator-table], [data-testid=count-table]")].map(
          (t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth,
        ),
      );
      expect(Math.max(0, ...inner), `${path}: a key-numbers table scrolls sideways`).toBeLessThanOrEqual(0);
    }
  });
});
