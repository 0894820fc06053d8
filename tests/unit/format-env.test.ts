import { describe, expect, it } from "vitest";
import { formatAttainment, formatDate, formatDateTime, formatMilestone, formatNumber, formatPercent, NO_VALUE } from "@/lib/format";
import { parseEnv, EnvError, secureCookies } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { delayAfter } from "@/lib/auth/throttle";

describe("Vietnamese formats", () => {
  it.each([
    [13624, "13.624"],
    [1188826, "1.188.826"],
    [0, "0"],
    [null, NO_VALUE],
    [Number.POSITIVE_INFINITY, NO_VALUE],
  ])("number %s → %s", (v, s) => expect(formatNumber(v)).toBe(s));
  it.each([
    [0.531, "53,1%"],
    [0.054, "5,4%"],
    [0.44, "44,0%"],
    [null, NO_VALUE],
    [Number.NaN, NO_VALUE],
  ])("percent %s → %s", (v, s) => expect(formatPercent(v)).toBe(s));
  it("dates are d/m/yyyy", () => {
    expect(formatDate(new Date("2026-09-30T00:00:00+07:00"))).toBe("30/9/2026");
    expect(formatDate("not a date")).toBe(NO_VALUE);
  });
  it("a date and time is Vietnam's time, in the reader's language", () => {
    expect(formatDateTime("2026-09-30T07:05:00Z")).toBe("14:05 30/9/2026");
    expect(formatDateTime("2026-12-03T02:05:00Z")).toBe("09:05 3/12/2026");
    expect(formatDateTime("2026-12-03T17:05:00Z")).toBe("00:05 4/12/2026");
    expect(formatDateTime("2026-09-30T07:05:00Z", "en")).toBe("30 Sep 2026, 14:05");
    expect(formatDate("2026-10-07T20:00:00Z", "en")).toBe("8 Oct 2026");
    expect(formatDateTime("2026-10-07T17:30:00Z", "en")).toBe("8 Oct 2026, 00:30");
    expect(formatDateTime(null)).toBe(NO_VALUE);
  });
});

describe("environment", () => {
  it("defaults to the embedded database with demo data", () => {
    const e = parseEnv({});
    expect(e.embedded).toBe(true);
    expect(e.demoData).toBe(true);
    expect(e.DATA_DIR).toBe(".data/pglite");
    expect(e.SESSION_MAX_AGE_HOURS).toBe(8);
  });
  it("a server install needs its public address; https makes the session cookies Secure", () => {
    const server = { DATABASE_URL: "postgresql://u@h:5432/db", NODE_ENV: "production" };
    expect(() => parseEnv(server)).toThrow(/NEXTAUTH_URL: bắt buộc/);
    expect(secureCookies(parseEnv({ ...server, NEXTAUTH_URL: "https://bhxh.example.gov.vn" }))).toBe(true);
    expect(secureCookies(parseEnv({ ...server, NEXTAUTH_URL: "http://10.0.0.5:3000" }))).toBe(false);
    // The embedded install (a laptop, the demo) runs without it, over plain http.
    expect(secureCookies(parseEnv({ NODE_ENV: "production" }))).toBe(false);
  });
  it("a server URL turns demo data off unless asked for", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h:5432/db" }).demoData).toBe(false);
    expect(parseEnv({ DATABASE_URL: "postgresql://u@h:5432/db", DEMO_DATA: "true" }).demoData).toBe(true);
  });
  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ DEMO_DATA: "maybe" }, "DEMO_DATA"],
    [{ SESSION_MAX_AGE_HOURS: "forever" }, "SESSION_MAX_AGE_HOURS"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ NEXTAUTH_URL: "bhxh.example.gov.vn" }, "NEXTAUTH_URL"],
    [{ NEXTAUTH_URL: "ftp://bhxh.example.gov.vn" }, "NEXTAUTH_URL"],
    [{ DATABASE_URL: "postgresql://u@h:5432/db", NODE_ENV: "production" }, "NEXTAUTH_URL"],
  ])("rejects %o with a clear message naming the variable", (src, name) => {
    expect(() => parseEnv(src)).toThrow(EnvError);
    expect(() => parseEnv(src)).toThrow(new RegExp(`${name}.*`));
  });
  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).embedded).toBe(true);
  });
});

describe("sign-in helpers", () => {
  it.each([
    [undefined, "/"],
    ["/units/10804", "/units/10804"],
    ["//evil.example", "/"],
    ["https://evil.example", "/"],
    ["/login?x=1", "/"],
  ])("callback %s → %s", (v, s) => expect(safeCallbackUrl(v)).toBe(s));
  it("slows down after three failures, doubling, capped", () => {
    expect([1, 2, 3, 4, 5, 20].map(delayAfter)).toEqual([0, 0, 2, 4, 8, 300]);
  });
});

describe("formatAttainment (badges)", () => {
  it.each([
    [0.937, "93,7%"],
    [41.2 / 43, "95,8%"],
    [0.9375, "93,8%"],
    [1, "100,0%"],
    [0, "0,0%"],
    [null, "—"],
  ])("%s → %s", (v, text) => expect(formatAttainment(v).replace(/\s/g, "")).toBe(text));
  it("reads as every other page writes the same attainment (formatPercent, one decimal)", () => {
    for (let i = 0; i < 2000; i++) {
      const v = i / 997;
      expect(formatAttainment(v)).toBe(formatPercent(v, "vi", 1));
    }
  });
});

describe("formatMilestone", () => {
  it.each([
    [8245.6, "bhxhCompulsory", false, "linear", "8.246"],
    [0.574, "bhxhCoverage", true, "linear", "57,4%"],
    [0.025, "latePaymentRate", true, "ceiling", "2,5%"],
    [0.0255, "latePaymentRate", true, "ceiling", "2,55%"],
    [0.43, "bhxhCoverage", true, "target", "43,0%"],
    [null, "bhyt", false, "linear", "—"],
  ] as const)("%s (%s, %s) → %s", (v, key, rate, basis, text) => expect(formatMilestone(v, key, rate, basis).replace(/\s/g, "")).toBe(text));
});
