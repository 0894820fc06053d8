// Employers paying late (issue 15), pure rules: the tax code and its check digit, month ends, the list
// of those N+ months late (Hue-S publishes 3+), its trend, the published fields, and reading the file.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  isMonthEnded,
  lastEndedMonth,
  lateList,
  lateTrend,
  monthEndLabel,
  monthsUpTo,
  parseTaxCode,
  publishedEntries,
  readPublishedEntries,
  taxCodeCheckDigit,
  PUBLISHED_FIELDS,
  TAX_CODE_MESSAGES_VI,
} from "@/lib/domain/employers";
import { monthOfTitle, parseEmployersGrid, publishedCsv, EMPLOYERS_TEMPLATE_HEADERS, MSG_EMPLOYER_SHEET } from "@/lib/employers/sheet";
import { MSG_EMPLOYERS } from "@/lib/employers/service";
import { NOT_EMPLOYERS_UPLOAD } from "@/lib/employers/upload.server";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { demoEmployers } from "@/lib/demo/employers";

const TODAY = new Date("2026-12-02T03:00:00Z");

describe("parseTaxCode", () => {
  it.each([
    // Published tax codes of well-known employers (their check digits hold).
    ["0100112437", "0100112437"],
    ["0100109106", "0100109106"],
    ["0300588569", "0300588569"],
    ["0100112437-001", "0100112437-001"],
    ["0100112437001", "0100112437-001"],
    [" 0100 112 437 ", "0100112437"],
    ["0100.112.437", "0100112437"],
    [100112437, "0100112437"], // Excel dropped the leading zero
  ] as const)("%j → %s", (input, value) => expect(parseTaxCode(input)).toEqual({ ok: true, value }));

  it.each([
    ["", "Chưa nhập mã số thuế."],
    ["0100112438", "chữ số kiểm tra"],
    ["010011243", "10 chữ số"],
    ["01001124370", "10 chữ số"],
    ["0100112437-01", "10 chữ số"],
    ["0100112437-000", "10 chữ số"],
    ["MST0100112437", "10 chữ số"],
    ["0100112437/001", "10 chữ số"],
  ])("%j is refused (%s)", (input, message) => {
    const r = parseTaxCode(input);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.message).toContain(message);
  });

  it("a code is valid with its check digit and with no other last digit", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const d = taxCodeCheckDigit(nine);
        for (let x = 0; x <= 9; x++) expect(parseTaxCode(`${nine}${x}`).ok).toBe(x === d);
      }),
    );
  });
});

describe("month ends", () => {
  it.each([
    [{ year: 2026, month: 10 }, "31/10/2026"],
    [{ year: 2026, month: 2 }, "28/2/2026"],
    [{ year: 2028, month: 2 }, "29/2/2028"],
    [{ year: 2026, month: 9 }, "30/9/2026"],
  ])("%j ends on %s", (m, label) => expect(monthEndLabel(m)).toBe(label));

  it("on 2 December 2026, November has ended and December has not", () => {
    expect(lastEndedMonth(TODAY)).toEqual({ year: 2026, month: 11 });
    expect(isMonthEnded({ year: 2026, month: 11 }, TODAY)).toBe(true);
    expect(isMonthEnded({ year: 2026, month: 12 }, TODAY)).toBe(false);
    // 30/11 in Vietnam until 17:00 UTC: November has not ended yet.
    expect(isMonthEnded({ year: 2026, month: 11 }, new Date("2026-11-30T16:59:00Z"))).toBe(false);
    expect(isMonthEnded({ year: 2026, month: 11 }, new Date("2026-11-30T17:00:00Z"))).toBe(true);
  });

  it("counts back across a year end", () => {
    expect(monthsUpTo({ year: 2026, month: 2 }, 4)).toEqual([
      { year: 2025, month: 11 },
      { year: 2025, month: 12 },
      { year: 2026, month: 1 },
      { year: 2026, month: 2 },
    ]);
  });
});

const row = (name: string, monthsLate: number, amountLate: number, taxCode = name) => ({ name, taxCode, address: `${name} street`, monthsLate, amountLate });

describe("the list of those N+ months late", () => {
  const rows = [
    row("Bến Ngự", 12, 5_000_000),
    row("An Cựu", 3, 900_000),
    row("Cồn Hến", 3, 1_200_000),
    row("Đông Ba", 2, 800_000),
    row("Paid", 5, 0),
    row("Ái Tử", 3, 900_000),
  ];

  it("keeps those 3 months or more late who still owe, longest late first, then the larger amount, then by name", () => {
    expect(lateList(rows, 3).map((r) => r.name)).toEqual(["Bến Ngự", "Cồn Hến", "Ái Tử", "An Cựu"]);
  });

  it.each([
    [1, 5],
    [2, 5],
    [3, 4],
    [4, 1],
    [13, 0],
  ])("%i+ months: %i employers", (n, count) => expect(lateList(rows, n)).toHaveLength(count));

  it("holds for every list: months ≥ N and an amount owed, and nobody else", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ monthsLate: fc.integer({ min: 0, max: 120 }), amountLate: fc.integer({ min: 0, max: 1e12 }) }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 120 }),
        (rs, n) => {
          const named = rs.map((r, i) => ({ ...r, name: `E${i}`, taxCode: String(i) }));
          const list = lateList(named, n);
          expect(list.every((r) => r.monthsLate >= n && r.amountLate > 0)).toBe(true);
          expect(list.length).toBe(named.filter((r) => r.monthsLate >= n && r.amountLate > 0).length);
          for (let i = 1; i < list.length; i++) expect(list[i - 1].monthsLate).toBeGreaterThanOrEqual(list[i].monthsLate);
        },
      ),
    );
  });

  it("publishes the published fields only, frozen as numbers", () => {
    const secret = { ...row("Bến Ngự", 4, 1_000), commune: "Phường Thuận Hóa", version: 7, employerId: 3 };
    const entries = publishedEntries([secret, row("Đông Ba", 1, 10)], 3);
    expect(entries).toEqual([{ name: "Bến Ngự", taxCode: "Bến Ngự", address: "Bến Ngự street", monthsLate: 4, amountLate: 1_000 }]);
    expect(Object.keys(entries[0]).sort()).toEqual([...PUBLISHED_FIELDS].sort());
    // What the database holds is read back with the same fields, whatever else crept in.
    expect(readPublishedEntries([{ ...entries[0], commune: "x" }, { bad: true }, "x"])).toEqual(entries);
  });
});

describe("the trend", () => {
  const months = monthsUpTo({ year: 2026, month: 10 }, 3);
  it("counts and sums those N+ late per month end; a month with nothing recorded has no value", () => {
    const rows = [
      { year: 2026, month: 8, monthsLate: 3, amountLate: 100 },
      { year: 2026, month: 8, monthsLate: 1, amountLate: 50 },
      { year: 2026, month: 10, monthsLate: 4, amountLate: 200 },
      { year: 2026, month: 10, monthsLate: 3, amountLate: 300 },
      { year: 2026, month: 10, monthsLate: 9, amountLate: 0 },
      { year: 2026, month: 7, monthsLate: 9, amountLate: 999 },
    ];
    expect(lateTrend(rows, 3, months)).toEqual([
      { year: 2026, month: 8, count: 1, amount: 100, recorded: 2 },
      { year: 2026, month: 9, count: null, amount: null, recorded: 0 },
      { year: 2026, month: 10, count: 2, amount: 500, recorded: 3 },
    ]);
  });

  it("agrees with the list at every month end", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ month: fc.integer({ min: 8, max: 10 }), monthsLate: fc.integer({ min: 0, max: 12 }), amountLate: fc.integer({ min: 0, max: 1e9 }) }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 1, max: 6 }),
        (rs, n) => {
          const rows = rs.map((r, i) => ({ ...r, year: 2026, name: `E${i}`, taxCode: String(i) }));
          for (const p of lateTrend(rows, n, months)) {
            const at = rows.filter((r) => r.month === p.month);
            const list = lateList(at, n);
            expect(p.count).toBe(at.length === 0 ? null : list.length);
            expect(p.amount).toBe(at.length === 0 ? null : list.reduce((s, r) => s + r.amountLate, 0));
          }
        },
      ),
    );
  });
});

describe("the employers' file", () => {
  const grid = (rows: (string | number | null)[][]) => [
    ["Đơn vị chậm đóng BHXH, BHYT, BHTN tại ngày 31/10/2026 — Thành phố Huế"],
    ["…"],
    [],
    EMPLOYERS_TEMPLATE_HEADERS,
    ...rows,
  ];
  const month = { year: 2026, month: 10 };

  it("reads the month of a title", () => {
    expect(monthOfTitle("Đơn vị chậm đóng tại ngày 31/10/2026")).toEqual(month);
    expect(monthOfTitle("Danh sách tháng 9/2026")).toEqual({ year: 2026, month: 9 });
    expect(monthOfTitle("Tháng 9 năm 2026")).toEqual({ year: 2026, month: 9 });
    expect(monthOfTitle("Danh sách đơn vị")).toBeNull();
  });

  it("reads rows by header, numbers as typed in Vietnamese or as number cells", () => {
    const r = parseEmployersGrid(
      grid([
        ["0100112437", "Công ty A", "1 Lê Lợi", "Phường Thuận Hóa", 4, "125.400.000"],
        [100109106, "Công ty B", null, null, "0", 0],
        [null, null, null, null, null, null],
      ]),
      month,
    );
    expect(r.errors).toEqual([]);
    expect(r.month).toEqual(month);
    expect(r.rows).toEqual([
      { row: 5, taxCode: "0100112437", name: "Công ty A", address: "1 Lê Lợi", commune: "Phường Thuận Hóa", monthsLate: 4, amountLate: 125_400_000 },
      { row: 6, taxCode: "0100109106", name: "Công ty B", address: "", commune: "", monthsLate: 0, amountLate: 0 },
    ]);
  });

  it("names every bad cell by row and column", () => {
    const r = parseEmployersGrid(
      grid([
        ["0100112438", "Công ty A", "", "", 4, 1000],
        ["0100112437", "", "", "", "bốn", 1000],
        ["0100109106", "Công ty C", "", "", 3, 0],
        ["0100109106", "Công ty C", "", "", 3, 10],
      ]),
      month,
    );
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => [e.row, e.column.split(" ")[0], e.message.slice(0, 24)])).toEqual([
      [5, "A", "Mã số thuế không đúng: c"],
      [6, "B", "Chưa nhập tên đơn vị."],
      [6, "E", "Số tháng chậm đóng là số"],
      [7, "F", "Có số tháng chậm đóng nh"],
      [8, "A", "Mã số thuế trùng với dòn"],
    ]);
  });

  it("refuses a file of another month", () => {
    const r = parseEmployersGrid(grid([["0100112437", "Công ty A", "", "", 4, 1000]]), { year: 2026, month: 9 });
    expect(r.errors[0]).toMatchObject({ row: 1, message: expect.stringContaining("31/10/2026") });
  });

  it("writes the public CSV with a BOM, the published fields and nothing that Excel would run", () => {
    const csv = publishedCsv([{ name: "=HYPERLINK(1)", taxCode: "0100112437", address: "1 Lê Lợi; Huế", monthsLate: 4, amountLate: 125_400_000 }]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n")).toEqual([
      "\uFEFFTên đơn vị;Mã số thuế;Địa chỉ;Số tháng chậm đóng;Số tiền chậm đóng (đồng)",
      '\'=HYPERLINK(1);0100112437;"1 Lê Lợi; Huế";4;125400000',
      "",
    ]);
  });
});

describe("the demo register of Huế", () => {
  const { employers, arrears } = demoEmployers();
  it("is thirty employers with valid, distinct tax codes", () => {
    expect(employers).toHaveLength(30);
    expect(new Set(employers.map((e) => e.taxCode)).size).toBe(30);
    for (const e of employers) expect(parseTaxCode(e.taxCode)).toEqual({ ok: true, value: e.taxCode });
  });
  it("has five employers 3+ months late on 31/10/2026 and four on 30/9/2026", () => {
    const at = (month: number) => arrears.filter((a) => a.month === month).map((a) => ({ ...a, name: a.taxCode }));
    expect(lateList(at(10), 3)).toHaveLength(5);
    expect(lateList(at(9), 3)).toHaveLength(4);
    expect(new Set(arrears.map((a) => a.month))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  });
});

describe("the register's messages in English", () => {
  const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;
  const m = { year: 2026, month: 10 };
  const fixed = [
    ...Object.values(TAX_CODE_MESSAGES_VI),
    ...Object.values(MSG_EMPLOYER_SHEET).map((v) => (typeof v === "function" ? (v as (...a: unknown[]) => string)(m, m) : v)),
    MSG_EMPLOYER_SHEET.duplicateTaxCode(5),
    MSG_EMPLOYER_SHEET.missingColumn("Số tháng chậm đóng"),
    ...Object.values(MSG_EMPLOYERS).map((v) => (typeof v === "function" ? (v as (...a: unknown[]) => string)(m, "x") : v)),
    MSG_EMPLOYERS.exists("0100112437"),
    MSG_EMPLOYERS.fileErrors(3),
    MSG_EMPLOYERS.fileError(0, MSG_EMPLOYER_SHEET.empty),
    MSG_EMPLOYERS.fileError(7, "Chưa nhập tên đơn vị."),
    NOT_EMPLOYERS_UPLOAD,
    PERMISSIONS["employers.view"].denied,
    PERMISSIONS["employers.manage"].denied,
  ];
  it.each(fixed)("«%s» has a code and English", (vi) => {
    const en = localizeMessage(vi, "en");
    expect(en.code).not.toBe("message");
    expect(en.message.replace(/«[^»]*»/g, "")).not.toMatch(VIETNAMESE);
  });
});
