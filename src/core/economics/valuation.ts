import { irr } from './irr.ts';
import { annualRateFromPerPeriod, npvUsd, ratePerPeriodFromAnnual } from './npv.ts';
import { MONTHS_PER_YEAR } from './periods.ts';

/** NPV and IRR of a monthly cash-flow series. */
export interface Valuation {
  /** NPV at the annual discount rate (converted to its monthly equivalent), USD. */
  npvUsd: number;
  /** IRR as an annual rate, `(1 + monthly)^12 − 1`, or null with the reason in `irrStatus`. */
  irrPerYear: number | null;
  irrStatus: 'ok' | 'no-sign-change' | 'no-convergence';
  /** Σ cash flows, undiscounted, USD. */
  totalUsd: number;
  /** First month after which the cumulative cash flow stays ≥ 0, or null if it never does. */
  paybackMonth: number | null;
}

/**
 * Values monthly cash flows (month 0 undiscounted) at `discountRatePerYear`.
 * @throws RangeError for a discount rate ≤ −100% or a non-finite flow.
 * @example valueMonthlyCashFlows([-100, 110], 0).npvUsd === 10
 */
export function valueMonthlyCashFlows(
  cashFlowsUsd: ArrayLike<number>,
  discountRatePerYear: number,
): Valuation {
  const npv = npvUsd(cashFlowsUsd, ratePerPeriodFromAnnual(discountRatePerYear, MONTHS_PER_YEAR));
  const rate = irr(cashFlowsUsd);
  let cumulative = 0;
  let paybackMonth: number | null = null;
  for (let m = 0; m < cashFlowsUsd.length; m++) {
    cumulative += cashFlowsUsd[m]!;
    if (cumulative < 0) paybackMonth = null;
    else if (paybackMonth === null) paybackMonth = m;
  }
  return {
    npvUsd: npv,
    irrPerYear: rate.ok ? annualRateFromPerPeriod(rate.ratePerPeriod, MONTHS_PER_YEAR) : null,
    irrStatus: rate.ok ? 'ok' : rate.reason,
    totalUsd: cumulative,
    paybackMonth,
  };
}
