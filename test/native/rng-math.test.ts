import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HEADER_PATH, zigguratHeader } from '../../scripts/gen-ziggurat-header.ts';
import { fillNormal, fillUniform } from '../../src/core/simulate/rng/fill.ts';
import {
  chunkStream,
  nextUint32,
  nextUnit,
  type RngState,
  seedState,
} from '../../src/core/simulate/rng/xoshiro128ss.ts';

// The native kernel's random numbers and libm functions (native/src/{rng,js_math}.h) must be bit-identical to
// V8's: native/test/rng_math_check.cc runs them on inputs from here and prints IEEE bits as hex, compared
// with what this process computes. Built with the addon's flags: FMA contraction off, no fast-math.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CXXFLAGS = ['-O3', '-march=native', '-ffp-contract=off', '-fno-fast-math', '-std=c++20'];
const HAS_GXX = spawnSync('g++', ['--version']).error === undefined;
const SKIP_REASON = 'g++ is not on PATH: the native rng/libm ports were not checked against V8';

let dir = '';
let exe = '';

function run(args: string[], input = ''): Buffer {
  const r = spawnSync(exe, args, { input, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `rng_math_check ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer); // little-endian: [low, high]

function hexOf(x: number): string {
  scratch[0] = x;
  return scratchWords[1]!.toString(16).padStart(8, '0') + scratchWords[0]!.toString(16).padStart(8, '0');
}

function fromBits(hi: number, lo: number): number {
  scratchWords[1] = hi;
  scratchWords[0] = lo;
  return scratch[0]!;
}

/** Parses lines of 16 hex digits (the check program's output) into doubles; returns them and where it stopped. */
function parseHexDoubles(buf: Buffer, count: number): { values: Float64Array; end: number } {
  const values = new Float64Array(count);
  const words = new Uint32Array(values.buffer);
  let p = 0;
  const digit = (c: number) => (c <= 57 ? c - 48 : c - 87);
  for (let i = 0; i < count; i++) {
    let hi = 0;
    let lo = 0;
    for (let d = 0; d < 8; d++) hi = (hi << 4) | digit(buf[p + d]!);
    for (let d = 8; d < 16; d++) lo = (lo << 4) | digit(buf[p + d]!);
    assert.equal(buf[p + 16], 10, `malformed output line ${i}`);
    words[2 * i] = lo >>> 0;
    words[2 * i + 1] = hi >>> 0;
    p += 17;
  }
  return { values, end: p };
}

/** Bit equality, except that any NaN equals any NaN (JS cannot promise a NaN's payload). */
function sameDouble(a: number, b: number): boolean {
  if (Number.isNaN(a)) return Number.isNaN(b);
  return Object.is(a, b) || hexOf(a) === hexOf(b);
}

function stateHex(s: RngState): string {
  return Array.from(s, (w) => w.toString(16).padStart(8, '0')).join(' ');
}

/** Deterministic input generators over one xoshiro stream. */
function inputs(seed: number) {
  const s = seedState(seed);
  const unit = () => nextUnit(s);
  const uniform = (a: number, b: number) => a + (b - a) * unit();
  return {
    unit,
    uniform,
    /** Any bit pattern: NaNs, infinities, subnormals, both signs. */
    anyBits: () => fromBits(nextUint32(s), nextUint32(s)),
    /** |x| log-uniform in [2^lo2, 2^hi2], random sign if `signed`. */
    logUniform: (lo2: number, hi2: number, signed: boolean) =>
      (signed && unit() < 0.5 ? -1 : 1) * 2 ** uniform(lo2, hi2),
    subnormal: () => fromBits((nextUint32(s) & 0x8000_0000) | (nextUint32(s) & 0xfffff), nextUint32(s)),
  };
}

/** x moved by n ulps (n may be negative), within x's sign. */
function ulps(x: number, n: number): number {
  scratch[0] = x;
  const bits = (BigInt(scratchWords[1]!) << 32n) | BigInt(scratchWords[0]!);
  const moved = bits + BigInt(n);
  return fromBits(Number((moved >> 32n) & 0xffffffffn), Number(moved & 0xffffffffn));
}

/** Points around `x` (±spread ulps) and around −x. */
function around(xs: number[], spread: number): number[] {
  return xs.flatMap((x) => {
    const out: number[] = [];
    for (let n = -spread; n <= spread; n++) out.push(ulps(x, n), -ulps(x, n));
    return out;
  });
}

const SPECIALS = [
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  1,
  -1,
  2,
  0.5,
  Math.E,
  Math.LN2,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2 ** -1022,
  -(2 ** -1022),
  2 ** -1074 * 3,
  1e-300,
  -1e-300,
  1e300,
  -1e300,
];

function times(n: number, f: () => number): number[] {
  return Array.from({ length: n }, f);
}

function expInputs(): Float64Array {
  const g = inputs(101);
  const xs: number[] = [...SPECIALS];
  xs.push(...times(30_000, g.anyBits));
  xs.push(...times(30_000, () => g.uniform(-750, 750)));
  xs.push(...times(20_000, () => g.uniform(5, 15))); // log prices
  xs.push(...times(20_000, () => g.uniform(-10, 2))); // log fees
  xs.push(...times(10_000, () => -0.5 * g.uniform(-7, 7) ** 2)); // the ziggurat's wedge test
  xs.push(...times(20_000, () => g.uniform(-1, 1)));
  xs.push(...times(20_000, () => g.logUniform(-1074, 0, true))); // tiny and subnormal arguments
  // k = round(x / ln2) flips at (k ± 1/2) ln2, and r is smallest at k ln2.
  for (let i = 0; i < 10_000; i++) {
    const k = Math.floor(g.uniform(-1080, 1030));
    const at = (i & 1 ? k + 0.5 : k) * Math.LN2;
    xs.push(ulps(at, Math.floor(g.uniform(-8, 8))));
  }
  // Branch thresholds of e_exp.c (by high word), the overflow/underflow limits, the scale's k = -1021 and
  // k = 1024 edges, and js_exp8's fast-range edge (704).
  const hw = (hi: number) => fromBits(hi, 0);
  xs.push(
    ...around(
      [
        hw(0x3fd62e42),
        hw(0x3fd62e43),
        hw(0x3ff0a2b2),
        hw(0x3e300000),
        hw(0x40862e42),
        fromBits(0x40862e42, 0xfefa39ef), // exp's overflow threshold
        -fromBits(0xc0874910, 0xd52d3051), // and underflow threshold
        1021.5 * Math.LN2,
        1020.5 * Math.LN2,
        1023.5 * Math.LN2,
        704,
        1,
      ],
      40,
    ),
  );
  return Float64Array.from(xs);
}

function logInputs(): Float64Array {
  const g = inputs(202);
  const xs: number[] = [...SPECIALS];
  xs.push(...times(30_000, g.anyBits));
  xs.push(...times(30_000, () => Math.abs(g.anyBits())));
  xs.push(...times(10_000, g.subnormal));
  xs.push(...times(20_000, () => Math.exp(g.uniform(5, 15)))); // prices
  xs.push(...times(20_000, () => Math.exp(g.uniform(-10, 2)))); // fees
  xs.push(...times(20_000, g.unit)); // the ziggurat tail's uniforms
  xs.push(...times(20_000, () => 1 + g.uniform(-1e-5, 1e-5)));
  xs.push(...times(20_000, () => g.logUniform(-1022, 1023, false)));
  for (let n = -1000; n <= 1000; n++) xs.push(ulps(1, n));
  // The normalization switches at a mantissa near sqrt(2) (high word 0x6A09E…), at every exponent.
  for (let i = 0; i < 10_000; i++) {
    const e = Math.floor(g.uniform(-1022, 1023));
    const m = [Math.SQRT2, Math.SQRT1_2 * 2, 1, 1.5][i & 3]!;
    xs.push(ulps(m * 2 ** e, Math.floor(g.uniform(-20, 20))));
  }
  return Float64Array.from(xs);
}

function log1pInputs(): Float64Array {
  const g = inputs(303);
  const xs: number[] = [...SPECIALS];
  xs.push(...times(20_000, g.anyBits));
  xs.push(...times(20_000, () => g.uniform(-1, 1)));
  xs.push(...times(10_000, () => -g.unit())); // log1p(-hazard), as chunk.ts uses it
  xs.push(...times(20_000, () => g.logUniform(-1074, 0, true)));
  xs.push(...times(10_000, () => g.logUniform(0, 1023, false)));
  xs.push(...times(5_000, () => -1 + g.logUniform(-53, -1, false)));
  const hw = (hi: number) => fromBits(hi, 0);
  xs.push(
    ...around([hw(0x3fda827a), hw(0x3fd2bec4), hw(0x3e200000), hw(0x3c900000), 2 ** 53, Math.SQRT2 - 1], 40),
  );
  return Float64Array.from(xs);
}

/** Runs `mode` on `xs` in the check program and asserts every result is `reference`'s, bit for bit. */
function checkMath(mode: string, xs: Float64Array, reference: (x: number) => number): number {
  const input = Array.from(xs, hexOf).join('\n');
  const { values } = parseHexDoubles(run([mode], input), xs.length);
  const bad: string[] = [];
  let mismatches = 0;
  for (let i = 0; i < xs.length; i++) {
    const want = reference(xs[i]!);
    if (!sameDouble(want, values[i]!)) {
      mismatches++;
      if (bad.length < 8)
        bad.push(`x=${xs[i]} (${hexOf(xs[i]!)}): V8 ${hexOf(want)}, native ${hexOf(values[i]!)}`);
    }
  }
  assert.equal(mismatches, 0, `${mode}: ${mismatches} of ${xs.length} differ\n${bad.join('\n')}`);
  return xs.length;
}

/** Call sizes for the fills, cycled: uneven, including 1 and sizes past the simulator's 4,096. */
const SIZES = [1, 7, 4096, 12288, 3, 100_000, 999, 2, 65_536, 31, 4095, 257];

function jsFill(kind: 'normal' | 'uniform', s: RngState, total: number): Float64Array {
  const out = new Float64Array(total);
  for (let from = 0, call = 0; from < total; call++) {
    const count = Math.min(SIZES[call % SIZES.length]!, total - from);
    (kind === 'normal' ? fillNormal : fillUniform)(s, out, from, count);
    from += count;
  }
  return out;
}

function checkFill(kind: 'normal' | 'uniform', seed: number, total: number): void {
  const start = seedState(seed);
  const buf = run([kind, ...Array.from(start, (w) => w.toString(16)), String(total), SIZES.join(',')]);
  const { values, end } = parseHexDoubles(buf, total);
  const s = Uint32Array.from(start);
  const want = jsFill(kind, s, total);
  const got = new Uint32Array(values.buffer);
  const expected = new Uint32Array(want.buffer);
  for (let i = 0; i < got.length; i++) {
    if (got[i] !== expected[i]) {
      const at = i >> 1;
      assert.fail(`${kind} seed ${seed}: value ${at} is ${values[at]} natively, ${want[at]} in JS`);
    }
  }
  assert.equal(buf.subarray(end).toString().trim(), stateHex(s), `${kind} seed ${seed}: final state`);
}

function skipWithoutCompiler(t: TestContext): boolean {
  if (HAS_GXX) return false;
  t.skip(SKIP_REASON);
  return true;
}

describe('native rng and libm ports are bit-identical to V8', () => {
  before(() => {
    if (!HAS_GXX) return;
    dir = mkdtempSync(join(tmpdir(), 'mullet-native-check-'));
    exe = join(dir, 'rng_math_check');
    const src = join(ROOT, 'native/test/rng_math_check.cc');
    const r = spawnSync('g++', [...CXXFLAGS, `-I${join(ROOT, 'native/src')}`, src, '-o', exe], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, `g++ failed:\n${r.stderr}`);
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships ziggurat tables that are the JS tables (scripts/gen-ziggurat-header.ts is current)', () => {
    assert.equal(readFileSync(HEADER_PATH, 'utf8'), zigguratHeader());
  });

  it('js_exp and js_log return what Math.exp and Math.log return, bit for bit', (t) => {
    if (skipWithoutCompiler(t)) return;
    const n = checkMath('exp', expInputs(), Math.exp) + checkMath('log', logInputs(), Math.log);
    t.diagnostic(`${n} exp/log inputs identical`);
  });

  it('js_exp8 matches Math.exp in every lane, fast and fallback lanes mixed', (t) => {
    if (skipWithoutCompiler(t)) return;
    const xs = expInputs();
    // A second pass in shuffled order puts out-of-range lanes next to in-range ones in every combination.
    const g = inputs(404);
    const shuffled = Float64Array.from(xs);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(g.unit() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const all = new Float64Array(Math.ceil((2 * xs.length) / 8) * 8).fill(0.25);
    all.set(xs);
    all.set(shuffled, xs.length);
    t.diagnostic(`${checkMath('exp8', all, Math.exp)} lanes identical`);
  });

  it('js_log1p returns what Math.log1p returns, bit for bit', (t) => {
    if (skipWithoutCompiler(t)) return;
    t.diagnostic(`${checkMath('log1p', log1pInputs(), Math.log1p)} inputs identical`);
  });

  it('fill_normal and fill_uniform give the JS values and leave the JS state, in uneven call sizes', (t) => {
    if (skipWithoutCompiler(t)) return;
    for (const seed of [1, 42, 2 ** 53 - 1]) {
      checkFill('normal', seed, 1_000_000);
      checkFill('uniform', seed, 200_000);
    }
  });

  it('seed_state and chunk_stream give the JS streams', (t) => {
    if (skipWithoutCompiler(t)) return;
    for (const seed of [0, 1, 42, 2 ** 53 - 1]) {
      const lines = run(['seed', String(seed), '4'])
        .toString()
        .trim()
        .split('\n');
      assert.deepEqual(
        lines,
        [0, 1, 2, 3].map((i) => stateHex(chunkStream(seed, i))),
      );
    }
  });
});
