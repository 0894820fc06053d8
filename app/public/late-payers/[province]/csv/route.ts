import { latePayersOf } from "@/lib/data/employers.server";
import { publishedCsv } from "@/lib/employers/sheet";

type Params = { province: string };

export const dynamic = "force-dynamic";

// GET /public/late-payers/{provinceCode}.csv (rewritten here by next.config.ts), without sign-in: the
// latest published list of employers N+ months late, published fields only (name, tax code, address,
// months late, amount), UTF-8 with a BOM so that Excel reads Vietnamese. 404 when there is none.
export async function GET(_req: Request, context: { params: Promise<Params> }) {
  const { province } = await context.params;
  const list = await latePayersOf(province);
  if (!list) {
    return new Response("Không có danh sách đơn vị chậm đóng đã công bố cho mã này (no published list for this code).\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const body = Buffer.from(publishedCsv(list.entries), "utf8");
  const mm = String(list.month).padStart(2, "0");
  const ascii = `don-vi-cham-dong-${list.province.code}-${list.year}-${mm}.csv`;
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${ascii}"`,
      "content-length": String(body.length),
      "cache-control": "public, max-age=300",
    },
  });
}
