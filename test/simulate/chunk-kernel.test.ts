import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChunkIO, type ChunkResult, simulateChunk } from '../../src/core/simulate/chunk.ts';
import { compileScenario } from '../../src/core/simulate/compile.ts';
import { NS, VS } from '../../src/core/simulate/state.ts';
import { patched, scenarioOf, smallScenarioDocument } from './scenarios.ts';

// What chunk.ts does around another kernel (the native one): what it hands over, and the JS path taking the
// chunk back when the kernel leaves a month's bands to JavaScript. Fake kernels, so it runs on every machine.

const compiled = compileScenario(scenarioOf(patched(smallScenarioDocument(), { paths: 40, months: 14 })));

const arrays = (r: ChunkResult) => ({
  variantFinals: Array.from(r.variantFinals),
  networkFinals: Array.from(r.networkFinals),
  netSums: Array.from(r.netSums),
  varSums: Array.from(r.varSums),
  netBands: Array.from(r.sampleSummary?.netBands ?? []),
  slotBands: Array.from(r.sampleSummary?.slotBands ?? []),
  flowSample: Array.from(r.sampleSummary?.flowSample ?? []),
});

describe('a chunk on another kernel', () => {
  it('falls back to the JavaScript path, bit for bit, when the kernel leaves bands to JavaScript', () => {
    let calls = 0;
    const refusing = () => {
      calls++;
      return false;
    };
    const js = simulateChunk(compiled, 0);
    const fallback = simulateChunk(compiled, 0, { kernel: refusing });
    assert.equal(calls, 1);
    assert.deepEqual(arrays(fallback), arrays(js));
  });

  it('hands chunk 0 month 0 of every band, the quantile levels and no raw sample unless kept', () => {
    let seen: ChunkIO | undefined;
    const keep = (_c: unknown, io: ChunkIO) => {
      seen = io;
      return true;
    };
    const result = simulateChunk(compiled, 0, { kernel: keep });
    if (!seen) throw new Error('the kernel was not called');
    const T1 = compiled.months + 1;
    assert.deepEqual(Array.from(seen.bandQuantiles), [0.05, 0.5, 0.95]);
    assert.equal(seen.sampleCount, 40);
    assert.equal(seen.netSample.length, 0);
    assert.equal(seen.varSample.length, 0);
    assert.equal(seen.slotBands.length, compiled.sampledVariants * VS * 3 * T1);
    assert.equal(seen.flowSample.length, compiled.sampledVariants * 40 * T1);
    // month 0: each percentile is the common starting value; the months after are the kernel's to fill
    for (let m = 0; m < NS; m++) {
      const p5: number = seen.netBands[m * 3 * T1]!;
      assert.ok(p5 > 0, `network series ${m} at month 0`);
      for (let q = 1; q < 3; q++) assert.equal(seen.netBands[(m * 3 + q) * T1], p5);
      assert.equal(seen.netBands[m * 3 * T1 + 1], 0);
    }
    assert.equal(result.sampleSummary?.netBands, seen.netBands);
    const kept = simulateChunk(compiled, 0, { keepSample: true, kernel: keep });
    assert.equal(seen.netSample.length, NS * 40 * T1);
    assert.equal(kept.sample?.netSample, seen.netSample);
  });

  it('later chunks carry no band outputs', () => {
    const two = compileScenario(scenarioOf(patched(smallScenarioDocument(), { paths: 5000, months: 3 })));
    const later = simulateChunk(two, 1);
    assert.equal(later.sampleSummary, undefined);
    assert.equal(later.n, 5000 - 4096);
  });
});
