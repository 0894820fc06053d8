// Month by month (issue 15): Huế's city staff see October 2026 against the monthly scenario and what
// November needs, change a cell of the scenario, save, reload and find it kept; the quarter
// milestones show they come from the scenario; a month not ended is refused.
import { expect, test } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

test("bhxh.hue sees October 2026 against the scenario and what November needs, edits the scenario and finds it kept", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.hue");
  await page.goto("/units/46");
  await page.getByTestId("link-monthly").click();
  await expect(page.getByTestId("monthly-title")).toContainText("Theo tháng năm 2026");

  // October against its scenario: behind, with the gap, and what November needs.
  const latest = page.getByTestId("latest-month");
  await expect(latest.getByRole("heading")).toHaveText("Tháng 10/2026 so với kịch bản");
  await expect(latest.getByRole("columnheader", { name: "Tháng 11 cần" })).toBeVisible();
  await expect(latest.getByTestId("gap-bhxhCompulsory")).toContainText(/−[\d.]+\s*chậm so với kịch bản/);
  await expect(latest.getByTestId("need-bhxhCompulsory")).toContainText(/Cần tăng thêm [\d.]+ để đạt [\d.]+/);

  // The figures form offers the months that have ended (November), not December.
  const months = page.getByTestId("figures-month").locator("option");
  await expect(months).toHaveCount(11);
  await expect(page.getByTestId("figures-month")).toHaveValue("11");

  // Edit November's BHYT plan in the scenario, save, reload: kept.
  const cell = page.getByLabel("Số người tham gia BHYT, tháng 11");
  const before = await cell.inputValue();
  await cell.fill("mười");
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("scenario-message")).toContainText("không phải là một số");
  await cell.fill("1.185.000");
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("scenario-message")).toContainText("Đã lưu kịch bản (phiên bản 2)");
  await page.reload();
  await expect(page.getByLabel("Số người tham gia BHYT, tháng 11")).toHaveValue("1.185.000");
  await expect(page.getByTestId("latest-month").getByTestId("need-bhyt")).toContainText("1.185.000");

  // The quarter milestones say where they come from.
  await page.goto("/units/46/milestones?year=2026");
  await expect(page.getByTestId("milestones-scenario-note")).toBeVisible();
  await expect(page.locator('[data-cell="bhxhCompulsory:3"]')).toContainText("theo kịch bản tháng 9");

  // A month not ended: refused by the server.
  const put = await page.request.put("/api/v1/units/46/monthly/2026/12", { data: { figures: { bhxhCompulsory: 150_000 }, version: 0 } });
  expect(put.status()).toBe(422);
  expect((await put.json()).error).toContain("chưa kết thúc");

  // Back as it was, for the other tests.
  await page.goto("/units/46/monthly?year=2026");
  await page.getByLabel("Số người tham gia BHYT, tháng 11").fill(before);
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("scenario-message")).toContainText("Đã lưu kịch bản (phiên bản 3)");
});
