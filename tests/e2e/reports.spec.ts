import { expect, test } from "@playwright/test";
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { signInAndWaitHome } from "./helpers";

async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join(" ")
    .replace(/\u00A0/g, " ");
}

test("a commune officer opens the 9-month report, edits a task, saves a version and downloads it", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  // A quarter not ended yet: the latest ended quarter's report, and the page says so.
  await page.goto("/units/10804/document?year=2026&quarter=4");
  await expect(page.getByTestId("period-replaced")).toContainText("Quý 4/2026 chưa kết thúc");
  await expect(page.getByTestId("report-preview")).toContainText("9 tháng đầu năm 2026");
  await page.goto("/units/10804?year=2026&quarter=3");
  await page.getByTestId("link-report").click();
  await expect(page.getByTestId("report-preview")).toContainText("9 tháng đầu năm 2026");
  await expect(page.getByTestId("report-preview")).toContainText("ỦY BAN NHÂN DÂN");
  await expect(page.getByTestId("report-version")).toContainText("dự thảo");
  const tasks = page.getByTestId("edit-tasks");
  await tasks.fill(`${await tasks.inputValue()}\n- Tổ chức hội nghị đối thoại với hộ kinh doanh tại thôn Đồng Tâm.`);
  // Too short an opening is refused with the minimum named.
  const opening = page.getByTestId("edit-opening");
  const original = await opening.inputValue();
  await opening.fill("Ngắn");
  await page.getByTestId("save-report").click();
  await expect(page.getByTestId("report-message")).toContainText("ít nhất 20 ký tự");
  await expect(page.getByTestId("report-message")).not.toContainText("không hợp lệ");
  await opening.fill(original);
  await page.getByTestId("save-report").click();
  await expect(page.getByTestId("report-version")).toContainText("phiên bản đã lưu số 1");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report").click()]);
  expect(download.suggestedFilename()).toMatch(/phiên bản \d+\)\.docx$/);
  const text = await docxText((await download.path())!);
  expect(text).toContain("Tổ chức hội nghị đối thoại với hộ kinh doanh tại thôn Đồng Tâm");
  expect(text).toContain("9 tháng đầu năm 2026");
  expect(text).not.toContain("(Ký, ghi rõ họ tên)");
});

test("the city leader downloads the city's report; the national leader the nation's; neither edits", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.haiphong");
  await page.goto("/units/31/document?year=2026&quarter=3");
  await expect(page.getByTestId("report-preview")).toContainText("KẾT QUẢ CỦA CÁC XÃ, PHƯỜNG, ĐẶC KHU");
  await expect(page.getByTestId("report-editor")).toHaveCount(0);
  const [city] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-report").click()]);
  expect(await docxText((await city.path())!)).toContain("THÀNH PHỐ HẢI PHÒNG");
  expect((await page.request.put("/api/v1/units/31/report?year=2026&quarter=3", { data: { opening: "x".repeat(30), parts: {} } })).status()).toBe(403);

  await page.context().clearCookies();
  await signInAndWaitHome(page, "lanhdao.quocgia");
  const res = await page.request.get("/api/v1/units/VN/report.docx?year=2026&quarter=3");
  expect(res.status()).toBe(200);
  expect((await page.request.get("/api/v1/units/VN/report.docx?year=2026&quarter=4")).status()).toBe(422);
});

test("city staff set the city's signer in the report settings; a wrong symbol is refused on its field", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31/report-settings");
  await page.locator('[data-field="symbol"]').fill("bc ubnd");
  await page.getByTestId("save-report-settings").click();
  await expect(page.getByTestId("report-settings-form")).toContainText("BC-UBND");
  await page.locator('[data-field="symbol"]').fill("BC-UBND");
  await page.locator('[data-field="signerName"]').fill("Trần Văn Bình");
  await page.getByTestId("save-report-settings").click();
  await expect(page.getByTestId("report-settings-message")).toContainText("Đã lưu");
  await page.goto("/units/31/document?year=2026&quarter=3");
  await expect(page.getByTestId("report-preview")).toContainText("Trần Văn Bình");
});
