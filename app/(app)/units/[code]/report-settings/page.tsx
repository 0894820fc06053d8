import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { unitPage } from "@/lib/data/unit-page.server";
import { reportSettingsOf } from "@/lib/data/reports.server";
import { ReportSettingsForm } from "@/components/reports/ReportSettingsForm";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata() {
  const t = await getTranslations("report");
  return { title: t("settingsTitle") };
}

// How the unit's reports are issued (Decree 30/2020): edited by the unit's own staff, audited.
export default async function ReportSettingsPage({ params }: Props) {
  const { code } = await params;
  const { user, unit } = await unitPage(code, "/report-settings", { levels: ["NATION", "PROVINCE", "COMMUNE"] });
  const t = await getTranslations("report");
  const view = await reportSettingsOf(user, unit.code);
  return (
    <div className="space-y-4" data-testid="report-settings-page">
      <div>
        <Link href={`/units/${encodeURIComponent(unit.code)}/document`} className="text-sm text-brand-700 hover:underline">
          ← {t("title")}
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">
          {t("settingsTitle")} · {unit.name}
        </h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{view.version === 0 ? t("settingsDefaults") : t("settingsSaved", { version: view.version })}</p>
      </div>
      <ReportSettingsForm unitCode={unit.code} settings={view.settings} version={view.version} editable={view.editable} />
    </div>
  );
}
