import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli as mullet } from './run-cli.ts';

const MARKET = ['--difficulty', '1e14', '--price', '60000', '--fees', '0.1', '--height', '840000'];
// MODEL.md: 1e15 · 86400 · 3.225 / (1e14 · 2^32) = 6.4875933e-4 BTC/PH/day; × 60,000 = 38.925560 USD/PH/day
const HASHPRICE_USD = ((1e15 * 86_400 * 3.225) / (1e14 * 2 ** 32)) * 60_000;

describe('mullet breakeven', () => {
  it('answers MODEL.md: an S21 (17.5 J/TH) breaks even at 38.9256 · 1000 / (24 · 17.5) = $92.680/MWh', async () => {
    const { code, stdout, stderr } = await mullet('breakeven', '--model', 'antminer s21', ...MARKET);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^usdPerMwh\s+92\.680$/m);
    assert.match(stdout, /Antminer S21 \(17\.5 J\/TH\)/);
  });

  it('applies pool fee and PUE; uptime alone changes nothing (--json, exactly one document)', async () => {
    // 38.925558 · 0.98 · 1000 / (24 · 20 · 1.05) = 38,147.05 / 504 = 75.6886
    const { code, stdout } = await mullet(
      'breakeven',
      '--jth',
      '20',
      '--pool-fee',
      '0.02',
      '--pue',
      '1.05',
      '--uptime',
      '0.5',
      ...MARKET,
      '--json',
    );
    assert.equal(code, 0);
    const result = JSON.parse(stdout) as { usdPerMwh: number; model: null; uptimeFraction: number };
    const expected = (HASHPRICE_USD * 0.98 * 1000) / (24 * 20 * 1.05);
    assert.ok(Math.abs(expected - 75.6886) < 1e-4);
    assert.ok(Math.abs(result.usdPerMwh - expected) < 1e-9);
    assert.equal(result.model, null);
    assert.equal(result.uptimeFraction, 0.5);
  });

  it('spreads --opex over the MWh used: $7,305/MW-month at uptime 0.5 is $20/MWh off', async () => {
    // 730.5 h · 0.5 = 365.25 MWh per MW-month → 7305 / 365.25 = 20
    const { stdout } = await mullet(
      'breakeven',
      '--jth',
      '20',
      '--opex',
      '7305',
      '--uptime',
      '0.5',
      ...MARKET,
      '--json',
    );
    const { usdPerMwh } = JSON.parse(stdout) as { usdPerMwh: number };
    assert.ok(Math.abs(usdPerMwh - ((HASHPRICE_USD * 1000) / (24 * 20) - 20)) < 1e-9);
  });

  it('reads a real day from a Coin Metrics CSV: 2019-06-01 at 20 J/TH', async () => {
    // row: price 8554.80733, difficulty 7459680720542.28, fees 155.88379801 BTC, 151 blocks, subsidy 1887.5 BTC
    // reward = (1887.5 + 155.88379801) / 151 = 13.5323430 BTC/block
    const reward = (1887.5 + 155.88379801) / 151;
    const usdPerPhDay = ((1e15 * 86_400 * reward) / (7459680720542.28 * 2 ** 32)) * 8554.80733;
    const { code, stdout, stderr } = await mullet(
      'breakeven',
      '--jth',
      '20',
      '--network',
      '/work/shared/data/btc_daily_coinmetrics.csv',
      '--date',
      '2019-06-01',
      '--json',
    );
    assert.equal(code, 0, stderr);
    const { usdPerMwh } = JSON.parse(stdout) as { usdPerMwh: number };
    assert.ok(Math.abs(usdPerMwh - (usdPerPhDay * 1000) / (24 * 20)) < 1e-6);
  });

  it('exits 2 with one line naming the flag for each bad input, without a stack trace', async () => {
    const neither = await mullet('breakeven', ...MARKET);
    assert.equal(neither.code, 2);
    assert.equal(neither.stderr, 'mullet: --model: required: an ASIC model name, or --jth J_PER_TH\n');
    const both = await mullet('breakeven', '--model', 'Antminer S21', '--jth', '20', ...MARKET);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /^mullet: --jth: cannot be combined with --model/);
    const unknown = await mullet('breakeven', '--model', 'Antminer S21 Pro', ...MARKET);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--model: unknown ASIC model; did you mean "Antminer S21"/);
    const fee = await mullet('breakeven', '--jth', '20', '--pool-fee', '2', '--pue', '0.9', ...MARKET);
    assert.equal(fee.code, 2);
    assert.deepEqual(fee.stderr.trim().split('\n'), [
      'mullet: --pool-fee: expected a number <= 0.99, got "2"',
      'mullet: --pue: expected a number >= 1, got "0.9"',
    ]);
    assert.doesNotMatch(unknown.stderr + fee.stderr, /\bat .*\.ts:\d+/);
  });
});
