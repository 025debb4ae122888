import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FrontierPoint } from '../api/types.ts';
import { bestAllocation, frontierColumns } from './frontier-columns.ts';

const point = (aiMw: number, mean: number, p5: number, shortfall: number): FrontierPoint => ({
  aiMw,
  strategy: `mullet @ ${aiMw} MW`,
  npvUsd: { p5, p50: mean, p95: mean * 2, mean },
  shortfallProbability: shortfall,
});

describe('allocation frontier columns', () => {
  it('sorts by AI MW and turns shortfall probability into percent', () => {
    const cols = frontierColumns([point(50, 3e6, -1e6, 0.1), point(0, 1e6, -5e6, 0.25)]);
    assert.deepEqual(cols.aiMw, [0, 50]);
    assert.deepEqual(cols.meanNpvUsd, [1e6, 3e6]);
    assert.deepEqual(cols.p5NpvUsd, [-5e6, -1e6]);
    assert.deepEqual(cols.shortfallPct, [25, 10]);
  });

  it('bestAllocation picks the highest mean NPV within the shortfall limit', () => {
    const points = [point(0, 1e6, 0, 0.01), point(25, 4e6, 0, 0.3), point(50, 3e6, 0, 0.04)];
    assert.equal(bestAllocation(points)?.aiMw, 25);
    assert.equal(bestAllocation(points, 0.05)?.aiMw, 50);
    assert.equal(bestAllocation(points, 0), undefined);
  });
});
