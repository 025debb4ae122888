import { z } from 'zod';

const utc = z.string().meta({ description: 'UTC instant, ISO 8601', example: '2023-01-01T06:00:00Z' });

/** What a price loader found and did: nothing is filled or dropped without a line here. */
export const PriceReport = z
  .object({
    source: z.string().meta({ description: 'file name or label', example: 'ercot_dam_spp_hourly_2023.csv' }),
    format: z
      .enum(['ercot-dam-wide', 'ercot-dam', 'ercot-rtm', 'generic'])
      .meta({ description: 'detected layout of the file' }),
    rows: z.number().int().nonnegative().meta({ description: 'data rows read for the node' }),
    intervals: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: 'intervals in the series after de-duplication' }),
    firstUtc: utc,
    lastUtc: utc,
    availableNodes: z.array(z.string()).meta({ description: 'nodes present in the file' }),
    missingIntervals: z
      .number()
      .int()
      .nonnegative()
      .meta({ description: 'intervals absent between first and last' }),
    gaps: z
      .array(z.object({ fromUtc: utc, toUtc: utc, missingIntervals: z.number().int().positive() }))
      .meta({ description: 'runs of missing intervals; they are skipped, never filled (first 50)' }),
    duplicates: z
      .array(
        z.object({
          timeUtc: utc,
          line: z.number().int().positive(),
          keptUsdPerMwh: z.number(),
          droppedUsdPerMwh: z.number(),
        }),
      )
      .meta({ description: 'repeated intervals: the first row is kept (first 50)' }),
    duplicateCount: z.number().int().nonnegative(),
    dst: z
      .array(
        z.object({
          date: z.string(),
          kind: z.enum(['spring-forward', 'fall-back']),
          intervals: z.number().int().nonnegative(),
        }),
      )
      .meta({
        description: 'daylight-saving days met, with the intervals each held (23 h / 25 h when complete)',
      }),
    notes: z.array(z.string()),
  })
  .meta({ id: 'PriceReport' });
export type PriceReport = z.infer<typeof PriceReport>;

/**
 * Prices at one node, sorted by time, one value per interval start; missing intervals are absent (see the
 * report), never filled.
 */
export const PriceSeries = z
  .object({
    node: z.string().meta({ description: 'settlement point', example: 'HB_WEST' }),
    market: z.enum(['DAM', 'RTM', 'unknown']).meta({ description: 'day-ahead, real-time, or not stated' }),
    intervalMinutes: z
      .number()
      .int()
      .positive()
      .meta({ description: 'interval length', unit: 'min', example: 60 }),
    timeUtcMs: z.array(z.number()).meta({ description: 'interval starts', unit: 'ms since 1970 UTC' }),
    priceUsdPerMwh: z.array(z.number()).meta({ description: 'settlement point price', unit: 'USD/MWh' }),
    report: PriceReport,
  })
  .meta({ id: 'PriceSeries' });
export type PriceSeries = z.infer<typeof PriceSeries>;
