// xoshiro128** and the bulk fills of src/core/simulate/rng/{xoshiro128ss,fill}.ts, bit-identical to them:
// same state words (the JS Uint32Array(4)), same draws, same doubles, same state left behind. JS's int32
// arithmetic (Math.imul, `| 0`, `>>>`) is uint32_t arithmetic here, which wraps the same way; a value JS
// holds as an int32 becomes an int32_t only where its sign matters (the ziggurat's hz).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "js_math.h"
#include "ziggurat_tables.h"

namespace mullet {

namespace rng_detail {

inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

// One xoshiro128** step on four words held in registers; returns the raw 32-bit output.
inline uint32_t step(uint32_t& s0, uint32_t& s1, uint32_t& s2, uint32_t& s3) {
  const uint32_t result = rotl(s1 * 5u, 7) * 9u;
  const uint32_t t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl(s3, 11);
  return result;
}

}  // namespace rng_detail

/** nextUint32: advances `s` one step, returns the output. */
inline uint32_t next_uint32(uint32_t s[4]) { return rng_detail::step(s[0], s[1], s[2], s[3]); }

/** nextUnit: a uniform in (0, 1), (u + 0.5) / 2^32; both operations are exact. */
inline double next_unit(uint32_t s[4]) {
  return static_cast<double>(next_uint32(s)) * 2.3283064365386963e-10 + 1.1641532182693481e-10;
}

/** jump: advances `s` by 2^64 steps (the reference jump polynomial). */
inline void jump(uint32_t s[4]) {
  static constexpr uint32_t kJump[4] = {0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b};
  uint32_t j[4] = {0, 0, 0, 0};
  for (const uint32_t word : kJump) {
    for (int b = 0; b < 32; b++) {
      if ((word >> b) & 1) {
        for (int w = 0; w < 4; w++) j[w] ^= s[w];
      }
      next_uint32(s);
    }
  }
  for (int w = 0; w < 4; w++) s[w] = j[w];
}

/** seedState: two SplitMix64 outputs, low word first; the all-zero state (a fixed point) becomes {1, 0, 0, 0}. */
inline void seed_state(uint64_t seed, uint32_t s[4]) {
  uint64_t x = seed;
  uint64_t out[2];
  for (uint64_t& z : out) {
    x += 0x9e3779b97f4a7c15u;
    z = x;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    z ^= z >> 31;
  }
  s[0] = static_cast<uint32_t>(out[0]);
  s[1] = static_cast<uint32_t>(out[0] >> 32);
  s[2] = static_cast<uint32_t>(out[1]);
  s[3] = static_cast<uint32_t>(out[1] >> 32);
  if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 1;
}

/** chunkStream: the seed's state jumped `chunk_index` times. */
inline void chunk_stream(uint64_t seed, uint64_t chunk_index, uint32_t s[4]) {
  seed_state(seed, s);
  for (uint64_t i = 0; i < chunk_index; i++) jump(s);
}

/**
 * normalTail: the ziggurat's slow path (~2.5 % of draws), kept out of line so the fast loop stays small.
 * hz is the JS int32 draw; every comparison and product below is the double one JS performs.
 */
[[gnu::noinline, gnu::cold]] inline double normal_tail(uint32_t s[4], int32_t hz, int iz) {
  using namespace ziggurat;
  for (;;) {
    const double x = static_cast<double>(hz) * W[iz];
    if (iz == 0) {
      double xt, yt;
      do {
        xt = -js_log(next_unit(s)) / R;
        yt = -js_log(next_unit(s));
      } while (yt + yt < xt * xt);
      return hz > 0 ? R + xt : -R - xt;
    }
    if (F[iz] + next_unit(s) * (F[iz - 1] - F[iz]) < js_exp(-0.5 * x * x)) return x;
    hz = static_cast<int32_t>(next_uint32(s));
    iz = hz & 127;
    // |hz| as a double: for hz = -2^31 that is 2^31, which no int32 can hold.
    if (std::fabs(static_cast<double>(hz)) < K[iz]) return static_cast<double>(hz) * W[iz];
  }
}

/** fillNormal: out[from, from + count) gets standard normals (128-layer ziggurat); `s` advances. */
inline void fill_normal(uint32_t s[4], double* out, size_t from, size_t count) {
  using namespace ziggurat;
  uint32_t s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
  double* const o = out + from;
  for (size_t i = 0; i < count; i++) {
    const int32_t hz = static_cast<int32_t>(rng_detail::step(s0, s1, s2, s3));
    const int iz = hz & 127;
    const double dhz = static_cast<double>(hz);
    if (std::fabs(dhz) < K[iz]) [[likely]] {
      o[i] = dhz * W[iz];
    } else {
      s[0] = s0, s[1] = s1, s[2] = s2, s[3] = s3;
      o[i] = normal_tail(s, hz, iz);
      s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
    }
  }
  s[0] = s0, s[1] = s1, s[2] = s2, s[3] = s3;
}

/** fillUniform: out[from, from + count) gets uniforms in (0, 1) with 32-bit resolution; `s` advances. */
inline void fill_uniform(uint32_t s[4], double* out, size_t from, size_t count) {
  uint32_t s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
  double* const o = out + from;
  for (size_t i = 0; i < count; i++) {
    const uint32_t r = rng_detail::step(s0, s1, s2, s3);
    o[i] = static_cast<double>(r) * 2.3283064365386963e-10 + 1.1641532182693481e-10;
  }
  s[0] = s0, s[1] = s1, s[2] = s2, s[3] = s3;
}

}  // namespace mullet
