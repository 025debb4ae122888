import { irr } from '../src/core/economics/irr.ts';
import { miningPnl } from '../src/core/economics/mining-pnl.ts';
import { npvUsd } from '../src/core/economics/npv.ts';
import { DAYS_PER_MONTH } from '../src/core/economics/periods.ts';
import type { BenchEngine } from './engine.ts';
import { timePerIteration } from './engine.ts';

// Deterministic inputs (no Math.random): 64 monthly cash-flow series of 156 months, a capex then a
// slowly decaying EBITDA, so every IRR solve brackets and runs Brent like the worked example does.
const SERIES = 64;
const MONTHS = 156;
const flows: Float64Array[] = [];
for (let s = 0; s < SERIES; s++) {
  const f = new Float64Array(MONTHS);
  f[0] = -1e8 * (1 + s / SERIES);
  for (let m = 1; m < MONTHS; m++) f[m] = 2.5e6 * (1 - m / (2 * MONTHS)) * (1 + (s % 7) / 10);
  flows.push(f);
}

const TIERS = [
  { thPerS: 5.4e6, jPerTh: 17.5 },
  { thPerS: 1.2e6, jPerTh: 21.5 },
  { thPerS: 0.8e6, jPerTh: 29.5 },
];
const TERMS = {
  poolFeeFraction: 0.02,
  uptimeFraction: 0.95,
  pue: 1.05,
  opexUsdPerMwMonth: 12_000,
  opexUsdPerThMonth: 0,
  priceUsd: 92_460,
  days: DAYS_PER_MONTH,
};

let irrCursor = 0;
let pnlCursor = 0;
let npvCursor = 0;
let last: Record<string, number> = {};

export const engines: BenchEngine[] = [
  {
    name: 'economics.irr',
    unit: 'solves/s',
    run: () => {
      const perSolve = timePerIteration(() => {
        const r = irr(flows[irrCursor++ % SERIES]!);
        return r.ok ? r.ratePerPeriod : 0;
      }, 20_000);
      return Math.round(1 / perSolve);
    },
    extra: () => ({ monthsPerSeries: MONTHS }),
  },
  {
    name: 'economics.npv',
    unit: 'series/s',
    run: () => {
      const perSeries = timePerIteration(() => npvUsd(flows[npvCursor++ % SERIES]!, 0.008), 200_000);
      return Math.round(1 / perSeries);
    },
    extra: () => ({ monthsPerSeries: MONTHS }),
  },
  {
    name: 'economics.pnl',
    unit: 'fleet-months/s',
    run: () => {
      const perMonth = timePerIteration(() => {
        const i = pnlCursor++;
        const pnl = miningPnl({
          ...TERMS,
          tiers: TIERS,
          hashpriceBtcPerPhDay: 6e-4 * (1 + (i % 100) / 1000),
          powerPriceUsdPerMwh: 30 + (i % 50),
        });
        return pnl.marginUsd;
      }, 1_000_000);
      last = { tiersPerFleet: TIERS.length };
      return Math.round(1 / perMonth);
    },
    extra: () => last,
  },
];
