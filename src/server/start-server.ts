import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { InputError } from '../core/errors.ts';
import type { SimulateRun } from '../jobs/run-manager.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { buildServer } from './app.ts';
import { isLoopbackHost } from './auth.ts';
import { engineWiring } from './engine-wiring.ts';
import type { ServerLog } from './error-handler.ts';
import { seedExamples } from './seed-examples.ts';

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

/** This package's worked examples. */
export const DEFAULT_EXAMPLES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples');

export interface StartServerOptions {
  /** Where the data lives: embedded PGlite in `<dataDir>/db`, or PostgreSQL. */
  store: StoreConfig;
  /** PostgreSQL only: a schema other than `public` (tests). */
  databaseSchema?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1; any non-loopback host needs `apiToken`. */
  host?: string;
  /** MULLET_API_TOKEN: with it, every write needs `Authorization: Bearer <token>`. */
  apiToken?: string;
  webDir?: string;
  /** Worked examples loaded into an empty store on first start; `false` loads none. */
  examplesDir?: string | false;
  /** Replaces the worker-thread simulator (tests). */
  simulate?: SimulateRun;
  progressIntervalMs?: number;
  log?: ServerLog;
  /** Adds routes or hooks before listening (see BuildServerOptions.configure). */
  configure?: (app: FastifyInstance) => void | Promise<void>;
}

export interface RunningServer {
  /** `http://host:port` */
  url: string;
  app: FastifyInstance;
  store: Store;
  /** Stops accepting requests, interrupts running simulations, closes the store. */
  close(): Promise<void>;
}

/**
 * The composition root of the service: checks the bind rules, opens (and migrates) the store, wires the
 * engines, loads the worked examples into an empty store, and listens.
 * @throws InputError when binding a non-loopback host without a token, or the data dir is in use.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const token = options.apiToken === '' ? undefined : options.apiToken;
  if (!isLoopbackHost(host) && token === undefined)
    throw new InputError({
      path: '--host',
      message:
        'binding a non-loopback address needs MULLET_API_TOKEN set (then every write needs Authorization: Bearer <token>)',
      value: host,
    });
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const store = await openStore(
    options.store,
    options.databaseSchema === undefined ? {} : { schema: options.databaseSchema },
  );
  let app: FastifyInstance | undefined;
  try {
    const engines = engineWiring();
    if (options.examplesDir !== false)
      await seedExamples(store, engines.kinds, options.examplesDir ?? DEFAULT_EXAMPLES_DIR, log);
    app = await buildServer({
      store,
      kinds: engines.kinds,
      simulate: options.simulate ?? engines.simulate,
      resultSchema: engines.resultSchema,
      prepareRun: engines.prepareRun,
      log,
      ...(token === undefined ? {} : { apiToken: token }),
      ...(options.webDir === undefined ? {} : { webDir: options.webDir }),
      ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
      ...(options.configure === undefined ? {} : { configure: options.configure }),
    });
    await app.listen({ host, port });
  } catch (error) {
    await app?.close().catch(() => {});
    await store.close().catch(() => {});
    throw error;
  }
  const address = app.server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const running = app;
  return {
    url: `http://${shownHost}:${boundPort}`,
    app: running,
    store,
    async close() {
      await running.close();
      await store.close();
    },
  };
}
