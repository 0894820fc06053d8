// The target grid of a unit and its children for one year (the page's TargetGrid): on the server,
// the service's grid packed to what the browser's grid uses (grid-view.ts), then the grid itself,
// editable like a spreadsheet, in TargetGridView.tsx. The service's grid carries every target's
// source, author and dates: for a city's 168 communes that weighed some 280 KB of each page (issue 16).
import type { TargetGrid as Grid } from "@/lib/targets/service";
import { toGridView } from "./grid-view";
import { TargetGridView } from "./TargetGridView";

export function TargetGrid({ grid, unitCode, defaultSource }: { grid: Grid; unitCode: string; defaultSource: string }) {
  return <TargetGridView view={toGridView(grid)} unitCode={unitCode} defaultSource={defaultSource} />;
}
