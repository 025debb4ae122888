import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simulateSync } from '../../src/core/simulate/engine.ts';
import { runSimulation } from '../../src/jobs/simulate-pool.ts';
import { patched, scenarioOf, smallScenarioDocument } from './scenarios.ts';

// 9,000 paths = 3 chunks (4,096 + 4,096 + 808), so two threads really split the work.
const scenario = scenarioOf(patched(smallScenarioDocument(), { paths: 9000, months: 18 }));

describe('seed determinism', () => {
  it('gives byte-identical JSON for 1, 2 and 3 threads, with or without the calling thread, and simulateSync', async () => {
    const one = JSON.stringify(await runSimulation(scenario, { threads: 1 }));
    const two = JSON.stringify(await runSimulation(scenario, { threads: 2 }));
    const sync = JSON.stringify(simulateSync(scenario));
    assert.equal(two, one);
    assert.equal(sync, one);
    for (const threads of [2, 3]) {
      const caller = JSON.stringify(await runSimulation(scenario, { threads, callerSimulates: true }));
      assert.equal(caller, one, `${threads} threads, one of them the caller`);
    }
  });

  it('gives different paths for a different seed, and honours paths/months overrides', async () => {
    const a = await runSimulation(scenario, { threads: 1, paths: 300, months: 6, seed: 1 });
    const b = await runSimulation(scenario, { threads: 1, paths: 300, months: 6, seed: 2 });
    assert.equal(a.paths, 300);
    assert.equal(a.months, 6);
    assert.equal(a.dates.length, 7);
    assert.notEqual(a.network.priceEndUsd.p50, b.network.priceEndUsd.p50);
  });

  it('reports progress up to 1 and stops when aborted', async () => {
    const seen: number[] = [];
    await runSimulation(scenario, { threads: 1, onProgress: (f) => seen.push(f) });
    assert.deepEqual(seen, [1 / 3, 2 / 3, 1]);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await assert.rejects(runSimulation(scenario, { threads: 2, signal: controller.signal }), /stop/);
    const seenHere: number[] = [];
    await runSimulation(scenario, { threads: 2, callerSimulates: true, onProgress: (f) => seenHere.push(f) });
    assert.deepEqual(seenHere, [1 / 3, 2 / 3, 1]);
    const later = new AbortController();
    const run = runSimulation(scenario, {
      threads: 2,
      callerSimulates: true,
      signal: later.signal,
      onProgress: () => later.abort(new Error('stopped mid-run')),
    });
    await assert.rejects(run, /stopped mid-run/);
  });
});
