import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blockSubsidyBtc, blockSubsidySat } from './subsidy.ts';

const COIN = 100_000_000;

describe('blockSubsidySat (Bitcoin Core validation_tests.cpp block_subsidy_test / subsidy_limit_test)', () => {
  it('halves at each multiple of 210,000, starting from 50 BTC, for all 64 halvings', () => {
    // TestBlockSubsidyHalvings: previous starts at 2 * 50 BTC; each halving height gives previous / 2 (integer)
    let previous = 2 * 50 * COIN;
    for (let halvings = 0; halvings < 64; halvings++) {
      const subsidy = blockSubsidySat(halvings * 210_000);
      assert.ok(subsidy <= 50 * COIN);
      assert.equal(subsidy, Math.floor(previous / 2), `halving ${halvings}`);
      previous = subsidy;
    }
    assert.equal(blockSubsidySat(64 * 210_000), 0);
  });

  it('sums to 2,099,999,997,690,000 sat when sampled every 1000 blocks up to 14,000,000', () => {
    let sum = 0;
    for (let h = 0; h < 14_000_000; h += 1000) {
      const subsidy = blockSubsidySat(h);
      assert.ok(subsidy <= 50 * COIN);
      sum += subsidy * 1000;
      assert.ok(sum <= 21_000_000 * COIN, 'MoneyRange');
    }
    assert.equal(sum, 2_099_999_997_690_000);
  });

  it('differs on both sides of every halving: last block of era k pays 50 BTC >> k, the next 50 BTC >> (k+1)', () => {
    for (let k = 0; k < 33; k++) {
      const h = (k + 1) * 210_000;
      assert.equal(blockSubsidySat(h - 1), Math.floor(5_000_000_000 / 2 ** k), `height ${h - 1}`);
      assert.equal(blockSubsidySat(h), Math.floor(5_000_000_000 / 2 ** (k + 1)), `height ${h}`);
    }
    // the known figures: 50 → 25 at 210,000; 6.25 → 3.125 at 840,000; 3.125 → 1.5625 at 1,050,000
    assert.deepEqual(
      [209_999, 210_000, 839_999, 840_000, 1_049_999, 1_050_000].map(blockSubsidySat),
      [5_000_000_000, 2_500_000_000, 625_000_000, 312_500_000, 312_500_000, 156_250_000],
    );
  });

  it('is 1 sat in era 32 and zero from the 33rd halving (6,930,000) on, including past the 64-shift rule', () => {
    // 5e9 >> 32 = floor(1.164) = 1; 5e9 >> 33 = 0 because 5e9 < 2^33 = 8,589,934,592
    assert.equal(blockSubsidySat(32 * 210_000), 1);
    assert.equal(blockSubsidySat(33 * 210_000 - 1), 1);
    assert.equal(blockSubsidySat(33 * 210_000), 0);
    // C++ `>>` by 64 or more is undefined; Core returns 0 explicitly from 64 halvings, so must we (JS `>>` would wrap)
    assert.equal(blockSubsidySat(64 * 210_000), 0);
    assert.equal(blockSubsidySat(100 * 210_000), 0);
    assert.equal(blockSubsidySat(Number.MAX_SAFE_INTEGER), 0);
  });

  it('is never negative, never above 50 BTC, and never increases with height (fast-check)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 20_000_000 }), fc.nat({ max: 20_000_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const sLo = blockSubsidySat(lo);
        const sHi = blockSubsidySat(hi);
        return Number.isInteger(sLo) && sLo >= 0 && sLo <= 50 * COIN && sHi <= sLo;
      }),
    );
  });

  it('rejects negative and fractional heights', () => {
    assert.throws(() => blockSubsidySat(-1), RangeError);
    assert.throws(() => blockSubsidySat(1.5), RangeError);
    assert.equal(blockSubsidyBtc(840_000), 3.125);
  });
});
