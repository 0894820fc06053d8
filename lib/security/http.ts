// HTTP protections applied to every request by proxy.ts (pure, tested in tests/unit/security-http.test.ts):
// - cross-site writes: a state-changing request to the JSON API, or a server action, from another
//   site is refused (403) — the browser says where a request comes from (Origin, Sec-Fetch-Site);
//   the JSON API reads only application/json bodies (415 otherwise), so a cross-site "simple" form
//   or text/plain POST can never reach it;
// - security headers: a nonce-based Content-Security-Policy (no 'unsafe-eval' in production),
//   frame-ancestors 'none', Referrer-Policy, nosniff, Permissions-Policy, HSTS over HTTPS.

export const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RequestFacts {
  method: string;
  /** The request URL's origin as the server sees it ("http://127.0.0.1:3000"). */
  origin: string;
  headers: Headers;
  /** The request path: the file-upload routes also take multipart/form-data. */
  path?: string;
}

/** API routes that take a file upload (multipart/form-data) as well as JSON: the imports (issue 14), the employers' file and the monthly figures' file (issue 15). */
export const MULTIPART_API = /^\/api\/v1\/units\/[^/]+\/(?:imports|employers\/imports(?:\/commit)?|monthly\/imports)\/?$/;

/** The origin the browser sees: behind a proxy, X-Forwarded-Host/Proto when TRUST_PROXY says so. */
export function publicOrigin(url: URL, headers: Headers, trustProxy = process.env.TRUST_PROXY === "true"): string {
  if (trustProxy) {
    const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
    const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
    if (host) return `${proto || url.protocol.replace(":", "")}://${host}`;
  }
  const host = headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}

/**
 * Whether a request comes from another site. A browser sends Sec-Fetch-Site and, on a POST/PUT from
 * a page, Origin; a request with neither (curl, a script) is not a cross-site browser request.
 */
export function isCrossSite(req: RequestFacts): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = req.headers.get("origin");
  if (origin && origin !== "null" && origin !== req.origin) return true;
  if (origin === "null") return true;
  return false;
}

export type Refusal = { status: 403 | 415; error: string };

/** The JSON API's write rule: same site, and a JSON body. */
export function checkApiWrite(req: RequestFacts): Refusal | null {
  if (!STATE_CHANGING.has(req.method.toUpperCase())) return null;
  if (isCrossSite(req)) return { status: 403, error: "Yêu cầu thay đổi dữ liệu từ trang web khác bị từ chối." };
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const hasBody = req.headers.get("content-length") !== "0" && (req.headers.has("content-length") || req.headers.has("transfer-encoding"));
  if (hasBody && type === "multipart/form-data" && req.path !== undefined && MULTIPART_API.test(req.path)) return null;
  if (hasBody && type !== "application/json") return { status: 415, error: "Nội dung gửi lên phải là JSON (Content-Type: application/json)." };
  return null;
}

/** A server action (POST with a Next-Action header) from another site: 403 before Next answers 500. */
export function checkServerAction(req: RequestFacts): Refusal | null {
  if (req.method.toUpperCase() !== "POST" || !req.headers.has("next-action")) return null;
  return isCrossSite(req) ? { status: 403, error: "Yêu cầu từ trang web khác bị từ chối." } : null;
}

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    // Charts and React set style attributes: inline styles stay allowed, inline scripts do not.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers every response carries (besides the CSP). */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
