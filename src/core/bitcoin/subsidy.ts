import { HALVING_INTERVAL_BLOCKS, INITIAL_SUBSIDY_SAT, SAT_PER_BTC } from './constants.ts';

/**
 * Block subsidy at `height`, in satoshi, exactly as Bitcoin Core's `GetBlockSubsidy`:
 * `50 BTC >> floor(height / 210,000)`, and 0 once the shift count reaches 64 (where C++'s shift is undefined).
 * Because 50 BTC < 2^33, the subsidy is already 0 from the 33rd halving (height 6,930,000) on.
 * @throws RangeError for a negative or non-integer height.
 * @example blockSubsidySat(840_000) === 312_500_000
 */
export function blockSubsidySat(height: number): number {
  if (!Number.isSafeInteger(height) || height < 0)
    throw new RangeError(`height must be an integer >= 0, got ${height}`);
  const halvings = Math.floor(height / HALVING_INTERVAL_BLOCKS);
  if (halvings >= 64) return 0;
  // Right shift by division keeps exactness above 2^31 (JS `>>` is 32-bit).
  return Math.floor(INITIAL_SUBSIDY_SAT / 2 ** halvings);
}

/** Block subsidy at `height` in BTC (a float; use {@link blockSubsidySat} for sums). */
export function blockSubsidyBtc(height: number): number {
  return blockSubsidySat(height) / SAT_PER_BTC;
}
