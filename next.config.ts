import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native addons and WASM that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "csv-parse"],
  poweredByHeader: false,
  // A separate build folder (NEXT_DIST_DIR=.next-x) lets two builds of one checkout run side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The app's own files only: tests and scripts are type-checked by `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  typedRoutes: false,
  // forbidden() → app/forbidden.tsx with HTTP 403 for units outside a user's scope.
  experimental: { authInterrupts: true },
};

export default withNextIntl(nextConfig);
