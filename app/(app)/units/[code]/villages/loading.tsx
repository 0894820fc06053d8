import { PageLoading } from "@/components/ui/PageLoading";

// Shown while the page reads its data (the scope is checked before, in layout.tsx).
export default function Loading() {
  return <PageLoading shape="table" />;
}
