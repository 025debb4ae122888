import type { Command } from 'commander';
import {
  compactFromTarget,
  compactToHex,
  TARGET_MODULUS,
  targetFromCompact,
  targetToHex,
} from '../../core/bitcoin/compact-bits.ts';
import {
  difficultyFromTarget,
  hashrateThPerSFromDifficulty,
  targetFromDifficulty,
} from '../../core/bitcoin/difficulty.ts';
import { InputError } from '../../core/errors.ts';
import { parseNumberFlag } from '../options.ts';
import { printJson, renderPairs } from '../output.ts';

interface DifficultyResult {
  from: 'bits' | 'target' | 'difficulty';
  bits: string;
  targetHex: string;
  difficulty: number;
  hashrateThPerS: number;
}

/** `mullet difficulty`: converts between compact bits, 256-bit target and difficulty. */
export function registerDifficulty(program: Command): void {
  program
    .command('difficulty')
    .description('convert compact bits <-> 256-bit target <-> difficulty, with the hash rate it implies')
    .option('--bits <BITS>', 'compact target (nBits): 0x-prefixed hex (0x1703a30c) or decimal (386521239)')
    .option('--target <HEX>', '256-bit target in hex (up to 64 digits, optional 0x)')
    .option('--difficulty <D>', 'difficulty (> 0)')
    .option('--json', 'print one JSON document')
    .addHelpText(
      'after',
      `
Give exactly one of --bits, --target, --difficulty.
  difficulty     = 0xffff·2^208 / target (1 at bits 0x1d00ffff)
  hashrateThPerS = difficulty · 2^32 / 600 s / 1e12 (the network rate that finds a block every 600 s)
  bits from --target or --difficulty keep the top 3 bytes of the target (rounded down), as Bitcoin Core does.

Example:
  $ mullet difficulty --bits 0x1703a30c
  bits            0x1703a30c
  targetHex       00000000000000000003a30c0000000000000000000000000000000000000000
  difficulty      77392982524430
  hashrateThPerS  554000548.14 TH/s`,
    )
    .action((opts: { bits?: string; target?: string; difficulty?: string; json?: boolean }) => {
      const given = (['bits', 'target', 'difficulty'] as const).filter((k) => opts[k] !== undefined);
      if (given.length !== 1)
        throw new InputError({
          path: given.length === 0 ? '--bits' : `--${given[1]}`,
          message:
            given.length === 0
              ? 'expected exactly one of --bits, --target, --difficulty'
              : `cannot be combined with --${given[0]} (give exactly one)`,
        });
      const result = convert(given[0]!, opts[given[0]!]!);
      if (opts.json) return printJson(result);
      process.stdout.write(
        `${renderPairs([
          ['bits', result.bits],
          ['targetHex', result.targetHex],
          ['difficulty', String(result.difficulty)],
          ['hashrateThPerS', `${Number(result.hashrateThPerS.toPrecision(11))} TH/s`],
        ])}\n`,
      );
    });
}

function convert(from: DifficultyResult['from'], raw: string): DifficultyResult {
  let target: bigint;
  let difficulty: number;
  if (from === 'bits') {
    const bits = parseBits(raw);
    const decoded = targetFromCompact(bits);
    const why = decoded.negative
      ? 'encodes a negative target (sign bit 0x00800000 set)'
      : decoded.overflow
        ? 'encodes a target that overflows 256 bits'
        : decoded.target === 0n
          ? 'encodes a zero target'
          : null;
    if (why !== null) throw new InputError({ path: '--bits', message: why, value: raw });
    target = decoded.target;
    difficulty = difficultyFromTarget(target);
  } else if (from === 'target') {
    target = parseTarget(raw);
    difficulty = difficultyFromTarget(target);
  } else {
    difficulty = parseNumberFlag('--difficulty', raw, { greaterThan: 0 });
    try {
      target = targetFromDifficulty(difficulty);
    } catch {
      throw new InputError({
        path: '--difficulty',
        message: 'expected a difficulty whose target fits in 256 bits (> 2.3e-10)',
        value: raw,
      });
    }
    // above 0xffff·2^208 the target rounds down to 0, which no block can meet (and --bits rejects)
    if (target === 0n)
      throw new InputError({
        path: '--difficulty',
        message: 'expected a difficulty whose target is at least 1 (<= 0xffff·2^208 ≈ 2.7e67)',
        value: raw,
      });
  }
  return {
    from,
    bits: compactToHex(compactFromTarget(target)),
    targetHex: targetToHex(target),
    difficulty,
    hashrateThPerS: hashrateThPerSFromDifficulty(difficulty),
  };
}

function parseBits(raw: string): number {
  const text = raw.trim();
  const value = /^0x[0-9a-f]{1,8}$/i.test(text)
    ? Number.parseInt(text.slice(2), 16)
    : /^\d{1,10}$/.test(text)
      ? Number(text)
      : Number.NaN;
  if (!(value >= 0 && value <= 0xffffffff))
    throw new InputError({
      path: '--bits',
      message: 'expected a 32-bit compact target: 0x and up to 8 hex digits, or a decimal integer',
      value: raw,
    });
  return value;
}

function parseTarget(raw: string): bigint {
  const text = raw.trim().replace(/^0x/i, '');
  if (!/^[0-9a-f]{1,64}$/i.test(text))
    throw new InputError({ path: '--target', message: 'expected 1 to 64 hex digits (256 bits)', value: raw });
  const target = BigInt(`0x${text}`);
  if (target === 0n || target >= TARGET_MODULUS)
    throw new InputError({ path: '--target', message: 'expected a target > 0', value: raw });
  return target;
}
