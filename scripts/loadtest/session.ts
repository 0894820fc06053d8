// A signed-in HTTP client for scripts (the load test, the several-instances test): next-auth's
// credentials sign-in with its CSRF token, and a cookie jar. Node's fetch, no browser.

export class HttpSession {
  private cookies = new Map<string, string>();
  constructor(public baseUrl: string) {}

  /** The same session (cookies) against another instance: sessions are signed JWTs, valid on every instance. */
  on(baseUrl: string): HttpSession {
    const other = new HttpSession(baseUrl);
    other.cookies = this.cookies;
    return other;
  }

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      if (i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: "manual" });
    this.remember(res);
    return res;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  json(method: "PUT" | "POST", path: string, body: unknown): Promise<Response> {
    return this.request(path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  }

  /** Signs in; throws with the server's answer when the password is refused. */
  async signIn(username: string, password: string): Promise<void> {
    const csrf = await this.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, username, password, callbackUrl: "/", json: "true" }).toString(),
    });
    const answer = await res.text();
    if (![...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
      throw new Error(`Đăng nhập ${username} thất bại (HTTP ${res.status}, ${decodeURIComponent(res.headers.get("location") ?? answer).slice(0, 200)})`);
    }
  }
}
