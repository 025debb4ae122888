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

export const VS = VARIANT_SERIES.length;
export const NS = NETWORK_SERIES.length;
export const VF = VARIANT_FINALS.length;
export const NF = NETWORK_FINALS.length;

/**
 * Struct of arrays for one chunk of `n` paths: one Float64Array slot per path (network) or per variant and
 * path (`[v·n + p]`). Allocated once per chunk; the month loop only reads and writes slots.
 */
export interface ChunkState {
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

  // company (per variant and path)
  cash: Float64Array;
  btc: Float64Array;
  newTh: Float64Array;
  newWallMw: Float64Array;
  /** Bought machines of earlier cohort windows, pooled (the recent window is newTh/newWallMw). */
  oldTh: Float64Array;
  oldWallMw: Float64Array;
  /** Grid MW of existing machines retired to make room for bought ones (the costliest first). */
  retiredGridMw: Float64Array;
  npvFlows: Float64Array;
  btcMined: Float64Array;
  ebitda: Float64Array;
  ebitdaLast12: Float64Array;
  miningMarginLast12: Float64Array;
  shortfall: Float64Array;
  soldBelowCost: Float64Array;
  minBtc: Float64Array;
  minCash: Float64Array;
  hashShare: Float64Array;
  companyTh: Float64Array;
  defaultMonth: Float64Array;

  // outputs
  netSums: Float64Array;
  varSums: Float64Array;
  netSample: Float64Array;
  varSample: Float64Array;
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
  const T1 = c.months + 1;
  const f = () => new Float64Array(n);
  const fv = () => new Float64Array(V * n);
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
    cash: fv(),
    btc: fv(),
    newTh: fv(),
    newWallMw: fv(),
    oldTh: fv(),
    oldWallMw: fv(),
    retiredGridMw: fv(),
    npvFlows: fv(),
    btcMined: fv(),
    ebitda: fv(),
    ebitdaLast12: fv(),
    miningMarginLast12: fv(),
    shortfall: fv(),
    soldBelowCost: fv(),
    minBtc: fv(),
    minCash: fv(),
    hashShare: fv(),
    companyTh: fv(),
    defaultMonth: fv(),
    netSums: new Float64Array(NS * T1),
    varSums: new Float64Array(V * VS * T1),
    netSample: new Float64Array(NS * sampleCount * T1),
    varSample: new Float64Array(V * VS * sampleCount * T1),
    flowSample: new Float64Array(V * sampleCount * T1),
  };
}
