// npm run loadtest — many users at once (issue 16), not a test: virtual users by role, each signed in
// with its own account, with think time between steps, against the production build on PostgreSQL
// with the benchmark's national dataset (34 provinces, 3,321 communes, 76k reports).
//
//   officers     open their home and commune pages, open the quarter (2026 Q3, a draft) and save it;
//   city staff   open the reporting board, a submitted commune's page, and approve its quarter;
//   leaders      open the dashboard and rankings of their city (or the nation) and download the Excel.
//
// Runs once per instance count in LOADTEST_INSTANCES (default "1,2": one app process, then two on
// the same database with the users spread over them, to show the gain), each for LOADTEST_SECONDS
// with VUs started over LOADTEST_RAMP_SECONDS, after a warm-up run of LOADTEST_WARMUP_SECONDS on the
// same instances (reported apart: a server's first minute after start, its code not yet compiled by V8's
// optimising compiler nor its routes loaded, is slower than the hours after). Reports p50/p95/p99 per page, throughput and errors,
// and writes bench-results/loadtest.md (+ .json). Loopback only; bounded in time and in requests.
//
// Settings: LOADTEST_DATABASE_URL or TEST_DATABASE_URL (the server where a database loadtest_<time>
// is made and dropped), LOADTEST_VUS (200), LOADTEST_THINK_MS (5000), LOADTEST_SECONDS (60),
// LOADTEST_RAMP_SECONDS (20), LOADTEST_WARMUP_SECONDS (60; 0: none), LOADTEST_INSTANCES ("1,2"), LOADTEST_MAX_REQUESTS (50000),
// LOADTEST_POOL_SIZE (connections per instance, 10), LOADTEST_KEEP=1 (keep the database),
// LOADTEST_DATABASE=<name> (reuse a database kept by LOADTEST_KEEP=1: no new dataset, accounts kept),
// LOADTEST_TARGET=<url,url> (run against app instances already started on that database, e.g. under a profiler).
// Needs a production build (`npm run build`, or NEXT_DIST_DIR=… of one); builds one when missing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../lib/db/connect";
import { hashPassword } from "../../lib/auth/password";
import { generateDataset } from "../bench/dataset";
import { HttpSession } from "./session";
import { defaultWeighAccounts, PAGE_BUDGET_BYTES, weighPages, type PageWeight } from "./weigh";

const num = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`${name} phải là một số không âm (nhận được "${v}")`);
    process.exit(2);
  }
  return n;
};
const ADMIN_URL = process.env.LOADTEST_DATABASE_URL || process.env.TEST_DATABASE_URL || "";
const VUS = num("LOADTEST_VUS", 200);
const THINK_MS = num("LOADTEST_THINK_MS", 5000);
const SECONDS = num("LOADTEST_SECONDS", 60);
const RAMP_SECONDS = num("LOADTEST_RAMP_SECONDS", 20);
const WARMUP_SECONDS = num("LOADTEST_WARMUP_SECONDS", 60);
const MAX_REQUESTS = num("LOADTEST_MAX_REQUESTS", 50_000);
const POOL_SIZE = num("LOADTEST_POOL_SIZE", 10);
const REUSE = process.env.LOADTEST_DATABASE ?? "";
const KEEP = process.env.LOADTEST_KEEP === "1" || REUSE !== "";
const TARGETS = (process.env.LOADTEST_TARGET ?? "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const INSTANCE_RUNS = (process.env.LOADTEST_INSTANCES ?? "1,2")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 1 && n <= 8);
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const BASE_PORT = num("LOADTEST_PORT", 3400);
const PASSWORD = "loadtest-2026";
const SECRET = "loadtest-secret-0123456789abcdef";
const YEAR = 2026;
const QUARTER = 3;

if (!ADMIN_URL) {
  console.error(
    "npm run loadtest cần một máy chủ PostgreSQL: đặt LOADTEST_DATABASE_URL hoặc TEST_DATABASE_URL (vd. postgresql://postgres@127.0.0.1:5432/test).",
  );
  process.exit(2);
}
/** Runs against the dataset: a warm-up and a measured run per instance count (each staff account approves a fresh share in each). */
const RUNS = 2 * INSTANCE_RUNS.length;
if (INSTANCE_RUNS.length === 0) {
  console.error('LOADTEST_INSTANCES phải là danh sách số tiến trình, vd. "1,2".');
  process.exit(2);
}

const log = (m: string) => console.log(`[loadtest] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- the dataset and its accounts

type Role = "officer" | "staff" | "leader";
interface Account {
  username: string;
  role: Role;
  /** Officer: its commune; staff and leaders: their province ("VN" for a national leader). */
  unit: string;
  /** Staff: the submitted communes of the province it may approve, one list per run. */
  approve: string[][];
}

async function prepare(db: Database): Promise<Account[]> {
  if (!REUSE) {
    const s = await generateDataset(db, (m) => log(m.trim()));
    log(`bộ dữ liệu toàn quốc: ${JSON.stringify(s.rows)} trong ${s.seconds.total.toFixed(0)} s`);
  }
  const drafts = await db.sql.query<{ code: string; id: number; tenant_id: number }>(
    `SELECT u.code, u.id, u.tenant_id FROM quarter_reports r JOIN units u ON u.id = r.unit_id
     WHERE r.year = ${YEAR} AND r.quarter = ${QUARTER} AND r.kind = 'ACTUAL' AND r.status = 'DRAFT' ORDER BY u.code`,
  );
  const submitted = await db.sql.query<{ code: string; tenant_id: number }>(
    `SELECT u.code, u.tenant_id FROM quarter_reports r JOIN units u ON u.id = r.unit_id
     WHERE r.year = ${YEAR} AND r.quarter = ${QUARTER} AND r.kind = 'ACTUAL' AND r.status = 'SUBMITTED' ORDER BY u.code`,
  );
  const provinces = await db.sql.query<{ id: number; code: string; n: number }>(
    `SELECT p.id, p.code, count(c.id)::int AS n FROM units p JOIN units c ON c.parent_id = p.id AND c.level = 'COMMUNE'
     WHERE p.level = 'PROVINCE' GROUP BY p.id, p.code ORDER BY n DESC, p.code`,
  );
  const nOfficers = Math.round(VUS * 0.6);
  const nStaff = Math.round(VUS * 0.2);
  const nLeaders = VUS - nOfficers - nStaff;
  const accounts: Account[] = [];
  const rows: unknown[][] = [[], [], [], [], []];
  const add = (username: string, role: Role, dbRole: string, tenantId: number | null, unitId: number | null, unit: string) => {
    accounts.push({ username, role, unit, approve: [] });
    for (const [i, v] of [username, `Người dùng thử tải ${username}`, dbRole, tenantId, unitId].entries()) rows[i].push(v);
  };
  for (let i = 0; i < nOfficers; i++) {
    const d = drafts[i % drafts.length];
    add(`lt.xa.${i}`, "officer", "COMMUNE_OFFICER", Number(d.tenant_id), Number(d.id), d.code);
  }
  for (let i = 0; i < nStaff; i++) {
    const p = provinces[i % provinces.length];
    add(`lt.tinh.${i}`, "staff", "CITY_STAFF", Number(p.id), Number(p.id), p.code);
  }
  for (let i = 0, national = 0; i < nLeaders; i++) {
    // One leader in five is national; the others lead a city, the largest first.
    if (i % 5 === 4) add(`lt.tw.${national++}`, "leader", "NATIONAL_LEADER", null, null, "VN");
    else {
      const p = provinces[i % provinces.length];
      add(`lt.ld.${i}`, "leader", "CITY_LEADER", Number(p.id), Number(p.id), p.code);
    }
  }
  // Each staff account approves its own share of its province's submitted communes, a fresh share per run.
  const byProvince = new Map<number, string[]>();
  for (const r of submitted) byProvince.set(Number(r.tenant_id), [...(byProvince.get(Number(r.tenant_id)) ?? []), r.code]);
  const staff = accounts.filter((a) => a.role === "staff");
  for (const p of provinces) {
    const mine = staff.filter((a) => a.unit === p.code);
    const codes = byProvince.get(Number(p.id)) ?? [];
    const slots = mine.length * RUNS;
    codes.forEach((c, i) => {
      const a = mine[i % Math.max(1, mine.length)];
      if (!a) return;
      const run = Math.floor((i % Math.max(1, slots)) / Math.max(1, mine.length));
      (a.approve[run] ??= []).push(c);
    });
  }
  const hash = await hashPassword(PASSWORD);
  await db.sql.query(
    `INSERT INTO users (username, password_hash, full_name, role, tenant_id, unit_id)
     SELECT u, $1, f, r::"Role", t, x FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) AS v(u, f, r, t, x)
     ON CONFLICT (username) DO NOTHING`,
    [hash, ...rows],
  );
  log(`${accounts.length} tài khoản: ${nOfficers} cán bộ xã, ${nStaff} cán bộ thành phố, ${nLeaders} lãnh đạo`);
  return accounts;
}

// ---------------------------------------------------------------- the app instances

function ensureBuild() {
  if (existsSync(path.join(DIST_DIR, "BUILD_ID"))) return;
  log(`chưa có bản build trong ${DIST_DIR}: next build…`);
  const b = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

async function startInstances(n: number, url: string): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  const procs: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    const port = BASE_PORT + i;
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: SECRET,
      DEMO_DATA: "false",
    };
    // As `npm start` runs it (its Node flags included).
    const p = spawn("npm", ["run", "--silent", "start", "--", "-p", String(port), "-H", "127.0.0.1"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    p.stderr?.on("data", (d: Buffer) => process.stderr.write(`[app ${port}] ${d}`));
    p.stdout?.resume();
    procs.push(p);
    urls.push(`http://127.0.0.1:${port}`);
  }
  for (const u of urls) {
    const until = Date.now() + 120_000;
    for (;;) {
      try {
        if ((await fetch(`${u}/login`)).status === 200) break;
      } catch {
        /* not yet */
      }
      if (Date.now() > until) throw new Error(`${u} không khởi động được trong 120 s`);
      await sleep(500);
    }
  }
  return {
    urls,
    async stop() {
      for (const p of procs) {
        try {
          process.kill(-p.pid!, "SIGTERM");
        } catch {
          /* gone */
        }
      }
      await sleep(1500);
    },
  };
}

// ---------------------------------------------------------------- the virtual users

interface Sample {
  page: string;
  ms: number;
  /** When the request started, in ms from the start of the run. */
  at: number;
  ok: boolean;
  status: number;
}

class Recorder {
  samples: Sample[] = [];
  errors = new Map<string, number>();
  stopped = false;
  private start = Date.now();
  constructor(private deadline: number) {}
  get done() {
    return this.stopped || Date.now() >= this.deadline || this.samples.length >= MAX_REQUESTS;
  }
  async time(page: string, f: () => Promise<Response>, expect: (r: Response) => boolean = (r) => r.status === 200): Promise<Response | null> {
    const t = performance.now();
    const at = Date.now() - this.start;
    try {
      const r = await f();
      const body = await r.arrayBuffer();
      const ok = expect(r);
      this.samples.push({ page, ms: performance.now() - t, at, ok, status: r.status });
      if (!ok) this.err(`${page}: HTTP ${r.status} ${new TextDecoder().decode(body.slice(0, 160))}`);
      return ok ? new Response(body, { status: r.status, headers: r.headers }) : null;
    } catch (e) {
      this.samples.push({ page, ms: performance.now() - t, at, ok: false, status: 0 });
      this.err(`${page}: ${(e as Error).message}`);
      return null;
    }
  }
  private err(k: string) {
    this.errors.set(k, (this.errors.get(k) ?? 0) + 1);
  }
}

/** Think time: 5 s on average, spread ±50% so the users do not move in step. */
const SIGN_IN = "Đăng nhập";

const think = () => sleep(THINK_MS * (0.5 + Math.random()));

async function officer(s: HttpSession, a: Account, rec: Recorder) {
  while (!rec.done) {
    await rec.time("Trang chủ (cán bộ xã)", () => s.get("/"));
    await think();
    if (rec.done) break;
    await rec.time("Trang xã", () => s.get(`/units/${a.unit}`));
    const q = await rec.time("Mở quý (API)", () => s.get(`/api/v1/units/${a.unit}/figures/${YEAR}/${QUARTER}`));
    await think();
    if (rec.done || !q) break;
    const report = (await q.json()) as { version: number; figures: Record<string, number | null> };
    const figures = { ...report.figures, bhyt: (report.figures.bhyt ?? 0) + (Math.random() < 0.5 ? 1 : -1) };
    await rec.time("Lưu quý", () =>
      s.json("PUT", `/api/v1/units/${a.unit}/figures/${YEAR}/${QUARTER}`, { figures, version: report.version, confirmWarnings: true }),
    );
    await think();
  }
}

async function staff(s: HttpSession, a: Account, run: number, rec: Recorder) {
  const queue = [...(a.approve[run] ?? [])];
  while (!rec.done) {
    await rec.time("Tiến độ báo cáo (thành phố)", () => s.get(`/units/${a.unit}/completeness`));
    await think();
    const code = queue.shift();
    if (rec.done) break;
    if (!code) {
      await rec.time("Bảng điều hành (thành phố)", () => s.get(`/units/${a.unit}`));
      await think();
      continue;
    }
    await rec.time("Trang xã (duyệt)", () => s.get(`/units/${code}`));
    const q = await rec.time("Mở quý (API)", () => s.get(`/api/v1/units/${code}/figures/${YEAR}/${QUARTER}`));
    await think();
    if (rec.done || !q) continue;
    const { version } = (await q.json()) as { version: number };
    await rec.time("Duyệt", () => s.json("POST", `/api/v1/units/${code}/figures/${YEAR}/${QUARTER}/approve`, { version }));
    await think();
  }
}

async function leader(s: HttpSession, a: Account, rec: Recorder) {
  const scope = a.unit === "VN" ? "toàn quốc" : "thành phố";
  while (!rec.done) {
    await rec.time(`Bảng điều hành (${scope})`, () => s.get(`/units/${a.unit}`));
    await think();
    if (rec.done) break;
    await rec.time(`Xếp hạng (${scope})`, () => s.get(`/units/${a.unit}/rankings`));
    await think();
    if (rec.done) break;
    await rec.time(`Tải Excel xếp hạng (${scope})`, () =>
      s.get(`/api/v1/rankings/xlsx?parent=${a.unit}&year=${YEAR}&quarter=${QUARTER}&indicator=compulsoryCoverage`),
    );
    await think();
  }
}

interface RunResult {
  instances: number;
  seconds: number;
  vus: number;
  signedIn: number;
  samples: Sample[];
  errors: [string, number][];
}

async function runOnce(accounts: Account[], urls: string[], run: number, seconds = SECONDS): Promise<RunResult> {
  const rec = new Recorder(Date.now() + seconds * 1000);
  const t0 = Date.now();
  let signedIn = 0;
  const vus = accounts.map(async (a, i) => {
    await sleep((RAMP_SECONDS * 1000 * i) / accounts.length);
    const s = new HttpSession(urls[i % urls.length]);
    const r = await rec.time(SIGN_IN, async () => {
      await s.signIn(a.username, PASSWORD);
      return new Response("", { status: 200 });
    });
    if (!r) return;
    signedIn++;
    if (a.role === "officer") await officer(s, a, rec);
    else if (a.role === "staff") await staff(s, a, run, rec);
    else await leader(s, a, rec);
  });
  await Promise.all(vus);
  return { instances: urls.length, seconds: (Date.now() - t0) / 1000, vus: accounts.length, signedIn, samples: rec.samples, errors: [...rec.errors] };
}

// ---------------------------------------------------------------- the report

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("vi-VN") : "–");

function table(r: RunResult) {
  const pages = new Map<string, Sample[]>();
  for (const s of r.samples) pages.set(s.page, [...(pages.get(s.page) ?? []), s]);
  const rows = [...pages].map(([page, ss]) => {
    const ms = ss.map((s) => s.ms).sort((a, b) => a - b);
    return { page, n: ss.length, errors: ss.filter((s) => !s.ok).length, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99) };
  });
  const all = r.samples.map((s) => s.ms).sort((a, b) => a - b);
  return { rows, total: { n: r.samples.length, errors: r.samples.filter((s) => !s.ok).length, p50: pct(all, 50), p95: pct(all, 95), p99: pct(all, 99) } };
}

/**
 * The steady state: the requests started once every user has signed in (the ramp-up's 200 sign-ins,
 * each an Argon2id hash, are over), and the throughput over that window.
 */
function steady(r: RunResult) {
  const signIns = r.samples.filter((s) => s.page === SIGN_IN);
  const from = signIns.length ? Math.max(...signIns.map((s) => s.at + s.ms)) : 0;
  const end = Math.max(from + 1, ...r.samples.map((s) => s.at + s.ms));
  const ss = r.samples.filter((s) => s.at >= from);
  const ms = ss.map((s) => s.ms).sort((a, b) => a - b);
  return { from, seconds: (end - from) / 1000, n: ss.length, errors: ss.filter((s) => !s.ok).length, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99) };
}

/** p95 per 10 s of the run, by when the requests started: how the latency moves through the ramp-up. */
function timeline(r: RunResult): string {
  const buckets = new Map<number, number[]>();
  for (const s of r.samples) {
    const b = Math.floor(s.at / 10_000);
    buckets.set(b, [...(buckets.get(b) ?? []), s.ms]);
  }
  return [...buckets]
    .sort((a, b) => a[0] - b[0])
    .map(
      ([b, ms]) =>
        `${b * 10}–${b * 10 + 10} s: ${f0(
          pct(
            ms.sort((x, y) => x - y),
            95,
          ),
        )} ms (${ms.length})`,
    )
    .join(" · ");
}

function weightMarkdown(rows: PageWeight[]): string[] {
  if (!rows.length) return [];
  const home = Math.min(...rows.filter((r) => r.path === "/").map((r) => r.ms));
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  return [
    "## Pages, one user at a time (after the first warm-up, before the load)",
    "",
    `Uncompressed HTML with its inline RSC payload, and the server's time to the last byte (median of 7 fetches after 3 warm-ups), on the largest city ` +
      `(${f0(168)} communes) and the nation. Budget: ${kb(PAGE_BUDGET_BYTES)} per page; server time at most 4× the home page's (${f0(home)} ms).`,
    "",
    "| User | Page | Size | of which payload | ms | × home |",
    "|---|---|---:|---:|---:|---:|",
    ...rows.map(
      (r) =>
        `| ${r.user} | ${r.path} | ${kb(r.bytes)}${r.bytes > PAGE_BUDGET_BYTES ? " ✗" : ""} | ${kb(r.payloadBytes)} | ${f0(r.ms)} | ${(r.ms / home).toFixed(1)}${r.ms > 4 * home ? " ✗" : ""} |`,
    ),
    "",
  ];
}

/** One line on a warm-up run: the same users on instances just started, not counted in the goal. */
function warmupLine(w: RunResult | undefined): string[] {
  if (!w) return [];
  const t = table(w).total;
  return [
    `Warm-up, not counted (the same users for ${w.seconds.toFixed(0)} s on the instances just started): ${f0(t.n)} requests · ` +
      `p50 ${f0(t.p50)} ms · p95 ${f0(t.p95)} ms · p99 ${f0(t.p99)} ms · errors ${t.errors}. A server's first minute is slower: V8 has ` +
      "not yet optimised its hot code nor the server loaded each route's modules.",
    "",
  ];
}

function markdown(results: RunResult[], weights: PageWeight[], warmups: (RunResult | undefined)[] = []): string {
  const out = [
    "# Load test (npm run loadtest)",
    "",
    `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · ${os.cpus().length} cores · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · ` +
      `PostgreSQL on loopback · national dataset (3.321 communes) · ${VUS} virtual users (60% commune officers, 20% city staff, 20% leaders), ` +
      `think time ${THINK_MS / 1000} s ±50%, ramp-up ${RAMP_SECONDS} s, ${SECONDS} s per run` +
      (WARMUP_SECONDS > 0 ? ` after a ${WARMUP_SECONDS} s warm-up run on the same instances` : "") +
      `, ${POOL_SIZE} database connections per instance. ` +
      `The load generator runs on the same machine as the app and the database.`,
    "",
    "Goal (issue 16): 200 virtual users at a 5 s think time, p95 under 1 s, no errors.",
    "",
    ...weightMarkdown(weights),
  ];
  for (const [i, r] of results.entries()) {
    const t = table(r);
    const st = steady(r);
    out.push(
      `## ${r.instances} instance${r.instances > 1 ? "s" : ""}`,
      "",
      ...warmupLine(warmups[i]),
      `${r.signedIn}/${r.vus} users signed in · ${f0(t.total.n)} requests in ${r.seconds.toFixed(0)} s = **${(t.total.n / r.seconds).toFixed(1)} requests/s** · ` +
        `p50 ${f0(t.total.p50)} ms · **p95 ${f0(t.total.p95)} ms** · p99 ${f0(t.total.p99)} ms · **errors ${t.total.errors}** · ` +
        `goal ${t.total.p95 < 1000 && t.total.errors === 0 && r.signedIn === r.vus ? "**reached**" : "**not reached**"}`,
      "",
      `After the ramp-up (from ${(st.from / 1000).toFixed(0)} s, when the last user had signed in): ${f0(st.n)} requests in ${st.seconds.toFixed(0)} s = ` +
        `**${(st.n / st.seconds).toFixed(1)} requests/s** · p50 ${f0(st.p50)} ms · **p95 ${f0(st.p95)} ms** · p99 ${f0(st.p99)} ms · errors ${st.errors} · ` +
        `goal ${st.p95 < 1000 && st.errors === 0 && r.signedIn === r.vus ? "**reached**" : "**not reached**"}`,
      "",
      `p95 by when the requests started (requests): ${timeline(r)}`,
      "",
      "| Page | Requests | Errors | p50 ms | p95 ms | p99 ms |",
      "|---|---:|---:|---:|---:|---:|",
      ...t.rows.map((x) => `| ${x.page} | ${x.n} | ${x.errors} | ${f0(x.p50)} | ${f0(x.p95)} | ${f0(x.p99)} |`),
      "",
    );
    if (r.errors.length) out.push("Errors:", "", ...r.errors.slice(0, 10).map(([k, n]) => `- ${n} × ${k.replace(/\s+/g, " ")}`), "");
  }
  if (results.length > 1) {
    const [a, b] = results.map((r) => table(r).total);
    out.push(
      "## Gain from more instances",
      "",
      `p95 ${f0(a.p95)} ms → ${f0(b.p95)} ms, throughput ${(a.n / results[0].seconds).toFixed(1)} → ${(b.n / results[1].seconds).toFixed(1)} requests/s. ` +
        "On one 2-core machine the instances share the cores with each other, PostgreSQL and the load generator, so a second " +
        "process mainly helps by running two JavaScript event loops (server rendering is single-threaded per process); on separate machines each adds its own cores.",
      "",
    );
  }
  return out.join("\n");
}

// ---------------------------------------------------------------- main

async function main() {
  if (!TARGETS.length) ensureBuild();
  const name = REUSE || `loadtest_${Date.now()}`;
  if (!REUSE) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  }
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  log(`cơ sở dữ liệu ${name}`);
  const db = await openDatabase({ url });
  const results: RunResult[] = [];
  const warmups: (RunResult | undefined)[] = [];
  let weights: PageWeight[] = [];
  try {
    const accounts = await prepare(db);
    for (const [run, n] of INSTANCE_RUNS.entries()) {
      log(`chạy với ${n} tiến trình ứng dụng…`);
      const inst = TARGETS.length ? { urls: TARGETS.slice(0, n), stop: async () => {} } : await startInstances(n, url);
      try {
        let warm: RunResult | undefined;
        if (WARMUP_SECONDS > 0) {
          log(`khởi động ${WARMUP_SECONDS} s (không tính)…`);
          warm = await runOnce(accounts, inst.urls, 2 * run, WARMUP_SECONDS);
          log(`khởi động: p95 ${f0(table(warm).total.p95)} ms`);
        }
        warmups.push(warm);
        // The pages weighed one at a time on a server past its first minute, as the runs measure it.
        if (run === 0) {
          const officer = accounts.find((a) => a.role === "officer");
          const city = accounts.find((a) => a.role === "staff" || (a.role === "leader" && a.unit !== "VN"))?.unit;
          // Only the accounts this run made (a few users may have no national leader, lt.tw.0).
          const made = new Set(accounts.map((a) => a.username));
          weights = await weighPages(
            inst.urls[0],
            defaultWeighAccounts(PASSWORD, city, officer?.unit).filter((w) => made.has(w.username)),
          );
          log(`đã đo ${weights.length} trang`);
        }
        const r = await runOnce(accounts, inst.urls, 2 * run + 1);
        const t = table(r).total;
        log(`${n} tiến trình: ${t.n} yêu cầu, p95 ${f0(t.p95)} ms, lỗi ${t.errors}`);
        results.push(r);
      } finally {
        await inst.stop();
      }
    }
  } finally {
    await db.close();
    if (!KEEP) {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    }
  }
  mkdirSync("bench-results", { recursive: true });
  const md = markdown(results, weights, warmups);
  writeFileSync("bench-results/loadtest.md", md + "\n");
  writeFileSync(
    "bench-results/loadtest.json",
    JSON.stringify(
      {
        weights,
        runs: results.map((r, i) => ({
          ...r,
          samples: undefined,
          summary: table(r),
          warmup: warmups[i] && { seconds: warmups[i].seconds, summary: table(warmups[i]).total },
        })),
      },
      null,
      2,
    ) + "\n",
  );
  console.log("\n" + md);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
