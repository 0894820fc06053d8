import { rankingsDownload } from "@/lib/api/rankings.server";
import { DOCX_TYPE } from "@/lib/api/route.server";
import { rankingsReport } from "@/lib/reports/docx";
import { issuingSettings } from "@/lib/reports/unit-report";

// GET /api/v1/rankings/docx?parent={code}&year=Y&quarter=Q&indicator=K[&weights=k:w,...]
// The rankings as a Word report in the Decree 30/2020/NĐ-CP layout, issued as the parent's own
// report settings say (its people's committee, or for VN Bảo hiểm xã hội Việt Nam). The same
// session, scope and validation as the JSON API.
export const GET = rankingsDownload("docx", DOCX_TYPE, async (data, prisma) => rankingsReport(data, await issuingSettings(prisma, data.parent.code)));
