import type { CatalogRow } from '../api/types.ts';

export type SortDirection = 'asc' | 'desc';

/**
 * Rows sorted by one field: numbers numerically, everything else as text (case-insensitive, numeric-aware
 * so `S19` sorts before `S21`); missing values last in both directions. Stable; returns a new array.
 */
export function sortRows(rows: CatalogRow[], key: string, direction: SortDirection): CatalogRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[key];
      const y = b.row[key];
      const xMissing = x === undefined || x === null || x === '';
      const yMissing = y === undefined || y === null || y === '';
      if (xMissing || yMissing) return xMissing === yMissing ? a.index - b.index : xMissing ? 1 : -1;
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

/** The columns of a table of rows: every key seen, in first-seen order, nested objects left out. */
export function tableColumns(rows: CatalogRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (typeof value === 'object' && value !== null) continue;
      seen.add(key);
    }
  }
  return [...seen];
}
