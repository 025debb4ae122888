import { z } from 'zod';

const nullableNonNegative = (description: string, unit: string, example: number) =>
  z.number().nonnegative().nullable().meta({ description, unit, example });

/**
 * One UTC day of the bitcoin network, as in a Coin Metrics daily CSV. Numbers are `null` where the source cell
 * is blank (e.g. the price before 2010-07-18); optional source columns that are absent are `null` on every row.
 */
export const NetworkDay = z
  .object({
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .meta({ description: 'UTC day', unit: 'YYYY-MM-DD', example: '2019-06-01' }),
    priceUsd: nullableNonNegative('reference price at 00:00 UTC (PriceUSD)', 'USD/BTC', 8554.80733),
    difficulty: nullableNonNegative(
      'mean difficulty of the day’s blocks (DiffMean)',
      'difficulty',
      7.45968e12,
    ),
    hashrateThPerS: nullableNonNegative('estimated mean network hash rate (HashRate)', 'TH/s', 5.5994e7),
    feesBtc: nullableNonNegative('total fees paid to miners that day (FeeTotNtv)', 'BTC', 155.88379801),
    blocks: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .meta({ description: 'blocks mined that day (BlkCnt)', unit: 'blocks', example: 151 }),
    subsidyBtc: nullableNonNegative('new coins issued that day (IssTotNtv)', 'BTC', 1887.5),
    supplyBtc: nullableNonNegative('current supply at the end of the day (SplyCur)', 'BTC', 17735742.32),
  })
  .meta({ id: 'NetworkDay' });
export type NetworkDay = z.infer<typeof NetworkDay>;
