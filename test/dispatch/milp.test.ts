import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { maxPieces, valueCurve } from '../../src/core/dispatch/curve.ts';
import { dispatchSite } from '../../src/core/dispatch/dispatch-site.ts';
import { buildDispatchProblem, type DispatchInput } from '../../src/core/dispatch/problem.ts';
import { InputError } from '../../src/core/errors.ts';
import { DispatchResult } from '../../src/schema/dispatch-result.ts';
import { parseSite, type SiteInput } from '../../src/schema/site.ts';
import { createHighsLpSolver } from '../../src/solvers/highs.ts';
import { runCli } from '../cli/run-cli.ts';
import { priceSeries } from './fixtures.ts';

const lp = await createHighsLpSolver();
const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${actual} != ${expected}`);
const agree = (a: number, b: number) => Math.abs(a - b) <= 1e-3 + 1e-6 * Math.max(Math.abs(a), Math.abs(b));

/** One tier A of 1 EH/s at 20 J/TH = 20 MW; at a hashprice of 48 USD/PH/day it earns 48·1000/(24·20) = 100 USD/MWh. */
const oneTier = (mining: Partial<SiteInput['mining']> = {}) =>
  parseSite({
    interconnectMw: 100,
    mining: { tiers: [{ thPerS: 1e6, jPerTh: 20, name: 'A' }], ...mining },
    power: { kind: 'index', adderUsdPerMwh: 0 },
  });
const hand = (mining: Partial<SiteInput['mining']>, prices: number[]): DispatchInput => ({
  site: oneTier(mining),
  prices: priceSeries(prices),
  hashprice: { usdPerPhDay: 48 },
});

describe('minimum run and down times (MILP)', () => {
  it('a 2-hour price dip with minRunHours 3: the run must cover a third hour, the cheaper neighbour', () => {
    // Prices 150 140 60 60 150 150; margin per MW-hour = 100 − price: −50 −40 +40 +40 −50 −50.
    // Merit order runs hours 2-3 only: 20·(40 + 40) = 1600. A run must last 3 h (the last hour may end it early,
    // the period's past is free). Runs of 3+: 1-3 → −40 + 80 = +40/MW; 2-4 → 80 − 50 = +30; 0-3 → −10;
    // 2-5 (to the end) → −20; 3-5 → −60; 0-2 → −50. Two runs do not fit in 6 h with a gain. Best: hours 1-3,
    // 20 MW × 40 = 800 USD.
    const input = hand({ minRunHours: 3 }, [150, 140, 60, 60, 150, 150]);
    const r = dispatchSite(input, { lp });
    assert.equal(r.solver, 'milp');
    assert.deepEqual(r.hourly.miningMw, [0, 20, 20, 20, 0, 0]);
    assert.deepEqual(r.hourly.marginUsd, [0, -800, 800, 800, 0, 0]);
    close(r.totals.miningMarginUsd, 800);
    assert.equal(r.lp?.status, 'optimal');
    assert.equal(r.lp?.mipGap, 0);
    assert.equal(r.lp?.integers, 6);
    close(dispatchSite({ ...input, site: oneTier() }).totals.miningMarginUsd, 1600);
  });

  it('minDownHours 2: a 1-hour spike is worth stopping for only where the second hour off is cheapest', () => {
    // Prices 60 50 150 60 60 60 → margin/MW-h +40 +50 −50 +40 +40 +40. Merit order skips hour 2: 20·210 = 4200.
    // Stopping costs 2 h off: off 2-3 gives 40 + 50 + 40 + 40 = 170/MW, off 1-2 gives 160, running through 160.
    // Best: off at hours 2-3, 20 × 170 = 3400 USD.
    const r = dispatchSite(hand({ minDownHours: 2 }, [60, 50, 150, 60, 60, 60]), { lp });
    assert.deepEqual(r.hourly.miningMw, [20, 20, 0, 0, 20, 20]);
    close(r.totals.miningMarginUsd, 3400);
  });

  it('minLoadFraction: a running tier keeps its least load even when the margin is negative', () => {
    // Same dip as above with minRunHours 3 and minLoadFraction 0.25: hour 1 may run at 5 MW (−40·5 = −200)
    // before 20 MW in hours 2-3 (+1600): 1400, better than 2-4 at 20/20/5 MW (1600 − 250 = 1350).
    const r = dispatchSite(hand({ minRunHours: 3, minLoadFraction: 0.25 }, [150, 140, 60, 60, 150, 150]), {
      lp,
    });
    assert.deepEqual(r.hourly.miningMw, [0, 5, 20, 20, 0, 0]);
    close(r.totals.miningMarginUsd, 1400);
  });

  it('merit order and the plain LP refuse a site with minimum times, naming the field; auto picks the MILP', () => {
    const input = hand({ minRunHours: 3 }, [150, 140, 60, 60, 150, 150]);
    for (const solver of ['merit-order', 'lp'] as const)
      assert.throws(
        () => dispatchSite(input, { solver, lp }),
        (e: unknown) =>
          e instanceof InputError && /site\.mining\.minRunHours/.test(e.message) && /milp/.test(e.message),
      );
    assert.throws(
      () => dispatchSite(hand({}, [50]), { solver: 'milp', lp }),
      (e: unknown) => e instanceof InputError && /minRunHours/.test(e.message),
    );
    assert.throws(
      () => oneTier({ minLoadFraction: 0.5 }),
      (e: unknown) => e instanceof Error && /^site\.mining\.minLoadFraction: /.test(e.message),
    );
    assert.throws(
      () => oneTier({ minRunHours: 0 }),
      (e: unknown) =>
        e instanceof Error && /^site\.mining\.minRunHours: expected 0\.25 \.\. 744 h/.test(e.message),
    );
  });

  it('with minRunHours 1 equals merit order (least load ~0) and the per-hour all-or-nothing optimum (least load 1)', () => {
    fc.assert(
      fc.property(instance({ minRun: fc.constant(1), minDown: fc.constant(undefined) }), (x) => {
        // least load ~0: on/off decisions cost nothing, so the MILP is the LP, which is merit order
        const loose = dispatchSite(x.input(1e-9), { lp });
        const merit = dispatchSite(x.input(undefined, false), { solver: 'merit-order' });
        assert.ok(
          agree(loose.totals.totalMarginUsd, merit.totals.totalMarginUsd),
          `${loose.totals.totalMarginUsd} vs ${merit.totals.totalMarginUsd}`,
        );
        // least load 1: each hour alone, the best number of tiers at full output (stacked most efficient first)
        const strict = x.input(1);
        const r = dispatchSite(strict, { lp, hourly: false });
        const { problem } = buildDispatchProblem(strict);
        const slopes = new Float64Array(maxPieces(problem));
        const widths = new Float64Array(maxPieces(problem));
        const tierOf = new Int32Array(maxPieces(problem));
        let best = 0;
        for (let h = 0; h < problem.n; h++) {
          const k = valueCurve(problem, h, slopes, widths, tierOf);
          let value = 0;
          let top = 0;
          for (let j = 0; j < k; j++) {
            value += slopes[j]! * widths[j]!;
            // a candidate: every tier up to tierOf[j] at full output (the piece ends a tier or the cap)
            if (j + 1 === k || tierOf[j + 1] !== tierOf[j]) top = Math.max(top, value);
          }
          best += top;
        }
        assert.ok(agree(r.lp!.objectiveUsd, best), `milp ${r.lp!.objectiveUsd} vs brute force ${best}`);
        assert.ok(r.totals.totalMarginUsd <= merit.totals.totalMarginUsd + 1e-3 + 1e-6 * Math.abs(best));
      }),
      { numRuns: 25, seed: 4 },
    );
  });

  it('every run lasts minRunHours and every stop minDownHours, except runs and stops touching the period edges', () => {
    fc.assert(
      fc.property(
        instance({
          minRun: fc.integer({ min: 2, max: 5 }),
          minDown: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        }),
        (x) => {
          const input = x.input(x.minLoad);
          const r = dispatchSite(input, { lp });
          const merit = dispatchSite(x.input(undefined, false), { solver: 'merit-order' });
          // a restriction of merit order's problem: never more margin
          assert.ok(
            r.totals.totalMarginUsd <=
              merit.totals.totalMarginUsd + 1e-3 + 1e-6 * Math.abs(merit.totals.totalMarginUsd),
          );
          const { problem } = buildDispatchProblem(input);
          const n = problem.n;
          for (let i = 0; i < r.hourly.tierMw.length; i++) {
            const mw = r.hourly.tierMw[i]!;
            const on = mw.map((v) => v > 1e-6);
            // runs and stops: maximal stretches of one state. Only inner ones are checked: the period's past is
            // free (a run or stop at hour 0 may have begun before it) and one reaching the last hour continues after.
            let start = 0;
            for (let h = 1; h <= n; h++) {
              if (h < n && on[h] === on[start]) continue;
              const inner = start > 0 && h < n;
              const need = on[start] ? x.minRun : (x.minDown ?? 0);
              if (inner)
                assert.ok(
                  h - start >= need,
                  `tier ${i} ${on[start] ? 'ran' : 'stopped'} ${h - start} h at ${start}, need ${need}: ${on.map(Number).join('')}`,
                );
              start = h;
            }
            // least load: a running tier draws at least minLoad of what fits of it
            let below = 0;
            for (let j = 0; j < i; j++) below += problem.tierMw[j]!;
            for (let h = 0; h < n; h++) {
              const fits = Math.max(0, Math.min(problem.tierMw[i]!, problem.capMw[h]! - below));
              if (on[h]) assert.ok(mw[h]! >= x.minLoad * fits - 1e-5, `tier ${i} at ${mw[h]} of ${fits} MW`);
            }
          }
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  it('site file with minRunHours through the CLI: milp in the JSON, merit order refused naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mullet-milp-'));
    try {
      const site = join(dir, 'site.yaml');
      writeFileSync(
        site,
        [
          'interconnectMw: 100',
          'mining:',
          '  tiers:',
          '    - { thPerS: 1000000, jPerTh: 20, name: A }',
          '  minRunHours: 3 # once started, a tier runs 3 h',
          'power: { kind: index, adderUsdPerMwh: 0 }',
          '',
        ].join('\n'),
      );
      const prices = join(dir, 'prices.csv');
      const hours = [150, 140, 60, 60, 150, 150];
      writeFileSync(
        prices,
        `timestamp,usd_per_mwh\n${hours.map((p, h) => `2023-07-03T${String(5 + h).padStart(2, '0')}:00:00Z,${p}`).join('\n')}\n`,
      );
      const ok = await runCli('dispatch', '--site', site, '--prices', prices, '--hashprice', '48', '--json');
      assert.equal(ok.code, 0, ok.stderr);
      const result = DispatchResult.parse(JSON.parse(ok.stdout));
      assert.equal(result.solver, 'milp');
      assert.deepEqual(result.hourly.miningMw, [0, 20, 20, 20, 0, 0]);
      close(result.totals.miningMarginUsd, 800);
      const refused = await runCli(
        'dispatch',
        '--site',
        site,
        '--prices',
        prices,
        '--hashprice',
        '48',
        '--solver',
        'merit-order',
      );
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /site\.mining\.minRunHours/);
      writeFileSync(
        site,
        [
          'interconnectMw: 100',
          'mining:',
          '  tiers: [{ thPerS: 1000000, jPerTh: 20 }]',
          '  minRunHours: -2',
          'power: { kind: index, adderUsdPerMwh: 0 }',
          '',
        ].join('\n'),
      );
      const bad = await runCli('dispatch', '--site', site, '--prices', prices, '--hashprice', '48');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /site\.mining\.minRunHours: expected 0\.25 \.\. 744 h, got -2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Random small sites (1-4 tiers, AI or not, index or PPA, ancillary or not) over 6-30 volatile hours. */
function instance(o: { minRun: fc.Arbitrary<number>; minDown: fc.Arbitrary<number | undefined> }) {
  return fc
    .record({
      hours: fc.integer({ min: 6, max: 30 }),
      tiers: fc.array(
        fc.record({
          thPerS: fc.double({ min: 1e5, max: 1e6, noNaN: true }),
          jPerTh: fc.double({ min: 15, max: 40, noNaN: true }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      interconnectMw: fc.double({ min: 10, max: 120, noNaN: true }),
      aiMw: fc.option(fc.double({ min: 1, max: 40, noNaN: true }), { nil: undefined }),
      ppa: fc.option(
        fc.record({
          ppaMw: fc.double({ min: 5, max: 80, noNaN: true }),
          ppaUsdPerMwh: fc.double({ min: 20, max: 60, noNaN: true }),
          sellBack: fc.boolean(),
        }),
        { nil: undefined },
      ),
      ancillary: fc.option(fc.double({ min: 1, max: 30, noNaN: true }), { nil: undefined }),
      hashprice: fc.double({ min: 30, max: 90, noNaN: true }),
      prices: fc.array(
        fc.oneof(
          { weight: 6, arbitrary: fc.double({ min: -20, max: 120, noNaN: true }) },
          { weight: 1, arbitrary: fc.double({ min: 200, max: 900, noNaN: true }) },
        ),
        { minLength: 30, maxLength: 30 },
      ),
      minRun: o.minRun,
      minDown: o.minDown,
      minLoad: fc.constantFrom(0.3, 1),
    })
    .map((x) => ({
      minRun: x.minRun,
      minDown: x.minDown,
      minLoad: x.minLoad,
      /** The instance with least load `minLoad` (and the minimum times), or without any when `commit` is false. */
      input(minLoad: number | undefined, commit = true): DispatchInput {
        const site = parseSite({
          interconnectMw: x.interconnectMw + (x.aiMw ?? 0),
          ...(x.aiMw === undefined
            ? {}
            : { ai: { firmMw: x.aiMw, leaseUsdPerKwMonth: 100, powerPassThrough: false } }),
          mining: {
            tiers: x.tiers,
            ...(commit
              ? {
                  minRunHours: x.minRun,
                  ...(x.minDown === undefined ? {} : { minDownHours: x.minDown }),
                  ...(minLoad === undefined ? {} : { minLoadFraction: minLoad }),
                }
              : {}),
          },
          power:
            x.ppa === undefined
              ? { kind: 'index', adderUsdPerMwh: 2 }
              : { kind: 'fixedPpa', adderUsdPerMwh: 2, ...x.ppa },
          ...(x.ancillary === undefined
            ? {}
            : {
                demandResponse: {
                  ancillary: { service: 'RRS', maxOfferMw: x.ancillary, capacityUsdPerMwHour: 6 },
                },
              }),
        });
        return {
          site,
          prices: priceSeries(x.prices.slice(0, x.hours)),
          hashprice: { usdPerPhDay: x.hashprice },
        };
      },
    }));
}
