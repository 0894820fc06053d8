// Targets (lib/targets/service.ts), villages (lib/units/villages.ts) and the dashboards
// (lib/dashboard/service.ts) against the demo data, on PGlite and, when TEST_DATABASE_URL is set,
// on PostgreSQL: who may set which target (every level), malformed input, the revision history,
// no lost updates (versions), the grid with its sums and gaps and the "allocate and save 114
// communes" flow, the villages a commune officer manages, and the city and national dashboards.
// Every refused save is checked to have left targets and target_revisions exactly as they were.
import { vietnamToday } from "@/lib/domain/period";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { type Actor, type FigureValues, type ScopedUnit as UnitRef } from "@/lib/figures/service";
import { scopeUnit } from "@/lib/auth/scope";
import { MSG, ServiceError } from "@/lib/figures/errors";
import { entriesForUnit, putTargetsBodySchema, saveTargets, targetGrid } from "@/lib/targets/service";
import { COUNT_TARGET_KEYS, type TargetKey } from "@/lib/domain/targets";
import { allocate, weightsFor } from "@/lib/domain/allocation";
import { createVillage, renameVillage, retireVillage } from "@/lib/units/villages";
import { dashboard } from "@/lib/dashboard/service";
import { computePathStatus, type YearValue } from "@/lib/domain/path2030";
import { METRIC_KEYS } from "@/lib/domain/metrics";

const NOW = new Date("2026-11-21T10:00:00Z");

const USERNAMES = ["xa.kimthanh", "xa.nguyenluongbang", "bhxh.haiphong", "lanhdao.haiphong", "lanhdao.quocgia", "admin", "bhxh.hue"] as const;
type Username = (typeof USERNAMES)[number];

const UNIT_CODES = ["VN", "31", "46", "10804", "11242", "10804-01", "10804-02", "11242-01"] as const;
type UnitCode = (typeof UNIT_CODES)[number];

const PATH_CODES = ["on_track", "at_risk", "off_track", "reached", "unknown"];

type Entry = { unitCode: string; key: string; value: unknown; version?: number };
type Input = { year: unknown; source?: unknown; entries: Entry[] };

async function failure(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused with a ServiceError");
}

describe.each(dbKinds)("targets, villages and dashboards on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor>;
  const units = {} as Record<UnitCode, UnitRef>;
  /** A commune of Thành phố Huế. */
  let hueCommune: UnitRef;

  beforeAll(async () => {
    const t0 = Date.now();
    db = await migratedDatabase(kind, { demo: true });
    const users = await db.prisma.user.findMany({
      where: { username: { in: [...USERNAMES] } },
      select: { id: true, username: true, role: true, tenantId: true, unitId: true },
    });
    for (const u of users) actors[u.username as Username] = { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId };
    expect(Object.keys(actors).sort()).toEqual([...USERNAMES].sort());
    for (const code of UNIT_CODES) units[code] = await scopeUnit(db.prisma, actors.admin, code);
    const hue = await db.prisma.unit.findFirstOrThrow({
      where: { level: "COMMUNE", tenantId: units["46"].id, validTo: null },
      orderBy: { code: "asc" },
      select: { code: true },
    });
    hueCommune = await scopeUnit(db.prisma, actors.admin, hue.code);
    console.info(`targets on ${kind}: database ready in ${Date.now() - t0} ms`);
  });

  afterAll(async () => {
    await db?.destroy();
  });

  const save = (actor: Actor, input: Input, now: Date = NOW) => saveTargets(db.prisma, actor, input, now);

  /** Row counts and a digest of every row of targets and target_revisions. */
  async function snapshot() {
    const [r] = await db.sql.query<{ t: number; r: number; td: string | null; rd: string | null }>(
      `SELECT (SELECT count(*)::int FROM targets) AS t,
              (SELECT count(*)::int FROM target_revisions) AS r,
              (SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM targets x) AS td,
              (SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM target_revisions x) AS rd`,
    );
    return r;
  }

  /** A save that must be refused with `status`; checks nothing was written and returns the error. */
  async function refused(actor: Actor, input: Input, status: number): Promise<ServiceError> {
    const before = await snapshot();
    const err = await failure(save(actor, input));
    expect(err.status, `${err.message} ${JSON.stringify(err.issues)}`).toBe(status);
    expect(await snapshot()).toEqual(before);
    return err;
  }

  /** A save that must succeed: checks the revision count went up by the number of changes. */
  async function accepted(actor: Actor, input: Input) {
    const before = await snapshot();
    const res = await save(actor, input);
    const after = await snapshot();
    expect(after.r - before.r).toBe(res.changed);
    return res;
  }

  const targetOf = (code: string, year: number, key: TargetKey) => db.prisma.target.findFirst({ where: { unit: { code, validTo: null }, year, key } });

  const one = (unitCode: string, key: TargetKey, value: unknown, year: unknown = 2027): Input => ({
    year,
    entries: [{ unitCode, key, value }],
  });

  // -------------------------------------------------------------------------------------------
  // 1. Who may set which target: every level (nation, province, commune, village).

  it("lets each role set exactly the targets of its level", async () => {
    const { admin } = actors;
    const p31 = (await targetOf("31", 2030, "bhxhCompulsory"))!;
    expect(p31).not.toBeNull();

    // Administrator: the provinces' targets (Resolution 403's 2030 figures), nothing else.
    let res = await accepted(admin, { year: 2030, source: "NQ 403/NQ-CP", entries: [{ unitCode: "31", key: "bhxhCompulsory", value: p31.value + 1000 }] });
    expect(res).toEqual({ changed: 1, unchanged: 0 });
    expect(await targetOf("31", 2030, "bhxhCompulsory")).toMatchObject({ value: p31.value + 1000, source: "NQ 403/NQ-CP", setById: admin.id, version: 2 });
    await refused(admin, one("10804", "bhxhCompulsory", 14000, 2030), 403);
    await refused(admin, one("10804", "bhxhCompulsory", 14000), 403);
    await refused(admin, one("10804-01", "bhxhCompulsory", 100), 403);
    await refused(admin, one("VN", "bhxhCompulsory", 1, 2030), 403);

    // National leader: reads only.
    for (const code of ["VN", "31", "46", "10804", "10804-01"]) {
      await refused(actors["lanhdao.quocgia"], one(code, "bhxhCompulsory", 1000), 403);
      await refused(actors["lanhdao.quocgia"], one(code, "bhxhCompulsory", 1000, 2030), 403);
    }

    // City staff: their communes (any year), their province before 2030; not other provinces, not villages.
    const staff = actors["bhxh.haiphong"];
    res = await accepted(staff, {
      year: 2027,
      source: "KH 149/KH-UBND",
      entries: [
        { unitCode: "10804", key: "bhxhCompulsory", value: 14500 },
        { unitCode: "10804", key: "bhxhVoluntary", value: 520 },
        { unitCode: "10804", key: "bhxhCoverage", value: 0.45 },
      ],
    });
    expect(res).toEqual({ changed: 3, unchanged: 0 });
    expect(await targetOf("10804", 2027, "bhxhCoverage")).toMatchObject({ value: 0.45, kind: "RATE", source: "KH 149/KH-UBND", setById: staff.id, version: 1 });
    expect(await targetOf("10804", 2027, "bhxhCompulsory")).toMatchObject({ value: 14500, kind: "COUNT", tenantId: units["31"].id });
    res = await accepted(staff, one("31", "bhyt", 1_900_000));
    expect(res.changed).toBe(1);
    expect(await targetOf("31", 2027, "bhyt")).toMatchObject({ value: 1_900_000, tenantId: units["31"].id });
    await refused(staff, one("31", "bhxhCompulsory", 1_500_000, 2030), 403);
    await refused(staff, one(hueCommune.code, "bhxhCompulsory", 5000), 403);
    await refused(staff, one("46", "bhxhCompulsory", 500_000), 403);
    await refused(staff, one("VN", "bhxhCompulsory", 1), 403);
    await refused(staff, one("10804-01", "bhxhCompulsory", 100), 403);

    // City leader: reads only.
    for (const code of ["31", "10804", "10804-01"]) await refused(actors["lanhdao.haiphong"], one(code, "bhxhCompulsory", 1000), 403);

    // Commune officer: the villages of their own commune.
    const kt = actors["xa.kimthanh"];
    res = await accepted(kt, {
      year: 2027,
      entries: [
        { unitCode: "10804-01", key: "bhxhCompulsory", value: 1450 },
        { unitCode: "10804-02", key: "bhxhCompulsory", value: 1300 },
        { unitCode: "10804-01", key: "bhxhVoluntary", value: 52 },
      ],
    });
    expect(res).toEqual({ changed: 3, unchanged: 0 });
    expect(await targetOf("10804-01", 2027, "bhxhCompulsory")).toMatchObject({ value: 1450, source: null, setById: kt.id });
    await refused(kt, one("10804", "bhxhCompulsory", 15000), 403);
    await refused(kt, one("11242-01", "bhxhCompulsory", 100), 403);
    await refused(kt, one("31", "bhxhCompulsory", 100), 403);
    await refused(actors["xa.nguyenluongbang"], one("10804-01", "bhxhCompulsory", 100), 403);

    // Another city's staff.
    await refused(actors["bhxh.hue"], one("10804", "bhxhCompulsory", 15000), 403);
    await refused(actors["bhxh.hue"], one("31", "bhxhCompulsory", 15000), 403);
    expect((await accepted(actors["bhxh.hue"], one(hueCommune.code, "bhyt", 20_000))).changed).toBe(1);

    // A mixed batch with one forbidden unit writes nothing, and never names a unit outside the caller's scope.
    const mixed = await refused(
      staff,
      {
        year: 2027,
        entries: [
          { unitCode: "10804", key: "bhyt", value: 30_000 },
          { unitCode: "11242", key: "bhyt", value: 30_000 },
          { unitCode: hueCommune.code, key: "bhyt", value: 30_000 },
        ],
      },
      403,
    );
    expect(mixed.message).not.toContain(hueCommune.name);
    expect(mixed.message).toContain("1 đơn vị ngoài phạm vi");
    expect(mixed.message).not.toContain("Xã Kim Thành");
    await refused(
      kt,
      {
        year: 2027,
        entries: [
          { unitCode: "10804-03", key: "bhxhCompulsory", value: 1 },
          { unitCode: "11242-01", key: "bhxhCompulsory", value: 1 },
        ],
      },
      403,
    );
    expect(await targetOf("10804-03", 2027, "bhxhCompulsory")).toBeNull();
  });

  // -------------------------------------------------------------------------------------------
  // 2. Malformed input: 422 with the path at fault, nothing written.

  it("refuses malformed input with 422 and the path at fault", async () => {
    const staff = actors["bhxh.haiphong"];
    const cases: Array<{ name: string; input: Input; paths: string[] }> = [
      { name: "year 2024", input: one("10804", "bhxhCompulsory", 1, 2024), paths: ["year"] },
      { name: "year 2031", input: one("10804", "bhxhCompulsory", 1, 2031), paths: ["year"] },
      { name: "year abc", input: one("10804", "bhxhCompulsory", 1, "abc"), paths: ["year"] },
      { name: "year 2027.5", input: one("10804", "bhxhCompulsory", 1, 2027.5), paths: ["year"] },
      { name: "unknown key", input: one("10804", "participants" as TargetKey, 1), paths: ["entries.0.key"] },
      { name: "negative", input: one("10804", "bhxhCompulsory", -1), paths: ["entries.0.value"] },
      { name: "fraction for a count", input: one("10804", "bhxhCompulsory", 13624.5), paths: ["entries.0.value"] },
      { name: "count too large", input: one("10804", "bhxhCompulsory", 200_000_000), paths: ["entries.0.value"] },
      { name: "rate above 1", input: one("10804", "bhxhCoverage", 43), paths: ["entries.0.value"] },
      { name: "negative rate", input: one("10804", "bhxhCoverage", -0.1), paths: ["entries.0.value"] },
      { name: "value a string", input: one("10804", "bhxhCompulsory", "13624"), paths: ["entries.0.value"] },
      { name: "value missing", input: { year: 2027, entries: [{ unitCode: "10804", key: "bhxhCompulsory" } as Entry] }, paths: ["entries.0.value"] },
      { name: "unknown unit", input: one("99999", "bhxhCompulsory", 1), paths: ["entries.0.unitCode"] },
      { name: "blank unit", input: one("  ", "bhxhCompulsory", 1), paths: ["entries.0.unitCode"] },
      {
        name: "duplicate entry",
        input: {
          year: 2027,
          entries: [
            { unitCode: "10804", key: "bhyt", value: 1 },
            { unitCode: "10804", key: "bhyt", value: 2 },
          ],
        },
        paths: ["entries.1"],
      },
      { name: "source too long", input: { ...one("10804", "bhxhCompulsory", 1), source: "x".repeat(201) }, paths: ["source"] },
      { name: "entries missing", input: { year: 2027 } as Input, paths: ["entries"] },
      {
        name: "version not an integer",
        input: { year: 2027, entries: [{ unitCode: "10804", key: "bhyt", value: 1, version: 1.5 }] },
        paths: ["entries.0.version"],
      },
    ];
    for (const c of cases) {
      const err = await refused(staff, c.input, 422);
      expect(err.message, c.name).toBe(MSG.invalid);
      expect(
        err.issues.map((i) => i.path),
        c.name,
      ).toEqual(c.paths);
      for (const i of err.issues) expect(i.message.length, c.name).toBeGreaterThan(0);
    }

    // Several mistakes in one batch: each is named; a good entry beside them is not written.
    const err = await refused(
      staff,
      {
        year: 2027,
        entries: [
          { unitCode: "10804", key: "bhtn", value: 9000 },
          { unitCode: "10804", key: "bhxhCompulsory", value: -5 },
          { unitCode: "11242", key: "bhytCoverage", value: 1.2 },
          { unitCode: "nope", key: "bhyt", value: 1 },
        ],
      },
      422,
    );
    expect(err.issues.map((i) => i.path)).toEqual(["entries.1.value", "entries.2.value", "entries.3.unitCode"]);
    expect(err.issues[0].message).toContain("Xã Kim Thành (10804) · Số người tham gia BHXH bắt buộc");

    // Bad input is reported before permissions are looked at (a leader gets 422, not 403).
    await refused(actors["lanhdao.haiphong"], one("10804", "bhxhCompulsory", -1), 422);

    // The edges are fine: 2025 and 2030, a rate of exactly 0 or 1, a 200-character source
    // (spaces around it trimmed), the year as a string (a URL parameter).
    const ok = await accepted(staff, {
      year: "2025",
      source: `  ${"Q".repeat(200)}  `,
      entries: [
        { unitCode: "11242", key: "bhytCoverage", value: 1 },
        { unitCode: "11242", key: "latePaymentRate", value: 0 },
      ],
    });
    expect(ok.changed).toBe(2);
    expect(await targetOf("11242", 2025, "bhytCoverage")).toMatchObject({ value: 1, source: "Q".repeat(200) });
  });

  // -------------------------------------------------------------------------------------------
  // 3. History: every change is a revision; removal too; an unchanged value is not.

  it("records every change in target_revisions, and versions each target", async () => {
    const staff = actors["bhxh.haiphong"];
    const nlb = units["11242"];
    const start = (await targetOf("11242", 2026, "bhxhCompulsory"))!;
    expect(start).toMatchObject({ version: 1, kind: "COUNT" });
    expect(start.source).toBe("Số liệu minh họa"); // invented: no document contains it
    const revisions = () => db.prisma.targetRevision.findMany({ where: { unitId: nlb.id, year: 2026, key: "bhxhCompulsory" }, orderBy: { id: "asc" } });
    expect(await revisions()).toEqual([]);

    // A change.
    const t1 = new Date("2026-11-21T11:00:00Z");
    let res = await saveTargets(
      db.prisma,
      staff,
      { year: 2026, source: "QĐ 12/QĐ-UBND", entries: [{ unitCode: "11242", key: "bhxhCompulsory", value: start.value + 100 }] },
      t1,
    );
    expect(res).toEqual({ changed: 1, unchanged: 0 });
    let revs = await revisions();
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({
      unitId: nlb.id,
      tenantId: units["31"].id,
      year: 2026,
      key: "bhxhCompulsory",
      kind: "COUNT",
      oldValue: start.value,
      newValue: start.value + 100,
      oldSource: start.source,
      newSource: "QĐ 12/QĐ-UBND",
      changedById: staff.id,
    });
    expect(revs[0].changedAt.toISOString()).toBe(t1.toISOString());
    expect(await targetOf("11242", 2026, "bhxhCompulsory")).toMatchObject({
      id: start.id,
      value: start.value + 100,
      source: "QĐ 12/QĐ-UBND",
      setById: staff.id,
      version: 2,
    });

    // The same value again (with no source, or the same one): nothing changes, no revision.
    for (const source of [undefined, "QĐ 12/QĐ-UBND", "  QĐ 12/QĐ-UBND "]) {
      res = await accepted(staff, {
        year: 2026,
        ...(source ? { source } : {}),
        entries: [{ unitCode: "11242", key: "bhxhCompulsory", value: start.value + 100 }],
      });
      expect(res).toEqual({ changed: 0, unchanged: 1 });
    }
    expect(await revisions()).toHaveLength(1);
    expect((await targetOf("11242", 2026, "bhxhCompulsory"))!.version).toBe(2);

    // A change with no source keeps the target's source.
    res = await accepted(staff, { year: 2026, entries: [{ unitCode: "11242", key: "bhxhCompulsory", value: start.value + 150 }] });
    expect(res.changed).toBe(1);
    expect(await targetOf("11242", 2026, "bhxhCompulsory")).toMatchObject({ value: start.value + 150, source: "QĐ 12/QĐ-UBND", version: 3 });
    expect((await revisions()).at(-1)).toMatchObject({
      oldValue: start.value + 100,
      newValue: start.value + 150,
      oldSource: "QĐ 12/QĐ-UBND",
      newSource: "QĐ 12/QĐ-UBND",
    });

    // Setting null removes the target and records old → null.
    const t2 = new Date("2026-11-21T12:00:00Z");
    res = await saveTargets(db.prisma, staff, { year: 2026, entries: [{ unitCode: "11242", key: "bhxhCompulsory", value: null }] }, t2);
    expect(res).toEqual({ changed: 1, unchanged: 0 });
    expect(await targetOf("11242", 2026, "bhxhCompulsory")).toBeNull();
    revs = await revisions();
    expect(revs).toHaveLength(3);
    expect(revs[2]).toMatchObject({ oldValue: start.value + 150, newValue: null, oldSource: "QĐ 12/QĐ-UBND", newSource: null, changedById: staff.id });
    expect(revs[2].changedAt.toISOString()).toBe(t2.toISOString());
    // Removing what is not there is no change.
    res = await accepted(staff, { year: 2026, entries: [{ unitCode: "11242", key: "bhxhCompulsory", value: null }] });
    expect(res).toEqual({ changed: 0, unchanged: 1 });

    // Setting it again creates it and records null → value. Its version keeps counting (3 changes
    // so far, so version 4): a save read before the removal can't slip through.
    res = await accepted(staff, { year: 2026, source: start.source!, entries: [{ unitCode: "11242", key: "bhxhCompulsory", value: start.value }] });
    expect(res.changed).toBe(1);
    expect(await targetOf("11242", 2026, "bhxhCompulsory")).toMatchObject({ value: start.value, source: start.source, version: 4 });
    expect((await revisions()).at(-1)).toMatchObject({ oldValue: null, newValue: start.value, oldSource: null, newSource: start.source });

    // The history is per unit, year and key: the other keys of 11242 have none.
    expect(await db.prisma.targetRevision.count({ where: { unitId: nlb.id, NOT: { key: "bhxhCompulsory" }, year: 2026 } })).toBe(0);
  });

  // -------------------------------------------------------------------------------------------
  // 4. No lost updates: a save based on a stale read is refused (409), nothing of it written.

  it("refuses a save made from a stale read (409), writing nothing of it", async () => {
    const { admin } = actors;
    const staff = actors["bhxh.haiphong"];
    const hp = units["31"];
    // Both open the grid of the city for 2026.
    const gridA = await targetGrid(db.prisma, admin, hp, 2026);
    const gridB = await targetGrid(db.prisma, staff, hp, 2026);
    const read = gridA.targets.bhtn!;
    expect(gridB.targets.bhtn).toEqual(read);
    const v = read.version;

    // The first saves with the version read.
    const first = read.value + 10;
    expect((await accepted(admin, { year: 2026, entries: [{ unitCode: "31", key: "bhtn", value: first, version: v }] })).changed).toBe(1);
    expect(await targetOf("31", 2026, "bhtn")).toMatchObject({ value: first, version: v + 1, setById: admin.id });

    // The second saves a different value with the stale version: refused, naming the unit and key.
    const err = await refused(
      staff,
      { year: 2026, entries: [{ unitCode: "31", key: "bhtn", value: read.value + 20, version: gridB.targets.bhtn!.version }] },
      409,
    );
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0].path).toBe("entries.0");
    expect(err.issues[0].message).toContain("Thành phố Hải Phòng (31) · Số người tham gia BHTN");
    expect(await targetOf("31", 2026, "bhtn")).toMatchObject({ value: first, version: v + 1, setById: admin.id });

    // In a batch, one stale entry stops the fresh ones too; every stale entry is named.
    const bhyt = gridB.targets.bhyt!;
    const err2 = await refused(
      staff,
      {
        year: 2026,
        entries: [
          { unitCode: "31", key: "bhyt", value: bhyt.value + 1, version: bhyt.version },
          { unitCode: "31", key: "bhtn", value: read.value + 20, version: v },
        ],
      },
      409,
    );
    expect(err2.issues.map((i) => i.path)).toEqual(["entries.1"]);

    // After reloading, the second's save goes through.
    const reloaded = await targetGrid(db.prisma, staff, hp, 2026);
    expect(reloaded.targets.bhtn).toMatchObject({ value: first, version: v + 1, setBy: "Quản trị hệ thống" });
    await accepted(staff, { year: 2026, entries: [{ unitCode: "31", key: "bhtn", value: read.value + 20, version: reloaded.targets.bhtn!.version }] });
    expect(await targetOf("31", 2026, "bhtn")).toMatchObject({ value: read.value + 20, version: v + 2, setById: staff.id });

    // Created by someone else since it was read (the grid sends version 0 for an empty cell).
    const empty = await targetOf("31", 2027, "bhxhVoluntary");
    expect(empty).toBeNull();
    await accepted(staff, { year: 2027, entries: [{ unitCode: "31", key: "bhxhVoluntary", value: 60_000, version: 0 }] });
    const e3 = await refused(admin, { year: 2027, entries: [{ unitCode: "31", key: "bhxhVoluntary", value: 61_000, version: 0 }] }, 409);
    expect(e3.issues[0].message).toContain("Thành phố Hải Phòng (31) · Số người tham gia BHXH tự nguyện");
    // Removed by someone else since it was read.
    await accepted(staff, { year: 2027, entries: [{ unitCode: "31", key: "bhxhVoluntary", value: null, version: 1 }] });
    const e4 = await refused(admin, { year: 2027, entries: [{ unitCode: "31", key: "bhxhVoluntary", value: 61_000, version: 1 }] }, 409);
    expect(e4.issues[0].message).toContain("xóa");
    expect(await targetOf("31", 2027, "bhxhVoluntary")).toBeNull();

    // The PUT body of the JSON API carries the versions the same way.
    const body = putTargetsBodySchema.parse({ targets: { bhtn: read.value + 30, bhyt: bhyt.value }, versions: { bhtn: v } });
    const entries = entriesForUnit("31", body);
    expect(entries).toEqual([
      { unitCode: "31", key: "bhtn", value: read.value + 30, version: v },
      { unitCode: "31", key: "bhyt", value: bhyt.value },
    ]);
    await refused(staff, { year: 2026, entries }, 409);
  });

  // -------------------------------------------------------------------------------------------
  // 5. The grid: children, parent targets, sums and gaps, editable; allocate and save 114 communes.

  it("lists a city's 114 communes with their targets, sums and gaps", async () => {
    const hp = units["31"];
    const staff = actors["bhxh.haiphong"];
    const grid = await targetGrid(db.prisma, staff, hp, 2026);
    expect(grid.unit).toEqual({ code: "31", name: "Thành phố Hải Phòng", level: "PROVINCE" });
    expect(grid.year).toBe(2026);
    expect(grid.editable).toBe(true);
    expect(grid.children).toHaveLength(114);
    expect(grid.children.every((c) => c.unit.level === "COMMUNE" && !c.unit.retired && c.editable)).toBe(true);

    // Parent targets are the province's rows.
    const own = await db.prisma.target.findMany({ where: { unitId: hp.id, year: 2026 } });
    expect(Object.keys(grid.targets).sort()).toEqual(own.map((t) => t.key).sort());
    for (const t of own) expect(grid.targets[t.key as TargetKey]).toMatchObject({ value: t.value, version: t.version, kind: t.kind, source: t.source });

    // Children's targets are their rows; sums and gaps per count key.
    const rows = await db.prisma.target.findMany({ where: { year: 2026, unit: { parentId: hp.id } }, include: { unit: { select: { code: true } } } });
    expect(rows.length).toBeGreaterThan(114 * 5);
    for (const r of rows) expect(grid.children.find((c) => c.unit.code === r.unit.code)!.targets[r.key as TargetKey]!.value).toBe(r.value);
    for (const k of COUNT_TARGET_KEYS) {
      const sum = rows.filter((r) => r.key === k).reduce((s, r) => s + r.value, 0);
      expect(grid.sums[k], k).toBe(sum);
      expect(grid.gaps[k], k).toBe(grid.targets[k] ? grid.targets[k]!.value - sum : null);
    }
    // The demo city's targets are the sum of its communes' except where tests changed them.
    expect(grid.gaps.bhxhVoluntary).toBe(0);
    // The basis for suggestions: figures before the target year.
    expect(grid.children.every((c) => c.basis.labourForce !== null && c.basis.labourForce > 0)).toBe(true);

    // Leaders see the same grid, nothing editable.
    const leader = await targetGrid(db.prisma, actors["lanhdao.haiphong"], hp, 2026);
    expect(leader.children).toHaveLength(114);
    expect(leader.editable).toBe(false);
    expect(leader.children.some((c) => c.editable)).toBe(false);
    expect(leader.sums).toEqual(grid.sums);
    // 2030: the city's own target is the administrator's, the communes' stay the staff's.
    const g2030 = await targetGrid(db.prisma, staff, hp, 2030);
    expect(g2030.editable).toBe(false);
    expect(g2030.children.every((c) => c.editable)).toBe(true);
    const admin2030 = await targetGrid(db.prisma, actors.admin, hp, 2030);
    expect(admin2030.editable).toBe(true);
    expect(admin2030.children.some((c) => c.editable)).toBe(false);
    // The nation: 34 provinces, the administrator edits them.
    const vn = await targetGrid(db.prisma, actors.admin, units.VN, 2030);
    expect(vn.children).toHaveLength(34);
    expect(vn.editable).toBe(false);
    expect(vn.children.every((c) => c.editable)).toBe(true);

    // A commune's grid, for its officer: the villages, editable; the commune itself is not.
    const kt = await targetGrid(db.prisma, actors["xa.kimthanh"], units["10804"], 2027);
    expect(kt.editable).toBe(false);
    expect(kt.children.map((c) => c.unit.code)).toEqual(expect.arrayContaining(["10804-01", "10804-10"]));
    expect(kt.children).toHaveLength(10);
    expect(kt.children.every((c) => c.unit.level === "VILLAGE" && c.unit.type === "THON" && c.editable)).toBe(true);
    expect(kt.targets.bhxhCompulsory?.value).toBe(14500);
    expect(kt.sums.bhxhCompulsory).toBe(1450 + 1300);
    expect(kt.gaps.bhxhCompulsory).toBe(14500 - 2750);
    expect(kt.gaps.bhyt).toBeNull();
    // The city's staff sees the villages too, but does not set them.
    const ktStaff = await targetGrid(db.prisma, actors["bhxh.haiphong"], units["10804"], 2027);
    expect(ktStaff.editable).toBe(true);
    expect(ktStaff.children).toHaveLength(10);
    expect(ktStaff.children.some((c) => c.editable)).toBe(false);
  });

  it("allocates the city's 2027 target among its 114 communes and saves them at once", async () => {
    const hp = units["31"];
    const staff = actors["bhxh.haiphong"];
    const total = 1_300_000;
    await accepted(staff, { year: 2027, source: "KH 149/KH-UBND", entries: [{ unitCode: "31", key: "bhxhCompulsory", value: total }] });
    const before = await targetGrid(db.prisma, staff, hp, 2027);
    expect(before.targets.bhxhCompulsory?.value).toBe(total);
    expect(before.sums.bhxhCompulsory).toBe(14500); // Kim Thành's, set above
    expect(before.gaps.bhxhCompulsory).toBe(total - 14500);

    const shares = allocate(
      total,
      weightsFor(
        "labourForce",
        before.children.map((c) => ({ key: c.unit.code, ...c.basis })),
      ),
    );
    expect(shares).toHaveLength(114);
    expect(shares.reduce((s, a) => s + a.value, 0)).toBe(total);
    const revs = await db.prisma.targetRevision.count();
    const t0 = performance.now();
    const res = await saveTargets(db.prisma, staff, {
      year: 2027,
      source: "KH 149/KH-UBND",
      entries: shares.map((a) => ({
        unitCode: a.key,
        key: "bhxhCompulsory",
        value: a.value,
        version: before.children.find((c) => c.unit.code === a.key)!.targets.bhxhCompulsory?.version ?? 0,
      })),
    });
    const ms = performance.now() - t0;
    console.info(`saveTargets of 114 communes on ${kind}: ${ms.toFixed(0)} ms`);
    expect(res.changed + res.unchanged).toBe(114);
    expect(res.changed).toBeGreaterThanOrEqual(113);
    expect(await db.prisma.targetRevision.count()).toBe(revs + res.changed);

    const after = await targetGrid(db.prisma, staff, hp, 2027);
    expect(after.sums.bhxhCompulsory).toBe(total);
    expect(after.gaps.bhxhCompulsory).toBe(0);
    for (const a of shares) expect(after.children.find((c) => c.unit.code === a.key)!.targets.bhxhCompulsory?.value).toBe(a.value);
  });

  // -------------------------------------------------------------------------------------------
  // 6. Villages: the commune officer creates, renames and retires them.

  it("lets the commune officer create, rename and retire a village", async () => {
    const kt = actors["xa.kimthanh"];
    const communeId = units["10804"].id;
    const count = () => db.prisma.unit.count();
    const unitsDigest = async () =>
      (await db.sql.query<{ d: string }>(`SELECT md5(string_agg(u::text, '|' ORDER BY u.id)) AS d FROM units u WHERE parent_id = $1`, [communeId]))[0].d;
    const refusedVillage = async (p: () => Promise<unknown>, status: number) => {
      const [n, d] = [await count(), await unitsDigest()];
      const err = await failure(p());
      expect(err.status, `${err.message} ${JSON.stringify(err.issues)}`).toBe(status);
      expect([await count(), await unitsDigest()]).toEqual([n, d]);
      return err;
    };

    const created = await createVillage(db.prisma, kt, "10804", { name: "  Thôn Kim Thành Mới ", type: "THON" });
    expect(created).toEqual({ code: "10804-11", name: "Thôn Kim Thành Mới", type: "THON" });
    const row = await db.prisma.unit.findFirstOrThrow({ where: { code: "10804-11" } });
    expect(row).toMatchObject({ level: "VILLAGE", parentId: communeId, tenantId: units["31"].id, validTo: null });
    expect(row.validFrom.toISOString().slice(0, 10)).toBe(vietnamToday().toISOString().slice(0, 10));

    // Its targets can be set at once.
    await accepted(kt, {
      year: 2027,
      entries: [
        { unitCode: "10804-11", key: "bhxhCompulsory", value: 400 },
        { unitCode: "10804-11", key: "bhxhVoluntary", value: 20 },
      ],
    });

    // Names: unique among the commune's active villages (case and spaces ignored), 2–100 characters.
    let err = await refusedVillage(() => createVillage(db.prisma, kt, "10804", { name: "Thôn Kim Lương", type: "THON" }), 422);
    expect(err.issues.map((i) => i.path)).toEqual(["name"]);
    expect(err.issues[0].message).toContain("Thôn Kim Lương");
    err = await refusedVillage(() => createVillage(db.prisma, kt, "10804", { name: " thôn kim lương ", type: "THON" }), 422);
    expect(err.issues.map((i) => i.path)).toEqual(["name"]);
    err = await refusedVillage(() => createVillage(db.prisma, kt, "10804", { name: "THÔN ĐỒNG GIA", type: "THON" }), 422);
    expect(err.issues[0].message).toContain("Thôn Đồng Gia");
    err = await refusedVillage(() => createVillage(db.prisma, kt, "10804", { name: "   ", type: "THON" }), 422);
    expect(err.issues.map((i) => i.path)).toEqual(["name"]);
    err = await refusedVillage(() => createVillage(db.prisma, kt, "10804", { name: "T".repeat(101), type: "THON" }), 422);
    expect(err.issues.map((i) => i.path)).toEqual(["name"]);
    err = await refusedVillage(() => createVillage(db.prisma, kt, "10804", { name: "Thôn Mới" }), 422);
    expect(err.issues.map((i) => i.path)).toEqual(["type"]);
    err = await refusedVillage(() => createVillage(db.prisma, kt, "10804", { name: "Thôn Mới", type: "XA" }), 422);
    expect(err.issues.map((i) => i.path)).toEqual(["type"]);
    err = await refusedVillage(() => createVillage(db.prisma, kt, "10804", null), 422);

    // Only the commune's own officer: other officers, city staff and leaders, the administrator are refused.
    for (const who of ["xa.nguyenluongbang", "bhxh.haiphong", "lanhdao.haiphong", "lanhdao.quocgia", "admin", "bhxh.hue"] as const) {
      await refusedVillage(() => createVillage(db.prisma, actors[who], "10804", { name: "Thôn Lạ", type: "THON" }), 403);
      await refusedVillage(() => renameVillage(db.prisma, actors[who], "10804-11", "Thôn Lạ"), 403);
      await refusedVillage(() => retireVillage(db.prisma, actors[who], "10804-11"), 403);
    }
    await refusedVillage(() => createVillage(db.prisma, kt, "11242", { name: "Thôn Lạ", type: "THON" }), 403);
    await refusedVillage(() => renameVillage(db.prisma, kt, "11242-01", "Thôn Lạ"), 403);
    await refusedVillage(() => retireVillage(db.prisma, kt, "11242-01"), 403);
    // A commune is not a village.
    await refusedVillage(() => renameVillage(db.prisma, kt, "10804", "Xã Lạ"), 404);
    await refusedVillage(() => retireVillage(db.prisma, kt, "10804"), 404);
    await refusedVillage(() => renameVillage(db.prisma, kt, "10804-99", "Thôn Lạ"), 404);

    // Rename.
    expect(await renameVillage(db.prisma, kt, "10804-11", "Thôn Kim Thành Mới")).toEqual({ code: "10804-11", name: "Thôn Kim Thành Mới" });
    expect(await renameVillage(db.prisma, kt, "10804-11", " Thôn Tân Kim ")).toEqual({ code: "10804-11", name: "Thôn Tân Kim" });
    err = await refusedVillage(() => renameVillage(db.prisma, kt, "10804-11", "Thôn Kim Khê"), 422);
    expect(err.issues.map((i) => i.path)).toEqual(["name"]);
    err = await refusedVillage(() => renameVillage(db.prisma, kt, "10804-11", " "), 422);
    expect(err.issues.map((i) => i.path)).toEqual([""]);
    await refusedVillage(() => renameVillage(db.prisma, kt, "10804-11", 42), 422);

    // Retire: still listed (as retired, not editable), its targets kept, but no longer set.
    const retired = await retireVillage(db.prisma, kt, "10804-11");
    expect(retired.code).toBe("10804-11");
    expect(retired.validTo?.toISOString().slice(0, 10)).toBe(vietnamToday().toISOString().slice(0, 10));
    const grid = await targetGrid(db.prisma, kt, units["10804"], 2027);
    expect(grid.children).toHaveLength(11);
    const child = grid.children.find((c) => c.unit.code === "10804-11")!;
    expect(child).toMatchObject({ unit: { name: "Thôn Tân Kim", retired: true }, editable: false });
    expect(child.targets.bhxhCompulsory?.value).toBe(400);
    expect(grid.children.at(-1)!.unit.code).toBe("10804-11"); // retired ones last
    expect(grid.sums.bhxhCompulsory).toBe(1450 + 1300); // a retired village's targets are not counted
    expect(await db.prisma.target.count({ where: { unitId: row.id } })).toBe(2);
    err = await refused(kt, one("10804-11", "bhxhCompulsory", 450), 422);
    expect(err.issues.map((i) => i.path)).toEqual(["entries.0.unitCode"]);
    await refusedVillage(() => retireVillage(db.prisma, kt, "10804-11"), 422);
    await refusedVillage(() => renameVillage(db.prisma, kt, "10804-11", "Thôn Khác"), 422);

    // Its name is free again; the new village gets a new code (the old one keeps its history).
    const again = await createVillage(db.prisma, kt, "10804", { name: "Thôn Tân Kim", type: "TO_DAN_PHO" });
    expect(again).toEqual({ code: "10804-12", name: "Thôn Tân Kim", type: "TO_DAN_PHO" });
  });

  // -------------------------------------------------------------------------------------------
  // 7. Dashboards: a city over its communes, the nation over its provinces.

  const sumFigures = (list: (FigureValues | null)[]) => {
    const out: Record<string, number | null> = {};
    for (const k of METRIC_KEYS) {
      const vals = list.flatMap((f) => (f && f[k] !== null ? [f[k]!] : []));
      out[k] = vals.length ? vals.reduce((a, b) => a + b, 0) : null;
    }
    return out;
  };

  it("builds the city dashboard over its 114 communes", async () => {
    const hp = units["31"];
    const t0 = performance.now();
    const d = await dashboard(db.prisma, hp, 2026, 3);
    console.info(`dashboard of Hải Phòng on ${kind}: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(d).toMatchObject({ parent: { code: "31", level: "PROVINCE" }, year: 2026, quarter: 3, childLevel: "COMMUNE" });
    expect(d.rows).toHaveLength(114);
    expect(new Set(d.rows.map((r) => r.unit.code)).size).toBe(114);

    // Totals = Σ rows, per metric.
    expect(d.totals.figures).toEqual(sumFigures(d.rows.map((r) => r.figures)));
    expect(d.totals.total).toBe(114);
    const q3 = await db.prisma.quarterReport.findMany({
      where: { tenantId: hp.id, year: 2026, quarter: 3, kind: "ACTUAL" },
      select: { status: true, unit: { select: { code: true } } },
    });
    const q3Status = new Map(q3.map((r) => [r.unit.code, r.status]));
    expect(d.totals.reported).toBe(q3.filter((r) => r.status === "SUBMITTED" || r.status === "APPROVED").length);
    expect(q3.length).toBeLessThan(114);

    // Period status: the Q3 report's, null when there is none (Kim Thành has not started).
    for (const r of d.rows) expect(r.periodStatus, r.unit.code).toBe(q3Status.get(r.unit.code) ?? null);
    expect(d.rows.find((r) => r.unit.code === "10804")!.periodStatus).toBeNull();
    expect(d.rows.filter((r) => r.periodStatus === null).length).toBe(114 - q3.length);

    // Attainment of coverage = indicator / the quarter's milestone; the year's = indicator / target;
    // only communes with a counted Q3 report have figures; path statuses among the five codes.
    let checked = 0;
    for (const r of d.rows) {
      expect(PATH_CODES).toContain(r.path.status);
      expect(r.hasReport, r.unit.code).toBe(q3Status.get(r.unit.code) === "SUBMITTED" || q3Status.get(r.unit.code) === "APPROVED");
      if (!r.hasReport) expect(r.figures, r.unit.code).toBeNull();
      const ind = r.indicators.bhxhCoverage;
      const target = r.targets.bhxhCoverage;
      if (ind !== null && target !== undefined) {
        expect(r.attainment.bhxhCoverage, r.unit.code).toBeCloseTo(ind / r.expected.bhxhCoverage!, 12);
        expect(r.yearAttainment.bhxhCoverage, r.unit.code).toBeCloseTo(ind / target, 12);
        checked++;
      }
      if (r.figures) {
        expect(r.indicators.bhxhCoverage).toBeCloseTo((r.figures.bhxhCompulsory! + r.figures.bhxhVoluntary!) / r.figures.labourForce!, 12);
      }
    }
    expect(checked).toBe(d.totals.reported);
    expect(PATH_CODES).toContain(d.totals.path.status);

    // Nguyễn Lương Bằng by hand: its latest 2026 figures up to Q3, its targets, its path to 2030.
    const nlb = d.rows.find((r) => r.unit.code === "11242")!;
    const reports = await db.prisma.quarterReport.findMany({
      where: {
        unitId: units["11242"].id,
        kind: "ACTUAL",
        status: { in: ["SUBMITTED", "APPROVED"] },
        OR: [{ year: { lt: 2026 } }, { year: 2026, quarter: { lte: 3 } }],
      },
      orderBy: [{ year: "asc" }, { quarter: "asc" }],
    });
    const lastOfYear = new Map<number, (typeof reports)[number]>();
    for (const r of reports) lastOfYear.set(r.year, r);
    const latest = lastOfYear.get(2026)!;
    expect(latest.quarter).toBe(3); // Nguyễn Lương Bằng reported 2026 Q3
    expect(nlb.figuresQuarter).toBe(3);
    expect(nlb.figures!.bhxhCompulsory).toBe(latest.bhxhCompulsory);
    expect(nlb.figures!.amountDue).toBe(Number(latest.amountDue));
    const t2026 = await db.prisma.target.findMany({ where: { unitId: units["11242"].id, year: 2026 } });
    expect(nlb.targets).toEqual(Object.fromEntries(t2026.map((t) => [t.key, t.value])));
    const t2030 = await db.prisma.target.findMany({ where: { unitId: units["11242"].id, year: 2030, key: { in: ["bhxhCompulsory", "bhxhVoluntary"] } } });
    expect(t2030).toHaveLength(2);
    t2030.sort((a, b) => a.key.localeCompare(b.key));
    const history: YearValue[] = [...lastOfYear.entries()].map(([year, r]) => ({ year, value: r.bhxhCompulsory! + r.bhxhVoluntary! }));
    expect(history.length).toBeGreaterThanOrEqual(2);
    const expected = computePathStatus(history, t2030[0].value + t2030[1].value, 2026);
    expect(nlb.path).toEqual(expected);
    expect(nlb.path.target2030).toBe(t2030[0].value + t2030[1].value);

    // Only a province or the nation has a dashboard.
    expect((await failure(dashboard(db.prisma, units["10804"], 2026, 3))).status).toBe(422);
  });

  it("builds the national dashboard over the 34 provinces", async () => {
    const t0 = performance.now();
    const d = await dashboard(db.prisma, units.VN, 2026, 3);
    console.info(`national dashboard on ${kind}: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(d.childLevel).toBe("PROVINCE");
    expect(d.rows).toHaveLength(34);
    const city = await dashboard(db.prisma, units["31"], 2026, 3);
    const hue = await dashboard(db.prisma, units["46"], 2026, 3);
    expect(hue.rows).toHaveLength(40);

    const hpRow = d.rows.find((r) => r.unit.code === "31")!;
    expect(hpRow.figures).toEqual(city.totals.figures);
    expect(hpRow.indicators).toEqual(city.totals.indicators);
    expect(hpRow).toMatchObject({ reported: city.totals.reported, total: 114 });
    expect(hpRow.targets).toEqual(city.totals.targets);
    expect(hpRow.path).toEqual(city.totals.path);
    const hueRow = d.rows.find((r) => r.unit.code === "46")!;
    expect(hueRow.figures).toEqual(hue.totals.figures);
    expect(hueRow).toMatchObject({ reported: hue.totals.reported, total: 40 });

    // The other 32 provinces have no data: no figures, path unknown, nothing reported.
    const others = d.rows.filter((r) => r.unit.code !== "31" && r.unit.code !== "46");
    expect(others).toHaveLength(32);
    for (const r of others) {
      expect(r.figures, r.unit.code).toBeNull();
      expect(r.path.status, r.unit.code).toBe("unknown");
      expect(r.reported, r.unit.code).toBe(0);
      expect(r.total!, r.unit.code).toBeGreaterThan(0);
      expect(Object.values(r.indicators).every((v) => v === null)).toBe(true);
    }
    expect(d.rows.reduce((s, r) => s + r.total!, 0)).toBe(3321);
    expect(d.totals.total).toBe(3321);
    expect(d.totals.reported).toBe(city.totals.reported! + hue.totals.reported!);
    expect(d.rows.reduce((s, r) => s + r.reported!, 0)).toBe(d.totals.reported);
    expect(d.totals.figures).toEqual(sumFigures(d.rows.map((r) => r.figures)));
    for (const r of d.rows) expect(PATH_CODES).toContain(r.path.status);
  });
});
