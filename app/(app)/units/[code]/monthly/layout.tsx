import type { ReactNode } from "react";
import { unitPage } from "@/lib/data/unit-page.server";

// Sign-in, unit and scope checked before the loading boundary (a 403/404 keeps its status). The same
// options as the page's own unitPage call.
export default async function MonthlyLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const { code } = await params;
  await unitPage(code, "/monthly", { levels: ["NATION", "PROVINCE", "COMMUNE", "VILLAGE"] });
  return children;
}
