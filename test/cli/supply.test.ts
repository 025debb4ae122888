import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli as run } from './run-cli.ts';

describe('mullet supply', () => {
  it('answers the 4th halving: subsidy 3.125 BTC, 19,687,503.125 BTC issued by block 840,000', async () => {
    const r = await run('supply', '--height', '840000', '--json');
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    // eras 0-3: 210,000 · (50 + 25 + 12.5 + 6.25) BTC = 19,687,500 BTC, plus block 840,000 at 3.125 BTC
    assert.deepEqual(JSON.parse(r.stdout), {
      height: 840000,
      subsidySat: 312500000,
      issuedSat: 1968750312500000,
      subsidyBtc: 3.125,
      issuedBtc: 19687503.125,
      halvingEra: 4,
      nextHalvingHeight: 1050000,
      remainingSat: 2099999997690000 - 1968750312500000,
    });
  });

  it('counts genesis, ends at 2,099,999,997,690,000 sat and pays nothing from the 33rd halving', async () => {
    const genesis = JSON.parse((await run('supply', '--height', '0', '--json')).stdout);
    assert.equal(genesis.subsidySat, 5_000_000_000);
    assert.equal(genesis.issuedSat, 5_000_000_000);
    const last = JSON.parse((await run('supply', '--height', '6929999', '--json')).stdout);
    assert.equal(last.subsidySat, 1);
    assert.equal(last.issuedSat, 2_099_999_997_690_000);
    assert.equal(last.remainingSat, 0);
    const after = JSON.parse((await run('supply', '--height', '6930000', '--json')).stdout);
    assert.equal(after.subsidySat, 0);
    assert.equal(after.issuedSat, 2_099_999_997_690_000);
  });

  it('prints aligned pairs by default', async () => {
    const r = await run('supply', '--height', '210000');
    assert.equal(r.code, 0);
    assert.match(
      r.stdout,
      /^height {13}210000\nsubsidySat {9}2500000000 sat \(25 BTC\)\nissuedSat {10}1050002500000000 sat /,
    );
  });

  it('exits 2 with one line naming --height and the value', async () => {
    for (const [value, message] of [
      ['abc', 'expected a number'],
      ['-1', 'expected a number >= 0'],
      ['1.5', 'expected an integer'],
      ['1e300', 'expected a number <= 9007199254740991'],
    ]) {
      const r = await run('supply', '--height', value!);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `mullet: --height: ${message}, got "${value}"\n`);
    }
    const missing = await run('supply');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--height/);
  });

  it('has --help with a worked example', async () => {
    const r = await run('supply', '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Example:\n {2}\$ mullet supply --height 840000/);
  });
});
