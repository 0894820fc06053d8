import type { ReactNode } from "react";
import { forbidden } from "next/navigation";
import { requireUser } from "@/lib/auth/session.server";

// Sign-in and role checked here, outside the page's loading boundary (loading.tsx): once the loading
// state has streamed the status is 200, so the 403 must be decided before it (the page checks again).
export default async function AdminUsersLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/admin/users");
  if (user.role !== "ADMIN") forbidden();
  return children;
}
