import type { ReactNode } from "react";
import { unitPage } from "@/lib/data/unit-page.server";

// Sign-in, unit and scope checked here, outside the page's loading boundary (loading.tsx): once the
// loading state has streamed the status is 200, so a 403 (another city, a commune officer, a national
// leader) or a 404 (not a province) must be decided before it.
export default async function QualityLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const { code } = await params;
  await unitPage(code, "/quality", { levels: ["PROVINCE"], permission: "quality.view" });
  return children;
}
