import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { heightAtIssuedSat, issuedSat, TOTAL_ISSUANCE_SAT } from './issuance.ts';
import { blockSubsidySat } from './subsidy.ts';

describe('issuedSat', () => {
  it('totals 2,099,999,997,690,000 sat once the subsidy reaches zero (Bitcoin Core subsidy_limit_test)', () => {
    // eras 0..32 pay 210,000 · (5e9 >> k); the last paying block is 6,929,999
    assert.equal(TOTAL_ISSUANCE_SAT, 2_099_999_997_690_000);
    assert.equal(issuedSat(6_929_999), TOTAL_ISSUANCE_SAT);
    assert.equal(issuedSat(6_929_998), TOTAL_ISSUANCE_SAT - 1);
    assert.equal(issuedSat(64 * 210_000), TOTAL_ISSUANCE_SAT);
    assert.equal(issuedSat(Number.MAX_SAFE_INTEGER), TOTAL_ISSUANCE_SAT);
  });

  it('matches hand-worked heights', () => {
    assert.equal(issuedSat(0), 5_000_000_000); // genesis alone: 50 BTC
    assert.equal(issuedSat(209_999), 210_000 * 5_000_000_000); // 10.5M BTC after era 0
    assert.equal(issuedSat(210_000), 210_000 * 5_000_000_000 + 2_500_000_000);
    // 840,000 = first block of era 4: 210,000·(50+25+12.5+6.25) BTC + 3.125 BTC = 19,687,500 + 3.125 BTC
    assert.equal(issuedSat(840_000), 1_968_750_000_000_000 + 312_500_000);
  });

  it('agrees with a running sum of blockSubsidySat over the first 1,100,000 blocks', () => {
    let sum = 0;
    for (let h = 0; h <= 1_100_000; h++) {
      sum += blockSubsidySat(h);
      if (h % 9_973 === 0 || h % 210_000 === 0 || h % 210_000 === 209_999)
        assert.equal(issuedSat(h), sum, `h=${h}`);
    }
  });

  it('steps by exactly the block subsidy, is monotone and bounded (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000_000 }), (h) => {
        const here = issuedSat(h);
        return (
          here - issuedSat(h - 1) === blockSubsidySat(h) &&
          here >= issuedSat(h - 1) &&
          here <= TOTAL_ISSUANCE_SAT
        );
      }),
    );
  });

  it('is inverted by heightAtIssuedSat: the lowest height whose issuance reaches an amount (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6_929_999 }), (h) => heightAtIssuedSat(issuedSat(h)) === h),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: TOTAL_ISSUANCE_SAT }), (sat) => {
        const h = heightAtIssuedSat(sat);
        return h !== null && issuedSat(h) >= sat && (h === 0 || issuedSat(h - 1) < sat);
      }),
    );
    assert.equal(heightAtIssuedSat(TOTAL_ISSUANCE_SAT + 1), null);
    assert.equal(heightAtIssuedSat(0), 0);
  });
});
