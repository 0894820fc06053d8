// A year's targets of a unit's children in a file (issue 14, item 4): the template's columns (one per
// target key, counts as whole numbers, rates as percentages "53,1"), and reading them back. Pure.
import { searchKey } from "../collate";
import { keyLabel } from "../i18n/labels";
import { TARGET_KEYS, targetKindOf, type TargetKey } from "../domain/targets";
import { parseTargetCell } from "../domain/paste";
import { checkTargetValue } from "../targets/service";
import { CODE_HEADER, NAME_HEADER, parseGrid, type CellValue, type Grid, type GridCell, type ParsedSheet } from "./sheet";

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Chỉ tiêu số người tham gia BHXH bắt buộc (người)", "Chỉ tiêu tỷ lệ tham gia BHXH (%)". */
export function targetColumnHeader(key: TargetKey): string {
  const unit = targetKindOf(key) === "RATE" ? "%" : key === "amountCollected" ? "đồng" : "người";
  return `Chỉ tiêu ${lowerFirst(keyLabel(key, "vi"))} (${unit})`;
}

export const TARGET_HEADERS = [CODE_HEADER, NAME_HEADER, ...TARGET_KEYS.map(targetColumnHeader)];

const HEADER_KEYS = TARGET_KEYS.map((k) => ({
  key: k,
  full: searchKey(targetColumnHeader(k)),
  bare: searchKey(targetColumnHeader(k).replace(/\s*\([^)]*\)$/, "")),
  raw: k.toLowerCase(),
}));

export function targetOfHeader(header: string): TargetKey | null {
  const h = searchKey(header);
  if (h === "") return null;
  for (const m of HEADER_KEYS) if (h === m.full || h === m.bare || h === m.raw) return m.key;
  return null;
}

export function targetsTitle(unitName: string, year: number): string {
  return `Chỉ tiêu năm ${year} giao cho các đơn vị trực thuộc — ${unitName}`;
}

export const TARGETS_SUBTITLE = "Số lượng: số nguyên (13.624); tỷ lệ: phần trăm (53,1). Khớp dòng theo cột «Mã»; ô để trống giữ nguyên chỉ tiêu đã giao.";

/** A target cell: a count as a whole number; a rate as a percentage (a number cell 53.1 or text "53,1%") → 0.531. */
export function targetValueOfCell(key: TargetKey, c: GridCell): CellValue {
  if (c === null) return { ok: true, value: null };
  if (typeof c === "object") return { ok: false, message: c.bad };
  let value: number | null;
  if (typeof c === "number") {
    if (targetKindOf(key) === "RATE") value = Math.round(c * 100) / 10000;
    else value = c;
  } else {
    const p = parseTargetCell(key, c);
    if (!p.ok) return { ok: false, message: `${p.message} (ô chứa «${c.trim().slice(0, 40)}»)` };
    value = p.value;
  }
  if (value === null) return { ok: true, value: null };
  const rule = checkTargetValue(key, value);
  return rule ? { ok: false, message: rule } : { ok: true, value };
}

export function parseTargetsGrid(grid: Grid, year: number): ParsedSheet<TargetKey> {
  return parseGrid<TargetKey>(grid, { keyOf: targetOfHeader, valueOf: targetValueOfCell, label: (k) => keyLabel(k, "vi"), expected: { year } });
}
