import { InputError } from '../core/errors.ts';
import type { NetworkDay } from '../schema/network-day.ts';
import { splitCsvLine } from './csv-table.ts';

type Field = Exclude<keyof NetworkDay, 'date'>;

/** Accepted header names per field: the renamed ones of ../shared/data first, then Coin Metrics' own. */
const NUMBER_COLUMNS: { field: Field; names: string[]; required: boolean; integer: boolean }[] = [
  { field: 'priceUsd', names: ['price_usd', 'PriceUSD'], required: true, integer: false },
  { field: 'difficulty', names: ['difficulty', 'DiffMean'], required: true, integer: false },
  { field: 'hashrateThPerS', names: ['hashrate_ths', 'HashRate'], required: false, integer: false },
  { field: 'feesBtc', names: ['fees_btc', 'FeeTotNtv'], required: true, integer: false },
  { field: 'blocks', names: ['blocks', 'BlkCnt'], required: true, integer: true },
  { field: 'subsidyBtc', names: ['subsidy_btc', 'IssTotNtv'], required: true, integer: false },
  { field: 'supplyBtc', names: ['supply_btc', 'SplyCur'], required: false, integer: false },
];
const DATE_NAMES = ['date', 'time'];
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Parses a Coin Metrics daily network CSV (the community `btc.csv` or the renamed subset in ../shared/data)
 * into one {@link NetworkDay} per row, in file order. Blank cells become `null`; unknown extra columns are
 * ignored. Dates may be `YYYY-MM-DD` or an ISO timestamp at midnight UTC (`2019-06-01T00:00:00.000Z`).
 * @throws InputError naming the missing column, or the line, column and value of a bad cell, or a date that
 *   is not after the previous row's.
 */
export function parseCoinMetricsCsv(text: string, sourceName = 'csv'): NetworkDay[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim());
  const find = (names: string[]) => {
    const lower = names.map((n) => n.toLowerCase());
    return header.findIndex((h) => lower.includes(h.toLowerCase()));
  };
  const dateIndex = find(DATE_NAMES);
  const columns = NUMBER_COLUMNS.map((c) => ({ ...c, index: find(c.names) }));
  const missing = [
    ...(dateIndex < 0 ? [DATE_NAMES] : []),
    ...columns.filter((c) => c.required && c.index < 0).map((c) => c.names),
  ];
  if (missing.length > 0)
    throw new InputError(
      missing.map((names) => ({
        path: sourceName,
        message: `missing column "${names[0]}" (or "${names.slice(1).join('", "')}")`,
        line: 1,
      })),
    );

  const days: NetworkDay[] = [];
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    const line = i + 1;
    const cells = splitCsvLine(raw);
    const cellError = (index: number, message: string): never => {
      throw new InputError({
        path: `${sourceName}.${header[index]}`,
        message,
        value: cells[index] ?? '',
        line,
        column: index + 1,
      });
    };
    const rawDate = (cells[dateIndex] ?? '').trim();
    const date = parseDay(rawDate);
    if (date === null) cellError(dateIndex, 'expected a date YYYY-MM-DD');
    const previous = days[days.length - 1];
    if (previous && !(date! > previous.date))
      cellError(dateIndex, `expected a date after ${previous.date} (rows must be in ascending date order)`);
    const day: NetworkDay = {
      date: date!,
      priceUsd: null,
      difficulty: null,
      hashrateThPerS: null,
      feesBtc: null,
      blocks: null,
      subsidyBtc: null,
      supplyBtc: null,
    };
    for (const c of columns) {
      if (c.index < 0) continue;
      const cell = (cells[c.index] ?? '').trim();
      if (cell === '') continue;
      const value = NUMBER.test(cell) ? Number(cell) : Number.NaN;
      if (!Number.isFinite(value)) cellError(c.index, 'expected a number');
      if (value < 0) cellError(c.index, 'expected a number >= 0');
      if (c.integer && !Number.isInteger(value)) cellError(c.index, 'expected an integer');
      day[c.field] = value;
    }
    days.push(day);
  }
  return days;
}

/** Finds the row of `date`, or throws an InputError under `flag` that gives the file's date range. */
export function networkDayOn(days: readonly NetworkDay[], date: string, flag = '--date'): NetworkDay {
  const day = days.find((d) => d.date === date);
  if (day) return day;
  const range = days.length > 0 ? `${days[0]!.date} … ${days[days.length - 1]!.date}` : 'no rows';
  throw new InputError({ path: flag, message: `expected a date in the file (${range})`, value: date });
}

function parseDay(raw: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$/.exec(raw);
  if (!m) return null;
  const day = m[1]!;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}
