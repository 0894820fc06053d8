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
  // The public list of employers paying late (issue 15): /public/late-payers/46 is a page and
  // /public/late-payers/46.csv its file, served by the route handler of …/[province]/csv.
  async rewrites() {
    return [{ source: "/public/late-payers/:province(\\d+).csv", destination: "/public/late-payers/:province/csv" }];
  },
};

export default withNextIntl(nextConfig);
