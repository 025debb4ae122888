import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { colorAt, cssColorAt, normalize, robustDomain } from './color-scale.ts';

describe('heatmap color scale', () => {
  it('colorAt runs from dark purple to yellow and clamps outside 0..1', () => {
    assert.deepEqual(colorAt(0), [68, 1, 84]);
    assert.deepEqual(colorAt(1), [253, 231, 37]);
    assert.deepEqual(colorAt(-3), colorAt(0));
    assert.deepEqual(colorAt(7), colorAt(1));
  });

  it('colorAt gets brighter along the ramp (green channel rises)', () => {
    let previous = -1;
    for (let t = 0; t <= 1; t += 0.05) {
      const g = colorAt(t)[1];
      assert.ok(g >= previous, `green at ${t}`);
      previous = g;
    }
  });

  it('colorAt draws missing values in gray', () => {
    assert.equal(cssColorAt(Number.NaN), 'rgb(230, 230, 230)');
  });

  it('robustDomain ignores a few price spikes and says they are clipped', () => {
    const prices = Array.from({ length: 1000 }, (_, i) => 20 + (i % 50));
    prices[10] = 5000;
    prices[11] = -250;
    const d = robustDomain(prices);
    assert.ok(d.hi < 100, `hi ${d.hi}`);
    assert.ok(d.lo >= 20, `lo ${d.lo}`);
    assert.equal(d.clippedHigh, true);
    assert.equal(d.clippedLow, true);
  });

  it('robustDomain with lowQ 0 starts at the minimum and skips NaN', () => {
    const d = robustDomain([0, Number.NaN, 5, 10], 0, 1);
    assert.deepEqual(d, { lo: 0, hi: 10, clippedLow: false, clippedHigh: false });
  });

  it('robustDomain widens a flat series so normalize does not divide by zero', () => {
    const d = robustDomain([7, 7, 7]);
    assert.equal(d.hi - d.lo, 1);
    assert.equal(normalize(7, d), 0);
  });

  it('normalize clamps and passes NaN through', () => {
    assert.equal(normalize(15, { lo: 10, hi: 20 }), 0.5);
    assert.equal(normalize(99, { lo: 10, hi: 20 }), 1);
    assert.ok(Number.isNaN(normalize(Number.NaN, { lo: 0, hi: 1 })));
  });
});
