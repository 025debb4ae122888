import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meanSubsidyBtc, miningCashFlows } from './mining-cash-flows.ts';

const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

const params = {
  tiers: [{ thPerS: 1e6, jPerTh: 17.5 }],
  difficulty: 1e14,
  priceUsd: 60_000,
  feesBtcPerBlock: 0,
  months: 3,
  capexUsd: 1e7,
  poolFeeFraction: 0,
  uptimeFraction: 1,
  pue: 1,
  powerPriceUsdPerMwh: 40,
  opexUsdPerMwMonth: 0,
  opexUsdPerThMonth: 0,
  whenUnprofitable: 'mine' as const,
};

describe('meanSubsidyBtc', () => {
  it('pro-rates a halving inside the range: 1,000 blocks at 3.125 and 3,383 at 1.5625', () => {
    // (1000 · 3.125 + 3383 · 1.5625) / 4383 = (3125 + 5285.9375) / 4383 = 1.918992…
    close(meanSubsidyBtc(1_049_000, 4383), (3125 + 5285.9375) / 4383, 1e-12, 'mean');
    assert.equal(meanSubsidyBtc(0, 10), 50);
  });
});

describe('miningCashFlows', () => {
  it('halves the BTC mined in the month after a halving when fees are zero, and spends capex in month 0', () => {
    const f = miningCashFlows({ ...params, startHeight: 1_050_000 - 4383 });
    assert.equal(f.subsidyBtc[0], 3.125);
    assert.equal(f.subsidyBtc[1], 1.5625);
    close(f.btcMined[1]! / f.btcMined[0]!, 0.5, 1e-12, 'ratio');
    // month 0: 1000 PH/s · 1e15·86400·3.125/(1e14·2^32) BTC/PH/day · 30.4375 d
    const btc0 = ((1000 * 1e15 * 86_400 * 3.125) / (1e14 * 2 ** 32)) * 30.4375;
    close(f.btcMined[0]!, btc0, 1e-9, 'btc month 0');
    // power: 17.5 MW × 730.5 h × $40 = $511,350 a month
    close(f.powerCostUsd[2]!, 511_350, 1e-6, 'power');
    close(f.cashFlowUsd[0]!, btc0 * 60_000 - 511_350 - 1e7, 1e-5, 'cash month 0');
    close(f.cashFlowUsd[2]!, f.ebitdaUsd[2]!, 0, 'no capex later');
  });

  it('switches a month off when its revenue would not pay its power, still paying fixed opex', () => {
    // at $1,000/MWh the power bill (17.5 MW × 730.5 h × 1000 = $12.78M) exceeds a month's revenue (19.1 BTC × $60,000 ≈ $1.15M)
    const expensive = {
      ...params,
      startHeight: 900_000,
      powerPriceUsdPerMwh: 1000,
      opexUsdPerMwMonth: 10_000,
    };
    const on = miningCashFlows(expensive);
    assert.ok(on.ebitdaUsd[1]! < -5e6);
    const off = miningCashFlows({ ...expensive, whenUnprofitable: 'idle' });
    assert.equal(off.btcMined[1], 0);
    assert.equal(off.powerCostUsd[1], 0);
    // opex: $10,000 × 17.5 MW = $175,000 a month
    close(off.ebitdaUsd[1]!, -175_000, 1e-6, 'opex only');
    close(off.cashFlowUsd[0]!, -175_000 - 1e7, 1e-6, 'capex and opex');
  });

  it('retires the site after its last profitable month when told to: no opex from then on', () => {
    // from height 1,255,617 a month at 1.5625 BTC, then the 2032 halving (1,260,000) cuts it to 0.78125:
    // at $25/MWh the 1.5625 month pays (~$575k revenue vs $320k power) and the 0.78125 months do not
    const p = { ...params, startHeight: 1_260_000 - 4383, powerPriceUsdPerMwh: 25, opexUsdPerMwMonth: 1000 };
    const idle = miningCashFlows({ ...p, whenUnprofitable: 'idle' });
    assert.ok(idle.ebitdaUsd[0]! > 0);
    close(idle.ebitdaUsd[2]!, -17_500, 1e-6, 'idle month pays opex');
    const retired = miningCashFlows({ ...p, whenUnprofitable: 'retire' });
    close(retired.ebitdaUsd[0]!, idle.ebitdaUsd[0]!, 0, 'month 0 unchanged');
    assert.equal(retired.opexUsd[1], 0);
    assert.equal(retired.ebitdaUsd[2], 0);
  });

  it('a retired site mines nothing and buys no power, even where revenue alone would still cover power', () => {
    // at $15/MWh the post-halving months' ~$288k revenue covers the $192k power bill, but not with $175k opex
    const p = {
      ...params,
      startHeight: 1_260_000 - 4383,
      powerPriceUsdPerMwh: 15,
      opexUsdPerMwMonth: 10_000,
    };
    const retired = miningCashFlows({ ...p, whenUnprofitable: 'retire' });
    assert.ok(retired.btcMined[0]! > 0);
    for (const m of [1, 2]) {
      assert.equal(retired.ebitdaUsd[m], 0);
      assert.equal(retired.btcMined[m], 0, `btc month ${m}`);
      assert.equal(retired.netRevenueUsd[m], 0, `revenue month ${m}`);
      assert.equal(retired.powerCostUsd[m], 0, `power month ${m}`);
    }
  });
});
