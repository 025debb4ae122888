import { useMemo, useState } from 'preact/hooks';
import type { CatalogRow } from '../api/types.ts';
import { columnLabel } from '../catalog/column-label.ts';
import { shortSource } from '../catalog/short-source.ts';
import { type SortDirection, sortRows } from '../catalog/sort-rows.ts';
import { formatCount } from '../format/number.ts';

export interface SortableTableProps {
  rows: CatalogRow[];
  columns: string[];
  label: string;
  initialSort?: { key: string; direction: SortDirection } | undefined;
  /** Columns of long notes (sources): shown short, in full on hover. */
  noteColumns?: string[];
}

/** A table whose column headers sort it (click again to reverse); headers carry units from the field names. */
export function SortableTable({ rows, columns, label, initialSort, noteColumns = [] }: SortableTableProps) {
  const [sort, setSort] = useState(
    initialSort ?? { key: columns[0] ?? '', direction: 'asc' as SortDirection },
  );
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.direction), [rows, sort]);
  const numeric = useMemo(
    () => new Set(columns.filter((c) => rows.some((r) => typeof r[c] === 'number'))),
    [rows, columns],
  );
  return (
    <table class="data-table sortable" aria-label={label}>
      <thead>
        <tr>
          {columns.map((key) => {
            const active = sort.key === key;
            return (
              <th
                key={key}
                class={numeric.has(key) ? 'num' : undefined}
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  class="sort-button"
                  onClick={() =>
                    setSort({ key, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })
                  }
                >
                  {columnLabel(key)}
                  <span class="sort-mark">{active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}</span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row, i) => (
          <tr key={i}>
            {columns.map((key) => {
              const v = row[key];
              if (noteColumns.includes(key) && typeof v === 'string') {
                const short = shortSource(v);
                return (
                  <td key={key} class="note" title={v}>
                    {short.href === undefined ? (
                      short.text
                    ) : (
                      <a href={short.href} target="_blank" rel="noreferrer">
                        {short.text}
                      </a>
                    )}
                  </td>
                );
              }
              return (
                <td key={key} class={numeric.has(key) ? 'num' : undefined}>
                  {typeof v === 'number'
                    ? key.endsWith('Year')
                      ? String(v)
                      : formatCount(v)
                    : v === undefined || v === null
                      ? '—'
                      : String(v)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
