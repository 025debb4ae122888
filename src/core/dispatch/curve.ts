import type { DispatchProblem } from './problem.ts';

/** Most pieces a value curve can have: one per tier plus the PPA-block and offer-cap breakpoints. */
export function maxPieces(problem: DispatchProblem): number {
  return problem.tiers.length + 2;
}

/**
 * The value of mining in interval `h` as a function of its draw ℓ (meter MW), as pieces of decreasing slope:
 * `slopes[k]` USD per MW over the interval, `widths[k]` MW, from ℓ = 0 up to the interval's cap. Tiers enter
 * most efficient first; cost is the PPA block's below `blockMw`, index + adder above; the ancillary price is
 * earned on the first `offerCapMw`; known 4CP charges subtract per MW. Concave because revenue per MWh falls
 * tier by tier while cost per MWh rises (block ≤ marginal) and the offer bonus stops.
 * Writes into caller-owned arrays of length ≥ {@link maxPieces} (and, if given, the tier of each piece into
 * `tierOf`); returns the piece count.
 */
export function valueCurve(
  problem: DispatchProblem,
  h: number,
  slopes: Float64Array,
  widths: Float64Array,
  tierOf?: Int32Array,
): number {
  const cap = problem.capMw[h]!;
  const dt = problem.dtH;
  const hp = problem.hashpriceUsdPerPhDay[h]!;
  const block = problem.blockMw[h]!;
  const offerCap = problem.offerCapMw[h]!;
  const c1 = problem.blockCostUsdPerMwh[h]!;
  const c2 = problem.marginalCostUsdPerMwh[h]!;
  const bonus = problem.offerUsdPerMwH[h]!;
  const fixed = problem.fixedUsdPerMw[h]!;
  const tierMw = problem.tierMw;
  const factor = problem.tierRevenueFactor;
  const tiers = tierMw.length;
  let level = 0;
  let k = 0;
  for (let i = 0; i < tiers && level < cap; i++) {
    const end = Math.min(level + tierMw[i]!, cap);
    const revenue = hp * factor[i]!;
    while (level < end) {
      let next = end;
      if (block > level && block < next) next = block;
      if (offerCap > level && offerCap < next) next = offerCap;
      const cost = level < block ? c1 : c2;
      const earn = level < offerCap ? bonus : 0;
      slopes[k] = (revenue - cost + earn) * dt - fixed;
      widths[k] = next - level;
      if (tierOf !== undefined) tierOf[k] = i;
      k++;
      level = next;
    }
  }
  return k;
}
