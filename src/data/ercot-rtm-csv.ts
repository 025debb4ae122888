import { type CsvTable, cellError, findColumn, parseNumberCell } from './csv-table.ts';
import { ercotIntervalStart, parseHourEnding } from './ercot-dam-csv.ts';
import { type NodeOptions, type PriceRows, recordsOfNode } from './price-rows.ts';

const DATE = ['DeliveryDate', 'Delivery Date'];
const HOUR = ['DeliveryHour', 'Delivery Hour'];
const INTERVAL = ['DeliveryInterval', 'Delivery Interval'];
const NODE = ['SettlementPointName', 'Settlement Point Name', 'SettlementPoint', 'Settlement Point'];
const TYPE = ['SettlementPointType', 'Settlement Point Type'];
const PRICE = ['SettlementPointPrice', 'Settlement Point Price'];
const DST = ['DSTFlag', 'Repeated Hour Flag'];

/** True for ERCOT's real-time 15-minute layout (NP6-905-CD, or NP6-785-ER annual sheets saved as CSV). */
export function isErcotRtm(header: readonly string[]): boolean {
  return (
    findColumn(header, DATE) >= 0 &&
    findColumn(header, HOUR) >= 0 &&
    findColumn(header, INTERVAL) >= 0 &&
    findColumn(header, NODE) >= 0 &&
    findColumn(header, PRICE) >= 0
  );
}

/**
 * Reads ERCOT real-time settlement point prices `DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,
 * SettlementPointType,SettlementPointPrice,DSTFlag` for one node, at its own 15-minute interval. A load zone
 * listed twice per interval (types LZ and LZEW) keeps the non-energy-weighted type, and says so.
 * @throws InputError for an unknown node (listing the others) or a bad cell with line and column.
 */
export function readErcotRtm(table: CsvTable, fileName: string, options: NodeOptions): PriceRows {
  const { header, records } = table;
  const col = {
    date: findColumn(header, DATE),
    hour: findColumn(header, HOUR),
    interval: findColumn(header, INTERVAL),
    node: findColumn(header, NODE),
    type: findColumn(header, TYPE),
    price: findColumn(header, PRICE),
    dst: findColumn(header, DST),
  };
  const picked = recordsOfNode(records, col.node, options, fileName);
  const node = picked.node;
  let mine = picked.records;
  const notes: string[] = [];
  if (col.type >= 0) {
    const types = [...new Set(mine.map((r) => (r.cells[col.type] ?? '').trim()))];
    if (types.length > 1) {
      const keep = types.find((t) => !t.toUpperCase().endsWith('EW')) ?? types[0]!;
      mine = mine.filter((r) => (r.cells[col.type] ?? '').trim() === keep);
      notes.push(`${node} appears with types ${types.join(', ')}; used ${keep}`);
    }
  }
  const elapsed = mine.some((r) => parseHourEnding(r.cells[col.hour]) === 25);
  if (elapsed) notes.push('fall-back day numbered in elapsed hours 1-25');
  const rows: PriceRows['rows'] = [];
  for (const record of mine) {
    const timeMs = ercotIntervalStart(
      record,
      fileName,
      header,
      col.date,
      col.hour,
      col.interval,
      col.dst,
      elapsed,
    );
    const price = parseNumberCell(record.cells[col.price]);
    if (price === null) cellError(fileName, header, record, col.price, 'expected a price in USD/MWh');
    rows.push({ timeMs, priceUsdPerMwh: price, line: record.line });
  }
  return {
    format: 'ercot-rtm',
    market: 'RTM',
    node,
    intervalMinutes: 15,
    centralClock: true,
    availableNodes: picked.available,
    rows,
    notes,
  };
}
