import { expect, test } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

test("every page carries the security headers and a nonce-based CSP", async ({ page }) => {
  const res = await page.request.get("/login");
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).not.toContain("unsafe-eval");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  // The page still works under the policy: scripts run (the form validates before sending).
  await page.goto("/login");
  await page.getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.locator("[role=alert], [aria-invalid=true]").first()).toBeVisible();
});

test("a cross-site text/plain POST gets 403 and changes nothing; a foreign server action gets 403", async ({ page }) => {
  await signInAndWaitHome(page, "xa.nguyenluongbang");
  const before = await (await page.request.get("/api/v1/units/11242/figures/2025/3")).json();
  const res = await page.request.post("/api/v1/units/11242/figures/2025/3/submit", {
    headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" },
    data: JSON.stringify({ comment: "x" }),
  });
  expect(res.status()).toBe(403);
  const after = await (await page.request.get("/api/v1/units/11242/figures/2025/3")).json();
  expect(after.status).toBe(before.status);
  expect(after.version).toBe(before.version);
  // Same site but not JSON: 415.
  const plain = await page.request.post("/api/v1/units/11242/figures/2025/3/submit", { headers: { "content-type": "text/plain" }, data: "{}" });
  expect(plain.status()).toBe(415);
  const action = await page.request.post("/units/11242/report", { headers: { "next-action": "0123456789abcdef", origin: "https://evil.example" }, data: "[]" });
  expect(action.status()).toBe(403);
});

test("a copied session cookie stops working once its user signs out", async ({ page, browser }) => {
  await signInAndWaitHome(page, "bhxh.hue");
  const cookies = await page.context().cookies();
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  expect((await thief.request.get("/api/v1/units/46/figures?year=2026")).status()).toBe(200);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect((await thief.request.get("/api/v1/units/46/figures?year=2026")).status()).toBe(401);
  await thief.close();
  // Signing in again works as before.
  await signInAndWaitHome(page, "bhxh.hue");
});

test("methods a page does not answer get 405, never 500", async ({ page }) => {
  for (const method of ["PUT", "DELETE", "PATCH"]) {
    const res = await page.request.fetch("/login", { method });
    expect(res.status(), method).toBe(405);
    expect(res.headers()["allow"]).toBe("GET, HEAD, POST");
  }
});

test("sign-in endpoints and oversized bodies answer 405 / 415 / 413, never 500; a signed-out title names no unit", async ({ page, browser }) => {
  const anon = await browser.newContext();
  expect((await anon.request.get("/api/auth/callback/credentials")).status()).toBe(405);
  expect((await anon.request.post("/api/auth/callback/credentials", { headers: { "content-type": "application/json" }, data: "{bad" })).status()).toBe(415);
  const res = await anon.request.get("/units/10804-01", { maxRedirects: 0 });
  expect(await res.text()).not.toContain("Thôn Kim Lương");
  await anon.close();
  await signInAndWaitHome(page, "bhxh.haiphong");
  const big = await page.request.put("/api/v1/units/10804/targets?year=2026", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ targets: {}, pad: "a".repeat(120_000) }),
  });
  expect(big.status()).toBe(413);
});
