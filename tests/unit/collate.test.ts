// Vietnamese order and search (lib/collate.ts, issue 13): dictionary order, not code points.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { byName, compareVi, inForceThenByName, matchesSearch, searchKey, sortByName } from "@/lib/collate";

describe("compareVi", () => {
  it.each([
    ["Phường Ái Quốc", "Phường Bạch Đằng"],
    ["Phường Đông Hải", "Phường Yên Bái"],
    ["Chí Linh", "Chu Văn An"],
    ["Hải An", "Hòa Bình"],
    ["Hòa Bình", "Hưng Đạo"],
    ["Hải An", "Hưng Đạo"],
    ["Duy Tân", "Đông Hải"],
    ["dz", "đa"],
    ["Phường 2", "Phường 10"],
    ["Thôn 9", "Thôn 10"],
    ["An Lão", "Ân Thi"],
    ["Xã A", "Xã Ă"],
    ["Xã Ă", "Xã Â"],
    ["Ô Môn", "Ơ Ri"],
    ["Uông Bí", "Ưng Hòa"],
  ])("%s < %s", (a, b) => {
    expect(compareVi(a, b)).toBeLessThan(0);
    expect(compareVi(b, a)).toBeGreaterThan(0);
  });

  it("d < đ, with or without following letters", () => {
    expect(compareVi("d", "đ")).toBeLessThan(0);
    expect(compareVi("Dương Kinh", "Đằng Hải")).toBeLessThan(0);
  });

  it("only equal texts compare equal (tones break ties)", () => {
    expect(compareVi("Hải Phòng", "Hải Phòng")).toBe(0);
    expect(compareVi("Ha", "Hà")).not.toBe(0);
  });

  it("orders a commune list the way a Vietnamese reader expects", () => {
    const names = ["Phường Yên Bái", "Phường Đông Hải", "Phường Ái Quốc", "Phường Bạch Đằng", "Xã Chu Văn An", "Xã Chí Linh", "Phường 10", "Phường 2"];
    expect([...names].sort(compareVi)).toEqual([
      "Phường 2",
      "Phường 10",
      "Phường Ái Quốc",
      "Phường Bạch Đằng",
      "Phường Đông Hải",
      "Phường Yên Bái",
      "Xã Chí Linh",
      "Xã Chu Văn An",
    ]);
  });
});

describe("byName, sortByName, inForceThenByName", () => {
  it("sorts by name then by code, without changing the input", () => {
    const input = [
      { code: "2", name: "Đông Hải" },
      { code: "10", name: "Ái Quốc" },
      { code: "3", name: "Ái Quốc" },
    ];
    expect(sortByName(input).map((u) => u.code)).toEqual(["3", "10", "2"]);
    expect(input.map((u) => u.code)).toEqual(["2", "10", "3"]);
    expect(byName(input[0], input[0])).toBe(0);
  });
  it("puts units in force before retired ones", () => {
    const rows = [
      { code: "1", name: "Ái Quốc", validTo: new Date("2025-07-01") },
      { code: "2", name: "Yên Bái", validTo: null },
      { code: "3", name: "Đông Hải", validTo: null },
    ];
    expect([...rows].sort(inForceThenByName).map((r) => r.code)).toEqual(["3", "2", "1"]);
  });
});

describe("searchKey and matchesSearch", () => {
  it.each([
    ["Đông Hải", "dong hai"],
    ["  Xã   Kim Thành ", "xa kim thanh"],
    ["Phường Ái Quốc", "phuong ai quoc"],
    ["ĐẶC KHU CÁT HẢI", "dac khu cat hai"],
    ["Hưng Đạo", "hung dao"],
    ["Thị trấn Ưng Hòa", "thi tran ung hoa"],
  ])("searchKey(%s) = %s", (text, key) => {
    expect(searchKey(text)).toBe(key);
  });
  it("finds names without diacritics or case, and everything for an empty query", () => {
    expect(matchesSearch("Xã Kim Thành", "kim thanh")).toBe(true);
    expect(matchesSearch("Phường Đông Hải", "DONG HAI")).toBe(true);
    expect(matchesSearch("Phường Đông Hải", "đông")).toBe(true);
    expect(matchesSearch("Phường Đông Hải", "tây")).toBe(false);
    expect(matchesSearch("Phường Đông Hải", "  ")).toBe(true);
  });
});

// Random Vietnamese-looking names: letters with every mark, spaces and digits.
const LETTERS = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠUƯ áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ0123456789"];
const viText = fc.array(fc.constantFrom(...LETTERS), { maxLength: 12 }).map((cs) => cs.join(""));

describe("compareVi is a total order (property)", () => {
  it("is reflexive and antisymmetric", () => {
    fc.assert(
      fc.property(viText, viText, (a, b) => {
        expect(compareVi(a, a)).toBe(0);
        expect(Math.sign(compareVi(a, b)) + Math.sign(compareVi(b, a))).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
  it("is transitive", () => {
    fc.assert(
      fc.property(viText, viText, viText, (a, b, c) => {
        const [x, y, z] = [a, b, c].sort(compareVi);
        expect(compareVi(x, y)).toBeLessThanOrEqual(0);
        expect(compareVi(y, z)).toBeLessThanOrEqual(0);
        expect(compareVi(x, z)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
  it("sorting is stable under shuffling (the same list whatever the input order)", () => {
    fc.assert(
      fc.property(fc.array(viText, { maxLength: 20 }), (names) => {
        const once = [...names].sort(compareVi);
        expect([...names].reverse().sort(compareVi)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });
});
