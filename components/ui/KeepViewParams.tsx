"use client";
// Inside a GET form that changes the period: carries the rest of the page's address along (a table's
// search, sort and filters, kept there by components/ui/DataTable), so that choosing another quarter does
// not drop the view a user had set up (a walk found it did). The form's own fields and the page number
// are not carried: the form sets the first, a new period starts at the first page.
import { useSearchParams } from "next/navigation";

export function KeepViewParams({ except }: { except: readonly string[] }) {
  const params = useSearchParams();
  const skip = new Set([...except, "page"]);
  return (
    <>
      {[...params.entries()]
        .filter(([k]) => !skip.has(k))
        .map(([k, v], i) => (
          <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
        ))}
    </>
  );
}
