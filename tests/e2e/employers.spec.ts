// Employers paying late (issue 15), in the browser: bhxh.hue opens Huế's register (31/10/2026 by
// default: five employers 3+ months late), publishes October's list after a confirmation; then a
// signed-out browser reads it at /public/late-payers/46 and as CSV — the published fields only, and
// October's list, not September's. A city leader reads the register but may not publish; an officer
// may not open it. Both pages pass axe with data on them.
import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signInAndWaitHome } from "./helpers";

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
}

test("city staff publish October's list of employers 3+ months late; a signed-out browser reads it", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Before: the public page shows September's list (the demo's published month).
  const anonymous = await browser.newContext();
  const outside = await anonymous.newPage();
  const before = await outside.goto("/public/late-payers/46");
  expect(before?.status()).toBe(200);
  await expect(outside.getByTestId("public-as-at")).toContainText("30/9/2026");
  await expect(outside.getByTestId("public-row")).toHaveCount(4);

  await signInAndWaitHome(page, "bhxh.hue");
  await page.goto("/units/46");
  await page.getByTestId("link-employers").click();
  await expect(page).toHaveURL(/\/units\/46\/employers$/);
  await expect(page.getByTestId("employers-summary")).toContainText("31/10/2026");
  await expect(page.getByTestId("late-row")).toHaveCount(5);
  await expect(page.getByTestId("trend-row")).toHaveCount(12);
  await expect(page.getByTestId("publish-state")).toContainText("chưa được công bố");
  const firstName = (await page.getByTestId("late-row").first().locator("th").innerText()).trim();
  expect(await seriousViolations(page)).toEqual([]);

  // Publish, after the confirmation (cancel first: nothing happens).
  await page.getByTestId("publish-open").click();
  await expect(page.getByTestId("publish-dialog")).toContainText("5 đơn vị");
  await page.getByTestId("publish-dialog-cancel").click();
  await expect(page.getByTestId("publish-dialog")).not.toBeVisible();
  await page.getByTestId("publish-open").click();
  await page.getByTestId("publish-dialog-confirm").click();
  await expect(page.getByTestId("publish-message")).toContainText("Đã công bố danh sách tại ngày 31/10/2026: 5 đơn vị");
  await expect(page.getByTestId("publish-state")).toContainText("đã công bố");
  await expect(page.getByTestId("publication-row")).toHaveCount(2);

  // A signed-out browser: October's list, published fields only, and its CSV.
  const res = await outside.goto("/public/late-payers/46");
  expect(res?.status()).toBe(200);
  expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(outside.getByRole("heading", { level: 1 })).toContainText("từ 3 tháng trở lên");
  await expect(outside.getByTestId("public-as-at")).toContainText("31/10/2026");
  await expect(outside.getByTestId("public-row")).toHaveCount(5);
  await expect(outside.getByTestId("public-row").first()).toContainText(firstName);
  const headers = await outside.locator("[data-testid=public-table] thead th").allInnerTexts();
  expect(headers).toEqual(["Tên đơn vị", "Mã số thuế", "Địa chỉ", "Số tháng chậm đóng", "Số tiền chậm đóng (đồng)"]);
  expect(await seriousViolations(outside)).toEqual([]);
  const csvHref = await outside.getByTestId("public-csv").getAttribute("href");
  expect(csvHref).toBe("/public/late-payers/46.csv");
  const csv = await outside.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("Tên đơn vị;Mã số thuế;Địa chỉ;Số tháng chậm đóng;Số tiền chậm đóng (đồng)");
  expect(lines).toHaveLength(6);
  expect(lines[1].startsWith(firstName)).toBe(true);
  // The register itself stays closed to a signed-out browser.
  expect((await outside.request.get("/api/v1/units/46/employers")).status()).toBe(401);
  const unknown = await outside.goto("/public/late-payers/99");
  expect(unknown?.status()).toBe(404);
  await expect(outside.getByTestId("public-not-found")).toBeVisible();
  expect((await outside.request.get("/public/late-payers/01.csv")).status()).toBe(404);
  await anonymous.close();
});

test("a city leader reads the register without publishing; a commune officer may not open it", async ({ browser }) => {
  const officer = await browser.newPage();
  await signInAndWaitHome(officer, "xa.kimthanh");
  expect((await officer.goto("/units/31/employers"))?.status()).toBe(403);
  await officer.close();
  const leader = await browser.newPage();
  await signInAndWaitHome(leader, "lanhdao.haiphong");
  expect((await leader.goto("/units/31/employers"))?.status()).toBe(200);
  await expect(leader.getByTestId("employers-empty")).toBeVisible();
  await expect(leader.getByTestId("publish-open")).toHaveCount(0);
  await expect(leader.getByTestId("employer-entry")).toHaveCount(0);
  expect((await leader.goto("/units/46/employers"))?.status()).toBe(403);
  await leader.close();
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the register and the public list need no sideways scrolling of the page", async ({ page }) => {
    await signInAndWaitHome(page, "bhxh.hue");
    for (const path of ["/units/46/employers", "/public/late-payers/46"]) {
      await page.goto(path);
      await page.waitForLoadState("load");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} is ${overflow}px wider than the screen`).toBeLessThanOrEqual(0);
    }
  });
});
