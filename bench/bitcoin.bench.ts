import { compactFromTarget, targetFromCompact } from '../src/core/bitcoin/compact-bits.ts';
import { difficultyFromTarget } from '../src/core/bitcoin/difficulty.ts';
import { hashpriceBtcPerPhDay } from '../src/core/bitcoin/hashprice.ts';
import { issuedSat } from '../src/core/bitcoin/issuance.ts';
import { type BenchEngine, timePerIteration } from './engine.ts';

// Inputs are prepared once, outside the timed loop; each engine runs a fixed count and consumes every result.
const N = 1024;
const difficulties = Float64Array.from({ length: N }, (_, i) => 1e13 * (1 + ((i * 7919) % 977)));
const rewards = Float64Array.from({ length: N }, (_, i) => 3.125 + ((i * 104_729) % 1000) / 1000);
const bits = Uint32Array.from(
  { length: N },
  (_, i) => (((0x17 + (i % 6)) << 24) | (0x010000 + (((i * 2_654_435_761) >>> 9) % 0x7effff))) >>> 0,
);
const heights = Int32Array.from({ length: N }, (_, i) => (i * 6_763) % 7_000_000);

/** Best of `rounds` measurements of `ops` operations in `fn`, in operations per second. */
function opsPerSecond(fn: () => number, ops: number, iterations: number, rounds = 5): number {
  fn(); // warm up: JIT and inline caches
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) best = Math.min(best, timePerIteration(fn, iterations));
  return Math.round(ops / best);
}

export const engines: BenchEngine[] = [
  {
    name: 'bitcoin.hashprice',
    unit: 'calls/s',
    run: () =>
      opsPerSecond(
        () => {
          let sum = 0;
          for (let i = 0; i < N; i++) sum += hashpriceBtcPerPhDay(difficulties[i]!, rewards[i]!);
          return sum;
        },
        N,
        2000,
      ),
  },
  {
    name: 'bitcoin.compact',
    unit: 'round trips/s',
    run: () =>
      opsPerSecond(
        () => {
          let sum = 0;
          for (let i = 0; i < N; i++) sum += compactFromTarget(targetFromCompact(bits[i]!).target);
          return sum;
        },
        N,
        50,
      ),
  },
  {
    name: 'bitcoin.difficulty-from-target',
    unit: 'calls/s',
    run: () => {
      const targets = Array.from(bits, (b) => targetFromCompact(b).target);
      return opsPerSecond(
        () => {
          let sum = 0;
          for (let i = 0; i < N; i++) sum += difficultyFromTarget(targets[i]!);
          return sum;
        },
        N,
        50,
      );
    },
  },
  {
    name: 'bitcoin.issued-sat',
    unit: 'calls/s',
    run: () =>
      opsPerSecond(
        () => {
          let sum = 0;
          for (let i = 0; i < N; i++) sum += issuedSat(heights[i]!);
          return sum;
        },
        N,
        200,
      ),
  },
];
