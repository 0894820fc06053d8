import { expect, test } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

test("city staff set a commune's Q3 milestone, the judgement uses it, and bad input is refused with a message", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/11242");
  await page.getByTestId("link-milestones").click();
  await expect(page.getByTestId("milestones-title")).toContainText("Xã Nguyễn Lương Bằng");
  const cell = page.locator('[data-cell="bhxhCompulsory:3"]');
  await expect(cell).toHaveAttribute("placeholder", /\d/);
  await cell.fill("mười");
  await page.getByTestId("save-milestones").click();
  await expect(page.getByTestId("milestones-message")).toContainText("không phải là một số");
  await cell.fill("1.000");
  await page.getByTestId("save-milestones").click();
  await expect(page.getByTestId("milestones-message")).toContainText("Đã lưu 1 mốc");
  // The unit page judges Q3 against it.
  await page.goto("/units/11242?year=2026&quarter=3");
  await expect(page.getByTestId("count-table").locator('tr[data-key="bhxhCompulsory"] [data-cell="expected"]')).toHaveText("1.000");
  // Cleared again: back to the default.
  await page.goto("/units/11242/milestones?year=2026");
  await page.locator('[data-cell="bhxhCompulsory:3"]').fill("");
  await page.getByTestId("save-milestones").click();
  await expect(page.getByTestId("milestones-message")).toContainText("Đã lưu 1 mốc");
});

test("a commune officer reads the milestones but cannot change them; an unfinished quarter falls back to the last ended one", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  await page.goto("/units/10804/milestones?year=2026");
  await expect(page.getByTestId("milestone-table")).toBeVisible();
  await expect(page.getByTestId("save-milestones")).toHaveCount(0);
  // 2026 Q4 has not ended: the form says so instead of taking actual figures.
  await page.goto("/units/10804/report?year=2026&quarter=4");
  await expect(page.getByTestId("period-closed")).toContainText("chưa kết thúc");
  const put = await page.request.put("/api/v1/units/10804/figures/2026/4", { data: { figures: { labourForce: 1 } } });
  expect(put.status()).toBe(422);
});

test("city staff open the data-quality view from the completeness board; another city cannot", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31/completeness?year=2026&quarter=3");
  await page.getByTestId("quality-link").click();
  await expect(page.getByTestId("quality-page")).toBeVisible();
  await expect(page.getByTestId("quality-summary")).toBeVisible();
  expect((await page.goto("/units/46/quality?year=2026&quarter=3"))?.status()).toBe(403);
});

test("city staff change the previous-quarter threshold and the reporting deadline, each with its outcome", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31/quality?year=2026&quarter=3");
  const change = page.getByTestId("change-threshold-form");
  await change.locator('input[name="pct"]').fill("30");
  await change.getByRole("button").click();
  await expect(change.getByRole("status")).toContainText("30%");
  await page.goto("/units/31/completeness?year=2026&quarter=3");
  const deadline = page.getByTestId("deadline-form");
  await deadline.locator('input[name="days"]').fill("5");
  await deadline.getByRole("button").click();
  await expect(deadline.getByRole("status")).toContainText("5 ngày");
});
