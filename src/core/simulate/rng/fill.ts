import { nextUint32, nextUnit, type RngState } from './xoshiro128ss.ts';
import { ZIGGURAT, ZIGGURAT_R } from './ziggurat-tables.ts';

const K = ZIGGURAT.k;
const W = ZIGGURAT.w;
const F = ZIGGURAT.f;

/**
 * Fills `out[from … from+count)` with standard normal variates (ziggurat, 128 layers) drawn from `s`, which
 * advances. The generator state lives in int32 locals inside the loop (the fast path is one xoshiro128** step,
 * a table compare and a multiply); the rare slow path (≈2.5 %) syncs the state and calls {@link normalTail}.
 * Allocates nothing.
 */
export function fillNormal(s: RngState, out: Float64Array, from: number, count: number): void {
  let s0 = s[0]! | 0;
  let s1 = s[1]! | 0;
  let s2 = s[2]! | 0;
  let s3 = s[3]! | 0;
  const end = from + count;
  for (let i = from; i < end; i++) {
    const m = Math.imul(s1, 5);
    const hz = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const iz = hz & 127;
    if (Math.abs(hz) < K[iz]!) {
      out[i] = hz * W[iz]!;
    } else {
      s[0] = s0;
      s[1] = s1;
      s[2] = s2;
      s[3] = s3;
      out[i] = normalTail(s, hz, iz);
      s0 = s[0]! | 0;
      s1 = s[1]! | 0;
      s2 = s[2]! | 0;
      s3 = s[3]! | 0;
    }
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}

/** The ziggurat's slow path (Marsaglia & Tsang's `nfix`): the base strip's tail or a wedge test. */
export function normalTail(s: RngState, hz: number, iz: number): number {
  for (;;) {
    const x = hz * W[iz]!;
    if (iz === 0) {
      let xt: number;
      let yt: number;
      do {
        xt = -Math.log(nextUnit(s)) / ZIGGURAT_R;
        yt = -Math.log(nextUnit(s));
      } while (yt + yt < xt * xt);
      return hz > 0 ? ZIGGURAT_R + xt : -ZIGGURAT_R - xt;
    }
    if (F[iz]! + nextUnit(s) * (F[iz - 1]! - F[iz]!) < Math.exp(-0.5 * x * x)) return x;
    hz = nextUint32(s) | 0;
    iz = hz & 127;
    if (Math.abs(hz) < K[iz]!) return hz * W[iz]!;
  }
}

/** Fills `out[from … from+count)` with uniforms in (0, 1), 32-bit resolution, drawn from `s`. Allocates nothing. */
export function fillUniform(s: RngState, out: Float64Array, from: number, count: number): void {
  let s0 = s[0]! | 0;
  let s1 = s[1]! | 0;
  let s2 = s[2]! | 0;
  let s3 = s[3]! | 0;
  const end = from + count;
  for (let i = from; i < end; i++) {
    const m = Math.imul(s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    out[i] = (r >>> 0) * 2.3283064365386963e-10 + 1.1641532182693481e-10;
  }
  s[0] = s0;
  s[1] = s1;
  s[2] = s2;
  s[3] = s3;
}
