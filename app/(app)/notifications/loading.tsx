import { PageLoading } from "@/components/ui/PageLoading";

// Shown while the notifications are read (sign-in is checked before, in layout.tsx).
export default function Loading() {
  return <PageLoading shape="list" back={false} />;
}
