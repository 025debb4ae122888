import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { SimulateRun } from '../../src/jobs/run-manager.ts';
import type { Store } from '../../src/store/store.ts';
import { eventually, openTestStore, scenarioDoc, stubSimulate, testServer } from './fixtures.ts';

type Run = {
  id: string;
  scenarioId: string;
  status: string;
  progress: number;
  params: { paths: number; seed: number; months?: number };
  error?: string;
  result?: unknown;
  startedAt?: string;
  finishedAt?: string;
};

/** A simulator the test steps by hand: each `advance(f)` reports progress f; `finish(v)` ends the run. */
function steppedSimulate() {
  let progress: ((f: number) => void) | undefined;
  let settle: { resolve: (v: unknown) => void; reject: (e: Error) => void } | undefined;
  let started: () => void = () => {};
  const startedOnce = new Promise<void>((resolve) => {
    started = resolve;
  });
  const simulate: SimulateRun = ({ onProgress, signal }) =>
    new Promise((resolve, reject) => {
      progress = onProgress;
      settle = { resolve, reject };
      signal.addEventListener('abort', () => reject(new Error('aborted')));
      started();
    });
  return {
    simulate,
    started: startedOnce,
    advance: (f: number) => progress?.(f),
    finish: (v: unknown) => settle?.resolve(v),
    fail: (message: string) => settle?.reject(new Error(message)),
  };
}

describe('simulation runs over HTTP (embedded store)', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  before(async () => {
    ({ store, dispose } = await openTestStore('embedded'));
  });
  after(() => dispose());

  async function withServer<T>(simulate: SimulateRun, fn: (app: FastifyInstance) => Promise<T>): Promise<T> {
    const app = await testServer(store, { simulate, progressIntervalMs: 20 });
    try {
      return await fn(app);
    } finally {
      await app.close();
    }
  }
  const createScenario = async (app: FastifyInstance, name: string) =>
    (await app.inject({ method: 'POST', url: '/api/scenarios', payload: scenarioDoc(name) })).json<{
      id: string;
    }>().id;
  const getRun = async (app: FastifyInstance, id: string) =>
    (await app.inject({ method: 'GET', url: `/api/runs/${id}` })).json<Run>();

  it('answers 202 at once, then goes queued → running (with progress) → done with the result', async () => {
    const sim = steppedSimulate();
    await withServer(sim.simulate, async (app) => {
      const scenarioId = await createScenario(app, 'lifecycle');
      const res = await app.inject({
        method: 'POST',
        url: `/api/scenarios/${scenarioId}/runs`,
        payload: { paths: 64, seed: 9 },
      });
      assert.equal(res.statusCode, 202);
      const { id, status } = res.json<{ id: string; status: string }>();
      assert.equal(status, 'queued');
      assert.equal(res.headers.location, `/api/runs/${id}`);

      await sim.started;
      const running = await eventually(async () => {
        const r = await getRun(app, id);
        return r.status === 'running' ? r : undefined;
      });
      assert.equal(running.progress, 0);
      assert.deepEqual(running.params, { paths: 64, seed: 9 });
      assert.equal(running.result, undefined);

      sim.advance(0.4);
      const partway = await eventually(async () => {
        const r = await getRun(app, id);
        return r.progress === 0.4 ? r : undefined;
      });
      assert.equal(partway.status, 'running');

      sim.finish({ scenarioName: 'lifecycle', paths: 64 });
      const done = await eventually(async () => {
        const r = await getRun(app, id);
        return r.status === 'done' ? r : undefined;
      });
      assert.equal(done.progress, 1);
      assert.deepEqual(done.result, { scenarioName: 'lifecycle', paths: 64 });
      assert.ok(done.startedAt && done.finishedAt);

      const list = await app.inject({ method: 'GET', url: `/api/scenarios/${scenarioId}/runs` });
      assert.deepEqual(
        list.json<Run[]>().map((r) => [r.id, r.status, r.progress]),
        [[id, 'done', 1]],
      );
    });
  });

  it('takes paths and seed from the scenario when the body is empty, and records a failure message', async () => {
    await withServer(stubSimulate({ fail: 'paths diverged' }), async (app) => {
      const scenarioId = await createScenario(app, 'failing');
      const res = await app.inject({ method: 'POST', url: `/api/scenarios/${scenarioId}/runs` });
      assert.equal(res.statusCode, 202);
      const { id } = res.json<{ id: string }>();
      const failed = await eventually(async () => {
        const r = await getRun(app, id);
        return r.status === 'failed' ? r : undefined;
      });
      assert.equal(failed.error, 'paths diverged');
      // the worked example's own settings (examples/mid-size-miner.yaml: paths 20000, seed 2025)
      assert.deepEqual(failed.params, { paths: 20_000, seed: 2025 });
      assert.equal(failed.result, undefined);
    });
  });

  it('rejects bad run parameters at their paths', async () => {
    await withServer(stubSimulate(), async (app) => {
      const scenarioId = await createScenario(app, 'params');
      const res = await app.inject({
        method: 'POST',
        url: `/api/scenarios/${scenarioId}/runs`,
        payload: { paths: 0, seed: -1, months: 1.5 },
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(
        res.json<{ issues: { path: string }[] }>().issues.map((i) => i.path),
        ['body.paths', 'body.seed', 'body.months'],
      );
      const runs = await app.inject({ method: 'GET', url: `/api/scenarios/${scenarioId}/runs` });
      assert.deepEqual(runs.json(), [], 'no run was created');
    });
  });

  it('deleting a scenario stops its run and removes it', async () => {
    const sim = steppedSimulate();
    await withServer(sim.simulate, async (app) => {
      const scenarioId = await createScenario(app, 'doomed');
      const { id } = (
        await app.inject({ method: 'POST', url: `/api/scenarios/${scenarioId}/runs`, payload: {} })
      ).json<{ id: string }>();
      await sim.started;
      const del = await app.inject({ method: 'DELETE', url: `/api/scenarios/${scenarioId}` });
      assert.equal(del.statusCode, 204);
      assert.equal((await app.inject({ method: 'GET', url: `/api/runs/${id}` })).statusCode, 404);
    });
  });

  it('marks a run interrupted when the server stops under it, and again on the next start', async () => {
    const sim = steppedSimulate();
    let runId = '';
    await withServer(sim.simulate, async (app) => {
      const scenarioId = await createScenario(app, 'stopped');
      runId = (
        await app.inject({ method: 'POST', url: `/api/scenarios/${scenarioId}/runs`, payload: { paths: 5 } })
      ).json<{ id: string }>().id;
      await sim.started;
      sim.advance(0.5);
    });
    const after = await store.runs.get(runId);
    assert.equal(after?.status, 'interrupted');
    assert.equal(after?.error, 'the server stopped');
  });
});
