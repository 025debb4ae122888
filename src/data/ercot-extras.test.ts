import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InputError } from '../core/errors.ts';
import { parseAiProfileCsv } from './ai-profile-csv.ts';
import { parseFourCpCsv } from './ercot-4cp-csv.ts';
import { parseAncillaryPriceCsv } from './ercot-as-csv.ts';

const KIT = '/work/shared/data';
const noKit = existsSync(`${KIT}/ercot_4cp_intervals.csv`)
  ? false
  : 'the data kit (../shared/data) is absent';

describe('ERCOT 4CP, ancillary price and AI profile loaders', () => {
  it('reads the 4CP intervals of the data kit', { skip: noKit }, () => {
    const all = parseFourCpCsv(
      readFileSync(`${KIT}/ercot_4cp_intervals.csv`, 'utf8'),
      'ercot_4cp_intervals.csv',
    );
    assert.equal(all.length, 16);
    assert.deepEqual(
      all.filter((i) => i.date.startsWith('2023')),
      [
        { date: '2023-06-27', endingCpt: '17:00' },
        { date: '2023-07-31', endingCpt: '17:00' },
        { date: '2023-08-10', endingCpt: '17:00' },
        { date: '2023-09-08', endingCpt: '16:45' },
      ],
    );
  });

  it('reads one service of the kit’s ancillary prices, leaving blank ECRS hours out', { skip: noKit }, () => {
    const text = readFileSync(`${KIT}/ercot_as_mcpc_hourly_2023_partial.csv`, 'utf8');
    const rrs = parseAncillaryPriceCsv(text, 'as.csv', 'RRS');
    assert.equal(rrs.values.length, 792);
    assert.equal(new Date(rrs.timeUtcMs[0]!).toISOString(), '2023-03-12T06:00:00.000Z');
    assert.equal(rrs.values[0], 3); // first data line: 2023-03-12T06:00:00Z,4.72,3.73,3,...
    const ecrs = parseAncillaryPriceCsv(text, 'as.csv', 'ECRS');
    assert.ok(ecrs.values.length < 792); // blank before 2023-06-10
  });

  it('reads ERCOT’s daily long layout and the annual wide one (trailing space in "REGUP ")', () => {
    const long = parseAncillaryPriceCsv(
      'DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag\n08/05/2025,01:00,ECRS,0.07,N\n08/05/2025,01:00,REGDN,0.89,N\n',
      'a.csv',
      'ECRS',
    );
    assert.deepEqual(long, { timeUtcMs: [Date.parse('2025-08-05T05:00:00Z')], values: [0.07] });
    const wide = parseAncillaryPriceCsv(
      'Delivery Date,Hour Ending,Repeated Hour Flag,REGDN,REGUP ,RRS,NSPIN,ECRS\n01/01/2023,01:00,N,1,2,3,4,\n',
      'a.csv',
      'REGUP',
    );
    assert.deepEqual(wide.values, [2]);
    assert.throws(
      () => parseAncillaryPriceCsv('interval_start_utc,RRS\n2023-01-01T00:00:00Z,x\n', 'a.csv', 'RRS'),
      (e: unknown) => e instanceof InputError && e.issues[0]!.line === 2 && e.issues[0]!.column === 2,
    );
  });

  it('reads an AI profile and refuses negative load with its line', () => {
    const p = parseAiProfileCsv(
      'timestamp,it_mw\n2023-01-01T06:00:00Z,50\n2023-01-01T07:00:00Z,55.5\n',
      'ai.csv',
    );
    assert.deepEqual(p.values, [50, 55.5]);
    assert.throws(
      () => parseAiProfileCsv('timestamp,it_mw\n2023-01-01T06:00:00Z,-1\n', 'ai.csv'),
      (e: unknown) => e instanceof InputError && e.issues[0]!.line === 2,
    );
  });
});
