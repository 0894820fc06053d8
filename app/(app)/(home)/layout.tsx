import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session.server";

// Sign-in checked here, outside the page's loading boundary (loading.tsx): a signed-out visitor is
// redirected with a real redirect status, before anything streams.
export default async function HomeLayout({ children }: { children: ReactNode }) {
  await requireUser("/");
  return children;
}
