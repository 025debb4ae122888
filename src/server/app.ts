import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createDispatchPool, type DispatchRunner } from '../jobs/dispatch-pool.ts';
import { createRunManager, type SimulateRun } from '../jobs/run-manager.ts';
import type { Store } from '../store/store.ts';
import { requireBearerForWrites } from './auth.ts';
import type { DocumentKind } from './document-kind.ts';
import { createErrorHandler, type ServerLog } from './error-handler.ts';
import { catalogRoutes } from './routes/catalog.ts';
import { dispatchRoutes } from './routes/dispatch.ts';
import { documentRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { quoteRoutes } from './routes/quotes.ts';
import { runRoutes } from './routes/runs.ts';
import { DEFAULT_WEB_DIR, registerWeb } from './web-static.ts';
import { acceptYamlBodies } from './yaml-body.ts';
import { jsonSerializerCompiler, zodValidatorCompiler } from './zod-compilers.ts';

/** Largest accepted request body (1 MiB); larger bodies get 413. */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

export interface BuildServerOptions {
  store: Store;
  /** Scenario and site validation (the composition root wires the engines' parsers). */
  kinds: { scenario: DocumentKind; site: DocumentKind };
  /** Runs one simulation (the composition root wires the worker-thread pool). */
  simulate: SimulateRun;
  /** Runs dispatch back-tests (default: a worker-thread pool owned and closed by the server). */
  dispatch?: DispatchRunner;
  /** Schema of a run's result, for the OpenAPI document. */
  resultSchema?: z.ZodType;
  /** Checks a saved scenario can run (InputError if not) and returns its own paths/seed as run defaults. */
  prepareRun?: (document: unknown) => { paths?: number; seed?: number; months?: number };
  /** With a token, every write needs `Authorization: Bearer <token>`. */
  apiToken?: string;
  /** Dashboard files (default: this package's web/dist). */
  webDir?: string;
  bodyLimitBytes?: number;
  progressIntervalMs?: number;
  /** Server-side log for internal errors (default: stderr). */
  log?: ServerLog;
  version?: string;
  /** Adds routes or hooks before the dashboard's catch-all (the bench's bare hello route). */
  configure?: (app: FastifyInstance) => void | Promise<void>;
}

/**
 * The HTTP service: API (validated by the zod schemas, documented at /api/openapi.json and /api/docs) and the
 * dashboard. On start it marks runs left queued or running by an earlier process `interrupted` (one server per
 * store). Closing the instance stops its runs (marked interrupted); the store stays open (its owner closes it).
 */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const version = options.version ?? '0.1.0';

  await store.runs.interruptUnfinished('the server stopped before the run ended');
  const manager = createRunManager({
    runs: store.runs,
    simulate: options.simulate,
    log,
    ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
  });

  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(jsonSerializerCompiler);
  app.setErrorHandler(createErrorHandler(log));
  acceptYamlBodies(app);
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not found' }));
  const dispatch = options.dispatch ?? createDispatchPool();
  app.addHook('onClose', async () => {
    await manager.close();
    if (options.dispatch === undefined) await dispatch.close();
  });
  if (options.apiToken !== undefined) app.addHook('onRequest', requireBearerForWrites(options.apiToken));

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Mullet API',
        version,
        description:
          'Economics, hourly dispatch and Monte Carlo strategy for bitcoin miners hosting AI/HPC. ' +
          'Errors: 400 `{ error, issues: [{ path, message }] }`, 401, 404, 413 `{ error }`.',
      },
      ...(options.apiToken === undefined
        ? {}
        : { components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } }),
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes(store, version));
  await app.register(catalogRoutes);
  await app.register(quoteRoutes);
  await app.register(
    documentRoutes({
      plural: 'scenarios',
      kind: options.kinds.scenario,
      collection: store.scenarios,
      onRemoved: (id) => manager.abortScenario(id),
    }),
  );
  await app.register(documentRoutes({ plural: 'sites', kind: options.kinds.site, collection: store.sites }));
  await app.register(dispatchRoutes({ store, runner: dispatch }));
  await app.register(
    runRoutes({
      store,
      manager,
      resultSchema: options.resultSchema ?? z.unknown(),
      prepareRun: options.prepareRun ?? (() => ({})),
    }),
  );
  await options.configure?.(app);
  await registerWeb(app, options.webDir ?? DEFAULT_WEB_DIR);
  return app;
}
