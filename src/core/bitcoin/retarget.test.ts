import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compactToHex, targetFromCompact } from './compact-bits.ts';
import { difficultyFromTarget, POW_LIMIT_TARGET } from './difficulty.ts';
import { clampedTimespanS, nextCompactTarget, nextDifficulty, TARGET_TIMESPAN_S } from './retarget.ts';

describe('nextCompactTarget (Bitcoin Core pow_tests.cpp CalculateNextWorkRequired vectors)', () => {
  const cases: [string, number, number, number, number][] = [
    // name, last nBits, first block time, last block time, expected
    ['get_next_work: blocks 30240..32255, no clamp', 0x1d00ffff, 1261130161, 1262152739, 0x1d00d86a],
    [
      'get_next_work_pow_limit: blocks 0..2015, capped at powLimit',
      0x1d00ffff,
      1231006505,
      1233061996,
      0x1d00ffff,
    ],
    [
      'get_next_work_lower_limit_actual: blocks 66528..68543, span clamped up to 1/4',
      0x1c05a3f4,
      1279008237,
      1279297671,
      0x1c0168fd,
    ],
    [
      'get_next_work_upper_limit_actual: span clamped down to 4x',
      0x1c387f6f,
      1263163443,
      1269211443,
      0x1d00e1fd,
    ],
  ];
  for (const [name, bits, first, last, expected] of cases) {
    it(`${name} -> ${compactToHex(expected)}`, () => {
      assert.equal(compactToHex(nextCompactTarget(bits, first, last)), compactToHex(expected));
    });
  }

  it('never exceeds powLimit and moves difficulty by at most 4x either way (fast-check)', () => {
    const bits = fc
      .tuple(fc.integer({ min: 0x14, max: 0x1d }), fc.integer({ min: 0x008000, max: 0x7fffff }))
      .map(([size, mantissa]) => ((size << 24) | mantissa) >>> 0)
      .filter((b) => targetFromCompact(b).target <= POW_LIMIT_TARGET);
    fc.assert(
      fc.property(bits, fc.integer({ min: -1e7, max: 1e8 }), (b, span) => {
        const before = targetFromCompact(b).target;
        const after = targetFromCompact(nextCompactTarget(b, 1_000_000_000, 1_000_000_000 + span)).target;
        // 4x in target, plus the truncation of both compact encodings (< 2^-15 relative each)
        const ratio = difficultyFromTarget(before) / difficultyFromTarget(after);
        return (
          after <= POW_LIMIT_TARGET &&
          after > 0n &&
          ratio >= 0.25 * (1 - 2 ** -14) &&
          ratio <= 4 * (1 + 2 ** -14)
        );
      }),
    );
  });

  it('agrees with the floating-point model nextDifficulty to compact precision when not capped (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0x010000, max: 0x7fffff }),
        fc.integer({ min: 1, max: 6_000_000 }),
        (mantissa, span) => {
          const bits = ((0x17 << 24) | mantissa) >>> 0;
          const d0 = difficultyFromTarget(targetFromCompact(bits).target);
          const d1 = difficultyFromTarget(targetFromCompact(nextCompactTarget(bits, 0, span)).target);
          return Math.abs(d1 / nextDifficulty(d0, span) - 1) < 2 ** -14;
        },
      ),
    );
  });
});

describe('nextDifficulty', () => {
  it('scales difficulty by timespan / actual span with the factor clamped to [1/4, 4]', () => {
    assert.equal(TARGET_TIMESPAN_S, 1_209_600);
    assert.equal(nextDifficulty(1e14, TARGET_TIMESPAN_S), 1e14);
    assert.equal(nextDifficulty(1e14, TARGET_TIMESPAN_S / 2), 2e14);
    assert.equal(nextDifficulty(1e14, TARGET_TIMESPAN_S / 10), 4e14); // clamped
    assert.equal(nextDifficulty(1e14, TARGET_TIMESPAN_S * 10), 2.5e13); // clamped
    assert.equal(nextDifficulty(1e14, -5), 4e14); // a negative span (timestamps out of order) clamps too
    assert.equal(clampedTimespanS(0), 302_400);
  });
});
