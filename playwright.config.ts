import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/**
 * Two workers, each with its own server and embedded database (ports PORT and PORT + 1): a spec file
 * runs whole in one worker, against that worker's server, so files never see each other's writes
 * in a different order than alone. A worker process reads this file with its TEST_PARALLEL_INDEX set.
 */
const WORKERS = Math.max(1, Number(process.env.E2E_WORKERS ?? 2));
const WORKER_PORT = PORT + Number(process.env.TEST_PARALLEL_INDEX ?? 0);
/** Debian's old headless shell when installed (a third less CPU than the full browser), else Chromium. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium");

// Browser tests drive Debian's Chromium (no browser download: air-gapped machines cannot).
export default defineConfig({
  testDir: "tests/e2e",
  // npm test runs the several-instances test in its own stage, on a real replica (scripts/test-all.mjs).
  testIgnore: process.env.E2E_IGNORE ? new RegExp(process.env.E2E_IGNORE) : undefined,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: WORKERS,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${WORKER_PORT}`,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    // Traces only when a failed test is run again (CI retries once): recording every test cost a fifth of the run.
    trace: "on-first-retry",
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    },
  },
  // A production build on a fresh embedded database with demo data, one per worker, started all at once
  // by the first entry (scripts/e2e-server.mjs; it builds first unless E2E_SKIP_BUILD); the other entries
  // only wait, so that Playwright waits for every worker's URL. E2E_NO_SERVER: a stage that starts its own.
  webServer: process.env.E2E_NO_SERVER
    ? []
    : Array.from({ length: WORKERS }, (_, i) => ({
        command:
          i === 0 ? `node scripts/e2e-server.mjs ${Array.from({ length: WORKERS }, (_, j) => PORT + j).join(" ")}` : "node scripts/e2e-server.mjs --wait",
        url: `http://127.0.0.1:${PORT + i}/login`,
        timeout: 300_000,
        // The other entries' servers are started by the first, often ready before Playwright looks.
        reuseExistingServer: i > 0,
        stdout: "pipe" as const,
        stderr: "pipe" as const,
      })),
});
