// Eight-lane double vectors (GCC vector extensions). Every lane runs the same IEEE operations, in the same
// order, as the JavaScript kernel does for one path: that is what keeps the two kernels' bits equal. The code
// never relies on FMA (built with -ffp-contract=off) or on reassociation (no -ffast-math).
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#if defined(__AVX512F__) && defined(__AVX512DQ__)
#include <immintrin.h>
#define MULLET_AVX512 1
#endif

namespace mullet {

constexpr int LANES = 8;
typedef double vd __attribute__((vector_size(LANES * sizeof(double))));
typedef int64_t vm __attribute__((vector_size(LANES * sizeof(int64_t))));  // lane masks (-1 / 0) and lane ints

inline vd load(const double* p) {
  vd v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(double* p, vd v) { std::memcpy(p, &v, sizeof v); }
inline vd splat(double x) { return vd{} + x; }
inline vm splatm(int64_t x) { return vm{} + x; }
inline vm load(const int64_t* p) {
  vm v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
// Lane reductions, floor, gathers: AVX-512 instructions where the build machine has them (-march=native), a
// lane loop elsewhere. Both give the same results; only the speed differs.
#ifdef MULLET_AVX512
inline bool any(vm m) { return _mm512_test_epi64_mask((__m512i)m, (__m512i)m) != 0; }
inline bool all(vm m) { return _mm512_test_epi64_mask((__m512i)m, (__m512i)m) == 0xff; }
#else
inline bool any(vm m) {
  int64_t r = 0;
  for (int l = 0; l < LANES; l++) r |= m[l];
  return r != 0;
}
inline bool all(vm m) {
  int64_t r = -1;
  for (int l = 0; l < LANES; l++) r &= m[l];
  return r != 0;
}
#endif
/** m ? a : b per lane. */
inline vd sel(vm m, vd a, vd b) { return m ? a : b; }
#ifdef MULLET_AVX512
inline vd vfloor(vd x) { return (vd)_mm512_maskz_roundscale_pd(0xff, (__m512d)x, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC); }
/** Truncation of integral lanes to int64. */
inline vm vtoint(vd x) { return (vm)_mm512_maskz_cvttpd_epi64(0xff, (__m512d)x); }
#else
inline vd vfloor(vd x) {
  vd r;
  for (int l = 0; l < LANES; l++) r[l] = std::floor(x[l]);
  return r;
}
inline vm vtoint(vd x) {
  vm r;
  for (int l = 0; l < LANES; l++) r[l] = int64_t(x[l]);
  return r;
}
#endif
/** Math.min(x, y) / Math.max(x, y) for non-NaN lanes (the kernel's values are never NaN on valid paths). */
inline vd vmin(vd x, vd y) { return sel(x <= y, x, y); }
inline vd vmax(vd x, vd y) { return sel(x >= y, x, y); }
/** table[index[l]] per lane. */
#ifdef MULLET_AVX512
inline vd gather(const double* table, vm index) {
  return (vd)_mm512_mask_i64gather_pd(_mm512_setzero_pd(), 0xff, (__m512i)index, table, 8);
}
#else
inline vd gather(const double* table, vm index) {
  vd r;
  for (int l = 0; l < LANES; l++) r[l] = table[index[l]];
  return r;
}
#endif

/**
 * A lookup table of up to 16 doubles held in two registers: a lookup is one two-register permute instead of a
 * gather (slow on current x86). Longer tables fall back to gathers from memory.
 */
struct SmallTable {
  vd lo, hi;
  const double* data;
  bool inRegisters;
};
inline SmallTable smallTable(const double* row, int count) {
  SmallTable t{splat(0), splat(0), row, count <= 2 * LANES};
  if (t.inRegisters)
    for (int i = 0; i < count; i++) (i < LANES ? t.lo : t.hi)[i % LANES] = row[i];
  return t;
}
inline vd lookup(const SmallTable& t, vm index) {
#ifdef MULLET_AVX512
  if (t.inRegisters) return (vd)_mm512_permutex2var_pd((__m512d)t.lo, (__m512i)index, (__m512d)t.hi);
#endif
  return gather(t.data, index);
}

}  // namespace mullet
