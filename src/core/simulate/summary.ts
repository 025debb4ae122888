import type {
  Band,
  Dist,
  IrrDist,
  SimulationResult,
  StrategyResult,
} from '../../schema/simulation-result.ts';
import { invariant } from '../errors.ts';
import { CHUNK_PATHS, type ChunkResult } from './chunk.ts';
import { type CompiledScenario, DAYS_PER_MONTH, TRACKED_HALVINGS } from './compile.ts';
import { compensatedMean, quantiles } from './quantile.ts';
import { BAND_PERCENTILES, type SampleSummary } from './sample-summary.ts';
import { NETWORK_SERIES, NF, NS, VARIANT_FINALS, VARIANT_SERIES, VF, VS } from './state.ts';

/** All chunks of a run joined in chunk order: per-path end values, monthly sums, chunk 0's sample summary. */
export interface MergedRun {
  paths: number;
  /** `[(v·VF + m)·paths + p]`. */
  variantFinals: Float64Array;
  /** `[m·paths + p]`, then the halving days. */
  networkFinals: Float64Array;
  netSums: Float64Array;
  varSums: Float64Array;
  sample: SampleSummary;
}

/**
 * Joins chunk results in chunk order (whatever order they arrived in), so the merged numbers and everything
 * computed from them are the same bits for any number of threads.
 */
export function mergeChunks(c: CompiledScenario, chunks: readonly ChunkResult[]): MergedRun {
  const sorted = [...chunks].sort((a, b) => a.chunkIndex - b.chunkIndex);
  const paths = c.paths;
  const V = c.variants.length;
  const T1 = c.months + 1;
  invariant(
    sorted.length > 0 && sorted.every((ch, i) => ch.chunkIndex === i),
    'every chunk of the run is present once',
  );
  invariant(sorted.reduce((s, ch) => s + ch.n, 0) === paths, 'chunks cover every path');
  const sample = sorted[0]!.sampleSummary;
  invariant(sample !== undefined, 'chunk 0 carries the sample summary');
  const variantFinals = new Float64Array(V * VF * paths);
  const networkFinals = new Float64Array((NF + TRACKED_HALVINGS) * paths);
  const netSums = new Float64Array(NS * T1);
  const varSums = new Float64Array(V * VS * T1);
  let first = 0;
  for (const ch of sorted) {
    const n = ch.n;
    for (let row = 0; row < V * VF; row++)
      variantFinals.set(ch.variantFinals.subarray(row * n, (row + 1) * n), row * paths + first);
    for (let row = 0; row < NF + TRACKED_HALVINGS; row++)
      networkFinals.set(ch.networkFinals.subarray(row * n, (row + 1) * n), row * paths + first);
    for (let i = 0; i < netSums.length; i++) netSums[i]! += ch.netSums[i]!;
    for (let i = 0; i < varSums.length; i++) varSums[i]! += ch.varSums[i]!;
    first += n;
  }
  return { paths, variantFinals, networkFinals, netSums, varSums, sample };
}

export interface RunMeta {
  scenarioName: string;
  startDate: string;
  discountRatePerYear: number;
}

/** Turns a merged run into the {@link SimulationResult} the shells print, store and draw. */
export function summarizeRun(c: CompiledScenario, run: MergedRun, meta: RunMeta): SimulationResult {
  const { paths, sample } = run;
  const { sampleCount, irrPaths } = sample;
  const T1 = c.months + 1;
  const scratch = new Float64Array(paths);
  const column = (data: Float64Array, row: number) => data.subarray(row * paths, (row + 1) * paths);
  const dist = (values: Float64Array, scale = 1): Dist => {
    const [p5, p50, p95] = quantiles(values, BAND_PERCENTILES, scratch);
    return { p5: p5! * scale, p50: p50! * scale, p95: p95! * scale, mean: compensatedMean(values) * scale };
  };
  const band = (bands: Float64Array, row: number, sums: Float64Array): Band => {
    const pick = (k: number) => Array.from(bands.subarray((row * 3 + k) * T1, (row * 3 + k + 1) * T1));
    const mean: number[] = [];
    for (let t = 0; t < T1; t++) mean.push(sums[row * T1 + t]! / paths);
    return { p5: pick(0), p50: pick(1), p95: pick(2), mean };
  };
  const metric = (name: (typeof VARIANT_FINALS)[number]) => VARIANT_FINALS.indexOf(name);

  const baseline = c.baselineVariant;
  const irrOf = (v: number): IrrDist => {
    const defined = sample.irrPerYear.subarray(v * irrPaths, (v + 1) * irrPaths).filter(Number.isFinite);
    if (defined.length === 0) return { p5: null, p50: null, p95: null, mean: null, definedShare: 0 };
    return { ...dist(defined), definedShare: defined.length / irrPaths };
  };

  const strategyResult = (v: number): StrategyResult => {
    const f = (name: (typeof VARIANT_FINALS)[number]) => column(run.variantFinals, v * VF + metric(name));
    const series = (name: (typeof VARIANT_SERIES)[number]) => {
      const m = VARIANT_SERIES.indexOf(name);
      return band(sample.varBands, v * VS + m, run.varSums);
    };
    const variant = c.variants[v]!;
    return {
      name: variant.name,
      aiMw: variant.aiMw,
      npvUsd: dist(f('npvUsd')),
      irrPerYear: irrOf(v),
      btcMined: dist(f('btcMined')),
      btcHeld: dist(f('btcHeld')),
      btcPerShare: dist(f('btcHeld'), 1 / c.sharesOutstanding),
      cashUsd: dist(f('cashUsd')),
      minCashUsd: dist(f('minCashUsd')),
      ebitdaUsd: dist(f('ebitdaUsd')),
      ebitdaLast12mUsd: dist(f('ebitdaLast12mUsd')),
      hashShareEnd: dist(f('hashShareEnd')),
      hashrateEndEhPerS: dist(f('hashrateEndEhPerS')),
      shortfallProbability: compensatedMean(f('shortfall')),
      series: {
        cashUsd: series('cashUsd'),
        btcHeld: series('btcHeld'),
        npvUsd: series('npvUsd'),
        hashShare: series('hashShare'),
        hashrateEhPerS: series('hashrateEhPerS'),
      },
    };
  };

  const dates: string[] = [];
  for (let t = 0; t < T1; t++) dates.push(addDays(meta.startDate, t * DAYS_PER_MONTH));
  const endDate = dates[T1 - 1]!;
  const dayToDate = (day: number) =>
    Number.isFinite(day) ? addDays(meta.startDate, day) : `after ${endDate}`;
  const halvings = [];
  for (let k = 0; k < TRACKED_HALVINGS; k++) {
    const days = column(run.networkFinals, NF + k);
    let reached = 0;
    for (let p = 0; p < paths; p++) if (Number.isFinite(days[p]!)) reached++;
    if (reached === 0 && k > 0) break;
    halvings.push({
      height: c.firstHalvingHeight + k * 210_000,
      ...((q) => ({ p5: dayToDate(q[0]!), p50: dayToDate(q[1]!), p95: dayToDate(q[2]!) }))(
        quantiles(days, BAND_PERCENTILES, scratch),
      ),
      reachedShare: reached / paths,
    });
  }
  const netSeries = (name: (typeof NETWORK_SERIES)[number]) => {
    const m = NETWORK_SERIES.indexOf(name);
    return band(sample.netBands, m, run.netSums);
  };
  const first = halvings[0]!;
  return {
    scenarioName: meta.scenarioName,
    paths,
    seed: c.seed,
    months: c.months,
    startDate: meta.startDate,
    discountRatePerYear: meta.discountRatePerYear,
    baseline: c.variants[baseline]!.name,
    dates,
    strategies: c.strategyVariant
      .map(strategyResult)
      .map((r, i) => ({ ...r, name: strategyName(c, i, r.name) })),
    network: {
      priceUsd: netSeries('priceUsd'),
      hashrateEhPerS: netSeries('hashrateEhPerS'),
      hashpriceUsdPerPhDay: netSeries('hashpriceUsdPerPhDay'),
      priceEndUsd: dist(column(run.networkFinals, 0)),
      hashrateEndEhPerS: dist(column(run.networkFinals, 1)),
      nextHalvingDate: { p5: first.p5, p50: first.p50, p95: first.p95 },
      halvings,
    },
    frontier: c.frontierVariant.map((v, i) => {
      const npv = column(run.variantFinals, v * VF + metric('npvUsd'));
      return {
        aiMw: c.frontierAiMw[i]!,
        strategy: c.variants[v]!.name,
        npvUsd: dist(npv),
        shortfallProbability: compensatedMean(column(run.variantFinals, v * VF + metric('shortfall'))),
      };
    }),
    method: {
      chunkPaths: CHUNK_PATHS,
      bandSamplePaths: sampleCount,
      irrSamplePaths: irrPaths,
      note:
        `End distributions use every path. Monthly band percentiles use the first ${sampleCount} paths ` +
        `(i.i.d.; a 5th percentile from n = ${sampleCount} lies between the true ${pct(0.05 - 1.96 * Math.sqrt(0.0475 / Math.max(1, sampleCount)))} ` +
        `and ${pct(0.05 + 1.96 * Math.sqrt(0.0475 / Math.max(1, sampleCount)))} percentiles with 95 % confidence); band means use every path. ` +
        `IRRs are solved on the first ${irrPaths} paths. Months are 30.4375 days.`,
    },
  };
}

/** A strategy's own name (a frontier point that coincides with it shares its variant). */
function strategyName(c: CompiledScenario, strategyIndex: number, variantName: string): string {
  return c.strategyNames[strategyIndex] ?? variantName;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}th`;
}

/** `YYYY-MM-DD` of `startDate` + `days` (fractional days round down to the day). */
export function addDays(startDate: string, days: number): string {
  const ms = Date.parse(`${startDate}T00:00:00Z`) + Math.floor(days) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
