// Page weights (issue 16, "lighter pages"): signs in as each account and fetches its pages from a
// running production build, reporting per page the uncompressed bytes of the HTML document (the
// inline RSC payload included, and how much of it that payload is) and the server's time to the last
// byte. The budget is 250 KB for any page at 168 communes (TP Hồ Chí Minh, city 79, in the national
// dataset of the load test). Not a test: the load test's report calls weighPages; standalone:
//
//   npx tsx scripts/loadtest/weigh.ts http://127.0.0.1:3000 [filter]   (accounts of scripts/loadtest/run.ts;
//                                                                       filter: only the paths containing it)
//
// Each page is fetched 3 times to warm the server up, then 7 times; the answer of median time is kept.
import { HttpSession } from "./session";

export interface WeighAccount {
  username: string;
  password: string;
  /** Paths to weigh, "/units/79/rankings" say. */
  pages: readonly string[];
}

export interface PageWeight {
  user: string;
  path: string;
  status: number;
  /** The whole document, uncompressed. */
  bytes: number;
  /** Of which the inline RSC payload (self.__next_f.push scripts). */
  payloadBytes: number;
  /** Time to the last byte (the median of 7 fetches after 3 warm-ups). */
  ms: number;
  /** Time to its headers, sent with the first bytes (the shell, when the heavy sections are in Suspense). */
  firstByteMs: number;
}

/** The budget of any page at 168 communes. */
export const PAGE_BUDGET_BYTES = 250 * 1024;

const PUSH = /<script[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g;

/** The bytes of the inline RSC payload scripts of an HTML document. */
export function payloadBytesOf(html: string): number {
  let n = 0;
  for (const m of html.matchAll(PUSH)) n += Buffer.byteLength(m[0]);
  return n;
}

const WARMUPS = 3;
const RUNS = 7;

export async function weighPages(baseUrl: string, accounts: readonly WeighAccount[]): Promise<PageWeight[]> {
  const out: PageWeight[] = [];
  for (const a of accounts) {
    const s = new HttpSession(baseUrl);
    await s.signIn(a.username, a.password);
    for (const path of a.pages) {
      const runs: PageWeight[] = [];
      for (let i = 0; i < WARMUPS + RUNS; i++) {
        const t0 = performance.now();
        const res = await s.get(path);
        const firstByteMs = performance.now() - t0;
        const buf = Buffer.from(await res.arrayBuffer());
        const ms = performance.now() - t0;
        if (i < WARMUPS) continue;
        runs.push({
          user: a.username,
          path,
          status: res.status,
          bytes: buf.byteLength,
          payloadBytes: payloadBytesOf(buf.toString("utf8")),
          ms: Math.round(ms),
          firstByteMs: Math.round(firstByteMs),
        });
      }
      // The run of median time (one fetch is too noisy to compare pages by: a single slow answer made a page 2× its usual).
      out.push([...runs].sort((x, y) => x.ms - y.ms)[RUNS >> 1]);
    }
  }
  return out;
}

/** The load test's accounts (scripts/loadtest/run.ts) and the heaviest pages each one opens; city 79 has 168 communes. */
export function defaultWeighAccounts(password = "loadtest-2026", city = "79", commune = "00097"): WeighAccount[] {
  const u = (p: string) => `/units/${city}${p}`;
  return [
    {
      username: "lt.ld.0",
      password,
      pages: [
        "/",
        u(""),
        u("/rankings"),
        u("/dashboard"),
        u("/completeness"),
        u("/quality"),
        u("/targets"),
        u("/report"),
        u("/history"),
        u("/milestones"),
        u("/document"),
      ],
    },
    { username: "lt.tw.0", password, pages: ["/units/VN", "/units/VN/rankings", "/units/VN/dashboard", "/units/VN/completeness"] },
    { username: "lt.tinh.0", password, pages: [u("/completeness"), u("/import"), u("/targets")] },
    { username: "lt.xa.0", password, pages: ["/", `/units/${commune}`, `/units/${commune}/report`, `/units/${commune}/document`] },
  ];
}

/** A plain-text table of the weights, pages over the budget marked. */
export function weightTable(rows: readonly PageWeight[], budget = PAGE_BUDGET_BYTES): string {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  return rows
    .map(
      (r) =>
        `${r.user.padEnd(10)} ${r.path.padEnd(30)} ${String(r.status).padStart(3)} ${kb(r.bytes).padStart(8)} (payload ${kb(r.payloadBytes).padStart(7)}) ${`${r.ms} ms`.padStart(8)} (first byte ${`${r.firstByteMs} ms`.padStart(7)})${r.bytes > budget ? "  > budget" : ""}`,
    )
    .join("\n");
}

const isMain = typeof process !== "undefined" && process.argv[1] !== undefined && /weigh\.ts$/.test(process.argv[1]);
if (isMain) {
  const base = process.argv[2];
  if (!base) {
    console.error("npx tsx scripts/loadtest/weigh.ts <baseUrl>   (a production build on the load test's database)");
    process.exit(2);
  }
  const filter = process.argv[3];
  const accounts = defaultWeighAccounts()
    .map((a) => ({ ...a, pages: a.pages.filter((p) => !filter || p.includes(filter)) }))
    .filter((a) => a.pages.length > 0);
  weighPages(base.replace(/\/$/, ""), accounts)
    .then((rows) => {
      console.log(weightTable(rows));
      if (rows.some((r) => r.status !== 200)) process.exitCode = 1;
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
