// Several instances, one database (issue 16): two production servers of this build started at the
// same moment on one fresh PostgreSQL database, as behind a load balancer. They must apply the
// migrations and load the data once, accept each other's sessions, see each other's saves at once,
// refuse the second of two concurrent edits across them (409), and count sign-in failures together.
// Needs the machine's PostgreSQL (TEST_DATABASE_URL, set by CI); skipped without it. With
// TEST_REPLICA_URL (a streaming replica of that server, started by scripts/replica-test.mjs) the
// instances read through DATABASE_REPLICA_URL and the replica test below runs too.
import { test, expect } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { HttpSession } from "../../scripts/loadtest/session";
import { DEMO_PASSWORD } from "../../lib/demo/accounts";
import { readMigrations } from "../../lib/db/migrate";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const REPLICA_BASE = process.env.TEST_REPLICA_URL;
const BASE = Number(process.env.E2E_PORT ?? 3100) + 50;
const KIM_THANH = "10804";

test.describe.configure({ mode: "serial", timeout: 240_000 });
test.skip(!ADMIN_URL, "TEST_DATABASE_URL is not set: the several-instances test needs a PostgreSQL server");

let dbName = "";
let dbUrl = "";
let replicaUrl = "";
const procs: ChildProcess[] = [];
const urls = [`http://127.0.0.1:${BASE}`, `http://127.0.0.1:${BASE + 1}`];

async function admin<T>(f: (c: pg.Client) => Promise<T>, url = ADMIN_URL!): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

async function waitUp(url: string, proc: ChildProcess, log: () => string) {
  const until = Date.now() + 180_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${url} stopped (${proc.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/login`)).status === 200) return;
    } catch {
      /* starting */
    }
    if (Date.now() > until) throw new Error(`${url} did not start in 180 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test.beforeAll(async () => {
  dbName = `instances_${Date.now()}`;
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const u = new URL(ADMIN_URL!);
  u.pathname = `/${dbName}`;
  dbUrl = u.toString();
  if (REPLICA_BASE) {
    const r = new URL(REPLICA_BASE);
    r.pathname = `/${dbName}`;
    replicaUrl = r.toString();
  }
  // Both at once on the empty database: the start-up race is part of the test. No NEXTAUTH_SECRET:
  // the instances must agree on the secret kept in the database.
  const logs: string[][] = [[], []];
  urls.forEach((url, i) => {
    const env = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: dbUrl,
      NEXTAUTH_URL: urls[0],
      DEMO_DATA: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    delete env.NEXTAUTH_SECRET;
    if (replicaUrl) Object.assign(env, { DATABASE_REPLICA_URL: replicaUrl });
    const p = spawn("npx", ["next", "start", "-p", String(BASE + i), "-H", "127.0.0.1"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    p.stdout?.on("data", (d: Buffer) => logs[i].push(String(d)));
    p.stderr?.on("data", (d: Buffer) => logs[i].push(String(d)));
    procs.push(p);
  });
  await Promise.all(urls.map((url, i) => waitUp(url, procs[i], () => logs[i].join(""))));
});

test.afterAll(async () => {
  for (const p of procs) {
    try {
      process.kill(-p.pid!, "SIGTERM");
    } catch {
      /* gone */
    }
  }
  await new Promise((r) => setTimeout(r, 1000));
  if (dbName) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
});

test("two instances started at once apply each migration and load the demo data exactly once", async () => {
  const { rows } = await admin(
    (c) => c.query<{ migration_name: string; n: number }>(`SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1`),
    dbUrl,
  );
  expect(rows.map((r) => r.migration_name).sort()).toEqual(
    readMigrations()
      .map((m) => m.name)
      .sort(),
  );
  expect(rows.every((r) => r.n === 1)).toBe(true);
  const users = await admin((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username = 'xa.kimthanh'`), dbUrl);
  expect(users.rows[0].n).toBe(1);
  const secrets = await admin((c) => c.query<{ n: number }>(`SELECT count(*)::int AS n FROM system_settings WHERE key = 'auth_secret'`), dbUrl);
  expect(secrets.rows[0].n).toBe(1);
});

test("a session signed in on one instance works on the other; a save on one is read at once on the other; a concurrent edit across them gets one 409", async () => {
  const onA = new HttpSession(urls[0]);
  await onA.signIn("xa.kimthanh", DEMO_PASSWORD);
  const onB = onA.on(urls[1]);
  const previous = await onB.get(`/api/v1/units/${KIM_THANH}/figures/2026/2`);
  expect(previous.status).toBe(200);
  const { figures } = (await previous.json()) as { figures: Record<string, number | null> };

  const path = `/api/v1/units/${KIM_THANH}/figures/2026/3`;
  const saved = await onA.json("PUT", path, { figures: { ...figures, bhyt: (figures.bhyt ?? 0) + 7 }, confirmWarnings: true });
  expect(saved.status, await saved.clone().text()).toBe(200);
  const read = await onB.get(path);
  expect(read.status).toBe(200);
  const report = (await read.json()) as { version: number; figures: Record<string, number | null> };
  expect(report.figures.bhyt).toBe((figures.bhyt ?? 0) + 7);

  const [a, b] = await Promise.all([
    onA.json("PUT", path, { figures: { ...report.figures, bhyt: (report.figures.bhyt ?? 0) + 1 }, version: report.version, confirmWarnings: true }),
    onB.json("PUT", path, { figures: { ...report.figures, bhyt: (report.figures.bhyt ?? 0) + 2 }, version: report.version, confirmWarnings: true }),
  ]);
  expect([a.status, b.status].sort()).toEqual([200, 409]);
  const after = (await (await onA.get(path)).json()) as { version: number; figures: Record<string, number | null> };
  expect(after.version).toBe(report.version + 1);
  expect(after.figures.bhyt).toBe((report.figures.bhyt ?? 0) + (a.status === 200 ? 1 : 2));
});

test("with a replica: reads come from it, except a user's own reads right after a write, which come from the primary", async () => {
  test.skip(!REPLICA_BASE, "no replica (scripts/replica-test.mjs starts one)");
  const officer = new HttpSession(urls[0]);
  await officer.signIn("xa.kimthanh", DEMO_PASSWORD);
  const staff = new HttpSession(urls[1]);
  await staff.signIn("bhxh.haiphong", DEMO_PASSWORD);
  const path = `/api/v1/units/${KIM_THANH}/figures/2026/3`;
  const before = (await (await officer.get(path)).json()) as { version: number; figures: Record<string, number | null> };
  // Every page of the city reads from the replica without trying to write there.
  for (const page of [
    "/",
    "/units/31",
    "/units/31/dashboard",
    "/units/31/rankings",
    "/units/31/completeness",
    "/units/31/targets",
    "/units/31/monthly",
    "/units/31/employers",
    `/units/${KIM_THANH}`,
    `/units/${KIM_THANH}/report`,
    `/units/${KIM_THANH}/document`,
    `/units/${KIM_THANH}/villages`,
    "/api/v1/rankings/xlsx?parent=31&year=2026&quarter=3&indicator=compulsoryCoverage",
  ]) {
    expect((await staff.get(page)).status, page).toBe(200);
  }
  expect((await new HttpSession(urls[0]).get("/public/late-payers/46")).status).toBe(200);
  // Freeze the replica, then write on the primary.
  await admin((c) => c.query("SELECT pg_wal_replay_pause()"), replicaUrl);
  try {
    const bhyt = (before.figures.bhyt ?? 0) + 100;
    const saved = await officer.json("PUT", path, { figures: { ...before.figures, bhyt }, version: before.version, confirmWarnings: true });
    expect(saved.status, await saved.clone().text()).toBe(200);
    // The writer reads its own write at once (its fence cookie sends it to the primary), on either instance…
    expect(((await (await officer.get(path)).json()) as { figures: { bhyt: number } }).figures.bhyt).toBe(bhyt);
    expect(((await (await officer.on(urls[1]).get(path)).json()) as { figures: { bhyt: number } }).figures.bhyt).toBe(bhyt);
    // …while another user's read still comes from the frozen replica.
    expect(((await (await staff.get(path)).json()) as { figures: { bhyt: number } }).figures.bhyt).toBe(before.figures.bhyt);
  } finally {
    await admin((c) => c.query("SELECT pg_wal_replay_resume()"), replicaUrl);
  }
  await expect
    .poll(async () => ((await (await staff.get(path)).json()) as { figures: { bhyt: number } }).figures.bhyt, { timeout: 15_000 })
    .toBe((before.figures.bhyt ?? 0) + 100);
});

test("sign-in failures count across both instances", async () => {
  // Three free failures for a username from one address, alternating instances; the fourth attempt,
  // even with the right password, is slowed down on either instance.
  for (let i = 0; i < 3; i++) {
    const s = new HttpSession(urls[i % 2]);
    await expect(s.signIn("bhxh.hue", "wrong-password")).rejects.toThrow();
  }
  const s = new HttpSession(urls[1]);
  await expect(s.signIn("bhxh.hue", DEMO_PASSWORD)).rejects.toThrow(/THROTTLED|401/);
});
