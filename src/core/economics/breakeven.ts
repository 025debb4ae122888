import { HOURS_PER_MONTH } from './periods.ts';

/** What a miner pays and loses besides energy; every field is optional and neutral when absent. */
export interface BreakevenOptions {
  /** Share of mined BTC kept by the pool, [0, 1). Scales revenue only. Default 0. */
  poolFeeFraction?: number;
  /**
   * Share of time hashing, (0, 1]. Scales revenue and energy alike, so it cancels out of the breakeven unless
   * fixed costs (`opexUsdPerMwMonth`) must be spread over fewer MWh. Default 1.
   */
  uptimeFraction?: number;
  /** Site power / ASIC power, ≥ 1. Scales energy only. Default 1. */
  pue?: number;
  /** Fixed opex per MW of ASIC nameplate per month (paid while idle too), ≥ 0. Default 0. */
  opexUsdPerMwMonth?: number;
}

/**
 * Power price at which a machine of efficiency `efficiencyJPerTh` earns exactly its costs, USD/MWh.
 *
 * Derivation for 1 TH/s over one hour of running: it draws e W at the plug, e·PUE W at the meter, i.e.
 * e·PUE·1e-6 MWh, and earns hashprice/1000 USD per TH-day · (1 − poolFee) / 24 per hour. Setting
 * revenue = energy · price gives `usdPerMwh = usdPerPhDay · (1 − poolFee) · 1000 / (24 · e · PUE)`
 * (MODEL.md's formula with pool fee and PUE applied). Uptime u multiplies both sides and cancels. With a
 * fixed opex O per MW-month, a MW of ASICs uses 730.5 · u · PUE MWh a month, so the breakeven falls by
 * `O / (730.5 · u · PUE)`, and lower uptime lowers it further.
 * @throws RangeError for a non-positive efficiency, PUE or uptime, or a pool fee outside [0, 1).
 * @example breakevenUsdPerMwh(38.93, 17.5) ≈ 92.69 (MODEL.md hashprice, an S21)
 */
export function breakevenUsdPerMwh(
  hashpriceUsdPerPhDay: number,
  efficiencyJPerTh: number,
  options: BreakevenOptions = {},
): number {
  const { poolFeeFraction = 0, uptimeFraction = 1, pue = 1, opexUsdPerMwMonth = 0 } = options;
  checkTerms(efficiencyJPerTh, poolFeeFraction, uptimeFraction, pue);
  const energyOnly = (hashpriceUsdPerPhDay * (1 - poolFeeFraction) * 1000) / (24 * efficiencyJPerTh * pue);
  return energyOnly - opexUsdPerMwMonth / (HOURS_PER_MONTH * uptimeFraction * pue);
}

/**
 * The hashprice at which a machine of efficiency `efficiencyJPerTh` breaks even at `powerPriceUsdPerMwh`,
 * USD/PH/day: the inverse of {@link breakevenUsdPerMwh} in its first argument (same options).
 * @throws RangeError as {@link breakevenUsdPerMwh}.
 * @example breakevenHashpriceUsdPerPhDay(50, 20) = 50 · 24 · 20 / 1000 = 24
 */
export function breakevenHashpriceUsdPerPhDay(
  powerPriceUsdPerMwh: number,
  efficiencyJPerTh: number,
  options: BreakevenOptions = {},
): number {
  const { poolFeeFraction = 0, uptimeFraction = 1, pue = 1, opexUsdPerMwMonth = 0 } = options;
  checkTerms(efficiencyJPerTh, poolFeeFraction, uptimeFraction, pue);
  const effectivePrice = powerPriceUsdPerMwh + opexUsdPerMwMonth / (HOURS_PER_MONTH * uptimeFraction * pue);
  return (effectivePrice * 24 * efficiencyJPerTh * pue) / (1000 * (1 - poolFeeFraction));
}

function checkTerms(efficiencyJPerTh: number, poolFee: number, uptime: number, pue: number): void {
  if (!(efficiencyJPerTh > 0)) throw new RangeError(`efficiencyJPerTh must be > 0, got ${efficiencyJPerTh}`);
  if (!(poolFee >= 0 && poolFee < 1))
    throw new RangeError(`poolFeeFraction must be in [0, 1), got ${poolFee}`);
  if (!(uptime > 0 && uptime <= 1)) throw new RangeError(`uptimeFraction must be in (0, 1], got ${uptime}`);
  if (!(pue > 0)) throw new RangeError(`pue must be > 0, got ${pue}`);
}
