import { fileRoute } from "@/lib/api/route.server";
import { employersTemplate, employersTemplateXlsx } from "@/lib/employers/service";

type Params = { code: string };

// GET /api/v1/units/{code}/employers/template.xlsx?year=&month=: the employers' file of a month end, one
// employer a row (Mã số thuế, Tên đơn vị, Địa chỉ, Xã/phường, Số tháng chậm đóng, Số tiền chậm đóng).
export const GET = fileRoute<Params>(async ({ req, params, actor, prisma }) => {
  const q = new URL(req.url).searchParams;
  const t = await employersTemplate(prisma, actor, params.code, { year: q.get("year"), month: q.get("month") });
  const mm = String(t.month.month).padStart(2, "0");
  return {
    body: await employersTemplateXlsx(t),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ascii: `don-vi-cham-dong-${params.code}-${t.month.year}-${mm}.xlsx`,
    utf8: `Đơn vị chậm đóng ${t.provinceName} ${mm}-${t.month.year}.xlsx`,
  };
});
