import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session.server";
import { countUnits, countUsers, findUnitByCode, listChildren } from "@/lib/data/units.server";
import { NATION_CODE } from "@/lib/db/reference";
import { UnitList } from "@/components/UnitList";
import { toListItems } from "@/components/unit-list-items";
import { lastEndedPeriod } from "@/lib/domain/period";
import { reportOf, unitFor } from "@/lib/data/figures.server";
import { returnedQuartersOf } from "@/lib/data/review.server";
import { completenessOf, deadlineOfUnit } from "@/lib/data/completeness.server";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { WithData, dataMark } from "@/components/ui/Field";

export async function generateMetadata() {
  const t = await getTranslations("home");
  return { title: t("title") };
}

export default async function HomePage() {
  const user = await requireUser("/");
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const unit = user.unit ?? (await findUnitByCode(NATION_CODE));
  const children = unit ? await listChildren(unit.id) : [];
  const introKey = {
    ADMIN: "home.adminIntro",
    NATIONAL_LEADER: "home.nationalIntro",
    CITY_STAFF: "home.cityStaffIntro",
    CITY_LEADER: "home.cityLeaderIntro",
    COMMUNE_OFFICER: "home.officerIntro",
  }[user.role];
  const listTitle = unit?.level === "NATION" ? "home.provinceList" : unit?.level === "PROVINCE" ? "home.communeList" : "home.villageList";
  // What to do next: the officer's report of the last ended quarter; the city's reporting status.
  const last = lastEndedPeriod();
  let todo: { text: string; href: string; action: string; deadline?: { text: string; overdue: boolean }; done?: boolean } | null = null;
  // The officer's returned quarters come first: the city's comment and a link to fix each.
  let returned: Awaited<ReturnType<typeof returnedQuartersOf>> = [];
  if (user.role === "COMMUNE_OFFICER" && user.unit) {
    const own = await unitFor(user, user.unit.code);
    returned = own.level === "COMMUNE" ? await returnedQuartersOf(own) : [];
    const report = await reportOf(own, last, "actual");
    const status = t(`figures.reportStatus.${report?.status ?? "NONE"}`);
    // Not yet sent: the city's deadline, and whether it has passed (the completeness board's rule).
    const sent = report?.status === "SUBMITTED" || report?.status === "APPROVED";
    const deadline = sent ? null : await deadlineOfUnit(own, last.year, last.quarter, new Date());
    todo = {
      // Sent or approved: nothing left to do for it, so not headed as a task (a walk found "Việc cần làm: … Đã gửi").
      done: sent,
      deadline: deadline
        ? {
            text: t(deadline.passed ? "home.todoOverdue" : "home.todoDeadline", { date: formatDate(deadline.at, locale) }),
            overdue: deadline.passed,
          }
        : undefined,
      text: t("home.todoReport", { q: last.quarter, year: last.year, status }),
      href: `/units/${encodeURIComponent(user.unit.code)}/report?year=${last.year}&quarter=${last.quarter}`,
      action: !report || report.status === "DRAFT" || report.status === "RETURNED" ? t("home.todoEnter") : t("home.todoOpen"),
    };
  } else if ((user.role === "CITY_STAFF" || user.role === "CITY_LEADER") && user.unit) {
    // The counts of the completeness board (its rule of late and overdue), so the home page says how much is waiting.
    const own = await unitFor(user, user.unit.code);
    const board = own.level === "PROVINCE" ? await completenessOf(user, own, last.year, last.quarter, new Date()) : null;
    const c = board && "counts" in board ? board : null;
    todo = {
      text: c
        ? t("home.todoCompletenessCounts", {
            q: last.quarter,
            year: last.year,
            submitted: c.counts.SUBMITTED,
            notSent: c.counts.NOT_STARTED + c.counts.DRAFT + c.counts.RETURNED,
            overdue: c.overdueCount,
            total: c.total,
          })
        : t("home.todoCompleteness", { q: last.quarter, year: last.year }),
      href: `/units/${encodeURIComponent(user.unit.code)}/completeness?year=${last.year}&quarter=${last.quarter}`,
      action: t("review.completenessLink"),
    };
  }
  const stats =
    user.role === "ADMIN"
      ? [
          { label: t("home.provinces"), value: await countUnits({ level: "PROVINCE" }) },
          { label: t("home.communes"), value: await countUnits({ level: "COMMUNE" }) },
          { label: t("home.villages"), value: await countUnits({ level: "VILLAGE" }) },
          { label: t("home.users"), value: await countUsers() },
        ]
      : [];

  const officerCode = user.unit?.code ?? "";
  const returnedSection = returned.length > 0 && (
    <section className="rounded-lg border border-red-200 bg-red-50 p-5" data-testid="home-returned" aria-labelledby="home-returned-title">
      <h2 id="home-returned-title" className="mb-2 font-semibold text-red-900">
        {t("home.returnedTitle", { count: returned.length })}
      </h2>
      <ul className="space-y-3">
        {returned.map((r) => (
          <li
            key={`${r.year}-${r.quarter}`}
            className="rounded border border-red-200 bg-white p-3 text-sm"
            data-testid={`home-returned-${r.year}-${r.quarter}`}
          >
            <p className="font-medium">{t(r.action === "REOPEN" ? "home.reopenedItem" : "home.returnedItem", { q: r.quarter, year: r.year })}</p>
            {r.comment && (
              <blockquote className="mt-1 border-l-2 border-red-300 pl-2 text-slate-800" data-testid="home-returned-comment">
                <WithData text={t("home.returnedComment", { who: dataMark(0), comment: dataMark(1) })} values={[r.by ?? "—", r.comment]} />
              </blockquote>
            )}
            <Link
              href={`/units/${encodeURIComponent(officerCode)}/report?year=${r.year}&quarter=${r.quarter}`}
              className="mt-2 inline-block rounded bg-red-700 px-3 py-1.5 font-medium text-white hover:bg-red-800"
              data-testid="home-returned-link"
            >
              {t("home.returnedFix", { q: r.quarter, year: r.year })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );

  return (
    <div className="space-y-6" data-testid="home" data-role={user.role}>
      {returnedSection}
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h1 className="text-2xl font-semibold">{t("home.welcome", { name: user.fullName })}</h1>
        <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-slate-500">{t("home.role")}</dt>
          <dd data-testid="home-role">{t(`roles.${user.role}`)}</dd>
          <dt className="text-slate-500">{t("home.unit")}</dt>
          <dd data-testid="home-unit">{user.unit ? user.unit.name : t("home.noUnit")}</dd>
        </dl>
        <p className="mt-3 text-slate-700">{t(introKey, { unit: user.unit?.name ?? "" })}</p>
        {unit && (
          <Link
            href={`/units/${encodeURIComponent(unit.code)}`}
            className="mt-4 inline-block rounded bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("home.openUnit")}: {unit.name}
          </Link>
        )}
        {unit && (unit.level === "PROVINCE" || unit.level === "NATION") && (
          <span className="mt-4 ml-2 inline-flex flex-wrap gap-2">
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/rankings`}
              className="rounded border border-brand-600 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
              data-testid="home-rankings"
            >
              {t("rankings.link")}
            </Link>
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/dashboard`}
              className="rounded border border-brand-600 px-4 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              {t("dashboard.link")}
            </Link>
          </span>
        )}
      </section>

      {todo && (
        <section className="rounded-lg border border-brand-100 bg-brand-50 p-5" data-testid="home-todo">
          <h2 className="mb-2 font-semibold">{t(todo.done ? "home.todoDoneTitle" : "home.todoTitle")}</h2>
          <p className="flex flex-wrap items-center gap-3 text-sm">
            <span>{todo.text}</span>
            {todo.deadline && (
              <span
                className={todo.deadline.overdue ? "rounded bg-red-100 px-2 py-0.5 font-medium text-red-900" : "text-slate-700"}
                data-testid="home-todo-deadline"
                data-overdue={todo.deadline.overdue}
              >
                {todo.deadline.text}
              </span>
            )}
            <Link href={todo.href} className="rounded bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700" data-testid="home-todo-link">
              {todo.action}
            </Link>
          </p>
        </section>
      )}

      {stats.length > 0 && (
        <section aria-label={t("home.stats")} className="grid gap-3 sm:grid-cols-4">
          {stats.map((s) => (
            <div key={s.label} className="rounded-lg border border-slate-200 bg-white p-4">
              <div className="text-sm text-slate-500">{s.label}</div>
              <div className="text-2xl font-semibold tabular-nums">{s.value.toLocaleString("vi-VN")}</div>
            </div>
          ))}
        </section>
      )}

      {unit && (
        <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 className="mb-3 text-lg font-semibold">{t(listTitle)}</h2>
          {children.length === 0 ? (
            <p className="text-sm text-slate-500">{t("home.none")}</p>
          ) : (
            <UnitList items={toListItems(user, children)} testId="home-children" />
          )}
        </section>
      )}
    </div>
  );
}
