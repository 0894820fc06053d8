// Serves the app for the browser tests: a production build on a fresh embedded database per port
// (demo data loaded at start-up), each on its own port and data folder.
//
//   node scripts/e2e-server.mjs 3100 3101   builds (unless E2E_SKIP_BUILD), then starts one server per
//                                           port, all at once: each start (migrations and demo data on
//                                           embedded PGlite) is mostly one thread, so two overlap on two
//                                           cores instead of queueing one after the other;
//   node scripts/e2e-server.mjs --wait      starts nothing and waits to be stopped: the other workers'
//                                           entries in playwright.config.ts, whose URLs Playwright still
//                                           waits for before any test runs.
import { spawnSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

if (process.argv.includes("--wait")) {
  const keep = setInterval(() => {}, 1 << 30);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => (clearInterval(keep), process.exit(0)));
} else {
  const ports = process.argv.slice(2).filter((a) => /^\d+$/.test(a));
  if (ports.length === 0) ports.push("3100");
  const base = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DEMO_DATA: "true" };
  delete base.DATABASE_URL;

  if (!process.env.E2E_SKIP_BUILD && !process.argv.includes("--no-build")) {
    const b = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: base });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  const servers = ports.map((port) => {
    const dataDir = path.resolve(".data", `e2e-${port}`);
    rmSync(dataDir, { recursive: true, force: true });
    return spawn("npm", ["run", "--silent", "start", "--", "-p", port, "-H", "127.0.0.1"], {
      stdio: "inherit",
      env: { ...base, DATA_DIR: dataDir },
    });
  });
  const stopAll = (sig) => {
    for (const s of servers) if (s.exitCode === null) s.kill(sig);
  };
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stopAll(sig));
  // One server gone ends them all: the tests of its worker could not run.
  for (const s of servers) {
    s.on("exit", (code) => {
      stopAll("SIGTERM");
      process.exit(code ?? 0);
    });
  }
}
