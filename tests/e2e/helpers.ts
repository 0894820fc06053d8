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

/** The pages each role opens, for the checks that go over all of them (accessibility, English). */
export const ROLE_PAGES: Record<"xa.kimthanh" | "bhxh.haiphong" | "admin", string[]> = {
  "xa.kimthanh": [
    "/",
    "/units/10804",
    "/units/10804/report",
    "/units/10804/targets",
    "/units/10804/history",
    "/units/10804/document",
    "/units/10804/report-settings",
    "/units/10804/villages",
    "/units/10804-01",
    "/notifications",
  ],
  "bhxh.haiphong": [
    "/units/31",
    "/units/31/dashboard",
    "/units/31/completeness",
    "/units/31/rankings",
    "/units/31/targets",
    "/units/31/quality",
    "/units/31/milestones",
    "/units/31/monthly",
    "/units/31/history",
    "/units/31/employers",
  ],
  admin: ["/", "/admin/users", "/admin/audit", "/units/VN", "/units/VN/rankings", "/units/VN/completeness"],
};

/** Waits until the page's tables have drawn their rows (components/ui/DataTable draws them in the browser). */
export async function tablesDrawn(page: Page) {
  await expect(page.locator("[data-table-pending]")).toHaveCount(0);
}
