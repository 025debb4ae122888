import type { TimedValues } from '../core/dispatch/problem.ts';
import { InputError } from '../core/errors.ts';
import { cellError, findColumn, parseNumberCell, readCsvTable } from './csv-table.ts';
import { parseUtcInstant } from './ercot-dam-wide-csv.ts';

/**
 * Reads an AI load profile `timestamp,it_mw`: hour starts (ISO 8601 with offset or Z) and critical-IT MW >= 0.
 * @throws InputError for a missing column or a bad cell, with line and column.
 */
export function parseAiProfileCsv(text: string, fileName: string): TimedValues {
  const { header, records } = readCsvTable(text, fileName);
  const t = findColumn(header, ['timestamp']);
  const mw = findColumn(header, ['it_mw']);
  if (t < 0 || mw < 0)
    throw new InputError({
      path: fileName,
      message: 'expected columns timestamp,it_mw',
      value: header.join(','),
      line: 1,
    });
  const timeUtcMs: number[] = [];
  const values: number[] = [];
  for (const r of records) {
    const time = parseUtcInstant((r.cells[t] ?? '').trim());
    if (time === null) cellError(fileName, header, r, t, 'expected an ISO 8601 time with offset or Z');
    const v = parseNumberCell(r.cells[mw]);
    if (v === null || v < 0) cellError(fileName, header, r, mw, 'expected critical-IT MW >= 0');
    timeUtcMs.push(time);
    values.push(v);
  }
  return { timeUtcMs, values };
}
