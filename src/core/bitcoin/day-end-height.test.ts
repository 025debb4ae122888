import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NetworkDay } from '../../schema/network-day.ts';
import { dayEndHeight } from './day-end-height.ts';

const day = (date: string, blocks: number, supplyBtc: number): NetworkDay => ({
  date,
  priceUsd: null,
  difficulty: null,
  hashrateThPerS: null,
  feesBtc: null,
  blocks,
  subsidyBtc: null,
  supplyBtc: supplyBtc,
});

describe('dayEndHeight', () => {
  it('counts blocks from genesis when the rows start at 2009-01-03', () => {
    const days = [day('2009-01-03', 0, 0), day('2009-01-04', 0, 0), day('2009-01-05', 0, 0)];
    days.push(day('2009-01-06', 0, 0), day('2009-01-07', 0, 0), day('2009-01-08', 0, 0));
    days.push(day('2009-01-09', 19, 950), day('2009-01-10', 61, 4000));
    assert.deepEqual(dayEndHeight(days, 6), { height: 19, method: 'block-count' });
    assert.deepEqual(dayEndHeight(days, 7), { height: 80, method: 'block-count' });
  });

  it('inverts SplyCur, which leaves out the unspendable genesis 50 BTC, to the same heights', () => {
    // btc_daily_coinmetrics.csv: 2009-01-09 ends at block 19 with SplyCur 950 = 19 × 50 (blocks 1..19),
    // 2009-01-12 at 267 with 13,350 = 267 × 50; a file that starts later has only the supply to go on
    const days = [day('2009-01-09', 19, 950), day('2009-01-12', 94, 13_350)];
    assert.deepEqual(dayEndHeight(days, 0), { height: 19, method: 'supply' });
    assert.deepEqual(dayEndHeight(days, 1), { height: 267, method: 'supply' });
    // before the first mined block: only genesis
    assert.deepEqual(dayEndHeight([day('2009-01-05', 0, 0)], 0), { height: 0, method: 'supply' });
  });
});
