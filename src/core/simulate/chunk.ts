import type { CompiledScenario } from './compile.ts';
import { DAYS_PER_MONTH, TRACKED_HALVINGS } from './compile.ts';
import { fillNormal, fillUniform } from './rng/fill.ts';
import { chunkStream } from './rng/xoshiro128ss.ts';
import { BAND_PERCENTILES, type BandSample, bandsOfSample, type SampleSummary } from './sample-summary.ts';
import {
  allocateBandOutputs,
  allocateChunkState,
  type BandOutputs,
  CF,
  type ChunkState,
  CO,
  irrPathCount,
  LANES,
  laneTotal,
  NF,
  NS,
  VF,
  VS,
} from './state.ts';
import { stepCompany } from './step-company.ts';
import { stepMarket } from './step-market.ts';
import { stepNetwork } from './step-network.ts';

/** Paths per chunk: the unit of work and of random streams (a chunk's draws depend only on seed and index). */
export const CHUNK_PATHS = 4096;
/** The band sample: the paths of chunk 0 (the first min(paths, CHUNK_PATHS)), i.i.d. like any others. */

/**
 * What another implementation of a chunk (the native kernel, src/jobs/native-kernel.ts) is handed: the chunk's
 * size and random stream, each path's tenant-default month per variant, and the output arrays to fill, the
 * band sums, bands and raw samples already holding month 0. It must leave the same bits as this file's JS path.
 */
export interface ChunkIO extends BandOutputs {
  n: number;
  /** Chunk 0: its paths, whose monthly values make the bands (selected month by month); else 0. */
  sampleCount: number;
  /** BAND_PERCENTILES. */
  bandQuantiles: Float64Array;
  /** The chunk's xoshiro128** state, after the tenant-default draws; left as the JS loop leaves it. */
  rng: Uint32Array;
  /** `[v·n + p]`: the month a path's tenant defaults under variant v; empty when no variant has a hazard. */
  defaultMonth: Float64Array;
  /** Outputs: as ChunkResult's. */
  variantFinals: Float64Array;
  networkFinals: Float64Array;
}

/**
 * Initializes, runs and finishes a chunk into `io` (see ChunkIO). False: some month's values were left to
 * JavaScript's selection (a NaN, or both signed zeros), so the JS path must run the chunk instead.
 */
export type ChunkKernel = (compiled: CompiledScenario, io: ChunkIO) => boolean;

/** What one chunk hands back: per-path end values, monthly sums and (chunk 0) its bands. Typed arrays only. */
export interface ChunkResult {
  chunkIndex: number;
  n: number;
  /** `[(v·VF + m)·n + p]`, metrics as VARIANT_FINALS. */
  variantFinals: Float64Array;
  /** `[m·n + p]`, metrics as NETWORK_FINALS, then TRACKED_HALVINGS halving days (∞ if not reached). */
  networkFinals: Float64Array;
  netSums: Float64Array;
  varSums: Float64Array;
  /** Chunk 0 only: its band percentiles and the flows for the IRRs. */
  sampleSummary?: SampleSummary;
  /** Chunk 0 with `keepSample` only: the raw monthly values behind the bands (tests). */
  sample?: BandSample;
}

/** Number of paths in chunk `chunkIndex` of a run of `paths`. */
export function chunkSize(paths: number, chunkIndex: number, chunkPaths = CHUNK_PATHS): number {
  return Math.max(0, Math.min(chunkPaths, paths - chunkIndex * chunkPaths));
}

/** Number of chunks for `paths`. */
export function chunkCount(paths: number, chunkPaths = CHUNK_PATHS): number {
  return Math.ceil(paths / chunkPaths);
}

/**
 * Simulates chunk `chunkIndex` of the compiled scenario: paths `[index·chunkPaths, …)` over all months and
 * variants, with the random stream of (seed, chunk). The same chunk gives the same numbers on any thread.
 */
export function simulateChunk(
  c: CompiledScenario,
  chunkIndex: number,
  options: {
    chunkPaths?: number;
    keepSample?: boolean;
    /** Called once after each month with the whole chunk state (tests check invariants on every path). */
    afterMonth?: (state: ChunkState, month: number) => void;
    /**
     * Another implementation of the chunk (the native kernel, src/jobs/native-kernel.ts), which must give the
     * same bits as this file's JS path. Not used with afterMonth (which needs the JS state).
     */
    kernel?: ChunkKernel;
  } = {},
): ChunkResult {
  const chunkPaths = options.chunkPaths ?? CHUNK_PATHS;
  const n = chunkSize(c.paths, chunkIndex, chunkPaths);
  const sampleCount = chunkIndex === 0 ? n : 0;
  if (options.kernel && !options.afterMonth) {
    const result = kernelChunk(c, chunkIndex, n, sampleCount, options.kernel, options.keepSample ?? false);
    if (result) return result;
  }
  const s = allocateChunkState(c, n, sampleCount, chunkStream(c.seed, chunkIndex));
  initChunk(c, s);
  const T = c.months;
  const V = c.variants.length;
  const gbm = c.priceModel === 'gbm';
  const jumps = gbm && c.jumpCdf.length > 0;
  const uniformCount = gbm ? (jumps ? n : 0) : c.blockDrawsPerMonth * n;
  for (let t = 0; t < T; t++) {
    if (gbm) fillNormal(s.rng, s.normals, 0, jumps ? 3 * n : 2 * n);
    else fillNormal(s.rng, s.normals, n, n);
    if (uniformCount > 0) fillUniform(s.rng, s.uniforms, 0, uniformCount);
    stepNetwork(c, s, t);
    stepMarket(c, s, t);
    recordNetwork(c, s, t + 1);
    for (let v = 0; v < V; v++) stepCompany(c, s, v, t);
    options.afterMonth?.(s, t);
  }
  return finishChunk(c, s, chunkIndex, options.keepSample ?? false);
}

/**
 * A chunk by another kernel: the draws and month-0 bands here, the rest there, the result assembled here;
 * undefined when the kernel left some month's bands to JavaScript.
 */
function kernelChunk(
  c: CompiledScenario,
  chunkIndex: number,
  n: number,
  sampleCount: number,
  kernel: ChunkKernel,
  keepSample: boolean,
): ChunkResult | undefined {
  const V = c.variants.length;
  const rng = chunkStream(c.seed, chunkIndex);
  const defaultMonth = new Float64Array(tenantDefaultDrawn(c) ? V * n : 0);
  if (defaultMonth.length > 0) {
    defaultMonth.fill(Number.POSITIVE_INFINITY);
    drawDefaultMonths(c, rng, n, (v, p, month) => {
      defaultMonth[v * n + p] = month;
    });
  }
  const io: ChunkIO = {
    n,
    sampleCount,
    bandQuantiles: Float64Array.from(BAND_PERCENTILES),
    rng,
    defaultMonth,
    ...allocateBandOutputs(c, sampleCount, keepSample),
    variantFinals: new Float64Array(V * VF * n),
    networkFinals: new Float64Array((NF + TRACKED_HALVINGS) * n),
  };
  recordMonthZero(c, io);
  if (!kernel(c, io)) return undefined;
  return assemble(io, chunkIndex, keepSample);
}

/** Whether the chunk draws a tenant-default clock (one uniform per path, before the months). */
function tenantDefaultDrawn(c: CompiledScenario): boolean {
  return c.variants.some((v) => v.defaultHazardPerMonth > 0);
}

/**
 * One uniform per path for the tenant-default clock, shared by all variants (common random numbers): the
 * month of default under variant v is ⌊ln u / ln(1 − hazard)⌋ (geometric). Only variants with a hazard.
 */
function drawDefaultMonths(
  c: CompiledScenario,
  rng: Uint32Array,
  n: number,
  set: (v: number, p: number, month: number) => void,
): void {
  const u = new Float64Array(n);
  fillUniform(rng, u, 0, n);
  for (let v = 0; v < c.variants.length; v++) {
    const hz = c.variants[v]!.defaultHazardPerMonth;
    if (hz <= 0) continue;
    const logSurvive = Math.log1p(-hz);
    for (let p = 0; p < n; p++) set(v, p, Math.floor(Math.log(u[p]!) / logSurvive));
  }
}

function initChunk(c: CompiledScenario, s: ChunkState): void {
  const n = s.n;
  const NT = c.netTierCount;
  const P0 = Math.exp(c.logPrice0);
  s.logPrice.fill(c.logPrice0);
  s.price.fill(P0);
  s.logFee.fill(c.logFee0);
  s.fee.fill(Math.exp(c.logFee0));
  s.difficulty.fill(c.difficulty0);
  s.height.fill(c.height0);
  s.epochElapsedS.fill(c.epochElapsed0S);
  s.nextHalving.fill(c.firstHalvingHeight);
  let total = 0;
  for (let k = 0; k < NT; k++) total += c.netTierTh0[k]!;
  for (let p = 0; p < n; p++) for (let k = 0; k < NT; k++) s.netInstalled[p * NT + k] = c.netTierTh0[k]!;
  s.netTotal.fill(total);
  s.netTh.fill(c.hashrate0ThPerS);
  s.invPrice.fill(1 / P0);
  const co = s.company;
  for (let b = 0; b < co.length; b += CF) {
    co[b + CO.cash] = c.cash0;
    co[b + CO.btc] = c.btc0;
    co[b + CO.minBtc] = c.btc0;
    co[b + CO.minCash] = c.cash0;
    co[b + CO.defaultMonth] = Number.POSITIVE_INFINITY;
  }
  if (tenantDefaultDrawn(c))
    drawDefaultMonths(c, s.rng, n, (v, p, month) => {
      co[(v * n + p) * CF + CO.defaultMonth] = month;
    });
  recordMonthZero(c, s);
}

/**
 * Month-0 values of the bands: sums over the chunk's paths, the sampled paths' values (where kept) and their
 * percentiles (every path starts alike, so each percentile is that value).
 */
function recordMonthZero(
  c: CompiledScenario,
  s: Pick<
    ChunkState,
    'n' | 'sampleCount' | 'netSums' | 'varSums' | 'netBands' | 'slotBands' | 'netSample' | 'varSample'
  >,
): void {
  const n = s.n;
  const V = c.variants.length;
  const P0 = Math.exp(c.logPrice0);
  const T1 = c.months + 1;
  const h0 = c.hashrate0ThPerS;
  const hashprice0 = (c.revenue0 * 1000) / DAYS_PER_MONTH;
  const net0 = [P0, h0 * 1e-6, hashprice0];
  const kept = s.netSample.length > 0 ? s.sampleCount : 0;
  const banded = s.sampleCount > 0;
  for (let m = 0; m < NS; m++) {
    s.netSums[m * T1] = net0[m]! * n;
    for (let p = 0; p < kept; p++) s.netSample[m * T1 * s.sampleCount + p] = net0[m]!;
    if (banded) for (let q = 0; q < 3; q++) s.netBands[(m * 3 + q) * T1] = net0[m]!;
  }
  let k0 = 0;
  while (k0 < c.tierCount && c.tierCostPerTh[k0]! <= c.revenue0 * c.poolKeep) k0++;
  for (let v = 0; v < V; v++) {
    const th0 = c.cumTh[v * c.months * (c.tierCount + 1) + k0]!;
    const values = [c.cash0, c.btc0, 0, th0 / h0, th0 * 1e-6];
    for (let m = 0; m < VS; m++) {
      s.varSums[(v * VS + m) * T1] = values[m]! * n;
      const slot = c.sampleSlot[v]!;
      if (slot < 0) continue;
      for (let p = 0; p < kept; p++) s.varSample[(slot * VS + m) * T1 * s.sampleCount + p] = values[m]!;
      if (banded) for (let q = 0; q < 3; q++) s.slotBands[((slot * VS + m) * 3 + q) * T1] = values[m]!;
    }
  }
}

/** Network bands at index `at` (end of month at−1): price, online hashrate, realized hashprice. */
function recordNetwork(c: CompiledScenario, s: ChunkState, at: number): void {
  const T1 = c.months + 1;
  const { price, netTh, hashpriceBtcPerPhDay, netSums, netSample, sampleCount } = s;
  const acc = s.laneSums;
  acc.fill(0, 0, LANES * 3);
  for (let p = 0; p < s.n; p++) {
    const P = price[p]!;
    const eh = netTh[p]! * 1e-6;
    const hp = hashpriceBtcPerPhDay[p]! * P;
    const lane = (p & (LANES - 1)) * 3;
    acc[lane]! += P;
    acc[lane + 1]! += eh;
    acc[lane + 2]! += hp;
    if (p < sampleCount) {
      netSample[at * sampleCount + p] = P;
      netSample[(T1 + at) * sampleCount + p] = eh;
      netSample[(2 * T1 + at) * sampleCount + p] = hp;
    }
  }
  netSums[at]! += laneTotal(acc, 3, 0);
  netSums[T1 + at]! += laneTotal(acc, 3, 1);
  netSums[2 * T1 + at]! += laneTotal(acc, 3, 2);
}

/** End values: terminal value into the NPV and the last sampled flow; per-path finals packed by metric. */
function finishChunk(
  c: CompiledScenario,
  s: ChunkState,
  chunkIndex: number,
  keepSample: boolean,
): ChunkResult {
  const n = s.n;
  const T = c.months;
  const T1 = T + 1;
  const V = c.variants.length;
  const P0 = Math.exp(c.logPrice0);
  const start0 = c.btc0 * P0 - c.debt0;
  const discountT = c.discount[T]!;
  const debtT = c.debtAt[T]!;
  const yearScale = 12 / Math.min(12, T);
  const irrPaths = irrPathCount(s.sampleCount);
  const variantFinals = new Float64Array(V * VF * n);
  const co = s.company;
  for (let v = 0; v < V; v++) {
    const tvFirm = c.terminalFirm[v]!;
    const tvConv = c.terminalConversion[v]!;
    const projectDebtT = c.terminalProjectDebt[v]!;
    const slot = c.sampleSlot[v]!;
    for (let p = 0; p < n; p++) {
      const b = (v * n + p) * CF;
      const P = s.price[p]!;
      const margin = co[b + CO.miningMarginLast12]! * yearScale;
      const terminal =
        co[b + CO.btc]! * P -
        debtT +
        tvFirm +
        (co[b + CO.defaultMonth]! >= T ? tvConv : 0) -
        projectDebtT +
        c.miningTerminalYears * Math.max(margin, 0);
      const npv = co[b + CO.npvFlows]! + discountT * terminal - start0;
      if (p < irrPaths && slot >= 0) {
        const at = slot * T1 * irrPaths + p;
        s.flowSample[at] = -start0;
        s.flowSample[at + T * irrPaths]! += terminal;
      }
      const at = v * VF * n + p;
      variantFinals[at] = npv;
      variantFinals[at + n] = co[b + CO.btcMined]!;
      variantFinals[at + 2 * n] = co[b + CO.btc]!;
      variantFinals[at + 3 * n] = co[b + CO.cash]!;
      variantFinals[at + 4 * n] = co[b + CO.ebitda]!;
      variantFinals[at + 5 * n] = co[b + CO.ebitdaLast12]!;
      variantFinals[at + 6 * n] = co[b + CO.hashShare]!;
      variantFinals[at + 7 * n] = co[b + CO.shortfall]!;
      variantFinals[at + 8 * n] = co[b + CO.soldBelowCost]!;
      variantFinals[at + 9 * n] = co[b + CO.minBtc]!;
      variantFinals[at + 10 * n] = co[b + CO.companyTh]! * 1e-6;
      variantFinals[at + 11 * n] = co[b + CO.minCash]!;
    }
  }
  const networkFinals = new Float64Array((NF + TRACKED_HALVINGS) * n);
  const columns = [s.price, s.netTh, s.height, s.subsidyTotal, s.rewardTotal, s.difficulty];
  columns.forEach((column, m) => {
    networkFinals.set(column, m * n);
  });
  for (let p = 0; p < n; p++) networkFinals[n + p]! *= 1e-6; // TH/s → EH/s
  networkFinals.set(s.halvingDay, NF * n);
  if (s.sampleCount > 0) bandsOfSample(c, s, s.netBands, s.slotBands);
  return assemble({ ...s, variantFinals, networkFinals }, chunkIndex, keepSample);
}

/** The chunk's result from its outputs, with chunk 0's bands and flows for the summary. */
function assemble(
  s: Pick<
    ChunkIO,
    | 'n'
    | 'sampleCount'
    | 'netSums'
    | 'varSums'
    | 'netBands'
    | 'slotBands'
    | 'netSample'
    | 'varSample'
    | 'flowSample'
    | 'variantFinals'
    | 'networkFinals'
  >,
  chunkIndex: number,
  keepSample: boolean,
): ChunkResult {
  const result: ChunkResult = {
    chunkIndex,
    n: s.n,
    variantFinals: s.variantFinals,
    networkFinals: s.networkFinals,
    netSums: s.netSums,
    varSums: s.varSums,
  };
  if (s.sampleCount > 0) {
    result.sampleSummary = {
      sampleCount: s.sampleCount,
      irrPaths: irrPathCount(s.sampleCount),
      netBands: s.netBands,
      slotBands: s.slotBands,
      flowSample: s.flowSample,
    };
    if (keepSample)
      result.sample = { sampleCount: s.sampleCount, netSample: s.netSample, varSample: s.varSample };
  }
  return result;
}
