import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunParams } from '../store/records.ts';
import type { RunCollection } from '../store/store.ts';
import { createRunManager, type SimulateRun } from './run-manager.ts';

type Event = { op: string; id: string; value?: unknown; atMs: number };

/** An in-memory RunCollection that keeps the state machine and logs every write. */
function memoryRuns(options: { failFinish?: boolean } = {}) {
  const status = new Map<string, string>();
  const events: Event[] = [];
  const t0 = performance.now();
  const log = (op: string, id: string, value?: unknown) =>
    events.push({ op, id, value, atMs: performance.now() - t0 });
  const move = (id: string, from: string[], to: string) => {
    if (!from.includes(status.get(id) ?? '')) return false;
    status.set(id, to);
    return true;
  };
  const runs: RunCollection = {
    create: async () => undefined,
    get: async () => undefined,
    listForScenario: async () => [],
    markRunning: async (id) => {
      log('running', id);
      return move(id, ['queued'], 'running');
    },
    setProgress: async (id, p) => {
      log('progress', id, p);
      return status.get(id) === 'running';
    },
    finish: async (id, result) => {
      if (options.failFinish) throw new Error('database went away');
      log('done', id, result);
      return move(id, ['running'], 'done');
    },
    stop: async (id, s, error) => {
      log(s, id, error);
      return move(id, ['queued', 'running'], s);
    },
    interruptUnfinished: async () => 0,
  };
  return { runs, events, status, queue: (id: string) => status.set(id, 'queued') };
}

const params: RunParams = { paths: 10, seed: 1 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('createRunManager', () => {
  it('throttles progress writes to one per interval, never decreasing, none after the final write', async () => {
    const mem = memoryRuns();
    mem.queue('r1');
    // 300 progress reports over ~300 ms with a 50 ms interval: at most 300/50 + 1 = 7 writes (+1 for timer slack)
    const simulate: SimulateRun = async ({ onProgress }) => {
      for (let i = 1; i <= 300; i++) {
        onProgress(i / 300);
        if (i % 10 === 0) await sleep(10);
      }
      return { answer: 42 };
    };
    const manager = createRunManager({ runs: mem.runs, simulate, progressIntervalMs: 50, log: () => {} });
    manager.submit({ id: 'r1', scenarioId: 's', document: {}, params });
    await manager.idle();
    const progress = mem.events.filter((e) => e.op === 'progress');
    assert.ok(progress.length >= 2 && progress.length <= 8, `${progress.length} progress writes`);
    for (let i = 1; i < progress.length; i++) {
      assert.ok((progress[i]?.value as number) > (progress[i - 1]?.value as number), 'strictly increasing');
      assert.ok(
        (progress[i]?.atMs ?? 0) - (progress[i - 1]?.atMs ?? 0) >= 45,
        'spaced by the interval (5 ms slack)',
      );
    }
    const last = mem.events.at(-1);
    assert.deepEqual([last?.op, last?.value], ['done', { answer: 42 }]);
    assert.equal(mem.status.get('r1'), 'done');
  });

  it('runs one job at a time in submission order', async () => {
    const mem = memoryRuns();
    let active = 0;
    let maxActive = 0;
    const order: string[] = [];
    const simulate: SimulateRun = async ({ params: p }) => {
      active++;
      maxActive = Math.max(maxActive, active);
      order.push(String(p.seed));
      await sleep(5);
      active--;
      return p.seed;
    };
    const manager = createRunManager({ runs: mem.runs, simulate, log: () => {} });
    for (const seed of [1, 2, 3]) {
      mem.queue(`r${seed}`);
      manager.submit({ id: `r${seed}`, scenarioId: 's', document: {}, params: { paths: 1, seed } });
    }
    await manager.idle();
    assert.equal(maxActive, 1);
    assert.deepEqual(order, ['1', '2', '3']);
    assert.deepEqual(
      ['r1', 'r2', 'r3'].map((id) => mem.status.get(id)),
      ['done', 'done', 'done'],
    );
  });

  it('close() interrupts the running job and the queued ones', async () => {
    const mem = memoryRuns();
    const simulate: SimulateRun = ({ signal }) =>
      new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const manager = createRunManager({ runs: mem.runs, simulate, log: () => {} });
    for (const id of ['a', 'b']) {
      mem.queue(id);
      manager.submit({ id, scenarioId: 's', document: {}, params });
    }
    await sleep(10);
    await manager.close();
    assert.deepEqual(
      ['a', 'b'].map((id) => mem.status.get(id)),
      ['interrupted', 'interrupted'],
    );
    assert.throws(() => manager.submit({ id: 'c', scenarioId: 's', document: {}, params }), /closed/);
  });

  it('logs a store failure while finishing instead of crashing', async () => {
    const mem = memoryRuns({ failFinish: true });
    const lines: string[] = [];
    mem.queue('x');
    const manager = createRunManager({ runs: mem.runs, simulate: async () => 1, log: (l) => lines.push(l) });
    manager.submit({ id: 'x', scenarioId: 's', document: {}, params });
    await manager.idle();
    assert.deepEqual(lines, ['mullet serve: could not store a run result: database went away']);
  });
});
