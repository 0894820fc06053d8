import { chromium } from "@playwright/test";
const [,, user, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto("http://localhost:3000/login");
await page.getByLabel("Tên đăng nhập").fill(user);
await page.getByLabel("Mật khẩu").fill("demo-2026");
await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
await page.waitForSelector('[data-testid="home"]');
let i = 0;
for (const p of paths) {
  const t0 = Date.now();
  const res = await page.goto("http://localhost:3000" + p);
  await page.waitForTimeout(800);
  console.log(p, res.status(), Date.now() - t0, "ms");
  await page.screenshot({ path: `/tmp/shots/${user}-${i++}.png`, fullPage: true });
}
await browser.close();
