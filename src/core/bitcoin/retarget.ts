import { compactFromTarget, TARGET_MODULUS, targetFromCompact } from './compact-bits.ts';
import { RETARGET_INTERVAL_BLOCKS, TARGET_BLOCK_INTERVAL_S } from './constants.ts';
import { POW_LIMIT_TARGET } from './difficulty.ts';

/** The span a retarget epoch should take: 2016 blocks · 600 s = 1,209,600 s (two weeks). */
export const TARGET_TIMESPAN_S = RETARGET_INTERVAL_BLOCKS * TARGET_BLOCK_INTERVAL_S;

/**
 * Next compact target after a 2016-block epoch, exactly as Bitcoin Core's `CalculateNextWorkRequired`
 * (src/pow.cpp): the actual span `lastBlockTimeS − firstBlockTimeS` is clamped to [timespan/4, timespan·4],
 * `target · span / timespan` is computed in 256-bit integers (truncating) and capped at `powLimit`, then
 * re-encoded with {@link compactFromTarget}. Note Bitcoin's span covers 2015 intervals (first to last block of
 * the epoch), a consensus quirk kept here.
 * @param lastBits compact target of the epoch's last block
 * @param firstBlockTimeS timestamp of the epoch's first block (height multiple of 2016), unix seconds
 * @param lastBlockTimeS timestamp of the epoch's last block, unix seconds
 * @param powLimit proof-of-work limit target (mainnet 2^224 − 1)
 * @throws RangeError for non-integer times or bits outside 32 bits.
 * @example nextCompactTarget(0x1d00ffff, 1261130161, 1262152739) === 0x1d00d86a (pow_tests get_next_work)
 */
export function nextCompactTarget(
  lastBits: number,
  firstBlockTimeS: number,
  lastBlockTimeS: number,
  powLimit: bigint = POW_LIMIT_TARGET,
): number {
  if (!Number.isSafeInteger(firstBlockTimeS) || !Number.isSafeInteger(lastBlockTimeS))
    throw new RangeError(`block times must be integers, got ${firstBlockTimeS}, ${lastBlockTimeS}`);
  const spanS = clampedTimespanS(lastBlockTimeS - firstBlockTimeS);
  const { target } = targetFromCompact(lastBits);
  // C++ arith_uint256 arithmetic wraps at 2^256; mainnet targets (< 2^224) times 4·timespan never reach it.
  let next = ((target * BigInt(spanS)) % TARGET_MODULUS) / BigInt(TARGET_TIMESPAN_S);
  if (next > powLimit) next = powLimit;
  return compactFromTarget(next);
}

/** The actual epoch span clamped to [TARGET_TIMESPAN_S / 4, TARGET_TIMESPAN_S · 4], as consensus does. */
export function clampedTimespanS(actualSpanS: number): number {
  return Math.min(Math.max(actualSpanS, TARGET_TIMESPAN_S / 4), TARGET_TIMESPAN_S * 4);
}

/**
 * Difficulty after a retarget, in floating point: `D · timespan / clamp(actual span)`, so the factor lies in
 * [1/4, 4]. The model for projections; {@link nextCompactTarget} is the consensus-exact version.
 * @example nextDifficulty(1e14, TARGET_TIMESPAN_S / 2) === 2e14
 */
export function nextDifficulty(difficulty: number, actualSpanS: number): number {
  return (difficulty * TARGET_TIMESPAN_S) / clampedTimespanS(actualSpanS);
}
