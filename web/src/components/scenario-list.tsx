import type { StoredSummary } from '../api/types.ts';
import { routeHash } from '../route.ts';

/** The saved scenarios, newest change first, each a link to its editor. */
export function ScenarioList({
  scenarios,
  selectedId,
  onNew,
}: {
  scenarios: StoredSummary[];
  selectedId: string | undefined;
  onNew: () => void;
}) {
  const sorted = [...scenarios].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <nav class="card scenario-list" aria-label="scenarios">
      <div class="card-head">
        <h2>Scenarios</h2>
        <button type="button" class="button small" onClick={onNew}>
          + New
        </button>
      </div>
      {sorted.length === 0 ? <p class="hint">No scenarios yet. Start one with “+ New”.</p> : null}
      <ul>
        {sorted.map((s) => (
          <li key={s.id} class={s.id === selectedId ? 'selected' : undefined}>
            <a href={routeHash({ page: 'scenarios', scenarioId: s.id })}>
              <span class="name">{s.name}</span>
              <span class="meta">updated {s.updatedAt.slice(0, 16).replace('T', ' ')} UTC</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
