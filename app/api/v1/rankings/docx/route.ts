import { rankingsDownload } from "@/lib/api/rankings.server";
import { rankingsReport, reportMetaFor } from "@/lib/reports/docx";

// GET /api/v1/rankings/docx?parent={code}&year=Y&quarter=Q&indicator=K[&weights=k:w,...]
// The rankings as a Word report in the Decree 30/2020/NĐ-CP layout: issued by the province's UBND
// ("UBND THÀNH PHỐ HẢI PHÒNG", signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH") or, for VN, by BHXH Việt Nam
// (signed "GIÁM ĐỐC"). The same session, scope and validation as the JSON API.
export const GET = rankingsDownload("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (data) =>
  rankingsReport(data, reportMetaFor(data.parent)),
);
