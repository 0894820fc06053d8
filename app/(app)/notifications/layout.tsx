import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session.server";

// Sign-in checked here, outside the page's loading boundary (loading.tsx), so that an anonymous
// visitor is still redirected to sign in with a real redirect, not after the loading state streamed.
export default async function NotificationsLayout({ children }: { children: ReactNode }) {
  await requireUser("/notifications");
  return children;
}
