import { expect, test, type Page } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

const cell = (page: Page, row: string, key: string) => page.locator(`[data-cell="${row}:${key}"]`);
const digits = (s: string) => Number(s.replace(/\D/g, ""));

test.describe.configure({ mode: "serial" });

test("city staff set 2027 targets for all 114 communes from the city's figure and the gap goes to zero", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31");
  await page.getByTestId("link-targets").click();
  await page.getByRole("link", { name: "2027", exact: true }).click();
  await expect(page.getByTestId("targets-title")).toContainText("Giao chỉ tiêu năm 2027");
  await expect(page.locator('tr[data-row]').filter({ has: page.locator("a") })).toHaveCount(114);

  await cell(page, "parent", "bhxhCompulsory").fill("1.300.000");
  await expect(page.locator('[data-gap="bhxhCompulsory"]')).toHaveText("1.300.000");
  await page.getByTestId("suggest").getByRole("button", { name: "Phân bổ" }).click();
  await expect(page.getByTestId("grid-message")).toContainText("Đã đề xuất 114 giá trị");
  await expect(page.locator('[data-gap="bhxhCompulsory"]')).toHaveText("0 · Khớp");
  await expect(page.locator('[data-sum="bhxhCompulsory"]')).toHaveText("1.300.000");
  // Staff adjust one commune before saving: the gap shows it at once.
  const kimThanh = cell(page, "10804", "bhxhCompulsory");
  const suggested = digits(await kimThanh.inputValue());
  await kimThanh.fill(String(suggested + 100));
  await expect(page.locator('[data-gap="bhxhCompulsory"]')).toHaveText("-100");
  await kimThanh.fill(String(suggested));
  await page.getByLabel("Nguồn (văn bản giao chỉ tiêu)").fill("KH 149/KH-UBND");
  await page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(page.getByTestId("grid-message")).toContainText("Đã lưu 115 chỉ tiêu");

  await page.reload();
  await expect(page.locator('[data-gap="bhxhCompulsory"]')).toHaveText("0 · Khớp");
  await expect(cell(page, "10804", "bhxhCompulsory")).toHaveValue(new Intl.NumberFormat("vi-VN").format(suggested));
});

test("the grid takes a block pasted from Excel and moves with Enter", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31/targets?year=2027");
  const first = page.locator("[data-row]").filter({ has: page.locator("a") }).first();
  const code = (await first.getAttribute("data-row"))!;
  const target = cell(page, code, "bhxhVoluntary");
  await target.focus();
  await target.evaluate((el) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", "1.234\t5.678\n2.345\t6.789\n");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await expect(target).toHaveValue("1.234");
  await expect(cell(page, code, "bhtn")).toHaveValue("5.678");
  const second = (await page.locator("[data-row]").filter({ has: page.locator("a") }).nth(1).getAttribute("data-row"))!;
  await expect(cell(page, second, "bhxhVoluntary")).toHaveValue("2.345");
  await expect(cell(page, second, "bhtn")).toHaveValue("6.789");
  await target.press("Enter");
  await expect(cell(page, second, "bhxhVoluntary")).toBeFocused();
  // A bad value is flagged and not saved.
  await cell(page, second, "bhtn").fill("-5");
  await page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(page.getByTestId("grid-message")).toContainText("không được âm");
});

test("a commune officer splits the commune's 2027 target over its villages, and manages villages", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  await page.goto("/units/10804/targets?year=2027");
  // The commune's own target was set by the city (previous test): read-only here.
  await expect(cell(page, "parent", "bhxhCompulsory")).toHaveAttribute("readonly", "");
  const own = digits(await cell(page, "parent", "bhxhCompulsory").inputValue());
  expect(own).toBeGreaterThan(1000);
  await page.getByTestId("suggest").getByRole("button", { name: "Phân bổ" }).click();
  await expect(page.locator('[data-gap="bhxhCompulsory"]')).toHaveText("0 · Khớp");
  await page.getByRole("button", { name: "Lưu chỉ tiêu" }).click();
  await expect(page.getByTestId("grid-message")).toContainText("Đã lưu 10 chỉ tiêu");

  const manager = page.getByTestId("village-manager");
  await manager.getByLabel("Tên").fill("Thôn Đông Hòa");
  await manager.getByRole("button", { name: "Thêm" }).click();
  await expect(manager.locator("[data-village]").filter({ hasText: "Thôn Đông Hòa" })).toHaveCount(1);
  await manager.getByLabel("Tên").fill("thôn đông hòa");
  await manager.getByRole("button", { name: "Thêm" }).click();
  await expect(page.getByTestId("village-error")).toContainText("Xã đã có «Thôn Đông Hòa»");
  const row = manager.locator("[data-village]").filter({ hasText: "Thôn Đông Hòa" });
  await row.getByRole("button", { name: "Đổi tên" }).click();
  const editing = manager.locator("[data-village]:has(input)");
  await editing.locator("input").fill("Thôn Đông Hòa Mới");
  await editing.getByRole("button", { name: "Đổi tên" }).click();
  await expect(manager).toContainText("Thôn Đông Hòa Mới");
  page.once("dialog", (d) => d.accept());
  await manager.locator("[data-village]").filter({ hasText: "Thôn Đông Hòa Mới" }).getByRole("button", { name: "Ngừng hoạt động" }).click();
  await expect(manager.locator("[data-village]").filter({ hasText: "Thôn Đông Hòa Mới" })).toContainText("ngừng hoạt động");
});

test("a city leader reads the grid but cannot change it", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.haiphong");
  await page.goto("/units/31/targets?year=2027");
  await expect(page.getByTestId("target-grid")).toContainText("Bạn chỉ xem được các chỉ tiêu này.");
  await expect(page.getByRole("button", { name: "Lưu chỉ tiêu" })).toHaveCount(0);
  await expect(cell(page, "10804", "bhxhCompulsory")).toHaveAttribute("readonly", "");
});

test("the city dashboard sorts communes by BHXH coverage attainment and filters them", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31");
  await page.getByTestId("link-dashboard").click();
  await expect(page.getByTestId("dashboard-rows").locator("tr")).toHaveCount(114);
  // Q3 2026: some communes have not reported, so the totals say whom they cover.
  await expect(page.getByTestId("dashboard-totals")).toContainText(/Tổng của \d+\/114 đơn vị đã báo cáo/);
  await page.locator('button[data-sort="coverageAtt"]').click();
  const values = async () =>
    (await page.getByTestId("dashboard-rows").locator('[data-cell="coverageAtt"] span.mr-1').allTextContents())
      .filter((s) => s !== "—")
      .map((s) => Number(s.replace("%", "").replace(",", ".")));
  const desc = await values();
  expect(desc.length).toBeGreaterThan(50);
  for (let i = 1; i < desc.length; i++) expect(desc[i]).toBeLessThanOrEqual(desc[i - 1]);
  await page.locator('button[data-sort="coverageAtt"]').click();
  const asc = await values();
  for (let i = 1; i < asc.length; i++) expect(asc[i]).toBeGreaterThanOrEqual(asc[i - 1]);

  await page.locator('select[data-filter="status"]').selectOption("behind");
  const shown = page.getByTestId("dashboard-rows").locator("tr");
  expect(await shown.count()).toBeLessThan(114);
  for (const s of await shown.locator('[data-cell="coverageAtt"] [data-status]').evaluateAll((els) => els.map((e) => e.getAttribute("data-status"))))
    expect(s).toBe("behind");
  await page.locator('select[data-filter="status"]').selectOption("");
  await page.locator('select[data-filter="type"]').selectOption("DAC_KHU");
  await expect(shown).toHaveCount(2);
  await shown.first().getByRole("link").click();
  await expect(page.getByTestId("unit-name")).toHaveText(/Đặc khu/);
  await expect(page.getByTestId("path-2030")).toBeVisible();
});

test("the national leader sees the provinces against their 2030 targets", async ({ page }) => {
  await signInAndWaitHome(page, "lanhdao.quocgia");
  // 2026 Q2: every commune of both demo cities reported (a province's path is judged only on a whole sum).
  await page.goto("/units/VN/dashboard?year=2026&quarter=2");
  await expect(page.getByTestId("dashboard-rows").locator("tr")).toHaveCount(34);
  const hp = page.locator('tr[data-unit="31"]');
  await expect(hp.locator('[data-cell="path"]')).toHaveAttribute("data-path", /on_track|at_risk|off_track|reached/);
  await expect(page.getByTestId("path-method")).toContainText("2030");
  await page.locator('select[data-filter="path"]').selectOption("unknown");
  await expect(page.getByTestId("dashboard-rows").locator("tr")).toHaveCount(32);
  const api = await page.request.get("/api/v1/units/VN/dashboard?year=2026&quarter=3");
  expect(api.status()).toBe(200);
  expect((await api.json()).rows).toHaveLength(34);
  expect((await page.request.get("/api/v1/units/31/targets?year=2026")).status()).toBe(200);
  expect((await page.request.put("/api/v1/units/31/targets?year=2030", { data: { targets: { bhxhCompulsory: 1 } } })).status()).toBe(403);
});
