import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashpriceBtcPerPhDay } from '../../core/bitcoin/hashprice.ts';
import { blockSubsidyBtc } from '../../core/bitcoin/subsidy.ts';
import { breakevenUsdPerMwh } from '../../core/economics/breakeven.ts';
import { findAsicModel } from '../../core/hardware/asic.ts';
import { errorResponses } from '../http-schemas.ts';

export const HashpriceQuoteRequest = z
  .object({
    difficulty: z
      .number()
      .positive()
      .meta({ description: 'network difficulty', unit: 'difficulty', example: 1e14 }),
    priceUsd: z.number().nonnegative().meta({ description: 'BTC price', unit: 'USD/BTC', example: 60_000 }),
    feesBtcPerBlock: z
      .number()
      .nonnegative()
      .meta({ description: 'mean fees per block', unit: 'BTC/block', example: 0.1 }),
    height: z
      .number()
      .int()
      .nonnegative()
      .max(100_000_000)
      .meta({ description: 'block height (sets the subsidy)', unit: 'blocks', example: 900_000 }),
  })
  .strict()
  .meta({ id: 'HashpriceQuoteRequest' });
export type HashpriceQuoteRequest = z.infer<typeof HashpriceQuoteRequest>;

export const HashpriceQuote = z
  .object({
    btcPerPhDay: z
      .number()
      .meta({ description: 'expected BTC per PH/s per day, before pool fee', unit: 'BTC/PH/day' }),
    usdPerPhDay: z.number().meta({ description: 'btcPerPhDay × priceUsd', unit: 'USD/PH/day' }),
    subsidyBtc: z.number().meta({ description: 'block subsidy at the height', unit: 'BTC' }),
  })
  .meta({ id: 'HashpriceQuote' });
export type HashpriceQuote = z.infer<typeof HashpriceQuote>;

/** Hashprice from difficulty, price, fees and height (MODEL.md: 1e15·86400·(subsidy+fees)/(D·2^32)). */
export function quoteHashprice(q: HashpriceQuoteRequest): HashpriceQuote {
  const subsidyBtc = blockSubsidyBtc(q.height);
  const btcPerPhDay = hashpriceBtcPerPhDay(q.difficulty, subsidyBtc + q.feesBtcPerBlock);
  return { btcPerPhDay, usdPerPhDay: btcPerPhDay * q.priceUsd, subsidyBtc };
}

const network = HashpriceQuoteRequest.shape;

export const BreakevenQuoteRequest = z
  .object({
    model: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'ASIC model from the catalog (or give jPerTh)', example: 'Antminer S21' }),
    jPerTh: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'efficiency at the wall', unit: 'J/TH', example: 17.5 }),
    difficulty: network.difficulty,
    priceUsd: network.priceUsd,
    feesBtcPerBlock: network.feesBtcPerBlock,
    height: network.height,
    poolFee: z
      .number()
      .min(0)
      .lt(1)
      .optional()
      .meta({ description: 'pool fee fraction (default 0)', example: 0.02 }),
    uptime: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .meta({ description: 'share of time hashing (default 1)', example: 0.97 }),
    pue: z
      .number()
      .min(1)
      .max(3)
      .optional()
      .meta({ description: 'site power / ASIC power (default 1)', example: 1.05 }),
    opexUsdPerMwMonth: z
      .number()
      .nonnegative()
      .optional()
      .meta({ description: 'fixed opex per MW of ASICs per month (default 0)', unit: 'USD/MW-month' }),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.model === undefined) === (q.jPerTh === undefined))
      ctx.addIssue({ code: 'custom', path: ['jPerTh'], message: 'expected exactly one of model or jPerTh' });
  })
  .meta({ id: 'BreakevenQuoteRequest' });
export type BreakevenQuoteRequest = z.infer<typeof BreakevenQuoteRequest>;

export const BreakevenQuote = z
  .object({
    usdPerMwh: z
      .number()
      .meta({ description: 'power price at which the machine breaks even', unit: 'USD/MWh' }),
    jPerTh: z.number().meta({ description: 'efficiency used', unit: 'J/TH' }),
    usdPerPhDay: z.number().meta({ description: 'hashprice before pool fee', unit: 'USD/PH/day' }),
  })
  .meta({ id: 'BreakevenQuote' });
export type BreakevenQuote = z.infer<typeof BreakevenQuote>;

/**
 * Breakeven power price (economics/breakeven.ts) at the hashprice of {@link quoteHashprice}.
 * @throws InputError at `body.model` for a model not in the catalog.
 */
export function quoteBreakeven(q: BreakevenQuoteRequest): BreakevenQuote {
  const jPerTh = q.jPerTh ?? findAsicModel(q.model ?? '', 'body.model').efficiencyJPerTh;
  const { usdPerPhDay } = quoteHashprice(q);
  const usdPerMwh = breakevenUsdPerMwh(usdPerPhDay, jPerTh, {
    ...(q.poolFee === undefined ? {} : { poolFeeFraction: q.poolFee }),
    ...(q.uptime === undefined ? {} : { uptimeFraction: q.uptime }),
    ...(q.pue === undefined ? {} : { pue: q.pue }),
    ...(q.opexUsdPerMwMonth === undefined ? {} : { opexUsdPerMwMonth: q.opexUsdPerMwMonth }),
  });
  return { usdPerMwh, jPerTh, usdPerPhDay };
}

export const quoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/quotes/hashprice',
    {
      schema: {
        tags: ['quotes'],
        summary: 'hashprice: expected revenue of 1 PH/s for one day',
        body: HashpriceQuoteRequest,
        response: { 200: HashpriceQuote, ...errorResponses },
      },
    },
    async (request) => quoteHashprice(request.body),
  );
  app.post(
    '/api/quotes/breakeven',
    {
      schema: {
        tags: ['quotes'],
        summary: 'breakeven power price of a machine at the given network state',
        body: BreakevenQuoteRequest,
        response: { 200: BreakevenQuote, ...errorResponses },
      },
    },
    async (request) => quoteBreakeven(request.body),
  );
};
