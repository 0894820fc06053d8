export function DemoBadge({ label }: { label: string }) {
  return (
    <span data-testid="demo-badge" className="rounded-full bg-amber-300 px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-amber-950">
      {label}
    </span>
  );
}
