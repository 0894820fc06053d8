"use client";
// A commune's villages in a quarter: each one's figures, coverage, progress against its targets
// (a badge per target, judged against the quarter's milestone), the villages behind first and
// highlighted (or alone, with the filter), the 100% BHYT mark; the commune's officer opens a form
// under a village's row to record its figures.
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Fragment, useState } from "react";
import { requestLeave } from "@/components/ui/LeaveGuard";
import type { VillageBoard as Board, VillageRow } from "@/lib/villages/service";
import { VILLAGE_METRICS } from "@/lib/domain/villages";
import { isRateTargetKey } from "@/lib/domain/targets";
import { formatAttainment, formatNumber, formatPercent } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { StatusBadge } from "@/components/figures/StatusBadge";
import { buttonClass } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";
import { VillageForm } from "./VillageForm";

const COLUMNS = {
  labourForce: "colLabourForce",
  population: "colPopulation",
  bhxhCompulsory: "colCompulsory",
  bhxhVoluntary: "colVoluntary",
  bhyt: "colBhyt",
} as const;

export function VillageBoard({ board, labels }: { board: Board; labels: Record<string, string> }) {
  const t = useTranslations("villages");
  const tt = useTranslations("unitTypes");
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [onlyBehind, setOnlyBehind] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (board.villages.length === 0) {
    return (
      <p className="rounded bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="villages-empty">
        {t("empty")}
      </p>
    );
  }
  const shown = onlyBehind ? board.villages.filter((v) => v.progress.overall === "behind") : board.villages;
  const fmt = (k: string, v: number | null | undefined) => (isRateTargetKey(k) ? formatPercent(v, locale) : formatNumber(v, locale));
  const cols = VILLAGE_METRICS.length + 4;

  const progressCell = (v: VillageRow) => {
    const keys = board.targetKeys.filter((k) => v.targets[k] !== undefined);
    if (keys.length === 0) return <span className="text-slate-600">{t("noTargets", { y: board.year })}</span>;
    return (
      <div className="space-y-1">
        <StatusBadge status={v.progress.overall} label={v.figures ? t(`overall.${v.progress.overall}`) : t("noFigures")} />
        <ul className="flex flex-wrap gap-1">
          {keys.map((k) => {
            const att = v.progress.attainment[k];
            const status = v.progress.statuses[k] ?? "none";
            return (
              <li key={k} data-key={k}>
                <StatusBadge
                  status={status}
                  label={`${labels[k] ?? k}: ${att === null || att === undefined ? "—" : formatAttainment(att, locale)}`}
                  title={t("badgeTitle", {
                    actual: fmt(k, v.actuals[k]),
                    expected: fmt(k, v.progress.expected[k]),
                    target: fmt(k, v.targets[k]),
                    status: t(`status.${status}`),
                  })}
                />
              </li>
            );
          })}
        </ul>
      </div>
    );
  };

  return (
    <div className="space-y-3" data-testid="village-board">
      {!board.editable && <p className="text-sm text-slate-600">{t("readOnly")}</p>}
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={onlyBehind}
            onChange={(e) => {
              const checked = e.target.checked;
              requestLeave(() => setOnlyBehind(checked));
            }}
            data-testid="only-behind"
          />
          {t("filterBehind")}
        </label>
        <span className="text-slate-500">{t("shown", { shown: shown.length, total: board.villages.length })}</span>
      </div>
      {notice && (
        <Alert tone="success" testId="villages-message">
          {notice}
        </Alert>
      )}
      {shown.length === 0 ? (
        <p className="rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="none-behind">
          {t("noneBehind")}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[60rem] text-sm">
            <caption className="sr-only">{t("caption", { q: board.quarter, y: board.year })}</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("colName")}
                </th>
                {VILLAGE_METRICS.map((k) => (
                  <th key={k} scope="col" className="px-2 py-2 text-right font-medium">
                    {t(COLUMNS[k])}
                  </th>
                ))}
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  {t("colBhxhCoverage")}
                </th>
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  {t("colBhytCoverage")}
                </th>
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  {t("colProgress")}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((v) => (
                <Fragment key={v.unit.code}>
                  <tr
                    data-village={v.unit.code}
                    data-overall={v.progress.overall}
                    className={`border-t border-slate-100 align-top ${v.progress.overall === "behind" ? "bg-red-50" : ""} ${v.unit.retired ? "opacity-60" : ""}`}
                  >
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span className="font-medium" translate="no">
                        {v.unit.name}
                      </span>
                      <span className="ml-1 text-xs text-slate-600">
                        {v.unit.code} · {tt(v.unit.type)}
                        {v.unit.retired ? ` · ${t("retired")}` : ""}
                      </span>
                      {v.mark && (
                        <span
                          className="mt-1 block w-fit rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-900 ring-1 ring-sky-300"
                          data-testid="bhyt-mark"
                          data-mark={v.mark}
                        >
                          ★ {v.mark === "modelGroup" ? t("markModelGroup") : t("markFull")}
                        </span>
                      )}
                      {v.editable && (
                        <button
                          type="button"
                          className={buttonClass({ variant: "secondary", size: "sm", className: "mt-1.5 block" })}
                          aria-expanded={open === v.unit.code}
                          aria-label={`${v.figures ? t("edit") : t("enter")}: ${v.unit.name}`}
                          // Another village's form (or closing this one) drops what the open one holds: it asks first.
                          onClick={() =>
                            requestLeave(() => {
                              setNotice(null);
                              setOpen(open === v.unit.code ? null : v.unit.code);
                            })
                          }
                        >
                          {v.figures ? t("edit") : t("enter")}
                        </button>
                      )}
                    </th>
                    {VILLAGE_METRICS.map((k) => (
                      <td key={k} className="px-2 py-2 text-right tabular-nums" data-metric={k}>
                        {formatNumber(v.figures?.[k], locale)}
                      </td>
                    ))}
                    <td className="px-2 py-2 text-right tabular-nums">{formatPercent(v.coverage.bhxh, locale)}</td>
                    <td className="px-2 py-2 text-right tabular-nums" data-metric="bhytCoverage">
                      {formatPercent(v.coverage.bhyt, locale)}
                    </td>
                    <td className="px-3 py-2">{progressCell(v)}</td>
                  </tr>
                  {open === v.unit.code && (
                    <tr className="border-t border-slate-100 bg-slate-50">
                      <td colSpan={cols} className="px-3 py-3">
                        {/* Kept in view at the left edge while the wide table scrolls sideways (a phone). */}
                        <div className="sticky left-3 max-w-[calc(100vw-3rem)]">
                          <VillageForm
                            communeCode={board.commune.code}
                            village={v}
                            year={board.year}
                            quarter={board.quarter}
                            onCancel={() => requestLeave(() => setOpen(null))}
                            onSaved={(text) => {
                              setOpen(null);
                              setNotice(text);
                              router.refresh();
                            }}
                          />
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
