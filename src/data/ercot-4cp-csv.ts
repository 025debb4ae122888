import { InputError } from '../core/errors.ts';
import { FourCpInterval } from '../schema/site.ts';
import { cellError, findColumn, readCsvTable } from './csv-table.ts';

/**
 * Reads ERCOT 4CP intervals `year,month,date,interval_ending_cpt,...` (the layout of ercot_4cp_intervals.csv in
 * the data kit): the operating day (Central time) and the 15-minute interval ending, local clock.
 * @throws InputError for a missing column or a bad cell, with line and column.
 */
export function parseFourCpCsv(text: string, fileName: string): FourCpInterval[] {
  const { header, records } = readCsvTable(text, fileName);
  const date = findColumn(header, ['date']);
  const ending = findColumn(header, ['interval_ending_cpt', 'interval_ending', 'endingCpt']);
  const missing = [date < 0 ? 'date' : null, ending < 0 ? 'interval_ending_cpt' : null].filter(
    (m) => m !== null,
  );
  if (missing.length > 0)
    throw new InputError(missing.map((m) => ({ path: fileName, message: `missing column "${m}"`, line: 1 })));
  return records.map((record) => {
    const parsed = FourCpInterval.safeParse({
      date: (record.cells[date] ?? '').trim(),
      endingCpt: (record.cells[ending] ?? '').trim(),
    });
    if (!parsed.success) {
      const bad = parsed.error.issues[0]!.path[0] === 'date' ? date : ending;
      cellError(fileName, header, record, bad, parsed.error.issues[0]!.message);
    }
    return parsed.data;
  });
}
