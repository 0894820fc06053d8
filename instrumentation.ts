// Runs once when the Next.js server starts: opens the database, applies pending migrations and
// loads reference/demo data before the first request. A failure stops the server with its error.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` must never open (and migrate) the database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { database } = await import("./lib/db.server");
    await database();
  } catch (err) {
    console.error("\n[khởi động] Không thể khởi động ứng dụng (start-up failed):");
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
