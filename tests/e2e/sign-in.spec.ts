import { expect, test } from "@playwright/test";
import { signIn, signInAndWaitHome } from "./helpers";

// Each demo role lands on its own Vietnamese home page, scoped to its unit.
const ROLES = [
  { username: "admin", role: "Quản trị hệ thống", unit: "Toàn hệ thống", list: "Các tỉnh, thành phố" },
  { username: "lanhdao.quocgia", role: "Lãnh đạo cấp quốc gia", unit: "Việt Nam", list: "Các tỉnh, thành phố" },
  { username: "bhxh.haiphong", role: "Cán bộ thành phố/tỉnh", unit: "Thành phố Hải Phòng", list: "Các xã, phường, đặc khu" },
  { username: "lanhdao.haiphong", role: "Lãnh đạo thành phố/tỉnh", unit: "Thành phố Hải Phòng", list: "Các xã, phường, đặc khu" },
  { username: "xa.kimthanh", role: "Cán bộ xã/phường", unit: "Xã Kim Thành", list: "Các thôn, tổ dân phố" },
  { username: "xa.nguyenluongbang", role: "Cán bộ xã/phường", unit: "Xã Nguyễn Lương Bằng", list: "Các thôn, tổ dân phố" },
  { username: "bhxh.hue", role: "Cán bộ thành phố/tỉnh", unit: "Thành phố Huế", list: "Các xã, phường, đặc khu" },
];

test("the sign-in page is Vietnamese, marks demo data and lists the demo accounts", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Đăng nhập" })).toBeVisible();
  await expect(page.getByTestId("demo-badge")).toHaveText(/dữ liệu minh họa/i);
  const demo = page.getByTestId("demo-accounts");
  for (const r of ROLES) await expect(demo).toContainText(r.username);
  await expect(demo).toContainText("demo-2026");
});

for (const r of ROLES) {
  test(`${r.username} signs in and sees the home page of ${r.unit}`, async ({ page }) => {
    await signInAndWaitHome(page, r.username);
    await expect(page.getByTestId("home-role")).toHaveText(r.role);
    await expect(page.getByTestId("home-unit")).toHaveText(r.unit);
    await expect(page.getByRole("heading", { name: r.list })).toBeVisible();
    await expect(page.getByTestId("demo-badge")).toBeVisible();
    // Officers and city roles see what to do next: the last quarter's report, or the reporting status.
    if (!["admin", "lanhdao.quocgia"].includes(r.username)) {
      await expect(page.getByTestId("home-todo")).toContainText("3/2026");
      // City roles see how much is waiting, counted as the completeness board counts it.
      if (r.username.startsWith("bhxh.") || r.username === "lanhdao.haiphong")
        await expect(page.getByTestId("home-todo")).toContainText(/\d+ chờ duyệt · \d+ chưa gửi, trong đó \d+ quá hạn/);
      // Officers with the quarter not yet sent are told its deadline has passed (5 days after 30/9 by default).
      if (r.username.startsWith("xa.")) {
        const text = await page.getByTestId("home-todo").innerText();
        if (/Đã gửi|Đã duyệt/.test(text)) {
          await expect(page.getByTestId("home-todo-deadline")).toHaveCount(0);
          await expect(page.getByTestId("home-todo").getByRole("heading")).toHaveText("Báo cáo quý vừa kết thúc");
        } else {
          await expect(page.getByTestId("home-todo-deadline")).toHaveText(/^Đã quá hạn gửi \(\d{1,2}\/10\/2026\)$/);
          await expect(page.getByTestId("home-todo").getByRole("heading")).toHaveText("Việc cần làm");
        }
      }
      await page.getByTestId("home-todo-link").click();
      await expect(page).toHaveURL(/\/(report|completeness)\?year=2026&quarter=3/);
    }
  });
}

test("a wrong password is refused with a Vietnamese message", async ({ page }) => {
  await signIn(page, "bhxh.hue", "sai-mat-khau");
  await expect(page.getByTestId("login-error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  await expect(page).toHaveURL(/\/login/);
});

test("empty fields are caught before sending", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Vui lòng nhập tên đăng nhập và mật khẩu.");
});

test("repeated failures are slowed down", async ({ page }) => {
  for (let i = 0; i < 2; i++) {
    await signIn(page, "lanhdao.haiphong", "sai");
    await expect(page.getByTestId("login-error")).toHaveText("Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  await signIn(page, "lanhdao.haiphong", "sai");
  await expect(page.getByTestId("login-error")).toContainText("Bạn đã nhập sai nhiều lần");
});

test("a signed-out visitor is sent to sign in, then back to the page asked for", async ({ page }) => {
  await page.goto("/units/10804");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Funits%2F10804/);
  await page.getByLabel("Tên đăng nhập").fill("xa.kimthanh");
  await page.getByLabel("Mật khẩu").fill("demo-2026");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.getByTestId("unit-name")).toHaveText("Xã Kim Thành");
});

test("signing out ends the session", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.hue");
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("the language switch turns the interface to English and back", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByTestId("home-role")).toHaveText("City/province staff");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.getByTestId("home-role")).toHaveText("Cán bộ thành phố/tỉnh");
});
