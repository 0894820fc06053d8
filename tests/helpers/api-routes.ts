// Every JSON API route and method, with the permission of the table (lib/auth/permissions.ts) it
// needs. The authorization matrix test is generated from this list and the table, the fuzz test
// sends random input to each entry, and a test checks that every route file's exported methods
// are listed here — a new route cannot escape either.
import type { Permission } from "@/lib/auth/permissions";
import type { UnitLevel } from "@/lib/generated/prisma/enums";
import * as rankings from "@/app/api/v1/rankings/route";
import * as rankingsDocx from "@/app/api/v1/rankings/docx/route";
import * as rankingsXlsx from "@/app/api/v1/rankings/xlsx/route";
import * as completeness from "@/app/api/v1/units/[code]/completeness/route";
import * as dashboard from "@/app/api/v1/units/[code]/dashboard/route";
import * as action from "@/app/api/v1/units/[code]/figures/[year]/[quarter]/[action]/route";
import * as quarter from "@/app/api/v1/units/[code]/figures/[year]/[quarter]/route";
import * as figures from "@/app/api/v1/units/[code]/figures/route";
import * as history from "@/app/api/v1/units/[code]/history/route";
import * as indicators from "@/app/api/v1/units/[code]/indicators/route";
import * as milestones from "@/app/api/v1/units/[code]/milestones/route";
import * as scenario from "@/app/api/v1/units/[code]/scenario/route";
import * as monthly from "@/app/api/v1/units/[code]/monthly/route";
import * as monthlyMonth from "@/app/api/v1/units/[code]/monthly/[year]/[month]/route";
import * as monthlyTemplateXlsx from "@/app/api/v1/units/[code]/monthly/template.xlsx/route";
import * as monthlyTemplateCsv from "@/app/api/v1/units/[code]/monthly/template.csv/route";
import * as monthlyImports from "@/app/api/v1/units/[code]/monthly/imports/route";
import * as monthlyImportCommit from "@/app/api/v1/units/[code]/monthly/imports/[id]/commit/route";
import * as quality from "@/app/api/v1/units/[code]/quality/route";
import * as reportSettings from "@/app/api/v1/units/[code]/report-settings/route";
import * as reportDocx from "@/app/api/v1/units/[code]/report.docx/route";
import * as report from "@/app/api/v1/units/[code]/report/route";
import * as targets from "@/app/api/v1/units/[code]/targets/route";
import * as figuresTemplateXlsx from "@/app/api/v1/units/[code]/figures/template.xlsx/route";
import * as figuresTemplateCsv from "@/app/api/v1/units/[code]/figures/template.csv/route";
import * as imports from "@/app/api/v1/units/[code]/imports/route";
import * as targetsTemplateXlsx from "@/app/api/v1/units/[code]/targets/template.xlsx/route";
import * as targetsTemplateCsv from "@/app/api/v1/units/[code]/targets/template.csv/route";
import * as importCommit from "@/app/api/v1/units/[code]/imports/[id]/commit/route";
import * as importCommitById from "@/app/api/v1/imports/[id]/commit/route";
import * as employers from "@/app/api/v1/units/[code]/employers/route";
import * as employersPublications from "@/app/api/v1/units/[code]/employers/publications/route";
import * as employersImports from "@/app/api/v1/units/[code]/employers/imports/route";
import * as employersImportCommit from "@/app/api/v1/units/[code]/employers/imports/commit/route";
import * as employersTemplateXlsx from "@/app/api/v1/units/[code]/employers/template.xlsx/route";
import * as employersTemplateCsv from "@/app/api/v1/units/[code]/employers/template.csv/route";

export type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const h = (f: unknown) => f as Handler;

export interface ApiRouteEntry {
  /** The route's folder under app/api/v1 ("units/[code]/targets"). */
  path: string;
  method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE";
  handler: Handler;
  /** The URL segments it takes. */
  params: string[];
  /** Where the unit comes from: the `code` segment, or the `parent` query parameter. */
  unitFrom: "code" | "parent" | "none";
  /** The permission the route needs on that unit (per workflow action for the transitions). */
  permission: Permission | ((params: Record<string, string>) => Permission);
  /** The unit levels the route exists for (another level is refused with 404 or 422). */
  levels?: readonly UnitLevel[];
  /** A plausible query string and body, so that a permitted request reaches the service. */
  query?: string;
  body?: (code: string) => unknown;
}

const Y = "2026";
const REPORT_LEVELS = ["NATION", "PROVINCE", "COMMUNE"] as const;
const PARENT_LEVELS = ["NATION", "PROVINCE"] as const;

export const API_ROUTES: ApiRouteEntry[] = [
  // Employers paying late (issue 15): a province's register. The uploads get JSON here, so a permitted
  // one is refused with 415 (not a file) — after the scope gate.
  {
    path: "units/[code]/employers",
    method: "GET",
    handler: h(employers.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "employers.view",
    levels: ["PROVINCE"],
    query: "lateMonths=3&year=2026&month=10",
  },
  {
    path: "units/[code]/employers/publications",
    method: "POST",
    handler: h(employersPublications.POST),
    params: ["code"],
    unitFrom: "code",
    permission: "employers.manage",
    levels: ["PROVINCE"],
    body: () => ({ year: 2026, month: 10, minMonthsLate: 3, version: 0 }),
  },
  ...(
    [
      ["units/[code]/employers/imports", employersImports.POST],
      ["units/[code]/employers/imports/commit", employersImportCommit.POST],
    ] as const
  ).map(([path, handler]) => ({
    path,
    method: "POST" as const,
    handler: h(handler),
    params: ["code"],
    unitFrom: "code" as const,
    permission: "employers.manage" as const,
    levels: ["PROVINCE"] as const,
    body: () => ({ year: 2026, month: 10 }),
  })),
  ...(
    [
      ["units/[code]/employers/template.xlsx", employersTemplateXlsx.GET],
      ["units/[code]/employers/template.csv", employersTemplateCsv.GET],
    ] as const
  ).map(([path, handler]) => ({
    path,
    method: "GET" as const,
    handler: h(handler),
    params: ["code"],
    unitFrom: "code" as const,
    permission: "employers.manage" as const,
    levels: ["PROVINCE"] as const,
    query: "year=2026&month=10",
  })),
  {
    path: "rankings",
    method: "GET",
    handler: h(rankings.GET),
    params: [],
    unitFrom: "parent",
    permission: "unit.view",
    levels: PARENT_LEVELS,
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "rankings/docx",
    method: "GET",
    handler: h(rankingsDocx.GET),
    params: [],
    unitFrom: "parent",
    permission: "unit.view",
    levels: PARENT_LEVELS,
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "rankings/xlsx",
    method: "GET",
    handler: h(rankingsXlsx.GET),
    params: [],
    unitFrom: "parent",
    permission: "unit.view",
    levels: PARENT_LEVELS,
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/completeness",
    method: "GET",
    handler: h(completeness.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "completeness.view",
    levels: PARENT_LEVELS,
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/dashboard",
    method: "GET",
    handler: h(dashboard.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "unit.view",
    levels: PARENT_LEVELS,
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/figures/[year]/[quarter]/[action]",
    method: "POST",
    handler: h(action.POST),
    params: ["code", "year", "quarter", "action"],
    unitFrom: "code",
    permission: (p) => (p.action === "submit" ? "figures.enter" : "report.review"),
    levels: ["COMMUNE"],
    body: () => ({ version: 1, comment: "Kiểm tra ma trận quyền" }),
  },
  {
    path: "units/[code]/figures/[year]/[quarter]",
    method: "GET",
    handler: h(quarter.GET),
    params: ["code", "year", "quarter"],
    unitFrom: "code",
    permission: "unit.view",
  },
  {
    path: "units/[code]/figures/[year]/[quarter]",
    method: "PUT",
    handler: h(quarter.PUT),
    params: ["code", "year", "quarter"],
    unitFrom: "code",
    // A village's figures (codes "10804-01") are its commune's officer's (issue 15); a commune's, its own officer's.
    permission: (p) => (p.code.includes("-") ? "villages.figures" : "figures.enter"),
    levels: ["COMMUNE", "VILLAGE"],
    body: () => ({ figures: { labourForce: 1000 }, version: 1 }),
  },
  { path: "units/[code]/figures", method: "GET", handler: h(figures.GET), params: ["code"], unitFrom: "code", permission: "unit.view", query: `year=${Y}` },
  { path: "units/[code]/history", method: "GET", handler: h(history.GET), params: ["code"], unitFrom: "code", permission: "unit.view" },
  {
    path: "units/[code]/indicators",
    method: "GET",
    handler: h(indicators.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "unit.view",
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/milestones",
    method: "GET",
    handler: h(milestones.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "unit.view",
    query: `year=${Y}`,
  },
  {
    path: "units/[code]/milestones",
    method: "PUT",
    handler: h(milestones.PUT),
    params: ["code"],
    unitFrom: "code",
    permission: "targets.set",
    body: () => ({ year: 2026, entries: [] }),
  },
  // The monthly scenario and monthly figures (issue 15).
  {
    path: "units/[code]/scenario",
    method: "GET",
    handler: h(scenario.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "unit.view",
    query: `year=${Y}`,
  },
  {
    path: "units/[code]/scenario",
    method: "PUT",
    handler: h(scenario.PUT),
    params: ["code"],
    unitFrom: "code",
    permission: "targets.set",
    query: `year=${Y}`,
    body: () => ({ months: {}, version: 0 }),
  },
  {
    path: "units/[code]/monthly",
    method: "GET",
    handler: h(monthly.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "unit.view",
    query: `year=${Y}`,
  },
  {
    path: "units/[code]/monthly/[year]/[month]",
    method: "PUT",
    handler: h(monthlyMonth.PUT),
    params: ["code", "year", "month"],
    unitFrom: "code",
    permission: "figures.monthly",
    levels: ["PROVINCE", "COMMUNE"],
    body: () => ({ figures: { bhxhCompulsory: 1000 }, version: 0 }),
  },
  // The monthly figures from a file (issue 15, item 2): the matrix sends JSON, so a permitted upload is
  // refused with 415 (not a file), and a commit of an unknown import with 404 — after the scope gate.
  ...(
    [
      ["units/[code]/monthly/template.xlsx", monthlyTemplateXlsx.GET],
      ["units/[code]/monthly/template.csv", monthlyTemplateCsv.GET],
    ] as const
  ).map(([path, handler]) => ({
    path,
    method: "GET" as const,
    handler: h(handler),
    params: ["code"],
    unitFrom: "code" as const,
    permission: "figures.monthly" as const,
    levels: ["PROVINCE", "COMMUNE"] as const,
    query: `year=${Y}`,
  })),
  {
    path: "units/[code]/monthly/imports",
    method: "POST",
    handler: h(monthlyImports.POST),
    params: ["code"],
    unitFrom: "code",
    permission: "figures.monthly",
    levels: ["PROVINCE", "COMMUNE"],
    body: () => ({ year: 2026 }),
  },
  {
    path: "units/[code]/monthly/imports/[id]/commit",
    method: "POST",
    handler: h(monthlyImportCommit.POST),
    params: ["code", "id"],
    unitFrom: "code",
    permission: "figures.monthly",
    levels: ["PROVINCE", "COMMUNE"],
    body: () => ({}),
  },
  {
    path: "units/[code]/quality",
    method: "GET",
    handler: h(quality.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "quality.view",
    levels: ["PROVINCE"],
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/report-settings",
    method: "GET",
    handler: h(reportSettings.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "unit.view",
    levels: REPORT_LEVELS,
  },
  {
    path: "units/[code]/report-settings",
    method: "PUT",
    handler: h(reportSettings.PUT),
    params: ["code"],
    unitFrom: "code",
    permission: "report.edit",
    levels: REPORT_LEVELS,
    body: () => ({ settings: {}, version: 0 }),
  },
  {
    path: "units/[code]/report.docx",
    method: "GET",
    handler: h(reportDocx.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "unit.view",
    levels: REPORT_LEVELS,
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/report",
    method: "GET",
    handler: h(report.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "unit.view",
    levels: REPORT_LEVELS,
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/report",
    method: "PUT",
    handler: h(report.PUT),
    params: ["code"],
    unitFrom: "code",
    permission: "report.edit",
    levels: REPORT_LEVELS,
    query: `year=${Y}&quarter=2`,
    body: () => ({ opening: "Ma trận quyền", parts: {} }),
  },
  { path: "units/[code]/targets", method: "GET", handler: h(targets.GET), params: ["code"], unitFrom: "code", permission: "unit.view", query: `year=${Y}` },
  // Imports (issue 14): the matrix sends JSON, so a permitted upload is refused with 415 (not a file),
  // and a commit of an unknown import with 404 — after the scope gate in both cases.
  {
    path: "units/[code]/figures/template.xlsx",
    method: "GET",
    handler: h(figuresTemplateXlsx.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "figures.import",
    levels: ["PROVINCE", "COMMUNE"],
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/figures/template.csv",
    method: "GET",
    handler: h(figuresTemplateCsv.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "figures.import",
    levels: ["PROVINCE", "COMMUNE"],
    query: `year=${Y}&quarter=2`,
  },
  {
    path: "units/[code]/targets/template.xlsx",
    method: "GET",
    handler: h(targetsTemplateXlsx.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "figures.import",
    levels: ["PROVINCE", "COMMUNE"],
    query: `year=${Y}`,
  },
  {
    path: "units/[code]/targets/template.csv",
    method: "GET",
    handler: h(targetsTemplateCsv.GET),
    params: ["code"],
    unitFrom: "code",
    permission: "figures.import",
    levels: ["PROVINCE", "COMMUNE"],
    query: `year=${Y}`,
  },
  {
    path: "units/[code]/imports",
    method: "POST",
    handler: h(imports.POST),
    params: ["code"],
    unitFrom: "code",
    permission: "figures.import",
    levels: ["PROVINCE", "COMMUNE"],
    body: () => ({ year: 2026, quarter: 2 }),
  },
  {
    path: "units/[code]/imports/[id]/commit",
    method: "POST",
    handler: h(importCommit.POST),
    params: ["code", "id"],
    unitFrom: "code",
    permission: "figures.import",
    levels: ["PROVINCE", "COMMUNE"],
    body: () => ({ confirmWarnings: true }),
  },
  {
    // No unit in the URL: the import's own (the caller's only); anything else is 404.
    path: "imports/[id]/commit",
    method: "POST",
    handler: h(importCommitById.POST),
    params: ["id"],
    unitFrom: "none",
    permission: "figures.import",
    body: () => ({ confirmWarnings: true }),
  },
  {
    path: "units/[code]/targets",
    method: "PUT",
    handler: h(targets.PUT),
    params: ["code"],
    unitFrom: "code",
    permission: "targets.set",
    query: `year=${Y}`,
    body: () => ({ targets: {} }),
  },
];
