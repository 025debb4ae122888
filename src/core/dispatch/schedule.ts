import type { DispatchProblem } from './problem.ts';

/** One schedule of a site-period: mining MW, its split over tiers, and ancillary MW offered. */
export interface Schedule {
  /** Mining MW at the meter per interval (after ancillary deployments). */
  miningMw: Float64Array;
  /** Per interval h and tier i (most efficient first) at `h * tiers + i`, meter MW. */
  tierMw: Float64Array;
  /** Ancillary MW offered per interval. */
  offerMw: Float64Array;
}

/**
 * Completes a schedule from mining MW per interval: the capacity offered is all it may be (the price is
 * positive and the offer is backed by running load), deployments then curtail the offered MW, and the MW
 * left are split over tiers most efficient first.
 */
export function scheduleFromMiningMw(problem: DispatchProblem, miningMw: Float64Array): Schedule {
  const { n, tierMw: caps } = problem;
  const tiers = caps.length;
  const offerMw = new Float64Array(n);
  const running = new Float64Array(n);
  const tierMw = new Float64Array(n * tiers);
  for (let h = 0; h < n; h++) {
    let m = Math.max(0, Math.min(miningMw[h]!, problem.capMw[h]!));
    const offer = problem.offerUsdPerMwH[h]! > 0 ? Math.min(m, problem.offerCapMw[h]!) : 0;
    offerMw[h] = offer;
    if (problem.deployed[h] === 1) m -= offer;
    running[h] = m;
    let left = m;
    for (let i = 0; i < tiers && left > 0; i++) {
      const x = Math.min(left, caps[i]!);
      tierMw[h * tiers + i] = x;
      left -= x;
    }
  }
  return { miningMw: running, tierMw, offerMw };
}

/** Always-on mining: every interval at its cap, no ancillary offer. */
export function alwaysOnSchedule(problem: DispatchProblem): Schedule {
  const noOffer: DispatchProblem = { ...problem, offerUsdPerMwH: new Float64Array(problem.n) };
  return scheduleFromMiningMw(noOffer, problem.capMw);
}
