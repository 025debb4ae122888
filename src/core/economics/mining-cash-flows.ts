import type { MiningTerms } from '../../schema/mining-pnl.ts';
import { SAT_PER_BTC } from '../bitcoin/constants.ts';
import { hashpriceBtcPerPhDay } from '../bitcoin/hashprice.ts';
import { issuedSat } from '../bitcoin/issuance.ts';
import { type FleetTier, miningPnl } from './mining-pnl.ts';
import { BLOCKS_PER_MONTH, DAYS_PER_MONTH } from './periods.ts';

/** A fleet mined month by month from `startHeight` at a held difficulty, price and fee level. */
export type MiningCashFlowParams = MiningTerms & {
  tiers: readonly FleetTier[];
  difficulty: number;
  priceUsd: number;
  feesBtcPerBlock: number;
  /** Height of the first block of month 0. */
  startHeight: number;
  months: number;
  /** Spent in month 0 (ASICs and site), USD. */
  capexUsd: number;
  /**
   * What a month that would not pay its power bill (revenue after pool fee < power cost) does:
   * - `'mine'`: it is mined anyway;
   * - `'idle'`: the fleet is switched off (no BTC, no energy) and fixed opex is still paid;
   * - `'retire'`: as idle, and after the last month with a positive EBITDA the site is closed (no opex either).
   *   The inputs are deterministic, so "the last profitable month" is known in advance.
   */
  whenUnprofitable: 'mine' | 'idle' | 'retire';
};

/** Monthly columns, month 0 first; USD per month. */
export interface MiningCashFlows {
  months: number;
  /** Mean subsidy per block over the month's blocks, BTC (a halving inside the month is pro-rated). */
  subsidyBtc: Float64Array;
  hashpriceUsdPerPhDay: Float64Array;
  /** BTC kept after the pool fee. */
  btcMined: Float64Array;
  /** Revenue after the pool fee. */
  netRevenueUsd: Float64Array;
  powerCostUsd: Float64Array;
  opexUsd: Float64Array;
  capexUsd: Float64Array;
  /** netRevenue − power − opex. */
  ebitdaUsd: Float64Array;
  /** ebitda − capex. */
  cashFlowUsd: Float64Array;
}

/** Mean block subsidy of blocks [fromHeight, fromHeight + count), BTC, exact from cumulative issuance. */
export function meanSubsidyBtc(fromHeight: number, count: number): number {
  const before = fromHeight === 0 ? 0 : issuedSat(fromHeight - 1);
  return (issuedSat(fromHeight + count - 1) - before) / count / SAT_PER_BTC;
}

/**
 * Monthly mining cash flows with the subsidy schedule as the only moving part: difficulty, BTC price, fees per
 * block and power price are held at their inputs, blocks arrive every 600 s (4,383 a month, so the network's
 * hashrate matches the difficulty) and month m holds blocks startHeight + 4383·m … + 4383. Each month is a
 * {@link miningPnl} of 30.4375 days at that month's hashprice, switched off when it would not pay its power
 * (see `whenUnprofitable`). No fleet refresh, no residual value.
 * @example a fleet started 4,383 blocks before a halving earns the old subsidy in month 0, half in month 1.
 */
export function miningCashFlows(params: MiningCashFlowParams): MiningCashFlows {
  const { months } = params;
  const out: MiningCashFlows = {
    months,
    subsidyBtc: new Float64Array(months),
    hashpriceUsdPerPhDay: new Float64Array(months),
    btcMined: new Float64Array(months),
    netRevenueUsd: new Float64Array(months),
    powerCostUsd: new Float64Array(months),
    opexUsd: new Float64Array(months),
    capexUsd: new Float64Array(months),
    ebitdaUsd: new Float64Array(months),
    cashFlowUsd: new Float64Array(months),
  };
  for (let m = 0; m < months; m++) {
    const subsidyBtc = meanSubsidyBtc(params.startHeight + m * BLOCKS_PER_MONTH, BLOCKS_PER_MONTH);
    const hashprice = hashpriceBtcPerPhDay(params.difficulty, subsidyBtc + params.feesBtcPerBlock);
    const pnl = miningPnl({ ...params, hashpriceBtcPerPhDay: hashprice, days: DAYS_PER_MONTH });
    const capex = m === 0 ? params.capexUsd : 0;
    const netRevenueUsd = pnl.revenueUsd - pnl.poolFeeUsd;
    const runs = params.whenUnprofitable === 'mine' || netRevenueUsd >= pnl.powerCostUsd;
    const ebitda = runs ? pnl.marginUsd : -pnl.opexUsd;
    out.subsidyBtc[m] = subsidyBtc;
    out.hashpriceUsdPerPhDay[m] = hashprice * params.priceUsd;
    out.btcMined[m] = runs ? pnl.btcMined : 0;
    out.netRevenueUsd[m] = runs ? netRevenueUsd : 0;
    out.powerCostUsd[m] = runs ? pnl.powerCostUsd : 0;
    out.opexUsd[m] = pnl.opexUsd;
    out.capexUsd[m] = capex;
    out.ebitdaUsd[m] = ebitda;
    out.cashFlowUsd[m] = ebitda - capex;
  }
  if (params.whenUnprofitable === 'retire') {
    let lastProfitable = months - 1;
    while (lastProfitable >= 0 && !(out.ebitdaUsd[lastProfitable]! > 0)) lastProfitable--;
    for (let m = lastProfitable + 1; m < months; m++) {
      out.btcMined[m] = 0;
      out.netRevenueUsd[m] = 0;
      out.powerCostUsd[m] = 0;
      out.opexUsd[m] = 0;
      out.ebitdaUsd[m] = 0;
      out.cashFlowUsd[m] = -out.capexUsd[m]!;
    }
  }
  return out;
}
