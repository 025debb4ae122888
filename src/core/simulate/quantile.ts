/**
 * Quantile of `values` (linear interpolation between order statistics, "type 7": h = (n−1)·q), computed by
 * selection on a scratch copy, O(n). `scratch` must hold at least `count` numbers; `values` is not changed.
 * Infinities are ordered like numbers; NaN must not occur. Returns NaN for an empty input.
 * @example quantile([1, 2, 3, 4], 0.5) === 2.5
 */
export function quantile(
  values: ArrayLike<number>,
  q: number,
  scratch?: Float64Array,
  count = values.length,
): number {
  if (count === 0) return Number.NaN;
  const a = scratch ?? new Float64Array(count);
  for (let i = 0; i < count; i++) a[i] = values[i]!;
  const h = (count - 1) * q;
  const lo = Math.floor(h);
  const x = select(a, lo, count);
  if (lo + 1 >= count || h === lo) return x;
  // the next order statistic is the minimum of the part above lo
  let y = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < count; i++) if (a[i]! < y) y = a[i]!;
  if (x === y) return x;
  return x + (h - lo) * (y - x);
}

/** Rearranges a[0…count) so that a[k] is the k-th smallest, smaller before, larger after (Hoare/Floyd–Rivest-lite). */
function select(a: Float64Array, k: number, count: number): number {
  return selectRange(a, k, 0, count);
}

/** {@link select} within a[from…count), for a k ≥ from whose range is already split off at from. */
function selectRange(a: Float64Array, k: number, from: number, count: number): number {
  let left = from;
  let right = count - 1;
  while (right > left) {
    // median of three as pivot
    const mid = (left + right) >> 1;
    const pivot = median3(a[left]!, a[mid]!, a[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

function median3(a: number, b: number, c: number): number {
  if (a < b) return b < c ? b : Math.max(a, c);
  return a < c ? a : Math.max(b, c);
}

/** Mean with Neumaier's compensated summation (a path order gives the same bits on every run). */
export function compensatedMean(values: ArrayLike<number>): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) comp += sum - t + x;
    else comp += x - t + sum;
    sum = t;
  }
  return values.length === 0 ? Number.NaN : (sum + comp) / values.length;
}

/**
 * Several quantiles of `values` at once (same definition as {@link quantile}), by one multi-selection: the
 * copy is partitioned recursively, descending only into parts that hold a wanted order statistic (each
 * quantile needs ranks ⌊h⌋ and ⌊h⌋+1), about 2–3 passes over the data in all. `scratch` must hold
 * `values.length` numbers; `values` is not changed.
 * @example quantiles([4, 1, 3, 2], [0.25, 0.5]) → [1.75, 2.5]
 */
export function quantiles(
  values: ArrayLike<number>,
  qs: readonly number[],
  scratch?: Float64Array,
): number[] {
  const count = values.length;
  if (count === 0) return qs.map(() => Number.NaN);
  const a = scratch ?? new Float64Array(count);
  if (values instanceof Float64Array) a.set(values);
  else for (let i = 0; i < count; i++) a[i] = values[i]!;
  const ranks: number[] = [];
  for (const q of qs) {
    const lo = Math.floor((count - 1) * q);
    ranks.push(lo, Math.min(count - 1, lo + 1));
  }
  ranks.sort((x, y) => x - y);
  multiSelect(a, 0, count - 1, ranks, 0, ranks.length - 1);
  return qs.map((q) => {
    const h = (count - 1) * q;
    const lo = Math.floor(h);
    const x = a[lo]!;
    if (h === lo || lo + 1 >= count) return x;
    const y = a[lo + 1]!;
    return x === y ? x : x + (h - lo) * (y - x);
  });
}

/** Puts a[r] in its sorted place for every rank r in ranks[rFrom…rTo] (sorted), within a[left…right]. */
function multiSelect(
  a: Float64Array,
  left: number,
  right: number,
  ranks: number[],
  rFrom: number,
  rTo: number,
): void {
  while (right > left && rFrom <= rTo) {
    const mid = (left + right) >> 1;
    const pivot = median3(a[left]!, a[mid]!, a[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const tmp = a[i]!;
        a[i] = a[j]!;
        a[j] = tmp;
        i++;
        j--;
      }
    }
    // ranks ≤ j go left, ranks ≥ i go right; ranks strictly between are settled (equal to the pivot)
    let split = rFrom;
    while (split <= rTo && ranks[split]! <= j) split++;
    let rightFrom = split;
    while (rightFrom <= rTo && ranks[rightFrom]! < i) rightFrom++;
    if (split - 1 >= rFrom) multiSelect(a, left, j, ranks, rFrom, split - 1);
    left = i;
    rFrom = rightFrom;
  }
}
