import { describe, expect, it } from "vitest";
import { localizeErrorBody, localizeMessage, requestLocale } from "@/lib/i18n/server-messages";
import { MSG, busyError } from "@/lib/figures/errors";
import { PERMISSIONS } from "@/lib/auth/permissions";

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;

// Every fixed message of the errors module and of the permission table, with its parameters filled.
const FIXED: string[] = [
  ...Object.values(MSG).map((m) => (typeof m === "function" ? (m as (...a: unknown[]) => string)("10804", 3) : m)),
  MSG.periodNotEnded(2026, 4),
  MSG.futurePeriod(2027, 1),
  MSG.estimateClosed(2026),
  MSG.unitNotFound("99999"),
  ...Object.values(PERMISSIONS).map((p) => p.denied),
];

describe("server messages", () => {
  it.each(FIXED)("«%s» has a code and an English text without Vietnamese", (vi) => {
    const en = localizeMessage(vi, "en");
    expect(en.code).not.toBe("message");
    expect(en.message).not.toMatch(VIETNAMESE);
    expect(localizeMessage(vi, "vi")).toEqual({ code: en.code, message: vi });
  });

  it.each([
    [MSG.unitNotFound("10804"), "No unit has the code «10804»."],
    [MSG.periodNotEnded(2026, 4), "Quarter 4/2026 has not ended (figures as of 31/12/2026): its actual figures cannot be entered, judged or ranked yet."],
    ["Tài khoản của bạn không được duyệt báo cáo của Xã Kim Thành.", "Your account may not approve the report of Xã Kim Thành."],
    ["Không thể trả lại báo cáo của Xã Kim Thành: báo cáo đang ở trạng thái «đã duyệt».", "Cannot return the report of Xã Kim Thành: it is «approved»."],
    // A figure's label inside a message is the English label too (a 409's "stored meanwhile" issues).
    [
      MSG.storedMeanwhile("Số người tham gia BHXH bắt buộc", "1.200", "1.250"),
      "Compulsory social insurance participants: now saved 1,200 (you entered 1,250).",
    ],
    ["Tháng 3, «Số người tham gia BHXH tự nguyện»: không được âm.", "Month 3, «Voluntary social insurance participants»: cannot be negative."],
  ])("carries the parameters over: %s", (vi, en) => {
    expect(localizeMessage(vi, "en").message).toBe(en);
  });

  it("keeps an unknown message as it is, with the generic code", () => {
    expect(localizeMessage("Một thông báo mới.", "en")).toEqual({ code: "message", message: "Một thông báo mới." });
  });

  it("translates the issues of an error body too", () => {
    const body = localizeErrorBody({ error: MSG.invalid, issues: [{ path: "figures.x", message: MSG.required }] }, "en");
    expect(body).toEqual({
      error: "The data sent is not valid.",
      code: "invalid",
      issues: [{ path: "figures.x", message: "This figure has not been entered." }],
    });
  });

  const h = (o: Record<string, string>) => ({ get: (k: string) => o[k] ?? null });
  it.each([
    [{}, "vi"],
    [{ "accept-language": "en-GB,en;q=0.9" }, "en"],
    [{ "accept-language": "fr-FR, en;q=0.5, vi;q=0.8" }, "vi"],
    [{ "accept-language": "fr, de" }, "vi"],
    [{ "accept-language": "en;q=0" }, "vi"],
    [{ cookie: "a=1; NEXT_LOCALE=en", "accept-language": "vi" }, "en"],
    [{ cookie: "NEXT_LOCALE=vi", "accept-language": "en" }, "vi"],
    [{ cookie: "NEXT_LOCALE=xx", "accept-language": "en" }, "en"],
  ] as const)("request language of %o is %s", (headers, locale) => {
    expect(requestLocale(h(headers))).toBe(locale);
  });
});

describe("the figures' checks in English", () => {
  it("the form's messages and the server's repeated ones both read English", async () => {
    const { checkFigures, validationMessages, VALIDATION_MESSAGES_VI } = await import("@/lib/domain/figures-validation");
    const f = {
      labourForce: 100,
      population: 100,
      retirementAgePopulation: 10,
      bhxhCompulsory: 50,
      bhxhVoluntary: 10,
      bhxhVoluntaryInformal: 20,
      bhtn: 60,
      bhyt: 150,
      pensioners: 1,
      amountDue: 10,
      amountCollected: 5,
      latePayments: 20,
    };
    const en = checkFigures(f as never, null, { messages: validationMessages("en") });
    const vi = checkFigures(f as never, null, { messages: VALIDATION_MESSAGES_VI });
    expect([...en.errors, ...en.warnings].length).toBeGreaterThan(2);
    for (const i of [...en.errors, ...en.warnings]) expect(i.message).not.toMatch(VIETNAMESE);
    for (const i of [...vi.errors, ...vi.warnings]) {
      const m = localizeMessage(i.message, "en");
      expect(m.code, i.message).not.toBe("message");
      expect(m.message).not.toMatch(VIETNAMESE);
    }
  });
});

describe("busy, not broken", () => {
  // A pool or transaction timeout, and a deadlock PostgreSQL broke by rolling one save back (P2034):
  // 503 "try again", in the user's language, never a 500.
  it.each(["P2028", "P2024", "P2034"])("%s is a 503 with a message that says nothing was saved", (code) => {
    const e = busyError(Object.assign(new Error("x"), { code }));
    expect(e?.status).toBe(503);
    expect(e?.message).toMatch(/chưa lưu được/);
    expect(localizeMessage(e!.message, "en").code).not.toBe("message");
  });
  it("leaves other errors alone", () => {
    expect(busyError(Object.assign(new Error("x"), { code: "P2002" }))).toBeNull();
    expect(busyError(new Error("x"))).toBeNull();
  });
});
