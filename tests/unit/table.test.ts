import { describe, expect, it } from "vitest";
import { compareSortValues, filterRows, readTableView, sortRows, topAndBottom, writeTableView, type TableViewOptions } from "@/lib/table";

type Row = { name: string; value: number | null };
const rows: Row[] = [
  { name: "Phường Yên Thế", value: 0.5 },
  { name: "Phường Đông Hải", value: null },
  { name: "Xã An Lão", value: 0.9 },
  { name: "Phường Đồ Sơn", value: 0.1 },
  { name: "Đặc khu Cát Hải", value: 0.5 },
];
const names = (rs: Row[]) => rs.map((r) => r.name);

describe("compareSortValues", () => {
  it("puts a missing value last in both directions", () => {
    for (const dir of ["asc", "desc"] as const) {
      expect(compareSortValues(null, 1, dir)).toBeGreaterThan(0);
      expect(compareSortValues(1, undefined, dir)).toBeLessThan(0);
      expect(compareSortValues(Number.NaN, "a", dir)).toBeGreaterThan(0);
      expect(compareSortValues(null, null, dir)).toBe(0);
    }
  });
  it("compares numbers numerically and text in Vietnamese order", () => {
    expect(compareSortValues(9, 10, "asc")).toBeLessThan(0);
    expect(compareSortValues(9, 10, "desc")).toBeGreaterThan(0);
    // d < đ < e, whatever the code points say.
    expect(compareSortValues("Đông Hải", "Yên Thế", "asc")).toBeLessThan(0);
    expect(compareSortValues("Đông Hải", "Dương Kinh", "asc")).toBeGreaterThan(0);
  });
});

describe("sortRows", () => {
  it("sorts names in Vietnamese order", () => {
    expect(names(sortRows(rows, (r) => r.name, "asc"))).toEqual(["Đặc khu Cát Hải", "Phường Đồ Sơn", "Phường Đông Hải", "Phường Yên Thế", "Xã An Lão"]);
  });
  it("sorts numbers descending with nulls last, ties by the tie-break, stable otherwise", () => {
    const byName = (a: Row, b: Row) => a.name.localeCompare(b.name, "vi");
    expect(names(sortRows(rows, (r) => r.value, "desc", byName))).toEqual([
      "Xã An Lão",
      "Đặc khu Cát Hải",
      "Phường Yên Thế",
      "Phường Đồ Sơn",
      "Phường Đông Hải",
    ]);
    expect(names(sortRows(rows, (r) => r.value, "asc"))).toEqual(["Phường Đồ Sơn", "Phường Yên Thế", "Đặc khu Cát Hải", "Xã An Lão", "Phường Đông Hải"]);
  });
  it("does not change the input", () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.value, "asc");
    expect(rows).toEqual(copy);
  });
});

describe("filterRows", () => {
  it("matches names without diacritics and case", () => {
    expect(names(filterRows(rows, "dong hai", (r) => r.name))).toEqual(["Phường Đông Hải"]);
    expect(names(filterRows(rows, "  HAI ", (r) => r.name))).toEqual(["Phường Đông Hải", "Đặc khu Cát Hải"]);
    expect(filterRows(rows, "", (r) => r.name)).toHaveLength(5);
  });
  it("applies every chosen filter, ignores empty ones", () => {
    const half = { value: "half", match: (r: Row) => r.value === 0.5 };
    const none = { value: "", match: () => false };
    expect(names(filterRows(rows, "", (r) => r.name, [half, none]))).toEqual(["Phường Yên Thế", "Đặc khu Cát Hải"]);
    expect(names(filterRows(rows, "yen", (r) => r.name, [half]))).toEqual(["Phường Yên Thế"]);
  });
});

describe("table view in the URL", () => {
  const opts: TableViewOptions = { sortKeys: ["name", "coverage"], filters: { status: ["behind", "attained"] }, defaultSort: { key: "name", dir: "asc" } };

  it("reads the search, sort, direction and filters, ignoring unknown values", () => {
    expect(readTableView(new URLSearchParams("q=dong%20hai&sort=coverage&dir=desc&status=behind&year=2026"), opts)).toEqual({
      q: "dong hai",
      sort: "coverage",
      dir: "desc",
      filters: { status: "behind" },
    });
    expect(readTableView(new URLSearchParams("sort=nope&dir=up&status=zzz"), opts)).toEqual({ q: "", sort: "name", dir: "asc", filters: { status: "" } });
  });
  it("writes only what differs from the default and keeps the other keys", () => {
    const out = writeTableView("year=2026&quarter=3&q=old", { q: "dong", sort: "coverage", dir: "desc", filters: { status: "" } }, opts);
    expect(out.toString()).toBe("year=2026&quarter=3&q=dong&sort=coverage&dir=desc");
    const back = writeTableView(out, { q: "", sort: "name", dir: "asc", filters: { status: "attained" } }, opts);
    expect(back.toString()).toBe("year=2026&quarter=3&status=attained");
  });
  it("round-trips a view, with a prefix for a second table", () => {
    const p = { ...opts, prefix: "t." };
    const view = { q: "an lão", sort: "name", dir: "desc" as const, filters: { status: "behind" } };
    expect(readTableView(writeTableView("", view, p), p)).toEqual(view);
    expect(readTableView(writeTableView("", view, p), opts).q).toBe("");
  });
});

describe("topAndBottom", () => {
  const list = Array.from({ length: 114 }, (_, i) => i + 1);
  it("keeps the first and last n and counts the rest", () => {
    const r = topAndBottom(list, 10);
    expect(r.top).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.bottom).toEqual([105, 106, 107, 108, 109, 110, 111, 112, 113, 114]);
    expect(r.hidden).toBe(94);
  });
  it("keeps a short list whole", () => {
    expect(topAndBottom(list.slice(0, 20), 10)).toEqual({ top: list.slice(0, 20), bottom: [], hidden: 0 });
  });
});
