import { irr } from '../economics/irr.ts';
import type { CompiledScenario } from './compile.ts';
import { quantiles, SelectionBuffers } from './quantile.ts';
import { NS, VS } from './state.ts';

/** Percentiles drawn as bands, in this order. */
export const BAND_PERCENTILES = [0.05, 0.5, 0.95] as const;

/** The monthly values of the sampled paths (month-major), kept whole only by the JS kernel and for tests. */
export interface BandSample {
  sampleCount: number;
  /** `[(m·(T+1) + t)·sampleCount + p]`. */
  netSample: Float64Array;
  /** `[((slot·VS + m)·(T+1) + t)·sampleCount + p]`, slot = `c.sampleSlot[v]`. */
  varSample: Float64Array;
}

/**
 * What chunk 0 hands over: its band percentiles, computed where the chunk ran (a month at a time: the raw
 * monthly values of 4,096 paths would be ≈ 80 MB to write, page in and move), and the monthly flows of the
 * first `irrPaths` paths, whose IRRs the summarizing thread solves ({@link sampleBands}).
 */
export interface SampleSummary {
  sampleCount: number;
  irrPaths: number;
  /** `[(m·3 + q)·(T+1) + t]`, q over BAND_PERCENTILES. */
  netBands: Float64Array;
  /** `[((slot·VS + m)·3 + q)·(T+1) + t]`, slot = `c.sampleSlot[v]`. */
  slotBands: Float64Array;
  /** `[(slot·(T+1) + t)·irrPaths + p]`: each path's flows, month 0 … T, as the NPV sums them. */
  flowSample: Float64Array;
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

/** The typed arrays of a sample summary, for a worker's transfer list. */
export function sampleSummaryArrays(summary: SampleSummary): Float64Array[] {
  return [summary.netBands, summary.slotBands, summary.flowSample];
}

/**
 * Band percentiles of months 1 … T of a whole raw sample into `netBands` and `slotBands` (layouts as in
 * {@link SampleSummary}; month 0 is known before the chunk runs). The JavaScript kernel's way; the native
 * kernel selects each month as it goes, the same numbers.
 */
export function bandsOfSample(
  c: CompiledScenario,
  sample: BandSample,
  netBands: Float64Array,
  slotBands: Float64Array,
): void {
  const { sampleCount } = sample;
  const T1 = c.months + 1;
  const buffers = new SelectionBuffers();
  const row = (data: Float64Array, out: Float64Array, r: number) => {
    for (let t = 1; t < T1; t++) {
      const at = (r * T1 + t) * sampleCount;
      const q = quantiles(data.subarray(at, at + sampleCount), BAND_PERCENTILES, buffers);
      for (let k = 0; k < 3; k++) out[(r * 3 + k) * T1 + t] = q[k]!;
    }
  };
  for (let m = 0; m < NS; m++) row(sample.netSample, netBands, m);
  for (let r = 0; r < c.sampledVariants * VS; r++) row(sample.varSample, slotBands, r);
}

/** IRRs per step: ≈ 1 ms. */
const STEP_IRRS = 128;

const progress = new WeakMap<SampleSummary, { steps: Generator<void, SampleBands>; bands?: SampleBands }>();

/**
 * The summary's bands by variant, and the incremental IRR of each variant against the baseline on the first
 * `irrPaths` sampled paths (IRR_SAMPLE_PATHS in state.ts) (monthly IRR annualized as (1 + r)^12 − 1; NaN where the difference
 * of flows has no sign change or no root). Only the variants that are strategies (`c.strategyVariant`) have
 * bands and IRRs; a frontier point that is no strategy reports end values only, so its rows stay NaN. Computed
 * once per summary; finishes what {@link sampleBandsStep} began.
 */
export function sampleBands(c: CompiledScenario, summary: SampleSummary): SampleBands {
  const state = stateOf(c, summary);
  while (!state.bands) sampleBandsStep(c, summary);
  return state.bands;
}

/**
 * One step of {@link sampleBands} (≈ 1 ms: 128 IRRs), for a thread that interleaves it with other work.
 * Returns true once everything is computed.
 */
export function sampleBandsStep(c: CompiledScenario, summary: SampleSummary): boolean {
  const state = stateOf(c, summary);
  if (state.bands) return true;
  const r = state.steps.next();
  if (r.done) state.bands = r.value;
  return r.done === true;
}

function stateOf(c: CompiledScenario, summary: SampleSummary) {
  let state = progress.get(summary);
  if (!state) {
    state = { steps: bandSteps(c, summary) };
    progress.set(summary, state);
  }
  return state;
}

function* bandSteps(c: CompiledScenario, summary: SampleSummary): Generator<void, SampleBands> {
  const { flowSample, irrPaths } = summary;
  const T1 = c.months + 1;
  const V = c.variants.length;
  const reported = [...new Set(c.strategyVariant)].sort((x, y) => x - y);
  const varBands = new Float64Array(V * VS * 3 * T1).fill(Number.NaN);
  const rowLength = VS * 3 * T1;
  for (const v of reported) {
    const slot = c.sampleSlot[v]!;
    varBands.set(summary.slotBands.subarray(slot * rowLength, (slot + 1) * rowLength), v * rowLength);
  }
  const irrPerYear = new Float64Array(V * irrPaths).fill(Number.NaN);
  const delta = new Float64Array(T1);
  const b = c.baselineVariant;
  for (const v of reported) {
    if (v === b) continue;
    for (let p = 0; p < irrPaths; p++) {
      const at = c.sampleSlot[v]! * T1 * irrPaths + p;
      const bt = c.sampleSlot[b]! * T1 * irrPaths + p;
      for (let t = 0; t < T1; t++) delta[t] = flowSample[at + t * irrPaths]! - flowSample[bt + t * irrPaths]!;
      const r = irr(delta);
      if (r.ok) irrPerYear[v * irrPaths + p] = (1 + r.ratePerPeriod) ** 12 - 1;
      if ((p + 1) % STEP_IRRS === 0) yield;
    }
    yield;
  }
  return { netBands: summary.netBands, varBands, irrPerYear };
}
