"use client";
// The warnings of an import's preview and the box city staff tick to confirm them before saving
// (the quarterly import and the monthly one; the server refuses the commit without the confirmation).
import type { ReactNode } from "react";

export function ImportWarnings({
  title,
  items,
  confirmLabel,
  confirmed,
  onConfirm,
  testId,
  confirmTestId,
  className = "space-y-2",
}: {
  title: string;
  items: { key: string | number; text: ReactNode; attrs?: Record<string, string | number> }[];
  confirmLabel: string;
  confirmed: boolean;
  onConfirm: (checked: boolean) => void;
  testId: string;
  confirmTestId: string;
  className?: string;
}) {
  return (
    <section className={className} data-testid={testId}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <ul className="list-disc pl-5 text-sm">
        {items.map((it) => (
          <li key={it.key} {...it.attrs}>
            {it.text}
          </li>
        ))}
      </ul>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} data-testid={confirmTestId} />
        {confirmLabel}
      </label>
    </section>
  );
}
