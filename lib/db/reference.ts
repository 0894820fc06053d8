// Loads the official list of administrative units (34 provinces, 3,321 communes, in force since
// 1 July 2025) from the project's own copy, prisma/reference/vn-admin-units-2025.csv.
// Codes are stored in the statistics office's padded form: provinces 2 digits ("04"), communes
// 5 digits ("00004"): unpadded, province 4 and commune 4 would be the same code.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { PrismaClient } from "../generated/prisma/client";
import type { UnitType } from "../generated/prisma/enums";

export const NATION_CODE = "VN";
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
  "tỉnh": "TINH",
  "xã": "XA",
  "phường": "PHUONG",
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

/** Inserts the nation, provinces and communes once; does nothing when the nation exists. */
export async function loadReferenceUnits(prisma: PrismaClient, rows = readReferenceUnits()): Promise<boolean> {
  const existing = await prisma.unit.findFirst({ where: { code: NATION_CODE, level: "NATION" } });
  if (existing) return false;
  await prisma.$transaction(async (tx) => {
    const nation = await tx.unit.create({
      data: { code: NATION_CODE, name: "Việt Nam", level: "NATION", type: "QUOC_GIA", validFrom: REFERENCE_VALID_FROM },
    });
    const provinces = await tx.unit.createManyAndReturn({
      data: rows
        .filter((r) => r.level === "province")
        .map((r) => ({
          code: r.code,
          name: r.name,
          level: "PROVINCE" as const,
          type: r.type,
          parentId: nation.id,
          validFrom: REFERENCE_VALID_FROM,
        })),
      select: { id: true, code: true },
    });
    const idOf = new Map(provinces.map((p) => [p.code, p.id]));
    // A province is its own tenant.
    await tx.$executeRaw`UPDATE units SET tenant_id = id WHERE level = 'PROVINCE'`;
    await tx.unit.createMany({
      data: rows
        .filter((r) => r.level === "commune")
        .map((r) => {
          const pid = idOf.get(r.provinceCode!);
          if (!pid) throw new Error(`Xã ${r.code} thuộc tỉnh không có trong danh mục: ${r.provinceCode}`);
          return {
            code: r.code,
            name: r.name,
            level: "COMMUNE" as const,
            type: r.type,
            parentId: pid,
            tenantId: pid,
            validFrom: REFERENCE_VALID_FROM,
          };
        }),
    });
  });
  return true;
}
