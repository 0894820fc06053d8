// Loads the demo data (lib/demo/generate.ts) into a database that already holds the reference
// units (lib/db/reference.ts): villages, demo accounts, quarterly reports and targets of Thành phố
// Hải Phòng and Thành phố Huế, in one transaction, with bulk inserts. Called by bootstrap() when
// the demo is enabled and the "demo_data" setting is absent.
import type { Database } from "../db/connect";
import { NATION_CODE } from "../db/reference";
import { DEMO_SETTING } from "../db/settings";
import { hashPassword } from "../auth/password";
import { DEMO_PASSWORD } from "./accounts";
import { DEMO_TENANT_CODES, generateDemoData, type DemoInput, type DemoTenantCode } from "./generate";

/** Value of the "demo_data" setting: which demo data set was loaded. */
export const DEMO_DATA_VERSION = "seed-403-v1";

export async function loadDemoData(db: Database): Promise<void> {
  const { prisma } = db;

  const anchors = await prisma.unit.findMany({
    where: {
      validTo: null,
      OR: [
        { level: "NATION", code: NATION_CODE },
        { level: "PROVINCE", code: { in: [...DEMO_TENANT_CODES] } },
      ],
    },
    select: { id: true, code: true },
  });
  const idOf = new Map(anchors.map((u) => [u.code, u.id]));
  const missing = [NATION_CODE, ...DEMO_TENANT_CODES].filter((c) => !idOf.has(c));
  if (missing.length)
    throw new Error(`Chưa có danh mục đơn vị hành chính (thiếu ${missing.join(", ")}): hãy nạp danh mục trước dữ liệu minh họa`);
  const tenantIdOf = (code: DemoTenantCode) => idOf.get(code)!;

  const communes = await prisma.unit.findMany({
    where: { level: "COMMUNE", validTo: null, tenantId: { in: DEMO_TENANT_CODES.map(tenantIdOf) } },
    select: { id: true, code: true, name: true, type: true, tenantId: true },
    orderBy: { code: "asc" },
  });
  const input: DemoInput = { "31": [], "46": [] };
  for (const tenant of DEMO_TENANT_CODES) {
    const tid = tenantIdOf(tenant);
    input[tenant] = communes.filter((c) => c.tenantId === tid).map(({ code, name, type }) => ({ code, name, type }));
  }
  for (const c of communes) idOf.set(c.code, c.id);
  const unitIdOf = (code: string) => {
    const id = idOf.get(code);
    if (id === undefined) throw new Error(`Không tìm thấy đơn vị ${code}`);
    return id;
  };

  const data = generateDemoData(input);
  // The demo accounts share one password, so one hash (≈ 50 ms of Argon2id) serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // skipDuplicates everywhere: the demo fills what is missing and never overwrites what a user
  // already entered (e.g. an "admin" account created before the demo was switched on).
  await prisma.$transaction(
    async (tx) => {
      await tx.unit.createMany({
        data: data.villages.map((v) => ({
          code: v.code,
          name: v.name,
          level: "VILLAGE" as const,
          type: v.type,
          parentId: unitIdOf(v.parentCode),
          tenantId: tenantIdOf(v.tenantCode),
          validFrom: v.validFrom,
        })),
        skipDuplicates: true,
      });
      await tx.user.createMany({
        data: data.users.map((u) => ({
          username: u.username,
          passwordHash,
          fullName: u.fullName,
          role: u.role,
          unitId: u.unitCode ? unitIdOf(u.unitCode) : null,
          tenantId: u.tenantCode ? unitIdOf(u.tenantCode) : null,
        })),
        skipDuplicates: true,
      });
      await tx.quarterReport.createMany({
        data: data.reports.map(({ tenantCode, unitCode, ...r }) => ({
          ...r,
          tenantId: tenantIdOf(tenantCode),
          unitId: unitIdOf(unitCode),
        })),
        skipDuplicates: true,
      });
      await tx.target.createMany({
        data: data.targets.map(({ tenantCode, unitCode, ...t }) => ({
          ...t,
          tenantId: tenantIdOf(tenantCode),
          unitId: unitIdOf(unitCode),
        })),
        skipDuplicates: true,
      });
      await tx.systemSetting.upsert({
        where: { key: DEMO_SETTING },
        create: { key: DEMO_SETTING, value: DEMO_DATA_VERSION },
        update: { value: DEMO_DATA_VERSION },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
