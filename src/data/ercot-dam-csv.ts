import { type CsvRecord, type CsvTable, cellError, findColumn, parseNumberCell } from './csv-table.ts';
import {
  centralDstDay,
  centralMidnightUtcMs,
  centralToUtcMs,
  parseDstFlag,
  parseErcotDate,
} from './ercot-clock.ts';
import { type NodeOptions, type PriceRows, recordsOfNode } from './price-rows.ts';

const DATE = ['DeliveryDate', 'Delivery Date'];
const HOUR_ENDING = ['HourEnding', 'Hour Ending'];
const NODE = ['SettlementPoint', 'Settlement Point', 'SettlementPointName', 'Settlement Point Name'];
const PRICE = ['SettlementPointPrice', 'Settlement Point Price'];
const DST = ['DSTFlag', 'Repeated Hour Flag'];

/** True for ERCOT's day-ahead layout (NP4-190-CD, or the NP4-180-ER annual sheets saved as CSV). */
export function isErcotDam(header: readonly string[]): boolean {
  return (
    findColumn(header, DATE) >= 0 &&
    findColumn(header, HOUR_ENDING) >= 0 &&
    findColumn(header, NODE) >= 0 &&
    findColumn(header, PRICE) >= 0
  );
}

/**
 * Reads ERCOT day-ahead settlement point prices `DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,
 * DSTFlag` for one node. Hour ending `01:00`-`24:00` is local (Central prevailing) time; the DST flag marks the
 * repeated 01:00-02:00 hour of the fall-back day. Files that number that day's hours 1-25 are recognised by
 * hour 25. @throws InputError for an unknown node (listing the others) or a bad cell with line and column.
 */
export function readErcotDam(table: CsvTable, fileName: string, options: NodeOptions): PriceRows {
  const { header, records } = table;
  const col = {
    date: findColumn(header, DATE),
    he: findColumn(header, HOUR_ENDING),
    node: findColumn(header, NODE),
    price: findColumn(header, PRICE),
    dst: findColumn(header, DST),
  };
  const picked = recordsOfNode(records, col.node, options, fileName);
  const node = picked.node;
  const mine = picked.records;
  const elapsed = mine.some((r) => parseHourEnding(r.cells[col.he]) === 25);
  const rows: PriceRows['rows'] = [];
  for (const record of mine) {
    const timeMs = ercotIntervalStart(record, fileName, header, col.date, col.he, -1, col.dst, elapsed);
    const price = parseNumberCell(record.cells[col.price]);
    if (price === null) cellError(fileName, header, record, col.price, 'expected a price in USD/MWh');
    rows.push({ timeMs, priceUsdPerMwh: price, line: record.line });
  }
  return {
    format: 'ercot-dam',
    market: 'DAM',
    node,
    intervalMinutes: 60,
    centralClock: true,
    availableNodes: picked.available,
    rows,
    notes: elapsed ? ['fall-back day numbered in elapsed hours 1-25'] : [],
  };
}

/** `01:00`, `1`, `24:00` → 1..25; null otherwise. */
export function parseHourEnding(raw: string | undefined): number | null {
  const m = /^(\d{1,2})(?::00)?$/.exec((raw ?? '').trim());
  if (!m) return null;
  const h = Number(m[1]);
  return h >= 1 && h <= 25 ? h : null;
}

/**
 * UTC start of an ERCOT interval given by operating day, hour ending and (for real time) the 15-minute
 * interval 1-4 (`intervalIndex` −1 for hourly files). `elapsed`: the file numbers DST days in elapsed hours.
 */
export function ercotIntervalStart(
  record: CsvRecord,
  fileName: string,
  header: readonly string[],
  dateIndex: number,
  hourIndex: number,
  intervalIndex: number,
  dstIndex: number,
  elapsed: boolean,
): number {
  const date = parseErcotDate(record.cells[dateIndex] ?? '');
  if (date === null) cellError(fileName, header, record, dateIndex, 'expected a date MM/DD/YYYY');
  const he = parseHourEnding(record.cells[hourIndex]);
  if (he === null || (he === 25 && !elapsed))
    cellError(fileName, header, record, hourIndex, 'expected an hour ending 1-24 (01:00-24:00)');
  let minute = 0;
  if (intervalIndex >= 0) {
    const raw = (record.cells[intervalIndex] ?? '').trim();
    const k = /^[1-4]$/.test(raw) ? Number(raw) : 0;
    if (k === 0) cellError(fileName, header, record, intervalIndex, 'expected a 15-minute interval 1-4');
    minute = (k - 1) * 15;
  }
  const repeated = dstIndex >= 0 ? parseDstFlag(record.cells[dstIndex]) : false;
  if (repeated === null) cellError(fileName, header, record, dstIndex, 'expected a DST flag Y or N');
  const kind = centralDstDay(date.year, date.month, date.day);
  if (he === 25 && kind !== 'fall-back')
    cellError(fileName, header, record, hourIndex, 'hour 25 exists only on the fall-back day');
  if (elapsed && kind !== null) {
    return centralMidnightUtcMs(date.year, date.month, date.day) + (he - 1) * 3_600_000 + minute * 60_000;
  }
  const r = centralToUtcMs(date.year, date.month, date.day, (he - 1) * 60 + minute, repeated);
  if (!r.ok)
    cellError(fileName, header, record, repeated ? dstIndex : hourIndex, `this local hour ${r.reason}`);
  return r.utcMs;
}
