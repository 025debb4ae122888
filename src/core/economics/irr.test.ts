import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { irr } from './irr.ts';
import { npvUsd } from './npv.ts';

function rateOf(flows: ArrayLike<number>): number {
  const result = irr(flows);
  assert.ok(result.ok, `expected a rate, got ${JSON.stringify(result)}`);
  return result.ratePerPeriod;
}

describe('irr', () => {
  it('finds 10% for [-100, 110]', () => {
    assert.ok(Math.abs(rateOf([-100, 110]) - 0.1) < 1e-12);
  });

  it('finds the rate of a level annuity: 1,000 now buys 12 payments of 88.8488 at 1%/period', () => {
    // payment = 1000·0.01/(1 − 1.01^−12) = 88.848789
    const payment = (1000 * 0.01) / (1 - 1.01 ** -12);
    const flows = [-1000, ...Array.from({ length: 12 }, () => payment)];
    assert.ok(Math.abs(rateOf(flows) - 0.01) < 1e-12);
  });

  it('finds negative rates: [-100, 50] is -50%, [-100, 0, 25] is -50%', () => {
    assert.ok(Math.abs(rateOf([-100, 50]) + 0.5) < 1e-12);
    // 25/(1+r)^2 = 100 → 1+r = 0.5
    assert.ok(Math.abs(rateOf([-100, 0, 25]) + 0.5) < 1e-12);
  });

  it('finds large rates: [-1, 1001] is 100,000%', () => {
    assert.ok(Math.abs(rateOf([-1, 1001]) - 1000) < 1e-9);
  });

  it('returns exactly 0 when the flows sum to 0', () => {
    assert.equal(rateOf([-100, 40, 60]), 0);
  });

  it('reports no-sign-change for flows of one sign, zeros or nothing', () => {
    assert.deepEqual(irr([100, 10]), { ok: false, reason: 'no-sign-change' });
    assert.deepEqual(irr([-100, 0, -5]), { ok: false, reason: 'no-sign-change' });
    assert.deepEqual(irr([0, 0]), { ok: false, reason: 'no-sign-change' });
    assert.deepEqual(irr([]), { ok: false, reason: 'no-sign-change' });
  });

  it('returns the root nearest 0 when there are two: [-100, 230, -132] has 10% and 20%', () => {
    // -100(1+r)^2 + 230(1+r) - 132 = 0 → 1+r ∈ {1.1, 1.2}
    assert.ok(Math.abs(rateOf([-100, 230, -132]) - 0.1) < 1e-12);
  });

  it('returns the positive root for an investment that pays back although a negative root is nearer 0', () => {
    // -100 + 205x - 104x^2 = 0 with x = 1/(1+r): roots 1+r = 208/(205 ∓ √425) → r = +12.808% and −7.808%;
    // NPV(0) = +1 > 0 while the first flow is negative, so the root above 0 is the investment's IRR
    const expected = 208 / (205 - Math.sqrt(425)) - 1;
    assert.ok(Math.abs(expected - 0.128_08) < 1e-5);
    assert.ok(Math.abs(rateOf([-100, 205, -104]) - expected) < 1e-12);
  });

  it('returns the negative root for a loss-making investment whose last flow is positive', () => {
    // [-100, 0, 64]: (1+r)^2 = 0.64 → r = −20%; NPV(0) = −36 shares the first flow's sign, the last flow is +
    assert.ok(Math.abs(rateOf([-100, 0, 64]) + 0.2) < 1e-12);
  });

  it('reports no-convergence when sign changes give no real root: [-100, 100, -100]', () => {
    // -100 + 100x - 100x^2 < 0 for every x (discriminant 1e4 - 4e4 < 0)
    assert.deepEqual(irr([-100, 100, -100]), { ok: false, reason: 'no-convergence' });
  });

  it('rejects non-finite flows', () => {
    assert.throws(() => irr([-1, Number.NaN]), RangeError);
  });

  it('makes the NPV zero for random conventional flows (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e8, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 120 }),
        (outlay, inflows) => {
          const total = inflows.reduce((s, x) => s + x, 0);
          fc.pre(total > 1e-6 * outlay);
          const flows = [-outlay, ...inflows];
          const result = irr(flows);
          if (!result.ok) return false;
          // tolerance: NPV at the root is zero to ~1e-9 of the gross flows
          const gross = outlay + total;
          return Math.abs(npvUsd(flows, result.ratePerPeriod)) <= 1e-9 * gross;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('recovers a planted rate from flows built at that rate (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 3, noNaN: true }),
        fc.array(fc.double({ min: 1, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (rate, inflows) => {
          const pv = inflows.reduce((s, x, i) => s + x / (1 + rate) ** (i + 1), 0);
          const flows = [-pv, ...inflows];
          const found = rateOf(flows);
          return Math.abs(found - rate) <= 1e-8 * (1 + Math.abs(rate));
        },
      ),
      { numRuns: 300 },
    );
  });
});
