// Figures in from a file (issue 14), through the route handlers: template → edit → import → commit
// changes those figures and nothing else; a file with one bad row stores nothing; a commit whose
// figures changed since the preview is a 409 and stores nothing (all or none); scope: another
// city's unit is 403, a row of another city's commune in the file is skipped (documented choice).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));

import ExcelJS from "exceljs";
import { migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { GET as getXlsx } from "@/app/api/v1/units/[code]/figures/template.xlsx/route";
import { GET as getCsv } from "@/app/api/v1/units/[code]/figures/template.csv/route";
import { POST as postImport } from "@/app/api/v1/units/[code]/imports/route";
import { POST as postCommit } from "@/app/api/v1/units/[code]/imports/[id]/commit/route";
import { POST as postCommitById } from "@/app/api/v1/imports/[id]/commit/route";
import { GET as getTargetsXlsx } from "@/app/api/v1/units/[code]/targets/template.xlsx/route";
import { TARGET_KEYS } from "@/lib/domain/targets";
import { METRIC_KEYS } from "@/lib/domain/metrics";

const Y = 2026;
const Q = 3;

describe("imports of a quarter's figures", () => {
  let db: TestDatabase;
  const as = async (username: string) => {
    const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    ctx.user = { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null };
  };
  const p = <T extends Record<string, string>>(o: T) => ({ params: Promise.resolve(o) });

  const template = async (code = "31") => {
    const res = await getXlsx(new Request(`http://localhost/api/v1/units/${code}/figures/template.xlsx?year=${Y}&quarter=${Q}`), p({ code }));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return wb;
  };
  const rowOf = (ws: ExcelJS.Worksheet, code: string) => {
    let found: ExcelJS.Row | null = null;
    ws.eachRow((r) => {
      if (r.getCell(1).value === code) found = r;
    });
    if (!found) throw new Error(`no row ${code}`);
    return found as ExcelJS.Row;
  };
  const upload = async (bytes: Uint8Array | ArrayBuffer, code = "31", name = "so-lieu.xlsx", kind?: string) => {
    const form = new FormData();
    form.set("file", new File([bytes as ArrayBuffer], name));
    form.set("year", String(Y));
    form.set("quarter", String(Q));
    if (kind) form.set("kind", kind);
    const res = await postImport(new Request(`http://localhost/api/v1/units/${code}/imports`, { method: "POST", body: form }), p({ code }));
    return { status: res.status, body: await res.json() };
  };
  const commit = async (id: string, body: unknown = {}, code = "31") => {
    const res = await postCommit(
      new Request(`http://localhost/api/v1/units/${code}/imports/${id}/commit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      p({ code, id: String(id) }),
    );
    return { status: res.status, body: await res.json() };
  };
  const snapshot = async () =>
    JSON.stringify(
      await db.sql.query(
        `SELECT u.code, r.version, r.status, r.bhyt, r.population, r.bhxh_compulsory FROM quarter_reports r JOIN units u ON u.id = r.unit_id WHERE r.year = ${Y} AND r.quarter = ${Q} ORDER BY u.code, r.kind`,
      ),
    );
  /** Two communes of Hải Phòng whose Q3 figures can be written (no report, a draft or returned). */
  const editable = async (n: number) => {
    const rows = await db.sql.query<{ code: string; status: string | null }>(
      `SELECT u.code, r.status FROM units u LEFT JOIN quarter_reports r ON r.unit_id = u.id AND r.year = ${Y} AND r.quarter = ${Q} AND r.kind = 'ACTUAL'
       WHERE u.tenant_id = (SELECT id FROM units WHERE code = '31' AND valid_to IS NULL) AND u.level = 'COMMUNE' AND u.valid_to IS NULL AND (r.status IS NULL OR r.status IN ('DRAFT', 'RETURNED'))
       ORDER BY u.code`,
    );
    const list = (rows as unknown as { rows?: { code: string }[] }).rows ?? (rows as unknown as { code: string }[]);
    expect(list.length).toBeGreaterThanOrEqual(n);
    return list.slice(0, n).map((r) => r.code);
  };

  beforeAll(async () => {
    db = await migratedDatabase("pglite", { demo: true });
    ctx.prisma = db.prisma;
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("serves the template: one row per commune of the city, Vietnamese headers, the period in the title, stored values", async () => {
    await as("bhxh.haiphong");
    const wb = await template();
    const ws = wb.worksheets[0];
    expect(String(ws.getCell("A1").value)).toMatch(/quý 3\/2026/);
    expect(ws.getCell("A4").value).toBe("Mã");
    expect(String(ws.getCell("F4").value)).toMatch(/BHXH bắt buộc/);
    const communes = await db.prisma.unit.count({ where: { level: "COMMUNE", validTo: null, tenant: { code: "31" } } });
    expect(ws.actualRowCount - 3).toBe(communes);
    const stored = await db.prisma.quarterReport.findFirst({
      where: { year: Y, quarter: Q, kind: "ACTUAL", bhyt: { not: null }, tenant: { code: "31" } },
      include: { unit: true },
    });
    if (stored) expect(rowOf(ws, stored.unit.code).getCell(10).value).toBe(stored.bhyt);
    const csv = await getCsv(new Request(`http://localhost/api/v1/units/31/figures/template.csv?year=${Y}&quarter=${Q}`), p({ code: "31" }));
    expect(csv.status).toBe(200);
    expect((await csv.text()).split("\r\n").length).toBe(communes + 5);
    // A commune officer: the commune only. Another city: 403. A quarter not ended: 422.
    await as("xa.kimthanh");
    const own = await template("10804");
    expect(own.worksheets[0].actualRowCount).toBe(4);
    expect((await getXlsx(new Request(`http://localhost/x?year=${Y}&quarter=${Q}`), p({ code: "31" }))).status).toBe(403);
    await as("bhxh.haiphong");
    expect((await getXlsx(new Request(`http://localhost/x?year=${Y}&quarter=${Q}`), p({ code: "46" }))).status).toBe(403);
    expect((await getXlsx(new Request(`http://localhost/x?year=2027&quarter=1`), p({ code: "31" }))).status).toBe(422);
  });

  it("round trip: template → edit → import → commit changes those figures and nothing else", async () => {
    await as("bhxh.haiphong");
    const [a, b] = await editable(2);
    const wb = await template();
    const ws = wb.worksheets[0];
    rowOf(ws, a).getCell(6).value = 4321; // bhxhCompulsory
    rowOf(ws, b).getCell(4).value = "98.765"; // population, as text
    const before = await snapshot();
    const auditBefore = await db.prisma.auditEntry.count();
    const { status, body } = await upload(await wb.xlsx.writeBuffer());
    expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
    expect(body.changes.map((c: { unitCode: string }) => c.unitCode).sort()).toEqual([a, b].sort());
    expect(body.changes.find((c: { unitCode: string }) => c.unitCode === a).changes).toEqual([expect.objectContaining({ key: "bhxhCompulsory", new: 4321 })]);
    expect(await snapshot()).toBe(before); // nothing stored by the preview
    const needsConfirm = body.warnings.length > 0;
    if (needsConfirm) expect((await commit(body.id, {})).status).toBe(422);
    const done = await commit(body.id, { confirmWarnings: true });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.saved).toBe(2);
    const ra = await db.prisma.quarterReport.findFirstOrThrow({ where: { unit: { code: a }, year: Y, quarter: Q, kind: "ACTUAL" } });
    const rb = await db.prisma.quarterReport.findFirstOrThrow({ where: { unit: { code: b }, year: Y, quarter: Q, kind: "ACTUAL" } });
    expect(ra.bhxhCompulsory).toBe(4321);
    expect(rb.population).toBe(98765);
    // Only those two changed.
    const changed = (s: string) => (JSON.parse(s) as { code: string }[]).filter((r) => r.code !== a && r.code !== b);
    expect(changed(await snapshot())).toEqual(changed(before));
    // The audit trail names the file and its SHA-256, entered on the commune's behalf.
    const entries = await db.prisma.auditEntry.findMany({
      where: { id: { gt: 0 } },
      orderBy: { id: "desc" },
      take: (await db.prisma.auditEntry.count()) - auditBefore,
    });
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.every((e) => e.reason?.includes(body.sha256) && e.reason.includes("so-lieu.xlsx") && e.reason.includes("nhập thay xã"))).toBe(true);
    // The same import cannot be committed twice.
    expect((await commit(body.id, { confirmWarnings: true })).status).toBe(404);
  });

  it("a file with one bad row: 422 naming row and column, nothing stored", async () => {
    await as("bhxh.haiphong");
    const [a, b] = await editable(2);
    const wb = await template();
    const ws = wb.worksheets[0];
    rowOf(ws, a).getCell(6).value = 5000;
    const bad = rowOf(ws, b);
    bad.getCell(7).value = 100; // voluntary
    bad.getCell(8).value = 200; // informal > voluntary: an error of the form's rules
    const before = await snapshot();
    const imports = await db.prisma.pendingImport.count();
    const { status, body } = await upload(await wb.xlsx.writeBuffer());
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      expect.objectContaining({
        row: bad.number,
        column: expect.stringMatching(/^H /),
        unitCode: b,
        message: expect.stringMatching(/phi chính thức|Trong đó/),
      }),
    ]);
    expect(await snapshot()).toBe(before);
    expect(await db.prisma.pendingImport.count()).toBe(imports);
    // Text in a number cell, an unknown code.
    rowOf(ws, b).getCell(8).value = "không rõ";
    ws.getRow(ws.actualRowCount + 2).values = ["99999", "Xã Không Có", 1];
    const r2 = await upload(await wb.xlsx.writeBuffer());
    expect(r2.status).toBe(422);
    expect(r2.body.errors.map((e: { column: string }) => e.column.split(" ")[0]).sort()).toEqual(["A", "H"]);
    // Not a spreadsheet.
    const r3 = await upload(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 0xff]), "31", "a.pdf");
    expect(r3.status).toBe(422);
    expect(r3.body.errors[0].message).toMatch(/không phải bảng tính/);
    // A file over 10 MB: 413. Text that is no table: 422 naming the header. No file, JSON: 422 / 415.
    const big = await upload(new Uint8Array(10 * 1024 * 1024 + 10).fill(0x41), "31", "big.csv");
    expect(big.status).toBe(413);
    expect(big.body.error).toMatch(/10 MB/);
    const text = await upload(new TextEncoder().encode("xin chào\nkhông phải bảng\n"), "31", "a.csv");
    expect(text.status).toBe(422);
    expect(text.body.errors[0].message).toMatch(/dòng tiêu đề/);
    const noFile = new FormData();
    noFile.set("year", "2026");
    const r4 = await postImport(new Request("http://localhost/api/v1/units/31/imports", { method: "POST", body: noFile }), p({ code: "31" }));
    expect(r4.status).toBe(422);
    const r5 = await postImport(
      new Request("http://localhost/api/v1/units/31/imports", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      p({ code: "31" }),
    );
    expect(r5.status).toBe(415);
    expect(await snapshot()).toBe(before);
    expect(await db.prisma.pendingImport.count()).toBe(imports);
  });

  it("commit is all or none: a figure changed since the preview → 409, no row stored", async () => {
    await as("bhxh.haiphong");
    const [a, b, c] = await editable(3);
    const wb = await template();
    const ws = wb.worksheets[0];
    for (const code of [a, b, c]) rowOf(ws, code).getCell(11).value = 777; // pensionRecipients
    const { status, body } = await upload(await wb.xlsx.writeBuffer());
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    // Someone saves commune c meanwhile.
    const cu = await db.prisma.unit.findFirstOrThrow({ where: { code: c, validTo: null } });
    const existing = await db.prisma.quarterReport.findFirst({ where: { unitId: cu.id, year: Y, quarter: Q, kind: "ACTUAL" } });
    if (existing) await db.prisma.quarterReport.update({ where: { id: existing.id }, data: { version: { increment: 1 }, pensionRecipients: 1 } });
    else await db.prisma.quarterReport.create({ data: { unitId: cu.id, tenantId: cu.tenantId!, year: Y, quarter: Q, kind: "ACTUAL", pensionRecipients: 1 } });
    const before = await snapshot();
    const r = await commit(body.id, { confirmWarnings: true });
    expect(r.status).toBe(409);
    expect(r.body.units).toEqual([c]);
    expect(await snapshot()).toBe(before);
  });

  it("scope: another city's unit is 403; a row of another city's commune is skipped; a locked quarter is skipped", async () => {
    await as("bhxh.haiphong");
    const wb = await template();
    const ws = wb.worksheets[0];
    const r403 = await upload(await wb.xlsx.writeBuffer(), "46");
    expect(r403.status).toBe(403);
    const hue = await db.prisma.unit.findFirstOrThrow({ where: { level: "COMMUNE", validTo: null, tenant: { code: "46" } } });
    ws.getRow(ws.actualRowCount + 2).values = [hue.code, hue.name, 12];
    const locked = await db.prisma.quarterReport.findFirst({
      where: { year: Y, quarter: Q, kind: "ACTUAL", status: { in: ["SUBMITTED", "APPROVED"] }, tenant: { code: "31" } },
      include: { unit: true },
    });
    if (locked) rowOf(ws, locked.unit.code).getCell(3).value = (locked.labourForce ?? 0) + 1;
    const { status, body } = await upload(await wb.xlsx.writeBuffer());
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    const skipped = body.skipped.map((s: { unitCode: string }) => s.unitCode);
    expect(skipped).toContain(hue.code);
    if (locked) expect(skipped).toContain(locked.unit.code);
    // A commune officer may import their own commune only.
    await as("xa.kimthanh");
    expect((await upload(await wb.xlsx.writeBuffer(), "31")).status).toBe(403);
    // Another user cannot commit this import.
    expect((await commit(body.id, { confirmWarnings: true }, "10804")).status).toBe(404);
  });

  it("city staff may submit on the communes' behalf (submitted quarters count on dashboards): complete rows only, with a SUBMIT event", async () => {
    await as("bhxh.haiphong");
    const [a, b] = await editable(2);
    const fill = async (codes: string[], complete: boolean) => {
      const wb = await template();
      const ws = wb.worksheets[0];
      const header = ws.getRow(4).values as unknown[];
      for (const code of codes) {
        const row = rowOf(ws, code);
        header.forEach((h, col) => {
          if (typeof h !== "string" || col < 3) return;
          row.getCell(col).value = complete ? (row.getCell(col).value ?? 0) : null;
        });
      }
      return wb;
    };
    // An incomplete row cannot be submitted: 422, nothing stored.
    const partial = await fill([a], false);
    rowOf(partial.worksheets[0], a).getCell(6).value = 2100;
    const before = await snapshot();
    const up = await upload(await partial.xlsx.writeBuffer());
    if (up.status === 200 && up.body.changes.length > 0) {
      const r = await commit(up.body.id, { confirmWarnings: true, submit: true });
      expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(422);
      expect(await snapshot()).toBe(before);
    }
    // Complete rows (a real commune's consistent figures): saved and submitted in one transaction,
    // with a SUBMIT event by the city's staff.
    const model = await db.prisma.quarterReport.findFirstOrThrow({
      where: { year: Y, quarter: Q, kind: "ACTUAL", status: "APPROVED", tenant: { code: "31" } },
    });
    const wb = await template();
    const ws = wb.worksheets[0];
    for (const code of [a, b]) {
      const row = rowOf(ws, code);
      METRIC_KEYS.forEach((k, i) => {
        const v = model[k];
        row.getCell(3 + i).value = v === null ? null : Number(v);
      });
    }
    const ok = await upload(await wb.xlsx.writeBuffer());
    expect(ok.status, JSON.stringify(ok.body).slice(0, 500)).toBe(200);
    const done = await commit(ok.body.id, { confirmWarnings: true, submit: true });
    expect(done.status, JSON.stringify(done.body).slice(0, 500)).toBe(200);
    for (const code of [a, b]) {
      const r = await db.prisma.quarterReport.findFirstOrThrow({ where: { unit: { code }, year: Y, quarter: Q, kind: "ACTUAL" }, include: { events: true } });
      expect(r.status).toBe("SUBMITTED");
      expect(r.events.at(-1)).toMatchObject({ action: "SUBMIT", toStatus: "SUBMITTED", comment: expect.stringContaining("gửi thay xã") });
    }
    // A commune officer cannot "submit on behalf" through an import.
    await as("xa.kimthanh");
    const own = await template("10804");
    const mine = await upload(await own.xlsx.writeBuffer(), "10804");
    if (mine.status === 200) expect((await commit(mine.body.id, { confirmWarnings: true, submit: true }, "10804")).status).toBe(403);
  });

  it("the commit by id alone (/api/v1/imports/{id}/commit): the uploader's own import only", async () => {
    await as("bhxh.haiphong");
    const [a] = await editable(1);
    const wb = await template();
    rowOf(wb.worksheets[0], a).getCell(6).value = 4322;
    const up = await upload(await wb.xlsx.writeBuffer());
    expect(up.status, JSON.stringify(up.body).slice(0, 300)).toBe(200);
    const byId = (id: string) =>
      postCommitById(
        new Request(`http://localhost/api/v1/imports/${id}/commit`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ confirmWarnings: true }),
        }),
        p({ id }),
      );
    await as("bhxh.hue");
    expect((await byId(up.body.id)).status).toBe(404);
    await as("bhxh.haiphong");
    const done = await byId(up.body.id);
    expect(done.status).toBe(200);
    expect((await done.json()).saved).toBe(1);
  });

  it("targets too: a year's targets of the city's communes, template → edit → import → commit", async () => {
    await as("bhxh.haiphong");
    const res = await getTargetsXlsx(new Request(`http://localhost/api/v1/units/31/targets/template.xlsx?year=${Y}`), p({ code: "31" }));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0];
    expect(String(ws.getCell("A1").value)).toMatch(/năm 2026/);
    const code = String(ws.getCell("A5").value);
    const compulsory = 3 + TARGET_KEYS.indexOf("bhxhCompulsory");
    const coverage = 3 + TARGET_KEYS.indexOf("bhxhCoverage");
    ws.getRow(5).getCell(compulsory).value = 12345;
    ws.getRow(5).getCell(coverage).value = "53,1";
    const { status, body } = await upload(await wb.xlsx.writeBuffer(), "31", "chi-tieu.xlsx", "targets");
    expect(status, JSON.stringify(body).slice(0, 400)).toBe(200);
    expect(body.changes).toEqual([
      expect.objectContaining({
        unitCode: code,
        changes: expect.arrayContaining([
          expect.objectContaining({ key: "bhxhCompulsory", new: 12345 }),
          expect.objectContaining({ key: "bhxhCoverage", new: 0.531 }),
        ]),
      }),
    ]);
    const done = await commit(body.id, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const unit = await db.prisma.unit.findFirstOrThrow({ where: { code, validTo: null } });
    const saved = await db.prisma.target.findMany({ where: { unitId: unit.id, year: Y, key: { in: ["bhxhCompulsory", "bhxhCoverage"] } } });
    expect(Object.fromEntries(saved.map((t) => [t.key, t.value]))).toEqual({ bhxhCompulsory: 12345, bhxhCoverage: 0.531 });
    const summary = await db.prisma.auditEntry.findFirst({ where: { entity: "target", field: "import" }, orderBy: { id: "desc" } });
    expect(summary?.reason).toContain(body.sha256);
    // A rate above 100%: an error naming row and column.
    ws.getRow(5).getCell(coverage).value = 130;
    const bad = await upload(await wb.xlsx.writeBuffer(), "31", "chi-tieu.xlsx", "targets");
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toEqual(expect.objectContaining({ row: 5, unitCode: code }));
  });
});
