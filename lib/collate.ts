// Vietnamese order and search, one place for every list, grid, select and export (issue 13).
// The database sorts by raw code points ("Phường Đông Hải" after "Phường Yên"), so names are
// ordered here with the Vietnamese collator: base letters first (a < ă < â < b … d < đ), then tones.
const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
const tieBreak = new Intl.Collator("vi", { sensitivity: "variant", numeric: true });

/** Compares two texts in Vietnamese dictionary order ("Chí Linh" < "Chu Văn An", "Ái Quốc" < "Bạch Đằng"). */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b) || tieBreak.compare(a, b);
}

/** Orders units (or anything named) by name in Vietnamese, then by code. */
export function byName<T extends { name: string; code?: string }>(a: T, b: T): number {
  return compareVi(a.name, b.name) || (a.code ?? "").localeCompare(b.code ?? "", "en", { numeric: true });
}

/** A copy sorted by name in Vietnamese order. */
export function sortByName<T extends { name: string; code?: string }>(items: readonly T[]): T[] {
  return [...items].sort(byName);
}

/** Units in force first, then retired ones, each part by name in Vietnamese order (then by code). */
export function inForceThenByName<T extends { name: string; code?: string; validTo?: Date | null }>(a: T, b: T): number {
  return Number(a.validTo != null) - Number(b.validTo != null) || byName(a, b);
}

/** Text for searching without diacritics: lower case, tones and marks removed, đ → d ("Đông Hải" → "dong hai"). */
export function searchKey(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Does `text` contain `query`, ignoring case and diacritics? */
export function matchesSearch(text: string, query: string): boolean {
  const q = searchKey(query);
  return q === "" || searchKey(text).includes(q);
}

/** The Vietnamese letters with a tone or a mark, lower and upper case. */
const VI_MARKED_LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
const VI_FOLD_FROM = VI_MARKED_LOWER + VI_MARKED_LOWER.toUpperCase();
/** Each of them as searchKey folds it: one base letter, lower case (the same rule, not a second table). */
const VI_FOLD_TO = [...VI_FOLD_FROM].map((c) => searchKey(c)).join("");

/**
 * searchKey in SQL, for a search the database does (the audit trail): the marked letters folded to
 * their base letter with translate() and the rest lower-cased, on PGlite and PostgreSQL alike (no
 * extension, no locale: lower() alone leaves "Đ" as it is in a C-locale database). Compare it with a
 * query folded by searchKey in JavaScript.
 */
export function searchKeySql(expr: string): string {
  return `lower(translate(${expr}, '${VI_FOLD_FROM}', '${VI_FOLD_TO}'))`;
}
