import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

async function session(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInAndWaitHome(page, username);
  return page;
}

test("return → fix → resubmit → approve, each side notified, the approved quarter locked", async ({ browser }) => {
  const officer = await session(browser, "xa.kimthanh");
  const staff = await session(browser, "bhxh.haiphong");

  // The officer's 2026 Q3 is submitted (entered here unless an earlier test already did).
  const existing = await officer.request.get("/api/v1/units/10804/figures/2026/3");
  if (existing.status() === 404 || (await existing.json()).status !== "SUBMITTED") {
    const q2 = (await (await officer.request.get("/api/v1/units/10804/figures/2026/2")).json()).figures as Record<string, number>;
    const figures = Object.fromEntries(
      Object.entries(q2).map(([k, v]) => [
        k,
        k === "amountDue" || k === "amountCollected" ? Math.round(v * 1.5) : k === "latePayments" ? v : Math.round(v * 1.01),
      ]),
    );
    const version = existing.status() === 404 ? 0 : (await existing.json()).version;
    const put = await officer.request.put("/api/v1/units/10804/figures/2026/3", { data: { figures, submit: true, confirmWarnings: true, version } });
    expect(put.status()).toBe(200);
  }

  // City staff return it with a comment.
  await staff.goto("/units/10804?year=2026&quarter=3");
  const panel = staff.getByTestId("review-panel");
  await expect(panel.getByTestId("review-status")).toHaveText("Đã gửi");
  await panel.locator('button[data-action="return"]').click();
  // The confirmation shows the figures being returned.
  const confirm = staff.getByTestId("review-confirm");
  await expect(confirm.getByTestId("figures-summary").locator("tr")).toHaveCount(12);
  await confirm.getByTestId("review-comment").fill("Số người tham gia BHTN chưa khớp với số liệu của BHXH cơ sở, đề nghị kiểm tra lại.");
  await confirm.getByTestId("review-confirm-confirm").click();
  await expect(panel.getByTestId("review-status")).toHaveText("Bị trả lại");

  // The officer sees the notice and the comment, fixes a figure and resubmits.
  await officer.goto("/");
  await expect(officer.getByTestId("notification-badge")).toBeVisible();
  await officer.goto("/notifications");
  await expect(officer.locator("body")).toContainText("bị trả lại");
  await officer.goto("/units/10804/report?year=2026&quarter=3");
  await expect(officer.getByTestId("form-return-comment")).toContainText("BHTN chưa khớp");
  const bhtn = officer.locator("#f-bhtn");
  const before = Number((await bhtn.inputValue()).replace(/\./g, ""));
  await bhtn.fill(String(before - 10));
  await officer.getByRole("button", { name: "Gửi lại báo cáo" }).click();
  await officer.getByTestId("submit-confirm-confirm").click();
  await expect(officer.getByTestId("form-message")).toContainText("Đã gửi báo cáo");
  await expect(officer.getByTestId("form-locked")).toBeVisible();

  // Staff approve; the history shows all of it.
  await staff.goto("/units/10804?year=2026&quarter=3");
  await expect(panel.getByTestId("review-status")).toHaveText("Đã gửi");
  await panel.locator('button[data-action="approve"]').click();
  await expect(staff.getByTestId("review-confirm").getByTestId("figures-summary")).toBeVisible();
  await staff.getByTestId("review-confirm-confirm").click();
  await expect(panel.getByTestId("review-status")).toHaveText("Đã duyệt");
  const events = panel.getByTestId("review-events").locator("li");
  expect(await events.count()).toBeGreaterThanOrEqual(4);
  await expect(panel.getByTestId("review-events")).toContainText("trả lại");
  await expect(panel.getByTestId("review-events")).toContainText("BHTN chưa khớp");

  // The officer can no longer change it, in the browser or through the API.
  await officer.goto("/units/10804/report?year=2026&quarter=3");
  await expect(officer.getByTestId("form-locked")).toContainText("đã được duyệt");
  await expect(officer.getByRole("button", { name: "Gửi báo cáo" })).toHaveCount(0);
  // Without a version the API refuses to guess (428); with the current one the approved quarter is locked (409).
  expect((await officer.request.put("/api/v1/units/10804/figures/2026/3", { data: { figures: { labourForce: 1 } } })).status()).toBe(428);
  const current = await (await officer.request.get("/api/v1/units/10804/figures/2026/3")).json();
  const again = await officer.request.put("/api/v1/units/10804/figures/2026/3", { data: { figures: { labourForce: 1 }, version: current.version } });
  expect(again.status()).toBe(409);
  // A leader can't approve or return anything.
  const leader = await session(browser, "lanhdao.haiphong");
  expect((await leader.request.post("/api/v1/units/10804/figures/2026/3/reopen", { data: { comment: "x" } })).status()).toBe(403);
  await leader.goto("/units/10804?year=2026&quarter=3");
  await expect(leader.getByTestId("review-panel").locator("button[data-action]")).toHaveCount(0);

  // The unit's history lists the changes.
  await staff.goto("/units/10804/history");
  await expect(staff.locator("body")).toContainText("Bị trả lại");
});

test("two people saving the same quarter: the second is refused and told what changed", async ({ browser }) => {
  const a = await session(browser, "xa.nguyenluongbang");
  const b = await session(browser, "xa.nguyenluongbang");
  await a.goto("/units/11242/report?year=2025&quarter=3");
  await b.goto("/units/11242/report?year=2025&quarter=3");
  const lf = Number((await a.locator("#f-labourForce").inputValue()).replace(/\./g, ""));
  await a.locator("#f-labourForce").fill(String(lf + 7));
  if (await a.getByTestId("warnings").isVisible()) await a.getByLabel("Tôi đã kiểm tra và xác nhận").check();
  await a.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(a.getByTestId("form-message")).toContainText("Đã lưu bản nháp");
  await b.locator("#f-pensionRecipients").fill("900");
  await b.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(b.getByTestId("form-message")).toContainText("đã được lưu bởi người khác");
  await expect(b.getByTestId("issues-labourForce")).toContainText(new Intl.NumberFormat("vi-VN").format(lf + 7));
  // Nothing of the first was overwritten.
  const now = await (await a.request.get("/api/v1/units/11242/figures/2025/3")).json();
  expect(now.figures.labourForce).toBe(lf + 7);
  expect(now.figures.pensionRecipients).not.toBe(900);
});
