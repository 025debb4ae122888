import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulateSync } from '../../src/core/simulate/engine.ts';
import { frozenScenarioDocument, patched, scenarioOf } from './scenarios.ts';

/*
 * Hand derivation for the frozen world of frozenScenarioDocument():
 *   month = 365.25/12 days = 2,629,800 s; difficulty is the equilibrium one for 1,000 EH/s, so blocks come
 *   every 600 s: 2,629,800 / 600 = 4,383 blocks a month; height 900,000 + 12·4,383 = 952,596 < 1,050,000, so
 *   the subsidy is 3.125 BTC all year; fees 0.125 BTC/block → reward 3.25 BTC/block,
 *   network reward = 4,383 · 3.25 = 14,244.75 BTC/month.
 *   The company has 5 EH/s of 1,000 EH/s → share 0.005 → 71.22375 BTC/month, 854.685 BTC in 12 months.
 *   Power: 5e6 TH/s · 20 J/TH = 100 MW (PUE 1) · 730.5 h · 50 USD/MWh = 3,652,500 USD/month.
 *   Revenue per TH/s-month 1e5 · 3.25 · 4,383 / 1e9 = 1.424475 USD > cost 20 · 50 · 730.5 / 1e6 = 0.7305 USD,
 *   so the machines run every month.
 *   hodl:          cash = 1e9 − 12 · 3,652,500 = 956,170,000; BTC held = 854.685.
 *   sell-to-cover: each month sells 3,652,500 / 1e5 = 36.525 BTC → cash stays 1e9,
 *                  BTC held = 12 · (71.22375 − 36.525) = 416.385.
 *   EBITDA = 12 · (7,122,375 − 3,652,500) = 41,638,500 USD.
 *   NPV at r = 0 (terminal: BTC at 1e5, no mining value): hodl 854.685e5 − 43,830,000 = 41,638,500;
 *   at r = 12 %/yr, with v = 1.12^(−1/12): −3,652,500 · v(1 − v¹²)/(1 − v) + 85,468,500 / 1.12.
 * Floating-point rounding (difficulty, 2016-block retargets at ratio 1) allows a relative error of 1e-9.
 */
const close = (actual: number, expected: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)),
    `${what}: expected ${expected}, got ${actual}`,
  );

describe('simulateSync in a zero-volatility, frozen-network world', () => {
  it('reproduces the hand-derived BTC, cash, EBITDA, hash share and NPV of hodl and sell-to-cover', () => {
    const r = simulateSync(scenarioOf(frozenScenarioDocument()));
    const [hodl, cover] = r.strategies;
    for (const q of ['p5', 'p50', 'p95', 'mean'] as const) {
      close(hodl!.btcMined[q], 854.685, `hodl btcMined ${q}`);
      close(hodl!.btcHeld[q], 854.685, `hodl btcHeld ${q}`);
      close(hodl!.cashUsd[q], 956_170_000, `hodl cash ${q}`);
      close(hodl!.ebitdaUsd[q], 41_638_500, `hodl EBITDA ${q}`);
      close(hodl!.hashShareEnd[q], 0.005, `hodl share ${q}`);
      close(hodl!.npvUsd[q], 41_638_500, `hodl NPV ${q}`);
      close(cover!.btcHeld[q], 416.385, `cover btcHeld ${q}`);
      close(cover!.cashUsd[q], 1e9, `cover cash ${q}`);
      close(cover!.npvUsd[q], 41_638_500, `cover NPV ${q}`);
    }
    assert.equal(hodl!.shortfallProbability, 0);
    close(r.network.hashrateEndEhPerS.p50, 1000, 'network hashrate');
    close(r.network.priceUsd.p95[12]!, 100_000, 'price');
  });

  it('discounts monthly flows at (1 + r)^(−t/12) and the terminal value at (1 + r)^(−1)', () => {
    const r = simulateSync(scenarioOf(patched(frozenScenarioDocument(), { discountRatePerYear: 0.12 })));
    const v = 1.12 ** (-1 / 12);
    const expected = (-3_652_500 * v * (1 - v ** 12)) / (1 - v) + 85_468_500 / 1.12;
    close(r.strategies[0]!.npvUsd.mean, expected, 'hodl NPV at 12%');
  });

  it('puts the next halving 150,000 blocks of 600 s after height 900,000: day 1,041.67 = 2027-11-08', () => {
    // 150,000 · 600 s = 90,000,000 s = 1,041.666… days after 2025-01-01 → 2027-11-08.
    // Subsidy over 36 months (157,788 blocks): 150,000 · 3.125 + 7,788 · 1.5625 = 480,918.75 BTC;
    // the company's 0.5 % of it plus fees: 0.005 · (480,918.75 + 157,788 · 0.125 = 19,723.5) = 2,503.21125 BTC.
    const r = simulateSync(scenarioOf(patched(frozenScenarioDocument(), { months: 36 })));
    assert.deepEqual(r.network.nextHalvingDate, { p5: '2027-11-08', p50: '2027-11-08', p95: '2027-11-08' });
    assert.equal(r.network.halvings[0]!.height, 1_050_000);
    close(r.strategies[0]!.btcMined.p50, 2_503.21125, 'BTC mined across the halving');
  });
});
