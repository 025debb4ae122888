// Eight-lane double vectors (GCC vector extensions). Every lane runs the same IEEE operations, in the same
// order, as the JavaScript kernel does for one path: that is what keeps the two kernels' bits equal. The code
// never relies on FMA (built with -ffp-contract=off) or on reassociation (no -ffast-math).
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

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
/** m ? a : b per lane. */
inline vd sel(vm m, vd a, vd b) { return m ? a : b; }
inline vd vfloor(vd x) {
  vd r;
  for (int l = 0; l < LANES; l++) r[l] = std::floor(x[l]);
  return r;
}
/** Math.min(x, y) / Math.max(x, y) for non-NaN lanes (the kernel's values are never NaN on valid paths). */
inline vd vmin(vd x, vd y) { return sel(x <= y, x, y); }
inline vd vmax(vd x, vd y) { return sel(x >= y, x, y); }
/** table[index[l]] per lane. */
inline vd gather(const double* table, const int64_t* index) {
  vd r;
  for (int l = 0; l < LANES; l++) r[l] = table[index[l]];
  return r;
}

}  // namespace mullet
