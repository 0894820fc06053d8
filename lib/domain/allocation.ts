// Splitting a parent's count target among its children (domain.md, "Targets"): a city gives each
// commune its share of the city's yearly target, a commune gives each village its share of the
// commune's. Pure: no database, no React, no Next.
//
// Shares are whole people that add up EXACTLY to the parent's target, proportional to a weight
// (the children's labour force or their current participants), by the largest-remainder (Hamilton)
// method.

/** What the shares are made proportional to: the children's labour force or their current participants. */
export const ALLOCATION_BASES = ["labourForce", "participants"] as const;
export type AllocationBasis = (typeof ALLOCATION_BASES)[number];

export interface AllocationWeight {
  key: string;
  /** null, zero, negative or NaN: the child gets no share (see `allocate`). */
  weight: number | null;
}

export interface Allocation {
  key: string;
  value: number;
}

export interface AllocateOptions {
  /**
   * A floor every child that takes part gets before the proportional split (a non-negative integer;
   * default 0). Children with no weight still get 0. The floors are handed out first and the rest of
   * the total is then split by largest remainder, so the result still sums exactly to `total`.
   */
  minimum?: number;
}

const isNonNegativeSafeInteger = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** A weight that takes part in the split: finite and > 0. */
const hasWeight = (w: number | null | undefined): w is number => typeof w === "number" && Number.isFinite(w) && w > 0;

/**
 * Split `total` (a non-negative integer) among `weights` in proportion to each child's weight.
 *
 * - Every value is a whole number ≥ 0 and the values sum EXACTLY to `total`.
 * - Largest-remainder (Hamilton) method: each child first gets the whole part of its exact quota
 *   `total × weight / Σ weights`; the units left over go one each to the children with the largest
 *   fractional parts. Every value is therefore the quota rounded down or up (within 1 of it), and a
 *   child with a larger weight never gets less than one with a smaller weight.
 * - Ties (equal fractional parts) go to the larger weight first, then to the child listed first.
 *   With integer weights (counts of people, the normal case) quotas and remainders are computed
 *   exactly with BigInt, so ties are real ties and any total up to Number.MAX_SAFE_INTEGER works;
 *   fractional weights use floating point (ties up to rounding), with a final correction that keeps
 *   the sum exact.
 * - Children whose weight is null, zero, negative or NaN get 0. When NO child has a positive weight
 *   (nothing known yet about any of them), the total is split equally among all of them instead:
 *   10 over 3 → 4, 3, 3 (the extra units go to the children listed first).
 * - `opts.minimum` gives every child that takes part (positive weight, or everyone in an equal split)
 *   at least that many; the rest is split proportionally. A minimum the total cannot cover throws.
 * - The result lists the children in the order given.
 *
 * Throws a RangeError (Vietnamese message, shown to the officer) when `total` is not a non-negative
 * safe integer, when there is no child to give a positive total to, when a key appears twice, when
 * a weight is +Infinity, or when `minimum` is invalid or more than the total can cover.
 */
export function allocate(total: number, weights: readonly AllocationWeight[], opts: AllocateOptions = {}): Allocation[] {
  if (!isNonNegativeSafeInteger(total)) {
    throw new RangeError(`Chỉ tiêu cần phân bổ phải là số nguyên không âm (nhận được: ${String(total)}).`);
  }
  const minimum = opts.minimum ?? 0;
  if (!isNonNegativeSafeInteger(minimum)) {
    throw new RangeError(`Mức tối thiểu cho mỗi đơn vị phải là số nguyên không âm (nhận được: ${String(minimum)}).`);
  }
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError(`Không có đơn vị nào để phân bổ chỉ tiêu ${total}: danh sách đơn vị trống.`);
  }
  const seen = new Set<string>();
  for (const w of weights) {
    if (seen.has(w.key)) throw new RangeError(`Đơn vị "${w.key}" xuất hiện nhiều lần trong danh sách phân bổ.`);
    seen.add(w.key);
    if (w.weight === Number.POSITIVE_INFINITY) {
      throw new RangeError(`Trọng số phân bổ của đơn vị "${w.key}" không hợp lệ (vô hạn).`);
    }
  }

  // Who takes part, and with which weight: the positive weights, or everyone equally.
  let members = weights.flatMap((w, index) => (hasWeight(w.weight) ? [{ index, weight: w.weight }] : []));
  if (members.length === 0) members = weights.map((_, index) => ({ index, weight: 1 }));

  const floors = minimum * members.length;
  if (floors > total) {
    throw new RangeError(`Chỉ tiêu ${total} không đủ để mỗi đơn vị nhận tối thiểu ${minimum} (${members.length} đơn vị cần ${floors}).`);
  }

  const shares = largestRemainder(
    total - floors,
    members.map((m) => m.weight),
  );
  const values = weights.map(() => 0);
  members.forEach((m, i) => {
    values[m.index] = minimum + shares[i];
  });
  return weights.map((w, i) => ({ key: w.key, value: values[i] }));
}

/**
 * Hamilton split of `total` over positive finite `weights`, in the weights' order. Ties on the
 * fractional part: larger weight first, then earlier position.
 */
function largestRemainder(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (weights.every((w) => Number.isInteger(w))) {
    // Exact: quota_i = total·w_i / W, whole part and remainder (over the common denominator W) in BigInt.
    const W = weights.reduce((s, w) => s + BigInt(w), 0n);
    const T = BigInt(total);
    const base: number[] = [];
    const rem: bigint[] = [];
    for (const w of weights) {
      const num = T * BigInt(w);
      base.push(Number(num / W));
      rem.push(num % W);
    }
    const order = [...weights.keys()].sort((a, b) => (rem[a] === rem[b] ? 0 : rem[a] > rem[b] ? -1 : 1) || weights[b] - weights[a] || a - b);
    const left = total - base.reduce((s, v) => s + v, 0); // 0 ≤ left < n
    for (let i = 0; i < left; i++) base[order[i]] += 1;
    return base;
  }

  // Fractional weights: floating point, then force the sum.
  const W = weights.reduce((s, w) => s + w, 0);
  const quota = weights.map((w) => Math.min(total, (total * w) / W));
  const base = quota.map((q) => Math.floor(q));
  const rem = quota.map((q, i) => q - base[i]);
  const order = [...weights.keys()].sort((a, b) => rem[b] - rem[a] || weights[b] - weights[a] || a - b);
  let left = total - base.reduce((s, v) => s + v, 0);
  // Normally 0 ≤ left < n; rounding can push it slightly outside, hence the loops.
  for (let i = 0; left > 0; i = (i + 1) % n, left--) base[order[i]] += 1;
  for (let i = n - 1; left < 0; i = (i - 1 + n) % n) {
    if (base[order[i]] > 0) {
      base[order[i]] -= 1;
      left++;
    }
  }
  return base;
}

/**
 * The weights for `allocate` from the children's figures: their labour force (the people who could
 * take part) or their current participants (keep today's shares). A missing figure gives a null
 * weight, hence a share of 0 unless no child has the figure at all (then the split is equal).
 */
export function weightsFor(
  basis: AllocationBasis,
  rows: readonly { key: string; labourForce: number | null; participants: number | null }[],
): AllocationWeight[] {
  return rows.map((r) => ({ key: r.key, weight: basis === "labourForce" ? r.labourForce : r.participants }));
}
