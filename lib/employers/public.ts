// The published list of employers late N+ months (issue 15), for everyone, without sign-in: the
// latest month a province's staff published, and only its frozen snapshot of the published fields
// (name, tax code, address, months late, amount). Nothing else of the register is read here: a month
// not published, an employer's commune, its versions or who entered it never leave through this door.
import type { PrismaClient } from "../generated/prisma/client";
import { monthEndLabel, readPublishedEntries, type PublishedEntry } from "../domain/employers";

export interface PublicLatePayers {
  province: { code: string; name: string };
  year: number;
  month: number;
  /** "31/10/2026": the month end the list is as at. */
  asAt: string;
  minMonthsLate: number;
  publishedAt: Date;
  entries: PublishedEntry[];
  total: number;
}

/** Province codes are one to three digits ("46"): anything else is no province. */
const PROVINCE_CODE = /^\d{1,3}$/;

/** The latest published list of a province, or null (unknown province, or nothing published). */
export async function publishedLatePayers(prisma: PrismaClient, provinceCode: unknown): Promise<PublicLatePayers | null> {
  if (typeof provinceCode !== "string" || !PROVINCE_CODE.test(provinceCode)) return null;
  const province = await prisma.unit.findFirst({
    where: { code: provinceCode, level: "PROVINCE", validTo: null },
    select: { id: true, code: true, name: true },
  });
  if (!province) return null;
  const p = await prisma.latePayerPublication.findFirst({
    where: { tenantId: province.id },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: { year: true, month: true, minMonthsLate: true, publishedAt: true, entries: true },
  });
  if (!p) return null;
  const entries = readPublishedEntries(p.entries);
  return {
    province: { code: province.code, name: province.name },
    year: p.year,
    month: p.month,
    asAt: monthEndLabel(p),
    minMonthsLate: p.minMonthsLate,
    publishedAt: p.publishedAt,
    entries,
    total: entries.reduce((s, e) => s + e.amountLate, 0),
  };
}
