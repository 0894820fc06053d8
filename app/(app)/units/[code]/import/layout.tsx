import type { ReactNode } from "react";
import { unitPage } from "@/lib/data/unit-page.server";

// Sign-in, unit and scope checked before the loading boundary (a 403/404 keeps its status).
export default async function ImportLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const { code } = await params;
  await unitPage(code, "/import", { levels: ["PROVINCE", "COMMUNE"], permission: "figures.import" });
  return children;
}
