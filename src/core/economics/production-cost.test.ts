import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miningPnl } from './mining-pnl.ts';
import { productionCost } from './production-cost.ts';

const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

// 1 PH/s at 20 J/TH for 10 days: 0.005 BTC, $240 of power (see mining-pnl.test.ts).
// opex $9,131.25/MW-month × 0.02 MW × (10 / 30.4375) months = $60.
const pnl = miningPnl({
  tiers: [{ thPerS: 1000, jPerTh: 20 }],
  hashpriceBtcPerPhDay: 5e-4,
  priceUsd: 60_000,
  days: 10,
  poolFeeFraction: 0,
  uptimeFraction: 1,
  pue: 1,
  powerPriceUsdPerMwh: 50,
  opexUsdPerMwMonth: 9131.25,
  opexUsdPerThMonth: 0,
});

describe('productionCost', () => {
  it('divides power, then power + opex, by the BTC kept: $48,000 and $60,000 per BTC', () => {
    close(pnl.opexUsd, 60, 1e-9, 'opex');
    const cost = productionCost(pnl);
    close(cost.powerOnlyUsdPerBtc, 48_000, 1e-6, 'power-only'); // 240 / 0.005
    close(cost.cashUsdPerBtc, 60_000, 1e-6, 'cash'); // 300 / 0.005
    close(cost.allInUsdPerBtc, 60_000, 1e-6, 'all-in without capital');
  });

  it('adds straight-line depreciation and simple interest for the period: $84,000 per BTC', () => {
    // depreciation: 3,043.75 × (10 / 30.4375) / 10 months = $100; interest: 10,000 × 7.305% × 10 / 365.25 = $20
    // all-in = (240 + 60 + 100 + 20) / 0.005 = 84,000
    const cost = productionCost(pnl, {
      capexUsd: 3043.75,
      usefulLifeMonths: 10,
      debtUsd: 10_000,
      interestRatePerYear: 0.07305,
    });
    close(cost.depreciationUsd, 100, 1e-9, 'depreciation');
    close(cost.interestUsd, 20, 1e-9, 'interest');
    close(cost.allInUsdPerBtc, 84_000, 1e-6, 'all-in');
  });

  it('counts the pool fee by dividing by BTC kept: a 2% fee raises the cost by 1/0.98', () => {
    const withFee = miningPnl({ ...pnl, tiers: [{ thPerS: 1000, jPerTh: 20 }], ...feeTerms() });
    close(productionCost(withFee).powerOnlyUsdPerBtc, 48_000 / 0.98, 1e-6, 'power-only with fee');
  });

  it('refuses a period without BTC', () => {
    assert.throws(() => productionCost({ ...pnl, btcMined: 0 }), RangeError);
  });
});

function feeTerms() {
  return {
    hashpriceBtcPerPhDay: 5e-4,
    priceUsd: 60_000,
    poolFeeFraction: 0.02,
    uptimeFraction: 1,
    pue: 1,
    powerPriceUsdPerMwh: 50,
    opexUsdPerMwMonth: 0,
    opexUsdPerThMonth: 0,
  };
}
