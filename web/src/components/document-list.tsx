import { DOC_KINDS, type DocKind } from '../api/documents.ts';
import type { StoredSummary } from '../api/types.ts';
import { docRoute, routeHash } from '../route.ts';

/** The saved scenarios or sites, newest change first, each a link to its editor. */
export function DocumentList({
  kind,
  items,
  selectedId,
  onNew,
}: {
  kind: DocKind;
  items: StoredSummary[];
  selectedId: string | undefined;
  onNew: () => void;
}) {
  const info = DOC_KINDS[kind];
  const sorted = [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <nav class="card scenario-list" aria-label={kind}>
      <div class="card-head">
        <h2>{info.title}</h2>
        <button type="button" class="button small" onClick={onNew}>
          + New
        </button>
      </div>
      {sorted.length === 0 ? <p class="hint">No {kind} yet. Start one with “+ New”.</p> : null}
      <ul>
        {sorted.map((s) => (
          <li key={s.id} class={s.id === selectedId ? 'selected' : undefined}>
            <a href={routeHash(docRoute(kind, s.id))}>
              <span class="name">{s.name}</span>
              <span class="meta">updated {s.updatedAt.slice(0, 16).replace('T', ' ')} UTC</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
