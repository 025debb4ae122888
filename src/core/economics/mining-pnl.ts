import type { AsicModel } from '../../schema/asic-model.ts';
import type { MiningPnlInput, MiningTerms } from '../../schema/mining-pnl.ts';
import { resolveAsicTier } from '../hardware/asic-tier.ts';
import { DAYS_PER_MONTH } from './periods.ts';

/** The two numbers of a tier the P&L needs. */
export interface FleetTier {
  /** Hashrate of the whole tier, TH/s. */
  thPerS: number;
  /** Efficiency at the wall, J/TH (= W per TH/s). */
  jPerTh: number;
}

/** {@link miningPnl}'s input: resolved tiers, one hashprice and price, the period and the operating terms. */
export type MiningPnlParams = MiningTerms & {
  tiers: readonly FleetTier[];
  hashpriceBtcPerPhDay: number;
  priceUsd: number;
  days: number;
};

/** A fleet's result over one period. All USD amounts are for the whole period. */
export interface MiningPnl {
  days: number;
  hashrateThPerS: number;
  /** ASIC nameplate power, MW = Σ TH/s · J/TH / 1e6. */
  asicPowerMw: number;
  /** ASIC power × PUE while running, MW. */
  sitePowerMw: number;
  /** Site energy used: sitePowerMw · 24 · days · uptime, MWh. */
  energyMwh: number;
  /** Expected BTC found before the pool's cut: PH/s · hashprice · days · uptime. */
  btcMinedGross: number;
  poolFeeBtc: number;
  /** BTC the miner keeps: gross · (1 − pool fee). */
  btcMined: number;
  /** Gross revenue, btcMinedGross · price, USD. */
  revenueUsd: number;
  poolFeeUsd: number;
  powerCostUsd: number;
  opexUsd: number;
  /** revenueUsd − poolFeeUsd − powerCostUsd − opexUsd (before depreciation, interest and tax), USD. */
  marginUsd: number;
}

/**
 * Mining P&L of a fleet over `days` at a constant hashprice, BTC price and power price (every tier runs;
 * curtailment is the dispatcher's job).
 *
 * - BTC mined (gross) = Σ TH/s / 1000 · hashpriceBtcPerPhDay · days · uptime; the pool keeps `poolFeeFraction`.
 * - Energy = Σ TH/s · J/TH / 1e6 MW · PUE · 24 h · days · uptime; power cost = energy · powerPriceUsdPerMwh.
 *   Uptime scales revenue and energy alike; PUE scales energy only.
 * - Opex is fixed (paid whether or not the fleet runs): opexUsdPerMwMonth per MW of ASIC nameplate plus
 *   opexUsdPerThMonth per TH/s, for days / 30.4375 months.
 * @example 1 PH/s at 20 J/TH, hashprice 5e-4 BTC/PH/day, $60,000, 10 days, $50/MWh →
 *   0.005 BTC = $300 revenue, 4.8 MWh = $240 power, margin $60.
 */
export function miningPnl(params: MiningPnlParams): MiningPnl {
  let hashrateThPerS = 0;
  let asicPowerW = 0;
  for (const tier of params.tiers) {
    hashrateThPerS += tier.thPerS;
    asicPowerW += tier.thPerS * tier.jPerTh;
  }
  const { days, uptimeFraction, poolFeeFraction, priceUsd } = params;
  const asicPowerMw = asicPowerW / 1e6;
  const sitePowerMw = asicPowerMw * params.pue;
  const energyMwh = sitePowerMw * 24 * days * uptimeFraction;
  const btcMinedGross = (hashrateThPerS / 1000) * params.hashpriceBtcPerPhDay * days * uptimeFraction;
  const poolFeeBtc = btcMinedGross * poolFeeFraction;
  const btcMined = btcMinedGross - poolFeeBtc;
  const revenueUsd = btcMinedGross * priceUsd;
  const poolFeeUsd = poolFeeBtc * priceUsd;
  const powerCostUsd = energyMwh * params.powerPriceUsdPerMwh;
  const months = days / DAYS_PER_MONTH;
  const opexUsd =
    (params.opexUsdPerMwMonth * asicPowerMw + params.opexUsdPerThMonth * hashrateThPerS) * months;
  return {
    days,
    hashrateThPerS,
    asicPowerMw,
    sitePowerMw,
    energyMwh,
    btcMinedGross,
    poolFeeBtc,
    btcMined,
    revenueUsd,
    poolFeeUsd,
    powerCostUsd,
    opexUsd,
    marginUsd: revenueUsd - poolFeeUsd - powerCostUsd - opexUsd,
  };
}

/**
 * Resolves a parsed {@link MiningPnlInput} (catalog names in its fleet) into tiers and runs {@link miningPnl}.
 * `path` names the input in errors (`mining.fleet.0.model`).
 * @throws InputError for an unknown ASIC model, with the closest names.
 */
export function miningPnlFromInput(
  input: MiningPnlInput,
  path = 'mining',
  catalog?: readonly AsicModel[],
): MiningPnl {
  const { fleet, ...rest } = input;
  const tiers = fleet.map((spec, i) => resolveAsicTier(spec, `${path}.fleet.${i}`, catalog));
  return miningPnl({ ...rest, tiers });
}
