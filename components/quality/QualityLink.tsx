// The link to a city's data-quality page (from the completeness board), for those who may open it.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/auth/permissions";

export async function QualityLink({ code, role, year, quarter }: { code: string; role: Role; year: number; quarter: number }) {
  if (!can({ role, tenantId: null, unitId: null }, "quality.view")) return null;
  const t = await getTranslations("quality");
  return (
    <Link
      href={`/units/${encodeURIComponent(code)}/quality?year=${year}&quarter=${quarter}`}
      className="text-sm text-brand-700 hover:underline"
      data-testid="quality-link"
    >
      {t("link")} →
    </Link>
  );
}
