import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hashpriceBtcPerPhDay, hashpriceUsdPerPhDay, networkDayHashprice } from './hashprice.ts';

const close = (got: number, want: number, relTol: number) =>
  assert.ok(Math.abs(got / want - 1) <= relTol, `got ${got}, want ${want} (±${relTol} relative)`);

describe('hashprice', () => {
  it('matches the worked example of MODEL.md: D=1e14, reward 3.225 BTC, $60,000', () => {
    // 1e15 * 86400 * 3.225 / (1e14 * 2^32) = 2.7864e20 / 4.294967296e23 = 6.487593e-4 BTC; x 60,000 = 38.9256 USD
    assert.ok(Math.abs(hashpriceBtcPerPhDay(1e14, 3.225) - 6.487593e-4) < 1e-9);
    assert.ok(Math.abs(hashpriceUsdPerPhDay(1e14, 3.225, 60_000) - 38.9256) < 1e-4);
  });

  it('golden day 2019-06-01 from btc_daily_coinmetrics.csv', () => {
    // row: price 8554.80733, DiffMean 7459680720542.28, fees 155.88379801, 151 blocks, subsidy 1887.5
    // reward = (1887.5 + 155.88379801) / 151 = 2043.38379801 / 151 = 13.532343033 BTC/block
    // D·2^32 = 7459680720542.28 · 4294967296 = 3.2039084733e22
    // BTC/PH/day = 1e15 · 86400 · 13.532343033 / 3.2039084733e22 = 1.1691944381e21 / 3.2039084733e22 = 0.036492754
    // USD/PH/day = 0.036492754 · 8554.80733 = 312.18848
    const day = {
      difficulty: 7459680720542.28,
      feesBtc: 155.88379801,
      subsidyBtc: 1887.5,
      blocks: 151,
      priceUsd: 8554.80733,
    };
    const hp = networkDayHashprice(day)!;
    close(hp.rewardPerBlockBtc, 13.532343033, 1e-10);
    close(hp.btcPerPhDay, 0.036492754, 1e-8);
    close(hp.usdPerPhDay!, 312.18848, 1e-7);
  });

  it('golden day 2016-07-09 (the second halving, mixed 25 and 12.5 BTC subsidies)', () => {
    // row: price 651.941914, DiffMean 213398925331.32, fees 46.6341364900515, 149 blocks, subsidy 3062.5
    // (96 blocks at 25 + 53 at 12.5 = 2400 + 662.5 = 3062.5)
    // reward = (3062.5 + 46.63413649) / 149 = 3109.13413649 / 149 = 20.866672057 BTC/block
    // D·2^32 = 213398925331.32 · 4294967296 = 9.165414053e20
    // BTC/PH/day = 8.64e19 · 20.866672057 / 9.165414053e20 = 1.8028804657e21 / 9.165414053e20 = 1.96704748
    // USD/PH/day = 1.96704748 · 651.941914 = 1282.4007
    const hp = networkDayHashprice({
      difficulty: 213398925331.32,
      feesBtc: 46.6341364900515,
      subsidyBtc: 3062.5,
      blocks: 149,
      priceUsd: 651.941914,
    })!;
    close(hp.btcPerPhDay, 1.96704748, 1e-8);
    close(hp.usdPerPhDay!, 1282.4007, 1e-7);
  });

  it('has no value for a day without blocks or difficulty, and no USD value without a price', () => {
    assert.equal(
      networkDayHashprice({ difficulty: 1, feesBtc: 0, subsidyBtc: 0, blocks: 0, priceUsd: 1 }),
      null,
    );
    assert.equal(
      networkDayHashprice({ difficulty: null, feesBtc: 0, subsidyBtc: 50, blocks: 1, priceUsd: 1 }),
      null,
    );
    assert.equal(
      networkDayHashprice({ difficulty: 1, feesBtc: 0, subsidyBtc: 50, blocks: 1, priceUsd: null })!
        .usdPerPhDay,
      null,
    );
  });

  it('is proportional to reward and inversely proportional to difficulty (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e15, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 1.5, max: 10, noNaN: true }),
        (d, reward, k) => {
          const base = hashpriceBtcPerPhDay(d, reward);
          return (
            Math.abs((hashpriceBtcPerPhDay(d * k, reward) * k) / base - 1) < 1e-12 &&
            Math.abs(hashpriceBtcPerPhDay(d, reward * k) / (k * base) - 1) < 1e-12
          );
        },
      ),
    );
  });
});
