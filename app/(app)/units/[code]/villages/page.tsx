import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { periodFromSearch, periodReplaced, pickerYears, unitPage } from "@/lib/data/unit-page.server";
import { villageBoardOf } from "@/lib/data/villages.server";
import { toLocale } from "@/lib/i18n/config";
import { keyLabel } from "@/lib/i18n/labels";
import { PeriodPicker } from "@/components/figures/PeriodPicker";
import { PeriodReplacedNotice } from "@/components/figures/PeriodReplacedNotice";
import { VillageBoard } from "@/components/villages/VillageBoard";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("villages");
  return { title: t("link") };
}

// A commune's villages and residential groups in a quarter (issue 15): each one's figures, its
// progress against the targets the commune gave it, the ones behind first, the 100% BHYT mark; the
// commune's officer records each village's figures here.
export default async function VillagesPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const period = periodFromSearch(sp);
  const { user, unit } = await unitPage(code, "/villages", { levels: ["COMMUNE"] });
  const t = await getTranslations("villages");
  const locale = toLocale(await getLocale());
  const board = await villageBoardOf(user, unit, period);
  const c = board.counts;
  return (
    <div className="space-y-5">
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}?year=${period.year}&quarter=${period.quarter}`} className="text-sm text-brand-700 hover:underline">
          ← <span translate="no">{unit.name}</span>
        </Link>
        <h1 className="mt-1 text-2xl font-semibold" data-testid="villages-title">
          {t("title", { q: period.quarter, y: period.year })} · <span translate="no">{unit.name}</span>
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PeriodPicker year={period.year} quarter={period.quarter} years={pickerYears()} />
        <Link
          href={`/units/${encodeURIComponent(unit.code)}/targets?year=${Math.min(2030, Math.max(2025, period.year))}`}
          className="rounded border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
          data-testid="villages-targets-link"
        >
          {can(user, "targets.set", { id: -1, level: "VILLAGE", parentId: unit.id, tenantId: unit.tenantId }) ? t("targetsLinkSet") : t("targetsLink")}
        </Link>
      </div>
      <PeriodReplacedNotice requested={periodReplaced(sp, period)} shown={period} />
      {board.villages.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm" data-testid="villages-summary" aria-label={t("summary")}>
          <li className="rounded bg-red-50 px-2.5 py-1 text-red-900" data-count="behind">
            {t("countBehind", { count: c.behind })}
          </li>
          <li className="rounded bg-amber-50 px-2.5 py-1 text-amber-900" data-count="close">
            {t("countClose", { count: c.close })}
          </li>
          <li className="rounded bg-emerald-50 px-2.5 py-1 text-emerald-900" data-count="attained">
            {t("countAttained", { count: c.attained })}
          </li>
          <li className="rounded bg-slate-100 px-2.5 py-1 text-slate-700" data-count="recorded">
            {t("countRecorded", { recorded: c.recorded, total: c.total, q: period.quarter, y: period.year })}
          </li>
          {c.marked > 0 && (
            <li className="rounded bg-sky-50 px-2.5 py-1 text-sky-900" data-count="marked">
              {t("countMarked", { count: c.marked })}
            </li>
          )}
        </ul>
      )}
      <VillageBoard
        key={`${unit.code}-${period.year}-${period.quarter}`}
        board={board}
        labels={Object.fromEntries(board.targetKeys.map((k) => [k, keyLabel(k, locale)]))}
      />
      <p className="max-w-3xl text-xs text-slate-500">{t("howJudged")}</p>
    </div>
  );
}
