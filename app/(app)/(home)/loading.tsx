import { PageLoading } from "@/components/ui/PageLoading";

// Shown while the home page reads its lists (sign-in is checked before, in layout.tsx).
export default function Loading() {
  return <PageLoading shape="list" />;
}
