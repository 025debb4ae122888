import { irr } from '../economics/irr.ts';
import type { CompiledScenario } from './compile.ts';
import { quantiles } from './quantile.ts';
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

/** What the sample contributes to the result: band percentiles and incremental IRRs. */
export interface SampleSummary {
  sampleCount: number;
  irrPaths: number;
  /** `[((m·3 + q)·(T+1) + t]`, q over BAND_PERCENTILES. */
  netBands: Float64Array;
  /** `[(((v·VS + m)·3 + q)·(T+1) + t]`. */
  varBands: Float64Array;
  /** `[v·irrPaths + p]`: annual IRR of variant v's flows minus the baseline's, NaN where none exists. */
  irrPerYear: Float64Array;
}

/**
 * Band percentiles per month and series, and the incremental IRR of each variant against the baseline on the
 * first {@link IRR_SAMPLE_PATHS} sampled paths (monthly IRR annualized as (1 + r)^12 − 1; NaN where the
 * difference of flows has no sign change or no root).
 */
export function summarizeSample(c: CompiledScenario, sample: BandSample): SampleSummary {
  const { sampleCount } = sample;
  const T1 = c.months + 1;
  const V = c.variants.length;
  const scratch = new Float64Array(sampleCount);
  const bands = (data: Float64Array, rows: number): Float64Array => {
    const out = new Float64Array(rows * 3 * T1);
    for (let row = 0; row < rows; row++)
      for (let t = 0; t < T1; t++) {
        const at = (row * T1 + t) * sampleCount;
        const q = quantiles(data.subarray(at, at + sampleCount), BAND_PERCENTILES, scratch);
        for (let k = 0; k < 3; k++) out[(row * 3 + k) * T1 + t] = q[k]!;
      }
    return out;
  };
  const irrPaths = Math.min(sampleCount, IRR_SAMPLE_PATHS);
  const irrPerYear = new Float64Array(V * irrPaths).fill(Number.NaN);
  const delta = new Float64Array(T1);
  const b = c.baselineVariant;
  for (let v = 0; v < V; v++) {
    if (v === b) continue;
    for (let p = 0; p < irrPaths; p++) {
      const at = v * T1 * sampleCount + p;
      const bt = b * T1 * sampleCount + p;
      for (let t = 0; t < T1; t++)
        delta[t] = sample.flowSample[at + t * sampleCount]! - sample.flowSample[bt + t * sampleCount]!;
      const r = irr(delta);
      if (r.ok) irrPerYear[v * irrPaths + p] = (1 + r.ratePerPeriod) ** 12 - 1;
    }
  }
  return {
    sampleCount,
    irrPaths,
    netBands: bands(sample.netSample, NS),
    varBands: bands(sample.varSample, V * VS),
    irrPerYear,
  };
}
