import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AiLease } from '../../schema/ai-lease.ts';
import { MiningTerms } from '../../schema/mining-pnl.ts';
import { EXAMPLE_ASSUMPTIONS, workedExample } from './worked-example.ts';

const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

const example = workedExample();

describe('workedExample (embedded defaults)', () => {
  it('uses assumptions that pass the boundary schemas', () => {
    AiLease.parse(EXAMPLE_ASSUMPTIONS.ai);
    MiningTerms.parse(EXAMPLE_ASSUMPTIONS.mining);
  });

  it('prices the 2024-11-23 network at $58.79/PH/day', () => {
    // 1e15 · 86400 · (3.125 + 0.1) / (1.0203108744e14 · 2^32) = 2.78640e20 / 4.38220e23 = 6.35845e-4 BTC/PH/day
    // × $92,460.13 = $58.7903/PH/day
    close(example.hashprice.btcPerPhDay, 6.35845e-4, 1e-9, 'BTC/PH/day');
    close(example.hashprice.usdPerPhDay, 58.7903, 1e-4, 'USD/PH/day');
    assert.equal(example.market.subsidyBtc, 3.125);
  });

  it('lists breakeven power prices: an S21 breaks even at $130.65/MWh after a 2% pool fee and PUE 1.05', () => {
    // 58.7903 · 0.98 · 1000 / (24 · 17.5 · 1.05) = 57,614.5 / 441 = 130.645
    const s21 = example.breakeven.find((r) => r.model === 'Antminer S21');
    close(s21!.usdPerMwh, 130.645, 1e-3, 'S21');
    close(s21!.headroomUsdPerMwh, 130.645 - 45, 1e-3, 'headroom');
    // an S9 (98 J/TH) cannot pay $45/MWh: 58.7903 · 0.98 · 1000 / (24 · 98 · 1.05) = 23.33
    close(example.breakeven.find((r) => r.model === 'Antminer S9')!.usdPerMwh, 23.329, 1e-3, 'S9');
    for (let i = 1; i < example.breakeven.length; i++)
      assert.ok(example.breakeven[i]!.jPerTh <= example.breakeven[i - 1]!.jPerTh, 'sorted by efficiency');
  });

  it("works the fleet's month by hand: 97.30 BTC, $3.10M power, $1.13M opex", () => {
    // 27,000 S21 = 5.4 EH/s = 5,400 PH/s, 94.5 MW of ASICs, × 1.05 = 99.225 MW at the meter
    // gross BTC = 5,400 · 6.358447e-4 · 30.4375 d · 0.95 = 99.2836; kept after 2% = 97.2979
    // power = 94.5 · 1.05 · 730.5 h · 0.95 · $45 = $3,098,685.12; opex = $12,000 · 94.5 = $1,134,000
    const m = example.mining.month;
    close(example.mining.hashrateEhPerS, 5.4, 1e-12, 'EH/s');
    close(m.sitePowerMw, 99.225, 1e-9, 'site MW');
    close(m.btcMined, 97.2979, 1e-4, 'BTC');
    close(m.powerCostUsd, 3_098_685.12, 0.01, 'power');
    close(m.opexUsd, 1_134_000, 1e-6, 'opex');
  });

  it('costs $31,847 (power), $43,502 (cash) and $65,760 (all-in) per BTC', () => {
    // capex = 5.4e6 TH × $14 + 94.5 MW × $300k = $103.95M; / 48 months = $2,165,625 a month
    // (3,098,685.12 [+ 1,134,000] [+ 2,165,625]) / 97.2979
    const c = example.mining.productionCost;
    close(example.mining.capexUsd, 103.95e6, 1e-3, 'capex');
    close(c.powerOnlyUsdPerBtc, 31_847.4, 0.1, 'power-only');
    close(c.cashUsdPerBtc, 43_502.3, 0.1, 'cash');
    close(c.allInUsdPerBtc, 65_760.0, 0.1, 'all-in');
    // the next halving (1,050,000) is (1,050,000 − 872,000) / 4,383 = 40.6 → month 40
    assert.deepEqual(example.mining.nextHalving, { height: 1_050_000, month: 40 });
  });

  it("values the AI lease against the closed-form annuity: 12 build months, then 144 months' EBITDA", () => {
    // IT MW = 100 / 1.3 = 76.923; rent = $120.833/kW-month · 76,923 kW = $9,294,871.79; opex $1,538,461.54
    // capex C = $9M · 76.923 = $692.31M over months 0-11; EBITDA E = $7,756,410.26 in months 12-155
    // NPV = −C/12 · ä(12) + E · v^12 · ä(144), v = 1.1^(−1/12), ä(n) = (1 − v^n)/(1 − v)
    const v = 1.1 ** (-1 / 12);
    const annuityDue = (n: number) => (1 - v ** n) / (1 - v);
    const capex = (9e6 * 100) / 1.3;
    const ebitda = 7_756_410.256_41;
    const npv = (-capex / 12) * annuityDue(12) + ebitda * v ** 12 * annuityDue(144);
    close(example.ai.month.revenueUsd, 9_294_871.79, 0.01, 'rent');
    close(example.ai.month.ebitdaUsd, ebitda, 0.01, 'ebitda');
    close(example.ai.valuation.npvUsd, npv, 1, 'npv');
    close(example.ai.usdPerMwYear, 1_450_000, 1e-6, 'USD/MW-year');
    assert.equal(example.horizonMonths, 156);
  });

  it('gives IRRs on the right side of the 10% discount rate for the sign of each NPV', () => {
    for (const v of [example.mining.valuation, example.ai.valuation]) {
      assert.equal(v.irrStatus, 'ok');
      assert.equal(v.npvUsd > 0, v.irrPerYear! > 0.1);
    }
    // a lower hashprice can only lower mining's NPV
    const [minus25, minus50] = example.mining.sensitivity;
    assert.ok(minus25!.npvUsd < example.mining.valuation.npvUsd);
    assert.ok(minus50!.npvUsd < minus25!.npvUsd);
  });
});
