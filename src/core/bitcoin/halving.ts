import {
  HALVING_INTERVAL_BLOCKS,
  HASHES_PER_DIFFICULTY,
  RETARGET_INTERVAL_BLOCKS,
  TARGET_BLOCK_INTERVAL_S,
} from './constants.ts';
import { nextDifficulty } from './retarget.ts';

/** Halvings after which the subsidy is zero: 50 BTC = 5·10^9 sat < 2^33. */
export const LAST_SUBSIDY_HALVING = 33;

/**
 * Height of the `k`-th halving (k ≥ 1): `210,000 · k`; the 4th is 840,000, the 5th 1,050,000.
 * @throws RangeError for k < 1 or non-integer k.
 */
export function halvingHeight(k: number): number {
  if (!Number.isSafeInteger(k) || k < 1)
    throw new RangeError(`halving index must be an integer >= 1, got ${k}`);
  return HALVING_INTERVAL_BLOCKS * k;
}

/** Halving era of a block: 0 for heights 0 … 209,999, 1 from 210,000, … */
export function halvingEra(height: number): number {
  if (!Number.isSafeInteger(height) || height < 0)
    throw new RangeError(`height must be an integer >= 0, got ${height}`);
  return Math.floor(height / HALVING_INTERVAL_BLOCKS);
}

/** The first halving height strictly above `height` (839,999 → 840,000; 840,000 → 1,050,000). */
export function nextHalvingHeight(height: number): number {
  return halvingHeight(halvingEra(height) + 1);
}

/**
 * Network hash rate over time, piecewise constant: `hashrateThPerS[i]` holds for `[i·stepS, (i+1)·stepS)`
 * seconds after the start; the last value holds for ever after.
 */
export interface HashratePath {
  stepS: number;
  hashrateThPerS: ArrayLike<number>;
}

/** The chain now: tip height, the tip's time (unix s) and the difficulty of the current epoch. */
export interface ChainState {
  height: number;
  timeS: number;
  difficulty: number;
  /**
   * Time of the current epoch's first block (unix s). When absent, the part of the epoch already mined is
   * assumed to have taken 600 s per block, so the first retarget only reacts to the projected part.
   */
  epochStartTimeS?: number;
}

export interface ProjectedHalving {
  height: number;
  /** Expected time of block `height`, unix seconds. */
  timeS: number;
  /** Difficulty of the epoch that contains the halving block. */
  difficulty: number;
}

/**
 * Projects the dates of the next `count` halvings: blocks arrive at the expected rate
 * `H(t)·10^12 / (D·2^32)` per second, difficulty is fixed within each 2016-block epoch and retargets with
 * {@link nextDifficulty} (span clamped to ×4). Deterministic: the expected path, not a sample.
 * Assumes a constant hash rate equal to the difficulty's 600 s rate gives exactly 600 s per block.
 * @example a chain at D with H = D·2^32/600 TH·10^-12 reaches a halving 10 blocks away 6,000 s later.
 * @throws RangeError for a non-positive difficulty, step or hash rate, or an empty path.
 */
export function projectHalvings(state: ChainState, path: HashratePath, count = 1): ProjectedHalving[] {
  if (!(state.difficulty > 0)) throw new RangeError(`difficulty must be > 0, got ${state.difficulty}`);
  if (!(path.stepS > 0)) throw new RangeError(`stepS must be > 0, got ${path.stepS}`);
  if (path.hashrateThPerS.length === 0) throw new RangeError('hashrate path is empty');
  for (let i = 0; i < path.hashrateThPerS.length; i++)
    if (!(path.hashrateThPerS[i]! > 0))
      throw new RangeError(`hashrateThPerS[${i}] must be > 0, got ${path.hashrateThPerS[i]}`);

  const out: ProjectedHalving[] = [];
  let height = state.height;
  let elapsedS = 0; // seconds since state.timeS
  let difficulty = state.difficulty;
  const epochStart = height - (height % RETARGET_INTERVAL_BLOCKS);
  let epochStartS =
    state.epochStartTimeS !== undefined
      ? state.epochStartTimeS - state.timeS
      : -(height - epochStart) * TARGET_BLOCK_INTERVAL_S;
  let target = nextHalvingHeight(height);
  while (out.length < count) {
    const epochEnd = height - (height % RETARGET_INTERVAL_BLOCKS) + RETARGET_INTERVAL_BLOCKS - 1;
    const stop = Math.min(epochEnd, target);
    elapsedS = timeToMine(path, elapsedS, stop - height, difficulty);
    height = stop;
    if (height === target) {
      out.push({ height, timeS: state.timeS + elapsedS, difficulty });
      target += HALVING_INTERVAL_BLOCKS;
    }
    if (height === epochEnd) {
      // Consensus measures first to last block of the epoch; the next block starts the new epoch.
      difficulty = nextDifficulty(difficulty, elapsedS - epochStartS);
      elapsedS = timeToMine(path, elapsedS, 1, difficulty);
      height += 1;
      epochStartS = elapsedS;
      if (height === target) {
        out.push({ height, timeS: state.timeS + elapsedS, difficulty });
        target += HALVING_INTERVAL_BLOCKS;
      }
    }
  }
  return out;
}

/** Seconds after start at which `blocks` more blocks are expected, starting at `fromS`, at `difficulty`. */
function timeToMine(path: HashratePath, fromS: number, blocks: number, difficulty: number): number {
  const hashesPerBlock = difficulty * HASHES_PER_DIFFICULTY;
  const last = path.hashrateThPerS.length - 1;
  let remaining = blocks;
  let t = fromS;
  while (remaining > 0) {
    const i = Math.min(Math.floor(t / path.stepS), last);
    const blocksPerS = (path.hashrateThPerS[i]! * 1e12) / hashesPerBlock;
    const segmentEndS = (i + 1) * path.stepS;
    const possible = i === last ? Number.POSITIVE_INFINITY : (segmentEndS - t) * blocksPerS;
    if (possible >= remaining) return t + remaining / blocksPerS;
    remaining -= possible;
    t = segmentEndS;
  }
  return t;
}

/**
 * A hash rate path growing at a constant annual rate: `H0 · (1 + growthPerYear)^(t / year)`, sampled per step
 * (the value at each step's start) for `years` years.
 * @example constantGrowthPath(600e6, 0.5, 86_400, 2) holds 731 daily values from 600 EH/s.
 */
export function constantGrowthPath(
  hashrateThPerS: number,
  growthPerYear: number,
  stepS: number,
  years: number,
): HashratePath {
  if (!(hashrateThPerS > 0) || !(growthPerYear > -1) || !(stepS > 0) || !(years > 0))
    throw new RangeError('constantGrowthPath: need hashrate > 0, growth > -100%, step > 0 and years > 0');
  const yearS = 365.25 * 86_400;
  const n = Math.ceil((years * yearS) / stepS) + 1;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = hashrateThPerS * (1 + growthPerYear) ** ((i * stepS) / yearS);
  return { stepS, hashrateThPerS: values };
}
