import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { annualRateFromPerPeriod, npvUsd, ratePerPeriodFromAnnual } from './npv.ts';

describe('npvUsd', () => {
  it('discounts flow i by (1+r)^i with the first flow undiscounted', () => {
    // -100 + 110/1.1 = 0; 50 + 0 + 121/1.21 = 150
    assert.ok(Math.abs(npvUsd([-100, 110], 0.1)) < 1e-12);
    assert.ok(Math.abs(npvUsd([50, 0, 121], 0.1) - 150) < 1e-12);
  });

  it('matches the closed-form annuity: PV of n payments P from period 1 is P·(1 − (1+r)^−n)/r', () => {
    // 360 monthly payments of 1,000 at 0.5%/month: 1000·(1 − 1.005^−360)/0.005 = 166,791.61 (standard mortgage table)
    const flows = new Float64Array(361).fill(1000);
    flows[0] = 0;
    const closed = (1000 * (1 - 1.005 ** -360)) / 0.005;
    assert.ok(Math.abs(closed - 166_791.61) < 0.01);
    assert.ok(Math.abs(npvUsd(flows, 0.005) - closed) < 1e-6);
  });

  it('at rate 0 is the plain sum, exactly, even for flows that cancel (compensated summation)', () => {
    // naive summation gives 0 for 1e16 + 1 - 1e16; the compensated sum keeps the 1
    assert.equal(npvUsd([1e16, 1, -1e16], 0), 1);
    assert.equal(npvUsd([], 0.1), 0);
  });

  it('rejects a rate of -100% or less, and non-finite rates', () => {
    assert.throws(() => npvUsd([1], -1), RangeError);
    assert.throws(() => npvUsd([1], Number.NaN), RangeError);
    assert.throws(() => npvUsd([1], Number.POSITIVE_INFINITY), RangeError);
  });

  it('is decreasing in the rate for conventional flows (outflows first, then inflows)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        fc.double({ min: -0.5, max: 2, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        (inflows, outlay, r, dr) => {
          fc.pre(inflows.some((x) => x > 1e-3));
          const flows = [-outlay, ...inflows];
          return npvUsd(flows, r + dr) < npvUsd(flows, r);
        },
      ),
    );
  });

  it('is linear in the flows: npv(k·flows) = k·npv(flows)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 30 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -0.5, max: 1, noNaN: true }),
        (flows, k, r) => {
          const scaled = npvUsd(
            flows.map((x) => k * x),
            r,
          );
          // tolerance: 1e-12 of the largest discounted gross flow (factors ≤ 2^30 here), plus 1e-9 absolute
          const gross =
            Math.abs(k) * flows.reduce((s, x) => s + Math.abs(x), 0) * (1 / (1 + r)) ** flows.length;
          return Math.abs(scaled - k * npvUsd(flows, r)) <= 1e-12 * gross + 1e-9;
        },
      ),
    );
  });
});

describe('rate conversions', () => {
  it('turn 10%/yr into (1.1)^(1/12) − 1 per month and back', () => {
    const monthly = ratePerPeriodFromAnnual(0.1, 12);
    assert.ok(Math.abs(monthly - 0.00797414) < 1e-8);
    assert.ok(Math.abs(annualRateFromPerPeriod(monthly, 12) - 0.1) < 1e-14);
    // 1%/month compounds to 1.01^12 − 1 = 12.6825%/yr
    assert.ok(Math.abs(annualRateFromPerPeriod(0.01, 12) - 0.12682503) < 1e-8);
  });
});
