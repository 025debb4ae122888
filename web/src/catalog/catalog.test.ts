import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnLabel, splitFieldName } from './column-label.ts';
import { sortRows, tableColumns } from './sort-rows.ts';

describe('catalog column labels', () => {
  it('reads the unit from the field name', () => {
    assert.equal(columnLabel('hashrateThPerS'), 'hashrate (TH/s)');
    assert.equal(columnLabel('efficiencyJPerTh'), 'efficiency (J/TH)');
    assert.equal(columnLabel('powerW'), 'power (W)');
    assert.equal(columnLabel('priceUsdPerGpuHour'), 'price (USD/GPU-hour)');
    assert.equal(columnLabel('releaseYear'), 'release year');
  });

  it('calls a bare money unit a price', () => {
    assert.equal(columnLabel('usdPerGpuHour'), 'price (USD/GPU-hour)');
    assert.equal(columnLabel('systemPowerKw'), 'system power (kW)');
  });

  it('does not take the end of an ordinary word for a unit', () => {
    assert.deepEqual(splitFieldName('flow'), { words: 'flow', unit: undefined });
    assert.deepEqual(splitFieldName('W'), { words: 'w', unit: undefined });
  });

  it('splits acronyms from the next word', () => {
    assert.equal(columnLabel('gpuCount'), 'gpu count');
    assert.equal(columnLabel('hbmGb'), 'hbm (GB)');
  });
});

describe('sorting catalog rows', () => {
  const rows = [
    { model: 'S21', hashrateThPerS: 200 },
    { model: 'S19 XP', hashrateThPerS: 140 },
    { model: 'M66S', hashrateThPerS: undefined },
    { model: 's9', hashrateThPerS: 14 },
  ];

  it('sorts numbers numerically both ways with missing values last', () => {
    assert.deepEqual(
      sortRows(rows, 'hashrateThPerS', 'asc').map((r) => r.model),
      ['s9', 'S19 XP', 'S21', 'M66S'],
    );
    assert.deepEqual(
      sortRows(rows, 'hashrateThPerS', 'desc').map((r) => r.model),
      ['S21', 'S19 XP', 's9', 'M66S'],
    );
  });

  it('sorts text case-insensitively with numbers inside in numeric order', () => {
    assert.deepEqual(
      sortRows(rows, 'model', 'asc').map((r) => r.model),
      ['M66S', 's9', 'S19 XP', 'S21'],
    );
  });

  it('does not change the input array', () => {
    const copy = [...rows];
    sortRows(rows, 'model', 'desc');
    assert.deepEqual(rows, copy);
  });

  it('tableColumns lists every scalar field in first-seen order', () => {
    assert.deepEqual(
      tableColumns([
        { a: 1, nested: { x: 1 } },
        { b: 'x', a: 2 },
      ]),
      ['a', 'b'],
    );
  });
});
