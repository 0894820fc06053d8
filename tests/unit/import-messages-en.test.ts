// The messages of a bad file, row by row, in English (the per-row list of an import's 422): every
// message the three file readers give (figures, targets, monthly figures) has an English text without
// Vietnamese but for the data it quotes (a cell's text, the file's column headers).
import { describe, expect, it } from "vitest";
import { FIGURES_HEADERS, MSG_IMPORT, parseFiguresGrid, type Grid } from "@/lib/imports/sheet";
import { TARGET_HEADERS, parseTargetsGrid } from "@/lib/imports/targets-sheet";
import { MONTHLY_HEADERS, parseMonthlyGrid } from "@/lib/imports/monthly-sheet";
import { localizeErrorBody, localizeMessage } from "@/lib/i18n/server-messages";
import { TARGET_KEYS } from "@/lib/domain/targets";

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;
/** What a message may quote from the file: «…» (a cell's text, a header). */
const withoutQuotes = (s: string) => s.replace(/«[^»]*»/g, "«»");

const width = (n: number) => Array.from({ length: n }, () => null);

function figuresMessages(): string[] {
  const H = FIGURES_HEADERS.length;
  const row = (code: string | null, ...vals: (string | number | null | { bad: string })[]) => [code, "Xã Một", ...vals, ...width(H - 2 - vals.length)];
  const grid: Grid = [
    ["Số liệu báo cáo quý 2/2026 — Hải Phòng"],
    [],
    [...FIGURES_HEADERS, FIGURES_HEADERS[3]],
    row("10804", "abc"),
    row("10805", -5),
    row("10806", 12.5),
    row("10807", 9e15),
    row("10808", "1.2.3"),
    row("10809", { bad: MSG_IMPORT.formulaNoValue }),
    row("10810", { bad: MSG_IMPORT.formulaError("#DIV/0!") }),
    row("10811", { bad: MSG_IMPORT.merged }),
    row(null, 5),
    row("10812", 5),
    row("10812", 6),
  ];
  const out = parseFiguresGrid(grid, { year: 2026, quarter: 3 }).errors.map((e) => e.message);
  out.push(...parseFiguresGrid([["x"]], undefined).errors.map((e) => e.message));
  out.push(...parseFiguresGrid([FIGURES_HEADERS], undefined).errors.map((e) => e.message));
  return out;
}

function targetsMessages(): string[] {
  const H = TARGET_HEADERS.length;
  const rate = 2 + TARGET_KEYS.findIndex((k) => k === "bhxhCoverage");
  const row = (code: string, col: number, v: string | number) => {
    const cells: (string | number | null)[] = [code, "Xã Một", ...width(H - 2)];
    cells[col] = v;
    return cells;
  };
  const grid: Grid = [
    ["Chỉ tiêu năm 2025 giao cho các đơn vị trực thuộc — Hải Phòng"],
    TARGET_HEADERS,
    row("10804", 2, "abc"),
    row("10805", 2, -1),
    row("10806", 2, 1.5),
    row("10807", 2, 9e15),
    row("10808", rate, "150%"),
    row("10809", rate, "x%"),
    row("10810", rate, 250),
  ];
  return parseTargetsGrid(grid, 2026).errors.map((e) => e.message);
}

function monthlyMessages(): string[] {
  const H = MONTHLY_HEADERS.length;
  const row = (month: string | number | null, v: string | number | null) => [month, null, v, ...width(H - 3)];
  const grid: Grid = [
    ["Số liệu theo tháng năm 2025 — Hải Phòng"],
    [],
    [...MONTHLY_HEADERS, MONTHLY_HEADERS[2]],
    row("13", 5),
    row("3/2025", 5),
    row(null, 5),
    row(4, "abc"),
    row(5, 1),
    row(5, 2),
  ];
  const out = parseMonthlyGrid(grid, 2026).errors.map((e) => e.message);
  out.push(...parseMonthlyGrid([["x"]], 2026).errors.map((e) => e.message));
  return out;
}

describe("a bad file's messages in English", () => {
  const all = [...new Set([...figuresMessages(), ...targetsMessages(), ...monthlyMessages()])];

  it("the readers give every kind of error (the list below is not empty by accident)", () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(all)("«%s»", (vi) => {
    const en = localizeMessage(vi, "en");
    expect(en.code).not.toBe("message");
    expect(withoutQuotes(en.message)).not.toMatch(VIETNAMESE);
  });

  it("the 422's per-row list is in the reader's language, the file's own texts kept", () => {
    const body = localizeErrorBody(
      {
        error: "Tệp có 1 lỗi: chưa lưu gì. Hãy sửa các dòng được liệt kê rồi tải lên lại.",
        issues: [],
        errors: [{ row: 4, column: "D (Số người tham gia BHXH bắt buộc)", unitCode: "10804", unitName: "Xã Kim Thành", message: figuresMessages()[0] }],
      },
      "en",
    );
    expect(body.error).toBe("Errors in the file: 1. Nothing was saved: correct the rows listed and upload it again.");
    expect(body.errors[0]).toMatchObject({ row: 4, column: "D (Số người tham gia BHXH bắt buộc)", unitName: "Xã Kim Thành" });
    expect(withoutQuotes(body.errors[0].message)).not.toMatch(VIETNAMESE);
  });
});
