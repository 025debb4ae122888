import type { CompiledScenario } from './compile.ts';
import { TRACKED_HALVINGS } from './compile.ts';

/** Per-variant series kept as monthly bands, in this order. */
export const VARIANT_SERIES = ['cashUsd', 'btcHeld', 'npvUsd', 'hashShare', 'hashrateEhPerS'] as const;
/** Network series kept as monthly bands, in this order. */
export const NETWORK_SERIES = ['priceUsd', 'hashrateEhPerS', 'hashpriceUsdPerPhDay'] as const;
/** Per-path end values per variant, in this order (layout `[(v·F + m)·n + p]`). */
export const VARIANT_FINALS = [
  'npvUsd',
  'btcMined',
  'btcHeld',
  'cashUsd',
  'ebitdaUsd',
  'ebitdaLast12mUsd',
  'hashShareEnd',
  'shortfall',
  'soldBelowCostBtc',
  'minBtcHeld',
  'hashrateEndEhPerS',
  'minCashUsd',
] as const;
/** Per-path end values of the network (layout `[m·n + p]`), then the tracked halvings' days. */
export const NETWORK_FINALS = [
  'priceUsd',
  'hashrateEhPerS',
  'height',
  'subsidyBtc',
  'rewardBtc',
  'difficulty',
] as const;

/**
 * The company's state per variant and path, one record of these numbers at `[(v·n + p)·CF + field]` (array of
 * structs: the month loop reads and writes one contiguous record per path instead of 19 arrays).
 */
export const COMPANY_FIELDS = [
  'cash',
  'btc',
  'newTh',
  'newWallMw',
  /** Bought machines of earlier cohort windows, pooled (the recent window is newTh/newWallMw). */
  'oldTh',
  'oldWallMw',
  /** Grid MW of existing machines retired to make room for bought ones (the costliest first). */
  'retiredGridMw',
  'npvFlows',
  'btcMined',
  'ebitda',
  'ebitdaLast12',
  'miningMarginLast12',
  'shortfall',
  'soldBelowCost',
  'minBtc',
  'minCash',
  'hashShare',
  'companyTh',
  'defaultMonth',
] as const;
export type CompanyField = (typeof COMPANY_FIELDS)[number];
/** Numbers per company record. */
export const CF = COMPANY_FIELDS.length;
/** Offset of each field inside a company record. */
export const CO = Object.fromEntries(COMPANY_FIELDS.map((f, i) => [f, i])) as Record<CompanyField, number>;

/** One company field of every variant and path, `[v·n + p]` (a copy; for finals and tests). */
export function companyColumn(s: ChunkState, field: CompanyField): Float64Array {
  const o = CO[field];
  const out = new Float64Array(s.company.length / CF);
  for (let i = 0; i < out.length; i++) out[i] = s.company[i * CF + o]!;
  return out;
}

/**
 * Monthly sums over paths are kept as LANES partial sums (path p adds into lane p mod LANES) and combined
 * pairwise: the order a SIMD kernel of LANES doubles adds in, so the native and JS kernels give the same bits.
 */
export const LANES = 8;

/** Pairwise total of the LANES partial sums of series `m` in `acc[lane·stride + m]`. */
export function laneTotal(acc: Float64Array, stride: number, m: number): number {
  const a = acc[m]! + acc[stride + m]! + (acc[2 * stride + m]! + acc[3 * stride + m]!);
  const b = acc[4 * stride + m]! + acc[5 * stride + m]! + (acc[6 * stride + m]! + acc[7 * stride + m]!);
  return a + b;
}

export const VS = VARIANT_SERIES.length;
export const NS = NETWORK_SERIES.length;
export const VF = VARIANT_FINALS.length;
export const NF = NETWORK_FINALS.length;

/**
 * Struct of arrays for one chunk of `n` paths: one Float64Array slot per path (network) or per variant and
 * path (`[v·n + p]`). Allocated once per chunk; the month loop only reads and writes slots.
 */
export interface ChunkState extends BandOutputs {
  n: number;
  /** Paths of this chunk whose monthly values are kept for bands (the first `sampleCount`). */
  sampleCount: number;
  rng: Uint32Array;
  normals: Float64Array;
  uniforms: Float64Array;

  // market (per path)
  logPrice: Float64Array;
  price: Float64Array;
  logFee: Float64Array;
  fee: Float64Array;
  bsPos: Int32Array;
  bsLeft: Int32Array;

  // network (per path)
  difficulty: Float64Array;
  height: Float64Array;
  epochElapsedS: Float64Array;
  /** Installed TH/s per network tier, attrition-free units, path-major `[p·tiers + k]`. */
  netInstalled: Float64Array;
  /** Installed TH/s summed over tiers (attrition-free units). */
  netTotal: Float64Array;
  netTh: Float64Array;
  invNetTh: Float64Array;
  invPrice: Float64Array;
  nextHalving: Float64Array;
  halvingsSeen: Int32Array;
  revenueStart: Float64Array;
  kStar: Int32Array;
  asicUsdPerTh: Float64Array;
  invAsicUsdPerTh: Float64Array;
  btcPerThNet: Float64Array;
  hashpriceBtcPerPhDay: Float64Array;
  subsidyTotal: Float64Array;
  rewardTotal: Float64Array;
  halvingDay: Float64Array;

  // company (per variant and path): records of COMPANY_FIELDS, `[(v·n + p)·CF + field]`
  company: Float64Array;

  /** Per-lane partial sums of the month being summed (see LANES). */
  laneSums: Float64Array;
}

/** What a chunk leaves for the bands, whichever kernel runs it (allocateBandOutputs). */
export interface BandOutputs {
  /** Monthly sums over the chunk's paths: `[m·(T+1) + t]`, `[(v·VS + m)·(T+1) + t]`. */
  netSums: Float64Array;
  varSums: Float64Array;
  /** Chunk 0: band percentiles, layouts as SampleSummary's (sample-summary.ts); else empty. */
  netBands: Float64Array;
  slotBands: Float64Array;
  /** Chunk 0: the raw monthly values as BandSample's, where kept (the JS kernel; tests); else empty. */
  netSample: Float64Array;
  varSample: Float64Array;
  /** Chunk 0: the first irrPathCount(sampleCount) paths' flows, as SampleSummary's; else empty. */
  flowSample: Float64Array;
}

/** Allocates the state of a chunk of `n` paths, `sampleCount` of them sampled for bands. */
export function allocateChunkState(
  c: CompiledScenario,
  n: number,
  sampleCount: number,
  rng: Uint32Array,
): ChunkState {
  const V = c.variants.length;
  const f = () => new Float64Array(n);
  return {
    n,
    sampleCount,
    rng,
    normals: new Float64Array(3 * n),
    uniforms: new Float64Array(Math.max(1, c.blockDrawsPerMonth) * n),
    logPrice: f(),
    price: f(),
    logFee: f(),
    fee: f(),
    bsPos: new Int32Array(n),
    bsLeft: new Int32Array(n),
    difficulty: f(),
    height: f(),
    epochElapsedS: f(),
    netInstalled: new Float64Array(c.netTierCount * n),
    netTotal: f(),
    netTh: f(),
    invNetTh: f(),
    invPrice: f(),
    nextHalving: f(),
    halvingsSeen: new Int32Array(n),
    revenueStart: f(),
    kStar: new Int32Array(n),
    asicUsdPerTh: f(),
    invAsicUsdPerTh: f(),
    btcPerThNet: f(),
    hashpriceBtcPerPhDay: f(),
    subsidyTotal: f(),
    rewardTotal: f(),
    halvingDay: new Float64Array(TRACKED_HALVINGS * n).fill(Number.POSITIVE_INFINITY),
    company: new Float64Array(V * n * CF),
    laneSums: new Float64Array(LANES * Math.max(VS, NS)),
    ...allocateBandOutputs(c, sampleCount, true),
  };
}

/** Sampled paths whose incremental IRR is solved (the first ones of the sample). */
export const IRR_SAMPLE_PATHS = 1024;

/** Paths of a band sample of `sampleCount` whose flows are kept for the IRRs. */
export function irrPathCount(sampleCount: number): number {
  return Math.min(sampleCount, IRR_SAMPLE_PATHS);
}

/**
 * A chunk's monthly band sums and, for chunk 0 (`sampleCount` > 0), its band percentiles, the flows of its
 * first IRR paths and (`raw`) every sampled monthly value: what leaves with its result, whichever kernel ran it.
 */
export function allocateBandOutputs(c: CompiledScenario, sampleCount: number, raw: boolean): BandOutputs {
  const T1 = c.months + 1;
  const sampled = sampleCount > 0 ? 1 : 0;
  const kept = raw ? sampleCount : 0;
  return {
    netSums: new Float64Array(NS * T1),
    varSums: new Float64Array(c.variants.length * VS * T1),
    netBands: new Float64Array(sampled * NS * 3 * T1),
    slotBands: new Float64Array(sampled * c.sampledVariants * VS * 3 * T1),
    netSample: new Float64Array(NS * kept * T1),
    varSample: new Float64Array(c.sampledVariants * VS * kept * T1),
    flowSample: new Float64Array(c.sampledVariants * irrPathCount(sampleCount) * T1),
  };
}
