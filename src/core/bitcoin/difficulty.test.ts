import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { compactFromTarget, targetFromCompact } from './compact-bits.ts';
import {
  DIFFICULTY_1_TARGET,
  difficultyFromHashrateThPerS,
  difficultyFromTarget,
  hashrateThPerSFromDifficulty,
  ratioToDouble,
  targetFromDifficulty,
} from './difficulty.ts';

// ../shared/data next to the repository (MULLET_SHARED_DATA overrides); tests that need it skip without it
const DATA_DIR =
  process.env.MULLET_SHARED_DATA ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const RETARGETS = `${DATA_DIR}/btc_difficulty_retargets.csv`;
const needsData = { skip: existsSync(RETARGETS) ? false : `needs ${RETARGETS}` };

describe('difficultyFromTarget', () => {
  it(
    'equals the difficulty column (= 0xFFFF·2^208 / target) of every row of btc_difficulty_retargets.csv',
    needsData,
    () => {
      const lines = readFileSync(RETARGETS, 'utf8').trim().split('\n');
      const header = lines[0]!.split(',');
      const dCol = header.indexOf('difficulty');
      const tCol = header.indexOf('target_hex');
      assert.ok(lines.length > 400);
      for (const line of lines.slice(1)) {
        const cells = line.split(',');
        const target = BigInt(`0x${cells[tCol]}`);
        const expected = Number(cells[dCol]);
        const got = difficultyFromTarget(target);
        // the file prints 2 decimals (8 for epochs at difficulty 1): allow half a unit of the last printed digit
        const decimals = cells[dCol]!.split('.')[1]?.length ?? 0;
        assert.ok(
          Math.abs(got - expected) <= 0.5 * 10 ** -decimals + 1e-15 * expected,
          `${line}: got ${got}`,
        );
        // and the target is a valid compact encoding: re-encoding and decoding gives it back exactly
        assert.equal(targetFromCompact(compactFromTarget(target)).target, target, line);
      }
    },
  );

  it('is 1 at the genesis target and matches mempool.space for block 730,000 (bits 386521239)', () => {
    assert.equal(difficultyFromTarget(DIFFICULTY_1_TARGET), 1);
    // mempool docs GET /api/v1/blocks/730000 report difficulty 28587155782195.1 for bits 386521239 = 0x1709d897
    const d = difficultyFromTarget(targetFromCompact(386521239).target);
    assert.ok(Math.abs(d - 28587155782195.1) < 0.05, String(d));
  });

  it('is correctly rounded: ratioToDouble agrees with exact integer division where the quotient is exact', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 1n << 200n }),
        fc.bigInt({ min: 1n, max: 1n << 40n }),
        (den, q) => {
          // num = q·den exactly, and q < 2^53 is a double: the ratio must be exactly q
          return ratioToDouble(q * den, den) === Number(q);
        },
      ),
    );
    // 1/3 and 2/3 rounded to nearest like IEEE division
    assert.equal(ratioToDouble(1n, 3n), 1 / 3);
    assert.equal(ratioToDouble(2n, 3n), 2 / 3);
    assert.equal(ratioToDouble(10n ** 30n, 7n), 1e30 / 7);
  });
});

describe('targetFromDifficulty', () => {
  it('inverts difficultyFromTarget to within one part in 2^52 (fast-check)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n << 100n, max: DIFFICULTY_1_TARGET }), (target) => {
        const back = targetFromDifficulty(difficultyFromTarget(target));
        const diff = back > target ? back - target : target - back;
        return diff <= target >> 51n;
      }),
    );
    assert.equal(targetFromDifficulty(1), DIFFICULTY_1_TARGET);
    assert.equal(targetFromDifficulty(0.5), DIFFICULTY_1_TARGET * 2n);
  });

  it('rejects non-positive difficulties and ones whose target would not fit in 256 bits', () => {
    assert.throws(() => targetFromDifficulty(0), RangeError);
    assert.throws(() => targetFromDifficulty(-1), RangeError);
    assert.throws(() => targetFromDifficulty(Number.NaN), RangeError);
    assert.throws(() => targetFromDifficulty(2 ** -40), RangeError);
    assert.throws(() => difficultyFromTarget(0n), RangeError);
  });
});

describe('hashrate <-> difficulty', () => {
  it('gives H = D·2^32/600 at the target interval', () => {
    // D = 1e14: 1e14 · 4,294,967,296 / 600 = 7.158278826666667e20 H/s = 7.158278826666667e8 TH/s (715.8 EH/s)
    assert.ok(Math.abs(hashrateThPerSFromDifficulty(1e14) - 7.158278826666667e8) < 1e-3);
    // observed 540 s mean interval: 10/9 of that
    assert.ok(Math.abs(hashrateThPerSFromDifficulty(1e14, 540) - 7.953643140740741e8) < 1e-3);
  });

  it('round-trips hashrate -> difficulty -> hashrate to 1e-12 relative (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        (h, t) =>
          Math.abs(hashrateThPerSFromDifficulty(difficultyFromHashrateThPerS(h, t), t) / h - 1) < 1e-12,
      ),
    );
  });

  it('matches Coin Metrics: the daily HashRate of 2019-06-01 is DiffMean·2^32 over the day’s mean interval', () => {
    // 2019-06-01: DiffMean 7459680720542.28, 151 blocks, HashRate 55994233.7353351 TH/s.
    // mean interval 86400/151 = 572.185 s -> 7459680720542.28 · 2^32 / 572.185 / 1e12 = 55,994,233.7 TH/s
    const h = hashrateThPerSFromDifficulty(7459680720542.28, 86_400 / 151);
    assert.ok(Math.abs(h / 55994233.7353351 - 1) < 1e-9, String(h));
  });
});
