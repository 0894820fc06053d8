import { apiRoute, readJson } from "@/lib/api/route.server";
import { kindFromQuery } from "@/lib/api/query";
import { ServiceError, MSG } from "@/lib/figures/errors";
import { periodSchema, readReport, saveQuarter } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { can } from "@/lib/auth/permissions";
import { requireReportVersion } from "@/lib/api/versions.server";
import { readVillageQuarter, saveVillageFigures } from "@/lib/villages/service";

type Params = { code: string; year: string; quarter: string };

// GET one quarter's report (or ?kind=estimate); a village's: its own figures (lib/villages).
export const GET = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  const unit = await scopeUnit(prisma, actor, params.code);
  if (unit.level === "VILLAGE") return readVillageQuarter(prisma, unit, params.year, params.quarter);
  const p = periodSchema.safeParse(params);
  if (!p.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      p.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const report = await readReport(prisma, unit.id, p.data, kindFromQuery(new URL(req.url)));
  if (!report) throw new ServiceError(404, `Chưa có số liệu quý ${p.data.quarter}/${p.data.year} của ${unit.name}.`);
  return report;
});

// PUT { figures, kind?, confirmWarnings?, submit?, version }: save the quarter (a draft, or submitted).
// An existing report needs its `version` (428 without it: no silent overwrite).
// A village: PUT { figures: { labourForce, population, bhxhCompulsory, bhxhVoluntary, bhyt }, version,
// confirmWarnings? }, by the commune's own officer only (lib/villages/service.ts).
export const PUT = apiRoute<Params>(async ({ req, params, actor, prisma }) => {
  const body = await readJson(req);
  const unit = await scopeUnit(prisma, actor, params.code);
  if (unit.level === "VILLAGE") return saveVillageFigures(prisma, actor, { villageCode: unit.code, year: params.year, quarter: params.quarter, body });
  if (can(actor, "figures.enter", unit)) await requireReportVersion(prisma, unit, params.year, params.quarter, body);
  return saveQuarter(prisma, actor, { unitCode: params.code, year: params.year, quarter: params.quarter, body });
});
