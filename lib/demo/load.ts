// Loads the demo data (lib/demo/generate.ts) into a database that already holds the reference
// units (lib/db/reference.ts): villages, demo accounts, quarterly reports and targets of Thành phố
// Hải Phòng and Thành phố Huế, in one transaction, with bulk inserts. Called by bootstrap() when
// the demo is enabled and the "demo_data" setting is absent.
import type { Database } from "../db/connect";
import { NATION_CODE } from "../db/reference";
import { DEMO_SETTING } from "../db/settings";
import { hashPassword } from "../auth/password";
import { DEMO_PASSWORD } from "./accounts";
import { DEMO_DEADLINE_DAYS, DEMO_TENANT_CODES, generateDemoData, type DemoInput, type DemoTenantCode } from "./generate";
import type { Prisma } from "../generated/prisma/client";
import { defaultReportSettings } from "../reports/document";
import { loadMonthlyDemo } from "./monthly";
import { loadDemoEmployers } from "./employers";
import { loadVillageDemo } from "./villages";

/**
 * Report settings of the demo's signing units (Decree 30 defaults with a signer's name, so the
 * demo's reports need only a number and a signature). The names are invented (dữ liệu minh họa).
 */
const DEMO_SIGNERS: Record<string, string> = {
  VN: "Phạm Quốc Bảo",
  "31": "Trần Thị Lan",
  "46": "Lê Minh Tuấn",
  "10804": "Nguyễn Văn Hùng",
  "11242": "Đỗ Thị Hương",
};

async function demoReportSettings(tx: Prisma.TransactionClient) {
  const units = await tx.unit.findMany({
    where: { code: { in: Object.keys(DEMO_SIGNERS) }, validTo: null },
    select: { id: true, code: true, name: true, level: true, tenantId: true },
  });
  const provinces = await tx.unit.findMany({
    where: { id: { in: units.flatMap((u) => (u.level === "COMMUNE" && u.tenantId ? [u.tenantId] : [])) } },
    select: { id: true, name: true },
  });
  for (const u of units) {
    const province = u.level === "COMMUNE" ? (provinces.find((p) => p.id === u.tenantId) ?? null) : null;
    const settings = { ...defaultReportSettings(u, province), signerName: DEMO_SIGNERS[u.code] };
    await tx.reportSettings.upsert({ where: { unitId: u.id }, create: { unitId: u.id, tenantId: u.tenantId, settings }, update: {} });
  }
}

/** The review comment on Nguyễn Lương Bằng's 2025 Q3 report: seed 000 printed two compulsory counts for 30/9/2025. */
export const NLB_RETURN_COMMENT =
  "Đề nghị xã kiểm tra lại số người tham gia BHXH bắt buộc tại 30/9/2025: báo cáo ghi hai số khác nhau cho cùng một ngày (8.115 và 8.561).";

/**
 * The review history behind the demo's statuses: submissions and approvals of 2026 Q3 as events,
 * the first submission date of every submitted report, a reporting deadline of 5 days per city,
 * and one returned report (Nguyễn Lương Bằng, 2025 Q3) with its comment and notice.
 */
async function reviewStory(tx: Prisma.TransactionClient, tenantIds: number[], unitIdOf: (code: string) => number) {
  const staff = await tx.user.findMany({ where: { role: "CITY_STAFF", tenantId: { in: tenantIds } }, select: { id: true, tenantId: true } });
  const staffOf = new Map(staff.map((u) => [u.tenantId, u.id]));
  await tx.$executeRawUnsafe(
    `UPDATE quarter_reports SET first_submitted_at = submitted_at WHERE submitted_at IS NOT NULL AND tenant_id = ANY($1::int[])`,
    tenantIds,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO report_events (tenant_id, report_id, unit_id, action, from_status, to_status, actor_id, at)
     SELECT r.tenant_id, r.id, r.unit_id, 'SUBMIT', 'DRAFT', 'SUBMITTED', u.id, r.submitted_at
     FROM quarter_reports r LEFT JOIN users u ON u.unit_id = r.unit_id AND u.role = 'COMMUNE_OFFICER'
     WHERE r.tenant_id = ANY($1::int[]) AND r.year = 2026 AND r.quarter = 3 AND r.kind = 'ACTUAL' AND r.status IN ('SUBMITTED', 'APPROVED')`,
    tenantIds,
  );
  for (const [tenantId, staffId] of staffOf) {
    await tx.$executeRawUnsafe(
      `INSERT INTO report_events (tenant_id, report_id, unit_id, action, from_status, to_status, actor_id, at)
       SELECT tenant_id, id, unit_id, 'APPROVE', 'SUBMITTED', 'APPROVED', $2::int, submitted_at + interval '2 days'
       FROM quarter_reports WHERE tenant_id = $1::int AND year = 2026 AND quarter = 3 AND kind = 'ACTUAL' AND status = 'APPROVED'`,
      tenantId,
      staffId,
    );
    await tx.tenantSetting.create({ data: { tenantId: tenantId!, key: "report_deadline_days", value: String(DEMO_DEADLINE_DAYS) } });
  }
  // Nguyễn Lương Bằng, 2025 Q3: submitted, then returned by the city.
  const nlb = unitIdOf("11242");
  const report = await tx.quarterReport.findUnique({ where: { unitId_year_quarter_kind: { unitId: nlb, year: 2025, quarter: 3, kind: "ACTUAL" } } });
  const officer = await tx.user.findFirst({ where: { unitId: nlb, role: "COMMUNE_OFFICER" } });
  if (report && report.submittedAt) {
    const staffId = staffOf.get(report.tenantId) ?? null;
    const returnedAt = new Date(report.submittedAt.getTime() + 3 * 86400_000);
    await tx.quarterReport.update({ where: { id: report.id }, data: { status: "RETURNED", version: { increment: 2 } } });
    await tx.reportEvent.createMany({
      data: [
        {
          tenantId: report.tenantId,
          reportId: report.id,
          unitId: nlb,
          action: "SUBMIT",
          fromStatus: "DRAFT",
          toStatus: "SUBMITTED",
          actorId: officer?.id ?? null,
          at: report.submittedAt,
        },
        {
          tenantId: report.tenantId,
          reportId: report.id,
          unitId: nlb,
          action: "RETURN",
          fromStatus: "SUBMITTED",
          toStatus: "RETURNED",
          actorId: staffId,
          at: returnedAt,
          comment: NLB_RETURN_COMMENT,
        },
      ],
    });
    await tx.auditEntry.create({
      data: {
        tenantId: report.tenantId,
        unitId: nlb,
        actorId: staffId,
        entity: "status",
        entityId: String(report.id),
        field: "status",
        oldValue: "SUBMITTED",
        newValue: "RETURNED",
        reason: NLB_RETURN_COMMENT,
        at: returnedAt,
      },
    });
    if (officer) {
      await tx.notification.create({
        data: {
          tenantId: report.tenantId,
          userId: officer.id,
          kind: "returned",
          title: "Báo cáo quý 3/2025 của Xã Nguyễn Lương Bằng bị trả lại",
          body: NLB_RETURN_COMMENT,
          link: "/units/11242?year=2025&quarter=3",
          createdAt: returnedAt,
        },
      });
    }
  }
}

/**
 * Value of the "demo_data" setting: which demo data set was loaded. v2: sources name a document
 * only when it contains the figure; 2026 Q3 spread around its quarterly milestones, with communes
 * not reported by the deadline and a few late.
 */
export const DEMO_DATA_VERSION = "seed-403-v2";

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
  if (missing.length) throw new Error(`Chưa có danh mục đơn vị hành chính (thiếu ${missing.join(", ")}): hãy nạp danh mục trước dữ liệu minh họa`);
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
      await reviewStory(tx, DEMO_TENANT_CODES.map(tenantIdOf), unitIdOf);
      await demoReportSettings(tx);
      await loadMonthlyDemo(tx); // Huế's 2026 monthly scenario and figures to October (issue 15)
      await loadDemoEmployers(tx);
      await loadVillageDemo(tx); // Kim Thành's villages with figures and 2026 targets (issue 15)
      await tx.systemSetting.upsert({
        where: { key: DEMO_SETTING },
        create: { key: DEMO_SETTING, value: DEMO_DATA_VERSION },
        update: { value: DEMO_DATA_VERSION },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
