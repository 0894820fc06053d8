// Monthly figures from a file (issue 15, item 2), on PGlite (and, with TEST_DATABASE_URL, PostgreSQL):
// the template (one month a row, the monthly form's labels, the stored values), a good file previews
// (old → new) and commits every changed month in one transaction, versioned and audited; a file with
// bad rows (a month not ended, a negative number, text, BHTN over compulsory) answers every error by
// row and column and stores nothing; a month saved since the preview is a 409 and nothing is written;
// who may: city staff of the city only (a commune's officer, a leader, another city: 403).
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
import { dbKinds, migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import type { SessionUser } from "@/lib/auth/session.server";
import { ServiceError } from "@/lib/figures/errors";
import { MONTHLY_MSG, saveMonthlyFigures } from "@/lib/monthly/service";
import { MONTHLY_IMPORT_MSG, stageMonthlyImport } from "@/lib/monthly/import";
import { MONTHLY_HEADERS, MSG_MONTHLY_FILE } from "@/lib/imports/monthly-sheet";
import { localizeMessage } from "@/lib/i18n/server-messages";
import { GET as getXlsx } from "@/app/api/v1/units/[code]/monthly/template.xlsx/route";
import { GET as getCsv } from "@/app/api/v1/units/[code]/monthly/template.csv/route";
import { POST as postImport } from "@/app/api/v1/units/[code]/monthly/imports/route";
import { POST as postCommit } from "@/app/api/v1/units/[code]/monthly/imports/[id]/commit/route";
import { POST as postQuarterCommit } from "@/app/api/v1/units/[code]/imports/[id]/commit/route";

const NOW = new Date("2026-12-02T03:00:00Z");
const Y = 2026;
const USERNAMES = ["bhxh.hue", "bhxh.haiphong", "lanhdao.haiphong", "xa.kimthanh"] as const;
// Columns of the template: A Tháng, B Kỳ, C compulsory, D voluntary, E BHTN, F BHYT, G due, H collected, I late.
const COL = { bhxhCompulsory: 3, bhxhVoluntary: 4, bhtn: 5, bhyt: 6, amountDue: 7, amountCollected: 8, latePayments: 9 } as const;
/** The sheet row of a month (title, subtitle, blank, header on row 4). */
const rowOfMonth = (m: number) => 4 + m;

describe("the monthly import's refusals", () => {
  it("each has a code and an English text", () => {
    const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹàáèéìíòóùúý]/i;
    for (const vi of [
      MSG_MONTHLY_FILE.noHeader,
      MSG_MONTHLY_FILE.wrongYear(2025, 2026),
      MSG_MONTHLY_FILE.badMonth("mười ba"),
      MSG_MONTHLY_FILE.otherYear(3, 2025, 2026),
      MSG_MONTHLY_FILE.missingMonth,
      MSG_MONTHLY_FILE.duplicateMonth(3, 7),
      MONTHLY_IMPORT_MSG.stale([8, 9], 2026),
      MONTHLY_IMPORT_MSG.commitBody,
      MONTHLY_IMPORT_MSG.confirmWarnings,
      "Có số liệu bất thường cần xác nhận trước khi lưu. (2 cảnh báo)",
    ]) {
      const en = localizeMessage(vi, "en");
      expect(en.code, vi).not.toBe("message");
      expect(en.message.replace(/«[^»]*»/g, ""), vi).not.toMatch(VIETNAMESE);
    }
  });
});

describe.each(dbKinds)("monthly figures from a file on %s", (kind) => {
  let db: TestDatabase;
  const actors = {} as Record<(typeof USERNAMES)[number], SessionUser>;
  const p = <T extends Record<string, string>>(o: T) => ({ params: Promise.resolve(o) });
  const as = (who: (typeof USERNAMES)[number]) => (ctx.user = actors[who]);

  const template = async (code = "46") => {
    const res = await getXlsx(new Request(`http://localhost/api/v1/units/${code}/monthly/template.xlsx?year=${Y}`), p({ code }));
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return wb;
  };
  const upload = async (bytes: Uint8Array | ArrayBuffer, code = "46", name = "so-lieu-thang.xlsx") => {
    const form = new FormData();
    form.set("file", new File([bytes as ArrayBuffer], name));
    form.set("year", String(Y));
    const res = await postImport(new Request(`http://localhost/api/v1/units/${code}/monthly/imports`, { method: "POST", body: form }), p({ code }));
    return { status: res.status, body: await res.json() };
  };
  const commit = async (id: string, code = "46", route = postCommit, body: unknown = {}) => {
    const res = await route(
      new Request(`http://localhost/api/v1/units/${code}/monthly/imports/${id}/commit`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      p({ code, id }),
    );
    return { status: res.status, body: await res.json() };
  };
  const stored = async (code = "46") =>
    JSON.stringify(
      await db.prisma.monthlyFigures.findMany({
        where: { unit: { code }, year: Y },
        orderBy: { month: "asc" },
        select: { month: true, version: true, bhxhCompulsory: true, bhxhVoluntary: true, bhtn: true, bhyt: true, amountDue: true, latePayments: true },
      }),
      (_k, v) => (typeof v === "bigint" ? v.toString() : v),
    );
  const audits = () => db.prisma.auditEntry.count({ where: { entity: "monthly" } });
  async function failure(p: Promise<unknown>): Promise<ServiceError> {
    try {
      await p;
    } catch (e) {
      if (e instanceof ServiceError) return e;
      throw e;
    }
    throw new Error("expected a refusal");
  }

  beforeAll(async () => {
    db = await migratedDatabase(kind, { demo: true });
    ctx.prisma = db.prisma;
    for (const username of USERNAMES) {
      const u = await db.prisma.user.findUniqueOrThrow({ where: { username } });
      actors[username] = { id: u.id, username, fullName: u.fullName, role: u.role, tenantId: u.tenantId, unitId: u.unitId, unit: null };
    }
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("serves the template: twelve months, the form's labels, the stored figures; CSV the same", async () => {
    as("bhxh.hue");
    const ws = (await template()).worksheets[0];
    expect(String(ws.getCell("A1").value)).toBe("Số liệu theo tháng năm 2026 — Thành phố Huế");
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(MONTHLY_HEADERS);
    expect(MONTHLY_HEADERS.slice(2)).toEqual([
      "Số người tham gia BHXH bắt buộc (người)",
      "Số người tham gia BHXH tự nguyện (người)",
      "Số người tham gia BHTN (người)",
      "Số người tham gia BHYT (người)",
      "Số phải thu (đồng)",
      "Số đã thu (đồng)",
      "Số tiền chậm đóng (đồng)",
    ]);
    const oct = await db.prisma.monthlyFigures.findFirstOrThrow({ where: { unit: { code: "46" }, year: Y, month: 10 } });
    expect(ws.getCell(rowOfMonth(10), 1).value).toBe("10");
    expect(ws.getCell(rowOfMonth(10), COL.bhxhCompulsory).value).toBe(oct.bhxhCompulsory);
    expect(ws.getCell(rowOfMonth(12), 2).value).toBe("Tháng 12/2026 (chưa kết thúc)");
    expect(ws.getCell(rowOfMonth(12), COL.bhxhCompulsory).value).toBeNull();
    const csv = await getCsv(new Request(`http://localhost/api/v1/units/46/monthly/template.csv?year=${Y}`), p({ code: "46" }));
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).split("\r\n");
    expect(lines[3].replace(/^\uFEFF/, "")).toBe(MONTHLY_HEADERS.join(";"));
    expect(lines[4 + 9].split(";").slice(0, 3)).toEqual(["10", "Tháng 10/2026", String(oct.bhxhCompulsory)]);
  });

  it("a good file: the preview (old → new per month, nothing stored), then the commit of every changed month, versioned and audited", async () => {
    as("bhxh.hue");
    const wb = await template();
    const ws = wb.worksheets[0];
    const before = await db.prisma.monthlyFigures.findMany({ where: { unit: { code: "46" }, year: Y, month: { in: [9, 10] } }, orderBy: { month: "asc" } });
    const [sep, oct] = before;
    ws.getCell(rowOfMonth(10), COL.bhyt).value = oct.bhyt! + 100;
    ws.getCell(rowOfMonth(9), COL.bhxhVoluntary).value = String(sep.bhxhVoluntary! + 7).replace(/\B(?=(\d{3})+(?!\d))/g, "."); // text "30.107": a Vietnamese number
    ws.getCell(rowOfMonth(11), COL.bhxhCompulsory).value = 150_000; // November: ended, nothing stored yet
    const storedBefore = await stored();
    const auditBefore = await audits();
    const { status, body } = await upload(await wb.xlsx.writeBuffer());
    expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
    expect(body).toMatchObject({ year: Y, rows: 12, unchanged: 9 });
    expect(body.changes).toEqual([
      { row: rowOfMonth(9), month: 9, changes: [expect.objectContaining({ key: "bhxhVoluntary", old: sep.bhxhVoluntary, new: sep.bhxhVoluntary! + 7 })] },
      {
        row: rowOfMonth(10),
        month: 10,
        changes: [expect.objectContaining({ key: "bhyt", label: "Số người tham gia BHYT", old: oct.bhyt, new: oct.bhyt! + 100 })],
      },
      { row: rowOfMonth(11), month: 11, changes: [expect.objectContaining({ key: "bhxhCompulsory", old: null, new: 150_000 })] },
    ]);
    expect(await stored()).toBe(storedBefore); // the preview stores nothing
    // The quarterly import's commit does not take a monthly import.
    expect((await commit(body.id, "46", postQuarterCommit)).status).toBe(404);

    const done = await commit(body.id);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ saved: 3, months: [9, 10, 11] });
    const after = await db.prisma.monthlyFigures.findMany({ where: { unit: { code: "46" }, year: Y, month: { in: [9, 10, 11] } }, orderBy: { month: "asc" } });
    expect(after.map((m) => m.version)).toEqual([sep.version + 1, oct.version + 1, 1]);
    expect(after[0].bhxhVoluntary).toBe(sep.bhxhVoluntary! + 7);
    expect(after[1].bhyt).toBe(oct.bhyt! + 100);
    expect(after[1].bhxhCompulsory).toBe(oct.bhxhCompulsory); // an untouched cell keeps its value
    expect(after[2]).toMatchObject({ bhxhCompulsory: 150_000, bhyt: null });
    // One entry per changed value and one for the file, naming it and its SHA-256.
    expect(await audits()).toBe(auditBefore + 3 + 1);
    const entries = await db.prisma.auditEntry.findMany({ where: { entity: "monthly" }, orderBy: { id: "desc" }, take: 4 });
    expect(entries.every((e) => e.reason?.includes(body.sha256) && e.reason.includes("so-lieu-thang.xlsx"))).toBe(true);
    expect(entries.find((e) => e.field === "bhyt")).toMatchObject({ entityId: "46/2026/10", oldValue: String(oct.bhyt), newValue: String(oct.bhyt! + 100) });
    // Committed once only.
    expect((await commit(body.id)).status).toBe(404);
  });

  it("a file with unusual figures: the form's warnings in the preview, and nothing saved until they are confirmed", async () => {
    as("bhxh.hue");
    const wb = await template();
    const ws = wb.worksheets[0];
    const [aug, sep] = await db.prisma.monthlyFigures.findMany({ where: { unit: { code: "46" }, year: Y, month: { in: [8, 9] } }, orderBy: { month: "asc" } });
    // September's compulsory participants half as many again as August's (a slip of a digit), and its money collected below August's.
    const jump = Math.round(aug.bhxhCompulsory! * 1.5);
    ws.getCell(rowOfMonth(9), COL.bhxhCompulsory).value = jump;
    ws.getCell(rowOfMonth(9), COL.amountCollected).value = Number(aug.amountCollected) - 1;
    const storedBefore = await stored();
    const { status, body } = await upload(await wb.xlsx.writeBuffer());
    expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
    expect(body.warnings.map((w: { month: number; key: string }) => `${w.month}:${w.key}`).sort()).toEqual(["9:amountCollected", "9:bhxhCompulsory"]);
    expect(body.warnings.find((w: { key: string }) => w.key === "bhxhCompulsory").message).toMatch(/thay đổi 50,0% so với tháng trước/);
    // October, which the file leaves as it is, is not warned about even though it now follows the file's September.
    expect(body.warnings.every((w: { month: number }) => w.month === 9)).toBe(true);

    const refused = await commit(body.id);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ needsConfirmation: true, error: "Có số liệu bất thường cần xác nhận trước khi lưu. (2 cảnh báo)" });
    expect((await commit(body.id, "46", postCommit, { confirmWarnings: "có" })).status).toBe(422);
    expect(await stored()).toBe(storedBefore);

    const done = await commit(body.id, "46", postCommit, { confirmWarnings: true });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect((await db.prisma.monthlyFigures.findFirstOrThrow({ where: { unit: { code: "46" }, year: Y, month: 9 } })).bhxhCompulsory).toBe(jump);
    // Put September back (its warnings confirmed the same way) for the tests after this one.
    ws.getCell(rowOfMonth(9), COL.bhxhCompulsory).value = sep.bhxhCompulsory;
    ws.getCell(rowOfMonth(9), COL.amountCollected).value = Number(sep.amountCollected);
    const back = await upload(await wb.xlsx.writeBuffer());
    expect(back.status).toBe(200);
    expect((await commit(back.body.id, "46", postCommit, { confirmWarnings: true })).status).toBe(200);
  });

  it("a file with bad rows: every error by row and column, nothing stored", async () => {
    as("bhxh.hue");
    const res = await getCsv(new Request(`http://localhost/api/v1/units/46/monthly/template.csv?year=${Y}`), p({ code: "46" }));
    const lines = (await res.text()).split("\r\n");
    const set = (month: number, col: number, value: string) => {
      const cells = lines[3 + month].split(";");
      cells[col - 1] = value;
      lines[3 + month] = cells.join(";");
    };
    set(12, COL.bhxhCompulsory, "160000"); // a month not ended
    set(3, COL.bhyt, "-5"); // a negative number
    set(4, COL.bhxhVoluntary, "mười"); // text
    const mayCompulsory = Number(lines[3 + 5].split(";")[COL.bhxhCompulsory - 1]);
    set(5, COL.bhtn, String(mayCompulsory + 1)); // BHTN over compulsory: the form's rule across fields
    set(6, COL.amountDue, "13.624"); // fine on its own…
    set(6, COL.latePayments, "13624000"); // …but late payments over the amount due
    const bytes = new TextEncoder().encode(lines.join("\r\n"));
    const storedBefore = await stored();
    const auditBefore = await audits();
    const pending = await db.prisma.pendingImport.count();
    const e = await failure(stageMonthlyImport(db.prisma, actors["bhxh.hue"], { unitCode: "46", year: Y, fileName: "thang.csv", bytes }, NOW));
    expect(e.status).toBe(422);
    const errors = e.extra.errors as { row: number; column: string; message: string }[];
    expect(errors.map((x) => [x.row, x.column.split(" ")[0]])).toEqual([
      [rowOfMonth(3), "F"],
      [rowOfMonth(4), "D"],
      [rowOfMonth(5), "E"],
      [rowOfMonth(6), "I"],
      [rowOfMonth(12), "A"],
    ]);
    expect(errors[0].column).toBe("F (Số người tham gia BHYT (người))");
    expect(errors[0].message).toMatch(/không được âm/);
    expect(errors[1].message).toMatch(/«mười»/);
    expect(errors[2].message).toMatch(/^Số người tham gia BHTN \([\d.]+\) không được lớn hơn số người tham gia BHXH bắt buộc/);
    expect(errors[3].message).toMatch(/Số tiền chậm đóng .* không được lớn hơn số phải thu/);
    expect(errors[4]).toMatchObject({ column: "A (Tháng)", message: MONTHLY_MSG.monthNotEnded(2026, 12) });
    expect(e.message).toBe("Tệp có 5 lỗi: chưa lưu gì. Hãy sửa các dòng được liệt kê rồi tải lên lại.");
    expect(await stored()).toBe(storedBefore);
    expect(await audits()).toBe(auditBefore);
    expect(await db.prisma.pendingImport.count()).toBe(pending);

    // Through the route: the same 422 with the errors, in English for an English user's message.
    const form = new FormData();
    form.set("file", new File([bytes], "thang.csv"));
    form.set("year", "2026");
    const viaRoute = await postImport(
      new Request("http://localhost/api/v1/units/46/monthly/imports", { method: "POST", body: form, headers: { "accept-language": "en" } }),
      p({ code: "46" }),
    );
    expect(viaRoute.status).toBe(422);
    const body = await viaRoute.json();
    expect(body.error).toBe("Errors in the file: 5. Nothing was saved: correct the rows listed and upload it again.");
    expect(body.errors).toHaveLength(5);
    // Another year's file, a repeated month, a month that is no month.
    const other = lines.slice();
    other[0] = other[0].replace("2026", "2025");
    other[3 + 2] = other[3 + 2].replace(/^2;/, "1;");
    other[3 + 7] = other[3 + 7].replace(/^7;/, "13;");
    const e2 = await failure(
      stageMonthlyImport(
        db.prisma,
        actors["bhxh.hue"],
        { unitCode: "46", year: Y, fileName: "t.csv", bytes: new TextEncoder().encode(other.join("\r\n")) },
        NOW,
      ),
    );
    const messages = (e2.extra.errors as { message: string }[]).map((x) => x.message);
    expect(messages).toEqual(
      expect.arrayContaining([MSG_MONTHLY_FILE.wrongYear(2025, 2026), MSG_MONTHLY_FILE.duplicateMonth(1, rowOfMonth(1)), MSG_MONTHLY_FILE.badMonth("13")]),
    );
    expect(await stored()).toBe(storedBefore);
  });

  it("a month saved since the preview: 409, nothing written", async () => {
    as("bhxh.hue");
    const wb = await template();
    const ws = wb.worksheets[0];
    const aug = await db.prisma.monthlyFigures.findFirstOrThrow({ where: { unit: { code: "46" }, year: Y, month: 8 } });
    const jul = await db.prisma.monthlyFigures.findFirstOrThrow({ where: { unit: { code: "46" }, year: Y, month: 7 } });
    ws.getCell(rowOfMonth(7), COL.bhyt).value = jul.bhyt! + 1;
    ws.getCell(rowOfMonth(8), COL.bhyt).value = aug.bhyt! + 1;
    const { status, body } = await upload(await wb.xlsx.writeBuffer());
    expect(status).toBe(200);
    expect(body.changes.map((c: { month: number }) => c.month)).toEqual([7, 8]);
    // Someone saves August through the form meanwhile.
    await saveMonthlyFigures(db.prisma, actors["bhxh.hue"], "46", Y, 8, { figures: { ...figuresOf(aug), bhyt: aug.bhyt! + 50 }, version: aug.version }, NOW);
    const storedBefore = await stored();
    const auditBefore = await audits();
    const res = await commit(body.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: MONTHLY_IMPORT_MSG.stale([8], Y), months: [8] });
    expect(await stored()).toBe(storedBefore); // July not written either: all or none
    expect(await audits()).toBe(auditBefore);
  });

  it("only the city's staff: a commune's officer, a leader, another city's staff are refused (403)", async () => {
    as("bhxh.hue");
    const wb = await template();
    wb.worksheets[0].getCell(rowOfMonth(6), COL.bhyt).value = 1;
    const bytes = await wb.xlsx.writeBuffer();
    const { status, body } = await upload(bytes);
    expect(status).toBe(200);
    const storedBefore = await stored();
    for (const [who, code] of [
      ["xa.kimthanh", "10804"],
      ["xa.kimthanh", "46"],
      ["lanhdao.haiphong", "31"],
      ["bhxh.haiphong", "46"],
    ] as const) {
      as(who);
      expect((await getXlsx(new Request(`http://localhost/x?year=${Y}`), p({ code }))).status, `${who} ${code}`).toBe(403);
      expect((await upload(bytes, code)).status, `${who} ${code}`).toBe(403);
      expect((await commit(body.id, code)).status, `${who} ${code}`).toBe(403);
    }
    // Someone else's import, even with the permission: 404.
    as("bhxh.haiphong");
    expect((await commit(body.id, "31")).status).toBe(404);
    expect(await stored()).toBe(storedBefore);
    // City staff on one of their communes: allowed.
    const commune = await template("10804");
    expect(commune.worksheets[0].getCell("A1").value).toMatch(/^Số liệu theo tháng năm 2026 — /);
  });
});

function figuresOf(m: {
  bhxhCompulsory: number | null;
  bhxhVoluntary: number | null;
  bhtn: number | null;
  bhyt: number | null;
  amountDue: bigint | null;
  amountCollected: bigint | null;
  latePayments: bigint | null;
}) {
  const n = (v: bigint | null) => (v === null ? null : Number(v));
  return {
    bhxhCompulsory: m.bhxhCompulsory,
    bhxhVoluntary: m.bhxhVoluntary,
    bhtn: m.bhtn,
    bhyt: m.bhyt,
    amountDue: n(m.amountDue),
    amountCollected: n(m.amountCollected),
    latePayments: n(m.latePayments),
  };
}
