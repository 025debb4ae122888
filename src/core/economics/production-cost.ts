import type { MiningPnl } from './mining-pnl.ts';
import { DAYS_PER_MONTH, DAYS_PER_YEAR } from './periods.ts';

/** Capital costs charged to a period for the all-in production cost. */
export interface CapitalCharges {
  /** Purchase cost of the fleet (and any site capex to depreciate with it), USD. */
  capexUsd: number;
  /** Straight-line depreciation life, months (> 0). */
  usefulLifeMonths: number;
  /** Debt outstanding over the period, USD. */
  debtUsd: number;
  /** Simple annual interest rate on the debt (0.1 = 10%/yr). */
  interestRatePerYear: number;
}

/** Cost of producing one BTC over a period, by what is counted. */
export interface ProductionCost {
  /** Energy only: powerCostUsd / btcMined, USD/BTC. */
  powerOnlyUsdPerBtc: number;
  /** Energy and opex (the cash cost): (power + opex) / btcMined, USD/BTC. */
  cashUsdPerBtc: number;
  /** Cash cost plus depreciation and interest, USD/BTC. */
  allInUsdPerBtc: number;
  /** capexUsd · (days / 30.4375) / usefulLifeMonths, USD. */
  depreciationUsd: number;
  /** debtUsd · rate · days / 365.25, USD. */
  interestUsd: number;
}

/**
 * Production cost per BTC over the P&L's period. The denominator is the BTC the miner keeps (after the pool
 * fee), so the fee is priced in. Without `capital`, all-in equals the cash cost.
 * @throws RangeError when the period mined no BTC or a charge is invalid.
 * @example power $240, opex $60, 0.005 BTC → power-only $48,000/BTC, cash $60,000/BTC
 */
export function productionCost(pnl: MiningPnl, capital?: CapitalCharges): ProductionCost {
  if (!(pnl.btcMined > 0)) throw new RangeError(`btcMined must be > 0 to price a BTC, got ${pnl.btcMined}`);
  let depreciationUsd = 0;
  let interestUsd = 0;
  if (capital) {
    if (!(capital.usefulLifeMonths > 0))
      throw new RangeError(`usefulLifeMonths must be > 0, got ${capital.usefulLifeMonths}`);
    depreciationUsd = (capital.capexUsd * (pnl.days / DAYS_PER_MONTH)) / capital.usefulLifeMonths;
    interestUsd = (capital.debtUsd * capital.interestRatePerYear * pnl.days) / DAYS_PER_YEAR;
  }
  const cash = pnl.powerCostUsd + pnl.opexUsd;
  return {
    powerOnlyUsdPerBtc: pnl.powerCostUsd / pnl.btcMined,
    cashUsdPerBtc: cash / pnl.btcMined,
    allInUsdPerBtc: (cash + depreciationUsd + interestUsd) / pnl.btcMined,
    depreciationUsd,
    interestUsd,
  };
}
