"use client";
// The narrative of a unit's report: the opening sentence and the parts drafted from the figures
// (shortcomings, tasks, proposals), editable by the unit's own staff. Saving stores a new version of
// the period's report (the Word file of that version can be downloaded again as it was signed).
import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { saveReportTextsAction } from "@/lib/actions/reports";
import type { EditableTexts } from "@/lib/reports/document";
import { buttonClass } from "@/components/ui/Button";
import { LeaveGuardDialog, useLeaveGuard } from "@/components/ui/LeaveGuard";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";

export function ReportEditor(props: {
  unitCode: string;
  year: number;
  quarter: number;
  editable: boolean;
  headings: Record<string, string>;
  texts: EditableTexts;
}) {
  const t = useTranslations("report");
  const router = useRouter();
  const [texts, setTexts] = useState(props.texts);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const dirty = JSON.stringify(texts) !== JSON.stringify(props.texts);
  // Typed text is not lost by leaving the page (components/ui/LeaveGuard.tsx).
  const guard = useLeaveGuard(props.editable && dirty);
  // The Word file is the saved text: with unsaved changes, downloading it says they are not in it.
  const [download, setDownload] = useState<string | null>(null);
  const dirtyRef = useRef(false);
  const editorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dirtyRef.current = props.editable && dirty;
  }, [props.editable, dirty]);
  useEffect(() => {
    const click = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[data-testid="download-report"]');
      if (!dirtyRef.current || !(a instanceof HTMLAnchorElement)) return;
      e.preventDefault();
      setDownload(a.href);
    };
    document.addEventListener("click", click, true);
    // Hydrated, the download is guarded: browser tests wait for this before typing (text typed before
    // hydration can be merged with the server's by the browser's fill, and a click would not be asked).
    editorRef.current?.setAttribute("data-hydrated", "");
    return () => document.removeEventListener("click", click, true);
  }, []);
  function downloadSaved() {
    const href = download;
    setDownload(null);
    if (!href) return;
    const a = document.createElement("a");
    a.href = href;
    a.download = "";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  if (!props.editable) {
    return (
      <div className="space-y-3">
        <p className="indent-8 text-justify">{texts.opening}</p>
        {Object.entries(props.headings).map(([id, heading]) => (
          <section key={id}>
            <h2 className="font-bold">{heading}</h2>
            {(texts.parts[id] ?? "").split("\n").map((l, i) => (
              <p key={i} className="indent-8 text-justify">
                {l}
              </p>
            ))}
          </section>
        ))}
      </div>
    );
  }

  function save() {
    setMessage(null);
    start(async () => {
      const res = await saveReportTextsAction(props.unitCode, props.year, props.quarter, texts);
      if (res.ok) {
        guard.release();
        setMessage({ ok: true, text: t("saved", { version: res.data.version ?? 0 }) });
        router.refresh();
      }
      // The texts' own messages say what to fix; the generic "invalid data" only when there are none.
      else setMessage({ ok: false, text: res.issues.length ? res.issues.map((i) => i.message).join(" ") : res.error });
    });
  }

  return (
    <div ref={editorRef} className="space-y-3 rounded border border-dashed border-brand-400 bg-brand-50/40 p-3 font-sans text-sm" data-testid="report-editor">
      <p className="text-xs text-slate-600">{t("editHint")}</p>
      <label className="block">
        <span className="font-medium">{t("opening")}</span> <span className="text-xs text-slate-500">({t("openingMin")})</span>
        <textarea
          lang="vi"
          value={texts.opening}
          onChange={(e) => setTexts((x) => ({ ...x, opening: e.target.value }))}
          rows={4}
          className="mt-1 w-full rounded border border-slate-300 p-2 font-serif text-[15px]"
          data-testid="edit-opening"
        />
      </label>
      {Object.entries(props.headings).map(([id, heading]) => (
        <label key={id} className="block">
          <span className="font-bold">{heading}</span>
          <textarea
            lang="vi"
            value={texts.parts[id] ?? ""}
            onChange={(e) => setTexts((x) => ({ ...x, parts: { ...x.parts, [id]: e.target.value } }))}
            rows={Math.min(14, Math.max(4, (texts.parts[id] ?? "").split("\n").length + 1))}
            className="mt-1 w-full rounded border border-slate-300 p-2 font-serif text-[15px]"
            data-testid={`edit-${id}`}
          />
        </label>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={save} disabled={pending || !dirty} className={buttonClass()} data-testid="save-report">
          {pending ? t("saving") : t("save")}
        </button>
        {dirty && <span className="text-xs text-amber-800">{t("unsaved")}</span>}
        {message && (
          <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-700" : "text-red-700"} data-testid="report-message">
            {message.text}
          </span>
        )}
      </div>
      <LeaveGuardDialog guard={guard}>
        <p>{t("leaveBody")}</p>
      </LeaveGuardDialog>
      <ConfirmDialog
        open={download !== null}
        title={t("downloadUnsavedTitle")}
        confirmLabel={t("downloadSaved")}
        cancelLabel={t("downloadStay")}
        onCancel={() => setDownload(null)}
        onConfirm={downloadSaved}
        testId="download-confirm"
      >
        <p>{t("downloadUnsavedBody")}</p>
      </ConfirmDialog>
    </div>
  );
}
