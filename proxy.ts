// Runs before routing. Next.js answers a malformed percent-encoded path (e.g. /units/%E0%A4%A) with
// a bare "Internal Server Error"; catch it here and say what is wrong, in Vietnamese and English.
import { NextResponse, type NextRequest } from "next/server";

const BAD_URL_PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Địa chỉ không hợp lệ</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1 data-testid="bad-url">Địa chỉ không hợp lệ</h1>
<p>Đường dẫn có ký tự mã hóa sai. Hãy kiểm tra lại địa chỉ, hoặc <a href="/">về trang chủ</a>.</p>
<p lang="en" style="color:#555">The address contains malformed characters. Check it, or <a href="/">go to the home page</a>.</p>
</body></html>`;

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse(BAD_URL_PAGE, { status: 400, headers: { "content-type": "text/html; charset=utf-8" } });
  }
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
