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

/** What the sample contributes to the result: band percentiles and incremental IRRs. */
export interface SampleSummary {
  sampleCount: number;
  irrPaths: number;
  /** `[((m·3 + q)·(T+1) + t]`, q over BAND_PERCENTILES. */
  netBands: Float64Array;
  /** `[(((v·VS + m)·3 + q)·(T+1) + t]`; NaN for a variant that is no strategy. */
  varBands: Float64Array;
  /** `[v·irrPaths + p]`: annual IRR of variant v's flows minus the baseline's, NaN where none exists (and for
   * the baseline and the variants that are no strategy). */
  irrPerYear: Float64Array;
}

/**
 * Band percentiles per month and series, and the incremental IRR of each variant against the baseline on the
 * first {@link IRR_SAMPLE_PATHS} sampled paths (monthly IRR annualized as (1 + r)^12 − 1; NaN where the
 * difference of flows has no sign change or no root). Only what the result reports is computed: bands and
 * IRRs of the variants that are strategies (`c.strategyVariant`); a frontier point that is no strategy reports
 * end values only, so its rows stay NaN.
 */
export function summarizeSample(c: CompiledScenario, sample: BandSample): SampleSummary {
  const { sampleCount } = sample;
  const T1 = c.months + 1;
  const V = c.variants.length;
  const reported = reportedVariants(c);
  const buffers = new SelectionBuffers();
  const bands = (data: Float64Array, rows: readonly number[], total: number): Float64Array => {
    const out = new Float64Array(total * 3 * T1).fill(Number.NaN);
    for (const row of rows)
      for (let t = 0; t < T1; t++) {
        const at = (row * T1 + t) * sampleCount;
        const q = quantiles(data.subarray(at, at + sampleCount), BAND_PERCENTILES, buffers);
        for (let k = 0; k < 3; k++) out[(row * 3 + k) * T1 + t] = q[k]!;
      }
    return out;
  };
  const irrPaths = Math.min(sampleCount, IRR_SAMPLE_PATHS);
  const irrPerYear = new Float64Array(V * irrPaths).fill(Number.NaN);
  const delta = new Float64Array(T1);
  const b = c.baselineVariant;
  for (const v of reported) {
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
  const variantRows: number[] = [];
  for (const v of reported) for (let m = 0; m < VS; m++) variantRows.push(v * VS + m);
  return {
    sampleCount,
    irrPaths,
    netBands: bands(
      sample.netSample,
      Array.from({ length: NS }, (_, m) => m),
      NS,
    ),
    varBands: bands(sample.varSample, variantRows, V * VS),
    irrPerYear,
  };
}

/** The variants whose bands and IRRs the result reports (the strategies'), ascending, each once. */
function reportedVariants(c: CompiledScenario): number[] {
  return [...new Set(c.strategyVariant)].sort((x, y) => x - y);
}
