// Runs `prisma generate` without letting the Prisma CLI download its native schema engine
// (air-gapped machines cannot). Generation itself only needs the bundled WASM, but the CLI
// insists on finding an executable at start-up: any existing one will do.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env,
});
process.exit(r.status ?? 1);
