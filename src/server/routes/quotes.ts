import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashpriceBtcPerPhDay } from '../../core/bitcoin/hashprice.ts';
import { blockSubsidyBtc } from '../../core/bitcoin/subsidy.ts';
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
};
