import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { periodFromSearch, periodReplaced, pickerYears, unitPage, firstParam } from "@/lib/data/unit-page.server";
import { reportDocumentOf } from "@/lib/data/reports.server";
import { editableTextsOf } from "@/lib/reports/document";
import { dateLine } from "@/lib/reports/docx";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { PeriodPicker } from "@/components/figures/PeriodPicker";
import { PeriodReplacedNotice } from "@/components/figures/PeriodReplacedNotice";
import { ReportEditor } from "@/components/reports/ReportEditor";
import { DocTableView } from "@/components/reports/DocTableView";
import { buttonClass } from "@/components/ui/Button";

type Props = {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata() {
  const t = await getTranslations("report");
  return { title: t("title") };
}

// The unit's report for a period, as it will print: header, title, figures (fixed) and the narrative
// parts (editable by the unit's own staff, saved as versions), the Word download and the versions.
export default async function DocumentPage({ params, searchParams }: Props) {
  const { code } = await params;
  const sp = await searchParams;
  const { user, unit } = await unitPage(code, "/document", { levels: ["NATION", "PROVINCE", "COMMUNE"] });
  const t = await getTranslations("report");
  const locale = toLocale(await getLocale());
  const period = periodFromSearch(sp);
  const v = Number(firstParam(sp.version));
  const version = Number.isInteger(v) && v > 0 ? v : null;
  const view = await reportDocumentOf(user, unit.code, period, version);
  const doc = view.document;
  const q = `year=${period.year}&quarter=${period.quarter}`;
  const download = `/api/v1/units/${encodeURIComponent(unit.code)}/report.docx?${q}${view.version ? `&version=${view.version}` : ""}`;
  return (
    <div className="space-y-4" data-testid="document-page">
      <div className="flex flex-wrap items-end justify-between gap-3 print:hidden">
        <div>
          <Link href={`/units/${encodeURIComponent(unit.code)}?${q}`} className="text-sm text-brand-700 hover:underline">
            ← {unit.name}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold">
            {t("title")} · <span translate="no">{unit.name}</span> · {t("periodName", { quarter: String(period.quarter), year: String(period.year) })}
          </h1>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <PeriodPicker year={period.year} quarter={period.quarter} years={pickerYears()} />
          <a href={download} className={buttonClass()} data-testid="download-report" download>
            {t("download")}
          </a>
          {view.editable && (
            <Link
              href={`/units/${encodeURIComponent(unit.code)}/report-settings`}
              className="rounded border border-slate-300 px-3 py-1.5 text-sm"
              data-testid="link-report-settings"
            >
              {t("settingsLink")}
            </Link>
          )}
        </div>
      </div>
      {/* A quarter not ended (or not a quarter) asked for: the report shown is of the latest ended one, and says so. */}
      <PeriodReplacedNotice requested={periodReplaced(sp, period)} shown={period} />
      <p className="text-sm text-slate-600 print:hidden" data-testid="report-version">
        {view.version ? t("savedVersion", { version: view.version }) : t("draft")}
        {view.versions.length > 0 && (
          <>
            {" · "}
            {t("versions")}{" "}
            {view.versions.map((x) => (
              <Link key={x.version} href={`?${q}&version=${x.version}`} className="mr-2 text-brand-700 hover:underline">
                {t("versionLink", { version: x.version, date: formatDate(x.createdAt, locale) })}
              </Link>
            ))}
          </>
        )}
      </p>
      {view.figuresChanged && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 print:hidden" data-testid="figures-changed">
          {t("figuresChanged")}
        </p>
      )}

      <article
        lang="vi"
        className="mx-auto max-w-[210mm] space-y-3 rounded border border-slate-200 bg-white p-8 font-serif text-[15px] leading-relaxed shadow-sm"
        data-testid="report-preview"
      >
        <div className="grid grid-cols-[42%_58%] text-center text-sm">
          <div>
            {doc.settings.parentBody && <div>{doc.settings.parentBody}</div>}
            {doc.settings.issuer.map((l) => (
              <div key={l} className="font-bold">
                {l}
              </div>
            ))}
            <div className="mx-auto my-1 w-1/3 border-t border-black" />
            <div>Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/{doc.settings.symbol}</div>
          </div>
          <div>
            <div className="font-bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
            <div className="font-bold">Độc lập - Tự do - Hạnh phúc</div>
            <div className="mx-auto my-1 w-3/5 border-t border-black" />
            <div className="italic">{dateLine(doc.settings.place, doc.dated)}</div>
          </div>
        </div>
        <div className="pt-4 text-center font-bold">BÁO CÁO</div>
        <div className="text-center font-bold">{doc.subject}</div>
        <div className="mx-auto w-1/3 border-t border-black" />
        {doc.settings.addressee.length > 0 && <p className="text-center">Kính gửi: {doc.settings.addressee.join("; ")}.</p>}
        {doc.parts
          .filter((p) => !p.editable)
          .map((p) => (
            <section key={p.id} className="space-y-1">
              <h2 className="font-bold">{p.heading}</h2>
              {p.paragraphs.map((x, i) => (
                <p key={i} className={x.style === "subheading" ? "font-bold italic" : x.style === "dash" ? "indent-8" : "indent-8 text-justify"}>
                  {x.style === "dash" ? `- ${x.text}` : x.text}
                </p>
              ))}
              {p.table && <DocTableView table={p.table} />}
              {(p.after ?? []).map((x, i) => (
                <p key={`a${i}`} className={x.style === "dash" ? "indent-8" : "indent-8 text-justify"}>
                  {x.style === "dash" ? `- ${x.text}` : x.text}
                </p>
              ))}
            </section>
          ))}
        <ReportEditor
          key={`${period.year}-${period.quarter}-${view.version ?? 0}`}
          unitCode={unit.code}
          year={period.year}
          quarter={period.quarter}
          editable={view.editable}
          headings={Object.fromEntries(doc.parts.filter((p) => p.editable).map((p) => [p.id, p.heading]))}
          texts={editableTextsOf(doc)}
        />
        <div className="grid grid-cols-2 pt-6 text-sm">
          <div>
            <div className="font-bold italic">Nơi nhận:</div>
            {doc.settings.copyTo.map((l) => (
              <div key={l}>- {l}</div>
            ))}
          </div>
          <div className="text-center">
            {doc.settings.authority.map((l) => (
              <div key={l} className="font-bold">
                {l}
              </div>
            ))}
            <div className="font-bold">{doc.settings.signerTitle}</div>
            <div className="h-20" />
            <div className="font-bold">{doc.settings.signerName || t("noSignerName")}</div>
          </div>
        </div>
      </article>
      {!view.editable && <p className="text-sm text-slate-600 print:hidden">{t("readOnly")}</p>}
    </div>
  );
}
