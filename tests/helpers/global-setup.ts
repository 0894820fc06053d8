// Vitest global setup: builds the prepared databases once per run (see templates.ts) and hands their
// names to the test files through provide/inject; removes them when the run ends.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { adminQuery, buildPgliteTemplates, buildPostgresTemplates, type Templates } from "./templates";

declare module "vitest" {
  export interface ProvidedContext {
    templates: Templates;
  }
}

export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const dir = mkdtempSync(path.join(tmpdir(), "bhxh-test-"));
  // The PostgreSQL templates are built by the server's processes while PGlite's run here: both at once.
  const postgresBuilt: Promise<Templates["postgres"]> = process.env.TEST_DATABASE_URL
    ? buildPostgresTemplates(`tpl_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`)
    : Promise.resolve(null);
  const [dumps, postgres] = await Promise.all([buildPgliteTemplates(), postgresBuilt]);
  const pglite = { reference: path.join(dir, "reference.tar"), demo: path.join(dir, "demo.tar") };
  writeFileSync(pglite.reference, Buffer.from(await dumps.reference.arrayBuffer()));
  writeFileSync(pglite.demo, Buffer.from(await dumps.demo.arrayBuffer()));
  project.provide("templates", { pglite, postgres });
  console.info(`[tests] prepared databases in ${Date.now() - t0} ms`);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (postgres) {
      for (const name of [postgres.demo, postgres.reference]) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  };
}
