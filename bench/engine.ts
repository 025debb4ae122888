/** One benchmark: measures an engine and returns its figure in `unit` (throughput or a same-run ratio). */
export interface BenchEngine {
  name: string;
  unit: string;
  run: () => Promise<number> | number;
  /** Extra figures printed with the line (e.g. the baseline measured in the same run). */
  extra?: () => Record<string, number | string>;
}

/** Runs `fn` `iterations` times and returns seconds per iteration; results are consumed so nothing is elided. */
export function timePerIteration(fn: () => unknown, iterations: number): number {
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) {
    const r = fn();
    if (typeof r === 'number') sink += r;
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (sink === Number.POSITIVE_INFINITY) process.stderr.write('');
  return s / iterations;
}
