import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli as run } from './run-cli.ts';

const json = async (...args: string[]) => {
  const r = await run('difficulty', ...args, '--json');
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
};

describe('mullet difficulty', () => {
  it('decodes --bits 0x1703a30c (the issue’s example)', async () => {
    // target = 0x03a30c · 256^(0x17 − 3) = 0x03a30c · 2^160
    // difficulty = 0xffff·2^208 / (0x03a30c·2^160) = 65535 · 2^48 / 238348 = 77,392,982,524,429.9… → 77392982524430
    // hashrate = 77392982524430 · 2^32 / 600 / 1e12 = 554,000,548.137 TH/s
    assert.deepEqual(await json('--bits', '0x1703a30c'), {
      from: 'bits',
      bits: '0x1703a30c',
      targetHex: '00000000000000000003a30c0000000000000000000000000000000000000000',
      difficulty: 77392982524430,
      hashrateThPerS: 554000548.1372106,
    });
  });

  it('takes decimal bits as mempool.space reports them: 386521239 is block 730,000 at 28587155782195.1', async () => {
    const r = await json('--bits', '386521239');
    assert.equal(r.bits, '0x1709d897');
    assert.ok(Math.abs(r.difficulty - 28587155782195.1) < 0.05);
  });

  it('maps difficulty 1 to the genesis bits 0x1d00ffff and back', async () => {
    const one = await json('--difficulty', '1');
    assert.equal(one.bits, '0x1d00ffff');
    assert.equal(one.targetHex, '00000000ffff0000000000000000000000000000000000000000000000000000');
    // 2^32 / 600 / 1e12 TH/s
    assert.equal(one.hashrateThPerS, 2 ** 32 / 600 / 1e12);
    assert.equal((await json('--bits', '0x1d00ffff')).difficulty, 1);
  });

  it('encodes the last target of btc_difficulty_retargets.csv (epoch 416) to bits 0x17034219', async () => {
    const r = await json('--target', '0x0000000000000000000342190000000000000000000000000000000000000000');
    assert.equal(r.bits, '0x17034219');
    // the file's difficulty column: 86388558925171.02
    assert.ok(Math.abs(r.difficulty - 86388558925171.02) < 0.005);
  });

  it('prints aligned pairs by default', async () => {
    const r = await run('difficulty', '--bits', '0x1703a30c');
    assert.equal(
      r.stdout,
      'bits            0x1703a30c\n' +
        'targetHex       00000000000000000003a30c0000000000000000000000000000000000000000\n' +
        'difficulty      77392982524430\n' +
        'hashrateThPerS  554000548.14 TH/s\n',
    );
  });

  it('exits 2 with one line for negative, overflowing, zero or malformed input, and for 0 or 2 sources', async () => {
    const cases: [string[], string][] = [
      [
        ['--bits', '0x04923456'],
        '--bits: encodes a negative target (sign bit 0x00800000 set), got "0x04923456"',
      ],
      [['--bits', '0xff123456'], '--bits: encodes a target that overflows 256 bits, got "0xff123456"'],
      [['--bits', '0x01003456'], '--bits: encodes a zero target, got "0x01003456"'],
      [
        ['--bits', '1703a30c'],
        '--bits: expected a 32-bit compact target: 0x and up to 8 hex digits, or a decimal integer, got "1703a30c"',
      ],
      [
        ['--bits', '0x1703a30c0'],
        '--bits: expected a 32-bit compact target: 0x and up to 8 hex digits, or a decimal integer, got "0x1703a30c0"',
      ],
      [['--target', 'xyz'], '--target: expected 1 to 64 hex digits (256 bits), got "xyz"'],
      [['--target', '0'], '--target: expected a target > 0, got "0"'],
      [['--difficulty', '0'], '--difficulty: expected a number > 0, got "0"'],
      [
        ['--difficulty', '1e-11'],
        '--difficulty: expected a difficulty whose target fits in 256 bits (> 2.3e-10), got "1e-11"',
      ],
      [
        ['--difficulty', '1e300'],
        '--difficulty: expected a difficulty whose target is at least 1 (<= 0xffff·2^208 ≈ 2.7e67), got "1e300"',
      ],
      [[], '--bits: expected exactly one of --bits, --target, --difficulty'],
      [
        ['--bits', '0x1d00ffff', '--difficulty', '1'],
        '--difficulty: cannot be combined with --bits (give exactly one)',
      ],
    ];
    for (const [args, line] of cases) {
      const r = await run('difficulty', ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `mullet: ${line}\n`);
    }
  });

  it('has --help with a worked example', async () => {
    const r = await run('difficulty', '--help');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /\$ mullet difficulty --bits 0x1703a30c/);
  });
});
