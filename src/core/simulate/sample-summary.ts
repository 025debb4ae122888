import { irr } from '../economics/irr.ts';
import type { CompiledScenario } from './compile.ts';
import { quantiles, SelectionBuffers } from './quantile.ts';
import { NS, VS } from './state.ts';

/** Percentiles drawn as bands, in this order. */
export const BAND_PERCENTILES = [0.05, 0.5, 0.95] as const;
/** Sampled paths whose incremental IRR is solved (the first ones of the sample). */
export const IRR_SAMPLE_PATHS = 1024;

/** The monthly values of the sampled paths (month-major) and their flows (path-major). */
export interface BandSample {
  sampleCount: number;
  /** `[(m·(T+1) + t)·sampleCount + p]`. */
  netSample: Float64Array;
  /** `[((v·VS + m)·(T+1) + t)·sampleCount + p]`. */
  varSample: Float64Array;
  /** `[(v·(T+1) + t)·sampleCount + p]`: each path's flows, month 0 … T, as the NPV sums them (month-major). */
  flowSample: Float64Array;
}

/**
 * What chunk 0 hands over for the bands and IRRs: its sample, to be summarized by {@link sampleBands} on the
 * thread that summarizes the run. (A worker would do it cold, on the path of the chunks; the merging thread
 * does it while the workers simulate, with its code already optimized from earlier runs.)
 */
export interface SampleSummary {
  sampleCount: number;
  irrPaths: number;
  sample: BandSample;
}

/** The sample's contribution to the result: band percentiles and incremental IRRs. */
export interface SampleBands {
  /** `[((m·3 + q)·(T+1) + t]`, q over BAND_PERCENTILES. */
  netBands: Float64Array;
  /** `[(((v·VS + m)·3 + q)·(T+1) + t]`; NaN for a variant that is no strategy. */
  varBands: Float64Array;
  /**
   * `[v·irrPaths + p]`: annual IRR of variant v's flows minus the baseline's, NaN where none exists (and for
   * the baseline and the variants that are no strategy).
   */
  irrPerYear: Float64Array;
}

/** Chunk 0's sample as a {@link SampleSummary} (nothing computed yet; see {@link sampleBands}). */
export function summarizeSample(_c: CompiledScenario, sample: BandSample): SampleSummary {
  return {
    sampleCount: sample.sampleCount,
    irrPaths: Math.min(sample.sampleCount, IRR_SAMPLE_PATHS),
    sample,
  };
}

/** The typed arrays of a sample summary, for a worker's transfer list. */
export function sampleSummaryArrays(summary: SampleSummary): Float64Array[] {
  const { netSample, varSample, flowSample } = summary.sample;
  return [netSample, varSample, flowSample];
}

/** Months of band percentiles (of 4,096 paths) per step: ≈ 1 ms. */
const STEP_MONTHS = 32;
/** IRRs per step: ≈ 1 ms. */
const STEP_IRRS = 128;

/**
 * A faster implementation of one series' band row (the native kernel's `bandRow`): writes the BAND_PERCENTILES
 * of each month t of `data` row `dataRow` to `out` row `outRow`, the same numbers quantiles() gives, and sets
 * flags[t] = 1 for the months it leaves to quantiles() (a NaN, an infinity, or both signed zeros).
 */
export type BandRowFn = (
  data: Float64Array,
  dataRow: number,
  months: number,
  count: number,
  qs: Float64Array,
  out: Float64Array,
  outRow: number,
  flags: Int32Array,
) => void;

const progress = new WeakMap<SampleSummary, { steps: Generator<void, SampleBands>; bands?: SampleBands }>();

/**
 * Band percentiles per month and series, and the incremental IRR of each variant against the baseline on the
 * first {@link IRR_SAMPLE_PATHS} sampled paths (monthly IRR annualized as (1 + r)^12 − 1; NaN where the
 * difference of flows has no sign change or no root). Only what the result reports is computed: bands and
 * IRRs of the variants that are strategies (`c.strategyVariant`); a frontier point that is no strategy reports
 * end values only, so its rows stay NaN. Computed once per summary; finishes what {@link sampleBandsStep} began.
 */
export function sampleBands(c: CompiledScenario, summary: SampleSummary, bandRow?: BandRowFn): SampleBands {
  const state = stateOf(c, summary, bandRow);
  while (!state.bands) sampleBandsStep(c, summary);
  return state.bands;
}

/**
 * One step of {@link sampleBands} (≈ 1 ms: band percentiles of 32 months of one series, or 128 IRRs), for a
 * thread that interleaves it with other work. Returns true once everything is computed.
 */
export function sampleBandsStep(c: CompiledScenario, summary: SampleSummary, bandRow?: BandRowFn): boolean {
  const state = stateOf(c, summary, bandRow);
  if (state.bands) return true;
  const r = state.steps.next();
  if (r.done) state.bands = r.value;
  return r.done === true;
}

/** The summary's progress; `bandRow`, if given when it starts, computes the band rows. */
function stateOf(c: CompiledScenario, summary: SampleSummary, bandRow?: BandRowFn) {
  let state = progress.get(summary);
  if (!state) {
    state = { steps: bandSteps(c, summary, bandRow) };
    progress.set(summary, state);
  }
  return state;
}

function* bandSteps(
  c: CompiledScenario,
  summary: SampleSummary,
  fastRow?: BandRowFn,
): Generator<void, SampleBands> {
  const { sample, sampleCount, irrPaths } = summary;
  const T1 = c.months + 1;
  const V = c.variants.length;
  const reported = [...new Set(c.strategyVariant)].sort((x, y) => x - y);
  const buffers = new SelectionBuffers();
  const netBands = new Float64Array(NS * 3 * T1).fill(Number.NaN);
  const varBands = new Float64Array(V * VS * 3 * T1).fill(Number.NaN);
  const qs = Float64Array.from(BAND_PERCENTILES);
  const flags = new Int32Array(T1);
  // a step: STEP_MONTHS months of one series (or a whole series by fastRow, then any month it left)
  function* bandRow(data: Float64Array, out: Float64Array, row: number, dataRow = row): Generator<void> {
    fastRow?.(data, dataRow, T1, sampleCount, qs, out, row, flags);
    for (let t = 0; t < T1; t++) {
      if (fastRow && !flags[t]) continue;
      const at = (dataRow * T1 + t) * sampleCount;
      const q = quantiles(data.subarray(at, at + sampleCount), BAND_PERCENTILES, buffers);
      for (let k = 0; k < 3; k++) out[(row * 3 + k) * T1 + t] = q[k]!;
      if ((t + 1) % STEP_MONTHS === 0) yield;
    }
    yield;
  }
  for (let m = 0; m < NS; m++) yield* bandRow(sample.netSample, netBands, m);
  for (const v of reported)
    for (let m = 0; m < VS; m++)
      yield* bandRow(sample.varSample, varBands, v * VS + m, c.sampleSlot[v]! * VS + m);
  const irrPerYear = new Float64Array(V * irrPaths).fill(Number.NaN);
  const delta = new Float64Array(T1);
  const b = c.baselineVariant;
  for (const v of reported) {
    if (v === b) continue;
    for (let p = 0; p < irrPaths; p++) {
      const at = c.sampleSlot[v]! * T1 * sampleCount + p;
      const bt = c.sampleSlot[b]! * T1 * sampleCount + p;
      for (let t = 0; t < T1; t++)
        delta[t] = sample.flowSample[at + t * sampleCount]! - sample.flowSample[bt + t * sampleCount]!;
      const r = irr(delta);
      if (r.ok) irrPerYear[v * irrPaths + p] = (1 + r.ratePerPeriod) ** 12 - 1;
      if ((p + 1) % STEP_IRRS === 0) yield;
    }
    yield;
  }
  return { netBands, varBands, irrPerYear };
}
