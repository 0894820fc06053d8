// English that is English (issue 13, item 7): every page in English shows no Vietnamese interface
// text. Data is exempt — unit names, people's names, the official report documents (Vietnamese by
// law, marked lang="vi") and figures typed by users.
import { test, expect, type Page } from "@playwright/test";
import { ROLE_PAGES, signInAndWaitHome } from "./helpers";

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýĂÂĐÊÔƠƯ]/;

const PAGES: Record<string, string[]> = { ...ROLE_PAGES, "bhxh.haiphong": [...ROLE_PAGES["bhxh.haiphong"], "/units/10804"] };

/**
 * Text on the page outside data: everything not inside [lang="vi"] (official documents) or
 * [translate="no"] (names, sources); the texts inside [translate="no"] are returned as data too.
 */
async function interfaceText(page: Page): Promise<{ texts: string[]; data: string[] }> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const data: string[] = [];
    const skip = '[lang="vi"], [translate="no"], script, style, noscript, option, [hidden]';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest(skip) || el.closest("svg text")) continue;
      const text = (n.textContent ?? "").trim();
      if (text) texts.push(text);
    }
    // A chart's label is one <text>, drawn in several <tspan>s.
    for (const el of document.querySelectorAll("svg text")) if (!el.closest(skip)) texts.push((el.textContent ?? "").trim());
    // Attributes people read: labels and placeholders.
    for (const el of document.querySelectorAll("[aria-label], [placeholder]")) {
      if (el.closest('[lang="vi"], [translate="no"]')) continue;
      for (const a of ["aria-label", "placeholder"]) {
        const v = el.getAttribute(a);
        if (v) texts.push(v);
      }
    }
    for (const el of document.querySelectorAll('[translate="no"]')) data.push((el.textContent ?? "").trim());
    return { texts, data };
  });
}

async function dataNames(page: Page): Promise<string[]> {
  // Unit names and people's names are data: read them from the API as the signed-in user sees them.
  const names = new Set<string>();
  for (const [code, what] of [
    ["VN", "targets?year=2026"],
    ["31", "targets?year=2026"],
    ["46", "targets?year=2026"],
    ["10804", "targets?year=2026"],
    ["VN", "dashboard"],
    ["31", "dashboard"],
  ]) {
    const r = await page.request.get(`/api/v1/units/${code}/${what}`);
    if (!r.ok()) continue;
    const body = JSON.stringify(await r.json());
    for (const m of body.matchAll(/"name":"([^"]+)"/g)) names.add(m[1]);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

for (const [username, paths] of Object.entries(PAGES)) {
  test(`the English interface of ${username} shows no Vietnamese outside the data`, async ({ page, context }) => {
    test.setTimeout(300_000);
    await signInAndWaitHome(page, username);
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    const names = await dataNames(page);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("load");
      const { texts, data } = await interfaceText(page);
      const known = [...new Set([...names, ...data.filter((d) => d.length > 2)])].sort((a, b) => b.length - a.length);
      for (let text of texts) {
        for (const n of known) text = text.split(n).join("");
        if (VIETNAMESE.test(text)) found.push(`${path}: ${text.slice(0, 120)}`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });
}

test("the API answers in the language asked for", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  const vi = await page.request.get("/api/v1/units/46/dashboard");
  expect(vi.status()).toBe(403);
  expect((await vi.json()).error).toMatch(/không được xem/);
  const en = await page.request.get("/api/v1/units/46/dashboard", { headers: { "accept-language": "en-GB,en;q=0.9" } });
  const body = await en.json();
  expect(body.error).not.toMatch(/[ăâđêôơư]/);
  expect(body.code).toBe("forbidden.unit.view");
});

test("in English the quarter form shows, re-formats and reads numbers the English way (13,624), and says so", async ({ page, context }) => {
  // Nothing is saved: the forms are only typed into.
  await signInAndWaitHome(page, "xa.kimthanh");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  // The quarter in progress, open for editing.
  await page.goto("/units/10804/report?year=2026&quarter=3");
  await expect(page.getByTestId("form-title")).toHaveText("Quarterly figures Q3/2026");
  const field = page.locator("#f-pensionRecipients");
  await expect(field).toBeEditable();
  // The previous quarter's figure beside it, with commas.
  await expect(page.locator('[data-field="labourForce"]')).toContainText(/Previous quarter: \d{1,3}(,\d{3})+(?!\d)/);

  await field.fill("2946");
  await field.blur();
  await expect(field).toHaveValue("2,946");
  await field.fill("2,946");
  await field.blur();
  await expect(field).toHaveValue("2,946");
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator('[data-testid="issues-pensionRecipients"] [data-severity="error"]')).toHaveCount(0);

  // "2.5" is no whole number, and "13.624" is not 13,624: refused, in English.
  for (const typed of ["2.5", "13.624"]) {
    await field.fill(typed);
    await field.blur();
    await expect(field).toHaveValue(typed);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator('[data-testid="issues-pensionRecipients"] [data-severity="error"]')).toHaveText(
      "Enter a whole number, with commas between thousands, e.g. 13,624.",
    );
  }
});

test("in English a returned quarter's stored figures are prefilled with commas", async ({ page, context }) => {
  // Nguyễn Lương Bằng's 2025 Q3, returned by the city (demo data): open again, its figures the initial values.
  await signInAndWaitHome(page, "xa.nguyenluongbang");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/units/11242/report?year=2025&quarter=3");
  await expect(page.getByTestId("quarter-form")).toBeVisible();
  await expect(page.locator("#f-labourForce")).toHaveValue(/^\d{1,3}(,\d{3})+$/);
  await expect(page.locator("#f-population")).toHaveValue(/^\d{1,3}(,\d{3})+$/);
});
