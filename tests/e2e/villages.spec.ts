// Village figures (issue 15, item 3): Kim Thành's officer opens the commune's villages from its page,
// sees which villages are behind (listed first, filterable) and the one at 100% BHYT, records a
// village's figures for 30/9/2026 (a BHYT count above the population must be confirmed first), and the
// village is no longer behind; the target grid's suggested split says it uses the villages' figures.
// City staff see the same page without the forms.
import { test, expect } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

test("a commune officer records a village's figures and sees which villages are behind", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  await page.goto("/units/10804");
  await page.getByTestId("link-villages").click();
  await expect(page.getByTestId("villages-title")).toContainText("Thôn, tổ dân phố · quý 3/2026");

  const rows = page.locator("tr[data-village]");
  await expect(rows).toHaveCount(10);
  // Behind first: three villages whose voluntary participants did not grow.
  await expect(rows.first()).toHaveAttribute("data-overall", "behind");
  await expect(page.locator('tr[data-overall="behind"]')).toHaveCount(3);
  await expect(page.locator('[data-count="behind"]')).toHaveText("3 chậm tiến độ");
  const kimKhe = page.locator('tr[data-village="10804-02"]');
  await expect(kimKhe).toHaveAttribute("data-overall", "behind");
  await expect(kimKhe.locator('[data-key="bhxhVoluntary"] [data-status]')).toHaveAttribute("data-status", "behind");
  await expect(page.locator('tr[data-village="10804-08"]').getByTestId("bhyt-mark")).toHaveText("★ Đạt 100% dân số tham gia BHYT");

  await page.getByTestId("only-behind").check();
  await expect(rows).toHaveCount(3);

  await kimKhe.getByRole("button", { name: "Sửa số liệu: Thôn Kim Khê" }).click();
  const form = page.locator('[data-testid="village-form"][data-village="10804-02"]');
  // Who saved the stored figures last, and when (Vietnam's time).
  await expect(form).toContainText(/Lưu lần cuối: .+, lúc \d{2}:\d{2} \d{1,2}\/\d{1,2}\/\d{4}/);
  await form.getByLabel("Số người tham gia BHXH bắt buộc").fill("1.600");
  await form.getByLabel("Số người tham gia BHXH tự nguyện").fill("59");
  await form.getByLabel("Số người tham gia BHYT").fill("7.000");
  // More insured than residents: a warning, and no save before it is confirmed.
  await expect(form).toContainText("Số người tham gia BHYT (7.000) lớn hơn dân số (6.952)");
  await form.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(form.getByTestId("village-form-error")).toContainText("đánh dấu xác nhận");
  await form.getByLabel("Số người tham gia BHYT").fill("6.700");
  await expect(form.getByRole("checkbox")).toHaveCount(0);
  await form.getByRole("button", { name: "Lưu số liệu" }).click();
  await expect(page.getByTestId("villages-message")).toHaveText("Đã lưu số liệu quý 3/2026 của Thôn Kim Khê.");

  // Thôn Kim Khê is on track now: two villages behind remain.
  await expect(page.locator('[data-count="behind"]')).toHaveText("2 chậm tiến độ");
  await expect(rows).toHaveCount(2);
  await page.getByTestId("only-behind").uncheck();
  await expect(kimKhe).toHaveAttribute("data-overall", "attained");
  await expect(kimKhe.locator('[data-metric="bhxhVoluntary"]')).toHaveText("59");

  // The suggested split of the commune's targets uses the villages' recorded figures, and says so.
  await page.goto("/units/10804/targets?year=2027");
  await expect(page.getByTestId("suggest-basis")).toContainText(
    "theo số liệu gần nhất xã đã ghi nhận của từng thôn, tổ dân phố (mới nhất: quý 3/2026); 10/10 đơn vị có số liệu",
  );
});

test("city staff read the villages of a commune without recording them", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/10804/villages");
  await expect(page.locator("tr[data-village]")).toHaveCount(10);
  await expect(page.getByTestId("village-board")).toContainText("Bạn chỉ xem được số liệu các thôn, tổ dân phố");
  await expect(page.getByRole("button", { name: /Sửa số liệu|Nhập số liệu/ })).toHaveCount(0);
  // A city has no villages page.
  expect((await page.goto("/units/31/villages"))?.status()).toBe(404);
});

test.describe("on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test("the villages page needs no sideways scrolling of the page, and a village's form fits the screen", async ({ page }) => {
    await signInAndWaitHome(page, "xa.kimthanh");
    await page.goto("/units/10804/villages");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Sửa số liệu: Thôn Kim Lương" }).click();
    const input = page.locator('[data-testid="village-form"]').getByLabel("Số người tham gia BHYT");
    await expect(input).toBeInViewport();
    const box = (await input.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  });
});
