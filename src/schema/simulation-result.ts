import { z } from 'zod';

/** A distribution over paths: 5th, 50th and 95th percentiles (linear interpolation) and the mean. */
export const Dist = z
  .object({
    p5: z.number(),
    p50: z.number(),
    p95: z.number(),
    mean: z.number(),
  })
  .meta({ id: 'Dist', description: 'percentiles and mean over paths, in the unit named by the field' });
export type Dist = z.infer<typeof Dist>;

/** IRR distribution over the paths where an IRR exists; null when it exists on none. */
export const IrrDist = z
  .object({
    p5: z.number().nullable(),
    p50: z.number().nullable(),
    p95: z.number().nullable(),
    mean: z.number().nullable(),
    definedShare: z.number().meta({ description: 'share of sampled paths with an IRR', unit: 'fraction' }),
  })
  .meta({ id: 'IrrDist' });
export type IrrDist = z.infer<typeof IrrDist>;

/** One value per month boundary 0 … months: percentiles from the band sample, mean over all paths. */
export const Band = z
  .object({
    p5: z.array(z.number()),
    p50: z.array(z.number()),
    p95: z.array(z.number()),
    mean: z.array(z.number()),
  })
  .meta({ id: 'Band' });
export type Band = z.infer<typeof Band>;

export const StrategyResult = z
  .object({
    name: z.string(),
    aiMw: z.number().meta({ description: 'critical IT MW converted by the strategy', unit: 'MW' }),
    npvUsd: Dist.meta({ description: 'NPV of the equity cash flows plus terminal value', unit: 'USD' }),
    irrPerYear: IrrDist.meta({
      description: 'IRR of the cash flows in excess of the baseline strategy',
      unit: '1/year',
    }),
    btcMined: Dist.meta({ unit: 'BTC' }),
    btcHeld: Dist.meta({ description: 'treasury at the end', unit: 'BTC' }),
    btcPerShare: Dist.meta({ description: 'treasury per share at the end', unit: 'BTC/share' }),
    cashUsd: Dist.meta({ description: 'cash at the end', unit: 'USD' }),
    minCashUsd: Dist.meta({ description: 'lowest month-end cash', unit: 'USD' }),
    ebitdaUsd: Dist.meta({
      description: 'EBITDA summed over the horizon (BTC valued when mined)',
      unit: 'USD',
    }),
    ebitdaLast12mUsd: Dist.meta({ description: 'EBITDA of the last 12 months', unit: 'USD' }),
    hashShareEnd: Dist.meta({
      description: 'company / network hashrate in the last month',
      unit: 'fraction',
    }),
    hashrateEndEhPerS: Dist.meta({ description: 'company hashrate online in the last month', unit: 'EH/s' }),
    shortfallProbability: z
      .number()
      .meta({ description: 'share of paths where cash falls below 0', unit: 'fraction' }),
    series: z.object({
      cashUsd: Band,
      btcHeld: Band,
      npvUsd: Band,
      hashShare: Band,
      hashrateEhPerS: Band,
    }),
  })
  .meta({ id: 'StrategyResult' });
export type StrategyResult = z.infer<typeof StrategyResult>;

export const DateQuantiles = z
  .object({
    p5: z.string(),
    p50: z.string(),
    p95: z.string(),
  })
  .meta({ description: 'UTC dates YYYY-MM-DD, or "after YYYY-MM-DD" past the horizon' });

export const HalvingResult = z.object({
  height: z.number().int(),
  p5: z.string(),
  p50: z.string(),
  p95: z.string(),
  reachedShare: z.number().meta({ description: 'share of paths reaching the height within the horizon' }),
});

export const FrontierPoint = z
  .object({
    aiMw: z.number().meta({ unit: 'MW' }),
    strategy: z.string().meta({ description: 'name of the simulated variant' }),
    npvUsd: Dist,
    shortfallProbability: z.number(),
  })
  .meta({ id: 'FrontierPoint' });
export type FrontierPoint = z.infer<typeof FrontierPoint>;

/** The answer of a strategy simulation (the shape the server stores and the dashboard draws). */
export const SimulationResult = z
  .object({
    scenarioName: z.string(),
    paths: z.number().int(),
    seed: z.number().int(),
    months: z.number().int(),
    startDate: z.string(),
    discountRatePerYear: z.number(),
    baseline: z.string().meta({ description: 'strategy the IRRs are measured against' }),
    dates: z
      .array(z.string())
      .meta({ description: 'date of each month boundary 0 … months (30.4375-day months)' }),
    strategies: z.array(StrategyResult),
    network: z.object({
      priceUsd: Band,
      hashrateEhPerS: Band,
      hashpriceUsdPerPhDay: Band,
      priceEndUsd: Dist,
      hashrateEndEhPerS: Dist,
      nextHalvingDate: DateQuantiles,
      halvings: z.array(HalvingResult),
    }),
    frontier: z.array(FrontierPoint),
    method: z.object({
      chunkPaths: z.number().int(),
      bandSamplePaths: z.number().int(),
      irrSamplePaths: z.number().int(),
      note: z.string(),
    }),
  })
  .meta({ id: 'SimulationResult' });
export type SimulationResult = z.infer<typeof SimulationResult>;
