import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dispatchSite } from '../../src/core/dispatch/dispatch-site.ts';
import type { DispatchInput } from '../../src/core/dispatch/problem.ts';
import { parseSite } from '../../src/schema/site.ts';
import { createHighsLpSolver } from '../../src/solvers/highs.ts';
import { priceSeries } from './fixtures.ts';

const lp = await createHighsLpSolver();

/** Random sites and price runs: 1-6 tiers, AI or not, index or PPA, ancillary and a known 4CP hour or not. */
const instance = (options: { ramp?: boolean; deployments?: boolean } = {}) =>
  fc
    .record({
      hours: fc.integer({ min: 1, max: 36 }),
      tiers: fc.array(
        fc.record({
          thPerS: fc.double({ min: 1e4, max: 5e5, noNaN: true }),
          jPerTh: fc.double({ min: 12, max: 60, noNaN: true }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      interconnectMw: fc.double({ min: 5, max: 200, noNaN: true }),
      aiShare: fc.option(fc.double({ min: 0.05, max: 0.7, noNaN: true }), { nil: undefined }),
      aiPue: fc.double({ min: 1, max: 1.5, noNaN: true }),
      miningPue: fc.double({ min: 1, max: 1.2, noNaN: true }),
      poolFee: fc.double({ min: 0, max: 0.05, noNaN: true }),
      adder: fc.double({ min: 0, max: 10, noNaN: true }),
      ppa: fc.option(
        fc.record({
          ppaMw: fc.double({ min: 1, max: 150, noNaN: true }),
          ppaUsdPerMwh: fc.double({ min: 20, max: 80, noNaN: true }),
          sellBack: fc.boolean(),
        }),
        { nil: undefined },
      ),
      ancillary: fc.option(
        fc.record({
          maxOfferMw: fc.double({ min: 1, max: 50, noNaN: true }),
          capacityUsdPerMwHour: fc.double({ min: 0, max: 30, noNaN: true }),
        }),
        { nil: undefined },
      ),
      fourCpHour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: undefined }),
      hashprice: fc.double({ min: 20, max: 120, noNaN: true }),
      prices: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.double({ min: -50, max: 300, noNaN: true }) },
          { weight: 1, arbitrary: fc.double({ min: 1000, max: 5000, noNaN: true }) },
        ),
        { minLength: 36, maxLength: 36 },
      ),
      rampMwPerHour: options.ramp ? fc.double({ min: 1, max: 60, noNaN: true }) : fc.constant(undefined),
      deployedHour: options.deployments
        ? fc.option(fc.integer({ min: 0, max: 35 }), { nil: undefined })
        : fc.constant(undefined),
    })
    .map((x): DispatchInput => {
      const aiMw = x.aiShare === undefined ? undefined : (x.interconnectMw * x.aiShare) / x.aiPue;
      const start = Date.parse('2023-07-03T05:00:00Z');
      const site = parseSite({
        interconnectMw: x.interconnectMw,
        ...(aiMw === undefined
          ? {}
          : { ai: { firmMw: aiMw, pue: x.aiPue, leaseUsdPerKwMonth: 120, powerPassThrough: false } }),
        mining: {
          poolFee: x.poolFee,
          pue: x.miningPue,
          tiers: x.tiers,
          ...(x.rampMwPerHour === undefined ? {} : { rampMwPerHour: x.rampMwPerHour }),
        },
        power:
          x.ppa === undefined
            ? { kind: 'index', adderUsdPerMwh: x.adder }
            : { kind: 'fixedPpa', adderUsdPerMwh: x.adder, ...x.ppa },
        demandResponse: {
          ...(x.ancillary === undefined
            ? {}
            : {
                ancillary: {
                  service: 'RRS',
                  ...x.ancillary,
                  ...(x.deployedHour === undefined
                    ? {}
                    : { deployments: [new Date(start + x.deployedHour * 3_600_000).toISOString()] }),
                },
              }),
          ...(x.fourCpHour === undefined
            ? {}
            : {
                fourCp: {
                  transmissionUsdPerKwYear: 66.756998,
                  intervals: [
                    { date: '2023-07-03', endingCpt: `${String(x.fourCpHour + 1).padStart(2, '0')}:00` },
                  ],
                },
              }),
        },
      });
      return {
        site,
        prices: priceSeries(x.prices.slice(0, x.hours)),
        hashprice: { usdPerPhDay: x.hashprice },
      };
    });

// LP optimum vs merit order: HiGHS is feasible to 1e-7 MW per bound, so margins agree to about 1e-7 of their
// size; 1e-6 relative plus 1e-3 USD absolute leaves room for that and no room for a wrong dispatch.
const agree = (a: number, b: number) => Math.abs(a - b) <= 1e-3 + 1e-6 * Math.max(Math.abs(a), Math.abs(b));

describe('merit order and LP', () => {
  it('reach the same optimum on random uncoupled sites', () => {
    fc.assert(
      fc.property(instance(), (input) => {
        const merit = dispatchSite(input, { solver: 'merit-order' });
        const viaLp = dispatchSite(input, { solver: 'lp', lp });
        assert.ok(
          agree(merit.totals.totalMarginUsd, viaLp.totals.totalMarginUsd),
          `merit ${merit.totals.totalMarginUsd} vs lp ${viaLp.totals.totalMarginUsd}`,
        );
      }),
      { numRuns: 300, seed: 20_231_105 },
    );
  });

  it('never exceed the interconnect, a tier or the running load offered, in any hour', () => {
    fc.assert(
      fc.property(instance({ deployments: true }), (input) => {
        for (const solver of ['merit-order', 'lp'] as const) {
          const r = dispatchSite(input, { solver, lp });
          const cap = input.site.interconnectMw;
          const deployments = new Set(
            (input.site.demandResponse?.ancillary?.deployments ?? []).map((d) => Date.parse(d)),
          );
          for (let h = 0; h < r.hourly.timeUtc.length; h++) {
            const mining = r.hourly.miningMw[h]!;
            assert.ok(mining >= 0);
            assert.ok(
              r.hourly.aiMw[h]! + mining <= cap + 1e-6,
              `hour ${h}: ${r.hourly.aiMw[h]} + ${mining} > ${cap}`,
            );
            let sum = 0;
            r.tiers.forEach((t, i) => {
              const x = r.hourly.tierMw[i]![h]!;
              assert.ok(x >= 0 && x <= t.meterMw + 1e-6);
              sum += x;
            });
            assert.ok(Math.abs(sum - mining) <= 1e-5);
            // the offer is backed by running load: before a deployment curtails it, mining >= offer
            const offer = r.hourly.ancillaryOfferMw[h]!;
            const deployed = deployments.has(Date.parse(r.hourly.timeUtc[h]!));
            assert.ok(offer <= mining + (deployed ? offer : 0) + 1e-6);
            // hourly series are rounded to 1e-6 MW
            assert.ok(offer <= (input.site.demandResponse?.ancillary?.maxOfferMw ?? 0) + 1e-6);
          }
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('flexible dispatch never earns less than always-on', () => {
    fc.assert(
      fc.property(instance(), (input) => {
        const r = dispatchSite(input, { solver: 'merit-order' });
        assert.ok(
          r.upliftUsd >= -1e-6 * Math.max(1, Math.abs(r.baseline.totalMarginUsd)),
          `uplift ${r.upliftUsd}`,
        );
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('with a ramp limit, the LP keeps every step within it and earns at most the uncoupled optimum', () => {
    fc.assert(
      fc.property(instance({ ramp: true }), (input) => {
        const ramp = input.site.mining.rampMwPerHour!;
        const coupled = dispatchSite(input, { solver: 'auto', lp });
        assert.equal(coupled.solver, 'lp');
        const free = dispatchSite(
          { ...input, site: { ...input.site, mining: { ...input.site.mining, rampMwPerHour: undefined } } },
          { solver: 'merit-order' },
        );
        const m = coupled.hourly.miningMw;
        for (let h = 1; h < m.length; h++) assert.ok(Math.abs(m[h]! - m[h - 1]!) <= ramp + 1e-5, `step ${h}`);
        assert.ok(
          coupled.totals.totalMarginUsd <=
            free.totals.totalMarginUsd + 1e-3 + 1e-6 * Math.abs(free.totals.totalMarginUsd),
        );
      }),
      { numRuns: 80, seed: 3 },
    );
  });
});
