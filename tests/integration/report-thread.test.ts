// The thread of a quarter between the commune and the city (issue 13): who may post (the commune's
// officer, the city's staff of its province) and who is refused (403, nothing stored), the length
// rule (422, in Vietnamese, naming the limit), the return comment and the replies as one thread,
// the audit entry and the notice to the other side; the figures of a batch review in scope; the
// explanation form's message naming its minimum.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const ctx = vi.hoisted(() => ({ prisma: null as unknown, user: null as unknown }));
vi.mock("@/lib/db.server", () => ({
  prisma: async () => ctx.prisma,
  readPrisma: async () => ctx.prisma,
  writeFence: async () => null,
  writeFenceCookie: () => ({}),
}));
vi.mock("@/lib/auth/session.server", () => ({ currentUser: async () => ctx.user, requireUser: async () => ctx.user }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

import { migratedDatabase, type TestDatabase } from "@/tests/helpers/db";
import { postComment, reportThread } from "@/lib/workflow/comments";
import { figuresForReview } from "@/lib/workflow/service";
import { saveExplanation } from "@/lib/explanations/service";
import { scopeUnit } from "@/lib/auth/scope";
import { ServiceError } from "@/lib/figures/errors";
import type { Actor } from "@/lib/figures/service";
import * as reviewActions from "@/lib/actions/review";

const NOW = new Date("2026-12-01T03:00:00Z");
const USERNAMES = ["xa.kimthanh", "xa.nguyenluongbang", "bhxh.haiphong", "bhxh.hue", "lanhdao.haiphong", "admin"] as const;
type Username = (typeof USERNAMES)[number];

async function refusal(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ServiceError) return e;
    throw e;
  }
  throw new Error("not refused");
}

describe("the thread of a quarter", () => {
  let db: TestDatabase;
  const actors = {} as Record<Username, Actor & { username: string; fullName: string }>;
  const stored = async () => {
    const [c, a, n] = await Promise.all([db.prisma.reportComment.count(), db.prisma.auditEntry.count(), db.prisma.notification.count()]);
    return `${c}/${a}/${n}`;
  };

  beforeAll(async () => {
    db = await migratedDatabase("pglite", { demo: true });
    ctx.prisma = db.prisma;
    for (const u of await db.prisma.user.findMany({ where: { username: { in: [...USERNAMES] } } })) {
      actors[u.username as Username] = { id: u.id, role: u.role, tenantId: u.tenantId, unitId: u.unitId, username: u.username, fullName: u.fullName };
    }
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it("lets the commune's officer and the city's staff post; the return comment and the replies are one thread, audited and notified", async () => {
    const nlb = await scopeUnit(db.prisma, actors["xa.nguyenluongbang"], "11242");
    // 2025 Q3 of Nguyễn Lương Bằng was returned with a comment (demo).
    const before = await reportThread(db.prisma, nlb, 2025, 3);
    expect(before.at(-1)).toMatchObject({ type: "event", action: "RETURN" });
    expect((before.at(-1) as { comment: string }).comment).toBeTruthy();

    const staffNotices = await db.prisma.notification.count({ where: { user: { role: "CITY_STAFF", tenantId: nlb.tenantId } } });
    const reply = await postComment(
      db.prisma,
      actors["xa.nguyenluongbang"],
      { unitCode: "11242", year: 2025, quarter: 3, body: "  Đã kiểm tra lại số BHTN với BHXH cơ sở.  " },
      NOW,
    );
    expect(reply.id).toBeGreaterThan(0);
    expect(await db.prisma.notification.count({ where: { user: { role: "CITY_STAFF", tenantId: nlb.tenantId } } })).toBeGreaterThan(staffNotices);
    await postComment(
      db.prisma,
      actors["bhxh.haiphong"],
      { unitCode: "11242", year: 2025, quarter: 3, body: "Cảm ơn, xã gửi lại báo cáo nhé." },
      new Date(NOW.getTime() + 1000),
    );

    const thread = await reportThread(db.prisma, nlb, 2025, 3);
    expect(thread.slice(0, before.length)).toEqual(before);
    expect(thread.slice(before.length)).toMatchObject([
      { type: "comment", body: "Đã kiểm tra lại số BHTN với BHXH cơ sở.", side: "commune", author: actors["xa.nguyenluongbang"].fullName },
      { type: "comment", body: "Cảm ơn, xã gửi lại báo cáo nhé.", side: "city", author: actors["bhxh.haiphong"].fullName },
    ]);
    const audit = await db.prisma.auditEntry.findFirst({
      where: { entity: "report", field: "comment", actorId: actors["xa.nguyenluongbang"].id },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ unitId: nlb.id, newValue: "Đã kiểm tra lại số BHTN với BHXH cơ sở." });
  });

  it("refuses everyone else with 403 and stores nothing", async () => {
    const cases: [Username, string][] = [
      ["xa.kimthanh", "11242"], // an officer of another commune
      ["bhxh.hue", "11242"], // city staff of another province
      ["lanhdao.haiphong", "11242"], // a leader: reads, does not post
      ["admin", "11242"],
      ["bhxh.haiphong", "31"], // a province has no quarterly report thread
    ];
    for (const [who, code] of cases) {
      const before = await stored();
      const e = await refusal(postComment(db.prisma, actors[who], { unitCode: code, year: 2025, quarter: 3, body: "Một trao đổi không được phép." }, NOW));
      expect(e.status, `${who} on ${code}`).toBe(403);
      expect(e.message).not.toContain("Lỗi hệ thống");
      expect(await stored(), `${who} on ${code}`).toBe(before);
    }
  });

  it("says in Vietnamese what is wrong with a body too short or too long (422), and stores nothing", async () => {
    const before = await stored();
    const short = await refusal(postComment(db.prisma, actors["xa.nguyenluongbang"], { unitCode: "11242", year: 2025, quarter: 3, body: " ok " }, NOW));
    expect(short.status).toBe(422);
    expect(short.message).toBe("Nội dung trao đổi cần ít nhất 5 ký tự.");
    const long = await refusal(postComment(db.prisma, actors["bhxh.haiphong"], { unitCode: "11242", year: 2025, quarter: 3, body: "x".repeat(2001) }, NOW));
    expect(long.status).toBe(422);
    expect(long.message).toBe("Nội dung trao đổi tối đa 2.000 ký tự.");
    const missing = await refusal(postComment(db.prisma, actors["bhxh.haiphong"], { unitCode: "11242", year: 2025, quarter: 3 }, NOW));
    expect(missing.status).toBe(422);
    expect(missing.message).toBe("Chưa nhập nội dung trao đổi.");
    const period = await refusal(
      postComment(db.prisma, actors["bhxh.haiphong"], { unitCode: "11242", year: 2025, quarter: 7, body: "Một trao đổi hợp lệ" }, NOW),
    );
    expect(period.status).toBe(422);
    // No report of that quarter: nothing to talk about (Kim Thành has not started 2026 Q3).
    const none = await refusal(postComment(db.prisma, actors["xa.kimthanh"], { unitCode: "10804", year: 2026, quarter: 3, body: "Một trao đổi hợp lệ" }, NOW));
    expect(none.status).toBe(404);
    expect(await stored()).toBe(before);
    // 2.000 characters exactly are fine.
    await postComment(db.prisma, actors["bhxh.haiphong"], { unitCode: "11242", year: 2025, quarter: 3, body: "x".repeat(2000) }, NOW);
  });

  it("the server actions answer every refusal with its status and never a system error", async () => {
    ctx.user = { ...actors["bhxh.hue"], unit: null };
    const r = await reviewActions.postCommentAction({ unitCode: "11242", year: 2025, quarter: 3, body: "Không được phép" });
    expect(r).toMatchObject({ ok: false, status: 403 });
    ctx.user = { ...actors["xa.nguyenluongbang"], unit: null };
    for (const garbage of [undefined, null, 5, "x", [], { unitCode: 5 }, { unitCode: "11242", year: "a", quarter: {}, body: 7 }]) {
      const g = await reviewActions.postCommentAction(garbage as never);
      expect(g.ok).toBe(false);
      if (!g.ok) expect(g.error).not.toMatch(/Lỗi hệ thống/);
      const f = await reviewActions.reviewFiguresAction(garbage as never);
      expect(f.ok).toBe(false);
      if (!f.ok) expect(f.error).not.toMatch(/Lỗi hệ thống/);
    }
    const tooShort = await reviewActions.postCommentAction({ unitCode: "11242", year: 2025, quarter: 3, body: "ab" });
    expect(tooShort).toMatchObject({ ok: false, status: 422, error: "Nội dung trao đổi cần ít nhất 5 ký tự." });
    ctx.user = null;
    expect(await reviewActions.postCommentAction({ unitCode: "11242", year: 2025, quarter: 3, body: "Chưa đăng nhập" })).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it("shows city staff the figures of a batch in their province only", async () => {
    const rows = await figuresForReview(db.prisma, actors["bhxh.haiphong"], { year: 2026, quarter: 2, unitCodes: ["10804", "11242"] });
    expect(rows.map((r) => r.code)).toEqual(["10804", "11242"]);
    expect(rows[0].figures?.bhxhCompulsory).toBeGreaterThan(0);
    expect((await refusal(figuresForReview(db.prisma, actors["bhxh.hue"], { year: 2026, quarter: 2, unitCodes: ["10804"] }))).status).toBe(403);
    expect((await refusal(figuresForReview(db.prisma, actors["xa.kimthanh"], { year: 2026, quarter: 2, unitCodes: ["10804"] }))).status).toBe(403);
    expect((await refusal(figuresForReview(db.prisma, actors["bhxh.haiphong"], { year: 2026, quarter: 2, unitCodes: [] }))).status).toBe(422);
  });

  it("names the explanation's minimum length instead of «Dữ liệu gửi lên không hợp lệ»", async () => {
    const e = await refusal(
      saveExplanation(
        db.prisma,
        actors["xa.kimthanh"],
        { unitCode: "10804", year: 2026, quarter: 2, key: "bhxhCoverage", reason: "ngắn", actions: "Tuyên truyền tại các thôn" },
        NOW,
      ),
    );
    expect(e.status).toBe(422);
    expect(e.message).toBe("Nguyên nhân cần ít nhất 10 ký tự.");
  });
});
