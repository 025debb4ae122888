import type { TimedValues } from '../core/dispatch/problem.ts';
import { InputError } from '../core/errors.ts';
import { cellError, findColumn, parseNumberCell, readCsvTable } from './csv-table.ts';
import { ercotIntervalStart } from './ercot-dam-csv.ts';
import { parseUtcInstant } from './ercot-dam-wide-csv.ts';

/**
 * Reads hourly ERCOT ancillary clearing prices (MCPC, USD per MW per hour) of one service from
 * - the data kit's wide table `interval_start_utc,REGUP,REGDN,RRS,NSPIN,ECRS` (UTC);
 * - ERCOT's annual NP4-181-ER `Delivery Date,Hour Ending,Repeated Hour Flag,REGDN,REGUP ,RRS,NSPIN,ECRS`;
 * - ERCOT's daily NP4-188-CD `DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag`.
 * Blank cells (e.g. ECRS before 2023-06-10) are left out, so those hours carry no offer.
 * @throws InputError for an unknown layout or service column, or a bad cell with line and column.
 */
export function parseAncillaryPriceCsv(text: string, fileName: string, service: string): TimedValues {
  const table = readCsvTable(text, fileName);
  const { header, records } = table;
  const timeMs: number[] = [];
  const values: number[] = [];
  const push = (t: number, raw: string | undefined, record: (typeof records)[number], col: number) => {
    if ((raw ?? '').trim() === '') return;
    const v = parseNumberCell(raw);
    if (v === null) cellError(fileName, header, record, col, 'expected a clearing price in USD/MW-h');
    timeMs.push(t);
    values.push(v);
  };
  const utc = findColumn(header, ['interval_start_utc']);
  const typeCol = findColumn(header, ['AncillaryType', 'Ancillary Type']);
  const dateCol = findColumn(header, ['DeliveryDate', 'Delivery Date']);
  const heCol = findColumn(header, ['HourEnding', 'Hour Ending']);
  const dstCol = findColumn(header, ['DSTFlag', 'Repeated Hour Flag']);
  if (typeCol >= 0) {
    const mcpc = findColumn(header, ['MCPC']);
    if (dateCol < 0 || heCol < 0 || mcpc < 0) throw layoutError(fileName, header);
    for (const r of records) {
      if ((r.cells[typeCol] ?? '').trim().toUpperCase() !== service.toUpperCase()) continue;
      push(
        ercotIntervalStart(r, fileName, header, dateCol, heCol, -1, dstCol, false),
        r.cells[mcpc],
        r,
        mcpc,
      );
    }
  } else {
    const col = findColumn(header, [service]);
    if (col < 0)
      throw new InputError({
        path: fileName,
        message: `no ${service} column; the file has ${header.join(', ')}`,
        line: 1,
      });
    if (utc >= 0) {
      for (const r of records) {
        const t = parseUtcInstant((r.cells[utc] ?? '').trim());
        if (t === null) cellError(fileName, header, r, utc, 'expected an ISO 8601 UTC time');
        push(t, r.cells[col], r, col);
      }
    } else if (dateCol >= 0 && heCol >= 0) {
      for (const r of records)
        push(
          ercotIntervalStart(r, fileName, header, dateCol, heCol, -1, dstCol, false),
          r.cells[col],
          r,
          col,
        );
    } else throw layoutError(fileName, header);
  }
  if (timeMs.length === 0)
    throw new InputError({ path: fileName, message: `expected ${service} prices, found none` });
  return { timeUtcMs: timeMs, values };
}

function layoutError(fileName: string, header: readonly string[]): InputError {
  return new InputError({
    path: fileName,
    message:
      'unknown ancillary price layout; expected `interval_start_utc,<services>`, `Delivery Date,Hour Ending,Repeated Hour Flag,<services>` or `DeliveryDate,HourEnding,AncillaryType,MCPC,DSTFlag`',
    value: header.join(','),
    line: 1,
  });
}
