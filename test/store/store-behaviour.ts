import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { SqlStoreOptions } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/store.ts';

/** Opens the same underlying database every time it is called (so reopening shows what persisted). */
export type OpenTestStore = (options: SqlStoreOptions) => Promise<Store>;

/** A clock that ticks one second per reading from 2026-01-01, so orderings and timestamps are exact. */
export function steppingClock(startMs = Date.UTC(2026, 0, 1)): () => Date {
  let t = startMs;
  return () => {
    const d = new Date(t);
    t += 1000;
    return d;
  };
}

/**
 * The one behaviour suite every {@link Store} implementation must pass (embedded PGlite and PostgreSQL),
 * after Hono's `common.case.test.ts`: same cases, same expectations, different engines.
 */
export function storeBehaviour(label: string, open: OpenTestStore): void {
  describe(`Store behaviour: ${label}`, () => {
    let store: Store;
    before(async () => {
      store = await open({ now: steppingClock() });
    });
    after(async () => {
      await store.close();
    });

    it('round-trips a document through create, get, list, update and remove', async () => {
      const doc = { name: 'Permian mullet', company: { sites: [{ interconnectMw: 100, note: 'é ☃' }] } };
      const created = await store.scenarios.create({ name: 'Permian mullet', document: doc });
      assert.equal(created.name, 'Permian mullet');
      assert.deepEqual(created.document, doc);
      assert.equal(created.createdAt, created.updatedAt);
      assert.match(created.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

      const got = await store.scenarios.get(created.id);
      assert.deepEqual(got, created);

      const listed = await store.scenarios.list();
      const summary = listed.find((s) => s.id === created.id);
      assert.deepEqual(summary, {
        id: created.id,
        name: created.name,
        createdAt: created.createdAt,
        updatedAt: created.updatedAt,
      });

      const doc2 = { ...doc, name: 'Permian pivot' };
      const updated = await store.scenarios.update(created.id, { name: 'Permian pivot', document: doc2 });
      assert.ok(updated);
      assert.equal(updated.createdAt, created.createdAt);
      assert.ok(updated.updatedAt > created.updatedAt, 'updatedAt moves forward');
      assert.deepEqual((await store.scenarios.get(created.id))?.document, doc2);

      assert.equal(await store.scenarios.remove(created.id), true);
      assert.equal(await store.scenarios.get(created.id), undefined);
      assert.equal(await store.scenarios.remove(created.id), false);
      assert.equal(await store.scenarios.update(created.id, { name: 'x', document: {} }), undefined);
    });

    it('keeps the key order of a saved document, as its author wrote it', async () => {
      // jsonb would hand these back sorted (by length, then bytes): id, name, months, company
      const doc = { name: 'x', months: 120, company: { sites: [] }, id: 'first-written-last' };
      const created = await store.scenarios.create({ name: 'x', document: doc });
      const got = await store.scenarios.get(created.id);
      assert.deepEqual(Object.keys(got?.document as object), ['name', 'months', 'company', 'id']);
      await store.scenarios.remove(created.id);
    });

    it('keeps scenarios and sites apart and lists the latest update first', async () => {
      const before = await store.sites.count();
      const a = await store.sites.create({ name: 'a', document: { name: 'a' } });
      const b = await store.sites.create({ name: 'b', document: { name: 'b' } });
      await store.sites.update(a.id, { name: 'a2', document: { name: 'a2' } });
      assert.equal(await store.sites.count(), before + 2);
      assert.equal(await store.scenarios.get(a.id), undefined);
      const ids = (await store.sites.list()).map((s) => s.id);
      assert.ok(ids.indexOf(a.id) < ids.indexOf(b.id), 'a was updated after b was created');
    });

    it('stores any JSON document exactly (property, 40 documents)', async () => {
      const json = fc
        .jsonValue({ maxDepth: 3 })
        // PostgreSQL's jsonb cannot hold U+0000 (tested below as a rejected write)
        .filter((v) => !JSON.stringify(v).includes('\\u0000'));
      await fc.assert(
        fc.asyncProperty(json, async (value) => {
          const expected: unknown = JSON.parse(JSON.stringify(value));
          const created = await store.sites.create({ name: 'p', document: value });
          const got = await store.sites.get(created.id);
          assert.deepEqual(got?.document, expected);
          await store.sites.remove(created.id);
        }),
        { numRuns: 40, seed: 20_260_101 },
      );
    });

    it('createMany writes all documents or none', async () => {
      const before = await store.scenarios.count();
      await assert.rejects(
        store.scenarios.createMany([
          { name: 'ok', document: { name: 'ok' } },
          // a null name breaks the not-null constraint on the second insert
          { name: null as unknown as string, document: { name: 'bad' } },
        ]),
      );
      assert.equal(await store.scenarios.count(), before, 'the first insert was rolled back');
      const made = await store.scenarios.createMany([
        { name: 'one', document: { n: 1 } },
        { name: 'two', document: { n: 2 } },
      ]);
      assert.deepEqual(
        made.map((m) => m.name),
        ['one', 'two'],
      );
      assert.equal(await store.scenarios.count(), before + 2);
    });

    it('walks a run through queued, running and done, and refuses moves out of order', async () => {
      const scenario = await store.scenarios.create({ name: 's', document: { name: 's' } });
      assert.equal(await store.runs.create('no-such-scenario', { paths: 10, seed: 1 }), undefined);
      const run = await store.runs.create(scenario.id, { paths: 10, seed: 7, months: 12 });
      assert.ok(run);
      assert.equal(run.status, 'queued');
      assert.equal(run.progress, 0);
      assert.deepEqual(run.params, { paths: 10, seed: 7, months: 12 });
      assert.equal(run.startedAt, undefined);

      assert.equal(await store.runs.setProgress(run.id, 0.5), false, 'a queued run has no progress');
      assert.equal(await store.runs.finish(run.id, {}), false, 'a queued run cannot finish');
      assert.equal(await store.runs.markRunning(run.id), true);
      assert.equal(await store.runs.markRunning(run.id), false);
      assert.equal(await store.runs.setProgress(run.id, 0.25), true);
      const running = await store.runs.get(run.id);
      assert.equal(running?.status, 'running');
      assert.equal(running?.progress, 0.25);
      assert.ok(running?.startedAt);
      assert.equal(await store.runs.setProgress(run.id, 7), true);
      assert.equal((await store.runs.get(run.id))?.progress, 1, 'progress is clamped to 1');

      const result = { strategies: [{ name: 'mullet', npvUsd: { p5: -1.5, p50: 2e8, p95: 3.25e8 } }] };
      assert.equal(await store.runs.finish(run.id, result), true);
      const done = await store.runs.get(run.id);
      assert.equal(done?.status, 'done');
      assert.equal(done?.progress, 1);
      assert.deepEqual(done?.result, result);
      assert.ok(done?.finishedAt && done.startedAt && done.finishedAt > done.startedAt);
      assert.equal(await store.runs.stop(run.id, 'failed', 'late'), false, 'a done run stays done');
      assert.equal(await store.runs.setProgress(run.id, 0.1), false);

      const summaries = await store.runs.listForScenario(scenario.id);
      assert.deepEqual(
        summaries.map((s) => [s.id, s.status]),
        [[run.id, 'done']],
      );
      assert.equal('result' in (summaries[0] ?? {}), false, 'listings carry no result');
    });

    it('records a failure with its message', async () => {
      const scenario = await store.scenarios.create({ name: 'f', document: {} });
      const run = await store.runs.create(scenario.id, { paths: 1, seed: 0 });
      assert.ok(run);
      await store.runs.markRunning(run.id);
      assert.equal(await store.runs.stop(run.id, 'failed', 'simulator threw'), true);
      const failed = await store.runs.get(run.id);
      assert.equal(failed?.status, 'failed');
      assert.equal(failed?.error, 'simulator threw');
      assert.equal(failed?.result, undefined);
    });

    it('marks queued and running runs interrupted, leaving finished ones alone', async () => {
      await store.runs.interruptUnfinished('earlier test leftovers');
      const scenario = await store.scenarios.create({ name: 'i', document: {} });
      const queued = await store.runs.create(scenario.id, { paths: 1, seed: 1 });
      const running = await store.runs.create(scenario.id, { paths: 1, seed: 2 });
      const done = await store.runs.create(scenario.id, { paths: 1, seed: 3 });
      assert.ok(queued && running && done);
      await store.runs.markRunning(running.id);
      await store.runs.markRunning(done.id);
      await store.runs.finish(done.id, { ok: true });
      assert.equal(await store.runs.interruptUnfinished('process stopped'), 2);
      assert.equal((await store.runs.get(queued.id))?.status, 'interrupted');
      const r = await store.runs.get(running.id);
      assert.equal(r?.status, 'interrupted');
      assert.equal(r?.error, 'process stopped');
      assert.equal((await store.runs.get(done.id))?.status, 'done');
      assert.equal(await store.runs.interruptUnfinished('again'), 0);
    });

    it('removes a scenario’s runs with the scenario', async () => {
      const scenario = await store.scenarios.create({ name: 'r', document: {} });
      const run = await store.runs.create(scenario.id, { paths: 1, seed: 1 });
      assert.ok(run);
      await store.scenarios.remove(scenario.id);
      assert.equal(await store.runs.get(run.id), undefined);
    });

    it('sets a flag once and remembers it', async () => {
      assert.equal(await store.flags.has('examples-loaded'), false);
      await store.flags.set('examples-loaded');
      await store.flags.set('examples-loaded');
      assert.equal(await store.flags.has('examples-loaded'), true);
      assert.equal(await store.flags.has('other'), false);
    });

    it('keeps everything across close and reopen (migrations are idempotent)', async () => {
      const kept = await store.scenarios.create({ name: 'kept', document: { name: 'kept', x: [1, 2, 3] } });
      const run = await store.runs.create(kept.id, { paths: 3, seed: 3 });
      assert.ok(run);
      await store.runs.markRunning(run.id);
      await store.close();
      store = await open({ now: steppingClock(Date.UTC(2026, 6, 1)) });
      assert.deepEqual((await store.scenarios.get(kept.id))?.document, { name: 'kept', x: [1, 2, 3] });
      assert.equal((await store.runs.get(run.id))?.status, 'running', 'the store itself does not interrupt');
      assert.equal(await store.flags.has('examples-loaded'), true);
    });
  });
}
