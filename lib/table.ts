// The rules of every big table (issue 13): how a column sorts (Vietnamese order for text, numbers
// numerically, no value always last), how a name search matches (without diacritics), and how a
// table's view (search, sort, filters) is kept in the URL so a reload or a shared link shows it again.
// Pure: no React, no database (components/ui/DataTable.tsx draws it).
import { compareVi, matchesSearch } from "./collate";

export type SortDir = "asc" | "desc";
export type SortValue = string | number | null | undefined;

const isEmpty = (v: SortValue): v is null | undefined => v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));

/**
 * Compares two sort values in the given direction; a missing value (null, undefined, NaN) comes last
 * in both directions. Numbers compare numerically, text in Vietnamese order; a number sorts before text.
 */
export function compareSortValues(a: SortValue, b: SortValue, dir: SortDir): number {
  const ea = isEmpty(a);
  const eb = isEmpty(b);
  if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
  let c: number;
  if (typeof a === "number" && typeof b === "number") c = a - b;
  else if (typeof a === "number") c = -1;
  else if (typeof b === "number") c = 1;
  else c = compareVi(a, b);
  return dir === "asc" ? c : -c;
}

/** A sorted copy (stable): by `value` in `dir`, missing values last, then by `tieBreak`, then as given. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir, tieBreak?: (a: T, b: T) => number): T[] {
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((x, y) => compareSortValues(x.v, y.v, dir) || (tieBreak ? tieBreak(x.row, y.row) : 0) || x.i - y.i)
    .map((x) => x.row);
}

/** A filter: keeps the rows whose `match` holds for the chosen value ("" = every row). */
export interface RowFilter<T> {
  value: string;
  match: (row: T, value: string) => boolean;
}

/** The rows whose text matches the search (without diacritics) and every chosen filter. */
export function filterRows<T>(rows: readonly T[], q: string, text: ((row: T) => string) | undefined, filters: readonly RowFilter<T>[] = []): T[] {
  const active = filters.filter((f) => f.value !== "");
  const query = text ? q.trim() : "";
  if (query === "" && active.length === 0) return [...rows];
  return rows.filter((r) => (query === "" || matchesSearch(text!(r), query)) && active.every((f) => f.match(r, f.value)));
}

/** What a table shows: the search, the sorted column and direction (null: the given order), the filters. */
export interface TableView {
  q: string;
  sort: string | null;
  dir: SortDir;
  filters: Record<string, string>;
}

export interface TableViewOptions {
  /** Put before every query key, for a second table on the same page ("" by default: q, sort, dir). */
  prefix?: string;
  /** The sortable columns: another ?sort= is ignored. */
  sortKeys: readonly string[];
  /** The filters and their allowed values: another value is ignored. */
  filters?: Readonly<Record<string, readonly string[]>>;
  /** The view without a query (not written to the URL). */
  defaultSort?: { key: string; dir: SortDir } | null;
}

type ParamReader = { get(name: string): string | null };

/** The view a URL asks for (unknown columns, directions and filter values fall back to the default). */
export function readTableView(params: ParamReader, opts: TableViewOptions): TableView {
  const p = opts.prefix ?? "";
  const def = opts.defaultSort ?? null;
  const sortParam = params.get(`${p}sort`);
  const dirParam = params.get(`${p}dir`);
  const sort = sortParam && opts.sortKeys.includes(sortParam) ? sortParam : (def?.key ?? null);
  const dir: SortDir =
    dirParam === "asc" || dirParam === "desc" ? dirParam : sortParam && sort === sortParam && sort !== def?.key ? "asc" : (def?.dir ?? "asc");
  const filters: Record<string, string> = {};
  for (const [key, allowed] of Object.entries(opts.filters ?? {})) {
    const v = params.get(`${p}${key}`) ?? "";
    filters[key] = allowed.includes(v) ? v : "";
  }
  return { q: (params.get(`${p}q`) ?? "").slice(0, 100), sort, dir, filters };
}

/**
 * The URL query for a view: the table's keys set (or removed when they say the default), every other
 * key (year, quarter, indicator…) kept as it was.
 */
export function writeTableView(current: string | URLSearchParams, view: TableView, opts: TableViewOptions): URLSearchParams {
  const p = opts.prefix ?? "";
  const out = new URLSearchParams(current);
  const set = (k: string, v: string | null) => (v === null || v === "" ? out.delete(`${p}${k}`) : out.set(`${p}${k}`, v));
  set("q", view.q.trim() === "" ? null : view.q);
  const def = opts.defaultSort ?? null;
  const isDefault = view.sort === (def?.key ?? null) && (view.sort === null || view.dir === def?.dir);
  set("sort", isDefault ? null : view.sort);
  set("dir", isDefault || view.sort === null ? null : view.dir);
  for (const key of Object.keys(opts.filters ?? {})) set(key, view.filters[key] ?? "");
  return out;
}

/** The first `n` and the last `n` of a ranked list, and how many lie between (all of it when short). */
export function topAndBottom<T>(items: readonly T[], n: number): { top: T[]; bottom: T[]; hidden: number } {
  if (items.length <= 2 * n) return { top: [...items], bottom: [], hidden: 0 };
  return { top: items.slice(0, n), bottom: items.slice(items.length - n), hidden: items.length - 2 * n };
}
