// Start-up of the Node.js server (called from instrumentation.ts): open the database, migrate,
// load reference and demo data. A failure stops the process with its message, never half-started.
import { database } from "./db.server";
import { env } from "./env";

export async function startServer(): Promise<void> {
  try {
    env(); // a missing or bad setting stops the start with its message
    await database();
  } catch (err) {
    console.error("\n[khởi động] Không thể khởi động ứng dụng (start-up failed):");
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
