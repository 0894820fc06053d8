// The light skeleton a page shows while its data is read (its loading.tsx): the page's shape in
// grey blocks and "Đang tải…" for screen readers and everyone else.
import { getTranslations } from "next-intl/server";

export type LoadingShape = "table" | "rankings" | "form" | "list";

const block = "animate-pulse rounded bg-slate-200";

/**
 * `title={false}`: the fallback of a Suspense boundary inside a page (its title and pickers shown at
 * once, the big table streamed after them): "Đang tải…" and one grey block, as light as can be, as
 * a fallback is sent with the page that replaces it.
 */
export async function PageLoading({ shape = "table", back = true, title = true }: { shape?: LoadingShape; back?: boolean; title?: boolean }) {
  const t = await getTranslations("table");
  if (!title)
    return (
      <div className="space-y-3" aria-busy="true" data-testid="page-loading">
        <p role="status" className="text-sm text-slate-600">
          {t("loading")}
        </p>
        <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
      </div>
    );
  return (
    <div className="space-y-4" aria-busy="true" data-testid="page-loading">
      <div className="space-y-2">
        {back && <div className={`h-4 w-40 ${block}`} />}
        <div className={`h-8 w-2/3 ${block}`} />
        <p role="status" className="text-sm text-slate-600">
          {t("loading")}
        </p>
      </div>
      {shape === "rankings" && (
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="h-32 animate-pulse rounded-lg bg-slate-100" />
          ))}
        </div>
      )}
      {(shape === "table" || shape === "rankings") && (
        <>
          <div className="flex gap-3">
            <div className={`h-8 w-60 ${block}`} />
            <div className={`h-8 w-32 ${block}`} />
            <div className={`h-8 w-32 ${block}`} />
          </div>
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
            <div className="h-9 bg-slate-100" />
            {Array.from({ length: 8 }, (_, i) => (
              <div key={i} className="flex gap-4 border-t border-slate-100 px-2 py-2">
                <div className={`h-4 w-48 ${block}`} />
                <div className={`h-4 flex-1 ${block} opacity-60`} />
              </div>
            ))}
          </div>
        </>
      )}
      {shape === "form" && (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="flex items-center gap-4">
              <div className={`h-4 w-56 ${block}`} />
              <div className={`h-8 w-40 ${block} opacity-60`} />
            </div>
          ))}
        </div>
      )}
      {shape === "list" && (
        <div className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {Array.from({ length: 6 }, (_, i) => (
            <div key={i} className="space-y-2 px-4 py-3">
              <div className={`h-4 w-1/3 ${block}`} />
              <div className={`h-3 w-2/3 ${block} opacity-60`} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
