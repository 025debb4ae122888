// Exact order statistics of double arrays (select.h), by sample brackets: a sorted stratified sample of the
// data predicts, for each wanted rank, two values that bound it with high probability; one read-only pass then
// counts the values at or below each lower bound and collects those strictly between the bounds (ties at either
// bound are counted, never copied), and each rank is resolved inside its small bucket. When the sample misleads
// (a rank outside its bracket) those ranks are selected by a three-way quickselect on a copy of all values.
// An order statistic is a value of the data, so any exact method gives the same number: the brackets change
// only the work. Requires no NaN (unordered) and no −0 next to +0 (equal, yet different bits); infinities are
// ordered like numbers, and the open ends of the outer brackets (±∞) count them as ties.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>

#include "select.h"
#include "vec.h"

namespace mullet {

namespace {

/** Sample brackets per wanted rank: K standard deviations of the sample rank, plus one. */
constexpr double K = 3.0;
/** At most this many values: gathered and quickselected (a sample would cost more than it saves). */
constexpr size_t SMALL = 256;
/** Buckets at least this big are bracketed again; smaller ones are quickselected. */
constexpr size_t REBRACKET = 2048;
/** Brackets per pass over the data (their bounds stay in registers). */
constexpr int PER_PASS = 4;
constexpr int MAX_DEPTH = 3;
/**
 * The sample is taken in runs of this many consecutive values (two cache lines): the data is usually not in
 * cache yet, and single values scattered over a 32 KB row cost a memory latency each (measured: the sample
 * then took a quarter of the time).
 */
constexpr size_t SAMPLE_RUN = 16;

/** Bump allocator of thread_local scratch: sized once per call (untouched pages cost nothing). */
struct Arena {
  std::unique_ptr<double[]> base;
  size_t cap = 0, top = 0;
  void reserve(size_t n) {
    if (n > cap) {
      base.reset(new double[n]);  // not value-initialized: pages are only touched where written
      cap = n;
    }
    top = 0;
  }
  double* take(size_t n) {
    double* p = base.get() + top;
    top += (n + 7) & ~size_t(7);
    return p;
  }
};

thread_local Arena arena;

/** Values of a[0…n) below `pivot` into lt, above into gt (each with 8 slots of slack); returns the counts. */
void partition3(const double* a, size_t n, double pivot, double* lt, size_t& nlt, double* gt, size_t& ngt) {
  nlt = 0;
  ngt = 0;
  size_t i = 0;
#ifdef MULLET_AVX512
  const __m512d p = _mm512_set1_pd(pivot);
  for (; i + 8 <= n; i += 8) {
    const __m512d v = _mm512_loadu_pd(a + i);
    const __mmask8 below = _mm512_cmp_pd_mask(v, p, _CMP_LT_OQ);
    const __mmask8 above = _mm512_cmp_pd_mask(v, p, _CMP_GT_OQ);
    // compress into a register, then a full store: compress straight to memory is slow on some CPUs
    _mm512_storeu_pd(lt + nlt, _mm512_maskz_compress_pd(below, v));
    _mm512_storeu_pd(gt + ngt, _mm512_maskz_compress_pd(above, v));
    nlt += size_t(__builtin_popcount(below));
    ngt += size_t(__builtin_popcount(above));
  }
#endif
  for (; i < n; i++) {
    const double x = a[i];
    if (x < pivot) lt[nlt++] = x;
    else if (x > pivot) gt[ngt++] = x;
  }
}

double median3(double x, double y, double z) {
  if (x > y) std::swap(x, y);
  if (y > z) std::swap(y, z);
  return x > y ? x : y;
}

/**
 * The values of ranks[0…R) (ascending, < n) of a[0…n) into got; a is reordered. `scratch` holds 2n + 16.
 * The general case (any ranks); buckets use selectRun.
 */
void multiSelect(double* a, size_t n, const size_t* ranks, int R, double* got, double* scratch, int depth) {
  if (R == 0) return;
  if (n <= 48 || depth > 64) {
    std::sort(a, a + n);
    for (int r = 0; r < R; r++) got[r] = a[ranks[r]];
    return;
  }
  // median of three spread values as pivot (deterministic: the same data gives the same work)
  const double pivot = median3(a[0], a[n / 2], a[n - 1]);
  double* lt = scratch;
  double* gt = scratch + n + 8;
  size_t nlt, ngt;
  partition3(a, n, pivot, lt, nlt, gt, ngt);
  const size_t neq = n - nlt - ngt;
  std::copy_n(lt, nlt, a);
  std::fill_n(a + nlt, neq, pivot);
  std::copy_n(gt, ngt, a + nlt + neq);
  int r = 0;
  while (r < R && ranks[r] < nlt) r++;
  multiSelect(a, nlt, ranks, r, got, scratch, depth + 1);
  while (r < R && ranks[r] < nlt + neq) got[r++] = pivot;
  size_t shifted[16];
  const int r1 = r;
  for (; r < R; r++) shifted[r - r1] = ranks[r] - (nlt + neq);
  multiSelect(a + nlt + neq, ngt, shifted, R - r1, got + r1, scratch, depth + 1);
}

double minOf(const double* a, size_t n) {
  double m = a[0];
  for (size_t i = 1; i < n; i++) m = a[i] < m ? a[i] : m;
  return m;
}

double maxOf(const double* a, size_t n) {
  double m = a[0];
  for (size_t i = 1; i < n; i++) m = a[i] > m ? a[i] : m;
  return m;
}

/**
 * Ranks k and, when `two`, k + 1 of a[0…n) (read only) into got: a quickselect that partitions back and forth
 * between buf0 and buf1 (2n + 16 each), never copying back. A pair split by a pivot needs only a maximum or a
 * minimum of one side.
 */
void selectRun(const double* a, size_t n, size_t k, bool two, double* got, double* buf0, double* buf1) {
  double* dst = buf0;
  double* spare = buf1;
  for (int depth = 0;; depth++) {
    if (n <= 16 || depth > 64) {
      std::copy_n(a, n, dst);
      std::sort(dst, dst + n);
      got[0] = dst[k];
      if (two) got[1] = dst[k + 1];
      return;
    }
    const double pivot = median3(a[0], a[n / 2], a[n - 1]);
    size_t nlt, ngt;
    partition3(a, n, pivot, dst, nlt, dst + n + 8, ngt);
    const size_t above = n - ngt;  // first rank above the pivot
    const size_t last = k + two;
    if (last < nlt) {
      a = dst;
      n = nlt;
    } else if (k >= above) {
      a = dst + n + 8;
      k -= above;
      n = ngt;
    } else {
      got[0] = k < nlt ? maxOf(dst, nlt) : pivot;
      if (two) got[1] = last >= above ? minOf(dst + n + 8, ngt) : pivot;
      return;
    }
    std::swap(dst, spare);
  }
}

/** In-place ascending sort of a[0…m), m a power of two ≥ 8 (a bitonic network: no branches on the data). */
void sortSample(double* a, size_t m) {
#ifdef MULLET_AVX512
  const size_t V = m / 8;
  // lanes whose partner (lane ^ j) is below them: they take the maximum in an ascending block
  const __mmask8 upper[8] = {0, 0xAA, 0xCC, 0, 0xF0, 0, 0, 0};
  const __m512i partner[8] = {_mm512_setzero_si512(), _mm512_set_epi64(6, 7, 4, 5, 2, 3, 0, 1),
                              _mm512_set_epi64(5, 4, 7, 6, 1, 0, 3, 2), _mm512_setzero_si512(),
                              _mm512_set_epi64(3, 2, 1, 0, 7, 6, 5, 4), _mm512_setzero_si512(),
                              _mm512_setzero_si512(), _mm512_setzero_si512()};
  for (size_t k = 2; k <= m; k <<= 1) {
    for (size_t j = k >> 1; j >= 8; j >>= 1) {
      const size_t jv = j / 8;
      for (size_t x = 0; x < V; x++) {
        const size_t y = x ^ jv;
        if (y < x) continue;
        const __m512d u = _mm512_loadu_pd(a + 8 * x), w = _mm512_loadu_pd(a + 8 * y);
        const __m512d lo = _mm512_maskz_min_pd(0xFF, u, w), hi = _mm512_maskz_max_pd(0xFF, u, w);
        const bool descending = (8 * x) & k;
        _mm512_storeu_pd(a + 8 * x, descending ? hi : lo);
        _mm512_storeu_pd(a + 8 * y, descending ? lo : hi);
      }
    }
    for (size_t x = 0; x < V; x++) {
      __m512d v = _mm512_loadu_pd(a + 8 * x);
      const __mmask8 descending = k < 8 ? upper[k] : ((8 * x) & k) ? 0xFF : 0;
      for (size_t j = std::min<size_t>(k >> 1, 4); j >= 1; j >>= 1) {
        const __m512d p = _mm512_maskz_permutexvar_pd(0xFF, partner[j], v);
        v = _mm512_mask_blend_pd(upper[j] ^ descending, _mm512_maskz_min_pd(0xFF, v, p), _mm512_maskz_max_pd(0xFF, v, p));
      }
      _mm512_storeu_pd(a + 8 * x, v);
    }
  }
#else
  std::sort(a, a + m);
#endif
}

/**
 * A bracket [lo, hi]: the values below lo, at most lo and at most hi are counted, those strictly between are
 * collected into bucket (size). Ties at either end are never copied: the data's floors and ceilings (a zero
 * hash share, cash at its floor) would fill the buckets. A point bracket (lo = hi) only counts.
 */
struct Bracket {
  double lo, hi;
  size_t lt, le, leHi, size;  // lt and leHi: SIZE_MAX until counted (countEnds)
  double* bucket;
};

/** fpclass categories NaN (quiet, signalling) and −0: data that needs a closer look. */
constexpr int ODD = 0x01 | 0x80 | 0x04;

/**
 * The pass: fills the counts and buckets of br[0…B) from the pieces; returns whether a NaN or a
 * −0 was seen (the counts are then meaningless or need the zeros checked).
 */
template <int B>
bool bracketPass(const Piece* pieces, size_t count, Bracket* br) {
  // counts of v < lo (point brackets only) and v > lo
  size_t below[B] = {}, over[B] = {}, fill[B] = {};
  bool point[B];
  double* bucket[B];  // local copies: a store through br[b].bucket might alias br, forcing reloads
  for (int b = 0; b < B; b++) {
    point[b] = br[b].lo == br[b].hi;
    bucket[b] = br[b].bucket;
  }
  bool odd = false;
#ifdef MULLET_AVX512
  __m512d lo[B], hi[B];
  __m512i vBelow[B], vOver[B];
  for (int b = 0; b < B; b++) {
    lo[b] = _mm512_set1_pd(br[b].lo);
    hi[b] = _mm512_set1_pd(br[b].hi);
    vBelow[b] = vOver[b] = _mm512_setzero_si512();
  }
  // counted in vector lanes (subtracting −1): only the bucket's fill needs a scalar popcount (store address)
  const __m512i minusOne = _mm512_set1_epi64(-1);
  __mmask8 oddLanes = 0;
#endif
  for (size_t p = 0; p < count; p++) {
    const double* a = pieces[p].values;
    const size_t n = pieces[p].count;
    size_t i = 0;
#ifdef MULLET_AVX512
    for (; i + 8 <= n; i += 8) {
      const __m512d v = _mm512_loadu_pd(a + i);
      oddLanes |= _mm512_fpclass_pd_mask(v, ODD);
      for (int b = 0; b < B; b++) {
        const __mmask8 gt = _mm512_cmp_pd_mask(v, lo[b], _CMP_GT_OQ);
        vOver[b] = _mm512_mask_sub_epi64(vOver[b], gt, vOver[b], minusOne);
        if (point[b]) {
          const __mmask8 lt = _mm512_cmp_pd_mask(v, lo[b], _CMP_LT_OQ);
          vBelow[b] = _mm512_mask_sub_epi64(vBelow[b], lt, vBelow[b], minusOne);
          continue;
        }
        const __mmask8 in = _mm512_mask_cmp_pd_mask(gt, v, hi[b], _CMP_LT_OQ);
        _mm512_storeu_pd(bucket[b] + fill[b], _mm512_maskz_compress_pd(in, v));
        fill[b] += size_t(__builtin_popcount(in));
      }
    }
#endif
    for (; i < n; i++) {
      const double x = a[i];
      odd |= x != x || (x == 0 && std::signbit(x));
      for (int b = 0; b < B; b++) {
        below[b] += point[b] && x < br[b].lo;
        over[b] += x > br[b].lo;
        if (x > br[b].lo && x < br[b].hi) bucket[b][fill[b]++] = x;
      }
    }
  }
  size_t n = 0;
  for (size_t p = 0; p < count; p++) n += pieces[p].count;
  for (int b = 0; b < B; b++) {
#ifdef MULLET_AVX512
    int64_t lanes[2][8];
    _mm512_storeu_si512(lanes[0], vBelow[b]);
    _mm512_storeu_si512(lanes[1], vOver[b]);
    for (int l = 0; l < 8; l++) {
      below[b] += size_t(lanes[0][l]);
      over[b] += size_t(lanes[1][l]);
    }
#endif
    br[b].le = n - over[b];
    br[b].size = fill[b];
    // an open bracket's ends are counted only if a rank falls outside its bucket (they rarely do)
    br[b].lt = point[b] ? below[b] : SIZE_MAX;
    br[b].leHi = point[b] ? br[b].le : SIZE_MAX;
  }
#ifdef MULLET_AVX512
  odd |= oddLanes != 0;
#endif
  return odd;
}

/** Counts the values below k.lo and at most k.hi into k.lt and k.leHi. */
void countEnds(const Piece* pieces, size_t count, Bracket& k) {
  size_t below = 0, over = 0;
  for (size_t p = 0; p < count; p++) {
    const double* a = pieces[p].values;
    const size_t n = pieces[p].count;
    size_t i = 0;
#ifdef MULLET_AVX512
    const __m512d lo = _mm512_set1_pd(k.lo), hi = _mm512_set1_pd(k.hi);
    const __m512i minusOne = _mm512_set1_epi64(-1);
    __m512i vBelow = _mm512_setzero_si512(), vOver = _mm512_setzero_si512();
    for (; i + 8 <= n; i += 8) {
      const __m512d v = _mm512_loadu_pd(a + i);
      vBelow = _mm512_mask_sub_epi64(vBelow, _mm512_cmp_pd_mask(v, lo, _CMP_LT_OQ), vBelow, minusOne);
      vOver = _mm512_mask_sub_epi64(vOver, _mm512_cmp_pd_mask(v, hi, _CMP_GT_OQ), vOver, minusOne);
    }
    int64_t lanes[2][8];
    _mm512_storeu_si512(lanes[0], vBelow);
    _mm512_storeu_si512(lanes[1], vOver);
    for (int l = 0; l < 8; l++) {
      below += size_t(lanes[0][l]);
      over += size_t(lanes[1][l]);
    }
#endif
    for (; i < n; i++) {
      below += a[i] < k.lo;
      over += a[i] > k.hi;
    }
  }
  size_t n = 0;
  for (size_t p = 0; p < count; p++) n += pieces[p].count;
  k.lt = below;
  k.leHi = n - over;
}

/** True when the pieces hold no NaN and not both +0 and −0. */
bool plain(const Piece* pieces, size_t count) {
  bool ordered = true, plus = false, minus = false;
  for (size_t p = 0; p < count; p++)
    for (size_t i = 0; i < pieces[p].count; i++) {
      const double x = pieces[p].values[i];
      ordered &= x == x;
      plus |= x == 0 && !std::signbit(x);
      minus |= x == 0 && std::signbit(x);
    }
  return ordered && !(plus && minus);
}

/** All values of the pieces into out. */
void gather(const Piece* pieces, size_t count, double* out) {
  for (size_t p = 0; p < count; p++) out = std::copy_n(pieces[p].values, pieces[p].count, out);
}

/** Sample size for n values: about 2√n (128 for 4,096, 1,024 for 100,000), a power of two in [64, 1024]. */
size_t sampleSize(size_t n) {
  size_t m = 64;
  while (m < 1024 && m * m < 4 * n) m <<= 1;
  return m;
}

/**
 * Ranks ranks[0…R) (ascending, distinct, < n) of the n values in pieces into got. With `check`, false when the
 * values hold a NaN or both signed zeros (got is then undefined).
 */
bool selectRanks(const Piece* pieces, size_t count, size_t n, const size_t* ranks, int R, double* got,
                 bool check, int depth) {
  const size_t mark = arena.top;
  if (n <= SMALL || depth >= MAX_DEPTH) {
    if (check && !plain(pieces, count)) return false;
    if (count == 1 && R <= 2 && (R == 1 || ranks[1] == ranks[0] + 1)) {
      selectRun(pieces[0].values, n, ranks[0], R == 2, got, arena.take(2 * n + 16), arena.take(2 * n + 16));
    } else {
      double* all = arena.take(n);
      gather(pieces, count, all);
      multiSelect(all, n, ranks, R, got, arena.take(2 * n + 16), 0);
    }
    arena.top = mark;
    return true;
  }
  // the sample: runs of SAMPLE_RUN consecutive values from the middle of m / SAMPLE_RUN equal strides, sorted
  const size_t m = sampleSize(n);
  double* sample = arena.take(m);
  {
    const size_t runs = m / SAMPLE_RUN, step = n / runs, extra = n % runs;
    size_t p = 0, start = 0, at = (step - SAMPLE_RUN) / 2, carry = 0;
    for (size_t s = 0; s < m; s += SAMPLE_RUN) {
      for (size_t j = 0; j < SAMPLE_RUN; j++) {
        while (at + j >= start + pieces[p].count) start += pieces[p++].count;
        sample[s + j] = pieces[p].values[at + j - start];
      }
      at += step;
      carry += extra;
      if (carry >= runs) {
        carry -= runs;
        at++;
      }
    }
  }
  sortSample(sample, m);
  // each rank's bracket as sample indices [lo, hi] (−1: −∞, m: +∞), merged where they overlap
  long blo[16], bhi[16];
  int first[17], B = 0;
  for (int r = 0; r < R; r++) {
    const double q = (double(ranks[r]) + 0.5) / double(n);
    const double at = q * double(m) - 0.5;
    const double d = K * std::sqrt(double(m) * q * (1 - q)) + 1;
    const long lo = std::max(long(std::floor(at - d)), -1L), hi = std::min(long(std::ceil(at + d)), long(m));
    if (B > 0 && lo <= bhi[B - 1]) {
      bhi[B - 1] = std::max(bhi[B - 1], hi);
    } else {
      blo[B] = lo;
      bhi[B] = hi;
      first[B++] = r;
    }
  }
  first[B] = R;
  size_t missed[16];
  int M = 0;
  bool checked = !check;
  for (int g = 0; g < B; g += PER_PASS) {
    const int G = std::min(PER_PASS, B - g);
    const size_t groupMark = arena.top;
    Bracket br[PER_PASS];
    for (int b = 0; b < G; b++) {
      br[b].lo = blo[g + b] < 0 ? -INFINITY : sample[blo[g + b]];
      br[b].hi = bhi[g + b] >= long(m) ? INFINITY : sample[bhi[g + b]];
      br[b].bucket = arena.take(n + 8);
    }
    bool odd = false;
    switch (G) {
      case 1: odd = bracketPass<1>(pieces, count, br); break;
      case 2: odd = bracketPass<2>(pieces, count, br); break;
      case 3: odd = bracketPass<3>(pieces, count, br); break;
      default: odd = bracketPass<4>(pieces, count, br); break;
    }
    if (!checked) {
      // −0 alone is fine (all zeros have the same bits); anything else odd is refused
      if (odd && !plain(pieces, count)) {
        arena.top = mark;
        return false;
      }
      checked = true;
    }
    for (int b = 0; b < G; b++) {
      Bracket& k = br[b];
      size_t local[16];
      int sel[16], S = 0;
      for (int r = first[g + b]; r < first[g + b + 1]; r++) {
        const size_t rank = ranks[r];
        if (rank >= k.le && rank < k.le + k.size) {
          local[S] = rank - k.le;
          sel[S++] = r;
          continue;
        }
        if (k.lt == SIZE_MAX) countEnds(pieces, count, k);
        if (rank < k.lt || rank >= k.leHi) missed[M++] = size_t(r);
        else got[r] = rank < k.le ? k.lo : k.hi;
      }
      if (S > 0) {
        double g2[16];
        const Piece bucket{k.bucket, k.size};
        if (k.size >= REBRACKET) {
          selectRanks(&bucket, 1, k.size, local, S, g2, false, depth + 1);
        } else if (S <= 2 && (S == 1 || local[1] == local[0] + 1)) {
          selectRun(k.bucket, k.size, local[0], S == 2, g2, arena.take(2 * k.size + 16),
                    arena.take(2 * k.size + 16));
        } else {
          multiSelect(k.bucket, k.size, local, S, g2, arena.take(2 * k.size + 16), 0);
        }
        for (int j = 0; j < S; j++) got[sel[j]] = g2[j];
      }
    }
    arena.top = groupMark;
  }
  if (M > 0) {
    // the sample misled: those ranks from a copy of everything
    size_t want[16];
    double g2[16];
    for (int j = 0; j < M; j++) want[j] = ranks[missed[j]];
    double* all = arena.take(n);
    gather(pieces, count, all);
    multiSelect(all, n, want, M, g2, arena.take(2 * n + 16), 0);
    for (int j = 0; j < M; j++) got[missed[j]] = g2[j];
  }
  arena.top = mark;
  return true;
}

}  // namespace

bool typeSevenOfPieces(const Piece* pieces, size_t count, const double* qs, size_t Q, double* out) {
  size_t n = 0;
  for (size_t p = 0; p < count; p++) n += pieces[p].count;
  if (n == 0 || Q > 8) return false;
  // ranks ⌊h⌋ and min(n − 1, ⌊h⌋ + 1) of each quantile, ascending, distinct
  size_t ranks[16];
  int R = 0;
  for (size_t k = 0; k < Q; k++) {
    const size_t low = size_t(std::floor(double(n - 1) * qs[k]));
    ranks[R++] = low;
    ranks[R++] = std::min(n - 1, low + 1);
  }
  std::sort(ranks, ranks + R);
  R = int(std::unique(ranks, ranks + R) - ranks);
  // the scratch any path may take: buckets and quickselect buffers at each level, a copy for misses
  arena.reserve(size_t(MAX_DEPTH) * (PER_PASS * (n + 8) + 1024) + 6 * n + 64);
  double got[16];
  if (!selectRanks(pieces, count, n, ranks, R, got, true, 0)) return false;
  for (size_t k = 0; k < Q; k++) {
    const double h = double(n - 1) * qs[k];
    const double lof = std::floor(h);
    const size_t low = size_t(lof);
    const double x = got[std::lower_bound(ranks, ranks + R, low) - ranks];
    double value = x;
    if (!(h == lof || low + 1 >= n)) {
      const double y = got[std::lower_bound(ranks, ranks + R, low + 1) - ranks];
      value = x == y ? x : x + (h - lof) * (y - x);
    }
    out[k] = value;
  }
  return true;
}

bool typeSevenQuantiles(const double* values, size_t n, const double* qs, size_t Q, double* out) {
  const Piece piece{values, n};
  return typeSevenOfPieces(&piece, 1, qs, Q, out);
}

}  // namespace mullet
