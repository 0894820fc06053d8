import { expect, test } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

test.describe("a commune officer sees only their commune", () => {
  test.beforeEach(async ({ page }) => {
    await signInAndWaitHome(page, "xa.kimthanh");
  });

  test("the home page leads to the commune's unit page, with parent and villages", async ({ page }) => {
    await page.getByRole("link", { name: /Mở trang đơn vị/ }).click();
    await expect(page.getByTestId("unit-name")).toHaveText("Xã Kim Thành");
    await expect(page.getByTestId("unit-page")).toContainText("10804");
    await expect(page.getByTestId("unit-page")).toContainText("Xã");
    // The city is shown as parent, but not as a link: it is outside the officer's scope.
    await expect(page.getByTestId("unit-parent")).toHaveText("Thành phố Hải Phòng");
    await expect(page.getByTestId("unit-parent").getByRole("link")).toHaveCount(0);
    const villages = page.getByTestId("unit-children").getByRole("link");
    expect(await villages.count()).toBeGreaterThan(3);
    await villages.first().click();
    await expect(page.getByTestId("unit-page")).toHaveAttribute("data-unit-code", /^10804-\d\d$/);
  });

  for (const code of ["11242", "31", "46", "VN", "11242-01"]) {
    test(`opening /units/${code} is refused`, async ({ page }) => {
      const res = await page.goto(`/units/${code}`);
      expect(res?.status()).toBe(403);
      await expect(page.getByTestId("forbidden")).toContainText("Không có quyền truy cập");
      await expect(page.locator("body")).not.toContainText("Nguyễn Lương Bằng");
    });
  }
});

test("city staff see their communes but not another city's", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.hue");
  await page.goto("/units/46");
  await expect(page.getByTestId("unit-name")).toHaveText("Thành phố Huế");
  await expect(page.getByTestId("unit-children").getByRole("link")).toHaveCount(40);
  const res = await page.goto("/units/10804");
  expect(res?.status()).toBe(403);
});

test("Hải Phòng's page lists all 114 communes, searchable without diacritics", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31");
  await expect(page.getByTestId("unit-children").getByRole("link")).toHaveCount(114);
  await page.getByLabel("Tìm theo tên hoặc mã").fill("nguyen luong bang");
  await expect(page.getByTestId("unit-children").getByRole("link")).toHaveCount(1);
  await page.getByTestId("unit-children").getByRole("link").click();
  await expect(page.getByTestId("unit-name")).toHaveText("Xã Nguyễn Lương Bằng");
});

test("the national leader reaches every province", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.quocgia");
  await expect(page.getByTestId("home-children").getByRole("link")).toHaveCount(34);
  await page.goto("/units/46");
  await expect(page.getByTestId("unit-name")).toHaveText("Thành phố Huế");
});

test("unknown and malformed unit codes get a clear message, not a stack trace", async ({ page }) => {
  await signInAndWaitHome(page, "admin");
  for (const path of ["/units/99999", "/units/abc$def", "/units/" + "9".repeat(60), "/units/10804%20OR%201=1"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByTestId("unit-not-found")).toContainText("Không có đơn vị nào mang mã này");
    await expect(page.locator("body")).not.toContainText(/Error:|at .*\.js/);
  }
  // A malformed percent-encoding is caught before routing (Next.js would answer a bare 500).
  const bad = await page.goto("/units/%E0%A4%A");
  expect(bad?.status()).toBe(400);
  await expect(page.getByTestId("bad-url")).toHaveText("Địa chỉ không hợp lệ");
  const res = await page.goto("/khong-co-trang-nay");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
});
