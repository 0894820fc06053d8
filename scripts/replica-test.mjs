// The read-replica test (issue 16): starts a real streaming replica of the machine's PostgreSQL
// (pg_basebackup into a temporary folder, another port), then runs the several-instances browser test
// with DATABASE_REPLICA_URL pointing at it (tests/e2e/instances.spec.ts: its replica checks run only
// then), and removes the replica. Needs root (to run PostgreSQL's tools as the postgres user), the
// PostgreSQL server binaries and TEST_DATABASE_URL; says why and exits 0 when it cannot run here.
//
//   node scripts/replica-test.mjs            (npm test runs it last when it can)
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const PORT = Number(process.env.REPLICA_PORT ?? 5433);
const skip = (why) => {
  console.log(`[replica] bỏ qua kiểm thử bản sao (skipped): ${why}`);
  process.exit(0);
};
if (!ADMIN_URL) skip("TEST_DATABASE_URL chưa đặt");
if (process.getuid?.() !== 0) skip("cần quyền root để chạy công cụ PostgreSQL dưới tài khoản postgres");
const pgRoot = "/usr/lib/postgresql";
const version = existsSync(pgRoot) ? readdirSync(pgRoot).sort().at(-1) : undefined;
const bin = version ? path.join(pgRoot, version, "bin") : "";
if (!bin || !existsSync(path.join(bin, "pg_basebackup"))) skip("không tìm thấy pg_basebackup");

const primary = new URL(ADMIN_URL);
const asPostgres = (cmd) => spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { encoding: "utf8" });

async function q(sql) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return (await c.query(sql)).rows;
  } finally {
    await c.end();
  }
}

// Replication connections from 127.0.0.1 must be allowed on the primary (trust, as the machine's other rules).
const [{ hba_file: hba }] = await q("SHOW hba_file");
const rules = await q("SELECT database, address FROM pg_hba_file_rules WHERE type = 'host'");
if (!rules.some((r) => (r.database ?? []).includes("replication"))) {
  console.log(`[replica] thêm quyền sao chép cho 127.0.0.1 vào ${hba}`);
  spawnSync("sh", ["-c", `printf '\\nhost replication all 127.0.0.1/32 trust\\n' >> '${hba}'`]);
  await q("SELECT pg_reload_conf()");
}

const dir = mkdtempSync(path.join(os.tmpdir(), "bhxh-replica-"));
chownSync(
  dir,
  Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim()),
  Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()),
);
chmodSync(dir, 0o700);
const data = path.join(dir, "data");
let started = false;
let status = 1;
try {
  const t0 = Date.now();
  const bb = asPostgres(
    `${bin}/pg_basebackup -h ${primary.hostname} -p ${primary.port || 5432} -U ${primary.username || "postgres"} -D ${data} -R -X stream -c fast`,
  );
  if (bb.status !== 0) throw new Error(`pg_basebackup: ${bb.stderr}`);
  // Debian keeps the primary's configuration outside its data folder: the replica gets its own.
  writeFileSync(
    path.join(data, "postgresql.conf"),
    `port = ${PORT}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${dir}'\nhot_standby = on\nmax_connections = 100\n`,
  );
  writeFileSync(path.join(data, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
  writeFileSync(path.join(data, "pg_ident.conf"), "");
  spawnSync("chown", ["-R", "postgres:postgres", data]);
  const start = asPostgres(`${bin}/pg_ctl -D ${data} -l ${dir}/log -w -t 60 start`);
  if (start.status !== 0) throw new Error(`pg_ctl start: ${start.stdout}${start.stderr}`);
  started = true;
  const u = new URL(ADMIN_URL);
  u.port = String(PORT);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  const [{ standby }] = (await c.query("SELECT pg_is_in_recovery() AS standby")).rows;
  await c.end();
  if (!standby) throw new Error("the copy on port " + PORT + " is not a standby");
  console.log(`[replica] bản sao chạy trên cổng ${PORT} (${((Date.now() - t0) / 1000).toFixed(1)} s); chạy kiểm thử nhiều tiến trình với DATABASE_REPLICA_URL`);
  u.pathname = "/";
  const r = spawnSync("npx", ["playwright", "test", "tests/e2e/instances.spec.ts"], {
    stdio: "inherit",
    env: { ...process.env, TEST_REPLICA_URL: u.toString(), E2E_SKIP_BUILD: "1", E2E_NO_SERVER: "1", E2E_WORKERS: "1" },
  });
  status = r.status ?? 1;
} catch (e) {
  console.error(`[replica] ${e instanceof Error ? e.message : e}`);
  status = 1;
} finally {
  if (started) asPostgres(`${bin}/pg_ctl -D ${data} -m immediate -w stop`);
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
