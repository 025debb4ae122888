import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../core/errors.ts';
import { parsePriceText, priceReportWarnings } from './prices.ts';

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const fails = (fn: () => unknown, check: (e: InputError) => boolean) =>
  assert.throws(fn, (e: unknown) => e instanceof InputError && check(e));

describe('parsePriceText: ERCOT day-ahead (NP4-190-CD)', () => {
  // the format's own example lines (leading space before the price, as ERCOT prints it), quoted header
  const header = '"DeliveryDate","HourEnding","SettlementPoint","SettlementPointPrice","DSTFlag"';

  it('turns hour-ending Central time into UTC interval starts, one node of several', () => {
    const text = [
      header,
      '08/05/2025,01:00,7RNCHSLR_ALL, 23.94,N',
      '08/05/2025,01:00,HB_WEST, 24.67,N',
      '08/05/2025,02:00,HB_WEST,20,N',
    ].join('\n');
    const s = parsePriceText(text, { node: 'hb_west', fileName: 'dam.csv' });
    // HE 01:00 CDT = 00:00-01:00 CDT = 05:00Z
    assert.deepEqual(s.timeUtcMs.map(iso), ['2025-08-05T05:00:00Z', '2025-08-05T06:00:00Z']);
    assert.deepEqual(s.priceUsdPerMwh, [24.67, 20]);
    assert.equal(s.node, 'HB_WEST');
    assert.equal(s.market, 'DAM');
    assert.equal(s.report.format, 'ercot-dam');
  });

  it('keeps the repeated fall-back hour (DSTFlag Y) as its own UTC hour and reports the 25-hour day', () => {
    // 2023-11-05: HE1 = 00:00 CDT = 05Z; HE2 N = 01:00 CDT = 06Z; HE2 Y = 01:00 CST = 07Z; HE3 = 02:00 CST = 08Z
    const rows = [header];
    rows.push(
      '11/05/2023,01:00,HB_WEST,10,N',
      '11/05/2023,02:00,HB_WEST,11,N',
      '11/05/2023,02:00,HB_WEST,12,Y',
    );
    for (let he = 3; he <= 24; he++)
      rows.push(`11/05/2023,${String(he).padStart(2, '0')}:00,HB_WEST,${10 + he},N`);
    const s = parsePriceText(rows.join('\n'), { fileName: 'dam.csv' });
    assert.deepEqual(s.timeUtcMs.slice(0, 4).map(iso), [
      '2023-11-05T05:00:00Z',
      '2023-11-05T06:00:00Z',
      '2023-11-05T07:00:00Z',
      '2023-11-05T08:00:00Z',
    ]);
    assert.equal(s.timeUtcMs.length, 25);
    assert.equal(s.report.missingIntervals, 0);
    assert.deepEqual(s.report.dst, [{ date: '2023-11-05', kind: 'fall-back', intervals: 25 }]);
    assert.ok(priceReportWarnings(s).some((w) => /fall-back day: 25 of 25/.test(w)));
  });

  it('reads the 23-hour spring-forward day and refuses the hour that does not exist', () => {
    // 2023-03-12: HE2 = 01:00 CST = 07Z, HE4 = 03:00 CDT = 08Z (HE3 does not exist)
    const ok = [header, '03/12/2023,02:00,HB_WEST,5,N', '03/12/2023,04:00,HB_WEST,6,N'].join('\n');
    assert.deepEqual(parsePriceText(ok).timeUtcMs.map(iso), ['2023-03-12T07:00:00Z', '2023-03-12T08:00:00Z']);
    fails(
      () => parsePriceText([header, '03/12/2023,03:00,HB_WEST,5,N'].join('\n'), { fileName: 'dam.csv' }),
      (e) => e.issues[0]!.line === 2 && e.issues[0]!.column === 2 && /does not exist/.test(e.message),
    );
  });

  it('reads files that number the fall-back day 1-25 (elapsed hours)', () => {
    const rows = ['Delivery Date,Hour Ending,Settlement Point,Settlement Point Price'];
    for (let he = 1; he <= 25; he++) rows.push(`11/05/2023,${he},HB_WEST,${he}`);
    const s = parsePriceText(rows.join('\n'));
    assert.equal(s.timeUtcMs.length, 25);
    assert.equal(iso(s.timeUtcMs[24]!), '2023-11-06T05:00:00Z');
    assert.equal(s.report.missingIntervals, 0);
  });

  it('refuses hour 25 on any day but the fall-back day, even in a file that numbers that day 1-25', () => {
    const rows = ['Delivery Date,Hour Ending,Settlement Point,Settlement Point Price'];
    for (let he = 1; he <= 25; he++) rows.push(`11/05/2023,${he},HB_WEST,${he}`);
    rows.push('11/06/2023,25,HB_WEST,99');
    fails(
      () => parsePriceText(rows.join('\n'), { fileName: 'dam.csv' }),
      (e) => e.issues[0]!.line === 27 && e.issues[0]!.column === 2 && /fall-back/.test(e.message),
    );
  });

  it('reports gaps and duplicates instead of filling or averaging them', () => {
    const text = [
      header,
      '07/01/2023,01:00,HB_WEST,10,N',
      '07/01/2023,02:00,HB_WEST,11,N',
      '07/01/2023,02:00,HB_WEST,99,N',
      '07/01/2023,05:00,HB_WEST,14,N',
    ].join('\n');
    const s = parsePriceText(text, { fileName: 'dam.csv' });
    assert.deepEqual(s.priceUsdPerMwh, [10, 11, 14]);
    assert.equal(s.report.duplicateCount, 1);
    assert.deepEqual(s.report.duplicates[0], {
      timeUtc: '2023-07-01T06:00:00Z',
      line: 4,
      keptUsdPerMwh: 11,
      droppedUsdPerMwh: 99,
    });
    assert.equal(s.report.missingIntervals, 2);
    assert.deepEqual(s.report.gaps, [
      { fromUtc: '2023-07-01T07:00:00Z', toUtc: '2023-07-01T09:00:00Z', missingIntervals: 2 },
    ]);
    const warnings = priceReportWarnings(s);
    assert.ok(warnings.some((w) => /2 missing 60-minute intervals in 1 gap/.test(w)));
    assert.ok(warnings.some((w) => /1 duplicate/.test(w)));
  });

  it('names the line, column and value of a bad cell', () => {
    fails(
      () => parsePriceText([header, '07/01/2023,01:00,HB_WEST,abc,N'].join('\n'), { fileName: 'dam.csv' }),
      (e) =>
        e.issues[0]!.path === 'dam.csv.SettlementPointPrice' &&
        e.issues[0]!.line === 2 &&
        e.issues[0]!.column === 4 &&
        e.issues[0]!.value === 'abc',
    );
    fails(
      () => parsePriceText([header, '13/01/2023,01:00,HB_WEST,1,N'].join('\n'), { fileName: 'dam.csv' }),
      (e) => e.issues[0]!.column === 1 && /MM\/DD\/YYYY/.test(e.message),
    );
    fails(
      () => parsePriceText([header, '07/01/2023,01:00,HB_WEST,1,Q'].join('\n'), { fileName: 'dam.csv' }),
      (e) => e.issues[0]!.column === 5,
    );
  });

  it('lists the available nodes for an unknown --node, and asks for one when several exist', () => {
    const text = [header, '07/01/2023,01:00,HB_WEST,1,N', '07/01/2023,01:00,HB_NORTH,2,N'].join('\n');
    fails(
      () => parsePriceText(text, { node: 'HB_EAST', fileName: 'dam.csv' }),
      (e) =>
        e.issues[0]!.path === '--node' &&
        /HB_NORTH, HB_WEST/.test(e.message) &&
        e.issues[0]!.value === 'HB_EAST',
    );
    fails(
      () => parsePriceText(text),
      (e) => /required/.test(e.message) && /HB_NORTH, HB_WEST/.test(e.message),
    );
  });
});

describe('parsePriceText: ERCOT real time (NP6-905-CD), 15-minute', () => {
  const header =
    'DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,SettlementPointPrice,DSTFlag';

  it('dispatches at its own interval: hour 9 interval 3 = 08:30 CDT = 13:30Z', () => {
    const text = [
      header,
      '07/30/2025,9,3,7RNCHSLR_ALL,RN,19.27,N',
      '07/30/2025,9,3,HB_WEST,HU,19.5,N',
      '07/30/2025,9,4,HB_WEST,HU,21,N',
    ].join('\n');
    const s = parsePriceText(text, { node: 'HB_WEST' });
    assert.equal(s.intervalMinutes, 15);
    assert.equal(s.market, 'RTM');
    assert.deepEqual(s.timeUtcMs.map(iso), ['2025-07-30T13:30:00Z', '2025-07-30T13:45:00Z']);
  });

  it('keeps the load zone over its energy-weighted twin (LZ vs LZEW) and says so', () => {
    const text = [header, '07/30/2025,1,1,LZ_WEST,LZ,20,N', '07/30/2025,1,1,LZ_WEST,LZEW,20.01,N'].join('\n');
    const s = parsePriceText(text, { node: 'LZ_WEST' });
    assert.deepEqual(s.priceUsdPerMwh, [20]);
    assert.equal(s.report.duplicateCount, 0);
    assert.ok(s.report.notes.some((n) => /used LZ$/.test(n)));
  });

  it('places the repeated fall-back quarter hours after the first ones', () => {
    const rows = [header];
    for (const flag of ['N', 'Y'])
      for (let k = 1; k <= 4; k++) rows.push(`11/05/2023,2,${k},HB_WEST,HU,${k},${flag}`);
    const s = parsePriceText(rows.join('\n'));
    // 01:00 CDT = 06:00Z .. 06:45Z, then 01:00 CST = 07:00Z .. 07:45Z: 8 quarter hours, no gap
    assert.equal(iso(s.timeUtcMs[0]!), '2023-11-05T06:00:00Z');
    assert.equal(iso(s.timeUtcMs[7]!), '2023-11-05T07:45:00Z');
    assert.equal(s.report.missingIntervals, 0);
  });
});

describe('parsePriceText: generic and the hourly hub table', () => {
  it('reads timestamp,usd_per_mwh with offsets and infers the interval', () => {
    const s = parsePriceText(
      'timestamp,usd_per_mwh\n2023-07-01T00:00:00-05:00,10\n2023-07-01T00:30:00-05:00,-3.5\n',
      { node: 'MY' },
    );
    assert.equal(s.intervalMinutes, 30);
    assert.deepEqual(s.timeUtcMs.map(iso), ['2023-07-01T05:00:00Z', '2023-07-01T05:30:00Z']);
    assert.equal(s.node, 'MY');
  });

  it('refuses a timestamp without offset, and an off-grid time', () => {
    fails(
      () => parsePriceText('timestamp,usd_per_mwh\n2023-07-01T00:00:00,10\n', { fileName: 'p.csv' }),
      (e) => e.issues[0]!.line === 2 && e.issues[0]!.column === 1 && /offset/.test(e.message),
    );
    fails(
      () =>
        parsePriceText(
          'timestamp,usd_per_mwh\n2023-07-01T00:00Z,1\n2023-07-01T01:00Z,1\n2023-07-01T02:00Z,1\n2023-07-01T02:20Z,1\n2023-07-01T03:00Z,1\n',
          { fileName: 'p.csv' },
        ),
      // steps 60, 60, 20, 40: the interval is 60 minutes and 02:20 (line 5) is off its grid
      (e) => e.issues[0]!.line === 5 && /grid/.test(e.message),
    );
  });

  it('reads one node of the wide hourly table and skips blank cells as gaps', () => {
    const text = [
      'interval_start_utc,delivery_date,hour_ending,repeated_hour_flag,HB_WEST,HB_NORTH',
      '2023-01-01T06:00:00Z,2023-01-01,1,N,11.11,10.48',
      '2023-01-01T07:00:00Z,2023-01-01,2,N,,9.89',
      '2023-01-01T08:00:00Z,2023-01-01,3,N,12,9',
    ].join('\n');
    const s = parsePriceText(text, { node: 'HB_WEST' });
    assert.deepEqual(s.priceUsdPerMwh, [11.11, 12]);
    assert.equal(s.report.missingIntervals, 1);
    assert.deepEqual(s.report.availableNodes, ['HB_NORTH', 'HB_WEST']);
  });

  it('refuses an unknown layout, naming the header', () => {
    fails(
      () => parsePriceText('when,price\n1,2\n', { fileName: 'p.csv' }),
      (e) => /unknown price file layout/.test(e.message) && e.issues[0]!.value === 'when,price',
    );
  });
});
