// The Vietnamese sentences of the exported reports (lib/reports/sentences.ts) on hand-made data:
// rising and falling counts, no target, missing figures, zero denominators, the ranking summary and
// the praise / warn / criticise paragraphs. Never "null", "NaN", "undefined" or "Infinity" in a line.
import { formatTargetPercent } from "@/lib/format";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "@/lib/domain/indicators";
import type { Figures } from "@/lib/domain/metrics";
import type { RankingItem, RankingsData, UnrankedItem } from "@/lib/rankings/service";
import {
  contentDisposition,
  countClause,
  describeValue,
  exportFileName,
  exportFileNameVi,
  fmtMoney,
  fmtPercent,
  indicatorLabelVi,
  listParagraphs,
  rankingDetails,
  rankingSentence,
  rateClause,
  resultSections,
  resultSentences,
  type RowLike,
  periodName,
  runningName,
  targetSourcesSentence,
} from "@/lib/reports/sentences";
import { dateLine, placeOf, reportMetaFor } from "@/lib/reports/docx";
import { defaultReportSettings } from "@/lib/reports/document";

const BAD = /null|NaN|undefined|Infinity/;

function row(figures: Figures | null, targets: Record<string, number> = {}): RowLike {
  return {
    figures,
    indicators: computeIndicators(figures ?? {}, { revenuePlan: targets.amountCollected ?? null }),
    targets,
  };
}

const ctx = (now: RowLike, last: RowLike | null = null) => ({ row: now, last, year: 2026 });

describe("numbers", () => {
  it.each([
    [0.531, 1, "53,1%"],
    [0.44, 1, "44,0%"],
    [0.0255, 2, "2,55%"],
    [0.025, 2, "2,5%"],
    [1, 2, "100%"],
    [0.9, 2, "90%"],
  ])("fmtPercent(%s, %s) = %s", (v, d, out) => expect(fmtPercent(v, d)).toBe(out));

  // A target rate reads the same on the web as in Word: "dưới mức trần 2,5%", not "2,50%".
  it.each([
    [0.025, "vi", 2, "2,5%"],
    [0.0255, "vi", 2, "2,55%"],
    [0.02, "vi", 2, "2%"],
    [0.025, "en", 2, "2.5%"],
    [0.45, "vi", 1, "45,0%"],
    [null, "vi", 2, "—"],
  ] as const)("formatTargetPercent(%s, %s, %s) = %s", (v, locale, d, out) => expect(formatTargetPercent(v, locale, d)).toBe(out));
  it("formats a target as fmtPercent does in the reports, for any rate", () => {
    for (let i = 0; i <= 1000; i++) expect(formatTargetPercent(i / 10000, "vi", 2)).toBe(fmtPercent(i / 10000, 2));
  });

  it.each([
    [118_613_697, "118.613.697 đồng"],
    [20_911_979_374_000, "20.912 tỷ đồng"],
    [0, "0 đồng"],
  ])("fmtMoney(%s) = %s", (v, out) => expect(fmtMoney(v)).toBe(out));
});

describe("count sentences", () => {
  it.each<{ name: string; now: Figures | null; last: Figures | null; targets?: Record<string, number>; expected: string }>([
    {
      name: "rising, with a target",
      now: { bhxhCompulsory: 1_187_526 },
      last: { bhxhCompulsory: 1_135_226 },
      targets: { bhxhCompulsory: 1_240_000 },
      expected:
        "Số người tham gia BHXH bắt buộc: 1.187.526 người, đạt 95,8% chỉ tiêu năm 2026 (1.240.000 người), tăng 52.300 người (4,6%) so với cùng kỳ năm 2025",
    },
    {
      name: "falling, with a target",
      now: { bhxhCompulsory: 8_561 },
      last: { bhxhCompulsory: 9_000 },
      targets: { bhxhCompulsory: 13_624 },
      expected: "Số người tham gia BHXH bắt buộc: 8.561 người, đạt 62,8% chỉ tiêu năm 2026 (13.624 người), giảm 439 người (4,9%) so với cùng kỳ năm 2025",
    },
    {
      name: "no target",
      now: { bhxhCompulsory: 8_561 },
      last: { bhxhCompulsory: 8_115 },
      expected: "Số người tham gia BHXH bắt buộc: 8.561 người, chưa có chỉ tiêu năm 2026, tăng 446 người (5,5%) so với cùng kỳ năm 2025",
    },
    {
      name: "no figure this year",
      now: { bhxhCompulsory: null },
      last: { bhxhCompulsory: 8_115 },
      targets: { bhxhCompulsory: 13_624 },
      expected: "Số người tham gia BHXH bắt buộc: chưa có số liệu",
    },
    {
      name: "no row at all",
      now: null,
      last: null,
      expected: "Số người tham gia BHXH bắt buộc: chưa có số liệu",
    },
    {
      name: "no figure last year",
      now: { bhxhCompulsory: 8_561 },
      last: null,
      targets: { bhxhCompulsory: 8_000 },
      expected: "Số người tham gia BHXH bắt buộc: 8.561 người, đạt 107,0% chỉ tiêu năm 2026 (8.000 người)",
    },
    {
      name: "zero last year (no percentage of a zero)",
      now: { bhxhCompulsory: 500 },
      last: { bhxhCompulsory: 0 },
      expected: "Số người tham gia BHXH bắt buộc: 500 người, chưa có chỉ tiêu năm 2026, tăng 500 người so với cùng kỳ năm 2025",
    },
    {
      name: "unchanged",
      now: { bhxhCompulsory: 500 },
      last: { bhxhCompulsory: 500 },
      expected: "Số người tham gia BHXH bắt buộc: 500 người, chưa có chỉ tiêu năm 2026, bằng cùng kỳ năm 2025",
    },
    {
      name: "a zero target (no attainment)",
      now: { bhxhCompulsory: 500 },
      last: null,
      targets: { bhxhCompulsory: 0 },
      expected: "Số người tham gia BHXH bắt buộc: 500 người, chỉ tiêu năm 2026: 0 người",
    },
  ])("$name", ({ now, last, targets, expected }) => {
    const out = countClause(ctx(row(now, targets), last ? row(last) : null), "bhxhCompulsory");
    expect(out).toBe(expected);
    expect(out).not.toMatch(BAD);
  });

  it("a metric without targets does not say 'chưa có chỉ tiêu'", () => {
    const out = countClause(ctx(row({ pensionRecipients: 892 })), "pensionRecipients", { targetable: false });
    expect(out).toBe("Số người hưởng lương hưu, trợ cấp BHXH hằng tháng: 892 người");
  });
});

describe("rate sentences", () => {
  // Seed 000 §7: labour force 17.934, compulsory 8.561, voluntary 961 (informal 961), BHTN 7.915.
  const seed000: Figures = { labourForce: 17_934, bhxhCompulsory: 8_561, bhxhVoluntary: 961, bhxhVoluntaryInformal: 961, bhtn: 7_915 };
  const label = "Tỷ lệ người lao động tham gia BHXH (bắt buộc và tự nguyện) so với lực lượng lao động trong độ tuổi";

  it.each<{ name: string; now: Figures; last?: Figures; targets?: Record<string, number>; expected: string }>([
    {
      name: "seed 000 with a 43% target",
      now: seed000,
      targets: { bhxhCoverage: 0.43 },
      expected: `${label}: 53,1% (chỉ tiêu năm 43,0%, đạt 123,5% chỉ tiêu)`,
    },
    {
      name: "with last year",
      now: seed000,
      last: { ...seed000, bhxhCompulsory: 7_000, bhxhVoluntary: 900 },
      targets: { bhxhCoverage: 0.55 },
      expected: `${label}: 53,1% (chỉ tiêu năm 55,0%, đạt 96,5% chỉ tiêu); cùng kỳ năm 2025: 44,1%, tăng 9,0 điểm phần trăm so với cùng kỳ`,
    },
    { name: "no target", now: seed000, expected: `${label}: 53,1% (chưa có chỉ tiêu)` },
    {
      name: "zero labour force",
      now: { ...seed000, labourForce: 0 },
      targets: { bhxhCoverage: 0.43 },
      expected: `${label}: chưa tính được (lực lượng lao động trong độ tuổi bằng 0)`,
    },
    {
      name: "no labour force",
      now: { ...seed000, labourForce: null },
      expected: `${label}: chưa tính được (chưa có số liệu lực lượng lao động trong độ tuổi)`,
    },
    { name: "half the participants", now: { ...seed000, bhxhVoluntary: null }, expected: `${label}: chưa đủ số liệu để tính` },
  ])("$name", ({ now, last, targets, expected }) => {
    const out = rateClause(ctx(row(now, targets), last ? row(last) : null), "bhxhCoverage", label);
    expect(out).toBe(expected);
    expect(out).not.toMatch(BAD);
  });

  it.each([
    [0.03, "Tỷ lệ chậm đóng: 3% (chỉ tiêu: dưới 2,55%; chưa đạt chỉ tiêu)"],
    [0.02, "Tỷ lệ chậm đóng: 2% (chỉ tiêu: dưới 2,55%; đạt chỉ tiêu)"],
  ])("a rate that should stay low: %s", (rate, expected) => {
    const out = rateClause(
      ctx(row({ amountDue: 1_000_000_000, latePayments: rate * 1_000_000_000 }, { latePaymentRate: 0.0255 })),
      "latePaymentRate",
      "Tỷ lệ chậm đóng",
    );
    expect(out).toBe(expected);
  });
});

describe("the results section", () => {
  const now: Figures = {
    labourForce: 2_734_334,
    population: 4_727_101,
    retirementAgePopulation: 679_335,
    bhxhCompulsory: 1_187_526,
    bhxhVoluntary: 168_798,
    bhxhVoluntaryInformal: 155_639,
    bhtn: 1_089_470,
    bhyt: 4_480_637,
    pensionRecipients: 316_803,
    amountDue: 20_911_979_374_000,
    amountCollected: 20_499_827_416_000,
    latePayments: 195_275_773_000,
  };
  const last: Figures = {
    ...now,
    labourForce: 2_714_722,
    population: 4_695_459,
    bhxhCompulsory: 1_107_683,
    bhxhVoluntary: 148_804,
    bhyt: 4_375_754,
    amountDue: 19_612_646_830_000,
    latePayments: 165_640_625_000,
  };
  const targets = {
    bhxhCompulsory: 1_241_131,
    bhxhVoluntary: 171_095,
    bhtn: 1_143_786,
    bhyt: 4_552_273,
    bhxhCoverage: 0.515,
    latePaymentRate: 0.025,
    amountCollected: 29_988_260_000_000,
  };

  it("writes every group, in the seeds' words", () => {
    const sections = resultSections(row(now, targets), row(last), 2026, 3);
    expect(sections.map((s) => s.heading.slice(0, 2))).toEqual(["a)", "b)", "c)", "d)", "đ)"]);
    const lines = sections.flatMap((s) => s.lines);
    expect(lines).toContain(
      "Số người tham gia BHXH bắt buộc: 1.187.526 người, đạt 95,7% chỉ tiêu năm 2026 (1.241.131 người), tăng 79.843 người (7,2%) so với cùng kỳ năm 2025.",
    );
    expect(lines).toContain(
      "Số người tham gia BHXH tự nguyện: 168.798 người, đạt 98,7% chỉ tiêu năm 2026 (171.095 người), tăng 19.994 người (13,4%) so với cùng kỳ năm 2025; trong đó: nông dân và lao động khu vực phi chính thức: 155.639 người.",
    );
    expect(lines).toContain("Lực lượng lao động trong độ tuổi: 2.734.334 người.");
    expect(lines).toContain(
      "Tỷ lệ người lao động tham gia BHXH (bắt buộc và tự nguyện) so với lực lượng lao động trong độ tuổi: 49,6% (chỉ tiêu năm 51,5%, đạt 96,3% chỉ tiêu); cùng kỳ năm 2025: 46,3%, tăng 3,3 điểm phần trăm so với cùng kỳ.",
    );
    expect(lines).toContain(
      // The BHYT target is a count (4.552.273 people), said on the count's line: not "no target" for the rate.
      "Tỷ lệ dân số tham gia BHYT (dân số 4.727.101 người): 94,8% (chỉ tiêu giao theo số người tham gia, không theo tỷ lệ); cùng kỳ năm 2025: 93,2%, tăng 1,6 điểm phần trăm so với cùng kỳ.",
    );
    expect(lines).toContain("Số phải thu: 20.912 tỷ đồng.");
    expect(lines).toContain("Số đã thu: 20.499,8 tỷ đồng, đạt 68,4% kế hoạch năm 2026 (29.988,3 tỷ đồng), bằng 98,0% số phải thu.");
    expect(lines).toContain("Số tiền chậm đóng: 195,3 tỷ đồng (0,93% số phải thu; chỉ tiêu: dưới 2,5%, đạt chỉ tiêu); cùng kỳ năm 2025: 0,84%.");
    for (const l of lines) expect(l).not.toMatch(BAD);
  });

  it("never compares a sum over part of the units with a target or last year (counts and money); rates stay", () => {
    const partial = { ...row(now, targets), reported: 86, total: 114 };
    const lines = resultSections(partial, row(last), 2026, 3).flatMap((s) => s.lines);
    expect(lines).toContain("Số người tham gia BHXH bắt buộc: 1.187.526 người (tổng của các đơn vị đã báo cáo).");
    expect(lines.some((l) => /^Số đã thu: 20\.499,8 tỷ đồng, bằng 98,0% số phải thu\.$/.test(l))).toBe(true);
    expect(lines.join(" ")).not.toMatch(/Số người[^.]*so với cùng kỳ/);
    expect(lines.join(" ")).toMatch(/Tỷ lệ người lao động tham gia BHXH[^.]*49,6%/);
  });

  it("missing figures and zero denominators leave parts out", () => {
    const sparse: Figures = { bhxhCompulsory: 100, labourForce: 0, population: 0, amountDue: 0, amountCollected: 0, latePayments: 0 };
    const lines = resultSentences(row(sparse), null, 2026, 3);
    expect(lines).toContain("Số người tham gia BHXH bắt buộc: 100 người, chưa có chỉ tiêu năm 2026.");
    expect(lines).toContain("Số người tham gia BHXH tự nguyện: chưa có số liệu.");
    expect(lines).toContain(
      "Tỷ lệ người lao động tham gia BHXH (bắt buộc và tự nguyện) so với lực lượng lao động trong độ tuổi: chưa tính được (lực lượng lao động trong độ tuổi bằng 0).",
    );
    expect(lines).toContain("Tỷ lệ dân số tham gia BHYT: chưa tính được (dân số bằng 0).");
    expect(lines).toContain("Số đã thu: 0 đồng, chưa có kế hoạch thu năm 2026.");
    expect(lines).toContain("Số tiền chậm đóng: 0 đồng.");
    for (const l of lines) expect(l).not.toMatch(BAD);
  });

  it("a row without figures says so once", () => {
    expect(resultSentences(row(null), null, 2026, 3)).toEqual(["Chưa có số liệu nào được gửi cho 9 tháng đầu năm 2026 (tính đến ngày 30/9/2026)."]);
    expect(resultSentences(row({ bhxhCompulsory: null }), null, 2026, 2)).toEqual([
      "Chưa có số liệu nào được gửi cho 6 tháng đầu năm 2026 (tính đến ngày 30/6/2026).",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Rankings

const none = { value: null, delta: null, trend: "none" as const, good: null };
const TOTALS: RankingsData["totals"] = {
  value: null,
  actual: null,
  target: null,
  expected: null,
  attainment: null,
  yearAttainment: null,
  margin: null,
  status: "none",
  previousQuarter: none,
  lastYear: none,
  reported: 114,
  units: 114,
  partial: false,
  provincesReported: null,
  provinces: null,
};

function item(rank: number, name: string, status: RankingItem["status"], value: number, extra: Partial<RankingItem> = {}): RankingItem {
  return {
    rank,
    unit: { code: `C${rank}`, name, type: extra.unit?.type ?? "XA" },
    value,
    actual: null,
    target: null,
    expected: null,
    attainment: value,
    yearAttainment: null,
    margin: null,
    status,
    previousQuarter: none,
    lastYear: none,
    path: "unknown",
    figuresYear: 2026,
    figuresQuarter: 3,
    reportStatus: "APPROVED",
    partial: null,
    explanation: null,
    ...extra,
  };
}

function ranking(items: RankingItem[], unranked: UnrankedItem[] = [], over: Partial<RankingsData> = {}) {
  return {
    parent: { code: "31", name: "Thành phố Hải Phòng", level: "PROVINCE" },
    year: 2026,
    quarter: 3,
    indicator: { param: "attainment:bhxhCoverage", kind: "attainment" as const, key: "bhxhCoverage", direction: "higher" as const, percent: true },
    items,
    unranked,
    lists: { praise: [], warn: [], criticise: [], lateReporters: [] },
    totals: { ...TOTALS },
    bands: { attained: 1, close: 0.9 },
    ...over,
  } satisfies Partial<RankingsData>;
}

const TYPES = ["XA", "PHUONG", "DAC_KHU"];
function many(counts: { attained?: number; close?: number; behind?: number; none?: number }): RankingItem[] {
  const out: RankingItem[] = [];
  const push = (n: number | undefined, status: RankingItem["status"], v: number) => {
    for (let i = 0; i < (n ?? 0); i++)
      out.push(
        item(out.length + 1, `Xã ${out.length + 1}`, status, v, {
          unit: { code: `C${out.length + 1}`, name: `Xã ${out.length + 1}`, type: TYPES[out.length % 3] },
        }),
      );
  };
  push(counts.attained, "attained", 1.05);
  push(counts.close, "close", 0.95);
  push(counts.behind, "behind", 0.8);
  push(counts.none, "none", 0.5);
  return out;
}
const REASON: Record<string, UnrankedItem["reason"]> = {
  "Chưa báo cáo kỳ này": "not_reported",
  "Chưa có chỉ tiêu để so sánh": "no_target",
  "Chưa đủ số liệu để tính": "no_value",
};
const un = (name: string, reasonText: string, type = "XA"): UnrankedItem => ({
  unit: { code: name, name, type },
  reason: REASON[reasonText],
  reasonText,
  reportStatus: null,
});

describe("rankingSentence", () => {
  it.each<{ name: string; data: ReturnType<typeof ranking>; expected: string }>([
    {
      name: "the usual mix",
      data: ranking(many({ attained: 45, close: 40, behind: 29 }), [
        un("A", "Chưa báo cáo kỳ này"),
        un("B", "Chưa báo cáo kỳ này"),
        un("C", "Chưa báo cáo kỳ này"),
      ]),
      expected: "Trong 117 xã, phường, đặc khu, 45 đơn vị đạt mốc kế hoạch, 40 gần đạt, 29 chưa đạt; 3 đơn vị chưa báo cáo.",
    },
    { name: "all close", data: ranking(many({ close: 5 })), expected: "Trong 5 xã, phường, đặc khu, 5 đơn vị gần đạt mốc kế hoạch." },
    {
      name: "only communes of one type",
      data: ranking([item(1, "Xã A", "behind", 0.5), item(2, "Xã B", "attained", 1.1)]),
      expected: "Trong 2 xã, 1 đơn vị đạt mốc kế hoạch, 1 chưa đạt.",
    },
    {
      name: "some ranked without target, other reasons",
      data: ranking(many({ attained: 2, none: 1 }), [un("A", "Chưa có chỉ tiêu để so sánh"), un("B", "Chưa đủ số liệu để tính")]),
      expected:
        "Trong 5 xã, phường, đặc khu, 2 đơn vị đạt mốc kế hoạch, 1 chưa có chỉ tiêu; 1 đơn vị chưa có chỉ tiêu để so sánh, 1 đơn vị chưa đủ số liệu để tính.",
    },
    {
      name: "ranked by a rate without targets",
      data: ranking(many({ none: 4 })),
      expected: "Trong 4 xã, phường, đặc khu, 4 đơn vị được xếp hạng (chưa có chỉ tiêu để đánh giá đạt hay chưa đạt).",
    },
    {
      name: "the nation",
      data: ranking(
        [item(1, "Thành phố Huế", "close", 0.99, { unit: { code: "46", name: "Thành phố Huế", type: "THANH_PHO_TRUNG_UONG" } })],
        [un("Tỉnh Nghệ An", "Chưa báo cáo kỳ này", "TINH"), un("Thành phố Hà Nội", "Chưa báo cáo kỳ này", "THANH_PHO_TRUNG_UONG")],
        { parent: { code: "VN", name: "Việt Nam", level: "NATION" } },
      ),
      expected: "Trong 3 tỉnh, thành phố, 1 đơn vị gần đạt mốc kế hoạch; 2 đơn vị chưa báo cáo.",
    },
    { name: "nobody has figures", data: ranking([], [un("A", "Chưa báo cáo kỳ này")]), expected: "Trong 1 xã: 1 đơn vị chưa báo cáo." },
    { name: "no units", data: ranking([]), expected: "Chưa có đơn vị nào để xếp hạng." },
  ])("$name", ({ data, expected }) => {
    expect(rankingSentence(data)).toBe(expected);
  });
});

describe("values, details and lists", () => {
  const att = ranking([]).indicator;

  it.each<{ name: string; choice: Parameters<typeof describeValue>[1]; it: Parameters<typeof describeValue>[0]; expected: string }>([
    {
      name: "attainment of a rate, with the year's",
      choice: att,
      it: { value: 0.995, actual: 0.5524, target: 0.555, attainment: 0.995, yearAttainment: 0.9953, figuresQuarter: 3 },
      expected: "55,2%, đạt 99,5% mốc kế hoạch quý 3, bằng 99,5% chỉ tiêu năm",
    },
    { name: "attainment without actual", choice: att, it: { value: 0.995, actual: null, target: null, attainment: 0.995 }, expected: "đạt 99,5% mốc kế hoạch" },
    {
      name: "attainment of a count",
      choice: { kind: "attainment", key: "bhxhCompulsory" },
      it: { value: 0.628, actual: 8561, target: 13624, attainment: 0.628, figuresQuarter: 3 },
      expected: "8.561 người, đạt 62,8% mốc kế hoạch quý 3",
    },
    {
      name: "a ceiling: its margin, never an attainment",
      choice: { kind: "attainment", key: "latePaymentRate" },
      it: { value: 0.012, actual: 0.012, target: 0.0255, attainment: null, margin: 0.0135 },
      expected: "1,2%, dưới mức 2,55% (còn 1,4 điểm phần trăm)",
    },
    {
      name: "a ceiling exceeded",
      choice: { kind: "attainment", key: "latePaymentRate" },
      it: { value: 0.031, actual: 0.031, target: 0.025, attainment: null, margin: -0.006 },
      expected: "3,1%, vượt mức 2,5% 0,60 điểm phần trăm",
    },
    {
      name: "a rate with target",
      choice: { kind: "indicator", key: "bhtnCoverage" },
      it: { value: 0.44, actual: 0.44, target: 0.4, attainment: 1.1 },
      expected: "44,0%, chỉ tiêu năm 40,0%",
    },
    {
      name: "a count without target",
      choice: { kind: "metric", key: "bhxhVoluntary" },
      it: { value: 961, actual: 961, target: null, attainment: null },
      expected: "961 người",
    },
    {
      name: "money",
      choice: { kind: "metric", key: "amountCollected" },
      it: { value: 2_500_000_000, actual: null, target: null, attainment: null },
      expected: "2,5 tỷ đồng",
    },
    {
      name: "composite",
      choice: { kind: "composite", key: null },
      it: { value: 1.064, actual: null, target: null, attainment: 1.064 },
      expected: "điểm tổng hợp 106,4%",
    },
    { name: "nothing", choice: { kind: "indicator", key: "bhtnCoverage" }, it: { value: NaN, actual: null, target: null, attainment: null }, expected: "" },
  ])("describeValue: $name", ({ choice, it: i, expected }) => {
    expect(describeValue(i, choice)).toBe(expected);
  });

  it("labels what is ranked", () => {
    expect(indicatorLabelVi({ kind: "attainment", key: "bhxhCoverage" })).toBe("Hoàn thành chỉ tiêu tỷ lệ tham gia BHXH");
    expect(indicatorLabelVi({ kind: "indicator", key: "bhytCoverage" })).toBe("Tỷ lệ bao phủ BHYT");
    expect(indicatorLabelVi({ kind: "metric", key: "bhxhVoluntaryInformal" })).toBe("Nông dân, lao động khu vực phi chính thức");
    expect(indicatorLabelVi({ kind: "composite", key: null })).toBe("Điểm tổng hợp nhiều chỉ tiêu");
  });

  const expl = (reason: string, actions: string) => ({
    key: "bhxhCoverage",
    reason,
    actions,
    author: "Cán bộ xã",
    updatedAt: "2026-10-10T00:00:00Z",
    version: 1,
  });
  const items = [
    item(1, "Phường Tứ Minh", "attained", 1.02, { actual: 0.56, target: 0.55 }),
    item(2, "Xã Thanh Hà", "close", 0.95, { actual: 0.33, target: 0.35 }),
    item(3, "Xã Phú Thái", "close", 0.94, { actual: 0.43, target: 0.46, explanation: expl("Nhiều doanh nghiệp   tạm dừng hoạt động", "Rà soát danh sách") }),
    item(4, "Xã Tiên Minh", "behind", 0.85, { actual: 0.29, target: 0.34, explanation: expl("Lao động đi làm xa.", "") }),
    item(5, "Xã Kim Thành", "behind", 0.8, { actual: 0.4, target: 0.5 }),
  ];
  const data = ranking(items, [], {
    lists: { praise: ["C1", "C2"], warn: ["C3"], criticise: ["C4", "C5"], lateReporters: [] },
    totals: { ...TOTALS, value: 0.963, actual: 0.496, target: 0.515, attainment: 0.963, status: "close" },
  });

  it("names praised, warned and criticised units with their figures and explanations", () => {
    const [praise, warn, crit] = listParagraphs(data);
    expect(praise).toEqual({
      kind: "praise",
      title: "Biểu dương",
      text: "Biểu dương 2 đơn vị đạt mốc kế hoạch, có kết quả cao nhất: phường Tứ Minh (56,0%, đạt 102,0% mốc kế hoạch quý 3); xã Thanh Hà (33,0%, đạt 95,0% mốc kế hoạch quý 3).",
      details: [],
    });
    expect(warn.text).toBe("Nhắc nhở 1 đơn vị gần đạt hoặc chưa đạt mốc kế hoạch, có nguy cơ bị phê bình: xã Phú Thái (43,0%, đạt 94,0% mốc kế hoạch quý 3).");
    expect(warn.details).toEqual(["Xã Phú Thái giải trình: Nhiều doanh nghiệp tạm dừng hoạt động. Giải pháp: Rà soát danh sách."]);
    expect(crit.text).toBe(
      "Phê bình 2 đơn vị chưa đạt mốc kế hoạch, có kết quả thấp nhất, yêu cầu giải trình nguyên nhân và giải pháp khắc phục: xã Tiên Minh (29,0%, đạt 85,0% mốc kế hoạch quý 3); xã Kim Thành (40,0%, đạt 80,0% mốc kế hoạch quý 3).",
    );
    expect(crit.details).toEqual(["Xã Tiên Minh giải trình: Lao động đi làm xa.", "Chưa gửi giải trình: xã Kim Thành."]);
  });

  it("drops control characters from typed explanations (XML 1.0 refuses them)", () => {
    const odd = ranking([item(1, "Xã X", "behind", 0.5, { explanation: expl("Lý do\u0007 một\u0000", "Bước\u001F hai") })], [], {
      lists: { praise: [], warn: [], criticise: ["C1"], lateReporters: [] },
    });
    expect(listParagraphs(odd)[0].details).toEqual(["Xã X giải trình: Lý do một. Giải pháp: Bước hai."]);
  });

  it("lists the units that did not report on time", () => {
    const late = listParagraphs({
      ...data,
      lists: { praise: [], warn: [], criticise: [], lateReporters: ["A", "B"] },
      lateReporters: [
        { unit: { code: "A", name: "Xã A", type: "XA" }, timeliness: "overdue", submittedAt: null },
        { unit: { code: "B", name: "Phường B", type: "PHUONG" }, timeliness: "late", submittedAt: "2026-10-09T02:00:00Z" },
      ],
    });
    expect(late).toEqual([
      {
        kind: "late",
        title: "Chậm báo cáo",
        text: "2 đơn vị không gửi báo cáo đúng thời hạn (chưa gửi báo cáo: xã A; gửi sau thời hạn: phường B).",
        details: [],
      },
    ]);
  });

  it("leaves empty lists out", () => {
    const only = listParagraphs({ ...data, lists: { praise: [], warn: [], criticise: ["C5"], lateReporters: [] } });
    expect(only.map((l) => l.kind)).toEqual(["criticise"]);
    expect(listParagraphs({ ...data, lists: { praise: [], warn: [], criticise: [], lateReporters: [] } })).toEqual([]);
  });

  it("sums up the totals, the first and the last", () => {
    expect(rankingDetails(data)).toEqual([
      "Tính chung toàn Thành phố Hải Phòng: 49,6%, đạt 96,3% mốc kế hoạch quý 3.",
      "Đơn vị có kết quả cao nhất: phường Tứ Minh (56,0%, đạt 102,0% mốc kế hoạch quý 3); thấp nhất: xã Kim Thành (40,0%, đạt 80,0% mốc kế hoạch quý 3).",
    ]);
    // A total over part of the communes is labelled so, never "toàn …" or "cả nước".
    const partial = { ...data, totals: { ...data.totals, reported: 86, units: 114, partial: true } };
    expect(rankingDetails(partial)[0]).toBe("Tổng của 86/114 xã, phường, đặc khu đã báo cáo: 49,6%, đạt 96,3% mốc kế hoạch quý 3.");
    const nation = { ...partial, parent: { code: "VN", name: "Việt Nam", level: "NATION" } };
    expect(rankingDetails(nation)[0]).not.toMatch(/cả nước/i);
    expect(rankingDetails(ranking([]))).toEqual([]);
  });
});

describe("file names", () => {
  const d = { parent: { code: "31", name: "Thành phố Hải Phòng", level: "PROVINCE" }, year: 2026, quarter: 3 };
  it("are ASCII with a UTF-8 variant", () => {
    expect(exportFileName(d, "xlsx")).toBe("xep-hang-31-2026-Q3.xlsx");
    expect(exportFileName(d, "docx")).toBe("bao-cao-xep-hang-31-2026-Q3.docx");
    expect(exportFileNameVi(d, "xlsx")).toBe("Xếp hạng Thành phố Hải Phòng quý 3-2026.xlsx");
    const cd = contentDisposition(exportFileName(d, "xlsx"), exportFileNameVi(d, "xlsx"));
    expect(cd).toBe(`attachment; filename="xep-hang-31-2026-Q3.xlsx"; filename*=UTF-8''${encodeURIComponent("Xếp hạng Thành phố Hải Phòng quý 3-2026.xlsx")}`);
    expect(cd).toMatch(/^[\x20-\x7e]+$/);
    expect(contentDisposition('a"b\\ć.xlsx', "x")).toBe(`attachment; filename="a_b__.xlsx"; filename*=UTF-8''x`);
  });
});

describe("who issues the report", () => {
  it.each([
    ["Thành phố Hải Phòng", "Hải Phòng"],
    ["Thành phố Huế", "Huế"],
    ["Tỉnh Nghệ An", "Nghệ An"],
    ["Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"],
  ])("placeOf(%s) = %s", (name, place) => expect(placeOf(name)).toBe(place));

  it("issues a province's report from its people's committee written in full, the nation's from BHXH Việt Nam", () => {
    expect(reportMetaFor({ code: "31", name: "Thành phố Hải Phòng", level: "PROVINCE" })).toMatchObject({
      parentBody: "",
      issuer: ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"],
      place: "Hải Phòng",
      authority: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"],
      signerTitle: "PHÓ CHỦ TỊCH",
      symbol: "BC-UBND",
    });
    expect(reportMetaFor({ code: "31", name: "Thành phố Hải Phòng", level: "PROVINCE" }).addressee).not.toContain("Bảo hiểm xã hội Việt Nam");
    expect(reportMetaFor({ code: "40", name: "Tỉnh Nghệ An", level: "PROVINCE" }).issuer).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"]);
    expect(reportMetaFor({ code: "VN", name: "Việt Nam", level: "NATION" })).toMatchObject({
      parentBody: "BỘ TÀI CHÍNH",
      issuer: ["BẢO HIỂM XÃ HỘI VIỆT NAM"],
      place: "Hà Nội",
      symbol: "BC-BHXH",
    });
    const commune = defaultReportSettings({ level: "COMMUNE", name: "Xã Kim Thành" }, { name: "Thành phố Hải Phòng" });
    expect(commune).toMatchObject({
      parentBody: "UBND THÀNH PHỐ HẢI PHÒNG",
      issuer: ["ỦY BAN NHÂN DÂN", "XÃ KIM THÀNH"],
      place: "Kim Thành",
      addressee: ["Ủy ban nhân dân thành phố Hải Phòng"],
    });
    expect(commune.copyTo).toContain("Sở Nội vụ thành phố Hải Phòng;");
    expect(commune.copyTo.at(-1)).toMatch(/^Lưu: VT, /);
  });

  it.each([
    ["Xã Kim Thành", "xã Kim Thành"],
    ["Thành phố Hải Phòng", "thành phố Hải Phòng"],
    ["Phường Đông Hải", "phường Đông Hải"],
    ["Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"],
    ["Phường 1", "Phường 1"],
    ["Đặc khu Cát Hải", "đặc khu Cát Hải"],
  ])("runningName(%s) = %s", (name, running) => expect(runningName(name)).toBe(running));

  it.each([
    [1, "quý I năm 2026"],
    [2, "6 tháng đầu năm 2026"],
    [3, "9 tháng đầu năm 2026"],
    [4, "năm 2026"],
  ])("periodName(2026, %i) = %s", (q, name) => expect(periodName(2026, q)).toBe(name));

  it("writes the date line with leading zeros for days under 10 and months 1–2", () => {
    expect(dateLine("Kim Thành", "2026-12-01T03:00:00Z")).toBe("Kim Thành, ngày 01 tháng 12 năm 2026");
    expect(dateLine("Hải Phòng", "2026-02-05T03:00:00Z")).toBe("Hải Phòng, ngày 05 tháng 02 năm 2026");
    expect(dateLine("Huế", "2026-10-15T20:00:00Z")).toBe("Huế, ngày 16 tháng 10 năm 2026"); // Vietnam time
  });
});

describe("target sources: each document with the units it covers", () => {
  const hp = { name: "Thành phố Hải Phòng", level: "PROVINCE" };
  const many = Array.from({ length: 113 }, (_, i) => `Xã ${i + 1}`);
  it.each<[string, Parameters<typeof targetSourcesSentence>[2], string | null]>([
    ["nothing recorded", [], null],
    ["only targets without a source", [{ source: null, parent: true, children: many }], null],
    [
      "one commune's plan and the city's document",
      [
        { source: "KH 12/KH-UBND", parent: false, children: ["Xã Kim Thành"] },
        { source: "QĐ 45/QĐ-UBND", parent: true, children: many },
      ],
      "Chỉ tiêu năm 2026 theo: «KH 12/KH-UBND» (Xã Kim Thành); «QĐ 45/QĐ-UBND» (Thành phố Hải Phòng và 113 xã, phường, đặc khu).",
    ],
    [
      "a few units by name, the rest without a source",
      [
        { source: "KH 149/KH-UBND", parent: true, children: ["Xã A", "Xã B"] },
        { source: null, parent: false, children: many.slice(0, 5) },
      ],
      "Chỉ tiêu năm 2026 theo: «KH 149/KH-UBND» (Thành phố Hải Phòng, Xã A, Xã B); chưa ghi nguồn: 5 xã, phường, đặc khu.",
    ],
  ])("%s", (_name, sources, expected) => {
    expect(targetSourcesSentence(2026, hp, sources)).toBe(expected);
  });

  it("the nation's children are provinces; counts are written the Vietnamese way", () => {
    const provinces = Array.from({ length: 1200 }, (_, i) => `Tỉnh ${i}`);
    expect(targetSourcesSentence(2026, { name: "Việt Nam", level: "NATION" }, [{ source: "NQ 403/NQ-CP", parent: true, children: provinces }])).toBe(
      "Chỉ tiêu năm 2026 theo: «NQ 403/NQ-CP» (Việt Nam và 1.200 tỉnh, thành phố).",
    );
  });
});
