import { readFileSync } from 'node:fs';
import { dispatchSite } from '../src/core/dispatch/dispatch-site.ts';
import type { LpSolver } from '../src/core/dispatch/lp.ts';
import { buildDispatchLp } from '../src/core/dispatch/lp-model.ts';
import { meritOrderMiningMw } from '../src/core/dispatch/merit-order.ts';
import { buildDispatchProblem, type DispatchInput } from '../src/core/dispatch/problem.ts';
import { parsePriceText } from '../src/data/prices.ts';
import { parseSite, type Site } from '../src/schema/site.ts';
import { createHighsLpSolver } from '../src/solvers/highs.ts';
import { type BenchEngine, timePerIteration } from './engine.ts';

// One site-year: ERCOT HB_WEST day-ahead 2023 (8,760 h, shipped in examples/), 60 MW of AI, six catalog tiers.
const prices = parsePriceText(
  readFileSync(new URL('../examples/prices/ercot-hb-west-2023-dam.csv', import.meta.url), 'utf8'),
  { fileName: 'ercot-hb-west-2023-dam.csv', node: 'HB_WEST' },
);
const MODELS = [
  'Antminer S21',
  'Antminer S19 XP',
  'Antminer S19k Pro',
  'Antminer S19j Pro',
  'Antminer S19',
  'Whatsminer M30S',
];

function site(seed: number, extra: Record<string, unknown> = {}): Site {
  return parseSite({
    interconnectMw: 200,
    ai: { firmMw: 60, pue: 1.3, leaseUsdPerKwMonth: 120, powerPassThrough: true },
    mining: {
      poolFee: 0.02,
      pue: 1.05,
      tiers: MODELS.map((model, i) => ({ model, units: 3000 + ((seed * 7919 + i * 104_729) % 4000) })),
      ...extra,
    },
    power: { kind: 'index', adderUsdPerMwh: 3.5 },
    demandResponse: {
      fourCp: {
        transmissionUsdPerKwYear: 66.756998,
        intervals: [
          { date: '2023-06-27', endingCpt: '17:00' },
          { date: '2023-07-31', endingCpt: '17:00' },
          { date: '2023-08-10', endingCpt: '17:00' },
          { date: '2023-09-08', endingCpt: '16:45' },
        ],
      },
    },
  });
}
const input = (s: Site): DispatchInput => ({ site: s, prices, hashprice: { usdPerPhDay: 75 } });

let meritExtra: Record<string, number> = {};
let lpExtra: Record<string, number | string> = {};
let portfolioExtra: Record<string, number> = {};
let milpExtra: Record<string, number | string> = {};
let lp: LpSolver | null = null;

export const engines: BenchEngine[] = [
  {
    name: 'dispatch.merit-order',
    unit: 'site-years/s',
    run() {
      const { problem } = buildDispatchProblem(input(site(1)));
      const out = new Float64Array(problem.n);
      timePerIteration(() => meritOrderMiningMw(problem, out), 200); // warm-up
      const s = timePerIteration(() => {
        meritOrderMiningMw(problem, out);
        return out[4000];
      }, 2000);
      const whole = input(site(2));
      const full = timePerIteration(() => dispatchSite(whole, { hourly: false }).upliftUsd, 200);
      meritExtra = {
        msPerSiteYear: s * 1e3,
        hours: problem.n,
        tiers: problem.tiers.length,
        fullDispatchMsPerSiteYear: full * 1e3,
        targetMs: 1,
      };
      return 1 / s;
    },
    extra: () => meritExtra,
  },
  {
    name: 'dispatch.lp',
    unit: 's per coupled site-year',
    async run() {
      lp ??= await createHighsLpSolver();
      // ramp 20 MW/h, a 75,000 MWh monthly cap and 4CP windows 15-19 CPT on summer weekdays: all three couple hours
      const coupled = site(3, { rampMwPerHour: 20, monthlyEnergyBudgetMwh: { maxMwh: 75_000 } });
      const dr = coupled.demandResponse!;
      const windowed: Site = {
        ...coupled,
        demandResponse: {
          ...dr,
          fourCp: {
            ...dr.fourCp!,
            mode: 'window',
            window: { fromHourCpt: 15, toHourCpt: 19, weekdaysOnly: true },
          },
        },
      };
      const solver = lp;
      dispatchSite(input(windowed), { lp: solver, hourly: false }); // warm-up (WASM tiers up)
      const runs = 5;
      const s = timePerIteration(
        () => dispatchSite(input(windowed), { lp: solver, hourly: false }).upliftUsd,
        runs,
      );
      const { problem } = buildDispatchProblem(input(windowed));
      const model = buildDispatchLp(problem).model;
      const solveOnly = timePerIteration(() => (solver.solve(model).status === 'optimal' ? 1 : 0), runs);
      lpExtra = { columns: model.numCols, rows: model.numRows, solveOnlyS: solveOnly, runs, targetS: 0.5 };
      return s;
    },
    extra: () => lpExtra,
  },
  {
    name: 'dispatch.milp',
    unit: 's per site-year with minimum run/down times',
    async run() {
      lp ??= await createHighsLpSolver();
      // six tiers, each running at least 8 h once started and staying off at least 4 h once stopped (MILP)
      const year = input(site(4, { minRunHours: 8, minDownHours: 4 }));
      const month = { ...year, from: '2023-07-01', to: '2023-07-31' };
      const solver = lp;
      const monthS = timePerIteration(() => dispatchSite(month, { lp: solver, hourly: false }).upliftUsd, 3);
      const t0 = process.hrtime.bigint();
      const r = dispatchSite(year, { lp: solver, hourly: false });
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      const merit = dispatchSite(input(site(4)), { hourly: false });
      milpExtra = {
        monthS,
        status: r.lp?.status ?? 'n/a',
        mipGap: r.lp?.mipGap ?? 'n/a',
        binaries: r.lp?.integers ?? 'n/a',
        columns: r.lp?.columns ?? 'n/a',
        rows: r.lp?.rows ?? 'n/a',
        marginBelowMeritOrderUsd: Math.round(merit.totals.miningMarginUsd - r.totals.miningMarginUsd),
        targetS: 60,
      };
      return s;
    },
    extra: () => milpExtra,
  },
  {
    name: 'dispatch.portfolio',
    unit: 's per 1000 site-years',
    run() {
      const inputs = Array.from({ length: 1000 }, (_, k) => input(site(k)));
      for (let k = 0; k < 50; k++) dispatchSite(inputs[k]!, { hourly: false }); // warm-up
      const t0 = process.hrtime.bigint();
      let sink = 0;
      for (const x of inputs) sink += dispatchSite(x, { hourly: false }).upliftUsd;
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      portfolioExtra = { sites: inputs.length, msPerSite: s, upliftUsdTotal: Math.round(sink), targetS: 2 };
      return s;
    },
    extra: () => portfolioExtra,
  },
];
