// The official targets are reference data (prisma/reference/official-targets.csv): loaded with the
// units on every install (bootstrap, npm run db:migrate, the test run's prepared databases), not
// only with the demo, each with its source document; loaded once only, never over a change.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "@/lib/db/bootstrap";
import { migrate } from "@/lib/db/migrate";
import { loadReferenceTargets, readReferenceTargets } from "@/lib/db/reference";
import { dbKinds, freshDatabase, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";

const NQ403 = "Nghị quyết số 403/NQ-CP ngày 10/12/2025 của Chính phủ";
const CV2244 = "Công văn số 2244/BHXH-QLT ngày 15/9/2025 của BHXH Việt Nam";

/** Exactly the figures of Resolution 403 (2030) and of seed 003 (2025), for the nation. */
const EXPECTED = [
  { year: 2025, key: "bhtnCoverage", kind: "RATE", value: 0.352, source: CV2244 },
  { year: 2025, key: "bhxhCoverage", kind: "RATE", value: 0.452, source: CV2244 },
  { year: 2025, key: "bhytCoverage", kind: "RATE", value: 0.952, source: CV2244 },
  { year: 2025, key: "latePaymentRate", kind: "RATE", value: 0.0255, source: CV2244 },
  { year: 2025, key: "revenueCompletion", kind: "RATE", value: 1, source: CV2244 },
  { year: 2030, key: "bhxhParticipants", kind: "COUNT", value: 29_334_000, source: NQ403 },
  { year: 2030, key: "bhxhVoluntary", kind: "COUNT", value: 2_444_500, source: NQ403 },
];

interface Row {
  code: string;
  tenant_id: number | null;
  year: number;
  key: string;
  kind: string;
  value: number;
  source: string;
  version: number;
  set_by_id: number | null;
}

async function officialTargets(db: TestDatabase): Promise<Row[]> {
  return db.sql.query<Row>(
    `SELECT u.code, t.tenant_id, t.year::int AS year, t.key, t.kind::text AS kind, t.value, t.source, t.version, t.set_by_id
     FROM targets t JOIN units u ON u.id = t.unit_id
     WHERE u.level = 'NATION' ORDER BY t.year, t.key`,
  );
}

async function counts(db: TestDatabase) {
  const [r] = await db.sql.query<{ t: number; r: number }>(
    `SELECT (SELECT count(*)::int FROM targets) AS t, (SELECT count(*)::int FROM target_revisions) AS r`,
  );
  return r;
}

describe("the official targets file", () => {
  it("holds exactly the figures of Resolution 403 and seed 003, for the nation", () => {
    const rows = readReferenceTargets();
    const sorted = [...rows].sort((a, b) => a.year - b.year || a.key.localeCompare(b.key));
    expect(sorted).toEqual(EXPECTED.map((e) => ({ unitCode: "VN", ...e })));
  });

  it("refuses a malformed row, naming its line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "official-targets-"));
    try {
      const file = path.join(dir, "t.csv");
      const header = "unit_code,year,key,value,kind,source\n";
      const cases: [string, RegExp][] = [
        ["VN,2030,participants,1,COUNT,NQ", /dòng 2: không có loại chỉ tiêu «participants»/],
        ["VN,2030,bhxhParticipants,1,RATE,NQ", /là loại COUNT/],
        ["VN,2031,bhxhParticipants,1,COUNT,NQ", /năm không hợp lệ/],
        ["VN,2030,bhxhParticipants,1.5,COUNT,NQ", /giá trị không hợp lệ/],
        ["VN,2025,bhxhCoverage,45.2,RATE,NQ", /giá trị không hợp lệ/],
        ["VN,2030,bhxhParticipants,1,COUNT,", /nguồn chỉ tiêu trống/],
        ["VN,2030,bhxhParticipants,1,COUNT,NQ\nVN,2030,bhxhParticipants,2,COUNT,NQ", /dòng 3: chỉ tiêu VN\/2030\/bhxhParticipants xuất hiện hai lần/],
      ];
      for (const [body, message] of cases) {
        writeFileSync(file, header + body + "\n");
        expect(() => readReferenceTargets(file), body).toThrow(message);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(dbKinds)("official targets on %s", (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await freshDatabase(kind);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it("needs the units first: refused, nothing written, without them", async () => {
    await migrate(db.sql);
    await expect(loadReferenceTargets(db.sql)).rejects.toThrow(/Chưa có đơn vị VN trong danh mục/);
    expect(await counts(db)).toEqual({ t: 0, r: 0 });
  });

  it("are loaded with the units by bootstrap on a fresh install, without the demo", async () => {
    const report = await bootstrap(db, { demo: false });
    expect(report.referenceLoaded).toBe(true);
    expect(report.demoLoaded).toBe(false);
    const rows = await officialTargets(db);
    expect(rows.map(({ year, key, kind, value, source }) => ({ year, key, kind, value, source }))).toEqual(EXPECTED);
    for (const r of rows) expect(r).toMatchObject({ code: "VN", tenant_id: null, version: 1, set_by_id: null });
    // Each with a first revision: no previous value, the document as its source, no user.
    const revisions = await db.prisma.targetRevision.findMany({ orderBy: [{ year: "asc" }, { key: "asc" }] });
    expect(revisions.map((r) => ({ year: r.year, key: r.key, kind: r.kind, value: r.newValue, source: r.newSource }))).toEqual(EXPECTED);
    for (const r of revisions) expect(r).toMatchObject({ oldValue: null, oldSource: null, changedById: null, tenantId: null });
    // Nothing but them: no demo targets.
    expect(await counts(db)).toEqual({ t: EXPECTED.length, r: EXPECTED.length });
  });

  it("are loaded once only: again, at the same time, or by a second start", async () => {
    const before = await officialTargets(db);
    expect(await loadReferenceTargets(db.sql)).toBe(0);
    expect(await Promise.all([loadReferenceTargets(db.sql), loadReferenceTargets(db.sql)])).toEqual([0, 0]);
    await bootstrap(db, { demo: false });
    expect(await officialTargets(db)).toEqual(before);
    expect(await counts(db)).toEqual({ t: EXPECTED.length, r: EXPECTED.length });
  });

  it("never overwrite a changed target, nor bring back a removed one", async () => {
    const nation = await db.prisma.unit.findFirstOrThrow({ where: { code: "VN", level: "NATION" } });
    await db.prisma.target.update({
      where: { unitId_year_key: { unitId: nation.id, year: 2025, key: "bhxhCoverage" } },
      data: { value: 0.46, source: "Văn bản sửa đổi", version: { increment: 1 } },
    });
    const removed = await db.prisma.target.delete({ where: { unitId_year_key: { unitId: nation.id, year: 2030, key: "bhxhVoluntary" } } });
    await db.prisma.targetRevision.create({
      data: {
        unitId: nation.id,
        year: 2030,
        key: "bhxhVoluntary",
        kind: "COUNT",
        oldValue: removed.value,
        newValue: null,
        oldSource: removed.source,
        newSource: null,
      },
    });
    expect(await loadReferenceTargets(db.sql)).toBe(0);
    const rows = await officialTargets(db);
    expect(rows.find((r) => r.key === "bhxhCoverage")).toMatchObject({ value: 0.46, source: "Văn bản sửa đổi", version: 2 });
    expect(rows.some((r) => r.key === "bhxhVoluntary")).toBe(false);
    expect(rows).toHaveLength(EXPECTED.length - 1);
  });

  it("are in every prepared database of the test run, the demo one too", async () => {
    for (const demo of [false, true]) {
      const copy = await migratedDatabase(kind, { demo });
      try {
        const rows = await officialTargets(copy);
        expect(
          rows.map(({ year, key, kind, value, source }) => ({ year, key, kind, value, source })),
          `demo: ${demo}`,
        ).toEqual(EXPECTED);
      } finally {
        await copy.destroy();
      }
    }
  });
});
