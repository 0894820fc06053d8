// Serves the app for the browser tests: a production build on a fresh embedded database
// (demo data loaded at start-up), on its own port and data folder.
import { spawnSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";

const port = process.argv[2] ?? "3100";
const dataDir = path.resolve(".data", `e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dataDir, DEMO_DATA: "true" };
delete env.DATABASE_URL;

if (!process.env.E2E_SKIP_BUILD && !process.argv.includes("--no-build")) {
  const b = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const server = spawn("npm", ["run", "--silent", "start", "--", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
