import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { dispatchSite } from '../../src/core/dispatch/dispatch-site.ts';
import { dailyHashpriceFromNetwork } from '../../src/core/dispatch/hashprice-days.ts';
import { InputError } from '../../src/core/errors.ts';
import { parseCoinMetricsCsv } from '../../src/data/coinmetrics-csv.ts';
import { parsePriceText } from '../../src/data/prices.ts';
import { parseSiteText } from '../../src/data/site-file.ts';
import { parseSite } from '../../src/schema/site.ts';
import { createHighsLpSolver } from '../../src/solvers/highs.ts';

// A real year: ERCOT day-ahead HB_WEST 2023 (NP4-180-ER), shipped in examples/ and in the data kit.
const EXAMPLE = new URL('../../examples/prices/ercot-hb-west-2023-dam.csv', import.meta.url);
const SITE = new URL('../../examples/sites/west-texas-mullet.yaml', import.meta.url);
const KIT = '/work/shared/data';
const prices = parsePriceText(readFileSync(EXAMPLE, 'utf8'), {
  fileName: 'ercot-hb-west-2023-dam.csv',
  node: 'HB_WEST',
});
const noKit = existsSync(`${KIT}/ercot_dam_spp_hourly_2023.csv`)
  ? false
  : 'the data kit (../shared/data) is absent';

/** 30 MW, 1 EH/s at 30 J/TH: at 72 USD/PH/day it earns 72·1000/(24·30) = 100 USD/MWh. */
const oneTier = parseSite({
  interconnectMw: 50,
  mining: { tiers: [{ thPerS: 1e6, jPerTh: 30 }] },
  power: { kind: 'index', adderUsdPerMwh: 0 },
});

describe('a real ERCOT year (HB_WEST day-ahead 2023)', () => {
  it('the example price file is the HB_WEST column of the data kit, hour for hour', { skip: noKit }, () => {
    const kit = parsePriceText(readFileSync(`${KIT}/ercot_dam_spp_hourly_2023.csv`, 'utf8'), {
      node: 'HB_WEST',
    });
    assert.deepEqual(kit.timeUtcMs, prices.timeUtcMs);
    assert.deepEqual(kit.priceUsdPerMwh, prices.priceUsdPerMwh);
  });

  it('one tier at 100 USD/MWh curtails exactly the hours above 100 and earns what an independent sum says', () => {
    // Derived with awk over the HB_WEST column (not with Mullet): 565 hours above 100 USD/MWh, plus one hour at
    // exactly 100 (2023-02-02T01:00Z) where running earns nothing, so Mullet (runs only at a positive margin) idles 566;
    // always-on margin Σ(100 − p)·30 = 11,435,630.70 USD; flexible Σ max(0, 100 − p)·30 = 18,267,104.10 USD;
    // uplift Σ max(0, p − 100)·30 = 6,831,473.40 USD.
    const r = dispatchSite({ site: oneTier, prices, hashprice: { usdPerPhDay: 72 } });
    assert.equal(r.totals.hours, 8760);
    assert.equal(r.totals.curtailedHours, 566);
    assert.ok(Math.abs(r.baseline.miningMarginUsd - 11_435_630.7) < 0.01);
    assert.ok(Math.abs(r.totals.miningMarginUsd - 18_267_104.1) < 0.01);
    assert.ok(Math.abs(r.upliftUsd - 6_831_473.4) < 0.01);
  });

  it('the example site earns more flexible than always-on, and the LP agrees with merit order on it', async () => {
    const site = parseSiteText(readFileSync(SITE, 'utf8'), 'west-texas-mullet.yaml');
    const input = { site, prices, hashprice: { usdPerPhDay: 75 } };
    const merit = dispatchSite(input);
    assert.equal(merit.solver, 'merit-order');
    assert.ok(merit.totals.totalMarginUsd >= merit.baseline.totalMarginUsd);
    assert.ok(merit.totals.miningMarginUsd > merit.baseline.miningMarginUsd);
    // 4CP: 4 known intervals, all 121.044 MW of mining off in each: 4 · 121.044 · 66,756.998 / 4 = 8,080,534.07 USD
    assert.ok(Math.abs(merit.totals.fourCpAvoidedUsd - 121.044 * 66_756.998) < 0.01);
    const viaLp = dispatchSite(input, { solver: 'lp', lp: await createHighsLpSolver() });
    const diff = Math.abs(viaLp.totals.totalMarginUsd - merit.totals.totalMarginUsd);
    assert.ok(diff <= 1e-6 * merit.totals.totalMarginUsd, `LP differs by ${diff} USD`);
  });

  it('a coupled site-year (ramp and monthly cap) solves by LP, holds its constraints and earns less than uncoupled', async () => {
    const site = parseSiteText(readFileSync(SITE, 'utf8'), 'west-texas-mullet.yaml');
    const coupled = {
      ...site,
      mining: { ...site.mining, rampMwPerHour: 20, monthlyEnergyBudgetMwh: { maxMwh: 75_000 } },
    };
    const r = dispatchSite(
      { site: coupled, prices, hashprice: { usdPerPhDay: 75 } },
      { lp: await createHighsLpSolver() },
    );
    assert.equal(r.solver, 'lp');
    const m = r.hourly.miningMw;
    for (let h = 1; h < m.length; h++) assert.ok(Math.abs(m[h]! - m[h - 1]!) <= 20 + 1e-5);
    // Central-time months; January 2023 starts at the first price (06:00Z) so it is complete
    const byMonth = new Map<string, number>();
    r.hourly.timeUtc.forEach((t, h) => {
      const local = new Date(Date.parse(t) - (isCdt(t) ? 5 : 6) * 3_600_000).toISOString().slice(0, 7);
      byMonth.set(local, (byMonth.get(local) ?? 0) + m[h]!);
    });
    for (const [month, mwh] of byMonth) assert.ok(mwh <= 75_000 + 1e-3, `${month}: ${mwh} MWh`);
    const free = dispatchSite({ site, prices, hashprice: { usdPerPhDay: 75 } });
    assert.ok(r.totals.totalMarginUsd < free.totals.totalMarginUsd);
  });

  it('daily hashprice from the 2019 network, mapped onto 2023 days', { skip: noKit }, () => {
    const daily = dailyHashpriceFromNetwork(
      parseCoinMetricsCsv(readFileSync(`${KIT}/btc_daily_coinmetrics.csv`, 'utf8')),
    );
    // 2019-06-01: (1887.5 + 155.88379801)/151 = 13.532343 BTC per block at D = 7,459,680,720,542.28
    // → 1e15·86400·13.532343/(D·2^32) = 0.0364927540 BTC/PH/day; × 8,554.80733 USD = 312.188480 USD/PH/day.
    // Always-on 1 EH/s for the 24 UTC hours of 2023-06-01: 312,188.48 USD and 36.4927540 BTC.
    const r = dispatchSite({
      site: oneTier,
      prices,
      hashprice: { daily, yearOffset: -4 },
      from: '2023-06-01',
      to: '2023-06-01',
    });
    assert.equal(r.totals.hours, 24);
    assert.ok(Math.abs(r.baseline.miningRevenueUsd - 312_188.48) < 0.01);
    assert.ok(Math.abs(r.baseline.btcMined! - 36.492754) < 1e-5);
    assert.throws(
      () =>
        dispatchSite(
          { site: oneTier, prices, hashprice: { daily }, from: '2023-06-01', to: '2023-06-02' },
          {},
        ),
      (e: unknown) =>
        e instanceof InputError && /2023-06-01\.\.2023-06-02/.test(e.message) && /2019-12-31/.test(e.message),
    );
  });
});

/** CDT between the 2023 switches (2023-03-12T08:00Z .. 2023-11-05T07:00Z). */
function isCdt(iso: string): boolean {
  const t = Date.parse(iso);
  return t >= Date.parse('2023-03-12T08:00:00Z') && t < Date.parse('2023-11-05T07:00:00Z');
}
