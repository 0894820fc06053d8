// Loads the official list of administrative units (34 provinces, 3,321 communes, in force since
// 1 July 2025) from the project's own copy, prisma/reference/vn-admin-units-2025.csv, and the
// nation's official targets with their source documents, prisma/reference/official-targets.csv.
// Codes are stored in the statistics office's padded form: provinces 2 digits ("04"), communes
// 5 digits ("00004"): unpadded, province 4 and commune 4 would be the same code.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { SqlExecutor } from "./connect";
import type { UnitType } from "../generated/prisma/enums";
import { TARGET_YEARS, isTargetKey, targetKindOf, type TargetKey } from "../domain/targets";

export const NATION_CODE = "VN";
/** pg_advisory_xact_lock key of the reference load (any constant of our own). */
const REFERENCE_LOCK_KEY = 403_2025;
export const REFERENCE_VALID_FROM = new Date("2025-07-01T00:00:00Z");
export const REFERENCE_CSV = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "reference", "vn-admin-units-2025.csv");

export interface ReferenceRow {
  level: "province" | "commune";
  code: string;
  name: string;
  type: UnitType;
  provinceCode: string | null;
}

const TYPE_BY_DIVISION: Record<string, UnitType> = {
  "thành phố trung ương": "THANH_PHO_TRUNG_UONG",
  tỉnh: "TINH",
  xã: "XA",
  phường: "PHUONG",
  "đặc khu": "DAC_KHU",
};

export const padProvince = (c: string) => c.trim().padStart(2, "0");
export const padCommune = (c: string) => c.trim().padStart(5, "0");

export function readReferenceUnits(file = REFERENCE_CSV): ReferenceRow[] {
  const records = parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
  return records.map((r) => {
    const type = TYPE_BY_DIVISION[r.division_type];
    if (!type) throw new Error(`Loại đơn vị không rõ trong danh mục: ${r.division_type}`);
    const province = r.level === "province";
    return {
      level: province ? "province" : "commune",
      code: province ? padProvince(r.code) : padCommune(r.code),
      name: r.name,
      type,
      provinceCode: province ? null : padProvince(r.province_code),
    };
  });
}

/**
 * Inserts the nation, provinces and communes once, in a few set-based statements inside one SQL
 * transaction (no interactive-transaction time limit: a busy machine only makes it slower). An
 * advisory lock makes concurrent starts of several instances safe: the second waits, then finds
 * the nation and does nothing. Returns false when the units were already there.
 */
export async function loadReferenceUnits(sql: SqlExecutor, rows = readReferenceUnits()): Promise<boolean> {
  const provinces = rows.filter((r) => r.level === "province");
  const communes = rows.filter((r) => r.level === "commune");
  const provinceCodes = new Set(provinces.map((p) => p.code));
  const orphan = communes.find((c) => !provinceCodes.has(c.provinceCode!));
  if (orphan) throw new Error(`Xã ${orphan.code} thuộc tỉnh không có trong danh mục: ${orphan.provinceCode}`);
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [REFERENCE_LOCK_KEY]);
    const existing = await tx.query(`SELECT 1 FROM units WHERE code = $1 AND level = 'NATION' LIMIT 1`, [NATION_CODE]);
    if (existing.length) return false;
    const validFrom = REFERENCE_VALID_FROM.toISOString().slice(0, 10);
    await tx.query(
      `INSERT INTO units (code, name, level, type, valid_from, updated_at)
       VALUES ($1, 'Việt Nam', 'NATION', 'QUOC_GIA', $2::date, CURRENT_TIMESTAMP)`,
      [NATION_CODE, validFrom],
    );
    // Provinces: children of the nation, each its own tenant.
    await tx.query(
      `INSERT INTO units (code, name, level, type, parent_id, valid_from, updated_at)
       SELECT p.code, p.name, 'PROVINCE', p.type::"UnitType", n.id, $4::date, CURRENT_TIMESTAMP
       FROM unnest($1::text[], $2::text[], $3::text[]) AS p(code, name, type)
       CROSS JOIN (SELECT id FROM units WHERE code = $5 AND level = 'NATION') n`,
      [provinces.map((p) => p.code), provinces.map((p) => p.name), provinces.map((p) => p.type), validFrom, NATION_CODE],
    );
    await tx.query(`UPDATE units SET tenant_id = id WHERE level = 'PROVINCE' AND tenant_id IS NULL`);
    await tx.query(
      `INSERT INTO units (code, name, level, type, parent_id, tenant_id, valid_from, updated_at)
       SELECT c.code, c.name, 'COMMUNE', c.type::"UnitType", p.id, p.id, $5::date, CURRENT_TIMESTAMP
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS c(code, name, type, province_code)
       JOIN units p ON p.code = c.province_code AND p.level = 'PROVINCE'`,
      [communes.map((c) => c.code), communes.map((c) => c.name), communes.map((c) => c.type), communes.map((c) => c.provinceCode), validFrom],
    );
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Official targets (reference data, loaded on every install, not only with the demo)

/**
 * The targets official documents set for the nation, each with the document it comes from:
 * Resolution 403/NQ-CP (2030: BHXH participants, of which voluntary) and the directive
 * 2244/BHXH-QLT of Vietnam Social Security (2025: coverage, late payments, revenue), seed 003.
 */
export const REFERENCE_TARGETS_CSV = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "reference", "official-targets.csv");

export interface ReferenceTarget {
  unitCode: string;
  year: number;
  key: TargetKey;
  kind: "COUNT" | "RATE";
  value: number;
  source: string;
}

/** Reads and checks the official targets: known keys, the kind of their key, sane values, a source. */
export function readReferenceTargets(file = REFERENCE_TARGETS_CSV): ReferenceTarget[] {
  const records = parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
  const seen = new Set<string>();
  return records.map((r, i) => {
    const where = `${path.basename(file)}, dòng ${i + 2}`;
    const key = r.key;
    if (!isTargetKey(key)) throw new Error(`${where}: không có loại chỉ tiêu «${key}»`);
    const kind = r.kind;
    if (kind !== targetKindOf(key)) throw new Error(`${where}: chỉ tiêu ${key} là loại ${targetKindOf(key)}, không phải «${kind}»`);
    const year = Number(r.year);
    if (!Number.isInteger(year) || year < TARGET_YEARS.min || year > TARGET_YEARS.max) throw new Error(`${where}: năm không hợp lệ «${r.year}»`);
    const value = Number(r.value);
    const valid = kind === "COUNT" ? Number.isSafeInteger(value) && value > 0 : Number.isFinite(value) && value > 0 && value <= 2;
    if (r.value === "" || !valid) throw new Error(`${where}: giá trị không hợp lệ «${r.value}»`);
    const unitCode = r.unit_code;
    if (!unitCode) throw new Error(`${where}: thiếu mã đơn vị`);
    const source = r.source;
    if (!source || source.length > 200) throw new Error(`${where}: nguồn chỉ tiêu trống hoặc dài quá 200 ký tự`);
    const id = `${unitCode}/${year}/${key}`;
    if (seen.has(id)) throw new Error(`${where}: chỉ tiêu ${id} xuất hiện hai lần`);
    seen.add(id);
    return { unitCode, year, key, kind, value, source };
  });
}

/**
 * Inserts the official targets (readReferenceTargets) set-based, in one transaction, each with a
 * first revision (no previous value, the document as its source, no user: the reference data set
 * it). Idempotent: a target already in place (ON CONFLICT on targets' unit, year and key) is left
 * as it is, whatever its value, and a target that was ever set and later changed or removed (it has
 * revisions) is not put back. Throws when a unit is not in the unit list (load the units first).
 * Returns the number of targets inserted.
 */
export async function loadReferenceTargets(sql: SqlExecutor, rows = readReferenceTargets()): Promise<number> {
  if (rows.length === 0) return 0;
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [REFERENCE_LOCK_KEY]);
    const codes = [...new Set(rows.map((r) => r.unitCode))];
    const found = await tx.query<{ code: string }>(`SELECT DISTINCT code FROM units WHERE code = ANY($1::text[]) AND valid_to IS NULL`, [codes]);
    const missing = codes.filter((c) => !found.some((f) => f.code === c));
    if (missing.length) throw new Error(`Chưa có đơn vị ${missing.join(", ")} trong danh mục: hãy nạp danh mục đơn vị trước chỉ tiêu chính thức`);
    const inserted = await tx.query<{ n: number }>(
      `WITH official AS (
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::float8[], $6::text[])
           AS t(unit_code, year, key, kind, value, source)
       ), added AS (
         INSERT INTO targets (tenant_id, unit_id, year, key, kind, value, source, version, updated_at)
         SELECT u.tenant_id, u.id, o.year, o.key, o.kind::"TargetKind", o.value, o.source, 1, CURRENT_TIMESTAMP
         FROM official o
         JOIN units u ON u.code = o.unit_code AND u.valid_to IS NULL
         WHERE NOT EXISTS (SELECT 1 FROM target_revisions h WHERE h.unit_id = u.id AND h.year = o.year AND h.key = o.key)
         ON CONFLICT (unit_id, year, key) DO NOTHING
         RETURNING tenant_id, unit_id, year, key, kind, value, source
       ), revised AS (
         INSERT INTO target_revisions (tenant_id, unit_id, year, key, kind, old_value, new_value, old_source, new_source, changed_by_id, changed_at)
         SELECT tenant_id, unit_id, year, key, kind, NULL, value, NULL, source, NULL, CURRENT_TIMESTAMP FROM added
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM revised`,
      [
        rows.map((r) => r.unitCode),
        rows.map((r) => r.year),
        rows.map((r) => r.key),
        rows.map((r) => r.kind),
        rows.map((r) => r.value),
        rows.map((r) => r.source),
      ],
    );
    return Number(inserted[0]?.n ?? 0);
  });
}
