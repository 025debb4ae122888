import { InputError } from '../core/errors.ts';
import { type CsvTable, cellError, findColumn, parseNumberCell } from './csv-table.ts';
import { parseUtcInstant } from './ercot-dam-wide-csv.ts';
import type { PriceRows } from './price-rows.ts';

/** True for the generic layout `timestamp,usd_per_mwh`. */
export function isGenericPriceCsv(header: readonly string[]): boolean {
  return findColumn(header, ['timestamp']) >= 0 && findColumn(header, ['usd_per_mwh']) >= 0;
}

/**
 * Reads `timestamp,usd_per_mwh`: ISO 8601 interval starts with an offset or `Z`, any interval length (inferred
 * from the most common step). The node is whatever the caller names it (default: the file name).
 * @throws InputError for a timestamp without offset or a bad price, with line and column.
 */
export function readGenericPriceCsv(table: CsvTable, fileName: string, node: string | undefined): PriceRows {
  const { header, records } = table;
  const t = findColumn(header, ['timestamp']);
  const p = findColumn(header, ['usd_per_mwh']);
  const rows: PriceRows['rows'] = [];
  for (const record of records) {
    const timeMs = parseUtcInstant((record.cells[t] ?? '').trim());
    if (timeMs === null)
      cellError(
        fileName,
        header,
        record,
        t,
        'expected an ISO 8601 time with offset or Z, e.g. 2023-01-01T06:00:00Z',
      );
    const price = parseNumberCell(record.cells[p]);
    if (price === null) cellError(fileName, header, record, p, 'expected a price in USD/MWh');
    rows.push({ timeMs, priceUsdPerMwh: price, line: record.line });
  }
  if (rows.length === 0) throw new InputError({ path: fileName, message: 'expected at least one price row' });
  const label = node?.trim() || fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return {
    format: 'generic',
    market: 'unknown',
    node: label,
    intervalMinutes: null,
    centralClock: false,
    availableNodes: [label],
    rows,
    notes: [],
  };
}
