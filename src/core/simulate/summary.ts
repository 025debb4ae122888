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
import {
  CompensatedSum,
  compensatedMean,
  compensatedMeanOf,
  QuantileCounter,
  quantilesOfSegments,
  SelectionBuffers,
} from './quantile.ts';
import { BAND_PERCENTILES, type SampleSummary, sampleBands } from './sample-summary.ts';
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
 * computed from them are the same bits for any number of threads. (The summary itself reads the chunks in
 * place, {@link summarizeChunks}; this copy is for callers that want whole columns.)
 */
export function mergeChunks(c: CompiledScenario, chunks: readonly ChunkResult[]): MergedRun {
  const run = chunkColumns(c, chunks);
  const paths = c.paths;
  const V = c.variants.length;
  const variantFinals = new Float64Array(V * VF * paths);
  const networkFinals = new Float64Array((NF + TRACKED_HALVINGS) * paths);
  for (let row = 0; row < V * VF; row++) joinInto(variantFinals, row * paths, run.variantColumn(row));
  for (let row = 0; row < NF + TRACKED_HALVINGS; row++)
    joinInto(networkFinals, row * paths, run.networkColumn(row));
  const { netSums, varSums, sample } = run;
  return { paths, variantFinals, networkFinals, netSums, varSums, sample };
}

function joinInto(target: Float64Array, at: number, pieces: readonly Float64Array[]): void {
  for (const piece of pieces) {
    target.set(piece, at);
    at += piece.length;
  }
}

/** A run's per-path end values as each metric's pieces (one per chunk, in path order), not copied. */
interface RunColumns {
  paths: number;
  /** Metric row `v·VF + m` of the variant finals. */
  variantColumn: (row: number) => Float64Array[];
  /** Metric row `m` of the network finals (then the halving days). */
  networkColumn: (row: number) => Float64Array[];
  netSums: Float64Array;
  varSums: Float64Array;
  sample: SampleSummary;
}

/** Chunks checked (each index once, every path) and put in chunk order; band sums added in that order. */
function chunkColumns(c: CompiledScenario, chunks: readonly ChunkResult[]): RunColumns {
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
  const netSums = new Float64Array(NS * T1);
  const varSums = new Float64Array(V * VS * T1);
  for (const ch of sorted) {
    for (let i = 0; i < netSums.length; i++) netSums[i]! += ch.netSums[i]!;
    for (let i = 0; i < varSums.length; i++) varSums[i]! += ch.varSums[i]!;
  }
  const pieces = (pick: (ch: ChunkResult) => Float64Array, row: number) =>
    sorted.map((ch) => pick(ch).subarray(row * ch.n, (row + 1) * ch.n));
  return {
    paths,
    variantColumn: (row) => pieces((ch) => ch.variantFinals, row),
    networkColumn: (row) => pieces((ch) => ch.networkFinals, row),
    netSums,
    varSums,
    sample,
  };
}

/**
 * {@link summarizeRun} straight from the chunks (any order): reads each metric from the chunks' own arrays
 * instead of a merged copy. The same bits as `summarizeRun(c, mergeChunks(c, chunks), meta)`.
 */
export function summarizeChunks(
  c: CompiledScenario,
  chunks: readonly ChunkResult[],
  meta: RunMeta,
  accumulator?: RunAccumulator,
  selection?: FastSelection,
): SimulationResult {
  return summarizeColumns(c, chunkColumns(c, chunks), meta, accumulator, selection);
}

/**
 * Faster order statistics (the native kernel's): the same numbers as quantile.ts, or false / flags where they
 * leave the data to it (a NaN, both signed zeros).
 */
export interface FastSelection {
  /** Type-7 quantiles `qs` of the pieces' values taken together into `out`; false: not done. */
  quantilesOfPieces(pieces: readonly Float64Array[], qs: Float64Array, out: Float64Array): boolean;
}

/** A column of the finals: `v${row}` (variant finals) or `n${row}` (network finals). */
type ColumnKey = `v${number}` | `n${number}`;

/**
 * The part of the end distributions that can be done a chunk at a time, while the other chunks are being
 * simulated: the histogram counts of every reported column (any chunk order) and the means (compensated sums,
 * in chunk order: a chunk that arrives early waits for the ones before it). {@link summarizeChunks} then
 * only gathers and resolves. Feed it every chunk of the run once, in any order.
 */
export class RunAccumulator {
  readonly #counters = new Map<ColumnKey, QuantileCounter>();
  readonly #sums = new Map<ColumnKey, CompensatedSum>();
  readonly #waiting = new Map<number, ChunkResult>();
  #nextInOrder = 0;

  /** @param options.counts false: means only (the percentiles will be selected at the end, say natively). */
  constructor(c: CompiledScenario, options: { counts?: boolean } = {}) {
    const metric = (name: (typeof VARIANT_FINALS)[number]) => VARIANT_FINALS.indexOf(name);
    const counts = options.counts ?? true;
    const both = (key: ColumnKey) => {
      if (counts) this.#counters.set(key, new QuantileCounter(c.paths, BAND_PERCENTILES));
      this.#sums.set(key, new CompensatedSum());
    };
    for (const v of c.strategyVariant)
      for (const name of VARIANT_FINALS) {
        const key: ColumnKey = `v${v * VF + metric(name)}`;
        if (name === 'shortfall') this.#sums.set(key, new CompensatedSum());
        else if (name !== 'soldBelowCostBtc' && name !== 'minBtcHeld') both(key);
      }
    for (const v of c.frontierVariant) {
      both(`v${v * VF + metric('npvUsd')}`);
      this.#sums.set(`v${v * VF + metric('shortfall')}`, new CompensatedSum());
    }
    both('n0');
    both('n1');
    if (counts)
      for (let k = 0; k < TRACKED_HALVINGS; k++)
        this.#counters.set(`n${NF + k}`, new QuantileCounter(c.paths, BAND_PERCENTILES));
  }

  add(chunk: ChunkResult): void {
    for (const [key, counter] of this.#counters) counter.add(columnOf(chunk, key));
    this.#waiting.set(chunk.chunkIndex, chunk);
    for (let next = this.#waiting.get(this.#nextInOrder); next; next = this.#waiting.get(this.#nextInOrder)) {
      this.#waiting.delete(this.#nextInOrder++);
      for (const [key, sum] of this.#sums) sum.add(columnOf(next, key));
    }
  }

  counter(key: ColumnKey): QuantileCounter | undefined {
    return this.#counters.get(key);
  }

  /** The mean of a column once every chunk is in (undefined for a column it does not keep). */
  mean(key: ColumnKey, paths: number): number | undefined {
    const sum = this.#sums.get(key);
    return sum && sum.count === paths ? sum.mean() : undefined;
  }
}

function columnOf(chunk: ChunkResult, key: ColumnKey): Float64Array {
  const row = Number(key.slice(1));
  const data = key[0] === 'v' ? chunk.variantFinals : chunk.networkFinals;
  return data.subarray(row * chunk.n, (row + 1) * chunk.n);
}

export interface RunMeta {
  scenarioName: string;
  startDate: string;
  discountRatePerYear: number;
}

/** Turns a merged run into the {@link SimulationResult} the shells print, store and draw. */
export function summarizeRun(c: CompiledScenario, run: MergedRun, meta: RunMeta): SimulationResult {
  const { paths } = run;
  const column = (data: Float64Array, row: number) => [data.subarray(row * paths, (row + 1) * paths)];
  return summarizeColumns(
    c,
    {
      paths,
      variantColumn: (row) => column(run.variantFinals, row),
      networkColumn: (row) => column(run.networkFinals, row),
      netSums: run.netSums,
      varSums: run.varSums,
      sample: run.sample,
    },
    meta,
  );
}

function summarizeColumns(
  c: CompiledScenario,
  run: RunColumns,
  meta: RunMeta,
  accumulator?: RunAccumulator,
  selection?: FastSelection,
): SimulationResult {
  const { paths } = run;
  const { sampleCount, irrPaths } = run.sample;
  const sample = sampleBands(c, run.sample);
  const qs = Float64Array.from(BAND_PERCENTILES);
  const selected = new Float64Array(qs.length);
  const T1 = c.months + 1;
  const buffers = new SelectionBuffers();
  /** p5, p50, p95 and mean of values in pieces; a metric read twice (a frontier point that is a strategy,
   * BTC held and per share) is summarized once. */
  const stats = new Map<string, readonly [number, number, number, number]>();
  const quantilesOf = (key: ColumnKey, values: Float64Array[]) => {
    if (selection?.quantilesOfPieces(values, qs, selected)) return Array.from(selected);
    const counter = accumulator?.counter(key);
    return counter
      ? counter.quantiles(values, BAND_PERCENTILES, buffers)
      : quantilesOfSegments(values, BAND_PERCENTILES, buffers);
  };
  const meanOf = (key: ColumnKey, values: () => Float64Array[]) =>
    accumulator?.mean(key, paths) ?? compensatedMeanOf(values());
  const statsOf = (key: ColumnKey, pieces: () => Float64Array[]) => {
    let got = stats.get(key);
    if (!got) {
      const [p5, p50, p95] = quantilesOf(key, pieces());
      got = [p5!, p50!, p95!, meanOf(key, pieces)];
      stats.set(key, got);
    }
    return got;
  };
  const distOf = (stat: readonly [number, number, number, number], scale = 1): Dist => ({
    p5: stat[0] * scale,
    p50: stat[1] * scale,
    p95: stat[2] * scale,
    mean: stat[3] * scale,
  });
  const variantDist = (row: number, scale = 1): Dist =>
    distOf(
      statsOf(`v${row}`, () => run.variantColumn(row)),
      scale,
    );
  const networkDist = (row: number): Dist => distOf(statsOf(`n${row}`, () => run.networkColumn(row)));
  const variantMean = (row: number): number => meanOf(`v${row}`, () => run.variantColumn(row));
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
    const [p5, p50, p95] = quantilesOfSegments([defined], BAND_PERCENTILES, buffers);
    const irrDist = { p5: p5!, p50: p50!, p95: p95!, mean: compensatedMean(defined) };
    return { ...irrDist, definedShare: defined.length / irrPaths };
  };

  const strategyResult = (v: number): StrategyResult => {
    const f = (name: (typeof VARIANT_FINALS)[number]) => v * VF + metric(name);
    const series = (name: (typeof VARIANT_SERIES)[number]) => {
      const m = VARIANT_SERIES.indexOf(name);
      return band(sample.varBands, v * VS + m, run.varSums);
    };
    const variant = c.variants[v]!;
    return {
      name: variant.name,
      aiMw: variant.aiMw,
      npvUsd: variantDist(f('npvUsd')),
      irrPerYear: irrOf(v),
      btcMined: variantDist(f('btcMined')),
      btcHeld: variantDist(f('btcHeld')),
      btcPerShare: variantDist(f('btcHeld'), 1 / c.sharesOutstanding),
      cashUsd: variantDist(f('cashUsd')),
      minCashUsd: variantDist(f('minCashUsd')),
      ebitdaUsd: variantDist(f('ebitdaUsd')),
      ebitdaLast12mUsd: variantDist(f('ebitdaLast12mUsd')),
      hashShareEnd: variantDist(f('hashShareEnd')),
      hashrateEndEhPerS: variantDist(f('hashrateEndEhPerS')),
      shortfallProbability: variantMean(f('shortfall')),
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
    const days = run.networkColumn(NF + k);
    let reached = 0;
    for (const piece of days)
      for (let p = 0; p < piece.length; p++) if (Number.isFinite(piece[p]!)) reached++;
    if (reached === 0 && k > 0) break;
    halvings.push({
      height: c.firstHalvingHeight + k * 210_000,
      ...((q) => ({ p5: dayToDate(q[0]!), p50: dayToDate(q[1]!), p95: dayToDate(q[2]!) }))(
        quantilesOf(`n${NF + k}`, days),
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
      priceEndUsd: networkDist(0),
      hashrateEndEhPerS: networkDist(1),
      nextHalvingDate: { p5: first.p5, p50: first.p50, p95: first.p95 },
      halvings,
    },
    frontier: c.frontierVariant.map((v, i) => {
      return {
        aiMw: c.frontierAiMw[i]!,
        strategy: c.variants[v]!.name,
        npvUsd: variantDist(v * VF + metric('npvUsd')),
        shortfallProbability: variantMean(v * VF + metric('shortfall')),
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
