import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { quantilesOfSegments } from '../../src/core/simulate/quantile.ts';
import { BAND_PERCENTILES } from '../../src/core/simulate/sample-summary.ts';
import { loadNativeKernel } from '../../src/jobs/native-kernel.ts';

// The native order statistics (native/src/select.cc: sample brackets, one pass, quickselect in the buckets)
// against quantile.ts: the same bits for every quantile (infinities included: ordered like numbers, as the
// halving dates of paths that never reach a halving are), or a refusal (NaN, both signed zeros) that
// leaves the data to JavaScript. Data drawn to be hard: ties, long runs of one value, heavy tails, tiny sizes,
// sizes around select.cc's thresholds, and data that misleads its sample.

const kernel = loadNativeKernel();
const skip = kernel
  ? false
  : 'the native kernel is not built (scripts/build-native.sh needs g++ and AVX-512)';
const QS = Float64Array.from(BAND_PERCENTILES);

/** A value as the simulator makes them: a few repeated levels, heavy tails, zeros of one sign, huge and tiny. */
const value = fc.oneof(
  fc.constantFrom(
    0,
    1,
    -1,
    0.5,
    250_000_000,
    1e-12,
    -3e9,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
  fc.integer({ min: 0, max: 5 }).map((k) => 10 ** (3 * k)),
);
const column = fc.array(value, { minLength: 1, maxLength: 700 });

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('native order statistics = quantile.ts, bit for bit', { skip }, () => {
  it('quantilesOfPieces on random pieces (ties, heavy tails, 1 to 2,100 values)', () => {
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 3 }), (columns) => {
        const pieces = columns.map((c) => Float64Array.from(c));
        const out = new Float64Array(QS.length);
        assert.equal(kernel!.quantilesOfPieces(pieces, QS, out), true);
        const js = quantilesOfSegments(pieces, BAND_PERCENTILES);
        assert.ok(same(out, js), `native ${Array.from(out)} vs js ${js}`);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('bandRow on random months, and a refusal exactly where the data needs JavaScript', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.constantFrom('plain', 'nan', 'inf', 'zeros', 'ties'), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, kinds, seed) => {
          const T1 = kinds.length;
          let x = seed || 1;
          const next = () => {
            x = (Math.imul(x, 48271) >>> 0) % 2147483647 || 1;
            return x / 2147483647;
          };
          const data = new Float64Array(2 * T1 * n); // row 1 is used, row 0 stays apart
          kinds.forEach((kind, t) => {
            const at = (T1 + t) * n;
            for (let p = 0; p < n; p++) {
              const u = next();
              data[at + p] = kind === 'ties' ? Math.floor(u * 3) : Math.exp(12 * u) * (u < 0.3 ? -1 : 1);
            }
            if (kind === 'nan') data[at + Math.floor(next() * n)] = Number.NaN;
            if (kind === 'inf') data[at + Math.floor(next() * n)] = Number.NEGATIVE_INFINITY;
            if (kind === 'zeros') {
              data[at] = 0;
              data[at + n - 1] = n > 1 ? -0 : 0;
            }
          });
          const out = new Float64Array(2 * QS.length * T1).fill(7);
          const flags = new Int32Array(T1);
          kernel!.bandRow(data, 1, T1, n, QS, out, 1, flags);
          kinds.forEach((kind, t) => {
            const refused = kind === 'nan' || (kind === 'zeros' && n > 1);
            assert.equal(flags[t], refused ? 1 : 0, `${kind} month, n ${n}`);
            if (refused) return;
            const js = quantilesOfSegments([data.subarray((T1 + t) * n, (T1 + t + 1) * n)], BAND_PERCENTILES);
            const native = [0, 1, 2].map((k) => out[(1 * 3 + k) * T1 + t]!);
            assert.ok(same(native, js), `${kind} month, n ${n}: native ${native} vs js ${js}`);
          });
          assert.ok(
            out.subarray(0, 3 * T1).every((v) => v === 7),
            'row 0 of out untouched',
          );
        },
      ),
      { numRuns: 300, seed: 12 },
    );
  });

  it('quantilesOfPieces on shaped data: misleading samples, ties at bracket ends, thresholds, any quantiles', () => {
    fc.assert(
      fc.property(shapedColumn, quantileList, (column, qs) => {
        const out = new Float64Array(qs.length);
        assert.equal(kernel!.quantilesOfPieces(column.pieces, Float64Array.from(qs), out), true);
        const js = quantilesOfSegments(column.pieces, qs);
        assert.ok(same(out, js), `${column.label}, qs ${qs}: native ${Array.from(out)} vs js ${js}`);
      }),
      { numRuns: 400, seed: 13 },
    );
  });

  it('quantilesOfPieces on 100,000-value columns in uneven pieces', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHAPES),
        fc.integer({ min: 99_990, max: 100_010 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom(4, 8, 16, 32, 64),
        fc.integer({ min: 1, max: 30 }),
        (shape, n, seed, runs, count) => {
          const values = shaped(shape, n, seed, runs);
          const pieces = split(values, count, seed);
          const out = new Float64Array(3);
          assert.equal(kernel!.quantilesOfPieces(pieces, QS, out), true);
          const js = quantilesOfSegments(pieces, BAND_PERCENTILES);
          assert.ok(same(out, js), `${shape} n ${n}: native ${Array.from(out)} vs js ${js}`);
        },
      ),
      { numRuns: 24, seed: 14 },
    );
  });

  it('refuses a NaN or both signed zeros anywhere in a large column', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(Number.NaN, -0),
        fc.integer({ min: 257, max: 20_000 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (odd, n, seed) => {
          const values = shaped('random', n, seed, 8);
          values[seed % n] = odd;
          if (Object.is(odd, -0)) values[(seed + 1) % n] = 0;
          const out = new Float64Array(3).fill(7);
          assert.equal(kernel!.quantilesOfPieces(split(values, 3, seed), QS, out), false);
          assert.ok(
            out.every((v) => v === 7),
            'nothing written',
          );
        },
      ),
      { numRuns: 100, seed: 15 },
    );
  });

  it('orders infinities like numbers in large columns (paths that never reach a halving: +∞ days)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 257, max: 20_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (n, share, inf, seed) => {
          const values = shaped('random', n, seed, 8);
          const count = Math.floor(share * n);
          for (let i = 0; i < count; i++) values[(seed + i * 7919) % n] = inf;
          const pieces = split(values, 3, seed);
          const out = new Float64Array(QS.length);
          assert.equal(kernel!.quantilesOfPieces(pieces, QS, out), true);
          const js = quantilesOfSegments(pieces, BAND_PERCENTILES);
          assert.ok(same(out, js), `native ${Array.from(out)} vs js ${js}`);
        },
      ),
      { numRuns: 100, seed: 16 },
    );
  });

  it('two quantiles whose bracket holds ranks at both ends and two apart inside (few values between floors)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (k, seed) => {
        // 2,000 ones, k distinct values in (1, 3), then threes, shuffled: a bracket [1, 3] whose bucket holds
        // exactly the k middle values; ranks 1,999 and 2,000 + k sit on the ties at its ends
        const n = 4096;
        const values = new Float64Array(n).fill(3);
        values.fill(1, 0, 2000);
        for (let i = 0; i < k; i++) values[2000 + i] = 2 + i / 64;
        let x = seed + 1;
        for (let i = n - 1; i > 0; i--) {
          x = (Math.imul(x, 48271) >>> 0) % 2147483647 || 1;
          const j = x % (i + 1);
          [values[i], values[j]] = [values[j]!, values[i]!];
        }
        const qs = [1999.5 / (n - 1), (2000 + k - 0.5) / (n - 1)];
        const out = new Float64Array(2);
        assert.equal(
          kernel!.quantilesOfPieces(split(values, 1 + (seed % 4), seed), Float64Array.from(qs), out),
          true,
        );
        const js = quantilesOfSegments([values], qs);
        assert.ok(same(out, js), `k ${k}: native ${Array.from(out)} vs js ${js}`);
      }),
      { numRuns: 60, seed: 16 },
    );
  });

  it('bandRow on 4,096-value months of every shape', () => {
    const n = 4096;
    const T1 = SHAPES.length;
    const data = new Float64Array(T1 * n);
    SHAPES.forEach((shape, t) => {
      data.set(shaped(shape, n, 1000 + t, 8), t * n);
    });
    const out = new Float64Array(QS.length * T1);
    const flags = new Int32Array(T1);
    kernel!.bandRow(data, 0, T1, n, QS, out, 0, flags);
    SHAPES.forEach((shape, t) => {
      assert.equal(flags[t], 0, shape);
      const js = quantilesOfSegments([data.subarray(t * n, (t + 1) * n)], BAND_PERCENTILES);
      const native = [0, 1, 2].map((k) => out[k * T1 + t]!);
      assert.ok(same(native, js), `${shape}: native ${native} vs js ${js}`);
    });
  });
});

/**
 * Shapes of data for select.cc's paths. spiky: outliers in a window at the middle of each of `runs` equal
 * strides, where the sample's runs of consecutive values are taken, so that brackets miss (fallback) or hold
 * half the data (bracketed again); levels, two, equal: ties at both bracket ends and point brackets; floor and
 * ceiling: a long run of one value at a bracket's lower or upper end; negzero: −0 without +0 (accepted).
 */
const SHAPES = [
  'spiky',
  'levels',
  'two',
  'equal',
  'floor',
  'ceiling',
  'sorted',
  'reversed',
  'random',
  'negzero',
] as const;
type Shape = (typeof SHAPES)[number];

/** n values of a shape, from a Lehmer generator seeded by `seed`. */
function shaped(shape: Shape, n: number, seed: number, runs: number): Float64Array {
  let x = (seed % 2147483646) + 1;
  const next = () => {
    x = (Math.imul(x, 48271) >>> 0) % 2147483647 || 1;
    return x / 2147483647;
  };
  const share = next();
  const step = n / runs;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = next();
    const spread = Math.exp(10 * u) * (u < 0.2 ? -1 : 1);
    switch (shape) {
      case 'spiky': {
        const phase = i - step * Math.floor(i / step);
        a[i] = Math.abs(phase - step / 2) < 24 ? 1e9 + i : i % 97;
        break;
      }
      case 'levels':
        a[i] = Math.floor(u * 4) * 0.25;
        break;
      case 'two':
        a[i] = u < share ? -3 : 5;
        break;
      case 'equal':
        a[i] = 42.5;
        break;
      case 'floor':
        a[i] = u < share ? 0 : Math.abs(spread);
        break;
      case 'ceiling':
        a[i] = u < share ? 1e6 : -Math.abs(spread);
        break;
      case 'sorted':
        a[i] = i * 0.5;
        break;
      case 'reversed':
        a[i] = n - i;
        break;
      case 'random':
        a[i] = spread;
        break;
      case 'negzero':
        a[i] = u < share ? -0 : spread;
        break;
    }
  }
  return a;
}

/** values cut into `count` pieces of uneven sizes (some empty). */
function split(values: Float64Array, count: number, seed: number): Float64Array[] {
  const cuts = Array.from({ length: count - 1 }, (_, i) =>
    Math.floor((((seed * (i + 7)) % 1009) / 1009) * values.length),
  );
  cuts.sort((a, b) => a - b);
  const bounds = [0, ...cuts, values.length];
  return bounds.slice(1).map((end, i) => values.slice(bounds[i], end));
}

/** Sizes next to select.cc's thresholds (256 gathered, 2,048 bracketed again, 8 per vector) and anywhere. */
const size = fc.oneof(
  fc.integer({ min: 1, max: 20 }),
  fc.integer({ min: 250, max: 262 }),
  fc.integer({ min: 2040, max: 2056 }),
  fc.integer({ min: 4088, max: 4104 }),
  fc.integer({ min: 1, max: 12_000 }),
);

const shapedColumn = fc
  .record({
    shape: fc.constantFrom(...SHAPES),
    n: size,
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    runs: fc.constantFrom(4, 8, 16, 32, 64),
    count: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ shape, n, seed, runs, count }) => ({
    label: `${shape} n ${n} runs ${runs} pieces ${count}`,
    pieces: split(shaped(shape, n, seed, runs), count, seed),
  }));

/** 1 to 8 quantiles: the band's, the ends, close pairs (merged brackets), more brackets than one pass takes. */
const quantileList = fc.oneof(
  fc.constant([...BAND_PERCENTILES]),
  // two quantiles a few ranks apart: one bracket, its ranks split between the bucket and the ends' ties
  fc
    .tuple(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.integer({ min: 1, max: 40 }))
    .map(([q, k]) => [q, q + k * 1e-4]),
  fc.array(
    fc.oneof(fc.constantFrom(0, 1, 0.05, 0.5, 0.95, 0.5 + 1e-9), fc.double({ min: 0, max: 1, noNaN: true })),
    {
      minLength: 1,
      maxLength: 8,
    },
  ),
);
