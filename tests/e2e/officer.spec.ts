// Issue 13 (items 4, 5, 10c), "done when": a commune officer files a quarter after seeing its
// figures in a confirmation; the city returns it with a comment; the officer finds it first on the
// home page with the comment, changes one figure (the others are pre-filled), replies to the
// comment and resubmits; leaving the form with unsaved input is warned.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

async function session(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInAndWaitHome(page, username);
  return page;
}

const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
const RETURN_COMMENT = "Số người tham gia BHYT cao hơn dữ liệu thẻ của BHXH cơ sở, đề nghị xã kiểm tra lại.";
const REPLY = "Xã đã đối chiếu với danh sách thẻ BHYT và sửa lại số người tham gia.";

test("file → return with a comment → fix one figure, reply, resubmit", async ({ browser }) => {
  const officer = await session(browser, "xa.kimthanh");
  const staff = await session(browser, "bhxh.haiphong");

  // 1. The officer files 2026 Q3 (unless an earlier spec already did), through the confirmation.
  const existing = await officer.request.get("/api/v1/units/10804/figures/2026/3");
  const state = existing.status() === 404 ? "NONE" : ((await existing.json()).status as string);
  if (state === "NONE" || state === "DRAFT") {
    const q2 = (await (await officer.request.get("/api/v1/units/10804/figures/2026/2")).json()).figures as Record<string, number>;
    await officer.goto("/units/10804/report?year=2026&quarter=3");
    for (const [k, v] of Object.entries(q2)) {
      const ytd = k === "amountDue" || k === "amountCollected";
      await officer.locator(`#f-${k}`).fill(String(Math.round(v * (ytd ? 1.5 : k === "latePayments" ? 1 : 1.01))));
    }
    await expect(officer.getByTestId("form-filled")).toHaveText("12/12 đã nhập");
    if (await officer.getByTestId("warnings").isVisible()) await officer.getByLabel("Tôi đã kiểm tra và xác nhận").check();
    await officer.getByRole("button", { name: "Gửi báo cáo" }).click();
    const confirm = officer.getByTestId("submit-confirm");
    await expect(confirm).toBeVisible();
    await expect(confirm.getByTestId("figures-summary").locator("tr")).toHaveCount(12);
    await expect(confirm.locator('tr[data-key="bhyt"] [data-cell="value"]')).toHaveText(vi(Math.round(q2.bhyt * 1.01)));
    // Escape cancels: nothing is sent.
    await officer.keyboard.press("Escape");
    await expect(confirm).toBeHidden();
    await expect(officer.getByTestId("form-status")).not.toContainText("Đã gửi");
    await officer.getByRole("button", { name: "Gửi báo cáo" }).click();
    await confirm.getByTestId("submit-confirm-confirm").click();
    await expect(officer.getByTestId("form-message")).toContainText("Đã gửi báo cáo");
    await expect(officer.getByTestId("form-locked")).toBeVisible();
  }
  const filed = await (await officer.request.get("/api/v1/units/10804/figures/2026/3")).json();
  expect(filed.status).toBe("SUBMITTED");

  // 2. City staff return it with a comment, after seeing its figures.
  await staff.goto("/units/10804?year=2026&quarter=3");
  const panel = staff.getByTestId("review-panel");
  await expect(panel.getByTestId("review-title")).toHaveText("Duyệt báo cáo");
  await panel.locator('button[data-action="return"]').click();
  const review = staff.getByTestId("review-confirm");
  await expect(review.locator('tr[data-key="bhyt"] [data-cell="value"]')).toHaveText(vi(filed.figures.bhyt));
  await review.getByTestId("review-confirm-confirm").click();
  await expect(review.getByRole("alert")).toContainText("Cần ghi ý kiến");
  await review.getByTestId("review-comment").fill(RETURN_COMMENT);
  await review.getByTestId("review-confirm-confirm").click();
  await expect(panel.getByTestId("review-status")).toHaveText("Bị trả lại");
  await expect(panel.getByTestId("review-message")).toHaveText("Đã trả lại báo cáo.");

  // 3. The officer sees it first on the home page, with the comment and a link to fix it.
  await officer.goto("/");
  const first = officer.getByTestId("home").locator(":scope > section").first();
  await expect(first).toHaveAttribute("data-testid", "home-returned");
  const item = officer.getByTestId("home-returned-2026-3");
  await expect(item.getByTestId("home-returned-comment")).toContainText(RETURN_COMMENT);
  await item.getByTestId("home-returned-link").click();
  await expect(officer.getByTestId("form-title")).toHaveText("Báo cáo số liệu quý 3/2026");
  await expect(officer.getByTestId("form-return-comment")).toContainText("BHYT cao hơn");

  // The stored figures are the form's initial values: only the one in question is typed.
  await expect(officer.getByTestId("form-filled")).toHaveText("12/12 đã nhập");
  await expect(officer.locator("#f-labourForce")).toHaveValue(vi(filed.figures.labourForce));
  await expect(officer.locator("#f-amountCollected")).toHaveValue(vi(filed.figures.amountCollected));
  const bhyt = filed.figures.bhyt - 25;
  await officer.locator("#f-bhyt").fill(String(bhyt));
  await expect(officer.getByTestId("form-status")).toContainText("Có thay đổi chưa lưu");

  // Leaving with the unsaved figure is warned; staying keeps it.
  await officer.getByRole("link", { name: "Về trang đơn vị" }).click();
  const leave = officer.getByTestId("leave-confirm");
  await expect(leave).toBeVisible();
  await expect(leave).toContainText("chưa lưu");
  await leave.getByTestId("leave-confirm-cancel").click();
  await expect(leave).toBeHidden();
  await expect(officer).toHaveURL(/\/units\/10804\/report\?year=2026&quarter=3/);
  await expect(officer.locator("#f-bhyt")).toHaveValue(vi(bhyt));

  // The officer answers the city's comment (the length rule is shown before typing).
  const thread = officer.getByTestId("form-thread");
  await expect(thread.getByTestId("review-events")).toContainText(RETURN_COMMENT);
  await expect(thread.getByTestId("thread-form")).toContainText("Từ 5 đến 2.000 ký tự.");
  await thread.getByTestId("thread-body").fill("ok");
  await thread.getByTestId("thread-send").click();
  await expect(thread.getByTestId("thread-message")).toHaveText("Nội dung trao đổi cần ít nhất 5 ký tự.");
  await thread.getByTestId("thread-body").fill(REPLY);
  await thread.getByTestId("thread-send").click();
  await expect(thread.getByTestId("thread-message")).toHaveText("Đã gửi trao đổi.");
  await expect(thread.getByTestId("review-events")).toContainText(REPLY);
  // The typed figure survived the reply.
  await expect(officer.locator("#f-bhyt")).toHaveValue(vi(bhyt));

  // Resubmitting shows the figures, the changed one marked; only it changed.
  await officer.getByRole("button", { name: "Gửi lại báo cáo" }).click();
  const confirm = officer.getByTestId("submit-confirm");
  await expect(confirm.locator('tr[data-key="bhyt"]')).toContainText("đã sửa");
  await expect(confirm.locator('tr[data-key="bhyt"] [data-cell="value"]')).toHaveText(vi(bhyt));
  await expect(confirm.locator('tr[data-key="labourForce"]')).not.toContainText("đã sửa");
  await confirm.getByTestId("submit-confirm-confirm").click();
  await expect(officer.getByTestId("form-message")).toContainText("Đã gửi báo cáo");
  const after = await (await officer.request.get("/api/v1/units/10804/figures/2026/3")).json();
  expect(after.status).toBe("SUBMITTED");
  expect(after.figures).toEqual({ ...filed.figures, bhyt });
  // Nothing unsaved any more: the link leaves without asking.
  await officer.getByRole("link", { name: "Về trang đơn vị" }).click();
  await expect(officer.getByTestId("unit-page")).toBeVisible();
  await expect(officer.getByTestId("review-title")).toHaveText("Trạng thái duyệt");
  await expect(officer.getByTestId("quarter-q3")).toContainText("Xem số liệu đã gửi");

  // The city reads the reply in the same thread as its comment.
  await staff.goto("/units/10804?year=2026&quarter=3");
  await expect(panel.getByTestId("review-status")).toHaveText("Đã gửi");
  const events = panel.getByTestId("review-events");
  await expect(events).toContainText(RETURN_COMMENT);
  await expect(events).toContainText(REPLY);
});
