/**
 * Bitcoin's compact target encoding ("nBits"), bit for bit as Bitcoin Core's `arith_uint256::SetCompact` and
 * `GetCompact` (src/arith_uint256.cpp): a 32-bit word `EEMMMMMM` whose byte `EE` is the size in bytes and whose
 * 23-bit mantissa `MMMMMM & 0x7fffff` holds the top bytes; bit 0x00800000 is a sign bit.
 */

/** 2^256: targets are 256-bit unsigned integers. */
export const TARGET_MODULUS = 1n << 256n;
const MASK_256 = TARGET_MODULUS - 1n;

export interface DecodedCompact {
  /** The 256-bit target (bits beyond 256 dropped, as C++'s fixed-width shift does on overflow). */
  target: bigint;
  /** Sign bit set with a non-zero mantissa: Bitcoin Core rejects such a target. */
  negative: boolean;
  /** The encoded number does not fit in 256 bits: Bitcoin Core rejects such a target. */
  overflow: boolean;
}

/**
 * Decodes a compact `bits` word (0 … 0xffffffff) into a target with Bitcoin Core's negative and overflow flags.
 * @throws RangeError when `bits` is not an integer in 0 … 2^32 − 1.
 * @example targetFromCompact(0x1d00ffff).target === 0xffffn << 208n
 */
export function targetFromCompact(bits: number): DecodedCompact {
  if (!Number.isInteger(bits) || bits < 0 || bits > 0xffffffff)
    throw new RangeError(`bits must be an integer in 0…0xffffffff, got ${bits}`);
  const size = bits >>> 24;
  let word = bits & 0x007fffff;
  let target: bigint;
  if (size <= 3) {
    word >>>= 8 * (3 - size);
    target = BigInt(word);
  } else {
    target = (BigInt(word) << BigInt(8 * (size - 3))) & MASK_256;
  }
  const negative = word !== 0 && (bits & 0x00800000) !== 0;
  const overflow = word !== 0 && (size > 34 || (word > 0xff && size > 33) || (word > 0xffff && size > 32));
  return { target, negative, overflow };
}

/**
 * Encodes a target (0 ≤ target < 2^256) as a compact word, rounding down to the top 3 significant bytes;
 * `negative` sets the sign bit when the mantissa is non-zero (Bitcoin Core's `GetCompact(fNegative)`).
 * Never produces a mantissa with the sign bit set by accident: it moves to a longer size instead.
 * @throws RangeError when `target` is negative or ≥ 2^256.
 * @example compactFromTarget(0xffffn << 208n) === 0x1d00ffff
 */
export function compactFromTarget(target: bigint, negative = false): number {
  if (target < 0n || target >= TARGET_MODULUS)
    throw new RangeError(`target must be in 0…2^256-1, got 0x${target.toString(16)}`);
  let size = byteLength(target);
  let compact: number;
  if (size <= 3) compact = Number(target) * 2 ** (8 * (3 - size));
  else compact = Number((target >> BigInt(8 * (size - 3))) & 0xffffffn);
  if (compact & 0x00800000) {
    compact >>>= 8;
    size++;
  }
  compact = (compact | (size << 24)) >>> 0;
  if (negative && (compact & 0x007fffff) !== 0) compact = (compact | 0x00800000) >>> 0;
  return compact;
}

/** Formats a target as 64 lowercase hex digits (the `target_hex` of ../shared/data). */
export function targetToHex(target: bigint): string {
  if (target < 0n || target >= TARGET_MODULUS)
    throw new RangeError(`target must be in 0…2^256-1, got ${target}`);
  return target.toString(16).padStart(64, '0');
}

/** Formats a compact word as `0x` and 8 hex digits. */
export function compactToHex(bits: number): string {
  return `0x${bits.toString(16).padStart(8, '0')}`;
}

function byteLength(value: bigint): number {
  return value === 0n ? 0 : Math.ceil(value.toString(2).length / 8);
}

/** Why a compact target is invalid as proof of work (Bitcoin Core's `DeriveTarget` conditions). */
export type CompactRejection = 'negative' | 'zero' | 'overflow' | 'above-pow-limit';

/**
 * Decodes `bits` as a proof-of-work target, rejecting what Bitcoin Core's `DeriveTarget` (src/pow.cpp) rejects:
 * a negative or zero target, an overflowing encoding, or a target above `powLimit`.
 * @example powTargetFromCompact(0x1d00ffff, (1n << 224n) - 1n) → { ok: true, target: 0xffffn << 208n }
 */
export function powTargetFromCompact(
  bits: number,
  powLimit: bigint,
): { ok: true; target: bigint } | { ok: false; reason: CompactRejection } {
  const { target, negative, overflow } = targetFromCompact(bits);
  if (negative) return { ok: false, reason: 'negative' };
  if (overflow) return { ok: false, reason: 'overflow' };
  if (target === 0n) return { ok: false, reason: 'zero' };
  if (target > powLimit) return { ok: false, reason: 'above-pow-limit' };
  return { ok: true, target };
}
