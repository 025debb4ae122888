import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { npvUsd } from '../../src/core/economics/npv.ts';
import { simulateChunk } from '../../src/core/simulate/chunk.ts';
import { compileScenario } from '../../src/core/simulate/compile.ts';
import { VARIANT_FINALS, VF } from '../../src/core/simulate/state.ts';
import { patched, scenarioOf, smallScenarioDocument } from './scenarios.ts';

describe('NPV bookkeeping', () => {
  it('equals npvUsd of each path’s recorded monthly flows (month 0: −start value, month T: + terminal value)', () => {
    // The kernel accumulates discounted flows month by month; chunk 0 keeps the undiscounted flows of its first
    // paths (for the IRRs). Both must agree to rounding for every such path of every variant (relative 1e-9 of
    // the flows' scale).
    const c = compileScenario(scenarioOf(patched(smallScenarioDocument(), { paths: 300, months: 30 })));
    const chunk = simulateChunk(c, 0);
    const { flowSample, irrPaths } = chunk.sampleSummary!;
    assert.equal(irrPaths, 300);
    const n = chunk.n;
    const T1 = c.months + 1;
    const npvRow = VARIANT_FINALS.indexOf('npvUsd');
    let checked = 0;
    for (let v = 0; v < c.variants.length; v++)
      for (let p = 0; p < irrPaths; p++) {
        // only strategies keep a monthly sample (a frontier-only point has none)
        const slot = c.sampleSlot[v]!;
        if (slot < 0) continue;
        checked++;
        const flows = Float64Array.from(
          { length: T1 },
          (_, t) => flowSample[(slot * T1 + t) * irrPaths + p]!,
        );
        const scale = flows.reduce((s, x) => s + Math.abs(x), 0);
        const expected = npvUsd(flows, c.discountRatePerMonth);
        const got = chunk.variantFinals[(v * VF + npvRow) * n + p]!;
        assert.ok(
          Math.abs(got - expected) <= 1e-9 * scale,
          `${c.variants[v]!.name} path ${p}: ${got} vs ${expected}`,
        );
      }
    assert.ok(checked >= 300 * 2, `checked ${checked} sampled paths`);
  });
});
