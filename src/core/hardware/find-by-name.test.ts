import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ASIC_MODELS } from './asic-catalog.ts';
import { closestNames, editDistance } from './find-by-name.ts';

const names = ASIC_MODELS.map((m) => m.model);

describe('closestNames', () => {
  it('ranks names sharing the model number first: "S21 pro" suggests the S21 family', () => {
    assert.deepEqual(closestNames('S21 pro', names, 2), ['Antminer S21', 'Antminer S21+ Hydro']);
  });
  it('finds a near-miss spelling by edit distance', () => {
    assert.equal(closestNames('s19jpro', names, 1)[0], 'Antminer S19j Pro');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions (kitten -> sitting = 3)', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abc', 'abc'), 0);
  });
});
