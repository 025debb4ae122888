import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dispatchSite, type SolverChoice } from '../../src/core/dispatch/dispatch-site.ts';
import type { DispatchInput } from '../../src/core/dispatch/problem.ts';
import { InputError } from '../../src/core/errors.ts';
import type { DispatchResult } from '../../src/schema/dispatch-result.ts';
import { parseSite } from '../../src/schema/site.ts';
import { createHighsLpSolver } from '../../src/solvers/highs.ts';
import { handSite, priceSeries } from './fixtures.ts';

// One behaviour suite, run against both solvers: every expectation is worked by hand in the comments.
const lp = await createHighsLpSolver();
const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} != ${expected}`);
const run = (input: DispatchInput, solver: SolverChoice): DispatchResult =>
  dispatchSite(input, { solver, lp });

// lease: 100 USD/kW-month × 20,000 kW / 730 h = 2,739.726 USD per hour
const LEASE_PER_H = (100 * 20_000) / 730;

for (const solver of ['merit-order', 'lp'] as const) {
  describe(`dispatch by ${solver}`, () => {
    it('runs each tier only while hashprice revenue beats the power price (four hand-worked hours)', () => {
      // Tiers earn A 100, B 50, C 40 USD/MWh; 75 MW fit beside 25 MW of AI.
      // 45 $/MWh: A, B run (60 MW), C not: margin 20·55 + 40·5 = 1300
      // 30 $/MWh: A, B and 15 MW of C: 20·70 + 40·20 + 15·10 = 2350
      // 120 $/MWh: nothing runs: 0.   −10 $/MWh: 75 MW: 20·110 + 40·60 + 15·50 = 5350
      const r = run(
        {
          site: handSite(),
          prices: priceSeries([45, 30, 120, -10]),
          hashprice: { usdPerPhDay: 48, btcPriceUsd: 48_000 },
        },
        solver,
      );
      assert.equal(r.solver, solver);
      assert.deepEqual(r.hourly.miningMw, [60, 75, 0, 75]);
      assert.deepEqual(
        r.tiers.map((t) => t.name),
        ['A', 'B', 'C'],
      );
      assert.deepEqual(r.hourly.tierMw, [
        [20, 20, 0, 20],
        [40, 40, 0, 40],
        [0, 15, 0, 15],
      ]);
      assert.deepEqual(r.hourly.marginUsd, [1300, 2350, 0, 5350]);
      close(r.totals.miningMarginUsd, 9000);
      close(r.totals.miningRevenueUsd, 13_200); // 4000 + 4600 + 0 + 4600
      close(r.totals.miningPowerCostUsd, 4200); // 60·45 + 75·30 + 75·(−10)
      close(r.totals.curtailedMwh, 90); // 15 + 0 + 75 + 0
      close(r.totals.curtailedHours, 2);
      close(r.totals.aiMwh, 100);
      // BTC: 48 / 48,000 = 0.001 BTC/PH/day; PH/s running 2000 + 2300 + 0 + 2300 (C at 15/50 of 1000) = 6600 PH-h
      // → 6600 / 24 · 0.001 = 0.275 BTC
      close(r.totals.btcMined!, 0.275);
      close(r.totals.aiRevenueUsd, 4 * LEASE_PER_H);
      close(r.totals.totalMarginUsd, 9000 + 4 * LEASE_PER_H); // AI power passed through
      // always-on: 75 MW every hour: 4·4600 − 75·(45 + 30 + 120 − 10) = 18,400 − 13,875 = 4525
      close(r.baseline.miningMarginUsd, 4525);
      close(r.upliftUsd, 4475);
    });

    it('prices mining against the PPA block first, then index + adder above it', () => {
      // PPA 50 MW at 35 with sell-back, adder 5, node 45. The block left after 25 MW of AI is 25 MW, worth 45 (sell-back).
      // A: 100 − 45 > 0 (20 MW); B: 50 − 45 > 0 inside the block (5 MW); above the block 50 − (45 + 5) = 0: stop → 25 MW.
      // Mining cost 25·35 = 875, revenue 20·100 + 5·50 = 2250. Always-on (75 MW): 25 MW at 35 + 50 MW at 50 = 3375 vs 4600.
      const site = handSite({
        power: { kind: 'fixedPpa', ppaMw: 50, ppaUsdPerMwh: 35, adderUsdPerMwh: 5, sellBack: true },
      });
      const r = run({ site, prices: priceSeries([45]), hashprice: { usdPerPhDay: 48 } }, solver);
      assert.deepEqual(r.hourly.miningMw, [25]);
      close(r.totals.miningPowerCostUsd, 875);
      close(r.totals.miningMarginUsd, 1375);
      close(r.totals.sellBackUsd, 0);
      close(r.totals.aiPowerCostUsd, 875);
      close(r.baseline.miningMarginUsd, 1225);
      close(r.upliftUsd, 150);
    });

    it('sells the unused block back when the node price beats mining', () => {
      // node 200: even A (100 USD/MWh) loses, so the 25 MW left in the block are sold: 25·200 = 5000, they cost 25·35 = 875
      const site = handSite({
        power: { kind: 'fixedPpa', ppaMw: 50, ppaUsdPerMwh: 35, adderUsdPerMwh: 5, sellBack: true },
      });
      const r = run({ site, prices: priceSeries([200]), hashprice: { usdPerPhDay: 48 } }, solver);
      assert.deepEqual(r.hourly.miningMw, [0]);
      close(r.totals.sellBackUsd, 5000);
      close(r.totals.ppaUnusedCostUsd, 875);
      close(r.totals.totalMarginUsd, 5000 - 875 + LEASE_PER_H);
    });

    it('curtails in a known 4CP interval and values the avoided transmission charge', () => {
      // 2023-07-03 ending 17:00 CDT = 21:45-22:00Z, inside the hour starting 21:00Z = index 16 from 05:00Z.
      // Charge: 66.756998 USD/kW-yr · 1000 / 4 = 16,689.2495 USD per MW of that interval; 75 MW avoided.
      const site = handSite({
        demandResponse: {
          fourCp: {
            transmissionUsdPerKwYear: 66.756998,
            mode: 'known',
            intervals: [{ date: '2023-07-03', endingCpt: '17:00' }],
          },
        },
      });
      const r = run(
        { site, prices: priceSeries(new Array(24).fill(30)), hashprice: { usdPerPhDay: 48 } },
        solver,
      );
      assert.equal(r.hourly.miningMw[16], 0);
      assert.equal(r.hourly.miningMw.filter((m) => m === 75).length, 23);
      close(r.totals.fourCpAvoidedUsd, 75 * 16_689.2495);
      close(r.totals.miningMarginUsd, 23 * 2350);
      close(r.upliftUsd, 75 * 16_689.2495 - 2350);
    });

    it('earns ancillary capacity on running load and curtails it when deployed', () => {
      // RRS at 20 USD/MW-h, up to 30 MW. Node 110: A alone pays with the offer (100 − 110 + 20 = 10 > 0), B does not
      // (50 − 110 + 20 < 0): 20 MW run, 20 offered. Node 30: 75 MW run, 30 offered. Capacity: (20 + 30)·20 = 1000.
      // Deployed in hour 2: the 30 MW offered are curtailed, 45 MW run (A 20, B 25): 20·70 + 25·20 = 1900.
      const site = handSite({
        demandResponse: {
          ancillary: {
            service: 'RRS',
            maxOfferMw: 30,
            capacityUsdPerMwHour: 20,
            deployments: ['2023-07-03T06:00:00Z'],
          },
        },
      });
      const r = run({ site, prices: priceSeries([110, 30]), hashprice: { usdPerPhDay: 48 } }, solver);
      assert.deepEqual(r.hourly.ancillaryOfferMw, [20, 30]);
      assert.deepEqual(r.hourly.miningMw, [20, 45]);
      close(r.totals.ancillaryUsd, 1000);
      close(r.totals.ancillaryOfferedMwh, 50);
      close(r.totals.miningMarginUsd, -200 + 1900);
      close(r.totals.demandResponseUsd, 1000);
    });

    it('dispatches 15-minute prices at their own interval, curtailing only the 4CP quarter hour', () => {
      // 21:00Z .. 22:45Z in quarters; the interval ending 17:00 CDT is 21:45-22:00Z = index 3.
      // A quarter at 30 USD/MWh earns 2350 / 4 = 587.5 USD with 75 MW running.
      const site = handSite({
        demandResponse: {
          fourCp: {
            transmissionUsdPerKwYear: 66.756998,
            intervals: [{ date: '2023-07-03', endingCpt: '17:00' }],
          },
        },
      });
      const r = run(
        {
          site,
          prices: priceSeries(new Array(8).fill(30), '2023-07-03T21:00:00Z', 15),
          hashprice: { usdPerPhDay: 48 },
        },
        solver,
      );
      assert.equal(r.intervalMinutes, 15);
      assert.deepEqual(r.hourly.miningMw, [75, 75, 75, 0, 75, 75, 75, 75]);
      close(r.totals.hours, 2);
      close(r.totals.miningMarginUsd, 7 * 587.5);
      close(r.totals.curtailedMwh, 75 / 4);
    });

    it('serves an hourly AI profile first and clips it at the lease', () => {
      // lease 30 MW IT at PUE 1.25: hour 0 draws 10·1.25 = 12.5 MW, hour 1 asks 40 but gets 30·1.25 = 37.5 MW.
      // Mining caps: 100 − 12.5 = 87.5 and 100 − 37.5 = 62.5 MW (tiers total 110); at price 0 everything that fits runs.
      const site = handSite({
        ai: { profileCsv: 'ai.csv', leaseMw: 30, pue: 1.25, leaseUsdPerKwMonth: 100, powerPassThrough: true },
      });
      const start = Date.parse('2023-07-03T05:00:00Z');
      const r = run(
        {
          site,
          prices: priceSeries([0, 0]),
          hashprice: { usdPerPhDay: 48 },
          aiProfileMw: { timeUtcMs: [start, start + 3_600_000], values: [10, 40] },
        },
        solver,
      );
      assert.deepEqual(r.hourly.aiMw, [12.5, 37.5]);
      assert.deepEqual(r.hourly.miningMw, [87.5, 62.5]);
      assert.ok(r.warnings.some((w) => /above the lease/.test(w)));
      assert.throws(
        () =>
          run(
            {
              site,
              prices: priceSeries([0, 0]),
              hashprice: { usdPerPhDay: 48 },
              aiProfileMw: { timeUtcMs: [start], values: [10] },
            },
            solver,
          ),
        (e: unknown) => e instanceof InputError && /no AI load for 1 priced interval/.test(e.message),
      );
    });

    it('never runs mining that would not fit beside the AI load', () => {
      const r = run(
        { site: handSite(), prices: priceSeries([-500, -1, 0, 1]), hashprice: { usdPerPhDay: 48 } },
        solver,
      );
      for (let h = 0; h < 4; h++) assert.ok(r.hourly.aiMw[h]! + r.hourly.miningMw[h]! <= 100 + 1e-9);
      assert.deepEqual(r.hourly.miningMw, [75, 75, 75, 75]);
    });
  });
}

/** One 60 MW tier earning 100 USD/MWh at a hashprice of 48, no AI, for the coupled cases. */
function singleTier(mining: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return parseSite({
    interconnectMw: 100,
    mining: { tiers: [{ thPerS: 3e6, jPerTh: 20 }], ...mining },
    power: { kind: 'index', adderUsdPerMwh: 0 },
    ...extra,
  });
}

describe('dispatch by LP when hours are coupled', () => {
  it('holds a ramp limit: 0 → 60 → 0 MW becomes 0 → 30 → 0 MW at 30 MW/h', () => {
    // max −100·M0 + 100·M1 − 100·M2 with |M1 − M0| <= 30, |M2 − M1| <= 30: M = (0, 30, 0), margin 3000
    const input = {
      site: singleTier({ rampMwPerHour: 30 }),
      prices: priceSeries([200, 0, 200]),
      hashprice: { usdPerPhDay: 48 },
    };
    const r = run(input, 'auto');
    assert.equal(r.solver, 'lp');
    assert.deepEqual(
      r.hourly.miningMw.map((m) => Math.round(m * 1e6) / 1e6),
      [0, 30, 0],
    );
    close(r.totals.miningMarginUsd, 3000);
    assert.throws(
      () => run(input, 'merit-order'),
      (e: unknown) => e instanceof InputError && /rampMwPerHour/.test(e.message),
    );
  });

  it('spends a monthly cap on the cheapest hours', () => {
    // July (744 h) budget 14,880 MWh pro-rated to 3 h = 60 MWh; hours at 0, 50, 150: all 60 MWh in the 0 hour → 6000
    const site = singleTier({ monthlyEnergyBudgetMwh: 14_880 });
    const r = run(
      { site, prices: priceSeries([0, 50, 150], '2023-07-01T05:00:00Z'), hashprice: { usdPerPhDay: 48 } },
      'auto',
    );
    assert.deepEqual(r.hourly.miningMw.map(Math.round), [60, 0, 0]);
    close(r.totals.miningMarginUsd, 6000);
    assert.ok(r.warnings.some((w) => /pro-rated/.test(w)));
  });

  it('meets a take-or-pay minimum at the least loss', () => {
    // minimum 22,320 MWh → 90 MWh in 3 h; hours at 0, 150, 160: 60 MWh at 0 (+6000), 30 MWh at 150 (−1500) → 4500
    const site = singleTier({ monthlyEnergyBudgetMwh: { minMwh: 22_320 } });
    const r = run(
      { site, prices: priceSeries([0, 150, 160], '2023-07-01T05:00:00Z'), hashprice: { usdPerPhDay: 48 } },
      'auto',
    );
    assert.deepEqual(r.hourly.miningMw.map(Math.round), [60, 30, 0]);
    close(r.totals.miningMarginUsd, 4500);
  });

  it('rejects a take-or-pay minimum that the cap cannot meet, naming the field', () => {
    const site = singleTier({ monthlyEnergyBudgetMwh: { minMwh: 1e6 } });
    assert.throws(
      () =>
        run(
          {
            site,
            prices: priceSeries([0, 150, 160], '2023-07-01T05:00:00Z'),
            hashprice: { usdPerPhDay: 48 },
          },
          'auto',
        ),
      (e: unknown) =>
        e instanceof InputError && e.issues[0]!.path === 'site.mining.monthlyEnergyBudgetMwh.minMwh',
    );
  });

  it('curtails a 4CP window when its peak charge beats the margin of mining through it', () => {
    // Monday 2023-07-03, window 15:00-17:00 CDT (two hours); price 0 so each MW-hour earns 100.
    // Rate 1 USD/kW-yr: 250 USD per MW of window peak > 200 from mining both hours → curtail both: avoided 60·250.
    // Rate 0.5: 125 < 200 → mine through; nothing avoided.
    const day = new Array(24).fill(0);
    const dr = (rate: number) => ({
      demandResponse: {
        fourCp: {
          transmissionUsdPerKwYear: rate,
          mode: 'window',
          window: { fromHourCpt: 15, toHourCpt: 17 },
        },
      },
    });
    const high = run(
      { site: singleTier({}, dr(1)), prices: priceSeries(day), hashprice: { usdPerPhDay: 48 } },
      'auto',
    );
    assert.deepEqual(
      high.hourly.miningMw.map(Math.round),
      day.map((_, h) => (h === 15 || h === 16 ? 0 : 60)),
    );
    close(high.totals.fourCpAvoidedUsd, 60 * 250);
    close(high.totals.miningMarginUsd, 22 * 6000);
    const low = run(
      { site: singleTier({}, dr(0.5)), prices: priceSeries(day), hashprice: { usdPerPhDay: 48 } },
      'auto',
    );
    assert.deepEqual(
      low.hourly.miningMw.map(Math.round),
      day.map(() => 60),
    );
    close(low.totals.fourCpAvoidedUsd, 0);
  });
});
