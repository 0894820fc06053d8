import { PageLoading } from "@/components/ui/PageLoading";

// Shown while the unit page reads its figures, targets and history (the scope is checked before, in layout.tsx).
export default function Loading() {
  return <PageLoading shape="table" />;
}
