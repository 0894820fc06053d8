// npm run db:migrate — applies pending migrations (and the official units and targets) on demand, to the
// embedded database (DATA_DIR) or to DATABASE_URL. The app does the same at start-up.
// With the embedded database, stop the app first: PGlite opens its folder from one process only.
import path from "node:path";
import { env, EnvError } from "../lib/env";
import { openDatabase } from "../lib/db/connect";
import { migrate, MigrationError } from "../lib/db/migrate";
import { loadReferenceTargets, loadReferenceUnits } from "../lib/db/reference";

async function main() {
  const e = env();
  const target = e.embedded ? `PGlite ${path.resolve(e.DATA_DIR)}` : "PostgreSQL (DATABASE_URL)";
  const db = e.embedded ? await openDatabase({ dataDir: path.resolve(e.DATA_DIR) }) : await openDatabase({ url: e.DATABASE_URL! });
  try {
    const r = await migrate(db.sql);
    for (const w of r.warnings) console.warn(`Cảnh báo: ${w}`);
    for (const m of r.applied) console.log(`Đã áp dụng: ${m}`);
    console.log(`${target}: ${r.applied.length} migration mới, ${r.alreadyApplied.length} đã có.`);
    if (await loadReferenceUnits(db.sql)) console.log("Đã nạp danh mục 34 tỉnh, 3.321 xã.");
    const targets = await loadReferenceTargets(db.sql);
    if (targets > 0) console.log(`Đã nạp ${targets} chỉ tiêu chính thức (Nghị quyết 403/NQ-CP, Công văn 2244/BHXH-QLT).`);
  } finally {
    await db.close();
  }
}

main().catch((err) => {
  if (err instanceof EnvError || err instanceof MigrationError) console.error(err.message);
  else console.error("Lỗi:", err instanceof Error ? err.message : err);
  process.exit(1);
});
