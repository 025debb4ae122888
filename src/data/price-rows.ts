import { InputError } from '../core/errors.ts';
import type { PriceReport, PriceSeries } from '../schema/price-series.ts';
import type { CsvRecord } from './csv-table.ts';

/** One price read from a file, before sorting, de-duplication and gap detection. */
export interface PriceRow {
  timeMs: number;
  priceUsdPerMwh: number;
  line: number;
}

/** What a format reader hands to the assembler in prices.ts. */
export interface PriceRows {
  format: PriceReport['format'];
  market: PriceSeries['market'];
  node: string;
  /** Known from the format, or null to infer from the timestamps (generic files). */
  intervalMinutes: number | null;
  /** True when the file is on ERCOT's Central clock, so DST days are reported. */
  centralClock: boolean;
  availableNodes: string[];
  rows: PriceRow[];
  notes: string[];
}

export interface NodeOptions {
  node?: string | undefined;
  /** How errors name the node choice: `--node` in the CLI, `body.node` in the server. */
  nodePath?: string | undefined;
}

/**
 * Picks the requested node among those a file holds (case-insensitive), or the only one.
 * @throws InputError at `--node` listing the available nodes when it is unknown, or missing with several.
 */
export function pickNode(available: readonly string[], options: NodeOptions, fileName: string): string {
  const path = options.nodePath ?? '--node';
  const list = [...available].sort().join(', ');
  if (options.node === undefined || options.node === '') {
    if (available.length === 1) return available[0]!;
    throw new InputError({
      path,
      message: `required: ${fileName} holds ${available.length} nodes; expected one of ${list}`,
    });
  }
  const wanted = options.node.trim().toUpperCase();
  const hit = available.find((n) => n.toUpperCase() === wanted);
  if (hit !== undefined) return hit;
  throw new InputError({
    path,
    message: `unknown node in ${fileName}; expected one of ${list || '(none)'}`,
    value: options.node,
  });
}

/** The records of the node picked by {@link pickNode} among the names in column `nodeColumn` (long layouts). */
export function recordsOfNode(
  records: readonly CsvRecord[],
  nodeColumn: number,
  options: NodeOptions,
  fileName: string,
): { node: string; records: CsvRecord[]; available: string[] } {
  const names = new Set<string>();
  for (const r of records) names.add((r.cells[nodeColumn] ?? '').trim());
  names.delete('');
  const available = [...names];
  const node = pickNode(available, options, fileName);
  return { node, available, records: records.filter((r) => (r.cells[nodeColumn] ?? '').trim() === node) };
}
