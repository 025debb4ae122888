import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bestIndexes } from './best-value.ts';

describe('best value among strategies', () => {
  it('marks the highest, or the lowest when lower is better', () => {
    assert.deepEqual([...bestIndexes([1, 5, 3], true)], [1]);
    assert.deepEqual([...bestIndexes([0.2, 0.05, 0.1], false)], [1]);
  });

  it('marks every tied best value', () => {
    assert.deepEqual([...bestIndexes([5, 1, 5], true)], [0, 2]);
  });

  it('marks nothing when all are equal or there is only one', () => {
    assert.equal(bestIndexes([0, 0, 0], true).size, 0);
    assert.equal(bestIndexes([7], true).size, 0);
  });

  it('never marks a missing value', () => {
    assert.deepEqual([...bestIndexes([null, 2, Number.NaN, 1], true)], [1]);
  });
});
