// Pasting a block from Excel into the target grid (lib/domain/paste.ts, issue 13): rows matched by
// a code/name column whatever their order, header rows skipped, unknown or ambiguous names refused,
// and a plan by position (to preview) when there is no such column.
import { describe, expect, it } from "vitest";
import {
  isBlock,
  nameKey,
  parseTargetCell,
  PASTE_MESSAGES_EN,
  PASTE_MESSAGES_VI,
  planPaste,
  splitBlock,
  type PasteColumn,
  type PasteTargetRow,
} from "@/lib/domain/paste";

const ROWS: PasteTargetRow[] = [
  { code: "31", name: "Thành phố Hải Phòng", editable: true },
  { code: "10804", name: "Xã Kim Thành", editable: true },
  { code: "11242", name: "Phường Đông Hải", editable: true },
  { code: "11300", name: "Phường Ái Quốc", editable: true },
  { code: "11400", name: "Xã An Lão", editable: true },
  { code: "11401", name: "Thị trấn An Lão", editable: true },
  { code: "11500", name: "Xã Hòa Bình", editable: true },
  { code: "11501", name: "Phường Hòa Bình", editable: true },
  { code: "11600", name: "Xã Cũ", editable: false },
];
const COLS: PasteColumn[] = [
  { key: "bhxhCompulsory", label: "BHXH bắt buộc" },
  { key: "bhxhVoluntary", label: "BHXH tự nguyện" },
  { key: "bhxhCoverage", label: "Tỷ lệ BHXH" },
];

/** code → values, in the order planned. */
const filled = (text: string, start = 1, cols = COLS) => {
  const plan = planPaste(text, ROWS, start, cols);
  return { plan, got: plan.rows.map((r) => [r.code, ...r.values.map((v) => v.value)]) };
};

describe("planPaste: rows matched by a name or code column", () => {
  it.each([
    {
      name: "names in another order than the grid",
      text: "Phường Ái Quốc\t300\nXã Kim Thành\t100\nPhường Đông Hải\t200",
      want: [
        ["11300", 300],
        ["10804", 100],
        ["11242", 200],
      ],
    },
    {
      name: "a header row is recognised and skipped",
      text: "Tên đơn vị\tChỉ tiêu\nXã Kim Thành\t13.624\nPhường Đông Hải\t1.000",
      want: [
        ["10804", 13624],
        ["11242", 1000],
      ],
      header: true,
    },
    {
      name: "codes, with a header Mã / Tên / Chỉ tiêu and an STT column ignored",
      text: "STT\tMã\tTên đơn vị\tChỉ tiêu\n1\t11242\tPhường Đông Hải\t7\n2\t10804\tXã Kim Thành\t8\n",
      want: [
        ["11242", 7],
        ["10804", 8],
      ],
      header: true,
    },
    {
      name: "names without the Xã/Phường prefix",
      text: "Kim Thành\t5\nĐông Hải\t6\nÁi Quốc\t7",
      want: [
        ["10804", 5],
        ["11242", 6],
        ["11300", 7],
      ],
    },
    {
      name: "names without diacritics, any case",
      text: "xa kim thanh\t5\nPHUONG DONG HAI\t6\nai quoc\t7",
      want: [
        ["10804", 5],
        ["11242", 6],
        ["11300", 7],
      ],
    },
    {
      name: "a full name decides between two units with the same bare name",
      text: "Thị trấn An Lão\t1\nXã An Lão\t2",
      want: [
        ["11401", 1],
        ["11400", 2],
      ],
    },
    {
      name: "Vietnamese numbers: 13.624 and 53,1%",
      text: "Xã Kim Thành\t13.624\t1.200\t53,1%\nPhường Đông Hải\t\t\t43",
      want: [
        ["10804", 13624, 1200, 0.531],
        ["11242", null, null, 0.43],
      ],
    },
    {
      name: "Windows line ends and a trailing blank line",
      text: "Xã Kim Thành\t1\r\nPhường Đông Hải\t2\r\n\r\n",
      want: [
        ["10804", 1],
        ["11242", 2],
      ],
    },
    {
      name: "the grid's own unit by its name or code",
      text: "31\t500\n10804\t200",
      want: [
        ["31", 500],
        ["10804", 200],
      ],
    },
  ])("$name", ({ text, want, header }) => {
    const { plan, got } = filled(text);
    expect(plan.errors).toEqual([]);
    expect(plan.mode).toBe("matched");
    expect(plan.header).toBe(header ?? false);
    expect(got).toEqual(want);
  });

  it.each([
    { name: "an unknown name", text: "Xã Kim Thành\t1\nXã Không Có\t2", error: /Dòng 2: không tìm thấy đơn vị «Xã Không Có»/, kept: ["10804"] },
    { name: "an unknown code among codes", text: "10804\t1\n99999\t2\n11242\t3", error: /Dòng 2: không tìm thấy đơn vị «99999»/, kept: ["10804", "11242"] },
    {
      name: "a name shared by two units of the grid",
      text: "Hòa Bình\t1\nXã Kim Thành\t2",
      error: /nhiều đơn vị tên «Hòa Bình» \(11500, 11501\) — hãy dùng mã/,
      kept: ["10804"],
    },
    { name: "the same unit twice", text: "Xã Kim Thành\t1\nkim thanh\t2", error: /Dòng 2: Xã Kim Thành \(10804\) đã có ở dòng 1/, kept: ["10804"] },
    { name: "a unit that cannot be edited", text: "Xã Cũ\t1\nXã Kim Thành\t2", error: /không sửa được chỉ tiêu của Xã Cũ \(11600\)/, kept: ["10804"] },
    {
      name: "a value that is not a number",
      text: "Xã Kim Thành\tmười\nPhường Đông Hải\t2",
      error: /Dòng 1, Xã Kim Thành \(10804\) · BHXH bắt buộc: «mười»/,
      kept: ["11242"],
    },
    { name: "a rate above 100%", text: "Xã Kim Thành\t1\t2\t120%", error: /Tỷ lệ BHXH: «120%»/, kept: [] },
    { name: "a decimal count (13,5 people)", text: "Xã Kim Thành\t13,5", error: /BHXH bắt buộc: «13,5»/, kept: [] },
    { name: "more values than columns", text: "Xã Kim Thành\t1\t2\t3\t4", error: /có 4 giá trị nhưng bảng chỉ còn 3 cột/, kept: ["10804"] },
  ])("error: $name (named, matched rows kept for an explicit partial fill)", ({ text, error, kept }) => {
    const { plan } = filled(text);
    expect(plan.mode).toBe("matched");
    expect(plan.errors.map((e) => e.message).join("\n")).toMatch(error);
    expect(plan.rows.map((r) => r.code)).toEqual(kept);
  });
});

describe("planPaste: a bare block, by position", () => {
  it("places lines from the pasted row down, ready for a preview", () => {
    const { plan, got } = filled("100\n200\n300", 2);
    expect(plan.mode).toBe("position");
    expect(plan.errors).toEqual([]);
    expect(got).toEqual([
      ["11242", 100],
      ["11300", 200],
      ["11400", 300],
    ]);
    expect(plan.rows[0]).toMatchObject({ name: "Phường Đông Hải", values: [{ key: "bhxhCompulsory", text: "100", value: 100 }] });
  });
  it("skips a header above a bare column", () => {
    const { plan, got } = filled("Chỉ tiêu\n1.500\n2.500", 1);
    expect(plan).toMatchObject({ mode: "position", header: true });
    expect(got).toEqual([
      ["10804", 1500],
      ["11242", 2500],
    ]);
  });
  it("refuses lines past the end of the grid and rows that cannot be edited", () => {
    const { plan, got } = filled("1\n2\n3", 7);
    expect(got).toEqual([["11501", 1]]);
    expect(plan.errors.map((e) => e.message)).toEqual([
      "Dòng 2: không sửa được chỉ tiêu của Xã Cũ (11600).",
      "Dòng 3: bảng không còn đơn vị nào bên dưới để nhận dòng này.",
    ]);
  });
  it('never reads a number as a village name ("5" is not "Thôn 5")', () => {
    const villages: PasteTargetRow[] = [5, 6, 7].map((n) => ({ code: `10804-0${n}`, name: `Thôn ${n}`, editable: true }));
    const plan = planPaste("7\n5", villages, 0, COLS);
    expect(plan.mode).toBe("position");
    expect(plan.rows.map((r) => [r.code, r.values[0].value])).toEqual([
      ["10804-05", 7],
      ["10804-06", 5],
    ]);
  });
});

describe("parseTargetCell, splitBlock, nameKey, isBlock", () => {
  it.each([
    ["bhxhCompulsory", "13.624", 13624],
    ["bhxhCompulsory", "13624", 13624],
    ["bhxhCompulsory", "", null],
    ["bhxhCoverage", "53,1%", 0.531],
    ["bhxhCoverage", "53,1", 0.531],
    ["bhxhCoverage", "100 %", 1],
    ["bhxhCoverage", "0", 0],
  ] as const)("%s %s → %s", (key, text, value) => {
    expect(parseTargetCell(key, text)).toEqual({ ok: true, value });
  });
  it.each([
    ["bhxhCompulsory", "13,5"],
    ["bhxhCompulsory", "-3"],
    ["bhxhCoverage", "101"],
    ["bhxhCoverage", "53.1"],
    ["bhxhCoverage", "abc"],
  ] as const)("%s %s is refused", (key, text) => {
    expect(parseTargetCell(key, text).ok).toBe(false);
  });
  it("splits tab-separated lines and drops blank ones", () => {
    expect(splitBlock("a\t 1 \r\n\r\nb\t2\n")).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
  });
  it("strips the unit prefix and the diacritics", () => {
    expect(nameKey("Tổ dân phố Số 3")).toBe("so 3");
    expect(nameKey("Thị trấn Ưng Hòa")).toBe("ung hoa");
    expect(nameKey("Đặc khu Cát Hải")).toBe("cat hai");
  });
  it("tells a block from a single value", () => {
    expect(isBlock("13.624")).toBe(false);
    expect(isBlock("13.624\n")).toBe(false);
    expect(isBlock("1\t2")).toBe(true);
  });
});

describe("a paste's and a cell's messages in the interface's language", () => {
  const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;
  // Every kind of paste error: unknown, ambiguous, missing, repeated, locked, too many values, a bad value.
  const text = ["99999\t5", "Hòa Bình\t5", "\t5", "10804\t5", "10804\t6", "Xã Cũ\t5", "11242\t1\t2\t3\t4", "11300\tabc", "11400\t1\t2\t150"].join("\n");
  const messages = (m: typeof PASTE_MESSAGES_EN) => planPaste(text, ROWS, 1, COLS, m).errors.map((e) => e.message);

  it("every error has its English, names and pasted texts kept as they are", () => {
    const en = messages(PASTE_MESSAGES_EN);
    expect(en).toHaveLength(messages(PASTE_MESSAGES_VI).length);
    expect(en.length).toBeGreaterThanOrEqual(8);
    // Outside what it quotes (a unit's name, a pasted cell, a column's label), no Vietnamese.
    const data = [...ROWS.map((r) => r.name), ...COLS.map((c) => c.label)].sort((a, b) => b.length - a.length);
    const outside = (m: string) => data.reduce((t, d) => t.split(d).join(""), m.replace(/«[^»]*»/g, "«»"));
    for (const m of en) expect(outside(m), m).not.toMatch(VIETNAMESE);
    expect(en).toContain("Line 1: no unit «99999» in the table.");
  });

  it("a cell's own error too", () => {
    expect(parseTargetCell("bhxhCoverage", "x", PASTE_MESSAGES_EN)).toEqual({ ok: false, message: PASTE_MESSAGES_EN.rate });
    expect(parseTargetCell("bhxhCompulsory", "abc", PASTE_MESSAGES_EN)).toEqual({
      ok: false,
      message: "Digits only, with commas between thousands, e.g. 13,624.",
    });
  });
});

describe("cells read in the interface's language (as Excel copies them in it)", () => {
  it.each([
    ["vi", "bhxhCompulsory", "13.624", { ok: true, value: 13_624 }],
    ["vi", "bhxhCompulsory", "13 624", { ok: true, value: 13_624 }],
    ["vi", "bhxhCoverage", "53,1%", { ok: true, value: 0.531 }],
    ["vi", "bhxhCoverage", "53,1", { ok: true, value: 0.531 }],
    ["en", "bhxhCompulsory", "13,624", { ok: true, value: 13_624 }],
    ["en", "bhxhCompulsory", "13\u00A0624", { ok: true, value: 13_624 }],
    ["en", "bhxhCoverage", "53.1%", { ok: true, value: 0.531 }],
    ["en", "bhxhCoverage", "53.1", { ok: true, value: 0.531 }],
  ] as const)("%s: %s «%s»", (locale, key, text, expected) => {
    expect(parseTargetCell(key, text, locale === "en" ? PASTE_MESSAGES_EN : PASTE_MESSAGES_VI)).toEqual(expected);
  });

  it("the other language's format is refused, never misread", () => {
    expect(parseTargetCell("bhxhCompulsory", "13,624", PASTE_MESSAGES_VI)).toEqual({ ok: false, message: PASTE_MESSAGES_VI.validation.notInteger });
    expect(parseTargetCell("bhxhCompulsory", "13.624", PASTE_MESSAGES_EN)).toEqual({ ok: false, message: PASTE_MESSAGES_EN.validation.notInteger });
    expect(parseTargetCell("bhxhCoverage", "53.1", PASTE_MESSAGES_VI)).toEqual({ ok: false, message: PASTE_MESSAGES_VI.rate });
    expect(parseTargetCell("bhxhCoverage", "53,1", PASTE_MESSAGES_EN)).toEqual({ ok: false, message: PASTE_MESSAGES_EN.rate });
    expect(parseTargetCell("bhxhCoverage", "100.5", PASTE_MESSAGES_EN)).toEqual({ ok: false, message: PASTE_MESSAGES_EN.rate });
  });

  it("an English block is planned with English numbers, shown the English way", () => {
    const plan = planPaste("10804\t13,624\t486\t43.5", ROWS, 1, COLS, PASTE_MESSAGES_EN);
    expect(plan.errors).toEqual([]);
    expect(plan.rows[0].values.map((v) => [v.value, v.text])).toEqual([
      [13_624, "13,624"],
      [486, "486"],
      [0.435, "43.5"],
    ]);
    const vi = planPaste("10804\t13.624\t486\t43,5", ROWS, 1, COLS, PASTE_MESSAGES_VI);
    expect(vi.rows[0].values.map((v) => [v.value, v.text])).toEqual([
      [13_624, "13.624"],
      [486, "486"],
      [0.435, "43,5"],
    ]);
  });
});
