import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { CatalogRow } from '../api/types.ts';
import { tableColumns } from '../catalog/sort-rows.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SortableTable } from '../components/sortable-table.tsx';
import { routeHash } from '../route.ts';

const ASIC_FIRST = [
  'manufacturer',
  'model',
  'family',
  'releaseYear',
  'hashrateThPerS',
  'powerW',
  'efficiencyJPerTh',
];

/** Puts the known columns first, in a reading order, then whatever else the rows have. */
function orderColumns(rows: CatalogRow[], first: string[]): string[] {
  const all = tableColumns(rows);
  return [...first.filter((c) => all.includes(c)), ...all.filter((c) => !first.includes(c))];
}

/** #/catalog/(asics|gpus): the hardware catalogs the models draw on, sortable by any column. */
export function CatalogPage({ tab }: { tab: 'asics' | 'gpus' }) {
  const [rows, setRows] = useState<CatalogRow[] | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    let live = true;
    setRows(undefined);
    setError(undefined);
    (tab === 'asics' ? api.asics() : api.gpus())
      .then((r) => live && setRows(r))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [tab]);
  return (
    <div class="page catalog-page">
      <div class="page-head">
        <div>
          <h1>Hardware catalog</h1>
          <p class="hint">Nominal figures as sold; click a column header to sort.</p>
        </div>
      </div>
      <div class="tabs" role="tablist">
        <a
          class="tab"
          role="tab"
          aria-selected={tab === 'asics'}
          href={routeHash({ page: 'catalog', tab: 'asics' })}
        >
          Bitcoin ASICs
        </a>
        <a
          class="tab"
          role="tab"
          aria-selected={tab === 'gpus'}
          href={routeHash({ page: 'catalog', tab: 'gpus' })}
        >
          AI/HPC GPU systems
        </a>
      </div>
      <ErrorBanner error={error} />
      <section class="card table-card scroll-x">
        {rows === undefined ? (
          <p class="hint">Loading…</p>
        ) : rows.length === 0 ? (
          <p class="hint">The catalog is empty.</p>
        ) : (
          <SortableTable
            key={tab}
            rows={rows}
            columns={orderColumns(rows, tab === 'asics' ? ASIC_FIRST : ['vendor', 'name', 'model'])}
            label={tab === 'asics' ? 'ASIC catalog' : 'GPU catalog'}
            noteColumns={['source', 'priceSource', 'note']}
            initialSort={
              tab === 'asics' && rows.some((r) => typeof r.efficiencyJPerTh === 'number')
                ? { key: 'efficiencyJPerTh', direction: 'asc' }
                : undefined
            }
          />
        )}
      </section>
    </div>
  );
}
