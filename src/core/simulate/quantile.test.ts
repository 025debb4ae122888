import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compensatedMean,
  compensatedMeanOf,
  QuantileCounter,
  quantile,
  quantiles,
  quantilesOfSegments,
  SelectionBuffers,
} from './quantile.ts';

/** Type-7 quantile from a full sort: the oracle. */
function sortedQuantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

/** Type-7 quantile by the formula `quantiles` uses, from a full sort (infinities ordered like numbers). */
function exactQuantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const x = s[lo]!;
  if (h === lo || lo + 1 >= s.length) return x;
  const y = s[lo + 1]!;
  return x === y ? x : x + (h - lo) * (y - x);
}

/** `values` cut into pieces at the given fractions. */
function piecesOf(values: readonly number[], cuts: readonly number[]): Float64Array[] {
  const at = [...new Set(cuts.map((f) => Math.floor(f * values.length)))].sort((a, b) => a - b);
  const pieces: Float64Array[] = [];
  let from = 0;
  for (const to of [...at, values.length]) {
    pieces.push(Float64Array.from(values.slice(from, to)));
    from = to;
  }
  return pieces;
}

describe('quantiles by selection', () => {
  it('equal the full-sort quantiles for any data, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(finite, fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 300 }),
        (xs) => {
          const qs = [0.05, 0.5, 0.95];
          const got = quantiles(Float64Array.from(xs), qs);
          qs.forEach((q, k) => {
            const want = sortedQuantile(xs, q);
            assert.ok(
              Math.abs(got[k]! - want) <= 1e-9 * Math.max(1, Math.abs(want)),
              `q ${q}: ${got[k]} vs ${want}`,
            );
            assert.ok(Math.abs(quantile(xs, q) - want) <= 1e-9 * Math.max(1, Math.abs(want)));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles worked cases and infinities', () => {
    assert.deepEqual(quantiles([4, 1, 3, 2], [0.25, 0.5]), [1.75, 2.5]);
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.deepEqual(quantiles([1, Number.POSITIVE_INFINITY, 2], [0.5, 1]), [2, Number.POSITIVE_INFINITY]);
    assert.ok(Number.isNaN(quantiles([], [0.5])[0]!));
  });

  it('over pieces: exactly the quantiles of the joined values, for heavy tails, ties, zeros and infinities', () => {
    const value = fc.oneof(
      finite,
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, -0, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324),
      fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.double({ noNaN: true, min: 1, max: 2 }).map((x) => Math.exp(60 * (x - 1)) * 1e-10),
    );
    const buffers = new SelectionBuffers();
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 3000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        (xs, cuts) => {
          const qs = [0.05, 0.5, 0.95, 0, 1];
          const got = quantilesOfSegments(piecesOf(xs, cuts), qs, buffers);
          qs.forEach((q, k) => {
            const want = exactQuantile(xs, q);
            // −0 and +0 may differ only when both occur (then both implementations take quickselect)
            assert.ok(
              got[k] === want || (Number.isNaN(got[k]!) && Number.isNaN(want)),
              `q ${q}: ${got[k]} vs ${want}`,
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('over pieces: the same bits as the single-array quickselect on real-looking data (4,096 and 30,000 values)', () => {
    let seed = 7;
    const uniform = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed + 0.5) / 2 ** 32;
    };
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const shapes: (() => number)[] = [
      () => 1e5 * Math.exp(1.5 * normal()), // lognormal price
      () => (uniform() < 0.4 ? 0 : 1e-3 * uniform()), // hash share with a mass at 0
      () => (uniform() < 0.6 ? 5e6 : 5e6 + 1e8 * Math.exp(normal())), // cash at its floor
      () => 1e8 * normal() + (uniform() < 0.01 ? 1e12 : 0), // NPV with rare outliers
      () => (uniform() < 0.3 ? Number.POSITIVE_INFINITY : 1000 + 30 * normal()), // halving days
    ];
    const buffers = new SelectionBuffers();
    for (const shape of shapes)
      for (const n of [4096, 30_000]) {
        const xs = Array.from({ length: n }, shape);
        const got = quantilesOfSegments(piecesOf(xs, [0.1, 0.5, 0.77]), [0.05, 0.5, 0.95], buffers);
        const want = [0.05, 0.5, 0.95].map((q) => exactQuantile(xs, q));
        assert.deepEqual(got, want);
      }
  });

  it('QuantileCounter: pieces counted in any order (windows kept after a quarter) give the exact quantiles', () => {
    const value = fc.oneof(
      finite,
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, -0, 1e300, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 2000 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        fc.integer(),
        (xs, cuts, seed) => {
          const qs = [0.05, 0.5, 0.95];
          const pieces = piecesOf(xs, cuts);
          const counter = new QuantileCounter(xs.length, qs);
          const order = pieces
            .map((_, i) => i)
            .sort((i, j) => ((i * 7919 + seed) % 13) - ((j * 7919 + seed) % 13));
          for (const i of order) counter.add(pieces[i]!);
          const got = counter.quantiles(pieces, qs);
          qs.forEach((q, k) => {
            const want = exactQuantile(xs, q);
            assert.ok(
              got[k] === want || (Number.isNaN(got[k]!) && Number.isNaN(want)),
              `q ${q}: ${got[k]} vs ${want}`,
            );
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('compensatedMeanOf pieces equals compensatedMean of the joined values', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 1, maxLength: 200 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        (xs, cuts) => {
          assert.ok(Object.is(compensatedMeanOf(piecesOf(xs, cuts)), compensatedMean(xs)));
        },
      ),
    );
  });

  it('compensatedMean keeps small addends next to large ones', () => {
    // 1e16 + 1 + 1 − 1e16 = 2 exactly; naive left-to-right summation gives 0 (each 1 is lost).
    assert.equal(compensatedMean([1e16, 1, 1, -1e16]), 0.5);
  });
});
