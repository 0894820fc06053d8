// Numbers typed in the interface's language (lib/domain/numbers.ts): one rule for every form field and
// the targets grid's paste. Vietnamese 13.624 / 43,5; English 13,624 / 43.5; the other language's
// format is refused, never misread.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DECIMAL_NUMBER_MESSAGES, parseDecimalNumber, parseWholeNumber, WHOLE_NUMBER_MESSAGES, type NumberParse } from "@/lib/domain/numbers";
import { parseVnInteger, VALIDATION_MESSAGES_EN, VALIDATION_MESSAGES_VI } from "@/lib/domain/figures-validation";
import { formatDecimal, formatNumber } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";

const VI = WHOLE_NUMBER_MESSAGES.vi;
const EN = WHOLE_NUMBER_MESSAGES.en;
const ok = (value: number | null): NumberParse => ({ ok: true, value });
const no = (message: string): NumberParse => ({ ok: false, message });

describe("parseWholeNumber", () => {
  // prettier-ignore
  const cases: [Locale, string, NumberParse][] = [
    // Vietnamese: dots (or spaces) between thousands, a comma is a decimal.
    ["vi", "13.624", ok(13_624)],
    ["vi", "13 624", ok(13_624)],
    ["vi", "13\u00A0624", ok(13_624)],           // no-break space
    ["vi", "13\u202F624", ok(13_624)],           // narrow no-break space
    ["vi", "13624", ok(13_624)],
    ["vi", " 1.188.826 ", ok(1_188_826)],
    ["vi", "007", ok(7)],
    ["vi", "0", ok(0)],
    ["vi", "", ok(null)],
    ["vi", "   ", ok(null)],
    ["vi", "13,5", no(VI.notInteger)],
    ["vi", "13,624", no(VI.notInteger)],         // English thousands: 13 point 624 in Vietnamese
    ["vi", "1,188,826", no(VI.notInteger)],
    ["vi", "13.5", no(VI.notInteger)],           // a dot groups exactly three digits
    ["vi", "1.2345", no(VI.notInteger)],
    ["vi", "1.188,5", no(VI.notInteger)],
    ["vi", "-5", no(VI.negative)],
    ["vi", "\u221213.624", no(VI.negative)],     // Unicode minus
    ["vi", "\u2013 13 624", no(VI.negative)],    // en dash
    ["vi", "-abc", no(VI.notANumber)],
    ["vi", "+5", no(VI.notANumber)],
    ["vi", "abc", no(VI.notANumber)],
    ["vi", "1e5", no(VI.notANumber)],
    ["vi", "13.624 người", no(VI.notANumber)],
    ["vi", "99.999.999.999.999.999", no(VI.tooLargeInput)],
    ["vi", "9007199254740992", no(VI.tooLargeInput)],   // MAX_SAFE_INTEGER + 1
    ["vi", "9.007.199.254.740.991", ok(Number.MAX_SAFE_INTEGER)],
    // English: commas (or spaces) between thousands, a dot is a decimal.
    ["en", "13,624", ok(13_624)],
    ["en", "13 624", ok(13_624)],
    ["en", "13\u00A0624", ok(13_624)],
    ["en", "13624", ok(13_624)],
    ["en", "1,188,826", ok(1_188_826)],
    ["en", " 2,946 ", ok(2_946)],
    ["en", "", ok(null)],
    ["en", "\u00A0", ok(null)],
    ["en", "13.624", no(EN.notInteger)],         // ambiguous: never 13624, never 13.624
    ["en", "1.188.826", no(EN.notInteger)],
    ["en", "13.5", no(EN.notInteger)],
    ["en", "2.5", no(EN.notInteger)],
    ["en", "13,5", no(EN.notInteger)],           // a comma groups exactly three digits
    ["en", "1,2345", no(EN.notInteger)],
    ["en", "1,188.5", no(EN.notInteger)],
    ["en", "-5", no(EN.negative)],
    ["en", "- 13,624", no(EN.negative)],
    ["en", "abc", no(EN.notANumber)],
    ["en", "13,624 people", no(EN.notANumber)],
    ["en", "99,999,999,999,999,999", no(EN.tooLargeInput)],
    ["en", "100000000000000000000", no(EN.tooLargeInput)],
  ];
  it.each(cases)("%s %j → %j", (locale, input, expected) => {
    expect(parseWholeNumber(input, locale)).toEqual(expected);
  });

  it("takes the messages it is given (the figures' validation messages)", () => {
    expect(parseWholeNumber("2.5", "en", VALIDATION_MESSAGES_EN)).toEqual(no(VALIDATION_MESSAGES_EN.notInteger));
    expect(parseWholeNumber("2,5", "vi", VALIDATION_MESSAGES_VI)).toEqual(no(VALIDATION_MESSAGES_VI.notInteger));
  });

  it("parseVnInteger is its Vietnamese case", () => {
    for (const s of ["13.624", "13,624", "13 624", "-1", "x", "", "1.188.826", "1,188,826"]) expect(parseVnInteger(s)).toEqual(parseWholeNumber(s, "vi"));
  });

  it("the messages: Vietnamese as before, English with commas", () => {
    expect(VI.notInteger).toBe("Nhập số nguyên, dấu chấm ngăn cách hàng nghìn, ví dụ 13.624.");
    expect(VI.notANumber).toBe("Chỉ nhập chữ số, dấu chấm ngăn cách hàng nghìn, ví dụ 13.624.");
    expect(EN.notInteger).toBe("Enter a whole number, with commas between thousands, e.g. 13,624.");
    expect(EN.notANumber).toBe("Digits only, with commas between thousands, e.g. 13,624.");
    expect(VALIDATION_MESSAGES_EN.notInteger).toBe(EN.notInteger);
    expect(VALIDATION_MESSAGES_VI.notInteger).toBe(VI.notInteger);
  });

  for (const locale of ["vi", "en"] as const) {
    it(`reads back every safe whole number as formatted in ${locale}`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
          expect(parseWholeNumber(formatNumber(n, locale), locale)).toEqual(ok(n));
        }),
        { numRuns: 2000 },
      );
    });
    it(`never misreads a number grouped the other language's way in ${locale}`, () => {
      const other: Locale = locale === "vi" ? "en" : "vi";
      fc.assert(
        fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), (n) => {
          expect(parseWholeNumber(formatNumber(n, other), locale).ok).toBe(false);
        }),
        { numRuns: 1000 },
      );
    });
  }
});

describe("parseDecimalNumber", () => {
  const DV = DECIMAL_NUMBER_MESSAGES.vi;
  const DE = DECIMAL_NUMBER_MESSAGES.en;
  // prettier-ignore
  const cases: [Locale, string, NumberParse][] = [
    ["vi", "43,5", ok(43.5)],
    ["vi", "43", ok(43)],
    ["vi", "1.234,5", ok(1234.5)],
    ["vi", "1 234,5", ok(1234.5)],
    ["vi", "13.624", ok(13_624)],
    ["vi", "0,25", ok(0.25)],
    ["vi", "", ok(null)],
    ["vi", "43.5", no(DV.notDecimal)],
    ["vi", "13.5", no(DV.notDecimal)],
    ["vi", "1,234.5", no(DV.notDecimal)],
    ["vi", ",5", no(DV.notDecimal)],
    ["vi", "43,5%", no(DV.notDecimal)],          // callers strip a percent sign first
    ["vi", "-1,5", no(DV.negative)],
    ["en", "43.5", ok(43.5)],
    ["en", "1,234.5", ok(1234.5)],
    ["en", "13,624", ok(13_624)],
    ["en", "0.25", ok(0.25)],
    ["en", "43,5", no(DE.notDecimal)],
    ["en", "13,5", no(DE.notDecimal)],
    ["en", "1.234,5", no(DE.notDecimal)],
    ["en", "abc", no(DE.notDecimal)],
    ["en", "\u22120.5", no(DE.negative)],
    ["en", "99,999,999,999,999,999.5", no(DE.tooLargeInput)],
  ];
  it.each(cases)("%s %j → %j", (locale, input, expected) => {
    expect(parseDecimalNumber(input, locale)).toEqual(expected);
  });

  for (const locale of ["vi", "en"] as const) {
    it(`reads back a number with two decimals as formatted in ${locale}`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
          const x = cents / 100;
          expect(parseDecimalNumber(formatDecimal(x, locale, 2), locale)).toEqual(ok(x));
        }),
        { numRuns: 2000 },
      );
    });
  }
});
