"use client";
// The one form that picks an Excel or CSV file and asks for it to be checked: the figures and targets
// import, the monthly figures import and the employers' register import all use it.
import type { FormEvent } from "react";
import { Button } from "@/components/ui/Button";

/** What the imports accept: .xlsx and .csv. */
export const SPREADSHEET_ACCEPT = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

export function FileUploadForm({
  onSubmit,
  fileLabel,
  checkLabel,
  busy,
  fileTestId,
  checkTestId,
  className = "flex flex-wrap items-end gap-3",
}: {
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  fileLabel: string;
  checkLabel: string;
  busy: boolean;
  fileTestId: string;
  checkTestId: string;
  className?: string;
}) {
  return (
    <form onSubmit={onSubmit} className={className}>
      <label className="text-sm font-medium">
        {fileLabel}
        <input name="file" type="file" required accept={SPREADSHEET_ACCEPT} className="mt-1 block text-sm" data-testid={fileTestId} disabled={busy} />
      </label>
      <Button type="submit" disabled={busy} data-testid={checkTestId}>
        {checkLabel}
      </Button>
    </form>
  );
}
