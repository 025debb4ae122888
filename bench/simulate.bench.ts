import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { compileScenario } from '../src/core/simulate/compile.ts';
import { parseScenarioText } from '../src/data/scenario-file.ts';
import { loadNativeKernel } from '../src/jobs/native-kernel.ts';
import { runSimulation } from '../src/jobs/simulate-pool.ts';
import type { Scenario } from '../src/schema/scenario.ts';
import type { BenchEngine } from './engine.ts';

// The worked example as shipped (3 strategies + its frontier points = every variant it simulates), 100,000
// paths × 120 months, on worker threads over all cores. A path-month is one path advanced one month for every
// strategy of the example. Wall time of the whole run: compile, worker start-up, simulation, summary.
// `value` is the median of RUNS runs of the example as shipped (the frontier's extra variants count as work,
// not as path-months); `strategiesOnly*` is the same without the frontier sweep, i.e. exactly the example's
// strategies. The machine is shared: min and max show the spread.
const file = join(import.meta.dirname, '../examples/mid-size-miner.yaml');
const scenario = parseScenarioText(readFileSync(file, 'utf8'), file);
const { frontier: _frontier, ...strategiesOnly } = scenario;
const PATHS = 100_000;
const MONTHS = 120;
const RUNS = 3;
const threads = availableParallelism();
let extra: Record<string, number | string> = {};

/** Wall seconds of RUNS runs of `s`, sorted (after a small untimed warm-up run). */
async function seconds(s: Scenario): Promise<number[]> {
  await runSimulation(s, { paths: 4096, months: 12, threads });
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const result = await runSimulation(s, { paths: PATHS, months: MONTHS, threads });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (result.paths !== PATHS) throw new Error('bench ran the wrong number of paths');
  }
  return times.sort((a, b) => a - b);
}

const perSecond = (s: number) => Math.round((PATHS * MONTHS) / s);

export const engines: BenchEngine[] = [
  {
    name: 'simulate',
    unit: 'path-months/s',
    run: async () => {
      const load = loadavg()[0]!;
      const full = await seconds(scenario);
      const strategies = await seconds(strategiesOnly);
      const median = full[RUNS >> 1]!;
      const variants = compileScenario(scenario, { paths: PATHS, months: MONTHS }).variants.length;
      extra = {
        paths: PATHS,
        months: MONTHS,
        threads,
        // the month loop the workers run: the native addon when it loads, else JavaScript
        kernel: loadNativeKernel() ? 'native' : 'js',
        runs: RUNS,
        variants,
        seconds: Number(median.toFixed(3)),
        minSeconds: Number(full[0]!.toFixed(3)),
        maxSeconds: Number(full[RUNS - 1]!.toFixed(3)),
        variantPathMonthsPerS: Math.round((PATHS * MONTHS * variants) / median),
        strategiesOnlyVariants: strategiesOnly.strategies.length,
        strategiesOnlySeconds: Number(strategies[RUNS >> 1]!.toFixed(3)),
        strategiesOnlyPathMonthsPerS: perSecond(strategies[RUNS >> 1]!),
        loadAverage1m: Number(load.toFixed(2)),
      };
      return perSecond(median);
    },
    extra: () => extra,
  },
];
