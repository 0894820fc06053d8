import { describe, expect, it } from "vitest";
import {
  CHANGE_WARNING_THRESHOLD,
  MAX_CHANGE_PCT,
  MIN_CHANGE_PCT,
  INDICATOR_LABELS_EN,
  INDICATOR_LABELS_VI,
  MAX_PEOPLE,
  METRIC_LABELS_EN,
  METRIC_LABELS_VI,
  VALIDATION_MESSAGES_VI as M,
  checkFigures,
  figuresSchema,
  parseVnInteger,
  type Issue,
} from "@/lib/domain/figures-validation";
import { INDICATOR_KEYS, METRIC_KEYS, type Figures, type MetricKey } from "@/lib/domain/metrics";

// ---------------------------------------------------------------------------------------------
// parseVnInteger

describe("parseVnInteger accepts", () => {
  // prettier-ignore
  const good: [string, number | null][] = [
    ["13.624", 13_624],
    ["13624", 13_624],
    ["1.188.826", 1_188_826],
    [" 13 624 ", 13_624],
    ["13\u00A0624", 13_624],            // no-break space, as Excel / Word may paste
    ["8.561", 8_561],
    ["961", 961],
    ["0", 0],
    ["007", 7],
    ["1.000", 1_000],
    ["50.000.000.000", 50_000_000_000],
    ["", null],                         // not entered
    ["   ", null],
  ];
  for (const [input, value] of good) {
    it(`${JSON.stringify(input)} → ${value}`, () => {
      expect(parseVnInteger(input)).toEqual({ ok: true, value });
    });
  }
});

describe("parseVnInteger rejects", () => {
  // prettier-ignore
  const bad: [string, string][] = [
    ["-5", M.negative],
    ["-13.624", M.negative],
    ["- 13 624", M.negative],
    ["\u22125", M.negative],            // Unicode minus
    ["13,5", M.notInteger],             // comma = decimal separator
    ["13,624", M.notInteger],           // English thousands: in Vietnamese this is 13 point 624
    ["13.5", M.notInteger],             // dot group of 1 digit
    ["1.2345", M.notInteger],           // dot group of 4 digits
    ["13.62", M.notInteger],
    ["1.188.82", M.notInteger],
    ["13..624", M.notInteger],
    ["1.188,5", M.notInteger],
    ["abc", M.notANumber],
    ["13a", M.notANumber],
    ["1e5", M.notANumber],
    ["53,1%", M.notANumber],
    ["13.624 người", M.notANumber],
    ["+5", M.notANumber],
    ["-abc", M.notANumber],
    ["99.999.999.999.999.999", M.tooLargeInput],
    ["100000000000000000000", M.tooLargeInput],
  ];
  for (const [input, message] of bad) {
    it(`${JSON.stringify(input)} → "${message}"`, () => {
      expect(parseVnInteger(input)).toEqual({ ok: false, message });
    });
  }
  it("messages are the Vietnamese ones of the brief", () => {
    expect(M.negative).toBe("Số liệu không được âm.");
    expect(M.notInteger).toBe("Nhập số nguyên, dấu chấm ngăn cách hàng nghìn, ví dụ 13.624.");
  });
});

// ---------------------------------------------------------------------------------------------
// figuresSchema

describe("figuresSchema", () => {
  // prettier-ignore
  const valid: [string, unknown][] = [
    ["empty object", {}],
    ["seed 000 figures", { labourForce: 17_934, bhxhCompulsory: 8_561, bhxhVoluntary: 961, bhxhVoluntaryInformal: 961, bhtn: 7_915 }],
    ["nulls (not entered)", { labourForce: null, amountDue: null }],
    ["zeros", { latePayments: 0, bhyt: 0 }],
    ["people at the limit", { population: MAX_PEOPLE }],
    ["large money", { amountDue: 9_000_000_000_000_000 }],
    ["all 12 keys", Object.fromEntries(METRIC_KEYS.map((k) => [k, 1]))],
  ];
  for (const [what, input] of valid) {
    it(`accepts ${what}`, () => expect(figuresSchema.safeParse(input).success).toBe(true));
  }

  // prettier-ignore
  const invalid: [string, unknown, (string | number)[], string][] = [
    ["unknown key",           { labourForce: 1, labour: 2 },          [],                 M.unknownKeys(["labour"])],
    ["negative",              { bhtn: -1 },                           ["bhtn"],           "Số người tham gia BHTN: không được âm."],
    ["fraction",              { bhxhCompulsory: 8561.5 },             ["bhxhCompulsory"], "Số người tham gia BHXH bắt buộc: phải là số nguyên."],
    ["too many people",       { labourForce: MAX_PEOPLE + 1 },        ["labourForce"],    "Lực lượng lao động trong độ tuổi: không được vượt quá 150.000.000 người."],
    ["money beyond 10^16",    { amountDue: 2e16 },                    ["amountDue"],      "Số phải thu: không được vượt quá 10.000.000.000.000.000 đồng."],
    ["money not exact in JSON", { amountDue: 9_500_000_000_000_000 }, ["amountDue"],      M.unsafe("amountDue")],
    ["Vietnamese string",     { bhxhCompulsory: "13.624" },           ["bhxhCompulsory"], M.wrongType("bhxhCompulsory", "13.624")],
    ["numeric string",        { bhxhCompulsory: "13624" },            ["bhxhCompulsory"], M.wrongType("bhxhCompulsory", "13624")],
    ["boolean",               { bhyt: true },                         ["bhyt"],           "Số người tham gia BHYT: phải là số hoặc null."],
    ["informal label in msg", { bhxhVoluntaryInformal: -3 },          ["bhxhVoluntaryInformal"], "Nông dân, lao động khu vực phi chính thức: không được âm."],
    ["not an object",         [1, 2],                                 [],                 M.notObject],
    ["null",                  null,                                   [],                 M.notObject],
  ];
  for (const [what, input, path, message] of invalid) {
    it(`rejects ${what}`, () => {
      const r = figuresSchema.safeParse(input);
      expect(r.success).toBe(false);
      const issue = r.error!.issues.find((i) => i.message === message);
      expect(issue, JSON.stringify(r.error!.issues)).toBeDefined();
      expect(issue!.path).toEqual(path);
    });
  }

  it("the unknown-key message names the key and lists the accepted ones", () => {
    expect(M.unknownKeys(["labour"])).toMatch(/^Trường không hợp lệ: labour\. Chỉ chấp nhận: labourForce, population/);
  });
  it("string values explain the JSON API wants numbers", () => {
    expect(M.wrongType("bhxhCompulsory", "13.624")).toBe('Số người tham gia BHXH bắt buộc: phải là số, không phải chuỗi (ví dụ 13624, không phải "13.624").');
  });
});

// ---------------------------------------------------------------------------------------------
// checkFigures

const seed000: Figures = {
  labourForce: 17_934,
  bhxhCompulsory: 8_561,
  bhxhVoluntary: 961,
  bhxhVoluntaryInformal: 961,
  bhtn: 7_915,
};

const pick = (issues: Issue[]) => issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));

describe("checkFigures", () => {
  interface Case {
    what: string;
    figures: Figures;
    previous?: Figures | null;
    errors?: Issue[];
    warnings?: Issue[];
  }
  // prettier-ignore
  const cases: Case[] = [
    { what: "seed 000 figures are clean", figures: seed000 },
    { what: "nothing entered is clean", figures: {} },
    { what: "informal = voluntary is fine", figures: { bhxhVoluntary: 961, bhxhVoluntaryInformal: 961 } },
    {
      what: "informal > voluntary is an error",
      figures: { bhxhVoluntary: 961, bhxhVoluntaryInformal: 1_000 },
      errors: [{ path: "bhxhVoluntaryInformal", code: "informal_gt_voluntary",
        message: "Số nông dân, lao động phi chính thức (1.000) không được lớn hơn số người tham gia BHXH tự nguyện (961)." }],
    },
    {
      what: "BHTN > compulsory is an error",
      figures: { bhxhCompulsory: 7_915, bhtn: 8_561 },
      errors: [{ path: "bhtn", code: "bhtn_gt_compulsory",
        message: "Số người tham gia BHTN (8.561) không được lớn hơn số người tham gia BHXH bắt buộc (7.915)." }],
    },
    { what: "BHTN = compulsory is fine", figures: { bhxhCompulsory: 7_915, bhtn: 7_915 } },
    {
      what: "late payments > amount due is an error",
      figures: { amountDue: 1_000_000_000, latePayments: 1_200_000_000 },
      errors: [{ path: "latePayments", code: "late_gt_due",
        message: "Số tiền chậm đóng (1.200.000.000 đồng) không được lớn hơn số phải thu (1.000.000.000 đồng)." }],
    },
    { what: "late payments = amount due is allowed", figures: { amountDue: 5, latePayments: 5 } },
    { what: "collected > due is not checked", figures: { amountDue: 5, amountCollected: 50 } },
    {
      what: "participants > labour force is a warning on labourForce",
      figures: { labourForce: 9_000, bhxhCompulsory: 8_561, bhxhVoluntary: 961 },
      warnings: [{ path: "labourForce", code: "participants_gt_labour_force",
        message: "Tổng số người tham gia BHXH bắt buộc và tự nguyện (9.522) lớn hơn lực lượng lao động trong độ tuổi (9.000): vui lòng kiểm tra lại (có thể do lao động nơi khác đến làm việc)." }],
    },
    { what: "participants = labour force is fine", figures: { labourForce: 9_522, bhxhCompulsory: 8_561, bhxhVoluntary: 961 } },
    { what: "participants vs labour force needs all three", figures: { labourForce: 9_000, bhxhCompulsory: 8_561 } },
    {
      what: "BHYT > population is a warning on the BHYT field",
      figures: { population: 30_000, bhyt: 30_500 },
      warnings: [{ path: "bhyt", code: "bhyt_gt_population",
        message: "Số người tham gia BHYT (30.500) lớn hơn dân số (30.000): vui lòng kiểm tra lại." }],
    },
    {
      what: "seed 000 slip: 8.561 after 8.115 is a 5,5% rise, no warning",
      figures: { ...seed000 },
      previous: { ...seed000, bhxhCompulsory: 8_115, bhtn: 7_900 },
    },
    {
      what: "a 25% drop of compulsory participants is a warning",
      figures: { ...seed000, bhxhCompulsory: 6_420, bhtn: 6_420 }, // BHTN 7.915 → 6.420 is −18,9%: no warning
      previous: seed000,
      warnings: [{ path: "bhxhCompulsory", code: "drop_from_previous",
        message: "Giảm 25,0% so với quý trước (8.561 → 6.420): vui lòng kiểm tra lại." }],
    },
    { what: "exactly 20% drop is not a warning", figures: { bhxhCompulsory: 8_000 }, previous: { bhxhCompulsory: 10_000 } },
    { what: "exactly 20% drop (35 → 28) is not a warning", figures: { bhyt: 28 }, previous: { bhyt: 35 } },
    {
      what: "a 20,1% drop is a warning",
      figures: { bhxhCompulsory: 7_990 },
      previous: { bhxhCompulsory: 10_000 },
      warnings: [{ path: "bhxhCompulsory", code: "drop_from_previous",
        message: "Giảm 20,1% so với quý trước (10.000 → 7.990): vui lòng kiểm tra lại." }],
    },
    {
      what: "a 20,04% drop shows enough decimals not to read as 20,0%",
      figures: { amountCollected: 7_996 },
      previous: { amountCollected: 10_000 },
      warnings: [{ path: "amountCollected", code: "drop_from_previous",
        message: "Giảm 20,04% so với quý trước (10.000 → 7.996): vui lòng kiểm tra lại." }],
    },
    {
      what: "money drops warn too, with the amounts",
      figures: { amountDue: 30_000_000_000 },
      previous: { amountDue: 50_000_000_000 },
      warnings: [{ path: "amountDue", code: "drop_from_previous",
        message: "Giảm 40,0% so với quý trước (50.000.000.000 → 30.000.000.000): vui lòng kiểm tra lại." }],
    },
    {
      what: "a drop to zero warns (100%)",
      figures: { bhxhVoluntary: 0 },
      previous: { bhxhVoluntary: 961 },
      warnings: [{ path: "bhxhVoluntary", code: "drop_from_previous",
        message: "Giảm 100,0% so với quý trước (961 → 0): vui lòng kiểm tra lại." }],
    },
    { what: "previous zero: nothing to drop from", figures: { bhtn: 0 }, previous: { bhtn: 0 } },
    { what: "missing now or before: no change check", figures: { bhtn: null, bhyt: 10 }, previous: { bhtn: 100 } },
    { what: "previous null", figures: seed000, previous: null },
    { what: "unchanged is clean", figures: seed000, previous: seed000 },

    // Rises, the same threshold the other way.
    {
      what: "a 25% rise of compulsory participants is a warning",
      figures: { bhxhCompulsory: 10_000 },
      previous: { bhxhCompulsory: 8_000 },
      warnings: [{ path: "bhxhCompulsory", code: "rise_from_previous",
        message: "Tăng 25,0% so với quý trước (8.000 → 10.000): vui lòng kiểm tra lại." }],
    },
    { what: "exactly 20% rise is not a warning", figures: { bhxhCompulsory: 12_000 }, previous: { bhxhCompulsory: 10_000 } },
    { what: "exactly 20% rise (35 → 42) is not a warning", figures: { bhyt: 42 }, previous: { bhyt: 35 } },
    {
      what: "a 20,04% rise shows enough decimals not to read as 20,0%",
      figures: { bhyt: 12_004 },
      previous: { bhyt: 10_000 },
      warnings: [{ path: "bhyt", code: "rise_from_previous",
        message: "Tăng 20,04% so với quý trước (10.000 → 12.004): vui lòng kiểm tra lại." }],
    },
    {
      what: "a tenfold voluntary count: rise of 900,0%",
      figures: { bhxhVoluntary: 9_610, bhxhVoluntaryInformal: 961 },
      previous: { bhxhVoluntary: 961, bhxhVoluntaryInformal: 961 },
      warnings: [{ path: "bhxhVoluntary", code: "rise_from_previous",
        message: "Tăng 900,0% so với quý trước (961 → 9.610): vui lòng kiểm tra lại." }],
    },
    {
      what: "denominators rise-checked too: labour force 17.934 after 13.624",
      figures: { labourForce: 17_934 },
      previous: { labourForce: 13_624 },
      warnings: [{ path: "labourForce", code: "rise_from_previous",
        message: "Tăng 31,6% so với quý trước (13.624 → 17.934): vui lòng kiểm tra lại." }],
    },
    {
      what: "late payments are a stock: a rise warns, in đồng",
      figures: { latePayments: 2_000_000_000 },
      previous: { latePayments: 1_000_000_000 },
      warnings: [{ path: "latePayments", code: "rise_from_previous",
        message: "Tăng 100,0% so với quý trước (1.000.000.000 → 2.000.000.000): vui lòng kiểm tra lại." }],
    },
    {
      what: "year-to-date money grows through the year: no rise warning",
      figures: { amountDue: 100_000_000_000, amountCollected: 95_000_000_000 },
      previous: { amountDue: 50_000_000_000, amountCollected: 48_000_000_000 },
    },
    { what: "a rise from zero has no percentage: no warning", figures: { latePayments: 5_000_000 }, previous: { latePayments: 0 } },
  ];

  for (const c of cases) {
    it(c.what, () => {
      const r = checkFigures(c.figures, c.previous);
      expect(pick(r.errors)).toEqual(c.errors ?? []);
      expect(pick(r.warnings)).toEqual(c.warnings ?? []);
    });
  }

  it("one warning per dropping metric, in metric order, alongside errors", () => {
    const previous: Figures = { labourForce: 20_000, bhxhCompulsory: 10_000, bhxhVoluntary: 1_000, bhtn: 7_000 };
    const figures: Figures = { labourForce: 20_000, bhxhCompulsory: 5_000, bhxhVoluntary: 500, bhtn: 6_000 };
    const r = checkFigures(figures, previous);
    expect(r.errors.map((i) => i.path)).toEqual(["bhtn"]);
    expect(r.warnings.map((i) => i.path)).toEqual(["bhxhCompulsory", "bhxhVoluntary"]);
  });

  it("a rise and a drop of different metrics in one quarter: both, in metric order", () => {
    const r = checkFigures({ labourForce: 20_000, bhxhCompulsory: 5_000, bhyt: 30_000 }, { labourForce: 20_000, bhxhCompulsory: 7_000, bhyt: 20_000 });
    expect(r.warnings.map((i) => [i.path, i.code])).toEqual([
      ["bhxhCompulsory", "drop_from_previous"],
      ["bhyt", "rise_from_previous"],
    ]);
  });

  it("CHANGE_WARNING_THRESHOLD is 20%; a city's threshold is 5–100%", () => {
    expect(CHANGE_WARNING_THRESHOLD).toBe(0.2);
    expect([MIN_CHANGE_PCT, MAX_CHANGE_PCT]).toEqual([5, 100]);
  });
});

// ---------------------------------------------------------------------------------------------
// checkFigures with a city's own threshold (tenant setting plausibility_change_pct, in %)

describe("checkFigures changeThreshold", () => {
  // prettier-ignore
  const cases: [string, number | null | undefined, number, number, string | null][] = [
    // [what, threshold, previous, now, expected message or no warning]
    ["30%: a 25% drop passes",                      0.3,  10_000, 7_500,  null],
    ["30%: a 25% rise passes",                      0.3,  10_000, 12_500, null],
    ["30%: exactly 30% down passes",                0.3,  10_000, 7_000,  null],
    ["30%: exactly 30% up passes",                  0.3,  10_000, 13_000, null],
    ["30%: a 31% drop warns",                       0.3,  10_000, 6_900,  "Giảm 31,0% so với quý trước (10.000 → 6.900): vui lòng kiểm tra lại."],
    ["30%: 30,04% up shows two decimals",           0.3,  10_000, 13_004, "Tăng 30,04% so với quý trước (10.000 → 13.004): vui lòng kiểm tra lại."],
    ["5%: a 6% rise warns",                         0.05, 10_000, 10_600, "Tăng 6,0% so với quý trước (10.000 → 10.600): vui lòng kiểm tra lại."],
    ["5%: exactly 5% down passes",                  0.05, 10_000, 9_500,  null],
    ["100%: a doubling passes",                     1,    10_000, 20_000, null],
    ["100%: 150% up warns",                         1,    10_000, 25_000, "Tăng 150,0% so với quý trước (10.000 → 25.000): vui lòng kiểm tra lại."],
    ["100%: even a drop to zero passes",            1,    10_000, 0,      null],
    ["not given: the default 20%",                  undefined, 10_000, 7_900, "Giảm 21,0% so với quý trước (10.000 → 7.900): vui lòng kiểm tra lại."],
    ["null: the default 20%",                       null, 10_000, 12_100, "Tăng 21,0% so với quý trước (10.000 → 12.100): vui lòng kiểm tra lại."],
    ["0 is no threshold: the default",              0,    10_000, 12_100, "Tăng 21,0% so với quý trước (10.000 → 12.100): vui lòng kiểm tra lại."],
    ["negative: the default",                       -0.5, 10_000, 11_000, null],
    ["NaN: the default",                            Number.NaN, 10_000, 12_100, "Tăng 21,0% so với quý trước (10.000 → 12.100): vui lòng kiểm tra lại."],
  ];
  for (const [what, changeThreshold, before, now, message] of cases) {
    it(what, () => {
      const r = checkFigures({ bhyt: now }, { bhyt: before }, { changeThreshold });
      expect(r.errors).toEqual([]);
      expect(r.warnings.map((i) => i.message)).toEqual(message === null ? [] : [message]);
      if (message) expect(r.warnings[0].code).toBe(now < before ? "drop_from_previous" : "rise_from_previous");
    });
  }

  it("a percent setting divided by 100 compares exactly like the literal (20 → 0.2)", () => {
    for (const pct of [5, 15, 20, 30, 45, 70, 100]) {
      const t = pct / 100;
      const base = 1_000;
      expect(checkFigures({ bhyt: base + pct * 10 }, { bhyt: base }, { changeThreshold: t }).warnings, `${pct}% up`).toEqual([]);
      expect(checkFigures({ bhyt: base + pct * 10 + 1 }, { bhyt: base }, { changeThreshold: t }).warnings, `${pct}% up + 1`).toHaveLength(1);
    }
  });

  it("messages may be swapped", () => {
    const messages = { ...M, rise: () => "up!", drop: () => "down!" };
    expect(checkFigures({ bhyt: 200, bhtn: 1 }, { bhyt: 100, bhtn: 100 }, { messages }).warnings.map((i) => i.message)).toEqual(["down!", "up!"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Labels

describe("labels", () => {
  it("every metric has a Vietnamese and an English label with a unit", () => {
    for (const k of METRIC_KEYS) {
      expect(METRIC_LABELS_VI[k].label.length, k).toBeGreaterThan(0);
      expect(METRIC_LABELS_EN[k].label.length, k).toBeGreaterThan(0);
    }
    const money: MetricKey[] = ["amountDue", "amountCollected", "latePayments"];
    for (const k of METRIC_KEYS) {
      expect(METRIC_LABELS_VI[k].unit).toBe(money.includes(k) ? "đồng" : "người");
      expect(METRIC_LABELS_EN[k].unit).toBe(money.includes(k) ? "VND" : "people");
    }
  });
  it("every indicator has a Vietnamese and an English label", () => {
    for (const k of INDICATOR_KEYS) {
      expect(INDICATOR_LABELS_VI[k].length, k).toBeGreaterThan(0);
      expect(INDICATOR_LABELS_EN[k].length, k).toBeGreaterThan(0);
    }
    expect(INDICATOR_LABELS_VI.bhxhCoverage).toBe("Tỷ lệ tham gia BHXH");
    expect(INDICATOR_LABELS_VI.latePaymentRate).toBe("Tỷ lệ chậm đóng");
    expect(INDICATOR_LABELS_VI.revenueCompletion).toBe("Tỷ lệ hoàn thành kế hoạch thu");
  });
  it("Vietnamese metric labels are those of the domain brief", () => {
    expect(METRIC_LABELS_VI.labourForce.label).toBe("Lực lượng lao động trong độ tuổi");
    expect(METRIC_LABELS_VI.bhxhVoluntaryInformal.label).toBe("Trong đó: nông dân, lao động khu vực phi chính thức");
    expect(METRIC_LABELS_VI.pensionRecipients.label).toBe("Số người hưởng lương hưu, trợ cấp BHXH hằng tháng");
  });
});
