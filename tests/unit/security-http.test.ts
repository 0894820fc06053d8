// Cross-site protection and security headers (lib/security/http.ts, applied by proxy.ts).
import { describe, expect, it } from "vitest";
import { checkApiWrite, checkServerAction, contentSecurityPolicy, isCrossSite, publicOrigin, securityHeaders } from "@/lib/security/http";

const ORIGIN = "http://127.0.0.1:3000";
const req = (method: string, headers: Record<string, string>) => ({ method, origin: ORIGIN, headers: new Headers(headers) });

describe("cross-site writes", () => {
  it.each([
    [
      "a text/plain POST from another site",
      "POST",
      { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain", "content-length": "20" },
      403,
    ],
    ["a JSON PUT from another site", "PUT", { origin: "https://evil.example", "content-type": "application/json", "content-length": "20" }, 403],
    [
      "a form POST from a sandboxed frame (Origin: null)",
      "POST",
      { origin: "null", "content-type": "application/x-www-form-urlencoded", "content-length": "5" },
      403,
    ],
    ["same-site but not JSON", "POST", { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "text/plain", "content-length": "20" }, 415],
    ["an empty form POST from the same site", "POST", { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", "content-length": "3" }, 415],
  ] as const)("refuses %s", (_name, method, headers, status) => {
    expect(checkApiWrite(req(method, headers))?.status).toBe(status);
  });

  it.each([
    [
      "a JSON PUT from the app",
      "PUT",
      { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8", "content-length": "20" },
    ],
    ["a POST without a body (a transition)", "POST", { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-length": "0" }],
    ["a script with a session cookie and no browser headers", "PUT", { "content-type": "application/json", "content-length": "20" }],
    ["any GET", "GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
  ] as const)("lets through %s", (_name, method, headers) => {
    expect(checkApiWrite(req(method, headers))).toBeNull();
  });

  it("refuses a server action from another site with 403, not 500", () => {
    expect(checkServerAction(req("POST", { "next-action": "abc", origin: "https://evil.example" }))?.status).toBe(403);
    expect(checkServerAction(req("POST", { "next-action": "abc", origin: ORIGIN, "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(checkServerAction(req("POST", { origin: "https://evil.example" }))).toBeNull(); // not an action
  });

  it("knows the public origin behind a proxy only when told to trust it", () => {
    const url = new URL("http://10.0.0.5:3000/units/31");
    const h = new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "bhxh.example.gov.vn", "x-forwarded-proto": "https" });
    expect(publicOrigin(url, h, false)).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(url, h, true)).toBe("https://bhxh.example.gov.vn");
    expect(isCrossSite({ method: "POST", origin: "https://bhxh.example.gov.vn", headers: new Headers({ origin: "https://bhxh.example.gov.vn" }) })).toBe(false);
  });
});

describe("security headers", () => {
  it("a nonce-based CSP without unsafe-eval in production, framing refused", () => {
    const prod = contentSecurityPolicy("abc", { dev: false, https: true });
    expect(prod).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(prod).not.toContain("unsafe-eval");
    expect(prod).toContain("frame-ancestors 'none'");
    expect(prod).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("abc", { dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("abc", { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("HSTS only over HTTPS", () => {
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: false })).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});
