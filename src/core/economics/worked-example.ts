import type { AiLease } from '../../schema/ai-lease.ts';
import type { AsicTierSpec } from '../../schema/asic-tier.ts';
import type { MiningTerms } from '../../schema/mining-pnl.ts';
import { SAT_PER_BTC } from '../bitcoin/constants.ts';
import { nextHalvingHeight } from '../bitcoin/halving.ts';
import { hashpriceBtcPerPhDay } from '../bitcoin/hashprice.ts';
import { blockSubsidySat } from '../bitcoin/subsidy.ts';
import { findAsicModel } from '../hardware/asic.ts';
import { resolveAsicTier } from '../hardware/asic-tier.ts';
import { breakevenHashpriceUsdPerPhDay, breakevenUsdPerMwh } from './breakeven.ts';
import { hostingCashFlows } from './hosting.ts';
import { miningCashFlows } from './mining-cash-flows.ts';
import { type MiningPnl, miningPnl } from './mining-pnl.ts';
import { BLOCKS_PER_MONTH, DAYS_PER_MONTH, MONTHS_PER_YEAR } from './periods.ts';
import { type ProductionCost, productionCost } from './production-cost.ts';
import { type Valuation, valueMonthlyCashFlows } from './valuation.ts';

/** Everything the worked example assumes; {@link EXAMPLE_ASSUMPTIONS} holds the embedded defaults. */
export interface ExampleAssumptions {
  market: {
    date: string;
    difficulty: number;
    priceUsd: number;
    feesBtcPerBlock: number;
    height: number;
    source: string;
  };
  /** Grid connection of the site, MW; mining or AI fill it after their own PUE. */
  siteMw: number;
  mining: MiningTerms & {
    fleet: AsicTierSpec[];
    /** ASIC purchase price, USD per TH/s. */
    asicUsdPerTh: number;
    /** Mining site build-out (substation share, containers, cooling), USD per MW of ASIC power. */
    infrastructureUsdPerMw: number;
    /** Depreciation life of the fleet and its site, months. */
    usefulLifeMonths: number;
  };
  ai: AiLease;
  discountRatePerYear: number;
  /** Models shown in the breakeven table. */
  breakevenModels: string[];
}

/**
 * The embedded defaults: a 100 MW site on a real late-2024 network, mining with Antminer S21s or leased to an
 * AI tenant at the public deals' price. Every figure that is not from a cited source says "assumption".
 */
export const EXAMPLE_ASSUMPTIONS: ExampleAssumptions = {
  market: {
    date: '2024-11-23',
    difficulty: 102_031_087_444_471.73,
    priceUsd: 92_460.13,
    feesBtcPerBlock: 0.1,
    height: 872_000,
    source:
      'difficulty and BTC price: 7-day means ending 2024-11-23 (blockchain.com charts, data kit ' +
      'btc_network_4day_blockchaincom.csv); fees 0.1 BTC/block and height ~872,000: assumptions for that day',
  },
  siteMw: 100,
  mining: {
    fleet: [{ model: 'Antminer S21', units: 27_000 }],
    poolFeeFraction: 0.02,
    uptimeFraction: 0.95,
    pue: 1.05,
    powerPriceUsdPerMwh: 45,
    opexUsdPerMwMonth: 12_000,
    opexUsdPerThMonth: 0,
    asicUsdPerTh: 14,
    infrastructureUsdPerMw: 300_000,
    usefulLifeMonths: 48,
  },
  ai: {
    itMw: 100 / 1.3,
    // $1.45M per MW-year (MODEL.md: 200 MW, 12 years, ~$3.5bn) = 1,450,000 / 1000 kW / 12 months
    pricing: { kind: 'usd-per-kw-month', usdPerKwMonth: 1_450_000 / 12_000 },
    pue: 1.3,
    itLoadFactor: 1,
    powerPassThrough: true,
    powerPriceUsdPerMwh: 45,
    opexUsdPerMwMonth: 20_000,
    // TeraWulf/Fluidstack Abernathy JV: $8-10M capex per MW of critical IT (data kit public_miners_ai_contracts.csv)
    capexUsdPerMw: 9_000_000,
    depreciationYears: 20,
    termMonths: 144,
    escalatorPerYear: 0,
    buildMonths: 12,
  },
  discountRatePerYear: 0.1,
  breakevenModels: [
    'Antminer S9',
    'Antminer S19j Pro',
    'Whatsminer M50',
    'Antminer S19 XP',
    'Whatsminer M60',
    'Antminer S21',
    'SEALMINER A2',
    'Antminer S21+ Hydro',
  ],
};

/** Hashprice shocks shown next to the mining valuation. */
const SENSITIVITY = [-0.25, -0.5];

export interface BreakevenRow {
  model: string;
  jPerTh: number;
  /** Power price at which the model breaks even with the example's pool fee and PUE, USD/MWh. */
  usdPerMwh: number;
  /** usdPerMwh − the site's power price: > 0 earns money at the site, USD/MWh. */
  headroomUsdPerMwh: number;
}

export interface WorkedExample {
  assumptions: ExampleAssumptions;
  market: ExampleAssumptions['market'] & { subsidyBtc: number; rewardPerBlockBtc: number };
  hashprice: { btcPerPhDay: number; usdPerPhDay: number };
  breakeven: BreakevenRow[];
  mining: {
    hashrateEhPerS: number;
    asicPowerMw: number;
    sitePowerMw: number;
    capexUsd: number;
    /** One 30.4375-day month at the snapshot. */
    month: MiningPnl;
    productionCost: ProductionCost;
    /** Hashprice at which the fleet's revenue stops covering power + opex, USD/PH/day. */
    shutdownHashpriceUsdPerPhDay: number;
    /** Month (from now) in which the next halving happens at 4,383 blocks a month, and its height. */
    nextHalving: { height: number; month: number };
    valuation: Valuation;
    /** The same valuation with the BTC price (so the USD hashprice) lower by each fraction, e.g. −0.25. */
    sensitivity: { hashpriceChange: number; npvUsd: number; irrPerYear: number | null }[];
  };
  ai: {
    itMw: number;
    usdPerMwYear: number;
    capexUsd: number;
    /** A month of the lease in its first year: rent, opex, EBITDA, USD. */
    month: { revenueUsd: number; opexUsd: number; powerCostUsd: number; ebitdaUsd: number };
    valuation: Valuation;
  };
  horizonMonths: number;
}

/**
 * Builds the worked example from `a`: hashprice at the snapshot, breakeven power price per model, the fleet's
 * monthly P&L and production cost, and both uses of the site valued over the same horizon (the AI build plus
 * lease term) at `discountRatePerYear`. Mining holds difficulty, price and fees at the snapshot and follows
 * the subsidy schedule (halvings), and retires the fleet after its last profitable month.
 * @throws InputError for an unknown model in the fleet or breakeven list.
 */
export function workedExample(a: ExampleAssumptions = EXAMPLE_ASSUMPTIONS): WorkedExample {
  const { market, mining } = a;
  const subsidyBtc = blockSubsidySat(market.height) / SAT_PER_BTC;
  const rewardPerBlockBtc = subsidyBtc + market.feesBtcPerBlock;
  const btcPerPhDay = hashpriceBtcPerPhDay(market.difficulty, rewardPerBlockBtc);
  const usdPerPhDay = btcPerPhDay * market.priceUsd;
  const terms = {
    poolFeeFraction: mining.poolFeeFraction,
    uptimeFraction: mining.uptimeFraction,
    pue: mining.pue,
    opexUsdPerMwMonth: 0,
  };

  const breakeven = a.breakevenModels.map((name, i): BreakevenRow => {
    const model = findAsicModel(name, `breakevenModels.${i}`);
    const usdPerMwh = breakevenUsdPerMwh(usdPerPhDay, model.efficiencyJPerTh, terms);
    return {
      model: model.model,
      jPerTh: model.efficiencyJPerTh,
      usdPerMwh,
      headroomUsdPerMwh: usdPerMwh - mining.powerPriceUsdPerMwh,
    };
  });

  const tiers = mining.fleet.map((spec, i) => resolveAsicTier(spec, `mining.fleet.${i}`));
  const month = miningPnl({
    ...mining,
    tiers,
    hashpriceBtcPerPhDay: btcPerPhDay,
    priceUsd: market.priceUsd,
    days: DAYS_PER_MONTH,
  });
  const capexUsd =
    month.hashrateThPerS * mining.asicUsdPerTh + month.asicPowerMw * mining.infrastructureUsdPerMw;
  const cost = productionCost(month, {
    capexUsd,
    usefulLifeMonths: mining.usefulLifeMonths,
    debtUsd: 0,
    interestRatePerYear: 0,
  });
  const fleetJPerTh = (month.asicPowerMw * 1e6) / month.hashrateThPerS;
  const shutdownHashpriceUsdPerPhDay = breakevenHashpriceUsdPerPhDay(
    mining.powerPriceUsdPerMwh,
    fleetJPerTh,
    {
      ...terms,
      opexUsdPerMwMonth: mining.opexUsdPerMwMonth,
    },
  );
  const halvingHeight = nextHalvingHeight(market.height);

  const lease = hostingCashFlows(a.ai, 'ai');
  const horizonMonths = lease.months;
  const miningValuation = (hashpriceChange: number) => {
    const flows = miningCashFlows({
      ...mining,
      tiers,
      difficulty: market.difficulty,
      priceUsd: market.priceUsd * (1 + hashpriceChange),
      feesBtcPerBlock: market.feesBtcPerBlock,
      startHeight: market.height,
      months: horizonMonths,
      capexUsd,
      whenUnprofitable: 'retire',
    });
    return valueMonthlyCashFlows(flows.cashFlowUsd, a.discountRatePerYear);
  };
  const firstLeaseMonth = a.ai.buildMonths;
  const aiCapexUsd = a.ai.capexUsdPerMw * a.ai.itMw;
  const usdPerMwYear =
    a.ai.pricing.kind === 'usd-per-kw-month'
      ? a.ai.pricing.usdPerKwMonth * 1000 * MONTHS_PER_YEAR
      : (lease.revenueUsd[firstLeaseMonth]! * MONTHS_PER_YEAR) / a.ai.itMw;

  return {
    assumptions: a,
    market: { ...market, subsidyBtc, rewardPerBlockBtc },
    hashprice: { btcPerPhDay, usdPerPhDay },
    breakeven,
    mining: {
      hashrateEhPerS: month.hashrateThPerS / 1e6,
      asicPowerMw: month.asicPowerMw,
      sitePowerMw: month.sitePowerMw,
      capexUsd,
      month,
      productionCost: cost,
      shutdownHashpriceUsdPerPhDay,
      nextHalving: {
        height: halvingHeight,
        month: Math.floor((halvingHeight - market.height) / BLOCKS_PER_MONTH),
      },
      valuation: miningValuation(0),
      sensitivity: SENSITIVITY.map((hashpriceChange) => {
        const v = miningValuation(hashpriceChange);
        return { hashpriceChange, npvUsd: v.npvUsd, irrPerYear: v.irrPerYear };
      }),
    },
    ai: {
      itMw: a.ai.itMw,
      usdPerMwYear,
      capexUsd: aiCapexUsd,
      month: {
        revenueUsd: lease.revenueUsd[firstLeaseMonth]!,
        opexUsd: lease.opexUsd[firstLeaseMonth]!,
        powerCostUsd: lease.powerCostUsd[firstLeaseMonth]!,
        ebitdaUsd: lease.ebitdaUsd[firstLeaseMonth]!,
      },
      valuation: valueMonthlyCashFlows(lease.cashFlowUsd, a.discountRatePerYear),
    },
    horizonMonths,
  };
}
