import { HALVING_INTERVAL_BLOCKS, INITIAL_SUBSIDY_SAT } from './constants.ts';
import { blockSubsidySat } from './subsidy.ts';

/** Sum of every block subsidy ever, blocks 0 … ∞ (Bitcoin Core: 20,999,999.9769 BTC). */
export const TOTAL_ISSUANCE_SAT = 2_099_999_997_690_000;

/**
 * Cumulative subsidy of blocks 0 … `height` inclusive, in satoshi, exact: a closed form per halving era
 * (`210,000 · (50 BTC >> era)` for each full era, plus the partial era), so O(number of eras), not O(height).
 * Counts the genesis block's 50 BTC although it is unspendable (the convention of the 21M total).
 * All values are below 2^53, so plain numbers are exact.
 * @throws RangeError for a negative or non-integer height.
 * @example issuedSat(0) === 5_000_000_000; issuedSat(209_999) === 1_050_000_000_000_000
 */
export function issuedSat(height: number): number {
  if (!Number.isSafeInteger(height) || height < 0)
    throw new RangeError(`height must be an integer >= 0, got ${height}`);
  const blocks = height + 1;
  const fullEras = Math.floor(blocks / HALVING_INTERVAL_BLOCKS);
  let total = 0;
  for (let era = 0; era < Math.min(fullEras, 64); era++)
    total += HALVING_INTERVAL_BLOCKS * Math.floor(INITIAL_SUBSIDY_SAT / 2 ** era);
  if (fullEras < 64) total += (blocks % HALVING_INTERVAL_BLOCKS) * blockSubsidySat(height);
  return total;
}

/**
 * The lowest height whose cumulative issuance {@link issuedSat} reaches `sat` (inverse of issuance), or `null`
 * when `sat` exceeds {@link TOTAL_ISSUANCE_SAT}. Used to place a supply figure on the chain.
 * @throws RangeError for a negative or non-finite amount.
 * @example heightAtIssuedSat(5_000_000_000) === 0
 */
export function heightAtIssuedSat(sat: number): number | null {
  if (!Number.isFinite(sat) || sat < 0) throw new RangeError(`sat must be a finite number >= 0, got ${sat}`);
  if (sat > TOTAL_ISSUANCE_SAT) return null;
  let before = 0;
  for (let era = 0; era < 64; era++) {
    const perBlock = Math.floor(INITIAL_SUBSIDY_SAT / 2 ** era);
    const eraTotal = HALVING_INTERVAL_BLOCKS * perBlock;
    if (perBlock > 0 && before + eraTotal >= sat) {
      const blocksNeeded = Math.max(1, Math.ceil((sat - before) / perBlock));
      return era * HALVING_INTERVAL_BLOCKS + blocksNeeded - 1;
    }
    before += eraTotal;
  }
  return null;
}
