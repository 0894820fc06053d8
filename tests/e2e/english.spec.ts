// English that is English (issue 13, item 7): every page in English shows no Vietnamese interface
// text. Data is exempt — unit names, people's names, the official report documents (Vietnamese by
// law, marked lang="vi") and figures typed by users.
import { test, expect, type Page } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúýĂÂĐÊÔƠƯ]/;

const PAGES: Record<string, string[]> = {
  "xa.kimthanh": ["/", "/units/10804", "/units/10804/report", "/units/10804/targets", "/units/10804/history", "/units/10804-01", "/notifications"],
  "bhxh.haiphong": ["/units/31", "/units/31/dashboard", "/units/31/completeness", "/units/31/rankings", "/units/31/targets", "/units/31/quality", "/units/31/milestones", "/units/31/history", "/units/10804"],
  admin: ["/", "/admin/users", "/admin/audit", "/units/VN", "/units/VN/rankings", "/units/VN/completeness"],
};

/** Text on the page outside data: everything not inside [lang="vi"] or [translate="no"]. */
async function interfaceText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang="vi"], [translate="no"], script, style, noscript, option, [hidden]')) continue;
      const text = (n.textContent ?? "").trim();
      if (text) out.push(text);
    }
    // Attributes people read: labels, titles, placeholders.
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
      if (el.closest('[lang="vi"], [translate="no"]')) continue;
      for (const a of ["aria-label", "title", "placeholder"]) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

async function dataNames(page: Page): Promise<string[]> {
  // Unit names and people's names are data: read them from the API as the signed-in user sees them.
  const names = new Set<string>();
  for (const code of ["VN", "31", "46", "10804", "11242"]) {
    const r = await page.request.get(`/api/v1/units/${code}/targets?year=2026`);
    if (!r.ok()) continue;
    const body = JSON.stringify(await r.json());
    for (const m of body.matchAll(/"name":"([^"]+)"/g)) names.add(m[1]);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

for (const [username, paths] of Object.entries(PAGES)) {
  test(`the English interface of ${username} shows no Vietnamese outside the data`, async ({ page, context }) => {
    test.setTimeout(180_000);
    await signInAndWaitHome(page, username);
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
    const names = await dataNames(page);
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      for (let text of await interfaceText(page)) {
        for (const n of names) text = text.split(n).join("");
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
