import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { centralDstDay, centralFields, centralToUtcMs, utcToCentral } from './central-time.ts';

const utc = (y: number, m: number, d: number, wallMinute: number, repeated = false) => {
  const r = centralToUtcMs(y, m, d, wallMinute, repeated);
  return r.ok ? new Date(r.utcMs).toISOString() : r.reason;
};

describe('Central prevailing time', () => {
  it('knows the 2023 and 2024 switch days (second Sunday of March, first Sunday of November)', () => {
    assert.equal(centralDstDay(2023, 3, 12), 'spring-forward');
    assert.equal(centralDstDay(2023, 11, 5), 'fall-back');
    assert.equal(centralDstDay(2024, 3, 10), 'spring-forward');
    assert.equal(centralDstDay(2024, 11, 3), 'fall-back');
    assert.equal(centralDstDay(2023, 3, 5), null);
  });

  it('maps wall clock to UTC across both switches (as the data kit’s DAM table does)', () => {
    assert.equal(utc(2023, 1, 1, 0), '2023-01-01T06:00:00.000Z'); // CST
    assert.equal(utc(2023, 3, 12, 60), '2023-03-12T07:00:00.000Z'); // 01:00 CST
    assert.match(utc(2023, 3, 12, 120), /does not exist/);
    assert.equal(utc(2023, 3, 12, 180), '2023-03-12T08:00:00.000Z'); // 03:00 CDT
    assert.equal(utc(2023, 11, 5, 60), '2023-11-05T06:00:00.000Z'); // first 01:00 (CDT)
    assert.equal(utc(2023, 11, 5, 60, true), '2023-11-05T07:00:00.000Z'); // repeated 01:00 (CST)
    assert.equal(utc(2023, 11, 5, 120), '2023-11-05T08:00:00.000Z');
    assert.match(utc(2023, 7, 1, 60, true), /repeated hour/);
  });

  it('round-trips: the Central fields of a UTC hour map back to it (property, 2018-2030)', () => {
    fc.assert(
      fc.property(
        fc.integer({
          min: Date.parse('2018-01-01T00:00:00Z') / 3.6e6,
          max: Date.parse('2030-12-31T00:00:00Z') / 3.6e6,
        }),
        (hourIndex) => {
          const t = hourIndex * 3.6e6;
          const c = utcToCentral(t);
          const firstBack = centralToUtcMs(c.year, c.month, c.day, c.hour * 60, false);
          const secondBack = centralToUtcMs(c.year, c.month, c.day, c.hour * 60, true);
          const hits = [firstBack, secondBack].filter((r) => r.ok && r.utcMs === t);
          assert.equal(hits.length, 1);
          const f = centralFields(Float64Array.of(t));
          assert.equal(f.yearMonth[0], c.year * 100 + c.month);
          assert.equal(f.hour[0], c.hour);
          assert.equal(f.weekday[0], c.weekday);
        },
      ),
      { numRuns: 500, seed: 42 },
    );
  });
});
