import { TARGET_MODULUS } from './compact-bits.ts';
import { HASHES_PER_DIFFICULTY, TARGET_BLOCK_INTERVAL_S } from './constants.ts';

/** The difficulty-1 target, `0xffff · 2^208` (compact 0x1d00ffff, the genesis target). */
export const DIFFICULTY_1_TARGET = 0xffffn << 208n;
/** Mainnet proof-of-work limit (`powLimit` in chainparams.cpp): 2^224 − 1. */
export const POW_LIMIT_TARGET = (1n << 224n) - 1n;
const TH = 1e12;

/**
 * Difficulty of a target, `0xffff·2^208 / target`, as the correctly rounded double of the exact ratio
 * (Bitcoin Core's `GetDifficulty` computes the same ratio in floating point from the compact bits).
 * @throws RangeError for a target ≤ 0 or ≥ 2^256.
 * @example difficultyFromTarget(0xffffn << 208n) === 1
 */
export function difficultyFromTarget(target: bigint): number {
  if (target <= 0n || target >= TARGET_MODULUS)
    throw new RangeError(`target must be in 1…2^256-1, got 0x${target.toString(16)}`);
  return ratioToDouble(DIFFICULTY_1_TARGET, target);
}

/**
 * The target of a difficulty, `floor(0xffff·2^208 / difficulty)`, computed exactly from the double's value.
 * @throws RangeError when `difficulty` is not finite and > 0, or is so small that the target reaches 2^256.
 * @example targetFromDifficulty(1) === 0xffffn << 208n
 */
export function targetFromDifficulty(difficulty: number): bigint {
  if (!Number.isFinite(difficulty) || difficulty <= 0)
    throw new RangeError(`difficulty must be a finite number > 0, got ${difficulty}`);
  const { mantissa, exponent } = decomposeDouble(difficulty);
  // target = floor(D1 / (mantissa · 2^exponent))
  const target =
    exponent >= 0
      ? DIFFICULTY_1_TARGET / (mantissa << BigInt(exponent))
      : (DIFFICULTY_1_TARGET << BigInt(-exponent)) / mantissa;
  if (target >= TARGET_MODULUS)
    throw new RangeError(`difficulty ${difficulty} is too small: its target does not fit in 256 bits`);
  return target;
}

/**
 * Network hash rate implied by a difficulty: a block takes D·2^32 hashes on average, so
 * `H = D · 2^32 / blockIntervalS` hashes per second, returned in TH/s.
 * @param blockIntervalS mean block interval, 600 s by default (the target; use the observed mean for an estimate).
 * @example hashrateThPerSFromDifficulty(1) ≈ 7.158e-3 (2^32 / 600 / 1e12)
 */
export function hashrateThPerSFromDifficulty(
  difficulty: number,
  blockIntervalS: number = TARGET_BLOCK_INTERVAL_S,
): number {
  return (difficulty * HASHES_PER_DIFFICULTY) / blockIntervalS / TH;
}

/**
 * Difficulty at which `hashrateThPerS` finds one block per `blockIntervalS` on average: `H · T / 2^32`
 * (inverse of {@link hashrateThPerSFromDifficulty}).
 * @example difficultyFromHashrateThPerS(600e6) ≈ 8.38e13 (600 EH/s)
 */
export function difficultyFromHashrateThPerS(
  hashrateThPerS: number,
  blockIntervalS: number = TARGET_BLOCK_INTERVAL_S,
): number {
  return (hashrateThPerS * TH * blockIntervalS) / HASHES_PER_DIFFICULTY;
}

/** Correctly rounded `num / den` for positive bigints (round half to even, like any IEEE division). */
export function ratioToDouble(num: bigint, den: bigint): number {
  // Scale so the integer quotient has 64+ significant bits, then fold the remainder into a sticky bit so
  // Number()'s round-to-nearest-even sees whether the exact value lies above a halfway point.
  const shift = Math.max(0, bitLength(den) - bitLength(num) + 66);
  const scaled = num << BigInt(shift);
  let q = scaled / den;
  if (scaled % den !== 0n) q |= 1n;
  return Number(q) / 2 ** shift;
}

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

/** Splits a positive finite double into an odd-or-zero integer mantissa and a power of two. */
function decomposeDouble(value: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}
