// bandRow: the monthly band percentiles of one sampled series (src/core/simulate/sample-summary.ts), exactly as
// quantile.ts defines them (type 7: order statistics ⌊h⌋ and ⌊h⌋+1, h = (n−1)·q, linearly interpolated, x when
// both are equal). An order statistic is a value of the data, so any exact selection gives the same number:
// here a three-way quickselect whose partition runs 8 values at a time without branches (AVX-512 compress).
// A month whose values hold a NaN, an infinity or both +0 and −0 (equal, yet different bits) is left to the
// JavaScript code: flags[t] = 1.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "kernel_napi.h"
#include "napi_util.h"
#include "select.h"
#include "vec.h"

namespace mullet {

namespace {

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

/**
 * The values of ranks[0…R) (ascending, < n) of a[0…n) into got; a is reordered. `scratch` holds 2n + 16.
 * Finite values only, no −0 next to +0: values equal as numbers are then the same bits.
 */
void multiSelect(double* a, size_t n, const size_t* ranks, int R, double* got, double* scratch, int depth) {
  if (R == 0) return;
  if (n <= 48 || depth > 64) {
    std::sort(a, a + n);
    for (int r = 0; r < R; r++) got[r] = a[ranks[r]];
    return;
  }
  // median of three spread values as pivot (deterministic: the same data gives the same work)
  double x = a[0], y = a[n / 2], z = a[n - 1];
  if (x > y) std::swap(x, y);
  if (y > z) std::swap(y, z);
  if (x > y) std::swap(x, y);
  const double pivot = y;
  double* lt = scratch;
  double* gt = scratch + n + 8;
  size_t nlt, ngt;
  partition3(a, n, pivot, lt, nlt, gt, ngt);
  const size_t neq = n - nlt - ngt;
  std::copy_n(lt, nlt, a);
  std::fill_n(a + nlt, neq, pivot);
  std::copy_n(gt, ngt, a + nlt + neq);
  int r = 0;
  int r0 = r;
  while (r < R && ranks[r] < nlt) r++;
  multiSelect(a, nlt, ranks + r0, r - r0, got + r0, scratch, depth + 1);
  while (r < R && ranks[r] < nlt + neq) got[r++] = pivot;
  size_t shifted[16];
  const int r1 = r;
  for (; r < R; r++) shifted[r - r1] = ranks[r] - (nlt + neq);
  multiSelect(a + nlt + neq, ngt, shifted, R - r1, got + r1, scratch, depth + 1);
}

/**
 * Type-7 quantiles qs[0…Q) of values[0…n), copied into copy (n) and selected with scratch (2n + 16), into out;
 * false (nothing written) when the values hold a NaN, an infinity or both signed zeros.
 */
bool typeSeven(const double* values, size_t n, const double* qs, size_t Q, double* copy, double* scratch,
               double* out) {
  bool plusZero = false, minusZero = false, finite = true;
  for (size_t i = 0; i < n; i++) {
    const double x = values[i];
    finite &= std::fabs(x) <= 1.7976931348623157e308;  // false for NaN and ±∞
    plusZero |= x == 0 && !std::signbit(x);
    minusZero |= x == 0 && std::signbit(x);
    copy[i] = x;
  }
  if (n == 0 || !finite || (plusZero && minusZero) || Q > 8) return false;
  // ranks ⌊h⌋ and min(n − 1, ⌊h⌋ + 1) of each quantile, ascending
  size_t ranks[16];
  int R = 0;
  for (size_t k = 0; k < Q; k++) {
    const size_t low = size_t(std::floor(double(n - 1) * qs[k]));
    ranks[R++] = low;
    ranks[R++] = std::min(n - 1, low + 1);
  }
  std::sort(ranks, ranks + R);
  double got[16];
  multiSelect(copy, n, ranks, R, got, scratch, 0);
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

}  // namespace

bool typeSevenQuantiles(const double* values, size_t n, const double* qs, size_t Q, double* out) {
  thread_local std::vector<double> copy, scratch;
  if (copy.size() < n) copy.resize(n);
  if (scratch.size() < 2 * n + 16) scratch.resize(2 * n + 16);
  return typeSeven(values, n, qs, Q, copy.data(), scratch.data(), out);
}

namespace {

napi_value BandRow(const napi::Args& args) {
  const auto data = args.float64Array(0);
  const size_t dataRow = size_t(args.number(1));
  const size_t T1 = size_t(args.number(2));
  const size_t n = size_t(args.number(3));
  const auto qs = args.float64Array(4);
  const auto out = args.float64Array(5);
  const size_t outRow = size_t(args.number(6));
  const auto flags = args.int32Array(7);
  const size_t Q = qs.length;
  if (Q > 8 || (dataRow + 1) * T1 * n > data.length || (outRow + 1) * Q * T1 > out.length || flags.length < T1)
    napi::throwTypeError(args.env, "bandRow: arrays too short for the row, or more than 8 quantiles");
  thread_local std::vector<double> copy, scratch;
  copy.resize(n);
  scratch.resize(2 * n + 16);
  double q[8];
  for (size_t t = 0; t < T1; t++) {
    const double* values = data.data + (dataRow * T1 + t) * n;
    flags.data[t] = !typeSeven(values, n, qs.data, Q, copy.data(), scratch.data(), q);
    if (!flags.data[t])
      for (size_t k = 0; k < Q; k++) out.data[(outRow * Q + k) * T1 + t] = q[k];
  }
  return nullptr;
}

// quantilesOfPieces(pieces, qs, out) → boolean: the type-7 quantiles of the pieces' values taken together.
napi_value QuantilesOfPieces(const napi::Args& args) {
  napi_env env = args.env;
  napi_value list = args[0];
  uint32_t count = 0;
  napi::check(env, napi_get_array_length(env, list, &count));
  const auto qs = args.float64Array(1);
  const auto out = args.float64Array(2);
  if (qs.length > 8 || out.length < qs.length) napi::throwTypeError(env, "quantilesOfPieces: at most 8 quantiles");
  thread_local std::vector<double> all, copy, scratch;
  all.clear();
  for (uint32_t i = 0; i < count; i++) {
    napi_value piece;
    napi::check(env, napi_get_element(env, list, i, &piece));
    const auto values = napi::typedArray<double>(env, piece, "piece " + std::to_string(i));
    all.insert(all.end(), values.data, values.data + values.length);
  }
  copy.resize(all.size());
  scratch.resize(2 * all.size() + 16);
  const bool ok = typeSeven(all.data(), all.size(), qs.data, qs.length, copy.data(), scratch.data(), out.data);
  napi_value result;
  napi::check(env, napi_get_boolean(env, ok, &result));
  return result;
}

}  // namespace

napi_value quantilesOfPiecesEntry(const napi::Args& args) { return QuantilesOfPieces(args); }

napi_value bandRowEntry(const napi::Args& args) { return BandRow(args); }

}  // namespace mullet
