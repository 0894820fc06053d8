// Fails, with one line, when package-lock.json cannot install on a new machine: an entry of
// "packages" without a version (npm then stops with "Invalid Version:" unless its cache happens to
// hold the package), or a lock older than lockfileVersion 3. Run by .ci/run before npm ci.
import { readFileSync } from "node:fs";

const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
if (lock.lockfileVersion !== 3) {
  console.error(`package-lock.json: lockfileVersion ${lock.lockfileVersion}, expected 3: regenerate it with npm install --package-lock-only`);
  process.exit(1);
}
const missing = Object.entries(lock.packages ?? {})
  .filter(([key, entry]) => key !== "" && !entry.link && !entry.version)
  .map(([key]) => key);
if (missing.length) {
  console.error(
    `package-lock.json: ${missing.length} entries without a version (e.g. ${missing[0]}): a new machine cannot install it; regenerate it with this machine's npm (npm install --package-lock-only)`,
  );
  process.exit(1);
}
console.log(`package-lock.json: ${Object.keys(lock.packages).length - 1} entries, every one with a version`);
