// The checksum recorded in `_prisma_migrations` must be Prisma's: sha256 of the script, lowercase
// hex, compared line-ending-agnostically (migration-connector/src/checksum.rs).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checksumOf, readMigrations, scriptMatchesChecksum } from "@/lib/db/migrate";

describe("checksumOf", () => {
  it("is the lowercase hex sha256 of the script", () => {
    expect(checksumOf("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    expect(checksumOf("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(checksumOf("hello")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes the UTF-8 bytes, as the file is stored", () => {
    const script = "-- Đơn vị hành chính\nCREATE TABLE t (tên text);\n";
    expect(checksumOf(script)).toBe(createHash("sha256").update(Buffer.from(script, "utf8")).digest("hex"));
  });

  it("matches the sha256 of each migration.sql file's bytes", () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) {
      const bytes = readFileSync(path.join(process.cwd(), "prisma", "migrations", m.name, "migration.sql"));
      expect(m.checksum, m.name).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(checksumOf(m.script)).toBe(m.checksum);
    }
  });
});

describe("scriptMatchesChecksum", () => {
  const lf = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
  const crlf = lf.replace(/\n/g, "\r\n");

  it("accepts the same script", () => {
    expect(scriptMatchesChecksum(lf, checksumOf(lf))).toBe(true);
    expect(scriptMatchesChecksum("hello", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")).toBe(true);
  });

  it("treats CRLF and LF line endings as the same script, both ways", () => {
    expect(scriptMatchesChecksum(crlf, checksumOf(lf))).toBe(true);
    expect(scriptMatchesChecksum(lf, checksumOf(crlf))).toBe(true);
  });

  it("rejects any other change", () => {
    expect(scriptMatchesChecksum(lf + "-- edited\n", checksumOf(lf))).toBe(false);
    expect(scriptMatchesChecksum(lf.trimEnd(), checksumOf(lf))).toBe(false);
    expect(scriptMatchesChecksum(lf.replace("a", "A"), checksumOf(lf))).toBe(false);
    expect(scriptMatchesChecksum(lf, checksumOf(crlf + "\r\n"))).toBe(false);
    expect(scriptMatchesChecksum("hello", "")).toBe(false);
  });
});
