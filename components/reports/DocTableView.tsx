"use client";
// A client component only to be light (issue 16): what the page's RSC payload carries is then the
// cells' text (a city's table has 168 rows), not a tree of elements repeating every cell's classes;
// the cells' border and padding are the table's.
import type { DocTable } from "@/lib/reports/document";

const ALIGN = { left: undefined, right: "text-right", center: "text-center" } as const;

/** A fixed table of a report (the communes' table, the villages' targets), as it will print. */
export function DocTableView({ table }: { table: DocTable }) {
  const align = table.columns.map((c) => ALIGN[c.align]);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm [&_td]:border [&_td]:border-slate-400 [&_td]:px-2 [&_td]:py-0.5" data-testid="report-table">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.title} className="border border-slate-400 bg-slate-100 px-2 py-1 text-center font-bold">
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i} className={r.bold ? "font-bold" : undefined}>
              {r.cells.map((v, j) => (
                <td key={j} className={align[j]}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
