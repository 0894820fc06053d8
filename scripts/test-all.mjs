// npm test: every test there is: unit and integration tests (Vitest) on embedded PGlite and, when
// TEST_DATABASE_URL is set, on that PostgreSQL server too; then the browser tests (Playwright
// driving Debian's Chromium against a production build), then the read-replica test (scripts/replica-test.mjs).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const chromium = env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  return r.status ?? 1;
}

if (!existsSync(chromium)) {
  // The browser tests need Debian's Chromium; install it where we can (root on Debian).
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    run("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"]);
  }
  if (!existsSync(chromium)) {
    console.error(`Không tìm thấy Chromium tại ${chromium}. Cài bằng: sudo apt-get install -y chromium (hoặc đặt CHROMIUM_PATH).`);
    process.exit(1);
  }
}

if (!env.TEST_DATABASE_URL) {
  console.log("TEST_DATABASE_URL chưa đặt: kiểm thử tích hợp chỉ chạy trên PGlite (đặt biến này để chạy thêm trên PostgreSQL).");
}
const unit = run("npx", ["vitest", "run"]);
const e2e = run("npx", ["playwright", "test"]);
// A real streaming replica of the PostgreSQL server, and the several-instances test again reading from it
// (skips itself, saying why, where it cannot run: no TEST_DATABASE_URL, not root, no PostgreSQL tools).
const replica = run("node", ["scripts/replica-test.mjs"]);
const failed = [unit !== 0 && "vitest", e2e !== 0 && "playwright", replica !== 0 && "replica"].filter(Boolean);
if (failed.length) {
  console.error(`\nThất bại: ${failed.join(", ")}`);
  process.exit(1);
}
console.log("\nTất cả kiểm thử đã đạt.");
