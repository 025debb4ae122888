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

/** Hashprice of one day in both units; `usdPerPhDay` is null when the day has no price. */
export interface DayHashprice {
  rewardPerBlockBtc: number;
  btcPerPhDay: number;
  usdPerPhDay: number | null;
}

/**
 * Hashprice of a real day from its network figures: reward per block `(subsidyBtc + feesBtc) / blocks` at the
 * day's mean difficulty. Returns null when the day lacks difficulty, subsidy, fees or blocks (or has 0 blocks).
 * @example 2019-06-01 (D 7,459,680,720,542.28; 1,887.5 + 155.884 BTC over 151 blocks; $8,554.81) →
 *   0.0364928 BTC and $312.19 per PH/day
 */
export function networkDayHashprice(day: {
  difficulty: number | null;
  feesBtc: number | null;
  subsidyBtc: number | null;
  blocks: number | null;
  priceUsd: number | null;
}): DayHashprice | null {
  const { difficulty, feesBtc, subsidyBtc, blocks, priceUsd } = day;
  if (difficulty === null || !(difficulty > 0) || feesBtc === null || subsidyBtc === null) return null;
  if (blocks === null || blocks <= 0) return null;
  const rewardPerBlockBtc = (subsidyBtc + feesBtc) / blocks;
  const btcPerPhDay = hashpriceBtcPerPhDay(difficulty, rewardPerBlockBtc);
  return { rewardPerBlockBtc, btcPerPhDay, usdPerPhDay: priceUsd === null ? null : btcPerPhDay * priceUsd };
}
