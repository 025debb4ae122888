import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { quantilesOfSegments } from '../../src/core/simulate/quantile.ts';
import { BAND_PERCENTILES } from '../../src/core/simulate/sample-summary.ts';
import { loadNativeKernel } from '../../src/jobs/native-kernel.ts';

// The native order statistics (native/src/band_quantiles.cc: a three-way quickselect on AVX-512 compress)
// against quantile.ts: the same bits for every quantile, or a refusal (NaN, ±∞, both signed zeros) that
// leaves the data to JavaScript. Data drawn to be hard: ties, long runs of one value, heavy tails, tiny sizes.

const kernel = loadNativeKernel();
const skip = kernel
  ? false
  : 'the native kernel is not built (scripts/build-native.sh needs g++ and AVX-512)';
const QS = Float64Array.from(BAND_PERCENTILES);

/** A value as the simulator makes them: a few repeated levels, heavy tails, zeros of one sign, huge and tiny. */
const value = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 250_000_000, 1e-12, -3e9),
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
            const refused = kind === 'nan' || kind === 'inf' || (kind === 'zeros' && n > 1);
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
});
