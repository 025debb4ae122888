/**
 * Net present value of a series of cash flows, USD: `Σ cashFlowsUsd[i] / (1 + ratePerPeriod)^i`, the first
 * flow (i = 0) undiscounted. The rate is per period of the series (monthly flows take a monthly rate:
 * `(1 + annual)^(1/12) − 1`). Summed with Neumaier's compensated summation, so long series of large and
 * small flows lose no cents; discount factors are built by repeated multiplication (relative error ≈ n·2⁻⁵³).
 * A NaN flow gives NaN.
 * @throws RangeError when `ratePerPeriod` is not a finite number > −1.
 * @example npvUsd([-100, 110], 0.1) === 0
 */
export function npvUsd(cashFlowsUsd: ArrayLike<number>, ratePerPeriod: number): number {
  if (!(ratePerPeriod > -1) || !Number.isFinite(ratePerPeriod))
    throw new RangeError(`ratePerPeriod must be a finite number > -1, got ${ratePerPeriod}`);
  const step = 1 / (1 + ratePerPeriod);
  let factor = 1;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < cashFlowsUsd.length; i++) {
    const term = cashFlowsUsd[i]! * factor;
    const t = sum + term;
    // Neumaier: keep the low-order bits lost by whichever addend is smaller.
    if (Math.abs(sum) >= Math.abs(term)) compensation += sum - t + term;
    else compensation += term - t + sum;
    sum = t;
    factor *= step;
  }
  return sum + compensation;
}

/**
 * Converts an annual rate to the equivalent rate per period when a year has `periodsPerYear` periods:
 * `(1 + annual)^(1/periodsPerYear) − 1` (e.g. 10%/yr → 0.797%/month).
 * @example ratePerPeriodFromAnnual(0.1, 12) ≈ 0.0079741
 */
export function ratePerPeriodFromAnnual(annualRate: number, periodsPerYear: number): number {
  return (1 + annualRate) ** (1 / periodsPerYear) - 1;
}

/**
 * Converts a rate per period to the equivalent annual rate: `(1 + r)^periodsPerYear − 1`.
 * @example annualRateFromPerPeriod(0.01, 12) ≈ 0.126825
 */
export function annualRateFromPerPeriod(ratePerPeriod: number, periodsPerYear: number): number {
  return (1 + ratePerPeriod) ** periodsPerYear - 1;
}
