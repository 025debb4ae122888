import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli as run } from './run-cli.ts';

const DATA_DIR =
  process.env.MULLET_SHARED_DATA ?? fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const DAILY = `${DATA_DIR}/btc_daily_coinmetrics.csv`;
const needsDaily = { skip: existsSync(DAILY) ? false : `needs ${DAILY}` };
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const close = (got: number, want: number, relTol: number) =>
  assert.ok(Math.abs(got / want - 1) <= relTol, `got ${got}, want ${want} (±${relTol} relative)`);

describe('mullet hashprice', () => {
  it('answers the MODEL.md example from flags: D=1e14, $60,000, 0.1 BTC fees, height 840,000', async () => {
    const r = await run(
      'hashprice',
      '--difficulty',
      '1e14',
      '--price',
      '60000',
      '--fees',
      '0.1',
      '--height',
      '840000',
      '--json',
    );
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    const json = JSON.parse(r.stdout);
    // subsidy at 840,000 = 3.125 BTC; reward 3.225; 1e15·86400·3.225 / (1e14·2^32) = 2.7864e20 / 4.294967296e23
    // = 6.4875931e-4 BTC/PH/day; × 60,000 = 38.925558 USD/PH/day
    close(json.btcPerPhDay, 6.4875931e-4, 1e-8);
    close(json.usdPerPhDay, 38.925558, 1e-7);
    assert.deepEqual(
      { ...json, btcPerPhDay: 0, usdPerPhDay: 0 },
      {
        btcPerPhDay: 0,
        usdPerPhDay: 0,
        difficulty: 1e14,
        priceUsd: 60000,
        feesBtcPerBlock: 0.1,
        height: 840000,
        subsidyBtc: 3.125,
        rewardPerBlockBtc: 3.225,
        source: 'flags',
      },
    );
  });

  it('uses the halved subsidy one block later: height 839,999 pays 6.25 BTC', async () => {
    const r = await run(
      'hashprice',
      '--difficulty',
      '1e14',
      '--price',
      '60000',
      '--fees',
      '0',
      '--height',
      '839999',
      '--json',
    );
    // 8.64e19 · 6.25 / 4.294967296e23 = 1.2572855e-3 BTC/PH/day
    close(JSON.parse(r.stdout).btcPerPhDay, 1.2572855e-3, 1e-7);
  });

  it('prints aligned label/value pairs with units by default', async () => {
    const r = await run(
      'hashprice',
      '--difficulty',
      '1e14',
      '--price',
      '60000',
      '--fees',
      '0.1',
      '--height',
      '840000',
    );
    assert.equal(r.code, 0);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'btcPerPhDay        0.00064875931 BTC/PH/day');
    assert.equal(lines[1], 'usdPerPhDay        38.925558 USD/PH/day');
    // values start in one column: after the longest label ("rewardPerBlockBtc", 17) and two spaces
    for (const line of lines) assert.equal(/^\S+\s+/.exec(line)![0].length, 19, line);
    assert.equal(lines.length, 9);
  });

  it('reads a real day from the Coin Metrics CSV: 2019-06-01', needsDaily, async () => {
    const r = await run('hashprice', '--network', DAILY, '--date', '2019-06-01', '--json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    // (1887.5 + 155.88379801) / 151 = 13.532343033 BTC/block at D 7459680720542.28 and $8,554.80733
    // → 8.64e19 · 13.532343033 / (7459680720542.28 · 2^32) = 0.036492754 BTC; × 8554.80733 = 312.18848 USD
    close(json.rewardPerBlockBtc, 13.532343033, 1e-10);
    close(json.btcPerPhDay, 0.036492754, 1e-8);
    close(json.usdPerPhDay, 312.18848, 1e-7);
    assert.equal(json.difficulty, 7459680720542.28);
    assert.equal(json.priceUsd, 8554.80733);
    // height: sum of BlkCnt from 2009-01-03 through 2019-06-01 (Coin Metrics leaves out genesis) = last block that day
    assert.equal(json.height, 578873);
    assert.match(json.source, /height from block counts/);
  });

  it(
    'reads the 2016 halving day with its mixed subsidy and lets --price override the file',
    needsDaily,
    async () => {
      const r = await run(
        'hashprice',
        '--network',
        DAILY,
        '--date',
        '2016-07-09',
        '--price',
        '1000',
        '--json',
      );
      const json = JSON.parse(r.stdout);
      // (3062.5 + 46.6341364900515) / 149 = 20.866672057 BTC/block; 8.64e19 · 20.866672057 / (213398925331.32 · 2^32)
      // = 1.96704748 BTC/PH/day; × 1000 (override) = 1967.04748 USD
      close(json.btcPerPhDay, 1.96704748, 1e-8);
      close(json.usdPerPhDay, 1967.04748, 1e-8);
      // 96 blocks at 25 BTC end at 419,999, so the day's 149 blocks are 419,904 … 420,052
      assert.equal(json.height, 420052);
      assert.match(json.source, /overridden by --price/);
    },
  );

  it('estimates the height from SplyCur when a file does not start at genesis, and needs --height without it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mullet-hp-'));
    const withSupply = join(dir, 'slice.csv');
    writeFileSync(
      withSupply,
      'time,PriceUSD,DiffMean,FeeTotNtv,BlkCnt,IssTotNtv,SplyCur\n' +
        '2016-07-09,651.941914,213398925331.32,46.6341364900515,149,3062.5,15750498.60474103\n',
    );
    const r = await run('hashprice', '--network', withSupply, '--date', '2016-07-09', '--json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    // SplyCur 15,750,498.6 BTC leaves out the genesis 50 BTC, so 15,750,548.6 BTC were issued: era 2 (12.5 BTC)
    // began after 15,750,000 BTC at block 419,999, so 548.60474103 / 12.5 = 43.89 → 44 blocks → 420,043;
    // lost subsidies make it read low (true: 420,052)
    assert.equal(json.height, 420043);
    assert.match(json.source, /height from supply/);
    close(json.btcPerPhDay, 1.96704748, 1e-8); // the reward still comes from the day's own figures

    const noSupply = join(dir, 'nosupply.csv');
    writeFileSync(
      noSupply,
      'date,price_usd,difficulty,fees_btc,blocks,subsidy_btc\n2016-07-09,651.941914,213398925331.32,46.63,149,3062.5\n',
    );
    const bad = await run('hashprice', '--network', noSupply, '--date', '2016-07-09');
    assert.equal(bad.code, 2);
    assert.match(
      bad.stderr,
      /^mullet: --height: required: .* neither starts at 2009-01-03 nor has a supply column/,
    );
    const ok = await run(
      'hashprice',
      '--network',
      noSupply,
      '--date',
      '2016-07-09',
      '--height',
      '420000',
      '--json',
    );
    assert.equal(JSON.parse(ok.stdout).subsidyBtc, 12.5);
  });

  it('exits 2 instead of printing Infinity or $0 when the day has difficulty 0 or price 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mullet-hp-'));
    const header = 'date,price_usd,difficulty,fees_btc,blocks,subsidy_btc,supply_btc\n';
    const zeroDiff = join(dir, 'zero-difficulty.csv');
    writeFileSync(zeroDiff, `${header}2019-06-01,8554.8,0,154.9,151,1887.5,17730000\n`);
    const d = await run('hashprice', '--network', zeroDiff, '--date', '2019-06-01', '--json');
    assert.equal(d.code, 2);
    assert.equal(d.stdout, '');
    assert.equal(
      d.stderr,
      `mullet: --date: ${zeroDiff} has difficulty 0 on that day (expected > 0; give --difficulty), got "2019-06-01"\n`,
    );
    const zeroPrice = join(dir, 'zero-price.csv');
    writeFileSync(zeroPrice, `${header}2019-06-01,0,7459680720542.28,154.9,151,1887.5,17730000\n`);
    const p = await run('hashprice', '--network', zeroPrice, '--date', '2019-06-01');
    assert.equal(p.code, 2);
    assert.equal(
      p.stderr,
      `mullet: --date: ${zeroPrice} has price 0 on that day (expected > 0; give --price), got "2019-06-01"\n`,
    );
    // the flag that replaces the bad figure makes the day usable
    const ok = await run('hashprice', '--network', zeroPrice, '--date', '2019-06-01', '--price', '8554.8');
    assert.equal(ok.code, 0, ok.stderr);
  });

  it('exits 2 naming the flag when magnitudes overflow a double, instead of printing null or Infinity', async () => {
    const market = ['--fees', '0.1', '--height', '1', '--json'];
    const d = await run('hashprice', '--difficulty', '1e-300', '--price', '60000', ...market);
    assert.equal(d.code, 2);
    assert.equal(d.stdout, '');
    assert.match(d.stderr, /^mullet: --difficulty: .*beyond the range of a number.*got "1e-300"\n$/);
    const p = await run('hashprice', '--difficulty', '1e10', '--price', '1e308', ...market);
    assert.equal(p.code, 2);
    assert.match(p.stderr, /^mullet: --price: .*beyond the range of a number.*got "1e308"\n$/);
    const b = await run(
      'breakeven',
      '--jth',
      '1e-320',
      '--difficulty',
      '1e14',
      '--price',
      '60000',
      ...market,
    );
    assert.equal(b.code, 2);
    assert.match(b.stderr, /^mullet: --jth: .*beyond the range of a number.*got "1e-320"\n$/);
  });

  it('exits 2 with one line per bad or missing flag, naming the flag and the value', async () => {
    const bad = await run(
      'hashprice',
      '--difficulty',
      '1e14',
      '--price',
      'abc',
      '--fees',
      '0.1',
      '--height',
      '840000',
    );
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr, 'mullet: --price: expected a number in USD, got "abc"\n');

    const negative = await run(
      'hashprice',
      '--difficulty',
      '-5',
      '--price',
      '1',
      '--fees',
      '0',
      '--height',
      '1',
    );
    assert.equal(negative.stderr, 'mullet: --difficulty: expected a number > 0, got "-5"\n');

    const missing = await run('hashprice', '--price', '60000');
    assert.equal(missing.code, 2);
    assert.deepEqual(
      missing.stderr
        .trimEnd()
        .split('\n')
        .map((l) => l.split(':')[1]!.trim()),
      ['--difficulty', '--fees', '--height'],
    );

    const height = await run(
      'hashprice',
      '--difficulty',
      '1',
      '--price',
      '1',
      '--fees',
      '0',
      '--height',
      '1.5',
    );
    assert.equal(height.stderr, 'mullet: --height: expected an integer, got "1.5"\n');
  });

  it(
    'exits 2 on a bad --network/--date combination, a missing file or a date outside it',
    needsDaily,
    async () => {
      const noDate = await run('hashprice', '--network', DAILY);
      assert.equal(noDate.code, 2);
      assert.equal(noDate.stderr, 'mullet: --date: required with --network (YYYY-MM-DD)\n');

      const badDate = await run('hashprice', '--network', DAILY, '--date', '2019-02-30');
      assert.equal(badDate.stderr, 'mullet: --date: expected a date YYYY-MM-DD, got "2019-02-30"\n');

      const outside = await run('hashprice', '--network', DAILY, '--date', '2024-01-01');
      assert.equal(
        outside.stderr,
        'mullet: --date: expected a date in the file (2009-01-03 … 2019-12-31), got "2024-01-01"\n',
      );

      const noPrice = await run('hashprice', '--network', DAILY, '--date', '2010-07-17');
      assert.match(
        noPrice.stderr,
        /^mullet: --date: .* has no price on that day \(give --price\), got "2010-07-17"\n$/,
      );

      const missingFile = await run('hashprice', '--network', '/nonexistent/btc.csv', '--date', '2019-06-01');
      assert.equal(
        missingFile.stderr,
        'mullet: --network: cannot read the file (ENOENT), got "/nonexistent/btc.csv"\n',
      );
    },
  );

  it('has --help with a worked example', async () => {
    const r = await run('hashprice', '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Example/);
    assert.match(r.stdout, /--network FILE --date YYYY-MM-DD/);
  });

  it('as a child process: exit 0 with one JSON document, exit 2 with one line and no stack trace', async () => {
    const spawn = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'src/cli/main.ts', ...args],
          { cwd: ROOT },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
    const [good, bad] = await Promise.all([
      spawn([
        'hashprice',
        '--difficulty',
        '1e14',
        '--price',
        '60000',
        '--fees',
        '0.1',
        '--height',
        '840000',
        '--json',
      ]),
      spawn(['hashprice', '--difficulty', 'x', '--price', '60000', '--fees', '0.1', '--height', '840000']),
    ]);
    assert.equal(good.code, 0, good.stderr);
    close(JSON.parse(good.stdout).usdPerPhDay, 38.925558, 1e-7);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.equal(bad.stderr, 'mullet: --difficulty: expected a number, got "x"\n');
  });
});
