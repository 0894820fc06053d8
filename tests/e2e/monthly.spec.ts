// Month by month (issue 15): Huế's city staff see October 2026 against the monthly scenario and what
// November needs, change a cell of the scenario, save, reload and find it kept; the quarter
// milestones show they come from the scenario; a month not ended is refused. Then they import the
// monthly figures from the downloaded template with one value changed: preview, commit (issue 15, item 2).
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
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

  // October's voluntary participants typed ten times too high: the form asks to check before saving anything.
  await page.getByTestId("figures-month").selectOption("10");
  const voluntary = page.locator("#mf-bhxhVoluntary");
  await voluntary.fill("999999");
  await page.getByTestId("save-monthly").click();
  await expect(page.getByTestId("monthly-warnings")).toContainText("so với tháng trước");
  await expect(page.getByTestId("confirm-monthly")).toBeVisible();
  // Choosing another month would drop what was typed: the form asks first; staying keeps it.
  await page.getByTestId("figures-month").selectOption("11");
  const leave = page.getByTestId("monthly-figures-form").getByTestId("leave-confirm");
  await expect(leave).toBeVisible();
  await leave.getByTestId("leave-confirm-cancel").click();
  await expect(page.getByTestId("figures-month")).toHaveValue("10");
  await expect(voluntary).toHaveValue("999999");
  // Leaving it: dropped, the month chosen.
  await page.getByTestId("figures-month").selectOption("11");
  await leave.getByTestId("leave-confirm-confirm").click();
  await expect(page.getByTestId("figures-month")).toHaveValue("11");
  await expect(page.getByTestId("monthly-warnings")).toHaveCount(0);

  // Edit November's BHYT plan in the scenario, save, reload: kept.
  const cell = page.getByLabel("Số người tham gia BHYT, tháng 11");
  const before = await cell.inputValue();
  await cell.fill("mười");
  // Said at the cell as it is typed, before any Save.
  await expect(cell).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("scenario-cell-problem")).toContainText("không hợp lệ");
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("scenario-message")).toContainText("không hợp lệ");
  await cell.fill("1.185.000");
  await expect(page.getByTestId("scenario-cell-problem")).toHaveCount(0);
  await page.getByTestId("save-scenario").click();
  await expect(page.getByTestId("scenario-message")).toContainText("Đã lưu kịch bản (phiên bản 2)");
  await page.reload();
  await expect(page.getByLabel("Số người tham gia BHYT, tháng 11")).toHaveValue("1.185.000");
  await expect(page.getByTestId("latest-month").getByTestId("need-bhyt")).toContainText("1.185.000");

  // "Khôi phục mặc định" puts back only the months still ahead: September (Q3, ended) keeps its stored plan.
  const september = page.getByLabel("Số người tham gia BHYT, tháng 9");
  const septemberStored = await september.inputValue();
  await september.fill("1");
  await page.getByTestId("reset-scenario").click();
  await expect(page.getByTestId("scenario-message")).toContainText("các tháng đã qua giữ số đã lưu");
  await expect(september).toHaveValue("1");
  await september.fill(septemberStored);
  // Every month as stored again: nothing to lose, the page is left without a question.
  await page.getByRole("link", { name: "← Thành phố Huế" }).click();
  await expect(page).toHaveURL(/\/units\/46$/);

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

test("bhxh.hue imports the monthly figures from the template: one value changed, the preview with its warning to confirm, the commit", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.hue");
  await page.goto("/units/46/monthly?year=2026");
  const panel = page.getByTestId("monthly-import");
  const [download] = await Promise.all([page.waitForEvent("download"), panel.getByTestId("monthly-template-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  // October (row 14), BHYT (column F): half as many again — over the form's ±20%, so a warning to confirm.
  expect(ws.getCell("A14").value).toBe("10");
  expect(ws.getCell("F4").value).toBe("Số người tham gia BHYT (người)");
  const before = Number(ws.getCell("F14").value);
  const after = Math.round(before * 1.5);
  ws.getCell("F14").value = after;
  await panel.getByTestId("monthly-import-file").setInputFiles({
    name: "so-lieu-thang.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await panel.getByTestId("monthly-import-check").click();
  const row = panel.getByTestId("monthly-import-change-row");
  await expect(row).toHaveCount(1);
  const vi = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  await expect(row).toContainText("Tháng 10/2026");
  await expect(row).toContainText(`Số người tham gia BHYT: ${vi(before)} → ${vi(after)}`);
  const warnings = panel.getByTestId("monthly-import-warnings");
  await expect(warnings).toContainText("1 cảnh báo cần xác nhận");
  await expect(warnings).toContainText("Tháng 10/2026");
  await expect(warnings).toContainText("so với tháng trước");
  await expect(panel.getByTestId("monthly-import-commit")).toBeDisabled();
  await panel.getByTestId("monthly-import-confirm").check();
  await panel.getByTestId("monthly-import-commit").click();
  await expect(panel.getByTestId("monthly-import-saved")).toContainText("Đã lưu số liệu 1 tháng (Tháng 10/2026)");

  // Stored: the API reads it back; then back as it was, for the other tests.
  const got = await (await page.request.get("/api/v1/units/46/monthly?year=2026")).json();
  const oct = got.months[9];
  expect(oct.figures.bhyt).toBe(after);
  const put = await page.request.put("/api/v1/units/46/monthly/2026/10", { data: { figures: { ...oct.figures, bhyt: before }, version: oct.version } });
  expect(put.status()).toBe(200);
});
