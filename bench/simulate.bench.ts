import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { compileScenario } from '../src/core/simulate/compile.ts';
import { parseScenarioText } from '../src/data/scenario-file.ts';
import { loadNativeKernel } from '../src/jobs/native-kernel.ts';
import { runSimulation } from '../src/jobs/simulate-pool.ts';
import type { BenchEngine } from './engine.ts';

// The worked example as shipped (3 strategies + its frontier points = every variant it simulates), 100,000
// paths × 120 months, on worker threads over all cores. A path-month is one path advanced one month for every
// strategy of the example. Wall time of the whole run: compile, worker start-up, simulation, merge, summary.
const file = join(import.meta.dirname, '../examples/mid-size-miner.yaml');
const scenario = parseScenarioText(readFileSync(file, 'utf8'), file);
const PATHS = 100_000;
const MONTHS = 120;
const threads = availableParallelism();
let extra: Record<string, number | string> = {};

export const engines: BenchEngine[] = [
  {
    name: 'simulate',
    unit: 'path-months/s',
    run: async () => {
      // warm-up run (small): not timed
      await runSimulation(scenario, { paths: 4096, months: 12, threads });
      const load = loadavg()[0]!;
      const t0 = process.hrtime.bigint();
      const result = await runSimulation(scenario, { paths: PATHS, months: MONTHS, threads });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (result.paths !== PATHS) throw new Error('bench ran the wrong number of paths');
      const variants = compileScenario(scenario, { paths: PATHS, months: MONTHS }).variants.length;
      extra = {
        paths: PATHS,
        months: MONTHS,
        threads,
        // the month loop the workers run: the native addon when it loads, else JavaScript
        kernel: loadNativeKernel() ? 'native' : 'js',
        variants,
        seconds: Number(seconds.toFixed(3)),
        variantPathMonthsPerS: Math.round((PATHS * MONTHS * variants) / seconds),
        loadAverage1m: Number(load.toFixed(2)),
      };
      return Math.round((PATHS * MONTHS) / seconds);
    },
    extra: () => extra,
  },
];
