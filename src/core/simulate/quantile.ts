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
    partition(a, left, right);
    const i = bounds[0]!;
    const j = bounds[1]!;
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}

/** Where partition() left its scans: bounds[0] = i (first of the right part), bounds[1] = j (last of the left). */
const bounds = new Int32Array(2);

/** Hoare partition of a[left…right] around the median of three: a[…j] ≤ pivot ≤ a[i…], j < i. */
function partition(a: Float64Array, left: number, right: number): void {
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
  bounds[0] = i;
  bounds[1] = j;
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
 * Several quantiles of `values` at once (same definition as {@link quantile}; see {@link quantilesOfSegments}).
 * `values` is not changed.
 * @example quantiles([4, 1, 3, 2], [0.25, 0.5]) → [1.75, 2.5]
 */
export function quantiles(
  values: ArrayLike<number>,
  qs: readonly number[],
  buffers?: SelectionBuffers,
): number[] {
  const data = values instanceof Float64Array ? values : Float64Array.from(values);
  return quantilesOfSegments([data], qs, buffers);
}

/**
 * Reusable memory of {@link quantilesOfSegments}: one per caller that selects many times (a level of buckets,
 * the values gathered from them, the next level down), so that its selections allocate next to nothing.
 */
export class SelectionBuffers {
  counts = new Int32Array(0);
  slotOf = new Int8Array(0);
  pick = new Float64Array(0);
  side = new Float64Array(0);
  /** Per rank: its slot (bucket) and rank inside it; per slot: bucket, start in `pick`, fill, min, max. */
  rankSlot = new Int32Array(0);
  localRank = new Int32Array(0);
  slotBucket = new Int32Array(0);
  slotStart = new Int32Array(0);
  slotFill = new Int32Array(0);
  slotMin = new Float64Array(0);
  slotMax = new Float64Array(0);
  /** Ranks and answers handed to the next level. */
  subRanks = new Int32Array(0);
  subOut = new Float64Array(0);
  copy = new Float64Array(0);
  nested: SelectionBuffers | undefined;

  /** Makes the per-rank and per-slot arrays hold `ranks` entries. */
  fit(ranks: number): void {
    if (this.rankSlot.length >= ranks) return;
    this.rankSlot = new Int32Array(ranks);
    this.localRank = new Int32Array(ranks);
    this.slotBucket = new Int32Array(ranks);
    this.slotStart = new Int32Array(ranks + 1);
    this.slotFill = new Int32Array(ranks);
    this.slotMin = new Float64Array(ranks);
    this.slotMax = new Float64Array(ranks);
    this.subRanks = new Int32Array(ranks);
    this.subOut = new Float64Array(ranks);
  }

  next(): SelectionBuffers {
    this.nested ??= new SelectionBuffers();
    return this.nested;
  }
}

/**
 * Quantiles (type 7, as {@link quantile}) of the values of `segments` taken together, as if concatenated.
 * Every order statistic needed (ranks ⌊h⌋ and ⌊h⌋ + 1 of each quantile) is found by a histogram: one pass
 * counts the values per bucket, a second gathers the few buckets that hold a wanted rank, which are resolved
 * the same way (a sort when small; a value that fills half a bucket, such as a floor, is split off first).
 * That is two reads of the data and no copy of it, where quickselect copies it and partitions it 2–3 times.
 * An order statistic is a value of the data, so any exact method gives the same number; data with a NaN, or
 * with both +0 and −0 in the bucket of a wanted rank (equal, yet different bits), go through the earlier
 * implementation's quickselect instead, so that even those keep their bits.
 */
export function quantilesOfSegments(
  segments: readonly Float64Array[],
  qs: readonly number[],
  buffers: SelectionBuffers = new SelectionBuffers(),
): number[] {
  let count = 0;
  for (const seg of segments) count += seg.length;
  return quantilesBy(segments, count, qs, buffers, (ranks, got) =>
    selectRanks(segments, count, ranks, got, buffers),
  );
}

/**
 * The histogram pass of {@link quantilesOfSegments} fed one piece at a time, in any order (say, chunks as
 * they arrive), so that little is left for {@link QuantileCounter.quantiles}. The buckets are placed by the
 * first piece's sample. Once a quarter of the expected values are in, the counts so far predict where the
 * wanted quantiles will fall (± 5 standard errors): from then on the values of those bucket windows are kept
 * as they are counted (the pieces already counted are read once more). At the end, a wanted rank whose bucket
 * lies in a window is resolved from the kept values alone; otherwise the pieces are read again as
 * quantilesOfSegments would. The same answer either way.
 */
export class QuantileCounter {
  readonly #expected: number;
  readonly #qs: readonly number[];
  #range: HistogramRange | undefined;
  #placed = false;
  #counts: Int32Array | undefined;
  #count = 0;
  /** Pieces counted before the windows were set. */
  #early: Float64Array[] = [];
  /** Bucket windows `[lo, hi]` as a flat list, each with its kept values. */
  #windows: number[] | undefined;
  #slotOf: Int8Array | undefined;
  #kept: Float64Array[] = [];
  #fill: Int32Array = new Int32Array(0);

  /**
   * @param expected the number of values that will be added (sizes the histogram).
   * @param qs the quantiles that will be asked for (places the windows).
   */
  constructor(expected: number, qs: readonly number[]) {
    this.#expected = expected;
    this.#qs = qs;
  }

  add(piece: Float64Array): void {
    this.#count += piece.length;
    if (!this.#placed) {
      this.#placed = true;
      this.#range = histogramRange([piece], piece.length, this.#expected);
      if (this.#range) this.#counts = new Int32Array(this.#range.last + 2);
    }
    const range = this.#range;
    const counts = this.#counts;
    if (!range || !counts) return;
    if (this.#slotOf) this.#keep(piece, true);
    else {
      countBuckets(piece, counts, range.a, range.scale, range.last);
      this.#early.push(piece);
      if (this.#count >= this.#expected / 4 && this.#count < this.#expected) this.#placeWindows();
    }
  }

  /** Windows around the ranks the wanted quantiles have in the counts so far; keeps the early pieces' values. */
  #placeWindows(): void {
    const range = this.#range!;
    const counts = this.#counts!;
    const m = this.#count - counts[range.last + 1]!;
    if (counts[range.last + 1] !== 0 || m < 2) return; // NaN: quickselect at the end anyway
    const bucketAtRank = (rank: number) => {
      let bucket = 0;
      for (let before = counts[0]!; before <= rank; before += counts[++bucket]!);
      return bucket;
    };
    const spans: [number, number][] = [];
    for (const q of this.#qs) {
      const margin = 5 * Math.sqrt((q * (1 - q)) / m) + 2 / m;
      const lo = bucketAtRank(Math.max(0, Math.floor((q - margin) * (m - 1))));
      const hi = bucketAtRank(Math.min(m - 1, Math.ceil((q + margin) * (m - 1))));
      spans.push([lo, hi]);
    }
    spans.sort((x, y) => x[0] - y[0]);
    const windows: number[] = [];
    for (const [lo, hi] of spans) {
      const n = windows.length;
      if (n > 0 && lo <= windows[n - 1]! + 1) windows[n - 1] = Math.max(windows[n - 1]!, hi);
      else windows.push(lo, hi);
    }
    const slots = windows.length / 2;
    const slotOf = new Int8Array(range.last + 2);
    this.#kept = [];
    this.#fill = new Int32Array(slots);
    const scaleUp = this.#expected / m;
    for (let w = 0; w < slots; w++) {
      slotOf.fill(w + 1, windows[2 * w]!, windows[2 * w + 1]! + 1);
      let inWindow = 0;
      for (let b = windows[2 * w]!; b <= windows[2 * w + 1]!; b++) inWindow += counts[b]!;
      this.#kept.push(new Float64Array(Math.ceil(inWindow * scaleUp * 1.25) + 64));
    }
    this.#windows = windows;
    this.#slotOf = slotOf;
    for (const piece of this.#early) this.#keep(piece, false);
    this.#early = [];
  }

  /** Counts (unless counted already) and keeps the values of `piece` that fall in a window. */
  #keep(piece: Float64Array, count: boolean): void {
    const { a, scale, last } = this.#range!;
    const counts = this.#counts!;
    const slotOf = this.#slotOf!;
    const fill = this.#fill;
    const nan = last + 1;
    let kept = this.#kept;
    for (let i = 0; i < piece.length; i++) {
      const x = piece[i]!;
      const y = (x - a) * scale;
      const b = y >= 0 ? (y < last ? y | 0 : last) : y < 0 ? 0 : nan;
      if (count) counts[b]!++;
      const s = slotOf[b]! - 1;
      if (s >= 0) {
        if (fill[s] === kept[s]!.length) {
          const grown = new Float64Array(2 * kept[s]!.length);
          grown.set(kept[s]!);
          kept[s] = grown;
          kept = this.#kept;
        }
        kept[s]![fill[s]!++] = x;
      }
    }
  }

  /** Quantiles of the added values, given as `pieces` (every added piece once, in any order). */
  quantiles(
    pieces: readonly Float64Array[],
    qs: readonly number[],
    buffers = new SelectionBuffers(),
  ): number[] {
    let count = 0;
    for (const piece of pieces) count += piece.length;
    if (count !== this.#count)
      throw new Error(`QuantileCounter: ${count} values given, ${this.#count} counted`);
    const range = this.#range;
    const counts = this.#counts;
    if (!range || !counts) return quantilesOfSegments(pieces, qs, buffers);
    return quantilesBy(
      pieces,
      count,
      qs,
      buffers,
      (ranks, got) =>
        this.#fromKept(ranks, got, buffers) ??
        histogramSelect(pieces, ranks, range.a, range.scale, range.last, got, buffers, 0, counts),
    );
  }

  /** The order statistics from the kept values, or undefined when a rank's bucket is outside the windows. */
  #fromKept(ranks: Int32Array, out: Float64Array, buffers: SelectionBuffers): boolean | undefined {
    const windows = this.#windows;
    const range = this.#range!;
    const counts = this.#counts!;
    if (!windows || counts[range.last + 1] !== 0) return undefined;
    const windowOf = (bucket: number) => {
      for (let w = 0; 2 * w < windows.length; w++)
        if (windows[2 * w]! <= bucket && bucket <= windows[2 * w + 1]!) return w;
      return -1;
    };
    const bucketOfRank = new Int32Array(ranks.length);
    const localRank = new Int32Array(ranks.length);
    let bucket = 0;
    let before = 0;
    for (let r = 0; r < ranks.length; r++) {
      const rank = ranks[r]!;
      while (before + counts[bucket]! <= rank) before += counts[bucket++]!;
      if (windowOf(bucket) < 0) return undefined;
      bucketOfRank[r] = bucket;
      localRank[r] = rank - before;
    }
    const { a, scale, last } = range;
    for (let r = 0; r < ranks.length; ) {
      const target = bucketOfRank[r]!;
      const w = windowOf(target);
      const kept = this.#kept[w]!;
      // the target bucket's values (all of them: the window kept every value of its buckets)
      const part = new Float64Array(counts[target]!);
      let k = 0;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < this.#fill[w]!; i++) {
        const x = kept[i]!;
        const y = (x - a) * scale;
        if ((y >= 0 ? (y < last ? y | 0 : last) : 0) === target) {
          part[k++] = x;
          if (x < min) min = x;
          if (x > max) max = x;
        }
      }
      if (k !== part.length) return undefined; // (cannot happen: every value of a window's buckets is kept)
      if (min <= 0 && max >= 0 && hasBothZeros([part])) return false;
      let end = r;
      while (end < ranks.length && bucketOfRank[end] === target) end++;
      const got = new Float64Array(end - r);
      selectInPlace(part, localRank.subarray(r, end), got, buffers.next(), 1, min, max);
      out.set(got, r);
      r = end;
    }
    return true;
  }
}

/**
 * The type-7 quantiles of `count` values from their order statistics, which `select` writes for the sorted
 * ranks; when it returns false, from the earlier implementation's quickselect on a copy instead.
 */
function quantilesBy(
  segments: readonly Float64Array[],
  count: number,
  qs: readonly number[],
  buffers: SelectionBuffers,
  select: (ranks: Int32Array, got: Float64Array) => boolean,
): number[] {
  if (count === 0) return qs.map(() => Number.NaN);
  const ranks = new Int32Array(2 * qs.length);
  qs.forEach((q, k) => {
    const lo = Math.floor((count - 1) * q);
    ranks[2 * k] = lo;
    ranks[2 * k + 1] = Math.min(count - 1, lo + 1);
  });
  ranks.sort();
  const got = new Float64Array(ranks.length);
  if (!select(ranks, got)) {
    // the earlier implementation, verbatim: quickselect on a copy
    if (buffers.copy.length < count) buffers.copy = new Float64Array(count);
    const a = buffers.copy;
    let at = 0;
    for (const seg of segments) {
      a.set(seg, at);
      at += seg.length;
    }
    multiSelect(a, 0, count - 1, Array.from(ranks), 0, ranks.length - 1);
    for (let r = 0; r < ranks.length; r++) got[r] = a[ranks[r]!]!;
  }
  return qs.map((q) => {
    const h = (count - 1) * q;
    const lo = Math.floor(h);
    const x = got[ranks.indexOf(lo)]!;
    if (h === lo || lo + 1 >= count) return x;
    const y = got[ranks.indexOf(lo + 1)]!;
    return x === y ? x : x + (h - lo) * (y - x);
  });
}

/** Values read, evenly spaced, to place the top-level histogram's range. */
const SAMPLE = 64;
/** Levels below the top before a bucket is resolved by quickselect. */
const MAX_DEPTH = 4;
/** Buckets of at most this many values are sorted rather than split again. */
const SORT_AT_MOST = 24;
/** Parts larger than this are checked for a value that fills half of them. */
const MODE_CHECK_ABOVE = 64;
/** Values looked at, evenly spaced, to find such a value. */
const MODE_PROBES = 15;

/**
 * Writes the `ranks[i]`-th smallest value (ranks ascending) of the concatenated segments to `out[i]`.
 * The top-level buckets split [a, b], the range of {@link SAMPLE} evenly spaced values (≈ the 1.5th … 98.5th
 * percentiles); values outside it are counted in the first or last bucket, so heavy tails do not squeeze the
 * bulk into a few buckets (the map stays monotone in x whatever the range). Returns false (the caller then
 * uses quickselect) when the data holds a NaN, or both +0 and −0 in a bucket that holds a wanted rank.
 */
function selectRanks(
  segments: readonly Float64Array[],
  count: number,
  ranks: Int32Array,
  out: Float64Array,
  buffers: SelectionBuffers,
): boolean {
  const range = histogramRange(segments, count, count);
  if (range) return histogramSelect(segments, ranks, range.a, range.scale, range.last, out, buffers, 0);
  // one finite value (or none) in the sample: the full range
  let a = Number.POSITIVE_INFINITY;
  let b = Number.NEGATIVE_INFINITY;
  let below = 0;
  let above = 0;
  for (const seg of segments)
    for (let i = 0; i < seg.length; i++) {
      const x = seg[i]!;
      if (x - x === 0) {
        if (x < a) a = x;
        if (x > b) b = x;
      } else if (x === Number.NEGATIVE_INFINITY) below++;
      else if (x === Number.POSITIVE_INFINITY) above++;
      else return false; // NaN
    }
  if (a < b) {
    const last = bucketCount(count) - 1;
    const scale = scaleOf(a, b, last);
    if (scale === undefined) return false;
    return histogramSelect(segments, ranks, a, scale, last, out, buffers, 0);
  }
  // −∞ …, one finite value …, +∞ …
  for (let r = 0; r < ranks.length; r++) {
    const rank = ranks[r]!;
    out[r] = rank < below ? Number.NEGATIVE_INFINITY : rank < count - above ? a : Number.POSITIVE_INFINITY;
  }
  return !(a === 0 && out.includes(0) && hasBothZeros(segments));
}

/** A top-level histogram's buckets: x goes to ⌊(x − a)·scale⌋ clamped to [0, last]. */
interface HistogramRange {
  a: number;
  scale: number;
  last: number;
}

/**
 * Buckets over [a, b], the range of {@link SAMPLE} evenly spaced finite values of the segments (≈ the 1.5th …
 * 98.5th percentiles), for `total` values in all; undefined when the sample has fewer than two distinct
 * finite values (or the range cannot be scaled).
 */
function histogramRange(
  segments: readonly Float64Array[],
  count: number,
  total: number,
): HistogramRange | undefined {
  let a = Number.POSITIVE_INFINITY;
  let b = Number.NEGATIVE_INFINITY;
  const step = Math.max(1, Math.floor(count / SAMPLE));
  let offset = 0;
  for (const seg of segments) {
    for (let i = (step - (offset % step)) % step; i < seg.length; i += step) {
      const x = seg[i]!;
      if (x - x === 0) {
        if (x < a) a = x;
        if (x > b) b = x;
      }
    }
    offset += seg.length;
  }
  if (!(a < b)) return undefined;
  const last = bucketCount(total) - 1;
  const scale = scaleOf(a, b, last);
  return scale === undefined ? undefined : { a, scale, last };
}

/** `last / (b − a)`, at half scale when b − a overflows (still monotone); undefined if that fails too. */
function scaleOf(a: number, b: number, last: number): number | undefined {
  let scale = last / (b - a);
  if (!Number.isFinite(scale)) scale = last / (b / 2 - a / 2) / 2;
  return Number.isFinite(scale) && scale > 0 ? scale : undefined;
}

/** Buckets for n values: about 2 values a bucket, 16 … 4,096. */
function bucketCount(n: number): number {
  let b = 16;
  while (b < 4096 && b * 2 < n) b *= 2;
  return b;
}

/**
 * One histogram level: the bucket of x is ⌊(x − a)·scale⌋ clamped to [0, last] (monotone in x; a NaN is
 * counted apart, and the level returns false), counted here unless `counted` holds the counts already; the
 * buckets holding a wanted rank are gathered, with their
 * minimum and maximum, and resolved by {@link selectInPlace}. At the top (depth 0), a bucket that may hold
 * zeros holds every zero of the data: both signs there return false.
 */
function histogramSelect(
  segments: readonly Float64Array[],
  ranks: Int32Array,
  a: number,
  scale: number,
  last: number,
  out: Float64Array,
  L: SelectionBuffers,
  depth: number,
  counted?: Int32Array,
): boolean {
  if (L.counts.length < last + 2) {
    L.counts = new Int32Array(last + 2);
    L.slotOf = new Int8Array(last + 2);
  }
  const counts: Int32Array = counted ?? L.counts;
  if (!counted) {
    counts.fill(0, 0, last + 2);
    for (const seg of segments) countBuckets(seg, counts, a, scale, last);
  }
  if (counts[last + 1] !== 0) return false;

  // each rank's bucket (a slot per distinct bucket) and its rank inside it
  L.fit(ranks.length);
  const { rankSlot, localRank, slotBucket, slotStart, slotFill, slotMin, slotMax, slotOf } = L;
  let slots = 0;
  let bucket = 0;
  let before = 0;
  slotStart[0] = 0;
  for (let r = 0; r < ranks.length; r++) {
    const rank = ranks[r]!;
    while (before + counts[bucket]! <= rank) before += counts[bucket++]!;
    if (slots === 0 || slotBucket[slots - 1] !== bucket) {
      slotBucket[slots] = bucket;
      slotFill[slots] = slotStart[slots]!;
      slotMin[slots] = Number.POSITIVE_INFINITY;
      slotMax[slots] = Number.NEGATIVE_INFINITY;
      slotStart[slots + 1] = slotStart[slots]! + counts[bucket]!;
      slots++;
    }
    rankSlot[r] = slots - 1;
    localRank[r] = rank - before;
  }
  const picked = slotStart[slots]!;
  if (L.pick.length < picked) L.pick = new Float64Array(Math.max(picked, 2 * L.pick.length));
  const pick = L.pick;
  for (let s = 0; s < slots; s++) slotOf[slotBucket[s]!] = s + 1;
  for (const seg of segments) gatherBuckets(seg, slotOf, pick, slotFill, slotMin, slotMax, a, scale, last);
  for (let s = 0; s < slots; s++) slotOf[slotBucket[s]!] = 0;

  const next = L.next();
  for (let s = 0; s < slots; s++) {
    const part = pick.subarray(slotStart[s]!, slotStart[s + 1]!);
    if (depth === 0 && slotMin[s]! <= 0 && slotMax[s]! >= 0 && hasBothZeros([part])) return false;
    let k = 0;
    for (let r = 0; r < ranks.length; r++) if (rankSlot[r] === s) L.subRanks[k++] = localRank[r]!;
    const sub = L.subRanks.subarray(0, k);
    const got = L.subOut.subarray(0, k);
    selectInPlace(part, sub, got, next, depth + 1, slotMin[s]!, slotMax[s]!);
    k = 0;
    for (let r = 0; r < ranks.length; r++) if (rankSlot[r] === s) out[r] = got[k++]!;
  }
  return true;
}

/** Pass 1 of a level: counts per bucket, NaN in `counts[last + 1]`. */
function countBuckets(seg: Float64Array, counts: Int32Array, a: number, scale: number, last: number): void {
  const nan = last + 1;
  for (let i = 0; i < seg.length; i++) {
    const y = (seg[i]! - a) * scale;
    counts[y >= 0 ? (y < last ? y | 0 : last) : y < 0 ? 0 : nan]!++;
  }
}

/** Pass 2 of a level: the values of the marked buckets (`slotOf` = slot + 1) into their slots of `pick`. */
function gatherBuckets(
  seg: Float64Array,
  slotOf: Int8Array,
  pick: Float64Array,
  fill: Int32Array,
  min: Float64Array,
  max: Float64Array,
  a: number,
  scale: number,
  last: number,
): void {
  for (let i = 0; i < seg.length; i++) {
    const x = seg[i]!;
    const y = (x - a) * scale;
    const s = slotOf[y >= 0 ? (y < last ? y | 0 : last) : 0]! - 1;
    if (s >= 0) {
      pick[fill[s]!++] = x;
      if (x < min[s]!) min[s] = x;
      if (x > max[s]!) max[s] = x;
    }
  }
}

/**
 * The `ranks` (ascending) order statistics of `a` (no NaN; rearranged), whose minimum and maximum are given,
 * into `out`: one value when min = max; a sort when small; else the infinities are moved to the ends, a value
 * that fills half of `a` is split off ({@link splitAround}), or the next histogram level splits [min, max];
 * quickselect past MAX_DEPTH levels.
 */
function selectInPlace(
  a: Float64Array,
  ranks: Int32Array,
  out: Float64Array,
  L: SelectionBuffers,
  depth: number,
  min: number,
  max: number,
): void {
  const n = a.length;
  if (min === max) {
    out.fill(min);
    return;
  }
  if (n <= SORT_AT_MOST) {
    insertionSort(a);
    for (let r = 0; r < ranks.length; r++) out[r] = a[ranks[r]!]!;
    return;
  }
  if (min - min !== 0 || max - max !== 0) {
    selectWithInfinities(a, ranks, out, L, depth);
    return;
  }
  const last = bucketCount(n) - 1;
  const scale = last / (max - min);
  if (depth > MAX_DEPTH || !(Number.isFinite(scale) && scale > 0)) {
    multiSelect(a, 0, n - 1, Array.from(ranks), 0, ranks.length - 1);
    for (let r = 0; r < ranks.length; r++) out[r] = a[ranks[r]!]!;
    return;
  }
  if (n > MODE_CHECK_ABOVE) {
    const mode = dominantValue(a);
    if (!Number.isNaN(mode)) {
      splitAround(a, mode, ranks, out, L, depth);
      return;
    }
  }
  histogramSelect([a], ranks, min, scale, last, out, L, depth);
}

/** {@link selectInPlace} for `a` holding ±∞: −∞ moved first, +∞ last, the finite values resolved between. */
function selectWithInfinities(
  a: Float64Array,
  ranks: Int32Array,
  out: Float64Array,
  L: SelectionBuffers,
  depth: number,
): void {
  const n = a.length;
  let lo = 0;
  let w = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    if (x === Number.NEGATIVE_INFINITY) lo++;
    else if (x - x === 0) {
      a[w++] = x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
  }
  const hi = n - lo - w;
  a.copyWithin(lo, 0, w);
  a.fill(Number.NEGATIVE_INFINITY, 0, lo);
  a.fill(Number.POSITIVE_INFINITY, n - hi, n);
  const inner: number[] = [];
  for (const k of ranks) if (k >= lo && k < n - hi) inner.push(k - lo);
  const got = new Float64Array(inner.length);
  if (inner.length > 0)
    selectInPlace(a.subarray(lo, n - hi), Int32Array.from(inner), got, L, depth, min, max);
  for (let r = 0, g = 0; r < ranks.length; r++) {
    const k = ranks[r]!;
    out[r] = k < lo ? Number.NEGATIVE_INFINITY : k >= n - hi ? Number.POSITIVE_INFINITY : got[g++]!;
  }
}

/** A value that is at least 8 of {@link MODE_PROBES} evenly spaced values of `a`, or NaN. */
function dominantValue(a: Float64Array): number {
  const step = Math.floor(a.length / MODE_PROBES);
  for (let i = 0; i < MODE_PROBES - 7; i++) {
    const v = a[i * step]!;
    let same = 1;
    for (let j = i + 1; j < MODE_PROBES; j++) if (a[j * step] === v) same++;
    if (same >= 8) return v;
  }
  return Number.NaN;
}

/**
 * {@link selectInPlace} for `a` dominated by the value `v` (a floor, a cap, a common value): one pass moves
 * the values below v to the front of `a` and those above it to `L.side`, with their ranges; a rank among the
 * copies of v is v, the others are resolved on their side. (Zeros of both signs count as one value here; the
 * top level has checked them.)
 */
function splitAround(
  a: Float64Array,
  v: number,
  ranks: Int32Array,
  out: Float64Array,
  L: SelectionBuffers,
  depth: number,
): void {
  const n = a.length;
  if (L.side.length < n) L.side = new Float64Array(Math.max(n, 2 * L.side.length));
  const side = L.side;
  let lo = 0;
  let hi = 0;
  let loMin = Number.POSITIVE_INFINITY;
  let loMax = Number.NEGATIVE_INFINITY;
  let hiMin = Number.POSITIVE_INFINITY;
  let hiMax = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    if (x === v) continue;
    if (x < v) {
      a[lo++] = x;
      if (x < loMin) loMin = x;
      if (x > loMax) loMax = x;
    } else {
      side[hi++] = x;
      if (x < hiMin) hiMin = x;
      if (x > hiMax) hiMax = x;
    }
  }
  const from = n - hi; // the first rank above v
  const lower: number[] = [];
  const upper: number[] = [];
  for (const k of ranks) {
    if (k < lo) lower.push(k);
    else if (k >= from) upper.push(k - from);
  }
  const next = L.next();
  const gotLower = new Float64Array(lower.length);
  const gotUpper = new Float64Array(upper.length);
  if (lower.length > 0)
    selectInPlace(a.subarray(0, lo), Int32Array.from(lower), gotLower, next, depth + 1, loMin, loMax);
  if (upper.length > 0)
    selectInPlace(side.subarray(0, hi), Int32Array.from(upper), gotUpper, next, depth + 1, hiMin, hiMax);
  for (let r = 0, l = 0, u = 0; r < ranks.length; r++) {
    const k = ranks[r]!;
    out[r] = k < lo ? gotLower[l++]! : k >= from ? gotUpper[u++]! : v;
  }
}

function insertionSort(a: Float64Array): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}

/** Whether the pieces hold both +0 and −0. */
function hasBothZeros(pieces: readonly Float64Array[]): boolean {
  let positive = false;
  let negative = false;
  for (const a of pieces)
    for (let i = 0; i < a.length; i++)
      if (a[i] === 0) {
        if (Object.is(a[i], -0)) negative = true;
        else positive = true;
      }
  return positive && negative;
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
    partition(a, left, right);
    const i = bounds[0]!;
    const j = bounds[1]!;
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

/** {@link compensatedMean} of the values of `pieces` taken in order, as if concatenated (the same bits). */
export function compensatedMeanOf(pieces: readonly ArrayLike<number>[]): number {
  const sum = new CompensatedSum();
  for (const values of pieces) sum.add(values);
  return sum.mean();
}

/** The running state of {@link compensatedMean}: values added piece by piece, in order, give the same bits. */
export class CompensatedSum {
  sum = 0;
  comp = 0;
  count = 0;

  add(values: ArrayLike<number>): void {
    let sum = this.sum;
    let comp = this.comp;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      const t = sum + x;
      if (Math.abs(sum) >= Math.abs(x)) comp += sum - t + x;
      else comp += x - t + sum;
      sum = t;
    }
    this.sum = sum;
    this.comp = comp;
    this.count += values.length;
  }

  mean(): number {
    return this.count === 0 ? Number.NaN : (this.sum + this.comp) / this.count;
  }
}
