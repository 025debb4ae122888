import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NetworkDay } from '../../schema/network-day.ts';
import { dailyHashpriceFromNetwork } from './hashprice-days.ts';

const day = (date: string, priceUsd: number | null): NetworkDay => ({
  date,
  priceUsd,
  difficulty: 7459680720542.28,
  hashrateThPerS: null,
  feesBtc: 155.88379801,
  blocks: 151,
  subsidyBtc: 1887.5,
  supplyBtc: null,
});

describe('dailyHashpriceFromNetwork', () => {
  it('leaves out a day priced 0 like a blank one (reported missing), instead of a 0 USD hashprice', () => {
    const daily = dailyHashpriceFromNetwork([
      day('2019-06-01', 8554.80733),
      day('2019-06-02', 0),
      day('2019-06-03', null),
    ]);
    assert.deepEqual(
      daily.map((d) => d.date),
      ['2019-06-01'],
    );
    assert.ok(Math.abs(daily[0]!.usdPerPhDay - 312.18848) < 1e-5);
  });
});
