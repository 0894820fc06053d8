import type { ReactNode } from "react";
import { unitPage } from "@/lib/data/unit-page.server";

// Sign-in, unit and scope checked here, outside the page's loading boundary (loading.tsx): once the
// loading state has streamed the status is 200, so a 403 or 404 must be decided before it. The same
// options as the page's own unitPage call.
export default async function VillagesLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const { code } = await params;
  await unitPage(code, "/villages", { levels: ["COMMUNE"] });
  return children;
}
