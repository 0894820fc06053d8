// npm test: every test there is: unit and integration tests (Vitest) on embedded PGlite and, when
// TEST_DATABASE_URL is set, on that PostgreSQL server too; then the browser tests (Playwright
// driving Debian's Chromium against a production build), then the read-replica test (scripts/replica-test.mjs).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  return r.status ?? 1;
}

// The browser tests drive Debian's old headless shell (a third less CPU than the full browser; the
// full Chromium works too, CHROMIUM_PATH=/usr/bin/chromium). Installed where we can (root on Debian).
const SHELL = "/usr/bin/chromium-headless-shell";
const chromium = env.CHROMIUM_PATH ?? SHELL;
if (!existsSync(chromium) && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  const pkg = chromium === SHELL ? "chromium-headless-shell" : "chromium";
  run("sh", ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkg} >/dev/null`]);
}
if (!existsSync(chromium) && !(chromium === SHELL && existsSync("/usr/bin/chromium"))) {
  console.error(`Không tìm thấy Chromium tại ${chromium}. Cài bằng: sudo apt-get install -y chromium-headless-shell (hoặc đặt CHROMIUM_PATH).`);
  process.exit(1);
}

if (!env.TEST_DATABASE_URL) {
  console.log("TEST_DATABASE_URL chưa đặt: kiểm thử tích hợp chỉ chạy trên PGlite (đặt biến này để chạy thêm trên PostgreSQL).");
}
// The browser tests' production build runs beside the Vitest run (much of which waits on the databases),
// its output kept for the end unless it fails.
let build = Promise.resolve({ status: 0, out: "" });
if (!env.E2E_SKIP_BUILD) {
  console.log("\n$ npx next build   (beside vitest)");
  build = new Promise((resolve) => {
    const chunks = [];
    const b = spawn("npx", ["next", "build"], { env, stdio: ["ignore", "pipe", "pipe"] });
    b.stdout.on("data", (d) => chunks.push(d));
    b.stderr.on("data", (d) => chunks.push(d));
    b.on("close", (status) => resolve({ status: status ?? 1, out: Buffer.concat(chunks).toString() }));
  });
}
const unit = await new Promise((resolve) => {
  console.log("\n$ npx vitest run");
  spawn("npx", ["vitest", "run"], { stdio: "inherit", env }).on("close", (status) => resolve(status ?? 1));
});
const built = await build;
if (built.status !== 0) console.error(built.out);
// The several-instances browser test runs once, reading from a real streaming replica of the PostgreSQL
// server, where one can be made here (scripts/replica-test.mjs: root, PostgreSQL's tools, TEST_DATABASE_URL);
// elsewhere it runs with the other browser tests and the replica stage says why it is skipped.
const pgBin = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().at(-1) : undefined;
const replicaHere =
  Boolean(env.TEST_DATABASE_URL) && process.getuid?.() === 0 && pgBin !== undefined && existsSync(`/usr/lib/postgresql/${pgBin}/bin/pg_basebackup`);
env.E2E_SKIP_BUILD = "1";
if (replicaHere) env.E2E_IGNORE = "instances\\.spec\\.ts";
const e2e = built.status !== 0 ? 1 : run("npx", ["playwright", "test"]);
delete env.E2E_IGNORE;
const replica = built.status !== 0 ? 1 : run("node", ["scripts/replica-test.mjs"]);
const failed = [unit !== 0 && "vitest", built.status !== 0 && "next build", e2e !== 0 && "playwright", replica !== 0 && "replica"].filter(Boolean);
if (failed.length) {
  console.error(`\nThất bại: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\nTất cả kiểm thử đã đạt.");
