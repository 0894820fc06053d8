// The edge lets file uploads (multipart/form-data) through to the imports route only, and still
// refuses them from another site (issue 14; lib/security/http.ts).
import { describe, expect, it } from "vitest";
import { checkApiWrite } from "@/lib/security/http";

const ORIGIN = "http://127.0.0.1:3000";
const multipart = { "content-type": "multipart/form-data; boundary=----x", "content-length": "2000" };
const req = (path: string | undefined, headers: Record<string, string>) => ({ method: "POST", origin: ORIGIN, headers: new Headers(headers), path });

describe("multipart uploads at the edge", () => {
  it("lets a same-site upload through to /api/v1/units/{code}/imports", () => {
    expect(checkApiWrite(req("/api/v1/units/31/imports", { ...multipart, origin: ORIGIN, "sec-fetch-site": "same-origin" }))).toBeNull();
  });
  it("lets a same-site upload through to /api/v1/units/{code}/monthly/imports (issue 15)", () => {
    expect(checkApiWrite(req("/api/v1/units/31/monthly/imports", { ...multipart, origin: ORIGIN, "sec-fetch-site": "same-origin" }))).toBeNull();
  });
  it.each([
    ["another route", "/api/v1/units/31/targets", 415],
    ["the commit (JSON only)", "/api/v1/units/31/imports/abc/commit", 415],
    ["the monthly commit (JSON only)", "/api/v1/units/31/monthly/imports/abc/commit", 415],
    ["a month's figures (JSON only)", "/api/v1/units/31/monthly/2026/10", 415],
    ["a request without a path", undefined, 415],
  ] as const)("refuses multipart to %s", (_n, path, status) => {
    expect(checkApiWrite(req(path, { ...multipart, origin: ORIGIN, "sec-fetch-site": "same-origin" }))?.status).toBe(status);
  });
  it("refuses a cross-site upload (403)", () => {
    expect(checkApiWrite(req("/api/v1/units/31/imports", { ...multipart, origin: "https://evil.example", "sec-fetch-site": "cross-site" }))?.status).toBe(403);
  });
});
