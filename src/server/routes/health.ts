import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Store } from '../../store/store.ts';

export const Health = z
  .object({
    status: z.literal('ok'),
    store: z.enum(['embedded', 'postgres']).meta({ description: 'which database keeps the data' }),
    version: z.string().meta({ example: '0.1.0' }),
  })
  .meta({ id: 'Health' });

export function healthRoutes(store: Store, version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['service'],
          summary: 'liveness and which store is in use',
          response: { 200: Health },
        },
      },
      async () => ({ status: 'ok' as const, store: store.kind, version }),
    );
  };
}
