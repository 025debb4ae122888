import { InputError } from '../core/errors.ts';
import { type CsvTable, cellError, findColumn, parseNumberCell } from './csv-table.ts';
import { type NodeOptions, type PriceRows, pickNode } from './price-rows.ts';

const META = ['interval_start_utc', 'delivery_date', 'hour_ending', 'repeated_hour_flag'];

/** True for the hourly wide table of ../shared/data (`interval_start_utc,...,HB_WEST,...`). */
export function isErcotDamWide(header: readonly string[]): boolean {
  return findColumn(header, ['interval_start_utc']) >= 0 && findColumn(header, ['usd_per_mwh']) < 0;
}

/**
 * Reads one node column of the hourly wide DAM table (ERCOT NP4-180-ER pivoted: one column per hub/zone,
 * `interval_start_utc` already in UTC). Blank cells are skipped and noted (a gap), never filled.
 * @throws InputError for an unknown node (listing the others) or a bad cell with line and column.
 */
export function readErcotDamWide(table: CsvTable, fileName: string, options: NodeOptions): PriceRows {
  const { header, records } = table;
  const timeIndex = findColumn(header, ['interval_start_utc']);
  const metaLower = META.map((m) => m.toLowerCase());
  const nodes = header.filter((h) => !metaLower.includes(h.toLowerCase()) && h !== '');
  const node = pickNode(nodes, options, fileName);
  const col = header.indexOf(node);
  const rows: PriceRows['rows'] = [];
  let blanks = 0;
  for (const record of records) {
    const rawTime = (record.cells[timeIndex] ?? '').trim();
    const timeMs = parseUtcInstant(rawTime);
    if (timeMs === null)
      cellError(
        fileName,
        header,
        record,
        timeIndex,
        'expected an ISO 8601 UTC time such as 2023-01-01T06:00:00Z',
      );
    const cell = (record.cells[col] ?? '').trim();
    if (cell === '') {
      blanks++;
      continue;
    }
    const price = parseNumberCell(cell);
    if (price === null) cellError(fileName, header, record, col, 'expected a price in USD/MWh');
    rows.push({ timeMs, priceUsdPerMwh: price, line: record.line });
  }
  if (rows.length === 0 && records.length > 0)
    throw new InputError({ path: `${fileName}.${node}`, message: 'expected prices, got only blank cells' });
  return {
    format: 'ercot-dam-wide',
    market: 'DAM',
    node,
    intervalMinutes: 60,
    centralClock: true,
    availableNodes: nodes,
    rows,
    notes: blanks > 0 ? [`${blanks} blank ${node} cells skipped (reported as gaps)`] : [],
  };
}

/** `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)` → ms; null otherwise (a time without offset is refused). */
export function parseUtcInstant(raw: string): number | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/i.exec(raw);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(
    Number,
  ) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const base = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(base).getUTCDate() !== day) return null;
  const frac = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  const zone = m[8]!.toUpperCase();
  let offsetMin = 0;
  if (zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    const h = Number(z[2]);
    const mm = Number(z[3] ?? '0');
    if (h > 14 || mm > 59) return null;
    offsetMin = (z[1] === '-' ? -1 : 1) * (h * 60 + mm);
  }
  return base + frac - offsetMin * 60_000;
}
