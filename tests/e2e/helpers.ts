import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-2026";

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

export async function signInAndWaitHome(page: Page, username: string) {
  await signIn(page, username);
  await expect(page.getByTestId("home")).toBeVisible();
}
