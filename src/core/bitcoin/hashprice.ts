import { HASHES_PER_DIFFICULTY, SECONDS_PER_DAY } from './constants.ts';

const HASHES_PER_PH = 1e15;

/**
 * Expected BTC earned by 1 PH/s over one day (before pool fee): `1e15 · 86400 · rewardBtc / (D · 2^32)`.
 * `rewardPerBlockBtc` is subsidy plus fees per block. Valid for D > 0.
 * @example hashpriceBtcPerPhDay(1e14, 3.225) ≈ 6.4877e-4 (MODEL.md)
 */
export function hashpriceBtcPerPhDay(difficulty: number, rewardPerBlockBtc: number): number {
  return (HASHES_PER_PH * SECONDS_PER_DAY * rewardPerBlockBtc) / (difficulty * HASHES_PER_DIFFICULTY);
}

/** Hashprice in USD per PH/s per day: {@link hashpriceBtcPerPhDay} times the BTC price. */
export function hashpriceUsdPerPhDay(
  difficulty: number,
  rewardPerBlockBtc: number,
  priceUsd: number,
): number {
  return hashpriceBtcPerPhDay(difficulty, rewardPerBlockBtc) * priceUsd;
}
