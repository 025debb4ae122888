import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fanColumns, fanReadout, fanSeriesIndex, formatDay, monthTimesS, runTimesS } from './fan-band.ts';

describe('fan band shaping', () => {
  it('monthTimesS gives the first of each month in UTC, months + 1 points', () => {
    const xs = monthTimesS('2025-01-01', 3);
    assert.deepEqual(
      xs.map((s) => new Date(s * 1000).toISOString().slice(0, 10)),
      ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01'],
    );
  });

  it('monthTimesS rolls over the year end', () => {
    const xs = monthTimesS('2025-11-01T00:00:00Z', 2);
    assert.equal(new Date(xs[2]! * 1000).toISOString().slice(0, 10), '2026-01-01');
  });

  it('monthTimesS rejects a date that does not parse', () => {
    assert.throws(() => monthTimesS('soon', 2), /startDate/);
  });

  it('fanColumns lays out p5, p50, p95 per band after x and applies the scale', () => {
    const band = { p5: [0.01, 0.02], p50: [0.02, 0.03], p95: [0.03, 0.05], mean: [0.02, 0.03] };
    const cols = fanColumns([0, 1], [band, band], 100);
    assert.equal(cols.length, 7);
    assert.deepEqual(cols[fanSeriesIndex(1).p95], [3, 5]);
    assert.deepEqual(cols[fanSeriesIndex(0).p5], [1, 2]);
  });

  it('fanColumns pads a short band with gaps and turns NaN into a gap', () => {
    const band = { p5: [1], p50: [Number.NaN], p95: [3], mean: [2] };
    const cols = fanColumns([0, 1, 2], [band]);
    assert.deepEqual(cols[1], [1, null, null]);
    assert.deepEqual(cols[2], [null, null, null]);
  });

  it('runTimesS uses the result dates when there is one per month boundary', () => {
    const xs = runTimesS({
      startDate: '2025-01-01',
      months: 1,
      dates: ['2025-01-01', '2025-01-31T10:30:00Z'],
    });
    assert.deepEqual(xs, [Date.UTC(2025, 0, 1) / 1000, Date.UTC(2025, 0, 31, 10, 30) / 1000]);
  });

  it('runTimesS falls back to calendar months when dates are missing or do not match', () => {
    const expected = monthTimesS('2025-01-01', 2);
    assert.deepEqual(runTimesS({ startDate: '2025-01-01', months: 2 }), expected);
    assert.deepEqual(runTimesS({ startDate: '2025-01-01', months: 2, dates: ['2025-01-01'] }), expected);
  });

  it('formatDay keeps the day of a timestamp and leaves other texts alone', () => {
    assert.equal(formatDay('2028-04-12T00:00:00Z'), '2028-04-12');
    assert.equal(formatDay('2028-04-12'), '2028-04-12');
    assert.equal(formatDay('after 2035-01-01'), 'after 2035-01-01');
  });

  it('fanReadout gives each band its median and p5–p95 range at the hovered month', () => {
    const a = { p5: [1, 2], p50: [3, 4], p95: [5, 6], mean: [3, 4] };
    const b = { p5: [10, Number.NaN], p50: [20, 30], p95: [40, 50], mean: [20, 30] };
    const cols = fanColumns([0, 1], [a, b]);
    assert.deepEqual(
      fanReadout(cols, ['a', 'b'], 1, (v) => `${v}`),
      [
        { name: 'a', p50: '4', range: '2 – 6' },
        { name: 'b', p50: '30', range: '— – 50' },
      ],
    );
  });
});
