import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { signInAndWaitHome, tablesDrawn } from "./helpers";

test("a city leader ranks the communes by BHXH coverage attainment, sees whom to praise and call in, and downloads Word and Excel", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.haiphong");
  await page.getByTestId("home-rankings").click();
  await page.getByTestId("rankings-controls").locator('select[name="year"]').selectOption("2026");
  await page.getByTestId("rankings-controls").locator('select[name="quarter"]').selectOption("3");
  await page.getByTestId("indicator-select").selectOption("attainment:bhxhCoverage");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page.getByTestId("rankings-subtitle")).toContainText("Hoàn thành chỉ tiêu: Tỷ lệ tham gia BHXH");
  await expect(page.getByTestId("rankings-subtitle")).toContainText("30/9/2026");

  await tablesDrawn(page);
  const rows = page.getByTestId("league-table").locator("tbody tr[data-rank]");
  expect(await rows.count()).toBeGreaterThan(80);
  const ranks = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute("data-rank"))));
  for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1]);
  expect(ranks[0]).toBe(1);
  // Lists by result: every praised commune attained its milestone, every criticised one is behind.
  const statusesIn = (list: string) =>
    page
      .getByTestId(list)
      .locator("[data-status]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  const praised = await statusesIn("list-praise");
  const criticised = await statusesIn("list-criticise");
  expect(praised.length).toBeGreaterThan(0);
  expect(praised.every((s) => s === "attained")).toBe(true);
  expect(criticised.length).toBeGreaterThan(0);
  expect(criticised.every((s) => s === "behind")).toBe(true);
  expect((await statusesIn("list-warn")).every((s) => s === "close" || s === "behind")).toBe(true);
  // The communes that did not report are listed as such, and nowhere else.
  const notReported = await page
    .getByTestId("not-reported")
    .locator("li[data-unit]")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-unit")));
  expect(notReported.length).toBeGreaterThan(0);
  const ranked = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-unit")));
  const listed = await page.locator("[data-list-unit]").evaluateAll((els) => els.map((e) => e.getAttribute("data-list-unit")));
  for (const code of notReported) {
    expect(ranked).not.toContain(code);
    expect(listed).not.toContain(code);
  }
  await expect(page.getByTestId("list-late").locator("li").first()).toBeVisible();
  await expect(page.getByTestId("partial-note")).toContainText("đã báo cáo");
  await expect(page.getByTestId("league-totals")).toContainText("Tổng của");
  // The colours differ between communes.
  const badgeStatuses = new Set(await rows.locator("[data-status]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))));
  expect(badgeStatuses.size).toBeGreaterThan(1);
  await expect(page.getByTestId("ranking-chart")).toBeVisible();
  await expect(page.getByTestId("small-multiples")).toBeVisible();

  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-docx").click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  const docxBytes = await readFile((await docx.path())!);
  expect(docxBytes.subarray(0, 2).toString()).toBe("PK");

  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await xlsx.path())!)) as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets[0];
  const firstRankedName = (await rows.first().locator("td").nth(1).locator("a").innerText()).trim();
  let found = false;
  sheet.eachRow((row) => row.eachCell((cell) => void (String(cell.value) === firstRankedName && (found = true))));
  expect(found).toBe(true);
});

test("the national leader ranks the provinces; provinces that did not report are listed apart", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.quocgia");
  await page.goto("/units/VN/rankings?year=2026&quarter=3&indicator=bhxhCoverage");
  await expect(page.getByTestId("league-table").locator("tbody tr[data-rank]")).toHaveCount(2);
  await expect(page.getByTestId("not-reported")).toContainText("(32)");
  await expect(page.getByTestId("partial-note")).toContainText("2/34 tỉnh, thành phố có báo cáo");
  // The nation's 3.321 communes in Vietnamese digits (passed as text to a number argument, it read "3,321": 3 point 321).
  await expect(page.getByTestId("partial-note")).toContainText(/\/3\.321 xã, phường, đặc khu/);
  await expect(page.getByTestId("league-totals")).not.toContainText("Việt Nam");
  // A province ranked on part of its communes says so on its row, not only on the national dashboard.
  await expect(page.locator('[data-unit="31"] [data-testid="partial-count"]')).toHaveText(/^tổng của \d{2,3}\/114 xã đã báo cáo$/);
  const api = await page.request.get("/api/v1/rankings?parent=VN&year=2026&quarter=3&indicator=bhxhCoverage");
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.items[0]).toMatchObject({ rank: 1, unit: { code: "31" } });
  expect(body.unranked).toHaveLength(32);
  expect((await page.request.get("/api/v1/rankings?parent=VN&indicator=nope")).status()).toBe(422);
  expect((await page.request.get("/api/v1/rankings?year=2026")).status()).toBe(422);
  // A quarter that has not ended is not ranked.
  expect((await page.request.get("/api/v1/rankings?parent=VN&year=2026&quarter=4")).status()).toBe(422);
  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-docx").click()]);
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
});

test("a commune officer cannot rank the city", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  expect((await page.goto("/units/31/rankings"))?.status()).toBe(403);
  expect((await page.request.get("/api/v1/rankings?parent=31&year=2026&quarter=3")).status()).toBe(403);
});

test("the league table's 'Mốc kế hoạch quý' is the quarter's milestone whatever is ranked (a rate or its attainment)", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.haiphong");
  const milestoneOf = async (indicator: string) => {
    await page.goto(`/units/31/rankings?year=2026&quarter=2&indicator=${indicator}`);
    await tablesDrawn(page);
    return page.locator('[data-testid="league-table"] tr[data-unit="10804"] [data-cell="target"]').innerText();
  };
  const ofAttainment = await milestoneOf("attainment:bhxhCoverage");
  expect(ofAttainment).toMatch(/%$/);
  expect(await milestoneOf("bhxhCoverage")).toBe(ofAttainment);
});
