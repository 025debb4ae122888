/**
 * xoshiro128** 1.0 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c): 128 bits of state in a
 * `Uint32Array(4)`, 32-bit outputs, period 2^128 − 1, `jump()` advances 2^64 steps (independent streams).
 * Seeded through SplitMix64 as its authors recommend. Hot loops copy the state into int32 locals (see
 * `fill-normal.ts`); these helpers are for seeding, tests and cold paths.
 */

/** A generator state: four 32-bit words, not all zero. */
export type RngState = Uint32Array;

/** Advances `s` one step and returns the output as an unsigned 32-bit integer. */
export function nextUint32(s: RngState): number {
  const s0 = s[0]! | 0;
  const s1 = s[1]! | 0;
  const s2 = s[2]! | 0;
  const s3 = s[3]! | 0;
  const m = Math.imul(s1, 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  const n2 = s2 ^ s0;
  const n3 = s3 ^ s1;
  const n1 = s1 ^ n2;
  const n0 = s0 ^ n3;
  s[0] = n0;
  s[1] = n1;
  s[2] = n2 ^ t;
  s[3] = (n3 << 11) | (n3 >>> 21);
  return result >>> 0;
}

/** 2^-32: scales a 32-bit output to [0, 1). */
export const UINT32_TO_UNIT = 2 ** -32;
/** Half a step, so uniforms lie strictly inside (0, 1) (logs and inverse CDFs stay finite). */
export const HALF_UINT32_STEP = 2 ** -33;

/** A uniform in (0, 1) with 32 bits of resolution: `(x + 0.5) / 2^32`. */
export function nextUnit(s: RngState): number {
  return nextUint32(s) * UINT32_TO_UNIT + HALF_UINT32_STEP;
}

const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];

/** Advances `s` by 2^64 steps in place (the reference `jump()`); 2^64 non-overlapping streams of 2^64. */
export function jump(s: RngState): void {
  let j0 = 0;
  let j1 = 0;
  let j2 = 0;
  let j3 = 0;
  for (const word of JUMP) {
    for (let b = 0; b < 32; b++) {
      if ((word >>> b) & 1) {
        j0 ^= s[0]!;
        j1 ^= s[1]!;
        j2 ^= s[2]!;
        j3 ^= s[3]!;
      }
      nextUint32(s);
    }
  }
  s[0] = j0;
  s[1] = j1;
  s[2] = j2;
  s[3] = j3;
}

const MASK64 = (1n << 64n) - 1n;

/**
 * SplitMix64 (Steele, Lea & Flood; https://prng.di.unimi.it/splitmix64.c): returns the next `count` outputs
 * from 64-bit state `seed`, as bigints. Used only to seed.
 */
export function splitMix64(seed: bigint, count: number): bigint[] {
  let x = seed & MASK64;
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
    out.push(z ^ (z >> 31n));
  }
  return out;
}

/**
 * The state for a seed: two SplitMix64 outputs, low word first. `seed` is a safe integer ≥ 0.
 * @example seedState(42) → Uint32Array(4), never all zero
 */
export function seedState(seed: number): RngState {
  const [a, b] = splitMix64(BigInt(seed), 2) as [bigint, bigint];
  const s = new Uint32Array([
    Number(a & 0xffffffffn),
    Number(a >> 32n),
    Number(b & 0xffffffffn),
    Number(b >> 32n),
  ]);
  if ((s[0]! | s[1]! | s[2]! | s[3]!) === 0) s[0] = 1; // the all-zero state is a fixed point
  return s;
}

/**
 * The stream of chunk `chunkIndex` for `seed`: the seed's state jumped `chunkIndex` times, so a chunk's draws
 * depend only on (seed, chunk) and never overlap another chunk's (each stream has 2^64 draws).
 */
export function chunkStream(seed: number, chunkIndex: number): RngState {
  const s = seedState(seed);
  for (let i = 0; i < chunkIndex; i++) jump(s);
  return s;
}
