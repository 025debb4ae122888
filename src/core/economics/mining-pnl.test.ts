import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MiningPnlInput } from '../../schema/mining-pnl.ts';
import { InputError } from '../errors.ts';
import { miningPnl, miningPnlFromInput } from './mining-pnl.ts';

const neutral = { poolFeeFraction: 0, uptimeFraction: 1, pue: 1, opexUsdPerMwMonth: 0, opexUsdPerThMonth: 0 };
const close = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

describe('miningPnl', () => {
  it('earns $300 and pays $240 for 1 PH/s at 20 J/TH over 10 days (hand-worked)', () => {
    // 1 PH/s × 5e-4 BTC/PH/day × 10 d = 0.005 BTC × $60,000 = $300
    // 1000 TH/s × 20 J/TH = 20 kW = 0.02 MW × 240 h = 4.8 MWh × $50 = $240 → margin $60
    const pnl = miningPnl({
      ...neutral,
      tiers: [{ thPerS: 1000, jPerTh: 20 }],
      hashpriceBtcPerPhDay: 5e-4,
      priceUsd: 60_000,
      days: 10,
      powerPriceUsdPerMwh: 50,
    });
    close(pnl.btcMined, 0.005, 1e-15, 'btc');
    close(pnl.revenueUsd, 300, 1e-9, 'revenue');
    close(pnl.energyMwh, 4.8, 1e-12, 'energy');
    close(pnl.powerCostUsd, 240, 1e-9, 'power');
    close(pnl.marginUsd, 60, 1e-9, 'margin');
    close(pnl.asicPowerMw, 0.02, 1e-15, 'MW');
  });

  it('applies pool fee, uptime, PUE and both opex kinds over one 30.4375-day month (hand-worked)', () => {
    // tiers 1000 TH/s @ 20 J/TH + 500 TH/s @ 30 J/TH = 1500 TH/s, 35 kW ASIC, × 1.05 = 36.75 kW site
    // energy = 0.03675 MW × 730.5 h × 0.95 = 25.50358125 MWh; × $40 = $1,020.14325
    // gross BTC = 1.5 PH/s × 5e-4 × 30.4375 d × 0.95 = 0.02168671875; pool 2% = 0.000433734375
    // revenue = 0.02168671875 × 60,000 = $1,301.203125; pool fee $26.0240625
    // opex = (12,000 × 0.035 MW + 0.5 × 1500 TH) × 1 month = 420 + 750 = $1,170
    // margin = 1301.203125 − 26.0240625 − 1020.14325 − 1170 = −914.9641875
    const pnl = miningPnl({
      tiers: [
        { thPerS: 1000, jPerTh: 20 },
        { thPerS: 500, jPerTh: 30 },
      ],
      hashpriceBtcPerPhDay: 5e-4,
      priceUsd: 60_000,
      days: 30.4375,
      poolFeeFraction: 0.02,
      uptimeFraction: 0.95,
      pue: 1.05,
      powerPriceUsdPerMwh: 40,
      opexUsdPerMwMonth: 12_000,
      opexUsdPerThMonth: 0.5,
    });
    close(pnl.hashrateThPerS, 1500, 0, 'TH/s');
    close(pnl.sitePowerMw, 0.03675, 1e-15, 'site MW');
    close(pnl.energyMwh, 25.50358125, 1e-9, 'energy');
    close(pnl.powerCostUsd, 1020.14325, 1e-8, 'power');
    close(pnl.btcMinedGross, 0.02168671875, 1e-15, 'gross BTC');
    close(pnl.btcMined, 0.021252984375, 1e-15, 'net BTC');
    close(pnl.poolFeeUsd, 26.0240625, 1e-9, 'pool fee');
    close(pnl.opexUsd, 1170, 1e-9, 'opex');
    close(pnl.marginUsd, -914.9641875, 1e-8, 'margin');
  });

  it('gives the same totals for a fleet split into tiers as for the tiers one by one (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            thPerS: fc.double({ min: 1, max: 1e7, noNaN: true }),
            jPerTh: fc.double({ min: 10, max: 100, noNaN: true }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (tiers) => {
          const base = {
            ...neutral,
            poolFeeFraction: 0.02,
            uptimeFraction: 0.9,
            pue: 1.1,
            hashpriceBtcPerPhDay: 6e-4,
            priceUsd: 90_000,
            days: 7,
            powerPriceUsdPerMwh: 45,
            opexUsdPerMwMonth: 10_000,
          };
          const whole = miningPnl({ ...base, tiers });
          const parts = tiers.map((t) => miningPnl({ ...base, tiers: [t] }));
          const sum = (k: 'marginUsd' | 'btcMined' | 'energyMwh') => parts.reduce((s, p) => s + p[k], 0);
          // tolerance: 1e-9 relative to the gross revenue (float summation order differs)
          const scale = Math.abs(whole.revenueUsd) + Math.abs(whole.powerCostUsd) + whole.opexUsd + 1;
          return (
            Math.abs(sum('marginUsd') - whole.marginUsd) <= 1e-9 * scale &&
            Math.abs(sum('btcMined') - whole.btcMined) <= 1e-9 * whole.btcMined &&
            Math.abs(sum('energyMwh') - whole.energyMwh) <= 1e-9 * whole.energyMwh
          );
        },
      ),
    );
  });

  it('resolves catalog models from a parsed input and names the bad tier path', () => {
    const input = MiningPnlInput.parse({
      fleet: [{ model: 'Antminer S21', units: 10 }],
      hashpriceBtcPerPhDay: 5e-4,
      priceUsd: 60_000,
      days: 1,
      powerPriceUsdPerMwh: 50,
    });
    // 10 × 200 TH/s = 2 PH/s → 2 × 5e-4 = 0.001 BTC; 10 × 3.5 kW = 35 kW × 24 h = 0.84 MWh × $50 = $42
    const pnl = miningPnlFromInput(input);
    close(pnl.btcMined, 0.001, 1e-15, 'btc');
    close(pnl.powerCostUsd, 42, 1e-9, 'power');
    const bad = MiningPnlInput.parse({ ...input, fleet: [{ model: 'S21 XP', units: 1 }] });
    assert.throws(
      () => miningPnlFromInput(bad, 'site'),
      (e: unknown) => e instanceof InputError && e.issues[0]?.path === 'site.fleet.0.model',
    );
  });
});
