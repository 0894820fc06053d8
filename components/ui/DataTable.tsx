"use client";
// One table for every long list (issue 13): the header stays visible while the rows scroll, a name
// search that ignores diacritics ("dong hai" finds "Phường Đông Hải"), sortable columns (Vietnamese
// order for text, numbers numerically, no value last), filters, and all of it kept in the URL
// (?q=&sort=&dir=&<filter>=, other keys such as year and quarter kept) so that a reload or a shared
// link shows the same view. The URL is changed with history.replaceState, which Next.js follows
// without asking the server for the page again (router.replace would query the database on every
// key pressed). Rules in lib/table.ts.
//
// Two ways to use it: `DataTable` from a client component, with cell renderers; `PlainDataTable`
// from a server component, with the cells already drawn and the sort values given per row.
//
// The rows are drawn in the browser only (issue 16): they come once, as data in the page's payload,
// and the server sends the table's frame with a "being drawn" row instead of the same rows again as
// HTML. A city's table was most of its page's weight and of the server's time (the dashboard page
// 223 → 72 KB and ~50 → ~30 ms); the browser draws them on hydration, as it would anyway to make
// them sortable. docs/decisions/0020-tables-drawn-in-the-browser.md.
import { useMemo, useState, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { PendingRows, useInBrowser } from "./in-browser";
import { filterRows, readTableView, sortRows, writeTableView, type SortDir, type SortValue, type TableView, type TableViewOptions } from "@/lib/table";

type Attrs = Record<string, string | number | undefined>;

/** A filter above the table: a select of options ("" = all), kept in the URL under `key`. */
export interface TableFilter<T> {
  key: string;
  label: string;
  options: readonly { value: string; label: string }[];
  /** The "all" option's text (Tất cả by default). */
  allLabel?: string;
  match: (row: T, value: string) => boolean;
}

export interface Column<T> {
  key: string;
  header: ReactNode;
  /** The cell; `head` is true for the rows above the list (totals). */
  cell: (row: T, ctx: { head: boolean }) => ReactNode;
  /** Sortable when given: text in Vietnamese order, numbers numerically, null last. */
  sortValue?: (row: T) => SortValue;
  /** The direction of the first click (asc by default; desc suits "higher is better" figures). */
  firstDir?: SortDir;
  align?: "left" | "right";
  /** Classes of the cells (padding, alignment, tabular digits and links' colour are given by the table). */
  className?: string;
  /** Attributes of a cell (data-cell, title…). */
  cellAttrs?: (row: T, ctx: { head: boolean }) => Attrs;
  /** A filter on this column's values, shown above the table. */
  filter?: TableFilter<T>;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** The table's accessible name (the scrolling region's label and the table's caption). */
  label: string;
  rowAttrs?: (row: T, ctx: { head: boolean }) => Attrs;
  /** Classes of a row besides the table's own (borders; the totals' background, the others' on hover). */
  rowClassName?: (row: T, ctx: { head: boolean }) => string | undefined;
  /** Rows shown above the list, never filtered or sorted (the parent's totals). */
  headRows?: readonly T[];
  /** The text a name search looks in; no search box without it. */
  searchText?: (row: T) => string;
  searchLabel?: string;
  /** Filters that are not a column's. */
  filters?: readonly TableFilter<T>[];
  defaultSort?: { key: string; dir: SortDir } | null;
  /** Order of rows with equal sort values (by name, say). */
  tieBreak?: (a: T, b: T) => number;
  /** "Hiển thị {shown}/{total} đơn vị" by default. */
  countText?: (shown: number, total: number) => ReactNode;
  /** Something more in the toolbar (a hint, a button). */
  toolbar?: ReactNode;
  emptyText?: string;
  /** Query keys' prefix, for a second table on the same page. */
  paramPrefix?: string;
  /** e.g. "min-w-[64rem]". */
  tableClassName?: string;
  testId?: string;
  headTestId?: string;
  bodyTestId?: string;
  countTestId?: string;
  toolbarTestId?: string;
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { rows, columns, rowKey, label, rowAttrs, rowClassName, headRows = [], searchText, tieBreak, toolbar, paramPrefix = "" } = props;
  const t = useTranslations("table");
  const inBrowser = useInBrowser();
  const searchParams = useSearchParams();

  const allFilters = useMemo(() => [...columns.flatMap((c) => (c.filter ? [c.filter] : [])), ...(props.filters ?? [])], [columns, props.filters]);
  const options: TableViewOptions = useMemo(
    () => ({
      prefix: paramPrefix,
      sortKeys: columns.filter((c) => c.sortValue).map((c) => c.key),
      filters: Object.fromEntries(allFilters.map((f) => [f.key, f.options.map((o) => o.value)])),
      defaultSort: props.defaultSort ?? null,
    }),
    [paramPrefix, columns, allFilters, props.defaultSort],
  );
  // The URL's view on the first render (the server renders the same one); then kept here and
  // written back to the URL.
  const [view, setView] = useState<TableView>(() => readTableView(searchParams, options));

  const change = (next: Partial<TableView>) => {
    const v = { ...view, ...next, filters: { ...view.filters, ...next.filters } };
    setView(v);
    const q = writeTableView(window.location.search, v, options).toString();
    window.history.replaceState(null, "", `${window.location.pathname}${q ? `?${q}` : ""}${window.location.hash}`);
  };

  const shown = useMemo(() => {
    const filtered = filterRows(
      rows,
      view.q,
      searchText,
      allFilters.map((f) => ({ value: view.filters[f.key] ?? "", match: f.match })),
    );
    const col = columns.find((c) => c.key === view.sort && c.sortValue);
    return col ? sortRows(filtered, col.sortValue!, view.dir, tieBreak) : filtered;
  }, [rows, view, searchText, allFilters, columns, tieBreak]);

  const sortBy = (c: Column<T>) => change({ sort: c.key, dir: view.sort === c.key ? (view.dir === "asc" ? "desc" : "asc") : (c.firstDir ?? "asc") });
  const align = (c: Column<T>) => (c.align === "right" ? "text-right" : "text-left");
  // A cell carries only its own classes (a city's 168 rows × 10 cells, each repeating the same ones,
  // weighed some 60 KB of HTML): the padding, digits, links, the rows' borders and colours are the
  // table's and the tbody's, and so is the alignment most columns share (the others say theirs; the
  // table's rule has no weight, :where, so that a cell's class wins).
  const mostlyRight = columns.filter((c) => c.align === "right").length * 2 > columns.length;
  const cellClasses = columns.map(
    (c) =>
      [mostlyRight ? (c.align === "right" ? "" : "text-left") : c.align === "right" ? "text-right" : "", c.className ?? ""].filter(Boolean).join(" ") ||
      undefined,
  );
  const line = (r: T, head: boolean) => (
    <tr key={rowKey(r)} {...rowAttrs?.(r, { head })} className={rowClassName?.(r, { head })}>
      {columns.map((c, i) => (
        <td key={c.key} {...c.cellAttrs?.(r, { head })} className={cellClasses[i]}>
          {c.cell(r, { head })}
        </td>
      ))}
    </tr>
  );

  const count = props.countText ? props.countText(shown.length, rows.length) : t("shown", { shown: shown.length, total: rows.length });
  const hasToolbar = !!searchText || allFilters.length > 0 || !!toolbar || options.sortKeys.length > 0;
  const input = "rounded border border-slate-300 bg-white px-2 py-1 disabled:bg-slate-100 disabled:text-slate-400";

  return (
    <div className="space-y-2" data-testid={props.testId ? `${props.testId}-view` : undefined}>
      {hasToolbar && (
        <div className="flex flex-wrap items-end gap-3 text-sm print:hidden" data-testid={props.toolbarTestId}>
          {searchText && (
            <label className="flex flex-col">
              <span className="text-slate-500">{props.searchLabel ?? t("search")}</span>
              <input
                type="search"
                value={view.q}
                onChange={(e) => change({ q: e.target.value })}
                placeholder={t("searchPlaceholder")}
                maxLength={100}
                autoComplete="off"
                // Until the page's script runs, typing would be lost when it takes over (a walk found).
                disabled={!inBrowser}
                className={`${input} w-60`}
                data-search=""
              />
            </label>
          )}
          {allFilters.map((f) => (
            <label key={f.key} className="flex flex-col">
              <span className="text-slate-500">{f.label}</span>
              <select
                value={view.filters[f.key] ?? ""}
                onChange={(e) => change({ filters: { [f.key]: e.target.value } })}
                disabled={!inBrowser}
                className={input}
                data-filter={f.key}
              >
                <option value="">{f.allLabel ?? t("all")}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </label>
          ))}
          {toolbar}
          <span className="text-slate-500">
            <span role="status" data-testid={props.countTestId}>
              {count}
            </span>
            {options.sortKeys.length > 0 && <> · {t("sortHint")}</>}
          </span>
        </div>
      )}
      {/* The header row sticks to the top of the window while the page scrolls (wide screens, where
          the table fits), or to the top of this box, where the rows scroll at most a window high
          (narrower screens, where the table also scrolls sideways). Printed, the whole table flows
          over the pages with the header row repeated on each. */}
      <div
        role="region"
        aria-label={label}
        tabIndex={0}
        className="max-h-[calc(100vh-5rem)] overflow-auto rounded-lg border border-slate-200 bg-white xl:max-h-none xl:overflow-visible print:max-h-none print:overflow-visible"
        data-table-scroll=""
      >
        <table
          className={`w-full text-sm tabular-nums print:min-w-0 print:text-[9pt] [&_td]:px-2 [&_td]:py-1.5 [&_td_a]:text-brand-700 [&_td_a:hover]:underline ${mostlyRight ? "[:where(&)_td]:text-right" : ""} ${props.tableClassName ?? ""}`}
          data-testid={props.testId}
        >
          <caption className="sr-only">{label}</caption>
          <thead>
            <tr>
              {columns.map((c) => {
                const sorted = view.sort === c.key;
                const cls = `sticky top-0 z-10 bg-slate-50 px-2 py-2 font-medium shadow-[inset_0_-1px_0_#e2e8f0] print:static print:shadow-none ${align(c)}`;
                return c.sortValue ? (
                  <th key={c.key} scope="col" className={cls} aria-sort={sorted ? (view.dir === "asc" ? "ascending" : "descending") : "none"}>
                    <button
                      type="button"
                      data-sort={c.key}
                      onClick={() => sortBy(c)}
                      disabled={!inBrowser}
                      className="inline-flex items-center gap-1 text-left hover:text-brand-700 print:hidden"
                    >
                      {c.header}
                      <span aria-hidden="true" className="text-xs">
                        {sorted ? (view.dir === "asc" ? "▲" : "▼") : "↕"}
                      </span>
                    </button>
                    {/* Printed as text: Chrome leaves a button blank in the header it repeats on each page. */}
                    <span className="hidden print:inline" aria-hidden="true">
                      {c.header}
                    </span>
                  </th>
                ) : (
                  <th key={c.key} scope="col" className={cls}>
                    {c.header}
                  </th>
                );
              })}
            </tr>
          </thead>
          {headRows.length > 0 && (
            <tbody data-testid={props.headTestId} className="[&>tr]:border-t [&>tr]:border-slate-100 [&>tr]:bg-brand-50 [&>tr]:font-semibold">
              {headRows.map((r) => line(r, true))}
            </tbody>
          )}
          <tbody
            data-testid={props.bodyTestId}
            aria-busy={inBrowser ? undefined : true}
            className="[&>tr]:border-t [&>tr]:border-slate-100 [&>tr:hover]:bg-slate-50"
          >
            {inBrowser && shown.map((r) => line(r, false))}
            {!inBrowser && shown.length > 0 && <PendingRows n={shown.length} colSpan={columns.length} />}
            {shown.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3! py-4! text-center text-slate-500">
                  {props.emptyText ?? t("noRows")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// From a server component: the cells drawn there, the sort and search values given per row.

export interface PlainColumn {
  key: string;
  header: string;
  align?: "left" | "right";
  /** Sortable by the rows' `sort[key]`. */
  sortable?: boolean;
  firstDir?: SortDir;
  className?: string;
}

export interface PlainRow {
  key: string;
  cells: Record<string, ReactNode>;
  sort?: Record<string, SortValue>;
  /** The text the name search looks in. */
  text?: string;
  attrs?: Attrs;
  cellAttrs?: Record<string, Attrs>;
  className?: string;
}

export type PlainDataTableProps = Omit<
  DataTableProps<PlainRow>,
  "rows" | "columns" | "rowKey" | "rowAttrs" | "rowClassName" | "searchText" | "filters" | "tieBreak" | "countText"
> & {
  rows: readonly PlainRow[];
  columns: readonly PlainColumn[];
  /** A name search over the rows' `text`. */
  searchable?: boolean;
  /** "Hiển thị {shown}/{total} dòng" instead of "… đơn vị". */
  countRows?: boolean;
};

const plainKey = (r: PlainRow) => r.key;
const plainText = (r: PlainRow) => r.text ?? "";
const plainAttrs = (r: PlainRow) => r.attrs ?? {};
const plainClass = (r: PlainRow) => r.className;

export function PlainDataTable({ rows, columns, searchable, countRows, ...rest }: PlainDataTableProps) {
  const t = useTranslations("table");
  const cols = useMemo<Column<PlainRow>[]>(
    () =>
      columns.map((c) => ({
        key: c.key,
        header: c.header,
        align: c.align,
        className: c.className,
        firstDir: c.firstDir,
        cell: (r) => r.cells[c.key] ?? null,
        cellAttrs: (r) => r.cellAttrs?.[c.key] ?? {},
        sortValue: c.sortable ? (r: PlainRow) => r.sort?.[c.key] : undefined,
      })),
    [columns],
  );
  return (
    <DataTable<PlainRow>
      {...rest}
      rows={rows}
      columns={cols}
      rowKey={plainKey}
      rowAttrs={plainAttrs}
      rowClassName={plainClass}
      searchText={searchable ? plainText : undefined}
      countText={countRows ? (shown, total) => t("shownRows", { shown, total }) : undefined}
    />
  );
}
