import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { compileScenario } from '../src/core/simulate/compile.ts';
import { parseScenarioText } from '../src/data/scenario-file.ts';
import { loadNativeKernel } from '../src/jobs/native-kernel.ts';
import { runSimulation } from '../src/jobs/simulate-pool.ts';
import type { Scenario } from '../src/schema/scenario.ts';
import type { BenchEngine } from './engine.ts';

// The worked example, 100,000 paths × 120 months on every core, wall time of the whole run (compile, worker
// start-up, simulation, summary). A path-month is one path advanced one month for every strategy of the
// example (issue 3), so `value` runs the example's strategies, as `mullet simulate` runs them (the CLI's own
// thread simulates too). `withFrontier*` is the example as shipped: its frontier sweep adds 4 more variants
// per path-month, counted as work, not as path-months. `workersOnly*` runs the strategies as the server does
// (worker threads only). Medians of RUNS runs, the three kinds interleaved; min and max show the spread of a
// shared machine.
const file = join(import.meta.dirname, '../examples/mid-size-miner.yaml');
const example = parseScenarioText(readFileSync(file, 'utf8'), file);
const { frontier: _frontier, ...strategies } = example;
const PATHS = 100_000;
const MONTHS = 120;
const RUNS = 5;
const threads = availableParallelism();
let extra: Record<string, number | string> = {};

const kinds = {
  strategies: { scenario: strategies, callerSimulates: true },
  withFrontier: { scenario: example, callerSimulates: true },
  workersOnly: { scenario: strategies, callerSimulates: false },
} satisfies Record<string, { scenario: Scenario; callerSimulates: boolean }>;
type Kind = keyof typeof kinds;

/** Wall seconds of RUNS runs of each kind, interleaved, each sorted (after a small untimed warm-up of each). */
async function seconds(): Promise<Record<Kind, number[]>> {
  const times: Record<Kind, number[]> = { strategies: [], withFrontier: [], workersOnly: [] };
  const names = Object.keys(kinds) as Kind[];
  for (const name of names) {
    const { scenario, callerSimulates } = kinds[name];
    await runSimulation(scenario, { paths: 3 * 4096, months: 12, threads, callerSimulates });
  }
  for (let i = 0; i < RUNS; i++)
    for (const name of names) {
      const { scenario, callerSimulates } = kinds[name];
      const t0 = process.hrtime.bigint();
      const result = await runSimulation(scenario, {
        paths: PATHS,
        months: MONTHS,
        threads,
        callerSimulates,
      });
      times[name].push(Number(process.hrtime.bigint() - t0) / 1e9);
      if (result.paths !== PATHS) throw new Error('bench ran the wrong number of paths');
    }
  for (const name of names) times[name].sort((a, b) => a - b);
  return times;
}

const perSecond = (s: number) => Math.round((PATHS * MONTHS) / s);
const median = (sorted: number[]) => sorted[sorted.length >> 1]!;
const round3 = (s: number) => Number(s.toFixed(3));

export const engines: BenchEngine[] = [
  {
    name: 'simulate',
    unit: 'path-months/s',
    run: async () => {
      const load = loadavg()[0]!;
      const t = await seconds();
      const variants = (s: Scenario) => compileScenario(s, { paths: PATHS, months: MONTHS }).variants.length;
      extra = {
        paths: PATHS,
        months: MONTHS,
        threads,
        // the month loop: the native addon when it loads, else JavaScript
        kernel: loadNativeKernel() ? 'native' : 'js',
        runs: RUNS,
        variants: variants(strategies),
        seconds: round3(median(t.strategies)),
        minSeconds: round3(t.strategies[0]!),
        maxSeconds: round3(t.strategies[RUNS - 1]!),
        minPathMonthsPerS: perSecond(t.strategies[RUNS - 1]!),
        withFrontierVariants: variants(example),
        withFrontierSeconds: round3(median(t.withFrontier)),
        withFrontierPathMonthsPerS: perSecond(median(t.withFrontier)),
        withFrontierVariantPathMonthsPerS: Math.round(
          (PATHS * MONTHS * variants(example)) / median(t.withFrontier),
        ),
        workersOnlySeconds: round3(median(t.workersOnly)),
        workersOnlyPathMonthsPerS: perSecond(median(t.workersOnly)),
        loadAverage1m: Number(load.toFixed(2)),
      };
      return perSecond(median(t.strategies));
    },
    extra: () => extra,
  },
];
