"use client";
// The commune officer's list of villages / residential groups: add, rename, retire.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { createVillageAction, renameVillageAction, retireVillageAction } from "@/lib/actions/targets";
import { buttonClass } from "@/components/ui/Button";
import { cardClass } from "@/components/ui/Card";

const TYPES = ["THON", "BAN", "AP", "TO_DAN_PHO", "KHU_PHO"] as const;

export function VillageManager({ communeCode, villages }: { communeCode: string; villages: { code: string; name: string; retired: boolean }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [name, setName] = useState("");
  const [type, setType] = useState<(typeof TYPES)[number]>("THON");
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const run = (fn: () => Promise<{ ok: boolean; error?: string; issues?: { message: string }[] }>, after?: () => void) =>
    start(async () => {
      setError(null);
      const r = await fn();
      if (!r.ok) setError([r.error, ...(r.issues ?? []).map((i) => i.message)].filter(Boolean).join(" "));
      else {
        after?.();
        router.refresh();
      }
    });

  return (
    <section className={cardClass()} data-testid="village-manager">
      <h2 className="mb-3 text-lg font-semibold">{t("targets.villages")}</h2>
      <ul className="mb-4 divide-y divide-slate-100 text-sm">
        {villages.map((v) => (
          <li key={v.code} className={`flex flex-wrap items-center gap-2 py-1.5 ${v.retired ? "opacity-50" : ""}`} data-village={v.code}>
            {editing === v.code ? (
              <>
                <input
                  value={draft}
                  onChange={(e) => setDraft(e.target.value)}
                  aria-label={t("targets.villageName")}
                  className="rounded border border-slate-300 px-2 py-1"
                />
                <button
                  type="button"
                  disabled={pending}
                  className="rounded bg-brand-600 px-2 py-1 text-white"
                  onClick={() =>
                    run(
                      () => renameVillageAction(communeCode, v.code, draft),
                      () => setEditing(null),
                    )
                  }
                >
                  {t("targets.rename")}
                </button>
                <button type="button" className="px-2 py-1" onClick={() => setEditing(null)}>
                  ✕
                </button>
              </>
            ) : (
              <>
                <span className="font-medium">{v.name}</span>
                <span className="text-xs text-slate-500">{v.code}</span>
                {v.retired ? (
                  <span className="text-xs">({t("targets.retired")})</span>
                ) : (
                  <span className="ml-auto flex gap-2">
                    <button type="button" className="text-brand-700 hover:underline" onClick={() => (setEditing(v.code), setDraft(v.name))}>
                      {t("targets.rename")}
                    </button>
                    <button
                      type="button"
                      className="text-red-700 hover:underline"
                      onClick={() => window.confirm(t("targets.confirmRetire", { name: v.name })) && run(() => retireVillageAction(communeCode, v.code))}
                    >
                      {t("targets.retire")}
                    </button>
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      <form
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          run(
            () => createVillageAction(communeCode, { name, type }),
            () => setName(""),
          );
        }}
      >
        <span className="w-full font-medium">{t("targets.newVillage")}</span>
        <label className="flex flex-col">
          <span className="text-slate-500">{t("targets.villageName")}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} className="w-56 rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          <span className="text-slate-500">{t("targets.villageType")}</span>
          <select value={type} onChange={(e) => setType(e.target.value as (typeof TYPES)[number])} className="rounded border border-slate-300 px-2 py-1">
            {TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`unitTypes.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className={buttonClass()}>
          {t("targets.add")}
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-2 rounded bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="village-error">
          {error}
        </p>
      )}
    </section>
  );
}
