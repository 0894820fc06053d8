import type { DocTable } from "@/lib/reports/document";

/** A fixed table of a report (the communes' table, the villages' targets), as it will print. */
export function DocTableView({ table }: { table: DocTable }) {
  const align = { left: "text-left", right: "text-right", center: "text-center" } as const;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="report-table">
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
                <td key={j} className={`border border-slate-400 px-2 py-0.5 ${align[table.columns[j].align]}`}>
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
