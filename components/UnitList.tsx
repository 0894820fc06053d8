"use client";
// A searchable list of units (a city has up to 168 communes): filter by name/code and by type.
import Link from "next/link";
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { matchesSearch } from "@/lib/collate";

export interface UnitListItem {
  code: string;
  name: string;
  type: string;
  retired: boolean;
  href: string | null;
}

export function UnitList({ items, testId }: { items: UnitListItem[]; testId?: string }) {
  const t = useTranslations();
  const [q, setQ] = useState("");
  const [type, setType] = useState("");
  const types = useMemo(() => [...new Set(items.map((i) => i.type))].sort(), [items]);
  const shown = useMemo(() => {
    // Vietnamese search without diacritics: "kim thanh" finds "Kim Thành"; codes too.
    const query = q.trim();
    return items.filter((i) => (!type || i.type === type) && (matchesSearch(i.name, query) || i.code.includes(query)));
  }, [items, q, type]);
  if (items.length === 0) return <p className="text-sm text-slate-500">{t("unit.noChildren")}</p>;
  return (
    <div>
      {items.length > 8 && (
        <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t("unit.search")}
            aria-label={t("unit.search")}
            className="w-64 rounded border border-slate-300 px-2 py-1"
          />
          {types.length > 1 && (
            <select value={type} onChange={(e) => setType(e.target.value)} aria-label={t("unit.type")} className="rounded border border-slate-300 px-2 py-1">
              <option value="">{t("unit.filterAll")}</option>
              {types.map((ty) => (
                <option key={ty} value={ty}>
                  {t(`unitTypes.${ty}`)}
                </option>
              ))}
            </select>
          )}
          <span className="text-slate-500">{t("unit.shown", { shown: shown.length, total: items.length })}</span>
        </div>
      )}
      <ul data-testid={testId} className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
        {shown.map((i) => (
          <li key={i.code} className={i.retired ? "opacity-60" : undefined}>
            {i.href ? (
              <Link href={i.href} className="block rounded px-2 py-1 hover:bg-brand-50">
                <span className="font-medium text-brand-700">{i.name}</span>{" "}
                <span className="text-xs text-slate-500">
                  {i.code} · {t(`unitTypes.${i.type}`)}
                </span>
              </Link>
            ) : (
              <span className="block px-2 py-1">
                {i.name} <span className="text-xs text-slate-500">{i.code}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
