import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parse as parseYaml } from 'yaml';
import type { SimulateRun } from '../../src/jobs/run-manager.ts';
import { buildServer } from '../../src/server/app.ts';
import { engineWiring } from '../../src/server/engine-wiring.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../store/postgres-fixture.ts';

export type StoreKind = 'embedded' | 'postgres';

/** A store on a real engine: PGlite in a fresh temp dir, or a fresh schema of the test PostgreSQL database. */
export async function openTestStore(kind: StoreKind): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (kind === 'embedded') {
    const dataDir = await mkdtemp(join(tmpdir(), 'mullet-server-'));
    const store = await openStore({ kind: 'embedded', dataDir });
    return {
      store,
      async dispose() {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = freshSchemaName('mullet_server');
  const store = await openStore(
    { kind: 'postgres', databaseUrl: TEST_DATABASE_URL, dataDir: '/nonexistent' },
    { schema },
  );
  return {
    store,
    async dispose() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** A simulator stand-in for tests that are about the service, not the simulation: reports progress, returns a tag. */
export function stubSimulate(options: { steps?: number; stepMs?: number; fail?: string } = {}): SimulateRun {
  const steps = options.steps ?? 4;
  const stepMs = options.stepMs ?? 5;
  return async ({ params, onProgress, signal }) => {
    for (let i = 1; i <= steps; i++) {
      await new Promise((resolve) => setTimeout(resolve, stepMs));
      if (signal.aborted) throw new Error('aborted');
      onProgress(i / steps);
    }
    if (options.fail !== undefined) throw new Error(options.fail);
    return { stub: true, paths: params.paths, seed: params.seed };
  };
}

/** buildServer with the real document validation and a given simulator, on `store`. */
export async function testServer(
  store: Store,
  options: { simulate?: SimulateRun; apiToken?: string; webDir?: string; progressIntervalMs?: number } = {},
): Promise<FastifyInstance> {
  const engines = engineWiring();
  return buildServer({
    store,
    kinds: engines.kinds,
    simulate: options.simulate ?? stubSimulate(),
    resultSchema: engines.resultSchema,
    prepareRun: engines.prepareRun,
    log: () => {},
    webDir: options.webDir ?? '/nonexistent-web-dist',
    ...(options.apiToken === undefined ? {} : { apiToken: options.apiToken }),
    ...(options.progressIntervalMs === undefined ? {} : { progressIntervalMs: options.progressIntervalMs }),
  });
}

/** A valid site document (src/schema/site.ts). */
export function siteDoc(name = 'west-texas-mullet'): Record<string, unknown> {
  return {
    name,
    interconnectMw: 100,
    ai: { firmMw: 30, leaseUsdPerKwMonth: 120, pue: 1.3, powerPassThrough: true },
    mining: { poolFee: 0.02, tiers: [{ model: 'Antminer S21', units: 10_000 }] },
    power: { kind: 'index', node: 'HB_WEST', adderUsdPerMwh: 4 },
  };
}

const EXAMPLE_SCENARIO = parseYaml(
  readFileSync(new URL('../../examples/mid-size-miner.yaml', import.meta.url), 'utf8'),
  {
    merge: true,
  },
) as Record<string, unknown>;

/** A valid scenario document: the worked example (examples/mid-size-miner.yaml, merge keys resolved), renamed. */
export function scenarioDoc(name = 'Permian mullet'): Record<string, unknown> {
  return { ...structuredClone(EXAMPLE_SCENARIO), name };
}

/** Polls `check` every 20 ms until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
