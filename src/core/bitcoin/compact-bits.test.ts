import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  compactFromTarget,
  compactToHex,
  powTargetFromCompact,
  TARGET_MODULUS,
  targetFromCompact,
  targetToHex,
} from './compact-bits.ts';
import { POW_LIMIT_TARGET } from './difficulty.ts';

// Bitcoin Core src/test/arith_uint256_tests.cpp, bignum_SetCompact: [bits, GetHex(), GetCompact(fNegative), negative, overflow]
const SET_COMPACT_VECTORS: [number, string, number, boolean, boolean][] = [
  [0x00000000, '0', 0, false, false],
  [0x00123456, '0', 0, false, false],
  [0x01003456, '0', 0, false, false],
  [0x02000056, '0', 0, false, false],
  [0x03000000, '0', 0, false, false],
  [0x04000000, '0', 0, false, false],
  [0x00923456, '0', 0, false, false],
  [0x01803456, '0', 0, false, false],
  [0x02800056, '0', 0, false, false],
  [0x03800000, '0', 0, false, false],
  [0x04800000, '0', 0, false, false],
  [0x01123456, '12', 0x01120000, false, false],
  [0x01fedcba, '7e', 0x01fe0000, true, false],
  [0x02123456, '1234', 0x02123400, false, false],
  [0x03123456, '123456', 0x03123456, false, false],
  [0x04123456, '12345600', 0x04123456, false, false],
  [0x04923456, '12345600', 0x04923456, true, false],
  [0x05009234, '92340000', 0x05009234, false, false],
  [0x20123456, `123456${'0'.repeat(58)}`, 0x20123456, false, false],
];

describe('targetFromCompact / compactFromTarget (Bitcoin Core arith_uint256 SetCompact/GetCompact)', () => {
  for (const [bits, hex, compact, negative, overflow] of SET_COMPACT_VECTORS) {
    it(`decodes ${compactToHex(bits)} to 0x${hex} (negative ${negative}) and re-encodes to ${compactToHex(compact)}`, () => {
      const decoded = targetFromCompact(bits);
      assert.equal(targetToHex(decoded.target), hex.padStart(64, '0'));
      assert.equal(decoded.negative, negative);
      assert.equal(decoded.overflow, overflow);
      assert.equal(compactFromTarget(decoded.target, decoded.negative), compact);
    });
  }

  it('flags 0xff123456 as overflow, not negative', () => {
    const decoded = targetFromCompact(0xff123456);
    assert.equal(decoded.negative, false);
    assert.equal(decoded.overflow, true);
  });

  it('never sets the sign bit by accident: 0x80 encodes as 0x02008000', () => {
    assert.equal(compactFromTarget(0x80n), 0x02008000);
  });

  it('decodes the genesis and a 2015 mainnet target', () => {
    // genesis: 0x00ffff · 256^(0x1d-3) = 0xffff · 2^208
    assert.equal(targetFromCompact(0x1d00ffff).target, 0xffffn << 208n);
    // 0x1703a30c: 0x03a30c · 256^(0x17-3) = 0x03a30c · 2^160
    assert.equal(
      targetToHex(targetFromCompact(0x1703a30c).target),
      `0000000000000000000${'3a30c'}${'0'.repeat(40)}`,
    );
  });

  it('rejects what Bitcoin Core DeriveTarget rejects (pow_tests CheckProofOfWork_test_*)', () => {
    // negative_target: powLimit.GetCompact(true) = 0x1d80ffff
    const negative = compactFromTarget(POW_LIMIT_TARGET, true);
    assert.equal(negative, 0x1d80ffff);
    assert.deepEqual(powTargetFromCompact(negative, POW_LIMIT_TARGET), { ok: false, reason: 'negative' });
    // overflow_target: ~0x00800000
    assert.deepEqual(powTargetFromCompact(~0x00800000 >>> 0, POW_LIMIT_TARGET), {
      ok: false,
      reason: 'overflow',
    });
    // too_easy_target: (powLimit · 2).GetCompact() = 0x1d01ffff
    const tooEasy = compactFromTarget(POW_LIMIT_TARGET * 2n);
    assert.equal(tooEasy, 0x1d01ffff);
    assert.deepEqual(powTargetFromCompact(tooEasy, POW_LIMIT_TARGET), {
      ok: false,
      reason: 'above-pow-limit',
    });
    // zero_target
    assert.deepEqual(powTargetFromCompact(0, POW_LIMIT_TARGET), { ok: false, reason: 'zero' });
    assert.deepEqual(powTargetFromCompact(0x1d00ffff, POW_LIMIT_TARGET), {
      ok: true,
      target: 0xffffn << 208n,
    });
  });

  it('round-trips any valid compact word: decode then encode gives it back (fast-check)', () => {
    // canonical words: size 1..32, a mantissa that is normalised for its size (top byte non-zero unless it
    // would set the sign bit), sign bit clear
    const canonical = fc
      .tuple(fc.integer({ min: 3, max: 32 }), fc.integer({ min: 0x010000, max: 0x7fffff }))
      .map(([size, mantissa]) => ((size << 24) | mantissa) >>> 0);
    fc.assert(fc.property(canonical, (bits) => compactFromTarget(targetFromCompact(bits).target) === bits));
  });

  it('round-trips any target down to its top 3 bytes: encode then decode truncates, never rounds up (fast-check)', () => {
    const target = fc.bigInt({ min: 1n, max: TARGET_MODULUS - 1n });
    fc.assert(
      fc.property(target, (t) => {
        const back = targetFromCompact(compactFromTarget(t)).target;
        const size = t.toString(16).length;
        // keeps 16 to 24 significant bits (a leading 0x00 byte when the top bit would be the sign bit)
        const dropped = BigInt(Math.max(0, size * 4 - 16));
        return back <= t && t - back < 1n << dropped && compactFromTarget(back) === compactFromTarget(t);
      }),
    );
  });

  it('keeps the sign through an encode/decode with negative = true (fast-check)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: (1n << 255n) - 1n }), (t) => {
        const decoded = targetFromCompact(compactFromTarget(t, true));
        return decoded.negative && !decoded.overflow;
      }),
    );
  });

  it('rejects targets and words out of range', () => {
    assert.throws(() => compactFromTarget(-1n), RangeError);
    assert.throws(() => compactFromTarget(TARGET_MODULUS), RangeError);
    assert.throws(() => targetFromCompact(2 ** 32), RangeError);
    assert.throws(() => targetFromCompact(-1), RangeError);
  });
});
