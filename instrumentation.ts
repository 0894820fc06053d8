// Runs once when the Next.js server starts (see lib/startup.server.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` must never open (and migrate) the database.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/startup.server");
  await startServer();
}
