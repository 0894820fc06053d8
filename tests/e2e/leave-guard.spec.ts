// Nothing typed is lost by leaving (components/ui/LeaveGuard.tsx): with unsaved targets or report text,
// the app's links ask first; staying keeps what was typed, leaving drops it; a download (the Word
// report) is not leaving. The quarterly form is checked in officer.spec.ts, the monthly figures form's
// month switch is checked in monthly.spec.ts. Nothing is saved here.
import { expect, test, type Page } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

async function expectGuarded(page: Page, field: ReturnType<Page["locator"]>, typed: string, body: RegExp, leave = page.getByTestId("leave-confirm")) {
  const url = page.url();
  await page.getByTestId("notification-link").click();
  await expect(leave).toBeVisible();
  await expect(leave).toContainText(body);
  await leave.getByTestId("leave-confirm-cancel").click();
  await expect(leave).toBeHidden();
  expect(page.url()).toBe(url);
  await expect(field).toHaveValue(typed);
  await page.getByTestId("notification-link").click();
  await leave.getByTestId("leave-confirm-confirm").click();
  await expect(page).toHaveURL(/\/notifications$/);
}

test("city staff typing targets are asked before a link drops them", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31/targets?year=2026");
  const kimThanh = page.locator('[data-cell="10804:bhxhCompulsory"]');
  const stored = await kimThanh.inputValue();
  // Unchanged, the page is left freely.
  await page.getByTestId("notification-link").click();
  await expect(page).toHaveURL(/\/notifications$/);
  await page.goBack();
  await kimThanh.fill("123.456");
  await expectGuarded(page, kimThanh, "123.456", /chưa lưu/);
  // Dropped: the stored target is there again.
  await page.goto("/units/31/targets?year=2026");
  await expect(page.locator('[data-cell="10804:bhxhCompulsory"]')).toHaveValue(stored);
});

test("a commune officer editing the report's text is told the Word file lacks it, can download it, and is asked before a link drops the text", async ({
  page,
}) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  await page.goto("/units/10804/document?year=2026&quarter=3");
  // Typed before hydration, a fill can land beside the server's text instead of replacing it.
  await expect(page.locator("[data-testid=report-editor][data-hydrated]")).toBeAttached();
  const opening = page.getByTestId("edit-opening");
  const typed = `${await opening.inputValue()} Câu thêm chưa lưu.`;
  await opening.fill(typed);
  // The Word file is the saved report: it says the unsaved text is not in it, then downloads if asked.
  const ask = page.getByTestId("download-confirm");
  await page.getByTestId("download-report").click();
  await expect(ask).toContainText("các sửa đổi bạn chưa lưu không có trong tệp");
  await ask.getByTestId("download-confirm-cancel").click();
  await expect(ask).toBeHidden();
  await page.getByTestId("download-report").click();
  const [download] = await Promise.all([page.waitForEvent("download"), ask.getByTestId("download-confirm-confirm").click()]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  await expect(page.getByTestId("leave-confirm")).toBeHidden();
  await expect(opening).toHaveValue(typed);
  await expectGuarded(page, opening, typed, /nội dung báo cáo/);
});

test("choosing another period while the report's text is unsaved asks in the app, not with the browser's prompt", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  await page.goto("/units/10804/document?year=2026&quarter=3");
  const opening = page.getByTestId("edit-opening");
  const typed = `${await opening.inputValue()} Câu thêm chưa lưu.`;
  await opening.fill(typed);
  let browserPrompt = false;
  page.on("dialog", (d) => {
    browserPrompt = true;
    void d.dismiss();
  });
  const picker = page.getByTestId("period-picker");
  await picker.locator('select[name="quarter"]').selectOption("2");
  await picker.getByRole("button").click();
  const leave = page.getByTestId("leave-confirm");
  await expect(leave).toBeVisible();
  await leave.getByTestId("leave-confirm-cancel").click();
  await expect(page).toHaveURL(/quarter=3/);
  await expect(opening).toHaveValue(typed);
  // Staying: the picker shows the page's period again, not the one that was not opened.
  await expect(picker.locator('select[name="quarter"]')).toHaveValue("3");
  await picker.locator('select[name="quarter"]').selectOption("2");
  await picker.getByRole("button").click();
  await leave.getByTestId("leave-confirm-confirm").click();
  await expect(page).toHaveURL(/year=2026&quarter=2/);
  await expect(page.locator("h1")).toContainText("6 tháng đầu năm 2026");
  expect(browserPrompt).toBe(false);
});

test("city staff editing the monthly scenario are asked before a link drops it", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.hue");
  await page.goto("/units/46/monthly?year=2026");
  const cell = page.getByLabel("Số người tham gia BHYT, tháng 11");
  await cell.fill("1.234.567");
  await expectGuarded(page, cell, "1.234.567", /chưa lưu/, page.getByRole("region", { name: "Kịch bản theo tháng" }).getByTestId("leave-confirm"));
});

test("switching the language or opening another village's form asks before dropping a village's typed figures", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  await page.goto("/units/10804/villages?year=2026&quarter=3");
  await page.locator('tr[data-village="10804-02"]').getByRole("button", { name: "Sửa số liệu: Thôn Kim Khê" }).click();
  const form = page.locator('[data-testid="village-form"][data-village="10804-02"]');
  const bhyt = form.getByLabel("Số người tham gia BHYT");
  await bhyt.fill("7.777");
  const leave = form.getByTestId("leave-confirm");
  // Another village's form would replace this one.
  await page
    .locator('tr[data-village="10804-03"]')
    .getByRole("button", { name: /số liệu: / })
    .click();
  await expect(leave).toBeVisible();
  await expect(leave).toContainText("Bỏ thay đổi chưa lưu?");
  await leave.getByTestId("leave-confirm-cancel").click();
  await expect(bhyt).toHaveValue("7.777");
  // The language switch rebuilds the page.
  await page.getByRole("button", { name: "English" }).click();
  await expect(leave).toBeVisible();
  await leave.getByTestId("leave-confirm-cancel").click();
  await expect(bhyt).toHaveValue("7.777");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  // Closing the form asks too; agreeing drops the figure (nothing saved).
  await form.getByRole("button", { name: "Đóng" }).click();
  await leave.getByTestId("leave-confirm-confirm").click();
  await expect(form).toHaveCount(0);
});
