import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SimulationResult } from '../../src/schema/simulation-result.ts';
import { engineWiring } from '../../src/server/engine-wiring.ts';
import { eventually, openTestStore, scenarioDoc, testServer } from './fixtures.ts';

type Run = { status: string; progress: number; error?: string; result?: unknown; params: unknown };

describe('a real Monte Carlo run through the API (worker threads, PostgreSQL store)', () => {
  let app: FastifyInstance;
  let dispose: () => Promise<void>;
  let scenarioId: string;
  before(async () => {
    const opened = await openTestStore('postgres');
    dispose = opened.dispose;
    app = await testServer(opened.store, { simulate: engineWiring().simulate, progressIntervalMs: 50 });
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', payload: scenarioDoc('real run') });
    assert.equal(res.statusCode, 201, res.body);
    scenarioId = res.json<{ id: string }>().id;
  });
  after(async () => {
    await app.close();
    await dispose();
  });

  const start = async (payload: Record<string, unknown>) => {
    const res = await app.inject({ method: 'POST', url: `/api/scenarios/${scenarioId}/runs`, payload });
    assert.equal(res.statusCode, 202, res.body);
    return res.json<{ id: string }>().id;
  };
  const finished = (id: string, seen: number[] = []) =>
    eventually(async () => {
      const run = (await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json<Run>();
      seen.push(run.progress);
      return run.status === 'queued' || run.status === 'running' ? undefined : run;
    }, 60_000);

  it('goes queued → running with rising progress → done, with a result the schema accepts', async () => {
    const seen: number[] = [];
    const run = await finished(await start({ paths: 20_000, seed: 7, months: 36 }), seen);
    assert.equal(run.status, 'done', run.error);
    assert.equal(run.progress, 1);
    for (let i = 1; i < seen.length; i++)
      assert.ok((seen[i] ?? 0) >= (seen[i - 1] ?? 0), 'progress never falls');
    // 20,000 paths are 5 chunks of ~0.4 s; progress is written every 50 ms, polled every 20 ms
    assert.ok(
      seen.some((p) => p > 0 && p < 1),
      `saw intermediate progress: ${[...new Set(seen)].join(', ')}`,
    );
    const result = SimulationResult.parse(run.result);
    assert.equal(result.paths, 20_000);
    assert.equal(result.seed, 7);
    assert.equal(result.months, 36);
    assert.equal(result.scenarioName, 'real run');
    assert.ok(result.strategies.length >= 2);
  });

  it('passes the seed through: the same seed gives the same result, another seed a different one', async () => {
    const a = await finished(await start({ paths: 256, seed: 11, months: 24 }));
    const b = await finished(await start({ paths: 256, seed: 11, months: 24 }));
    const c = await finished(await start({ paths: 256, seed: 12, months: 24 }));
    assert.equal(a.status, 'done', a.error);
    assert.deepEqual(a.result, b.result);
    assert.notDeepEqual(a.result, c.result);
  });

  it('refuses to run a bootstrap scenario that would read a server file', async () => {
    const doc = scenarioDoc('bootstrap');
    const market = doc.market as Record<string, unknown>;
    market.price = { model: 'bootstrap', startUsd: 90_000, driftPerYear: 0, coinMetricsCsv: '/etc/passwd' };
    const saved = await app.inject({ method: 'POST', url: '/api/scenarios', payload: doc });
    assert.equal(saved.statusCode, 201, saved.body);
    const res = await app.inject({
      method: 'POST',
      url: `/api/scenarios/${saved.json<{ id: string }>().id}/runs`,
      payload: { paths: 10 },
    });
    assert.equal(res.statusCode, 400);
    const issue = res.json<{ issues: { path: string; message: string }[] }>().issues[0];
    assert.equal(issue?.path, 'scenario.market.price.coinMetricsCsv');
    assert.match(issue?.message ?? '', /does not do for uploaded scenarios/);
  });
});
