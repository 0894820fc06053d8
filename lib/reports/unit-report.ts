// One report per unit and period (issue 11): the commune's (seed 000's kind), the city's (seed 002's
// kind, with its communes' table and the judgement's lists) and the nation's (over the provinces,
// issued by Bảo hiểm xã hội Việt Nam). Built from the same services as the pages (indicators,
// rankings, explanations), as a ReportDocument (lib/reports/document.ts) that the Word renderer
// prints. The unit's own staff keep its issuing settings and edit the narrative; every saved text is
// a version of the period's report, so the signed file can be produced again.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { sortByName } from "../collate";
import { can } from "../auth/permissions";
import { audit } from "../audit/audit";
import { isTargetKey, actualForTarget, type TargetKey } from "../domain/targets";
import { isPeriodEnded } from "../domain/period";
import { periodSchema } from "../figures/period-schema";
import { ServiceError, MSG } from "../figures/errors";
import { indicatorsView, type Actor, type IndicatorsView, type UnitRef } from "../figures/service";
import { assertCan, scopeUnit, type ScopedUnit } from "../auth/scope";
import { listExplanations, type ExplanationView } from "../explanations/service";
import { rankings, type RankingsData } from "../rankings/service";
import {
  applyTexts,
  defaultReportSettings,
  editableTextsSchema,
  fixedContent,
  reportSettingsSchema,
  type DocParagraph,
  type DocPart,
  type EditableTexts,
  type ReportDocument,
  type ReportKind,
  type ReportSettings,
} from "./document";
import {
  STATUS_LABELS_VI,
  childrenNoun,
  fmtCount,
  fmtKeyValue,
  fmtPercent,
  keyLabelVi,
  listParagraphs,
  milestoneWord,
  periodDate,
  periodName,
  rankingSentence,
  resultSections,
  runningName,
  type RowLike,
} from "./sentences";

// ---------------------------------------------------------------------------------------------
// Settings

export interface SettingsView {
  unit: { code: string; name: string; level: string };
  settings: ReportSettings;
  /** 0: the defaults, never saved. */
  version: number;
  editable: boolean;
}

async function provinceOf(prisma: PrismaClient, unit: UnitRef) {
  if (unit.level !== "COMMUNE" || unit.tenantId === null) return null;
  return prisma.unit.findUnique({ where: { id: unit.tenantId }, select: { name: true } });
}

async function settingsFor(prisma: PrismaClient, unit: UnitRef): Promise<{ settings: ReportSettings; version: number }> {
  const [row, province] = await Promise.all([prisma.reportSettings.findUnique({ where: { unitId: unit.id } }), provinceOf(prisma, unit)]);
  const defaults = defaultReportSettings(unit, province);
  if (!row) return { settings: defaults, version: 0 };
  const parsed = reportSettingsSchema.safeParse({ ...defaults, ...(row.settings as object) });
  return { settings: parsed.success ? parsed.data : defaults, version: row.version };
}

/** The issuing settings of a unit already in the caller's scope (the rankings download uses its parent's). */
export async function issuingSettings(prisma: PrismaClient, unitCode: string): Promise<ReportSettings> {
  const unit = await prisma.unit.findFirstOrThrow({
    where: { code: unitCode, validTo: null },
    select: { id: true, code: true, name: true, level: true, parentId: true, tenantId: true },
  });
  return (await settingsFor(prisma, unit)).settings;
}

function assertReportUnit(unit: UnitRef) {
  if (unit.level === "VILLAGE")
    throw new ServiceError(422, "Báo cáo có cho xã, phường, đặc khu, tỉnh, thành phố và cả nước; thôn, tổ dân phố không ban hành báo cáo.", [
      { path: "code", message: "Chọn một xã, tỉnh hoặc VN." },
    ]);
}

export async function reportSettingsView(prisma: PrismaClient, actor: Actor, unitCode: string): Promise<SettingsView> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  assertReportUnit(unit);
  const s = await settingsFor(prisma, unit);
  return { unit: { code: unit.code, name: unit.name, level: unit.level }, ...s, editable: can(actor, "report.edit", unit) };
}

/** Saves a unit's report settings (its own staff only), refusing a stale version; every changed field audited. */
export async function saveReportSettings(prisma: PrismaClient, actor: Actor, unitCode: string, input: unknown): Promise<SettingsView> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  assertReportUnit(unit);
  assertCan(actor, "report.edit", unit);
  const body = (input ?? {}) as { settings?: unknown; version?: unknown };
  const version = body.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    throw new ServiceError(422, MSG.invalid, [{ path: "version", message: "version phải là một số nguyên (0 khi chưa lưu lần nào)." }]);
  }
  const parsed = reportSettingsSchema.safeParse(body.settings);
  if (!parsed.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      parsed.error.issues.map((i) => ({ path: ["settings", ...i.path].join("."), message: i.message })),
    );
  const before = await settingsFor(prisma, unit);
  if (before.version !== version)
    throw new ServiceError(409, "Thiết lập báo cáo đã được người khác sửa: hãy tải lại trang, không có gì được lưu.", [], { conflict: true, current: before });
  await prisma.$transaction(async (tx) => {
    if (before.version === 0)
      await tx.reportSettings.create({ data: { unitId: unit.id, tenantId: unit.tenantId, settings: parsed.data as object, updatedById: actor.id } });
    else {
      const r = await tx.reportSettings.updateMany({
        where: { unitId: unit.id, version },
        data: { settings: parsed.data as object, version: { increment: 1 }, updatedById: actor.id, updatedAt: new Date() },
      });
      if (r.count !== 1)
        throw new ServiceError(409, "Thiết lập báo cáo đã được người khác sửa: hãy tải lại trang, không có gì được lưu.", [], { conflict: true });
    }
    const changed = (Object.keys(parsed.data) as (keyof ReportSettings)[]).filter((k) => JSON.stringify(parsed.data[k]) !== JSON.stringify(before.settings[k]));
    await audit(
      tx,
      changed.map((k) => ({
        tenantId: unit.tenantId,
        unitId: unit.id,
        actorId: actor.id,
        entity: "setting" as const,
        entityId: `report:${unit.code}`,
        field: k,
        oldValue: before.settings[k],
        newValue: parsed.data[k],
      })),
    );
  });
  return reportSettingsView(prisma, actor, unitCode);
}

// ---------------------------------------------------------------------------------------------
// The document

const kindOf = (unit: UnitRef): ReportKind => (unit.level === "NATION" ? "nation" : unit.level === "PROVINCE" ? "city" : "commune");
const dot = (s: string) => (/[.:;!?]$/.test(s) ? s : `${s}.`);
const p = (text: string, style?: DocParagraph["style"]): DocParagraph => ({ text, ...(style ? { style } : {}) });

/** The issuing body named in running text: "Ủy ban nhân dân xã Kim Thành", "Bảo hiểm xã hội Việt Nam". */
function issuerInText(unit: UnitRef): string {
  return unit.level === "NATION" ? "Bảo hiểm xã hội Việt Nam" : `Ủy ban nhân dân ${runningName(unit.name)}`;
}

const rowOf = (v: IndicatorsView): RowLike => ({
  figures: v.figures,
  indicators: v.indicators,
  targets: v.targets,
  expected: v.expected,
  reported: v.aggregate?.reported ?? null,
  total: v.aggregate?.total ?? null,
});

function resultParts(row: RowLike, last: RowLike | null, year: number, quarter: number): DocParagraph[] {
  const out: DocParagraph[] = [];
  for (const s of resultSections(row, last, year, quarter)) {
    out.push(p(s.heading, "subheading"));
    for (const l of s.lines) out.push(p(l, "dash"));
  }
  return out;
}

/** "Ước thực hiện đến 31/12/2026: …" when an estimate exists. */
function estimateLines(est: IndicatorsView): DocParagraph[] {
  const has = Object.values(est.figures).some((v) => v !== null);
  if (!has) return [];
  const parts: string[] = [];
  for (const key of ["bhxhCompulsory", "bhxhVoluntary", "bhtn", "bhyt", "bhxhCoverage", "bhytCoverage", "amountCollected"] as const) {
    const actual = actualForTarget(key, est.figures, est.indicators);
    if (actual === null) continue;
    const t = est.targets[key];
    const text = `${keyLabelVi(key).charAt(0).toLocaleLowerCase("vi")}${keyLabelVi(key).slice(1)} ${fmtKeyValue(key, actual)}`;
    const att = t !== undefined && t > 0 ? `, đạt ${fmtPercent(actual / t)} ${key === "amountCollected" ? "kế hoạch thu" : "chỉ tiêu"} năm` : "";
    parts.push(text + att);
  }
  return parts.length ? [p(`Ước thực hiện đến 31/12/${est.year}: ${parts.join("; ")}.`)] : [];
}

/** Shortfalls of a unit's own figures (behind or close to the milestone), with the unit's explanation. */
function shortfallLines(view: IndicatorsView, explanations: Record<string, ExplanationView> | undefined, quarter: number): DocParagraph[] {
  const out: DocParagraph[] = [];
  for (const [key, status] of Object.entries(view.statuses)) {
    if (!isTargetKey(key) || (status !== "behind" && status !== "close")) continue;
    const actual = actualForTarget(key as TargetKey, view.figures, view.indicators);
    const margin = view.margins[key];
    const label = keyLabelVi(key);
    let text: string;
    if (margin !== null && margin !== undefined) {
      text = `${label} ${fmtKeyValue(key, actual)}, vượt mức trần ${fmtKeyValue(key, view.targets[key])}`;
    } else {
      const att = view.attainment[key];
      text = `${label} ${fmtKeyValue(key, actual)}${att !== null && att !== undefined ? `, mới bằng ${fmtPercent(att)} ${milestoneWord(quarter)}` : ""} (${STATUS_LABELS_VI[status].toLocaleLowerCase("vi")})`;
    }
    const e = explanations?.[key];
    out.push(p(dot(e?.reason ? `${text}. Nguyên nhân: ${e.reason.trim()}` : text), "dash"));
  }
  return out;
}

function actionLines(explanations: Iterable<Record<string, ExplanationView>>): DocParagraph[] {
  const seen = new Set<string>();
  const out: DocParagraph[] = [];
  for (const m of explanations)
    for (const e of Object.values(m)) {
      const a = e.actions?.trim();
      if (a && !seen.has(a)) {
        seen.add(a);
        out.push(p(dot(a), "dash"));
      }
    }
  return out;
}

const STANDARD_TASKS = [
  "Tiếp tục đẩy mạnh tuyên truyền chính sách bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp đến từng hộ gia đình, người lao động.",
  "Rà soát, lập danh sách đối tượng chưa tham gia; giao chỉ tiêu đến từng thôn, tổ dân phố và cán bộ phụ trách; theo dõi kết quả hằng tháng.",
  "Đôn đốc các đơn vị sử dụng lao động đóng đủ, đúng hạn; giảm số tiền chậm đóng.",
];

/** The communes' (or provinces') table of a city (or the nation): rank, name, coverage, milestone, versus it, status. */
function childrenTable(r: RankingsData): DocPart["table"] {
  const rows = r.items.map((it) => ({
    cells: [
      String(it.rank),
      it.unit.name,
      fmtKeyValue("bhxhCoverage", it.actual) ?? "—",
      fmtKeyValue("bhxhCoverage", it.expected) ?? "—",
      it.attainment !== null ? fmtPercent(it.attainment) : "—",
      STATUS_LABELS_VI[it.status],
    ],
  }));
  return {
    columns: [
      { title: "TT", align: "center", width: 6 },
      { title: "Đơn vị", align: "left", width: 34 },
      { title: "Tỷ lệ tham gia BHXH", align: "right", width: 15 },
      { title: "Mốc kế hoạch quý", align: "right", width: 15 },
      { title: "So với mốc", align: "right", width: 15 },
      { title: "Đánh giá", align: "center", width: 15 },
    ],
    rows,
  };
}

/** The explanations of a city's communes in force (the rows its ranking judges) for a period. */
async function communeExplanations(prisma: PrismaClient, cityId: number, year: number, quarter: number) {
  const ids = await prisma.unit.findMany({ where: { parentId: cityId, level: "COMMUNE", validTo: null }, select: { id: true } });
  return listExplanations(
    prisma,
    ids.map((u) => u.id),
    year,
    quarter,
  );
}

/** The document of a unit and period as computed now (settings, figures, default narrative). */
export async function buildReportDocument(
  prisma: PrismaClient,
  unit: ScopedUnit,
  year: number,
  quarter: number,
  now: Date = new Date(),
): Promise<ReportDocument> {
  assertReportUnit(unit);
  if (!isPeriodEnded({ year, quarter }, now)) {
    const message = MSG.periodNotEnded(year, quarter);
    throw new ServiceError(422, message, [{ path: "quarter", message }]);
  }
  const kind = kindOf(unit);
  const period = periodName(year, quarter);
  // Read at once: the unit's figures (this period, a year before, the year's estimate), and for a city or
  // the nation its children ranked (without change columns: the report shows none) and the communes' explanations.
  // A city's communes' explanations: read once, for its ranking and for its tasks.
  const childExplanationsRead = unit.level === "PROVINCE" ? communeExplanations(prisma, unit.id, year, quarter) : null;
  const [{ settings }, view, last, estimate, ranked, childExplanations] = await Promise.all([
    settingsFor(prisma, unit),
    indicatorsView(prisma, unit, { year, quarter }),
    indicatorsView(prisma, unit, { year: year - 1, quarter }),
    quarter >= 3 ? indicatorsView(prisma, unit, { year, quarter: 4 }, "estimate") : Promise.resolve(null),
    kind === "commune"
      ? null
      : rankings(prisma, unit, { year, quarter }, "attainment:bhxhCoverage", null, now, {
          changes: false,
          explanations: childExplanationsRead ?? undefined,
        }),
    childExplanationsRead,
  ]);
  const subject = `Kết quả thực hiện chỉ tiêu phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế ${period}`;
  const opening =
    `${settings.basis ? `${settings.basis.replace(/[,.;\s]+$/u, "")}, ` : ""}${issuerInText(unit)} báo cáo kết quả thực hiện chỉ tiêu phát triển người tham gia ` +
    `bảo hiểm xã hội (BHXH), bảo hiểm thất nghiệp (BHTN), bảo hiểm y tế (BHYT) ${period} như sau:`;
  const parts: DocPart[] = [];
  const results: DocParagraph[] = [];
  const asAt = `Số liệu tính đến ngày ${periodDate(year, quarter)}; số thu, số phải thu lũy kế từ đầu năm.`;

  let ranking: RankingsData | null = null;
  let explanationsByUnit = new Map<number, Record<string, ExplanationView>>();
  if (kind === "commune") {
    explanationsByUnit = await listExplanations(prisma, [unit.id], year, quarter);
    results.push(p(asAt));
    results.push(...resultParts(rowOf(view), rowOf(last), year, quarter));
    if (estimate) results.push(...estimateLines(estimate));
  } else {
    ranking = ranked!;
    const reported = ranking.totals.reported;
    const units = ranking.totals.units;
    const noun =
      unit.level === "NATION"
        ? "xã, phường, đặc khu"
        : childrenNoun(
            "PROVINCE",
            ranking.rows.map((r) => r.unit.type),
          );
    let intro = `${asAt} Số liệu tổng hợp từ báo cáo của ${fmtCount(reported)}/${fmtCount(units)} ${noun}`;
    if (unit.level === "NATION")
      intro += ` thuộc ${fmtCount(ranking.totals.provincesReported ?? 0)}/${fmtCount(ranking.totals.provinces ?? 0)} tỉnh, thành phố`;
    intro +=
      reported < units
        ? `; đơn vị chưa báo cáo không được tính vào số tổng hợp (là tổng của các đơn vị đã báo cáo, chưa phải số của ${unit.level === "NATION" ? "cả nước" : `toàn ${runningName(unit.name)}`}).`
        : ".";
    results.push(p(intro));
    results.push(...resultParts(rowOf(view), rowOf(last), year, quarter));
    if (estimate) results.push(...estimateLines(estimate));
    if (childExplanations) explanationsByUnit = childExplanations;
  }
  parts.push({ id: "results", heading: "I. KẾT QUẢ THỰC HIỆN", editable: false, paragraphs: results });

  if (kind === "commune") {
    const villages = sortByName(
      await prisma.unit.findMany({ where: { parentId: unit.id, level: "VILLAGE", validTo: null }, select: { id: true, code: true, name: true } }),
    );
    const ids = villages.map((v) => v.id);
    // The villages' targets of the year and the figures their commune recorded for the period (villages page).
    const [vt, vf] = ids.length
      ? await Promise.all([
          prisma.target.findMany({ where: { unitId: { in: ids }, year }, select: { unitId: true, key: true, value: true } }),
          prisma.villageFigure.findMany({
            where: { unitId: { in: ids }, year, quarter },
            select: { unitId: true, bhxhCompulsory: true, bhxhVoluntary: true, bhyt: true },
          }),
        ])
      : [[], []];
    if (vt.length) {
      const keys = (["bhxhCompulsory", "bhxhVoluntary", "bhyt"] as const).filter((k) => vt.some((t) => t.key === k));
      const figuresOf = new Map(vf.map((f) => [f.unitId, f]));
      const recorded = villages.filter((v) => figuresOf.has(v.id)).length;
      const short = (k: (typeof keys)[number]) => keyLabelVi(k).replace(/^Số người tham gia /u, "");
      parts.push({
        id: "villages",
        heading: `II. CHỈ TIÊU GIAO CHO CÁC THÔN, TỔ DÂN PHỐ NĂM ${year}`,
        editable: false,
        paragraphs: [
          p(
            recorded === 0
              ? `Chỉ tiêu năm ${year} đã giao cho ${fmtCount(villages.length)} thôn, tổ dân phố (số người); kết quả ${period} theo từng thôn, tổ dân phố chưa được cập nhật trên hệ thống.`
              : `Chỉ tiêu năm ${year} đã giao cho ${fmtCount(villages.length)} thôn, tổ dân phố (số người); kết quả ${period} đã cập nhật trên hệ thống cho ${fmtCount(recorded)}/${fmtCount(villages.length)} thôn, tổ dân phố (thực hiện / chỉ tiêu năm${recorded < villages.length ? "; «—»: chưa cập nhật" : ""}).`,
          ),
        ],
        table: {
          columns: [
            { title: "Thôn, tổ dân phố", align: "left", width: 40 },
            ...keys.map((k) => ({
              title: recorded ? `${short(k)} (thực hiện / chỉ tiêu)` : short(k),
              align: "right" as const,
              width: Math.floor(60 / keys.length),
            })),
          ],
          rows: villages.map((v) => ({
            cells: [
              v.name,
              ...keys.map((k) => {
                const t = vt.find((x) => x.unitId === v.id && x.key === k);
                const target = t ? fmtCount(t.value) : "—";
                if (!recorded) return target;
                const actual = figuresOf.get(v.id)?.[k];
                return `${actual === null || actual === undefined ? "—" : fmtCount(actual)} / ${target}`;
              }),
            ],
          })),
        },
      });
    }
  } else if (ranking) {
    const childWord = unit.level === "NATION" ? "CÁC TỈNH, THÀNH PHỐ" : "CÁC XÃ, PHƯỜNG, ĐẶC KHU";
    const after: DocParagraph[] = [];
    for (const l of listParagraphs(ranking)) {
      after.push(p(`${l.title}: ${l.text}`));
      for (const d of l.details) after.push(p(d, "dash"));
    }
    const notReported = ranking.unranked.filter((u) => u.reason === "not_reported");
    if (notReported.length)
      after.push(
        p(
          `${fmtCount(notReported.length)} đơn vị chưa báo cáo ${period}, không được xếp hạng: ${notReported.map((u) => runningName(u.unit.name)).join(", ")}.`,
        ),
      );
    parts.push({
      id: "children",
      heading: `II. KẾT QUẢ CỦA ${childWord}`,
      editable: false,
      paragraphs: [
        p(dot(rankingSentence(ranking))),
        p("Xếp hạng theo tỷ lệ người lao động tham gia BHXH so với mốc kế hoạch của kỳ (đạt từ 100% mốc, gần đạt từ 90%, chưa đạt dưới 90%):"),
      ],
      table: ranking.items.length ? childrenTable(ranking) : undefined,
      after,
    });
  }

  // Shortfalls, tasks, proposals: the editable narrative, drafted from the figures and explanations.
  const short: DocParagraph[] = [];
  short.push(...shortfallLines(view, kind === "commune" ? explanationsByUnit.get(unit.id) : undefined, quarter));
  if (ranking) {
    const behind = ranking.items.filter((i) => i.status === "behind").length;
    if (behind) short.push(p(`${fmtCount(behind)} đơn vị chưa đạt mốc kế hoạch về tỷ lệ tham gia BHXH của kỳ.`, "dash"));
    const late = ranking.lateReporters.length;
    if (late) short.push(p(`${fmtCount(late)} đơn vị không gửi báo cáo đúng thời hạn.`, "dash"));
  }
  // Nothing short: say why — never "all met" on figures that do not count or on no target at all.
  if (!short.length)
    short.push(
      p(
        !view.counted
          ? `Chưa có số liệu ${period} được gửi để đánh giá: cần hoàn thành, gửi báo cáo số liệu của kỳ.`
          : Object.values(view.statuses).every((s) => s === "none")
            ? "Chưa có chỉ tiêu được giao cho kỳ để đánh giá kết quả."
            : "Các chỉ tiêu đều đạt mốc kế hoạch của kỳ; cần duy trì kết quả, không để giảm số người tham gia trong các quý tiếp theo.",
      ),
    );
  const tasks = [...actionLines(explanationsByUnit.values()), ...STANDARD_TASKS.map((t) => p(t, "dash"))];
  const proposals =
    kind === "commune"
      ? [
          p(
            "Đề nghị Bảo hiểm xã hội cơ sở tiếp tục phối hợp cung cấp danh sách người lao động chưa tham gia, hỗ trợ tuyên truyền tại thôn, tổ dân phố.",
            "dash",
          ),
        ]
      : kind === "city"
        ? [p("Đề nghị Bảo hiểm xã hội Việt Nam tiếp tục hướng dẫn, hỗ trợ địa phương phát triển người tham gia bảo hiểm xã hội tự nguyện.", "dash")]
        : [p("Đề nghị Bộ Tài chính chỉ đạo các tỉnh, thành phố chưa báo cáo hoàn thành báo cáo kỳ này.", "dash")];
  const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"];
  const base = parts.length;
  const n = (i: number) => ROMAN[base + i];
  parts.push({ id: "shortcomings", heading: `${n(0)}. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN`, editable: true, paragraphs: short });
  parts.push({ id: "tasks", heading: `${n(1)}. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI`, editable: true, paragraphs: tasks });
  parts.push({ id: "proposals", heading: `${n(2)}. KIẾN NGHỊ, ĐỀ XUẤT`, editable: true, paragraphs: proposals });

  return {
    kind,
    unit: { code: unit.code, name: unit.name, level: unit.level },
    year,
    quarter,
    periodName: period,
    dated: now.toISOString(),
    settings,
    subject,
    opening,
    parts,
  };
}

// ---------------------------------------------------------------------------------------------
// Saved versions

export const hashOf = (doc: ReportDocument) => createHash("sha256").update(fixedContent(doc)).digest("hex");

export interface ReportView {
  document: ReportDocument;
  /** The version shown (null: not saved yet, the draft computed now). */
  version: number | null;
  versions: { version: number; createdAt: string; by: string | null }[];
  /** The figures changed since the shown version was saved. */
  figuresChanged: boolean;
  editable: boolean;
}

function parsePeriod(year: unknown, quarter: unknown) {
  const r = periodSchema.safeParse({ year, quarter });
  if (!r.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return r.data;
}

/**
 * A unit's report for a period: the latest saved version (or `version`), else the draft computed now.
 * Anyone whose scope covers the unit may read it.
 */
export async function reportOfPeriod(
  prisma: PrismaClient,
  actor: Actor,
  unitCode: string,
  year: unknown,
  quarter: unknown,
  opts: { version?: number | null; now?: Date } = {},
): Promise<ReportView> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  assertReportUnit(unit);
  const period = parsePeriod(year, quarter);
  const now = opts.now ?? new Date();
  const fresh = await buildReportDocument(prisma, unit, period.year, period.quarter, now);
  const saved = await prisma.reportText.findMany({
    where: { unitId: unit.id, year: period.year, quarter: period.quarter },
    orderBy: { version: "desc" },
    include: { createdBy: { select: { fullName: true } } },
  });
  const versions = saved.map((s) => ({ version: s.version, createdAt: s.createdAt.toISOString(), by: s.createdBy?.fullName ?? null }));
  const pick = opts.version ? saved.find((s) => s.version === opts.version) : saved[0];
  if (opts.version && !pick) throw new ServiceError(404, `Báo cáo ${period.quarter}/${period.year} của đơn vị này không có phiên bản ${opts.version}.`);
  if (!pick) return { document: fresh, version: null, versions, figuresChanged: false, editable: can(actor, "report.edit", unit) };
  return {
    document: pick.document as unknown as ReportDocument,
    version: pick.version,
    versions,
    figuresChanged: pick.figuresHash !== hashOf(fresh),
    editable: can(actor, "report.edit", unit),
  };
}

/**
 * Saves the edited narrative as a new version: the whole document (figures as they are now, the
 * user's texts, the date of saving), so that version's file can be produced again as signed.
 */
export async function saveReportTexts(
  prisma: PrismaClient,
  actor: Actor,
  unitCode: string,
  year: unknown,
  quarter: unknown,
  input: unknown,
  now: Date = new Date(),
): Promise<ReportView> {
  const unit = await scopeUnit(prisma, actor, unitCode);
  assertReportUnit(unit);
  assertCan(actor, "report.edit", unit);
  const period = parsePeriod(year, quarter);
  const body = editableTextsSchema.safeParse(input);
  if (!body.success)
    throw new ServiceError(
      422,
      MSG.invalid,
      body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const fresh = await buildReportDocument(prisma, unit, period.year, period.quarter, now);
  const doc = applyTexts(fresh, body.data as EditableTexts);
  await prisma.$transaction(async (tx) => {
    const last = await tx.reportText.findFirst({
      where: { unitId: unit.id, year: period.year, quarter: period.quarter },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const version = (last?.version ?? 0) + 1;
    await tx.reportText.create({
      data: {
        unitId: unit.id,
        tenantId: unit.tenantId,
        year: period.year,
        quarter: period.quarter,
        version,
        document: doc as object,
        figuresHash: hashOf(fresh),
        createdById: actor.id,
      },
    });
    await audit(tx, [
      {
        tenantId: unit.tenantId,
        unitId: unit.id,
        actorId: actor.id,
        entity: "report",
        entityId: `${unit.code}:${period.year}:Q${period.quarter}`,
        field: "document",
        oldValue: last?.version ?? null,
        newValue: version,
        reason: `Lưu nội dung báo cáo ${periodName(period.year, period.quarter)}, phiên bản ${version}`,
      },
    ]);
  });
  return reportOfPeriod(prisma, actor, unitCode, period.year, period.quarter, { now });
}

/** "bao-cao-10804-2026-Q3.docx" and its Vietnamese name for filename*. */
export function reportFileNames(doc: ReportDocument, version: number | null) {
  const v = version ? `-v${version}` : "";
  return {
    ascii: `bao-cao-${doc.unit.code.replace(/[^A-Za-z0-9-]/g, "")}-${doc.year}-Q${doc.quarter}${v}.docx`,
    utf8: `Báo cáo ${doc.unit.name.replace(/[\\/:*?"<>|\r\n]+/g, " ")} ${doc.periodName}${version ? ` (phiên bản ${version})` : ""}.docx`,
  };
}
