import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** `web/dist` of this package, where `npm run build:web` puts the dashboard. */
export const DEFAULT_WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const NOT_BUILT =
  '<!doctype html><meta charset="utf-8"><title>Mullet</title>' +
  '<p>The dashboard is not built yet: run <code>npm run build:web</code> and restart <code>mullet serve</code>. ' +
  'The API is up: <a href="/api/docs">/api/docs</a>.</p>\n';

/**
 * Serves the dashboard's static files from `webDir`, with `index.html` for any other non-API GET (client-side
 * routes); when the dashboard is not built, `/` answers a one-line page saying how to build it.
 */
export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html').send(NOT_BUILT),
    );
    return;
  }
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found' });
    return reply.sendFile('index.html');
  });
}
