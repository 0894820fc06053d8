import { describe, expect, it } from "vitest";
import { changedKeys, filledCount, indicatorFormula, indicatorsUsing, initialText, leavesPage } from "@/lib/figures/form-helpers";
import { checkFigures } from "@/lib/domain/figures-validation";
import { formatNumber } from "@/lib/format";
import { metricLabel } from "@/lib/i18n/labels";

describe("the quarterly form's helpers", () => {
  it("counts the entered figures", () => {
    expect(filledCount({})).toBe(0);
    expect(filledCount({ labourForce: 0, population: 10, bhyt: null })).toBe(2);
  });

  it("pre-fills the stored figures and lists only the changed ones", () => {
    const stored = { labourForce: 17934, bhtn: 7915, amountDue: null };
    expect(initialText(stored, (n) => formatNumber(n, "vi"))).toMatchObject({ labourForce: "17.934", bhtn: "7.915", amountDue: "", population: "" });
    expect(changedKeys({ ...stored }, stored)).toEqual([]);
    expect(changedKeys({ ...stored, bhtn: 7905 }, stored)).toEqual(["bhtn"]);
    expect(changedKeys({ labourForce: 1 }, null)).toEqual(["labourForce"]);
  });

  it("writes each indicator's formula from the labels", () => {
    const vi = (k: Parameters<typeof metricLabel>[0]) => metricLabel(k, "vi");
    expect(indicatorFormula("bhxhCoverage", vi, "Kế hoạch thu")).toBe(
      "(Số người tham gia BHXH bắt buộc + Số người tham gia BHXH tự nguyện) ÷ Lực lượng lao động trong độ tuổi",
    );
    expect(indicatorFormula("bhytCoverage", vi, "Kế hoạch thu")).toBe("Số người tham gia BHYT ÷ Dân số");
    expect(indicatorFormula("revenueCompletion", vi, "Kế hoạch thu")).toBe("Số đã thu ÷ Kế hoạch thu");
    expect(indicatorsUsing("bhyt")).toEqual(["bhytCoverage"]);
    expect(indicatorsUsing("labourForce")).toContain("bhxhCoverage");
  });

  it("knows which links leave the form", () => {
    const here = "http://x.test/units/10804/report?year=2026&quarter=3";
    expect(leavesPage("/units/10804", here)).toBe(true);
    expect(leavesPage("/units/10804/report?year=2026&quarter=2", here)).toBe(true);
    expect(leavesPage("#f-bhyt", here)).toBe(false);
    expect(leavesPage("/units/10804/report?year=2026&quarter=3#top", here)).toBe(false);
    expect(leavesPage("https://other.test/", here)).toBe(false);
  });

  it("puts the BHYT > population warning on the BHYT field", () => {
    const { warnings } = checkFigures({ population: 30_000, bhyt: 30_500 });
    expect(warnings.map((w) => w.path)).toEqual(["bhyt"]);
  });
});
