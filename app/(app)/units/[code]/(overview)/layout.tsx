import type { ReactNode } from "react";
import { unitPage } from "@/lib/data/unit-page.server";

// The unit page's own group (overview): sign-in, unit and scope checked here, outside its loading
// boundary, so a 403 or 404 stays a real status; the subpages (dashboard, report, …) are not inside
// this group and keep their own checks and loading states.
export default async function OverviewLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const { code } = await params;
  await unitPage(code);
  return children;
}
