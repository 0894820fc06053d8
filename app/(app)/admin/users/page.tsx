import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { toLocale } from "@/lib/i18n/config";
import { requireUser } from "@/lib/auth/session.server";
import { prisma } from "@/lib/db.server";
import { ServiceError } from "@/lib/figures/errors";
import { formatAuditTime, queryObject } from "@/lib/audit/queries";
import { listUsers, type UserList } from "@/lib/users/manage";
import { UserSearchForm } from "@/components/admin/UserSearchForm";
import { UserCreateForm } from "@/components/admin/UserCreateForm";
import { UsersTable } from "@/components/admin/UsersTable";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const BASE = "/admin/users";

export async function generateMetadata() {
  const t = await getTranslations("users");
  return { title: t("title") };
}

export default async function UsersPage({ searchParams }: Props) {
  const user = await requireUser(BASE);
  if (user.role !== "ADMIN") forbidden();
  const sp = queryObject(await searchParams);
  const t = await getTranslations("users");
  const locale = toLocale(await getLocale());

  let data: UserList | null = null;
  let error: ServiceError | null = null;
  try {
    data = await listUsers(await prisma(), user, sp);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    if (e.status === 403) forbidden();
    error = e;
  }

  return (
    <div className="space-y-5" data-testid="admin-users-page">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro")}</p>
      </div>

      <UserSearchForm action={BASE} q={sp.q ?? ""} role={sp.role ?? ""} />

      {error && (
        <div role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="users-error">
          <p className="font-medium">{t("invalid")}</p>
          <ul className="list-disc pl-5">
            {(error.issues.length ? error.issues : [{ path: "", message: error.message }]).map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}

      <UserCreateForm />

      {data && (
        <section className="space-y-3">
          <p className="text-sm text-slate-600" data-testid="users-total">
            {t("results", { total: data.total })}
          </p>
          {data.items.length > 0 && (
            <UsersTable items={data.items.map((i) => ({ ...i, created: formatAuditTime(i.createdAt, locale) }))} self={user.username} />
          )}
          {data.pages > 1 && (
            <nav aria-label={t("pagination")} className="flex items-center gap-4 text-sm" data-testid="users-pagination">
              {data.page > 1 ? (
                <Link href={href(sp, data.page - 1)} className="text-brand-700 hover:underline" rel="prev">
                  {t("prev")}
                </Link>
              ) : (
                <span className="text-slate-400">{t("prev")}</span>
              )}
              <span>{t("page", { page: data.page, pages: data.pages })}</span>
              {data.page < data.pages ? (
                <Link href={href(sp, data.page + 1)} className="text-brand-700 hover:underline" rel="next">
                  {t("next")}
                </Link>
              ) : (
                <span className="text-slate-400">{t("next")}</span>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}

function href(sp: Record<string, string>, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) if ((k === "q" || k === "role") && v !== "") q.set(k, v);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `${BASE}?${s}` : BASE;
}
