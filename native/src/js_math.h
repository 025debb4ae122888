// Math.exp, Math.log and Math.log1p exactly as V8 (Node 20, V8 11.3) computes them, so the native kernel and
// the JavaScript engine agree to the last bit. V8 does not call the C library for these: src/base/ieee754.cc
// carries ports of fdlibm's e_exp.c, e_log.c and s_log1p.c (the FreeBSD msun versions), and so do we: same
// constants, same operation order, same integer tests on the high/low words.
//
// Build with -ffp-contract=off (and no -ffast-math): a fused multiply-add rounds once where V8 rounds twice,
// which changes last bits. Plain SSE2/AVX double arithmetic is IEEE round-to-nearest, as in V8.
// NaN results may carry another payload than V8's (it returns a signaling NaN for log(x < 0)); JavaScript
// cannot tell NaNs apart, so only "is NaN" is part of the contract.
//
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this software is freely granted, provided that this
// notice is preserved.
#pragma once

#include <bit>
#include <cstdint>
#include <limits>

namespace mullet {

namespace js_math_detail {

// fdlibm reasons on the two 32-bit halves of a double; these are its GET_HIGH_WORD & co.
inline int32_t high_word(double x) { return static_cast<int32_t>(std::bit_cast<uint64_t>(x) >> 32); }
inline uint32_t low_word(double x) { return static_cast<uint32_t>(std::bit_cast<uint64_t>(x)); }
inline double from_words(uint32_t hi, uint32_t lo) {
  return std::bit_cast<double>((static_cast<uint64_t>(hi) << 32) | lo);
}
inline double with_high_word(double x, uint32_t hi) { return from_words(hi, low_word(x)); }

constexpr uint64_t bits(double x) { return std::bit_cast<uint64_t>(x); }

// fdlibm's decimal constants, checked against the hex values its comments give (the intended bits).
constexpr double kLn2Hi = 6.93147180369123816490e-01;
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kTwo54 = 1.80143985094819840000e+16;
static_assert(bits(kLn2Hi) == 0x3FE62E42FEE00000 && bits(kLn2Lo) == 0x3DEA39EF35793C76);
static_assert(bits(kTwo54) == 0x4350000000000000);

namespace exp_c {
constexpr double kOverflow = 7.09782712893383973096e+02;
constexpr double kUnderflow = -7.45133219101941108420e+02;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
constexpr double P1 = 1.66666666666666019037e-01;
constexpr double P2 = -2.77777777770155933842e-03;
constexpr double P3 = 6.61375632143793436117e-05;
constexpr double P4 = -1.65339022054652515390e-06;
constexpr double P5 = 4.13813679705723846039e-08;
constexpr double kE = 2.718281828459045;
constexpr double kTwoM1000 = 9.33263618503218878990e-302;
constexpr double kTwo1023 = 8.988465674311579539e307;
static_assert(bits(kOverflow) == 0x40862E42FEFA39EF && bits(kUnderflow) == 0xC0874910D52D3051);
static_assert(bits(kInvLn2) == 0x3FF71547652B82FE);
static_assert(bits(P1) == 0x3FC555555555553E && bits(P2) == 0xBF66C16C16BEBD93);
static_assert(bits(P3) == 0x3F11566AAF25DE2C && bits(P4) == 0xBEBBBD41C5D26BF1);
static_assert(bits(P5) == 0x3E66376972BEA4D0 && bits(kE) == 0x4005BF0A8B145769);
static_assert(bits(kTwoM1000) == 0x0170000000000000 && bits(kTwo1023) == 0x7FE0000000000000);
}  // namespace exp_c

// log and log1p share one polynomial (fdlibm calls them Lg1..Lg7 and Lp1..Lp7).
namespace log_c {
constexpr double L1 = 6.666666666666735130e-01;
constexpr double L2 = 3.999999999940941908e-01;
constexpr double L3 = 2.857142874366239149e-01;
constexpr double L4 = 2.222219843214978396e-01;
constexpr double L5 = 1.818357216161805012e-01;
constexpr double L6 = 1.531383769920937332e-01;
constexpr double L7 = 1.479819860511658591e-01;
static_assert(bits(L1) == 0x3FE5555555555593 && bits(L2) == 0x3FD999999997FA04);
static_assert(bits(L3) == 0x3FD2492494229359 && bits(L4) == 0x3FCC71C51D8E78AF);
static_assert(bits(L5) == 0x3FC7466496CB03DE && bits(L6) == 0x3FC39A09D078C69F);
static_assert(bits(L7) == 0x3FC2F112DF3E5244);
}  // namespace log_c

}  // namespace js_math_detail

/** Math.exp of V8: fdlibm e_exp.c plus V8's one change, exp(1) returning the correctly rounded e. */
inline double js_exp(double x) {
  using namespace js_math_detail;
  using namespace js_math_detail::exp_c;
  double hi = 0.0, lo = 0.0;
  int32_t k = 0;
  uint32_t hx = static_cast<uint32_t>(high_word(x));
  const int xsb = static_cast<int>(hx >> 31);
  hx &= 0x7FFFFFFF;

  if (hx >= 0x40862E42) {  // |x| >= 709.78..., or not finite
    if (hx >= 0x7FF00000) {
      if (((hx & 0xFFFFF) | low_word(x)) != 0) return x + x;  // NaN
      return xsb == 0 ? x : 0.0;                              // exp(+-inf) = {inf, 0}
    }
    if (x > kOverflow) return std::numeric_limits<double>::infinity();  // fdlibm's huge * huge
    if (x < kUnderflow) return 0.0;                                     // fdlibm's twom1000 * twom1000
  }

  // Argument reduction: x = k ln2 + r, |r| <= ln2 / 2, r carried as hi - lo.
  if (hx > 0x3FD62E42) {    // |x| > ln2 / 2
    if (hx < 0x3FF0A2B2) {  // and |x| < 1.5 ln2: k = +-1
      if (x == 1.0) return kE;  // V8 special-cases e (the algorithm is 1 ulp off there)
      hi = xsb ? x + kLn2Hi : x - kLn2Hi;
      lo = xsb ? -kLn2Lo : kLn2Lo;
      k = 1 - xsb - xsb;
    } else {
      k = static_cast<int32_t>(kInvLn2 * x + (xsb ? -0.5 : 0.5));  // truncation, as fdlibm's (int)
      const double t = k;
      hi = x - t * kLn2Hi;  // exact: kLn2Hi has trailing zero bits
      lo = t * kLn2Lo;
    }
    x = hi - lo;
  } else if (hx < 0x3E300000) {  // |x| < 2^-28: fdlibm's `if (huge + x > one)` is always true here
    return 1.0 + x;
  }

  const double t = x * x;
  const double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x);
  const double y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi);
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * kTwo1023;  // 2^1024 is not a double: scale in two steps
    return y * from_words(0x3FF00000u + (static_cast<uint32_t>(k) << 20), 0);
  }
  // Subnormal result: scale by 2^(k+1000), then by 2^-1000, rounding once at the end as fdlibm does.
  return y * from_words(0x3FF00000u + (static_cast<uint32_t>(k + 1000) << 20), 0) * kTwoM1000;
}

/** Math.log of V8: fdlibm e_log.c. */
inline double js_log(double x) {
  using namespace js_math_detail;
  using namespace js_math_detail::log_c;
  int32_t hx = high_word(x);
  const uint32_t lx = low_word(x);
  int32_t k = 0;

  if (hx < 0x00100000) {  // x < 2^-1022: zero, subnormal or negative
    if (((hx & 0x7FFFFFFF) | lx) == 0) return -std::numeric_limits<double>::infinity();
    if (hx < 0) return std::numeric_limits<double>::quiet_NaN();
    k -= 54;
    x *= kTwo54;  // subnormal: scale into the normal range
    hx = high_word(x);
  }
  if (hx >= 0x7FF00000) return x + x;  // +inf or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000FFFFF;
  // Normalize x or x/2 into [sqrt(2)/2, sqrt(2)); i carries which one into k.
  int32_t i = (hx + 0x95F64) & 0x100000;
  x = with_high_word(x, static_cast<uint32_t>(hx | (i ^ 0x3FF00000)));
  k += i >> 20;
  const double f = x - 1.0;
  if ((0x000FFFFF & (2 + hx)) < 3) {  // -2^-20 <= f < 2^-20
    if (f == 0.0) {
      if (k == 0) return 0.0;
      const double dk = k;
      return dk * kLn2Hi + dk * kLn2Lo;
    }
    const double R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k == 0) return f - R;
    const double dk = k;
    return dk * kLn2Hi - ((R - dk * kLn2Lo) - f);
  }
  const double s = f / (2.0 + f);
  const double dk = k;
  const double z = s * s;
  i = hx - 0x6147A;
  const double w = z * z;
  const int32_t j = 0x6B851 - hx;
  const double t1 = w * (L2 + w * (L4 + w * L6));
  const double t2 = z * (L1 + w * (L3 + w * (L5 + w * L7)));
  i |= j;
  const double R = t2 + t1;
  if (i > 0) {  // f far from 0: the hfsq form keeps the error under 1 ulp
    const double hfsq = 0.5 * f * f;
    if (k == 0) return f - (hfsq - s * (hfsq + R));
    return dk * kLn2Hi - ((hfsq - (s * (hfsq + R) + dk * kLn2Lo)) - f);
  }
  if (k == 0) return f - s * (f - R);
  return dk * kLn2Hi - ((s * (f - R) - dk * kLn2Lo) - f);
}

/** Math.log1p of V8: fdlibm s_log1p.c. */
inline double js_log1p(double x) {
  using namespace js_math_detail;
  using namespace js_math_detail::log_c;
  const int32_t hx = high_word(x);
  const int32_t ax = hx & 0x7FFFFFFF;
  int32_t k = 1;
  int32_t hu = 0;
  double f = 0.0, c = 0.0;

  if (hx < 0x3FDA827A) {     // 1 + x < sqrt(2)+
    if (ax >= 0x3FF00000) {  // x <= -1
      if (x == -1.0) return -std::numeric_limits<double>::infinity();
      return std::numeric_limits<double>::quiet_NaN();
    }
    if (ax < 0x3E200000) {  // |x| < 2^-29; fdlibm's `two54 + x > zero` is always true here
      if (ax < 0x3C900000) return x;  // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= static_cast<int32_t>(0xBFD2BEC4)) {  // sqrt(2)/2- <= 1 + x < sqrt(2)+: f = x exactly
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7FF00000) return x + x;  // +inf or NaN
  if (k != 0) {
    double u;
    if (hx < 0x43400000) {  // x < 2^53: 1 + x rounds; c corrects log(u) back to log(1 + x)
      u = 1.0 + x;
      hu = high_word(u);
      k = (hu >> 20) - 1023;
      c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      u = x;
      hu = high_word(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000FFFFF;
    if (hu < 0x6A09E) {  // u ~< sqrt(2): normalize u
      u = with_high_word(u, static_cast<uint32_t>(hu | 0x3FF00000));
    } else {  // normalize u/2
      k += 1;
      u = with_high_word(u, static_cast<uint32_t>(hu | 0x3FE00000));
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1.0;
  }
  const double hfsq = 0.5 * f * f;
  if (hu == 0) {  // |f| < 2^-20
    if (f == 0.0) {
      if (k == 0) return 0.0;
      c += k * kLn2Lo;
      return k * kLn2Hi + c;
    }
    const double R = hfsq * (1.0 - 0.66666666666666666 * f);
    if (k == 0) return f - R;
    return k * kLn2Hi - ((R - (k * kLn2Lo + c)) - f);
  }
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double R = z * (L1 + z * (L2 + z * (L3 + z * (L4 + z * (L5 + z * (L6 + z * L7))))));
  if (k == 0) return f - (hfsq - s * (hfsq + R));
  return k * kLn2Hi - ((hfsq - (s * (hfsq + R) + (k * kLn2Lo + c))) - f);
}

// ---------------------------------------------------------------------------------------------------------
// Eight exps at once (GCC vector extensions): lane i is bit-identical to js_exp(x[i]). The lanes run
// js_exp's operations in the same order, its branches turned into selects; lanes outside |x| < 704 (where
// the scale 2^k is always a normal double, so no overflow/subnormal step) or not finite go through js_exp.

using v8d = double __attribute__((vector_size(64)));
using v8l = int64_t __attribute__((vector_size(64)));

inline v8d js_exp8(v8d x) {
  using namespace js_math_detail;
  using namespace js_math_detail::exp_c;
  const v8l bitsx = std::bit_cast<v8l>(x);
  const v8l hx = (bitsx >> 32) & 0x7FFFFFFF;  // high word of |x|
  const v8l negative = bitsx < 0;             // -1 where the sign bit is set
  const v8l slow = hx >= 0x40860000;          // |x| >= 704, inf or NaN
  const v8d xs = slow ? v8d{} : x;            // keep those lanes' arithmetic harmless; they are redone below

  // k: 0 when |x| <= ln2/2, +-1 when |x| < 1.5 ln2, else trunc(x/ln2 +- 1/2), as in js_exp.
  const v8d half = negative ? v8d{} - 0.5 : v8d{} + 0.5;
  const v8l kFar = __builtin_convertvector(kInvLn2 * xs + half, v8l);
  const v8l kNear = negative ? v8l{} - 1 : v8l{} + 1;
  const v8l reduced = hx > 0x3FD62E42;
  const v8l k = reduced ? (hx < 0x3FF0A2B2 ? kNear : kFar) : v8l{};

  // With k = 0, t = 0 gives hi = x and lo = 0 exactly, so one formula covers every lane (see below).
  const v8d t = __builtin_convertvector(k, v8d);
  const v8d hi = xs - t * kLn2Hi;
  const v8d lo = t * kLn2Lo;
  const v8d r = hi - lo;

  const v8d rr = r * r;
  const v8d c = r - rr * (P1 + rr * (P2 + rr * (P3 + rr * (P4 + rr * P5))));
  // js_exp's k == 0 form, 1 - ((r c)/(c - 2) - r), equals this one bit for bit: (r c)/(c - 2) is exactly
  // -(r c)/(2 - c) (rounding is sign-symmetric), 0 - q is -q but for q = 0, where (+-0) - r is -r anyway
  // (r != 0 since tiny |x| returned earlier), and the scale 2^0 = 1 is exact.
  const v8d y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
  const v8l scaleBits = (k + 1023) << 52;  // 2^k, a normal double for |k| <= 1016
  v8d result = y * std::bit_cast<v8d>(scaleBits);

  result = hx < 0x3E300000 ? 1.0 + xs : result;  // |x| < 2^-28
  result = xs == 1.0 ? v8d{} + kE : result;

  bool anySlow = false;
  for (int lane = 0; lane < 8; lane++) anySlow |= slow[lane] != 0;
  if (anySlow) [[unlikely]] {
    for (int lane = 0; lane < 8; lane++)
      if (slow[lane]) result[lane] = js_exp(x[lane]);
  }
  return result;
}

}  // namespace mullet
