import { maxPieces, valueCurve } from './curve.ts';
import type { DispatchProblem } from './problem.ts';

/**
 * Merit-order dispatch: in each interval independently, run every piece of the value curve whose slope is
 * positive (tiers most efficient first, until revenue no longer covers the marginal cost). Exact when nothing
 * couples the intervals: the objective is a sum of concave per-interval terms.
 * Writes mining MW at the meter per interval into `out` (length n).
 */
export function meritOrderMiningMw(problem: DispatchProblem, out: Float64Array): void {
  const size = maxPieces(problem);
  const slopes = new Float64Array(size);
  const widths = new Float64Array(size);
  for (let h = 0; h < problem.n; h++) {
    const pieces = valueCurve(problem, h, slopes, widths);
    let mw = 0;
    for (let k = 0; k < pieces && slopes[k]! > 0; k++) mw += widths[k]!;
    out[h] = mw;
  }
}
