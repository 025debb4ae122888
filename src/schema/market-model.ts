import { z } from 'zod';
import { CALIBRATION } from '../core/simulate/calibration.ts';
import { between, IsoDay, integer, nonNegative, positive } from './scenario-quantities.ts';

const C = CALIBRATION;

/** Price jumps: a compound Poisson process of normal log-jumps. */
export const PriceJumps = z
  .object({
    perYear: nonNegative({
      description: 'mean number of jumps per year',
      unit: 'jumps/year',
      example: 18.25,
    }),
    meanLog: between(-5, 5, { description: 'mean log-size of one jump', unit: 'log', example: -0.0038 }),
    stdLog: nonNegative({
      description: 'standard deviation of the log-size of one jump',
      unit: 'log',
      example: 0.12,
    }),
  })
  .strict()
  .meta({ description: 'compound Poisson jumps (set perYear: 0 for none)' });
export type PriceJumps = z.infer<typeof PriceJumps>;

const startUsd = positive({ description: 'BTC price at the start', unit: 'USD/BTC', example: 95_000 });
const driftPerYear = between(-2, 2, {
  description: 'expected growth of the price: E[price at t years] = start · e^(drift·t)',
  unit: '1/year',
  example: 0.1,
});

/** BTC price as geometric Brownian motion with jumps (Merton), stepped monthly. */
export const GbmPriceModel = z
  .object({
    model: z.literal('gbm'),
    startUsd,
    driftPerYear,
    volatilityPerYear: nonNegative({
      description: `volatility of the diffusion part (default ${C.price.diffusionVolatilityPerYear}, calibrated 2016–2019)`,
      unit: '1/sqrt(year)',
      example: 0.564,
    }).default(C.price.diffusionVolatilityPerYear),
    jumps: PriceJumps.default({
      perYear: C.price.jumpsPerYear,
      meanLog: C.price.jumpMeanLog,
      stdLog: C.price.jumpStdLog,
    }),
  })
  .strict();
export type GbmPriceModel = z.infer<typeof GbmPriceModel>;

/** BTC price from a block bootstrap of real daily log-returns (demeaned, then the chosen drift added). */
export const BootstrapPriceModel = z
  .object({
    model: z.literal('bootstrap'),
    startUsd,
    driftPerYear,
    coinMetricsCsv: z.string().min(1).meta({
      description: 'Coin Metrics daily CSV (PriceUSD), relative to the scenario file',
      example: 'btc.csv',
    }),
    blockDays: integer(1, 365, {
      description: 'length of each resampled block',
      unit: 'days',
      example: 30,
    }).default(30),
    from: IsoDay.optional().meta({ description: 'first day of returns used (default: first priced day)' }),
    to: IsoDay.optional().meta({ description: 'last day of returns used (default: last day)' }),
  })
  .strict();
export type BootstrapPriceModel = z.infer<typeof BootstrapPriceModel>;

export const PriceModel = z.discriminatedUnion('model', [GbmPriceModel, BootstrapPriceModel], {
  error: 'expected model "gbm" or "bootstrap"',
});
export type PriceModel = z.infer<typeof PriceModel>;

/** Transaction fees per block: log-AR(1) around a long-run level, stepped monthly. */
export const FeeModel = z
  .object({
    startBtcPerBlock: positive({
      description: 'fees per block at the start',
      unit: 'BTC/block',
      example: 0.03,
    }),
    meanBtcPerBlock: positive({
      description: 'long-run level (geometric mean)',
      unit: 'BTC/block',
      example: 0.05,
    }),
    reversionPerMonth: between(0, 1, {
      description: `share of the log-gap to the level closed each month (default ${C.fees.reversionPerMonth})`,
      unit: '1/month',
      example: 0.1,
    }).default(C.fees.reversionPerMonth),
    volatilityPerMonth: nonNegative({
      description: `monthly standard deviation of the log (default ${C.fees.volatilityPerMonth})`,
      unit: 'log/month',
      example: 0.44,
    }).default(C.fees.volatilityPerMonth),
  })
  .strict();
export type FeeModel = z.infer<typeof FeeModel>;

/** One efficiency class of the world's installed miners. */
export const NetworkFleetClass = z
  .object({
    jPerTh: positive({ description: 'efficiency at the wall', unit: 'J/TH', example: 22 }),
    share: between(0, 1, { description: 'share of the network hashrate', unit: 'fraction', example: 0.3 }),
  })
  .strict();
export type NetworkFleetClass = z.infer<typeof NetworkFleetClass>;

/** The rest of the world's miners: installed base, costs, new supply, and the chain's position. */
export const NetworkModel = z
  .object({
    hashrateEhPerS: positive({ description: 'network hashrate at the start', unit: 'EH/s', example: 800 }),
    height: integer(0, 6_929_999, {
      description:
        'height of the first block the simulation mines (the tip height + 1); the block at 210,000·k is the first paid the halved subsidy',
      unit: 'blocks',
      example: 877_000,
    }),
    difficulty: positive({
      description: 'difficulty at the start (default: the one that gives 600 s blocks at hashrateEhPerS)',
      unit: 'difficulty',
      example: 1.1e14,
    }).optional(),
    fleet: z
      .array(NetworkFleetClass)
      .min(1, { error: 'expected at least one efficiency class' })
      .default(C.network.fleet.map((c) => ({ ...c })))
      .meta({ description: 'efficiency mix of the installed base; shares sum to 1' }),
    powerCostUsdPerMwh: positive({
      description: `typical all-in power cost of the world's miners (default ${C.network.powerCostUsdPerMwh})`,
      unit: 'USD/MWh',
      example: 45,
    }).default(C.network.powerCostUsdPerMwh),
    powerCostSpread: between(0, 0.95, {
      description: `half-width of the uniform spread of miners' power costs, relative (default ${C.network.powerCostSpread})`,
      unit: 'fraction',
      example: 0.4,
    }).default(C.network.powerCostSpread),
    newSupplyEhPerSPerMonth: nonNegative({
      description: `new hashrate shipped per month at full margin (default ${C.network.newSupplyEhPerSPerMonth}, 2023–24 growth)`,
      unit: 'EH/s per month',
      example: 23,
    }).default(C.network.newSupplyEhPerSPerMonth),
    supplyGrowthPerYear: between(-0.9, 5, {
      description: 'yearly growth of that shipping capacity (default 0)',
      unit: '1/year',
      example: 0,
    }).default(0),
    fullSupplyMargin: between(0.01, 1, {
      description: `gross margin of a frontier machine at which shipments reach capacity (default ${C.network.fullSupplyMargin})`,
      unit: 'fraction',
      example: 0.5,
    }).default(C.network.fullSupplyMargin),
    frontierJPerTh: positive({
      description: `efficiency of machines shipped at the start (default ${C.network.frontierJPerTh})`,
      unit: 'J/TH',
      example: 15,
    }).default(C.network.frontierJPerTh),
    efficiencyGainPerYear: between(0, 0.9, {
      description: `yearly fall of new machines' J/TH (default ${C.network.efficiencyGainPerYear})`,
      unit: '1/year',
      example: 0.1,
    }).default(C.network.efficiencyGainPerYear),
    attritionPerYear: between(0, 0.9, {
      description: `share of installed machines lost per year (default ${C.network.attritionPerYear})`,
      unit: '1/year',
      example: 0.05,
    }).default(C.network.attritionPerYear),
  })
  .strict()
  .superRefine((n, ctx) => {
    const total = n.fleet.reduce((s, c) => s + c.share, 0);
    if (Math.abs(total - 1) > 1e-6)
      ctx.addIssue({
        code: 'custom',
        path: ['fleet'],
        message: `expected shares summing to 1, got ${Number(total.toPrecision(6))}`,
      });
  });
export type NetworkModel = z.infer<typeof NetworkModel>;

/** Price of new ASICs per TH/s: moves with hashprice, falls with technology. */
export const AsicPriceModel = z
  .object({
    usdPerTh: positive({
      description: 'price of a new frontier machine at the start',
      unit: 'USD/TH',
      example: 15,
    }),
    hashpriceElasticity: nonNegative({
      description: `price change per unit relative change of hashprice (linear; default ${C.asicPrice.hashpriceElasticity})`,
      unit: 'ratio',
      example: 1,
    }).default(C.asicPrice.hashpriceElasticity),
    minUsdPerTh: nonNegative({
      description: `floor of the price (default ${C.asicPrice.minUsdPerTh})`,
      unit: 'USD/TH',
      example: 2,
    }).default(C.asicPrice.minUsdPerTh),
    declinePerYear: between(0, 0.9, {
      description: `yearly fall at constant hashprice (default ${C.asicPrice.declinePerYear})`,
      unit: '1/year',
      example: 0.1,
    }).default(C.asicPrice.declinePerYear),
  })
  .strict();
export type AsicPriceModel = z.infer<typeof AsicPriceModel>;

/** Everything the company does not control. */
export const MarketModel = z
  .object({
    price: PriceModel,
    fees: FeeModel,
    network: NetworkModel,
    asicPrice: AsicPriceModel,
  })
  .strict()
  .meta({ id: 'MarketModel' });
export type MarketModel = z.infer<typeof MarketModel>;
