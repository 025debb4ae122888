import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { halvingText } from './halving-text.ts';

describe('next halving sentence', () => {
  it('gives the median and the p5–p95 range', () => {
    assert.equal(
      halvingText({ p5: '2028-04-07', p50: '2028-04-12', p95: '2028-05-30' }),
      'Next halving: 2028-04-12 on the median path (p5–p95: 2028-04-07 to 2028-05-30).',
    );
  });

  it('says once that the halving lies past the horizon', () => {
    const after = 'after 2028-01-01';
    assert.equal(
      halvingText({ p5: after, p50: after, p95: after }),
      'Next halving: beyond the horizon on most paths (after 2028-01-01).',
    );
  });

  it('gives one date when the quantiles agree, trimming timestamps to the day', () => {
    assert.equal(
      halvingText({ p5: '2028-04-12T00:00:00Z', p50: '2028-04-12', p95: '2028-04-12' }),
      'Next halving: 2028-04-12.',
    );
  });
});
