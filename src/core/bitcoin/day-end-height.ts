import type { NetworkDay } from '../../schema/network-day.ts';
import { INITIAL_SUBSIDY_SAT, SAT_PER_BTC } from './constants.ts';
import { heightAtIssuedSat } from './issuance.ts';

/** The first UTC day of the chain (genesis block, height 0). */
export const GENESIS_DATE = '2009-01-03';

export interface DayEndHeight {
  /** Height of the last block mined on that day. */
  height: number;
  /**
   * `block-count`: exact, the sum of daily block counts from genesis (Coin Metrics' BlkCnt leaves out the
   * genesis block, so the running sum is the height of the day's last block).
   * `supply`: an estimate from the day's end supply inverted through the issuance schedule; supply lost to
   * miners who claimed less than the subsidy makes it read a few blocks low.
   */
  method: 'block-count' | 'supply';
}

/**
 * Height of the last block of `days[index]`: exact from cumulative block counts when the rows start at
 * genesis ({@link GENESIS_DATE}) with no gap, otherwise estimated from the day's supply; `null` when neither is
 * available (no genesis start and no supply column).
 * Checked on real days: 2016-07-09 ends at 420,052 (its 149 blocks split 96 at 25 BTC and 53 at 12.5 BTC).
 * @throws RangeError when `index` is outside `days`.
 */
export function dayEndHeight(days: readonly NetworkDay[], index: number): DayEndHeight | null {
  const day = days[index];
  if (day === undefined) throw new RangeError(`index ${index} outside 0…${days.length - 1}`);
  if (days[0]?.date === GENESIS_DATE && contiguousCounts(days, index)) {
    let height = 0;
    for (let i = 0; i <= index; i++) height += days[i]!.blocks!;
    return { height, method: 'block-count' };
  }
  if (day.supplyBtc !== null) {
    // SplyCur leaves out the unspendable genesis coinbase; issuance counts it (block 0)
    const height = heightAtIssuedSat(Math.round(day.supplyBtc * SAT_PER_BTC) + INITIAL_SUBSIDY_SAT);
    if (height !== null) return { height, method: 'supply' };
  }
  return null;
}

function contiguousCounts(days: readonly NetworkDay[], index: number): boolean {
  for (let i = 0; i <= index; i++) {
    const day = days[i]!;
    if (day.blocks === null) return false;
    if (i > 0 && nextDay(days[i - 1]!.date) !== day.date) return false;
  }
  return true;
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const daysInMonth = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d < daysInMonth) return `${y}-${pad(m)}-${pad(d + 1)}`;
  if (m < 12) return `${y}-${pad(m + 1)}-01`;
  return `${y + 1}-01-01`;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number) => String(n).padStart(2, '0');
