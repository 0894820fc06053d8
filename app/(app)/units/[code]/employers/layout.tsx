import type { ReactNode } from "react";
import { unitPage } from "@/lib/data/unit-page.server";

// Sign-in, unit and scope checked before the loading boundary (a 403/404 keeps its status): a
// province's register of employers paying late, for its staff and leaders and national accounts.
export default async function EmployersLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const { code } = await params;
  await unitPage(code, "/employers", { levels: ["PROVINCE"], permission: "employers.view" });
  return children;
}
