import { expect, test } from "@playwright/test";
import { signIn, signInAndWaitHome } from "./helpers";

test("an administrator creates an account, the new officer signs in; once locked, they can't", async ({ page, browser }) => {
  await signInAndWaitHome(page, "admin");
  await page.getByTestId("admin-users-link").click();
  const form = page.getByTestId("user-create-form");
  await form.locator('input[name="username"]').fill("canbo.anbien");
  await form.locator('input[name="fullName"]').fill("Phạm Thị Lan");
  await form.locator('select[name="role"]').selectOption("COMMUNE_OFFICER");
  await form.locator('input[name="unitCode"]').fill("31");
  await form.locator('input[name="password"]').fill("mat-khau-moi-2026");
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
  // A city code for a commune officer is refused, with the reason next to the field.
  await expect(form).toContainText("cấp xã");
  await expect(page.getByTestId("user-create-message")).toHaveText("Chưa lưu: sửa các ô có thông báo đỏ.");
  // Changing the field at fault clears its old error at once.
  await form.locator('input[name="unitCode"]').fill("11407");
  await expect(form).not.toContainText("cấp xã");
  // Twelve spaces are not a password.
  await form.locator('input[name="password"]').fill("            ");
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(form).toContainText("Mật khẩu quá đơn giản");
  await form.locator('input[name="password"]').fill("mat-khau-moi-2026");
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
  await expect(page.getByTestId("user-row-canbo.anbien")).toBeVisible();

  const other = await browser.newContext();
  const officer = await other.newPage();
  await signIn(officer, "canbo.anbien", "mat-khau-moi-2026");
  await expect(officer.getByTestId("home-unit")).toHaveText("Phường An Biên");

  // Lock the account: the open session ends at once and signing in is refused.
  const row = page.getByTestId("user-row-canbo.anbien");
  await row.getByRole("button", { name: "Sửa" }).click();
  await page
    .getByTestId("user-edit-canbo.anbien")
    .getByLabel(/Đang hoạt động/)
    .uncheck();
  await page.getByTestId("user-edit-canbo.anbien").getByRole("button", { name: "Lưu thay đổi" }).click();
  await expect(page.getByTestId("user-row-canbo.anbien")).toContainText("Đã khóa");
  await officer.goto("/");
  await expect(officer).toHaveURL(/\/login/);
  await signIn(officer, "canbo.anbien", "mat-khau-moi-2026");
  // With the right password the officer is told the account is locked (not "wrong password").
  await expect(officer.getByTestId("login-error")).toContainText("đã bị khóa");
  await other.close();

  // The audit log has it all.
  await page.goto("/admin/audit?q=canbo.anbien");
  // Roles by the names the accounts page gives them.
  await expect(page.locator("body")).toContainText("Cán bộ xã/phường");
  await expect(page.locator("body")).toContainText("Khóa tài khoản");
  // Sign-ins are events: what happened and from where, not "Đăng nhập · Đăng nhập thành công" with "— → 127.0.0.1".
  const signIns = page.locator('[data-testid="audit-row"][data-entity="session"]');
  await expect(signIns.filter({ hasText: "Đăng nhập thành công" }).first()).toContainText("Từ địa chỉ");
  await expect(signIns.filter({ hasText: "Đăng nhập sai" }).first()).toContainText("Tài khoản đã bị khóa");
  await expect(page.getByTestId("audit-table")).not.toContainText("Đăng nhập · Đăng nhập");
  await expect(signIns.first()).not.toContainText("→");
});

test("only administrators reach the account pages", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
  expect((await page.goto("/admin/audit"))?.status()).toBe(403);
});
