import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binHourByDay, dayOfYear, monthTicks } from './heatmap-grid.ts';

function hours(startIso: string, n: number): string[] {
  const t0 = Date.parse(startIso);
  return Array.from({ length: n }, (_, i) => new Date(t0 + i * 3_600_000).toISOString());
}

describe('hour-by-day heatmap binning', () => {
  it('puts each hour of a UTC day in its own row of one column', () => {
    const grid = binHourByDay(
      hours('2023-01-01T00:00:00Z', 48),
      Array.from({ length: 48 }, (_, i) => i),
    );
    assert.equal(grid.days, 2);
    assert.equal(grid.cells[0 * 24 + 5], 5);
    assert.equal(grid.cells[1 * 24 + 23], 47);
    assert.equal(grid.min, 0);
    assert.equal(grid.max, 47);
  });

  it('shifts the clock: 06:00 UTC is midnight at UTC−6, and the first UTC hours fall on the day before', () => {
    const grid = binHourByDay(
      hours('2023-01-01T00:00:00Z', 24),
      Array.from({ length: 24 }, (_, i) => i),
      -6,
    );
    assert.equal(grid.days, 2);
    assert.equal(new Date(grid.firstDayMs).toISOString().slice(0, 10), '2022-12-31');
    assert.equal(grid.cells[0 * 24 + 18], 0); // 00:00 UTC = 18:00 on Dec 31
    assert.equal(grid.cells[1 * 24 + 0], 6); // 06:00 UTC = 00:00 on Jan 1
    assert.ok(Number.isNaN(grid.cells[0]!));
  });

  it('averages sub-hourly values that share a cell and leaves missing hours NaN', () => {
    const times = ['2023-03-01T10:00:00Z', '2023-03-01T10:15:00Z', '2023-03-01T12:00:00Z'];
    const grid = binHourByDay(times, [10, 20, 7]);
    assert.equal(grid.cells[10], 15);
    assert.ok(Number.isNaN(grid.cells[11]!));
    assert.equal(grid.cells[12], 7);
  });

  it('skips values that are not finite', () => {
    const grid = binHourByDay(['2023-03-01T10:00:00Z', '2023-03-01T11:00:00Z'], [Number.NaN, 3]);
    assert.ok(Number.isNaN(grid.cells[10]!));
    assert.equal(grid.min, 3);
  });

  it('rejects mismatched arrays and unparseable times', () => {
    assert.throws(() => binHourByDay(['2023-01-01T00:00:00Z'], []), /1 timestamps but 0 values/);
    assert.throws(() => binHourByDay(['noon'], [1]), /timeUtc\[0\]/);
  });

  it('gives an empty grid for an empty series', () => {
    const grid = binHourByDay([], []);
    assert.equal(grid.days, 0);
    assert.ok(Number.isNaN(grid.min));
  });

  it('a full year of 2023 gives 365 columns and twelve month ticks', () => {
    const grid = binHourByDay(hours('2023-01-01T00:00:00Z', 8760), new Array<number>(8760).fill(1));
    assert.equal(grid.days, 365);
    const ticks = monthTicks(grid);
    assert.equal(ticks.length, 12);
    assert.deepEqual(ticks[1], { day: 31, label: 'Feb' });
    assert.equal(dayOfYear(grid.firstDayMs + 364 * 86_400_000), 365);
  });
});
