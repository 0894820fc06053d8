import { expect, test, type Page } from "@playwright/test";
import { signInAndWaitHome, tablesDrawn } from "./helpers";

// Big tables (issue 13): search without diacritics, sort, the view kept in the URL, a header that
// stays in sight; the ranking chart readable with 114 communes.

const coverages = async (page: Page) =>
  (await page.getByTestId("dashboard-rows").locator('[data-cell="coverage"]').allTextContents())
    .filter((s) => s !== "—")
    .map((s) => Number(s.replace("%", "").replace(",", ".")));

test("the city dashboard: a name search without diacritics, a sort, both kept through a reload; the header stays in sight", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31/dashboard?year=2026&quarter=2");
  const rows = page.getByTestId("dashboard-rows").locator("tr");
  await expect(rows).toHaveCount(114);
  await expect(page.getByTestId("dashboard-count")).toHaveText("Hiển thị 114/114 đơn vị");

  // "dong hai" finds Phường Đông Hải, and only it.
  const search = page.getByLabel("Tìm theo tên");
  await search.fill("dong hai");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Phường Đông Hải");
  await expect(page.getByTestId("dashboard-count")).toHaveText("Hiển thị 1/114 đơn vị");

  // "hai": ten communes; sorted by BHXH coverage, highest first.
  await search.fill("hai");
  await expect(rows).toHaveCount(10);
  await page.locator('button[data-sort="coverage"]').click();
  const header = page.locator('[data-testid="dashboard-table"] th:has(button[data-sort="coverage"])');
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/[?&]sort=coverage&dir=desc/);
  await expect(page).toHaveURL(/[?&]q=hai(&|$)/);
  await expect(page).toHaveURL(/[?&]year=2026&quarter=2/);
  const sorted = await coverages(page);
  expect(sorted.length).toBeGreaterThan(5);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]).toBeLessThanOrEqual(sorted[i - 1]);
  const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-unit")));

  // A reload (or the link sent to a colleague) shows the same view.
  await page.reload();
  await expect(page.getByLabel("Tìm theo tên")).toHaveValue("hai");
  await expect(rows).toHaveCount(10);
  await expect(header).toHaveAttribute("aria-sort", "descending");
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-unit")))).toEqual(order);
  // Another quarter keeps the view (the period picker carries the search and the sort along).
  await page.getByTestId("period-picker").locator('select[name="quarter"]').selectOption("1");
  await page.getByTestId("period-picker").getByRole("button").click();
  await expect(page).toHaveURL(/[?&]quarter=1(&|$)/);
  await expect(page).toHaveURL(/[?&]q=hai(&|$)/);
  await expect(page).toHaveURL(/[?&]sort=coverage&dir=desc/);
  await expect(page.getByLabel("Tìm theo tên")).toHaveValue("hai");
  await page.goBack();
  await expect(page).toHaveURL(/[?&]quarter=2(&|$)/);
  await expect(rows).toHaveCount(10);
  // Once more: ascending.
  await page.locator('button[data-sort="coverage"]').click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const asc = await coverages(page);
  for (let i = 1; i < asc.length; i++) expect(asc[i]).toBeGreaterThanOrEqual(asc[i - 1]);

  // All 114 again; scrolled far down, the header row is still in the window, above the rows.
  await page.getByLabel("Tìm theo tên").fill("");
  await expect(rows).toHaveCount(114);
  await expect(page).not.toHaveURL(/[?&]q=/);
  await rows.nth(90).scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 600);
  const viewport = page.viewportSize()!;
  await expect
    .poll(async () => {
      const box = await page.locator('[data-testid="dashboard-table"] thead th').first().boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
    })
    .toBe(true);
  const th = (await page.locator('[data-testid="dashboard-table"] thead th').first().boundingBox())!;
  const firstRow = (await rows.first().boundingBox())!;
  expect(firstRow.y).toBeLessThan(th.y); // the first rows went up under the header
  // The header is drawn over the rows, not hidden by them.
  const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest("th") !== null, [th.x + 4, th.y + th.height / 2]);
  expect(onTop).toBe(true);
});

test("the ranking chart shows the first and last ten communes, and all of them on request", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.haiphong");
  await page.goto("/units/31/rankings?year=2026&quarter=2&indicator=attainment:bhxhCoverage");
  const chart = page.getByTestId("ranking-chart");
  await expect(chart).toHaveAttribute("data-bars", "20");
  await expect(chart.locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect")).toHaveCount(20);
  await tablesDrawn(page);
  const ranked = await page.getByTestId("league-table").locator("tbody tr[data-rank]").count();
  expect(ranked).toBeGreaterThan(20);
  await chart.getByTestId("chart-toggle").click();
  await expect(chart).toHaveAttribute("data-bars", String(ranked));
  await expect(chart.locator(".recharts-bar-rectangle path, .recharts-bar-rectangle rect")).toHaveCount(ranked);
  // Names never overlap: the y-axis labels are at least a line apart.
  const ys = await chart
    .locator(".recharts-yAxis-tick-labels text.recharts-cartesian-axis-tick-value")
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  expect(ys.length).toBe(ranked);
  for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(12);
  await chart.getByTestId("chart-toggle").click();
  await expect(chart).toHaveAttribute("data-bars", "20");

  // The league table: a search without diacritics, kept in the URL.
  await page.getByLabel("Tìm theo tên").fill("nguyen luong bang");
  await expect(page.getByTestId("league-table").locator("tbody tr[data-rank]")).toHaveCount(1);
  await expect(page).toHaveURL(/[?&]q=nguyen\+luong\+bang/);
});

test("a long table's rows come once: the server sends its frame, the browser draws the rows from the page's data", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.haiphong");
  for (const path of ["/units/31/dashboard?year=2026&quarter=2", "/units/31/rankings?year=2026&quarter=2"]) {
    const html = await (await page.request.get(path)).text();
    // The frame (and the city's totals), with the number of rows to come; no commune's row drawn as HTML.
    expect(html, path).toContain("data-table-pending");
    expect(html, path).toContain("Xã Kim Thành"); // in the page's data
    expect(html, path).not.toMatch(/<tr[^>]*data-unit="10804"/);
  }
  await page.goto("/units/31/dashboard?year=2026&quarter=2");
  await expect(page.getByTestId("dashboard-rows").locator("tr[data-unit]")).toHaveCount(114);
  await expect(page.locator("[data-table-pending]")).toHaveCount(0);
});
