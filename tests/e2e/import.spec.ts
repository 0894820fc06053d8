import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";
import { FIGURES_HEADERS, toCsv } from "../../lib/imports/sheet";

// Issue 14: city staff download the quarter's template, fill it (here with exceljs, as in Excel),
// upload a version with an error, see it by row, upload the fixed file, confirm the warnings and
// commit; the completeness board shows the communes as entered.
test("city staff import a quarter's figures from Excel: errors by row, fix, confirm, commit", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31?year=2026&quarter=3");
  await page.getByTestId("link-import").click();
  await expect(page.getByTestId("import-page")).toBeVisible();
  await expect(page.locator("h1")).toContainText("quý 3/2026");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-xlsx").click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  expect(String(ws.getCell("A1").value)).toContain("quý 3/2026");

  // Two communes with nothing stored for Q3 (every figure cell empty).
  const empty: ExcelJS.Row[] = [];
  ws.eachRow((row, r) => {
    if (r <= 4) return;
    let blank = true;
    for (let c = 3; c <= 14; c++) if (row.getCell(c).value !== null && row.getCell(c).value !== undefined) blank = false;
    if (blank) empty.push(row);
  });
  expect(empty.length).toBeGreaterThanOrEqual(2);
  const [a, b] = empty;
  const codeA = String(a.getCell(1).value);
  const codeB = String(b.getCell(1).value);
  // labourForce, population, retirement, compulsory, voluntary, informal, bhtn, bhyt, pension, due, collected, late
  const good = [20000, 30000, 3000, 5000, 1000, 500, 4000, 25000, 800, 1_000_000_000, 800_000_000, 100_000_000];
  good.forEach((v, i) => (a.getCell(3 + i).value = v));
  // B: BHYT above the population (a warning), and "of which informal" above voluntary (an error).
  [20000, 10000, 3000, 5000, 1000, 1500, 4000, 12000, 800].forEach((v, i) => (b.getCell(3 + i).value = v));

  const panel = page.getByTestId("import-panel");
  const file = panel.getByTestId("import-file");
  await file.setInputFiles({
    name: "so-lieu-q3.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await panel.getByTestId("import-check").click();
  const errors = panel.getByTestId("import-errors");
  await expect(errors).toBeVisible();
  const errorRow = panel.getByTestId("import-error-row").first();
  await expect(errorRow).toContainText(String(b.number));
  await expect(errorRow).toContainText(codeB);
  await expect(errorRow).toContainText("H (");

  // Fixed: informal under voluntary.
  b.getCell(8).value = 600;
  await file.setInputFiles({
    name: "so-lieu-q3-sua.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await panel.getByTestId("import-check").click();
  await expect(panel.getByTestId("import-preview")).toBeVisible();
  await expect(panel.getByTestId("import-change-row")).toHaveCount(2);
  await expect(panel.getByTestId("import-preview")).toContainText("12.000");
  await expect(panel.getByTestId("import-warnings")).toBeVisible();
  const commit = panel.getByTestId("import-commit");
  await expect(commit).toBeDisabled();
  await panel.getByTestId("import-confirm").check();
  await commit.click();
  await expect(panel.getByTestId("import-saved")).toContainText("2 đơn vị");

  // Targets too: the year's targets of the communes, the same way.
  const targets = page.getByTestId("import-panel-targets");
  const [tDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("targets-template-xlsx").click()]);
  const twb = new ExcelJS.Workbook();
  await twb.xlsx.load((await readFile((await tDownload.path())!)) as unknown as ArrayBuffer);
  const tws = twb.worksheets[0];
  const headers = Array.from(tws.getRow(4).values as unknown[], (v) => String(v ?? ""));
  const col = headers.findIndex((h) => h.startsWith("Chỉ tiêu số người tham gia BHXH bắt buộc"));
  expect(col).toBeGreaterThan(2);
  tws.getRow(5).getCell(col).value = 54321;
  await targets.getByTestId("import-file").setInputFiles({
    name: "chi-tieu-2026.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await twb.xlsx.writeBuffer()),
  });
  await targets.getByTestId("import-check").click();
  await expect(targets.getByTestId("import-change-row")).toHaveCount(1);
  await expect(targets.getByTestId("import-preview")).toContainText("54.321");
  await targets.getByTestId("import-commit").click();
  await expect(targets.getByTestId("import-saved")).toContainText("1 đơn vị");

  // The completeness board shows both communes as entered (drafts).
  await page.goto("/units/31/completeness?year=2026&quarter=3");
  await expect(page.locator(`tr[data-unit="${codeA}"]`)).toHaveAttribute("data-state", "DRAFT");
  await expect(page.locator(`tr[data-unit="${codeB}"]`)).toHaveAttribute("data-state", "DRAFT");
});

// In English, a file's messages are English too: the per-row errors of a refused file, and the
// preview's figure labels and warnings (names and the file's own texts stay as they are).
test("in English, an import's row errors and its preview's labels and warnings read English", async ({ page, context }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/units/31/import?year=2026&quarter=3");
  const title = "Số liệu báo cáo quý 3/2026 — Thành phố Hải Phòng";
  const figures = (bhyt: number | string) => [20000, 30000, 3000, 5000, 1000, 500, 4000, bhyt, 800, 1_000_000_000, 800_000_000, 100_000_000];
  const csv = (rows: (string | number)[][]) => Buffer.from(toCsv([[title], [], FIGURES_HEADERS, ...rows]));
  const panel = page.getByTestId("import-panel");
  const file = panel.getByTestId("import-file");

  await file.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: csv([["10804", "Xã Kim Thành", ...figures("abc")]]) });
  await panel.getByTestId("import-check").click();
  const errorRow = panel.getByTestId("import-error-row").first();
  await expect(errorRow).toContainText("Health insurance participants: Digits only, with dots between thousands, e.g. 13.624. (the cell holds «abc»)");
  await expect(panel.getByTestId("import-errors")).toContainText("The file has an error on row 4: Health insurance participants");

  // BHYT above the population: a warning, in English; the changed figures under their English labels. On a
  // commune with nothing stored for Q3 (every figure cell of the template empty): the last one, whatever other tests did.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-xlsx").click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  let open: [string, string] | null = null;
  wb.worksheets[0].eachRow((row, r) => {
    if (r <= 4) return;
    let blank = true;
    for (let c = 3; c <= 14; c++) if (row.getCell(c).value !== null && row.getCell(c).value !== undefined) blank = false;
    if (blank) open = [String(row.getCell(1).value), String(row.getCell(2).value)];
  });
  expect(open).not.toBeNull();
  await file.setInputFiles({ name: "warn.csv", mimeType: "text/csv", buffer: csv([[...open!, ...figures(40000)]]) });
  await panel.getByTestId("import-check").click();
  await expect(panel.getByTestId("import-preview")).toContainText("Health insurance participants:");
  await expect(panel.getByTestId("import-warnings")).toContainText("Health-insurance participants (40,000) exceed the population (30,000): please check.");
});
