// A white panel with a border: the frame of every section of a page.
import type { HTMLAttributes, ReactNode } from "react";

export type CardPadding = "sm" | "md" | "lg";
const PADDING: Record<CardPadding, string> = { sm: "p-4", md: "p-5", lg: "p-6" };

export function cardClass({ padding = "md", className = "" }: { padding?: CardPadding; className?: string } = {}): string {
  return `rounded-lg border border-slate-200 bg-white shadow-sm ${PADDING[padding]} ${className}`.trim();
}

export function Card({ title, padding, className, children, ...rest }: HTMLAttributes<HTMLElement> & { title?: ReactNode; padding?: CardPadding }) {
  return (
    <section className={cardClass({ padding, className })} {...rest}>
      {title ? <h2 className="mb-3 text-lg font-semibold">{title}</h2> : null}
      {children}
    </section>
  );
}
