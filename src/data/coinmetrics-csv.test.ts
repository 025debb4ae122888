import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import { NetworkDay } from '../schema/network-day.ts';
import { networkDayOn, parseCoinMetricsCsv } from './coinmetrics-csv.ts';

const DATA_DIR =
  process.env.MULLET_SHARED_DATA ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const DAILY = `${DATA_DIR}/btc_daily_coinmetrics.csv`;

/** Runs `fn`, expecting an InputError, and returns its first issue. */
function issueOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof InputError, String(error));
    return error.issues[0]!;
  }
  assert.fail('expected an InputError');
}

const ORIGINAL = [
  'time,AdrActCnt,BlkCnt,DiffMean,FeeTotNtv,HashRate,IssTotNtv,PriceUSD,SplyCur',
  '2019-06-01,1,151,7459680720542.28,155.88379801,55994233.7353351,1887.5,8554.80733,17735742.32432548',
  '2019-06-02,2,142,7459680720542.28,170.1,52657790.1,1775,8737.1,17737517.3',
].join('\n');

describe('parseCoinMetricsCsv', () => {
  it('reads Coin Metrics’ own column names (time, BlkCnt, DiffMean, FeeTotNtv, HashRate, IssTotNtv, PriceUSD, SplyCur)', () => {
    const days = parseCoinMetricsCsv(ORIGINAL, 'btc.csv');
    assert.equal(days.length, 2);
    assert.deepEqual(days[0], {
      date: '2019-06-01',
      priceUsd: 8554.80733,
      difficulty: 7459680720542.28,
      hashrateThPerS: 55994233.7353351,
      feesBtc: 155.88379801,
      blocks: 151,
      subsidyBtc: 1887.5,
      supplyBtc: 17735742.32432548,
    });
    // every row satisfies the schema
    for (const day of days) NetworkDay.parse(day);
  });

  it('reads the renamed columns, CRLF line ends, a BOM, ISO midnight timestamps and blank cells as null', () => {
    const text =
      '\uFEFFdate,price_usd,difficulty,hashrate_ths,fees_btc,blocks,subsidy_btc\r\n' +
      '2010-07-17T00:00:00.000Z,,181.54328936405,0.00156124989442647,0.13,173,8650.0\r\n' +
      '2010-07-18,0.08584,181.54328936405,0.00155222532856273,0.79,172,8600.0\r\n';
    const days = parseCoinMetricsCsv(text);
    assert.equal(days[0]!.date, '2010-07-17');
    assert.equal(days[0]!.priceUsd, null);
    assert.equal(days[1]!.priceUsd, 0.08584);
    assert.equal(days[1]!.supplyBtc, null); // optional column absent
  });

  it('names every missing required column', () => {
    try {
      parseCoinMetricsCsv('time,PriceUSD,BlkCnt\n2019-06-01,1,1', 'btc.csv');
      assert.fail('expected an InputError');
    } catch (error) {
      assert.ok(error instanceof InputError);
      assert.deepEqual(
        error.issues.map((i) => i.message),
        [
          'missing column "difficulty" (or "DiffMean")',
          'missing column "fees_btc" (or "FeeTotNtv")',
          'missing column "subsidy_btc" (or "IssTotNtv")',
        ],
      );
      assert.equal(error.issues[0]!.path, 'btc.csv');
    }
  });

  it('reports a bad cell with its line, column, header and value', () => {
    const bad = ORIGINAL.replace('7459680720542.28,170.1', 'abc,170.1');
    const issue = issueOf(() => parseCoinMetricsCsv(bad, 'btc.csv'));
    assert.deepEqual(issue, {
      path: 'btc.csv.DiffMean',
      message: 'expected a number',
      value: 'abc',
      line: 3,
      column: 4,
    });
    const negative = issueOf(() => parseCoinMetricsCsv(ORIGINAL.replace(',142,', ',-142,'), 'btc.csv'));
    assert.equal(negative.message, 'expected a number >= 0');
    const fractional = issueOf(() => parseCoinMetricsCsv(ORIGINAL.replace(',142,', ',14.2,'), 'btc.csv'));
    assert.equal(fractional.message, 'expected an integer');
    const date = issueOf(() => parseCoinMetricsCsv(ORIGINAL.replace('2019-06-02', '2019-02-30'), 'btc.csv'));
    assert.deepEqual([date.path, date.line, date.column], ['btc.csv.time', 3, 1]);
  });

  it('rejects rows out of date order or repeated', () => {
    const repeated = ORIGINAL.replace('2019-06-02', '2019-06-01');
    assert.match(issueOf(() => parseCoinMetricsCsv(repeated)).message, /after 2019-06-01/);
  });

  it('finds a day or names the file’s date range', () => {
    const days = parseCoinMetricsCsv(ORIGINAL);
    assert.equal(networkDayOn(days, '2019-06-02').blocks, 142);
    const issue = issueOf(() => networkDayOn(days, '2020-01-01'));
    assert.deepEqual(issue, {
      path: '--date',
      message: 'expected a date in the file (2019-06-01 … 2019-06-02)',
      value: '2020-01-01',
    });
  });

  it('loads the whole shared daily file: 4,015 days from genesis, every column filled from 2016', {
    skip: existsSync(DAILY) ? false : `needs ${DAILY}`,
  }, () => {
    const days = parseCoinMetricsCsv(readFileSync(DAILY, 'utf8'), DAILY);
    assert.equal(days.length, 4015);
    assert.equal(days[0]!.date, '2009-01-03');
    assert.equal(days.at(-1)!.date, '2019-12-31');
    const recent = days.filter((d) => d.date >= '2016-01-01');
    assert.ok(recent.every((d) => Object.values(d).every((v) => v !== null)));
    assert.equal(networkDayOn(days, '2016-07-09').subsidyBtc, 3062.5);
  });
});
