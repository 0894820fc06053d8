// Runs before routing, for every request but static files:
// - a malformed percent-encoded path gets a clear page (Next.js would answer a bare 500);
// - cross-site writes are refused: state-changing JSON API calls and server actions from another
//   site (403), non-JSON bodies to the API (415) — lib/security/http.ts;
// - every response carries the security headers, pages a nonce-based Content-Security-Policy that
//   Next.js applies to its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { localizeErrorBody, requestLocale } from "./lib/i18n/server-messages";
import { checkApiWrite, checkServerAction, contentSecurityPolicy, publicOrigin, securityHeaders } from "./lib/security/http";

const BAD_URL_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Địa chỉ không hợp lệ</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1 data-testid="bad-url">Địa chỉ không hợp lệ</h1>
<p>Đường dẫn có ký tự mã hóa sai. Hãy kiểm tra lại địa chỉ, hoặc <a href="/">về trang chủ</a>.</p>
<p lang="en" style="color:#555">The address contains malformed characters. Check it, or <a href="/">go to the home page</a>.</p>
</body></html>`;

export function proxy(request: NextRequest) {
  const origin = publicOrigin(request.nextUrl, request.headers);
  const https = origin.startsWith("https:");
  const headers = securityHeaders({ https });
  const refuse = (error: string, init: ResponseInit) => NextResponse.json(localizeErrorBody({ error, issues: [] }, requestLocale(request.headers)), init);
  const withHeaders = (res: NextResponse) => {
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  };
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return withHeaders(new NextResponse(BAD_URL_PAGE, { status: 400, headers: { "content-type": "text/html; charset=utf-8" } }));
  }
  // Pages answer GET and HEAD, and POST for server actions; anything else (TRACE, PUT on a page…) is 405.
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  if (!isApi && !["GET", "HEAD", "POST"].includes(request.method.toUpperCase())) {
    return withHeaders(
      new NextResponse("Phương thức không được hỗ trợ (method not allowed).", {
        status: 405,
        headers: { allow: "GET, HEAD, POST", "content-type": "text/plain; charset=utf-8" },
      }),
    );
  }
  // next-auth's endpoints take its own form posts only: a GET of the credentials callback or a body of
  // another type would make it answer 500.
  if (request.nextUrl.pathname.startsWith("/api/auth/")) {
    const method = request.method.toUpperCase();
    if (method === "GET" && request.nextUrl.pathname.startsWith("/api/auth/callback/")) {
      return withHeaders(refuse("Đăng nhập bằng biểu mẫu (POST), không bằng GET.", { status: 405, headers: { allow: "POST" } }));
    }
    const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (method === "POST" && type !== "application/x-www-form-urlencoded") {
      return withHeaders(refuse("Nội dung đăng nhập phải là biểu mẫu (application/x-www-form-urlencoded).", { status: 415 }));
    }
  }
  const facts = { method: request.method, origin, headers: request.headers, path: request.nextUrl.pathname };
  const refusal = request.nextUrl.pathname.startsWith("/api/v1/") ? checkApiWrite(facts) : checkServerAction(facts);
  if (refusal) return withHeaders(refuse(refusal.error, { status: refusal.status, headers: { "cache-control": "no-store" } }));

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return withHeaders(response);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|fonts/).*)"],
};
