// Prisma CLI configuration (Prisma 7). The app itself never reads this file: it builds its own
// client with a driver adapter in lib/db.server.ts. DATABASE_URL is only needed by
// `prisma migrate deploy/status` on a machine where Prisma's schema engine can run.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/placeholder" },
});
