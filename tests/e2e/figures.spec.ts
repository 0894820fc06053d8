import { expect, test, type Page } from "@playwright/test";
import { signInAndWaitHome } from "./helpers";

const fill = async (page: Page, values: Record<string, string>) => {
  for (const [k, v] of Object.entries(values)) await page.locator(`#f-${k}`).fill(v);
};

// Seed 000 §7: Xã Nguyễn Lương Bằng at 30/9/2025.
const SEED_000 = {
  labourForce: "17.934",
  bhxhCompulsory: "8.561",
  bhxhVoluntary: "961",
  bhxhVoluntaryInformal: "961",
  bhtn: "7915",
  pensionRecipients: "892",
};

test("an officer types the seed's 30/9/2025 figures and sees 53,1% coverage; a voluntary count below its informal part is refused", async ({ page }) => {
  await signInAndWaitHome(page, "xa.nguyenluongbang");
  await page.goto("/units/11242/report?year=2025&quarter=3");
  await expect(page.getByTestId("form-title")).toHaveText("Báo cáo số liệu quý 3/2025");
  await fill(page, SEED_000);
  await expect(page.getByTestId("live-bhxhCoverage")).toHaveText("53,1%");
  await expect(page.getByTestId("live-informalVoluntaryCoverage")).toHaveText("5,4%");
  await expect(page.getByTestId("live-bhtnCoverage")).toHaveText("44,1%");

  await page.locator("#f-bhxhVoluntary").fill("900");
  await expect(page.getByTestId("issues-bhxhVoluntaryInformal")).toContainText("không được lớn hơn số người tham gia BHXH tự nguyện (900)");
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Chưa lưu: 1 ô cần sửa (viền đỏ); ô đầu tiên đã được chọn.");

  await page.locator("#f-bhxhVoluntary").fill("961");
  await expect(page.getByTestId("issues-bhxhVoluntaryInformal")).toHaveCount(0);
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Đã lưu bản nháp");

  await page.goto("/units/11242?year=2025&quarter=3");
  await expect(page.getByTestId("indicator-table").locator('tr[data-key="bhxhCoverage"] [data-cell="value"]')).toHaveText("53,1%");
  await expect(page.getByTestId("count-table").locator('tr[data-key="labourForce"] [data-cell="value"]')).toHaveText("17.934");
});

test("xa.kimthanh fills and submits 2026 Q3 and sees every indicator against the 2026 targets", async ({ page }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  await page.goto("/units/10804?year=2026&quarter=3");
  await expect(page.getByTestId("quarter-q3")).toContainText("Chưa nhập");
  // The quarter in progress offers no form that would refuse it: it says when it opens.
  if (Date.now() < Date.UTC(2026, 11, 31, 17)) {
    await expect(page.getByTestId("opens-q4")).toHaveText(/^Nhập từ 0?1\/0?1\/2027$/);
    await expect(page.getByTestId("enter-q4")).toHaveCount(0);
  }
  await page.getByTestId("enter-q3").click();
  await expect(page.getByTestId("form-title")).toHaveText("Báo cáo số liệu quý 3/2026");
  // An empty report is not sent: said at once, at the first empty figure, with no confirmation to click through.
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  await expect(page.getByTestId("form-message")).toContainText("còn 12 chỉ tiêu chưa nhập");
  await expect(page.getByTestId("submit-confirm")).toBeHidden();
  await expect(page.locator("#f-labourForce")).toBeFocused();
  await expect(page.locator("#f-labourForce")).toHaveAttribute("aria-invalid", "true");
  // Quarter 2's figures are shown beside each field; grow them a little.
  const q2 = await page.evaluate(async () => {
    const r = await fetch("/api/v1/units/10804/figures/2026/2");
    return (await r.json()).figures as Record<string, number>;
  });
  const grown: Record<string, string> = {};
  for (const [k, v] of Object.entries(q2)) {
    const ytd = k === "amountDue" || k === "amountCollected";
    grown[k] = String(Math.round(v * (ytd ? 1.5 : k === "latePayments" ? 1 : 1.01)));
  }
  await fill(page, grown);
  // Each target is judged as it is typed, against the quarter's milestone (shown), as the unit page will judge it.
  const live = page.getByTestId("badge-count-bhxhCompulsory");
  await expect(page.getByTestId("live-count-bhxhCompulsory")).toHaveText(new Intl.NumberFormat("vi-VN").format(Number(grown.bhxhCompulsory)));
  await expect(live.locator("[data-status]")).toHaveText(/^\d{1,3}(,\d)?% mốc quý · (Đạt|Gần đạt|Chưa đạt)$/);
  await expect(live.getByTestId("milestone-bhxhCompulsory")).toHaveText(/^Mốc kế hoạch quý 3: [\d.]+$/);
  const liveStatus = await live.locator("[data-status]").getAttribute("data-status");
  const liveMilestone = (await live.getByTestId("milestone-bhxhCompulsory").textContent())!.replace(/^Mốc kế hoạch quý 3: /, "");
  const coverageStatus = await page.getByTestId("badge-bhxhCoverage").locator("[data-status]").getAttribute("data-status");
  const coverageMilestone = (await page.getByTestId("badge-bhxhCoverage").getByTestId("milestone-bhxhCoverage").textContent())!.replace(
    /^Mốc kế hoạch quý 3: /,
    "",
  );
  // Half the milestone is behind it, in red and in words, at once.
  await page.locator("#f-bhxhCompulsory").fill(String(Math.round(Number(liveMilestone.replace(/\./g, "")) / 2)));
  await expect(live.locator("[data-status]")).toHaveAttribute("data-status", "behind");
  await expect(live.locator("[data-status]")).toContainText("Chưa đạt");
  await fill(page, { bhxhCompulsory: grown.bhxhCompulsory });
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Đã lưu bản nháp");
  await expect(page.getByTestId("form-status")).toContainText("Bản nháp");
  await expect(page.getByTestId("form-filled")).toHaveText("12/12 đã nhập");
  await page.getByRole("button", { name: "Gửi báo cáo" }).click();
  // Nothing is sent before the officer has seen the figures, labelled and formatted.
  const confirm = page.getByTestId("submit-confirm");
  await expect(confirm).toBeVisible();
  await expect(confirm.locator('tr[data-key="labourForce"] [data-cell="value"]')).toHaveText(new Intl.NumberFormat("vi-VN").format(Number(grown.labourForce)));
  await expect(confirm.locator('tr[data-key="labourForce"] th')).toContainText("Lực lượng lao động");
  await confirm.getByTestId("submit-confirm-confirm").click();
  await expect(page.getByTestId("form-message")).toContainText("Đã gửi báo cáo");
  await expect(page.getByTestId("form-status")).toContainText("Đã gửi");

  await page.getByRole("link", { name: "Về trang đơn vị" }).click();
  await expect(page.getByTestId("report-status")).toHaveText("Đã gửi");
  const coverage = page.getByTestId("indicator-table").locator('tr[data-key="bhxhCoverage"]');
  await expect(coverage.locator('[data-cell="target"]')).toHaveText("43,0%");
  await expect(coverage.locator('[data-cell="value"]')).toHaveText(/^\d{2},\d%$/);
  await expect(coverage.locator('[data-cell="attainment"]')).toHaveText(/^\d{2,3},\d%$/);
  await expect(coverage.locator("[data-status]")).toHaveAttribute("data-status", /attained|close|behind/);
  const compulsory = page.getByTestId("count-table").locator('tr[data-key="bhxhCompulsory"]');
  await expect(compulsory.locator('[data-cell="target"]')).toHaveText("13.624");
  await expect(compulsory.locator('[data-cell="expected"]')).toHaveText(liveMilestone);
  await expect(compulsory.locator("[data-status]")).toHaveAttribute("data-status", liveStatus!);
  // The rates too: the form judged them against the quarter's milestone, as the unit page does.
  await expect(coverage.locator('[data-cell="expected"]')).toHaveText(coverageMilestone);
  await expect(coverage.locator("[data-status]")).toHaveAttribute("data-status", coverageStatus!);
  await expect(page.getByTestId("quarter-q3")).toContainText("Đã gửi");
});

test("an unusual figure must be confirmed before it is saved", async ({ page }) => {
  await signInAndWaitHome(page, "xa.nguyenluongbang");
  // 2025 Q3 was returned by the city (demo): the commune may change it.
  await page.goto("/units/11242/report?year=2025&quarter=3");
  const population = await page.locator("#f-population").inputValue();
  await page.locator("#f-bhyt").fill(String(Number(population.replace(/\./g, "")) + 500));
  // The warning is on the BHYT field (the figure just typed), naming the population.
  await expect(page.getByTestId("issues-bhyt")).toContainText("dân số");
  await expect(page.getByTestId("issues-population")).toHaveCount(0);
  await expect(page.getByTestId("warnings")).toBeVisible();
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Có số liệu bất thường cần xác nhận trước khi lưu.");
  await page.getByLabel("Tôi đã kiểm tra và xác nhận").check();
  await page.getByRole("button", { name: "Lưu nháp" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Đã lưu bản nháp");
});

test("the JSON API applies the same session, scope and checks", async ({ page, browser }) => {
  await signInAndWaitHome(page, "xa.kimthanh");
  const api = page.request;
  const own = await api.get("/api/v1/units/10804/indicators?year=2026&quarter=2");
  expect(own.status()).toBe(200);
  const body = await own.json();
  expect(body.unit).toEqual({ code: "10804", name: "Xã Kim Thành", level: "COMMUNE" });
  expect(body.targets.bhxhCompulsory).toBe(13624);
  expect(body.indicators.bhxhCoverage).toBeGreaterThan(0.3);
  expect(Object.keys(body.indicators)).toHaveLength(9);

  expect((await api.get("/api/v1/units/11242/indicators?year=2026&quarter=2")).status()).toBe(403);
  expect((await api.put("/api/v1/units/11242/figures/2026/2", { data: { figures: {} } })).status()).toBe(403);
  expect((await api.get("/api/v1/units/99999/indicators")).status()).toBe(404);
  const bad = await api.put("/api/v1/units/10804/figures/2026/2", { data: { figures: { labourForce: -5, nope: 1 } } });
  expect(bad.status()).toBe(422);
  const badBody = await bad.json();
  expect(badBody.error).toBeTruthy();
  expect(badBody.issues.length).toBeGreaterThan(0);
  const notJson = await api.put("/api/v1/units/10804/figures/2026/2", { data: "{oops", headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(422);
  expect((await api.put("/api/v1/units/10804/figures/2026/9", { data: { figures: {} } })).status()).toBe(422);
  expect((await api.get("/api/v1/units/10804/figures?year=abc")).status()).toBe(422);
  const year = await api.get("/api/v1/units/10804/figures?year=2026");
  expect(year.status()).toBe(200);
  expect((await year.json()).quarters).toHaveLength(4);

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/api/v1/units/10804/indicators")).status()).toBe(401);
  await anonymous.close();
});

test("city staff see the city's totals; a city leader may not write", async ({ page }) => {
  await signInAndWaitHome(page, "bhxh.haiphong");
  await page.goto("/units/31?year=2026&quarter=2");
  await expect(page.getByTestId("aggregate-note")).toContainText("tất cả 114 xã, phường");
  const lf = page.getByTestId("count-table").locator('tr[data-key="labourForce"] [data-cell="value"]');
  await expect(lf).toHaveText(/^\d{1,3}(\.\d{3})+$/);
  const put = await page.request.put("/api/v1/units/10804/figures/2026/2", { data: { figures: { labourForce: 1 } } });
  expect(put.status()).toBe(403);
  // No entry links for staff: figures are entered by the commune.
  await page.goto("/units/10804?year=2026&quarter=3");
  await expect(page.getByTestId("dashboard")).toBeVisible();
  await expect(page.getByTestId("enter-q3")).toHaveCount(0);
  // The commune's form tells staff who enters the figures and where the report is, not "403".
  expect((await page.goto("/units/10804/report?year=2026&quarter=3"))?.status()).toBe(200);
  await expect(page.getByTestId("report-read-only")).toContainText("Chỉ cán bộ của Xã Kim Thành nhập số liệu");
  await expect(page.getByTestId("quarter-form")).toHaveCount(0);
  await page.getByTestId("report-unit-link").click();
  await expect(page).toHaveURL(/\/units\/10804\?year=2026&quarter=3$/);
  // A unit outside the user's scope is still refused.
  expect((await page.goto("/units/19753/report"))?.status()).toBe(403);
});
