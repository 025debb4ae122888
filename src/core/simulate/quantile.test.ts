import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compensatedMean, quantile, quantiles } from './quantile.ts';

/** Type-7 quantile from a full sort: the oracle. */
function sortedQuantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(s.length - 1, lo + 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

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

  it('compensatedMean keeps small addends next to large ones', () => {
    // 1e16 + 1 + 1 − 1e16 = 2 exactly; naive left-to-right summation gives 0 (each 1 is lost).
    assert.equal(compensatedMean([1e16, 1, 1, -1e16]), 0.5);
  });
});
