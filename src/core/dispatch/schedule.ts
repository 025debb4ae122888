import type { DispatchProblem } from './problem.ts';

/** One schedule of a site-period: mining MW and ancillary MW offered per interval. */
export interface Schedule {
  /** Mining MW at the meter per interval (after ancillary deployments). */
  miningMw: Float64Array;
  /** Ancillary MW offered per interval. */
  offerMw: Float64Array;
}

/**
 * Completes a schedule from mining MW per interval: the capacity offered is all it may be (the price is
 * positive and the offer is backed by running load), then deployments curtail the offered MW. The split over
 * tiers is always most efficient first ({@link splitOverTiers}).
 */
export function scheduleFromMiningMw(problem: DispatchProblem, miningMw: Float64Array): Schedule {
  const { n } = problem;
  const offerMw = new Float64Array(n);
  const running = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    let m = Math.max(0, Math.min(miningMw[h]!, problem.capMw[h]!));
    const offer = problem.offerUsdPerMwH[h]! > 0 ? Math.min(m, problem.offerCapMw[h]!) : 0;
    offerMw[h] = offer;
    if (problem.deployed[h] === 1) m -= offer;
    running[h] = m;
  }
  return { miningMw: running, offerMw };
}

/** Always-on mining: every interval at its cap, no ancillary offer. */
export function alwaysOnSchedule(problem: DispatchProblem): Schedule {
  return { miningMw: problem.capMw, offerMw: new Float64Array(problem.n) };
}

/** Splits `mw` of mining over the tiers, most efficient first, into `out` (one slot per tier). */
export function splitOverTiers(problem: DispatchProblem, mw: number, out: Float64Array): void {
  const caps = problem.tierMw;
  let left = mw;
  for (let i = 0; i < caps.length; i++) {
    const x = left > 0 ? Math.min(left, caps[i]!) : 0;
    out[i] = x;
    left -= x;
  }
}
