import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DispatchRunner } from '../../jobs/dispatch-pool.ts';
import {
  BUILTIN_PRICES,
  DEFAULT_HASHPRICE_USD_PER_PH_DAY,
  type DispatchTask,
} from '../../jobs/dispatch-task.ts';
import { DispatchResult } from '../../schema/dispatch-result.ts';
import { Site } from '../../schema/site.ts';
import type { Store } from '../../store/store.ts';
import { ErrorBody, errorResponses, IdParams } from '../http-schemas.ts';

/** Price CSVs are bigger than documents: a year of 15-minute real-time prices for one node is ~3 MB. */
export const DISPATCH_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine(
    (s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s,
    'expected a real calendar date',
  );
const csv = (description: string) => z.string().min(1).optional().meta({ description });

const dispatchFields = {
  prices: z
    .string()
    .min(1)
    .optional()
    .meta({
      description: `a built-in series (${Object.keys(BUILTIN_PRICES).join(', ')}; the default) or price CSV text (ERCOT DAM/RTM, the hourly hub table, or timestamp,usd_per_mwh)`,
      example: 'builtin:ercot-hb-west-2023',
    }),
  node: z
    .string()
    .min(1)
    .optional()
    .meta({ description: 'hub or load zone (default: the site’s power.node)' }),
  hashpriceUsdPerPhDay: z
    .number()
    .nonnegative()
    .optional()
    .meta({
      description: `constant hashprice (default ${DEFAULT_HASHPRICE_USD_PER_PH_DAY}, flagged in warnings)`,
      unit: 'USD/PH/day',
      example: 55,
    }),
  btcPriceUsd: z
    .number()
    .positive()
    .optional()
    .meta({ description: 'BTC price, to count BTC mined', unit: 'USD' }),
  from: day.optional().meta({ description: 'first UTC day (default: first price)', example: '2023-06-01' }),
  to: day
    .optional()
    .meta({ description: 'last UTC day, inclusive (default: last price)', example: '2023-09-30' }),
  solver: z.enum(['auto', 'merit-order', 'lp', 'milp']).optional().meta({
    description:
      'auto (default): merit order unless hours are coupled, then LP (MILP with minimum run or down times)',
  }),
  aiProfileCsv: csv('CSV text timestamp,it_mw, required when the site’s ai.profileCsv is set'),
  fourCpCsv: csv('actual 4CP intervals CSV (year,month,date,interval_ending_cpt); overrides the site'),
  ancillaryPricesCsv: csv('hourly ancillary clearing prices CSV for the site’s ancillary service'),
};

export const SiteDispatchRequest = z
  .object(dispatchFields)
  .strict()
  .nullable()
  .meta({ id: 'SiteDispatchRequest', description: 'all optional' });
export type SiteDispatchRequest = z.infer<typeof SiteDispatchRequest>;

export const DispatchRequest = z
  .object({ site: Site, ...dispatchFields })
  .strict()
  .meta({ id: 'DispatchRequest', description: 'a site document and the dispatch options' });
export type DispatchRequest = z.infer<typeof DispatchRequest>;

type Options = NonNullable<SiteDispatchRequest>;

function task(site: unknown, sitePath: string, o: Options): DispatchTask {
  const t: DispatchTask = {
    site,
    sitePath,
    prices: o.prices ?? 'builtin:ercot-hb-west-2023',
    fieldRoot: 'body',
  };
  if (o.node !== undefined) t.node = o.node;
  if (o.hashpriceUsdPerPhDay !== undefined) t.hashpriceUsdPerPhDay = o.hashpriceUsdPerPhDay;
  if (o.btcPriceUsd !== undefined) t.btcPriceUsd = o.btcPriceUsd;
  if (o.from !== undefined) t.from = o.from;
  if (o.to !== undefined) t.to = o.to;
  if (o.solver !== undefined) t.solver = o.solver;
  if (o.aiProfileCsv !== undefined) t.aiProfileCsv = o.aiProfileCsv;
  if (o.fourCpCsv !== undefined) t.fourCpCsv = o.fourCpCsv;
  if (o.ancillaryPricesCsv !== undefined) t.ancillaryPricesCsv = o.ancillaryPricesCsv;
  return t;
}

/** Dispatch back-tests of a saved site or of a site sent inline; the work runs in a worker thread. */
export function dispatchRoutes(options: { store: Store; runner: DispatchRunner }): FastifyPluginAsyncZod {
  const { store, runner } = options;
  return async (app) => {
    app.post(
      '/api/sites/:id/dispatch',
      {
        bodyLimit: DISPATCH_BODY_LIMIT_BYTES,
        schema: {
          tags: ['dispatch'],
          summary: 'hourly dispatch of a saved site on a price series, against always-on mining',
          params: IdParams,
          body: SiteDispatchRequest,
          response: { 200: DispatchResult, 404: ErrorBody, ...errorResponses },
        },
      },
      async (request, reply) => {
        const saved = await store.sites.get(request.params.id);
        if (!saved) return reply.code(404).send({ error: 'not found' });
        return runner.run(task(saved.document, 'site', request.body ?? {}));
      },
    );
    app.post(
      '/api/dispatch',
      {
        bodyLimit: DISPATCH_BODY_LIMIT_BYTES,
        schema: {
          tags: ['dispatch'],
          summary: 'hourly dispatch of a site sent in the body',
          body: DispatchRequest,
          response: { 200: DispatchResult, ...errorResponses },
        },
      },
      async (request) => {
        const { site, ...rest } = request.body;
        return runner.run(task(site, 'body.site', rest));
      },
    );
  };
}
