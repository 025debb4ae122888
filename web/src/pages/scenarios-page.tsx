import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { StoredScenario, StoredSummary } from '../api/types.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { RunPanel } from '../components/run-panel.tsx';
import { ScenarioEditor } from '../components/scenario-editor.tsx';
import { ScenarioList } from '../components/scenario-list.tsx';
import { NEW_SCENARIO_ID, newScenarioText } from '../editor/new-scenario.ts';
import { scenarioToText } from '../editor/scenario-text.ts';
import { navigate } from '../navigate.ts';

/** #/scenarios[/ID]: the saved scenarios, the editor of one, and running it. */
export function ScenariosPage({ scenarioId }: { scenarioId: string | undefined }) {
  const [list, setList] = useState<StoredSummary[] | undefined>(undefined);
  const [current, setCurrent] = useState<StoredScenario | undefined>(undefined);
  const [template, setTemplate] = useState<unknown>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [listVersion, setListVersion] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .listScenarios()
      .then((scenarios) => {
        if (!live) return;
        setList(scenarios);
        const newest = [...scenarios].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        if (scenarioId === undefined && newest !== undefined) {
          navigate({ page: 'scenarios', scenarioId: newest.id }, true);
        }
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [listVersion, scenarioId]);

  useEffect(() => {
    let live = true;
    setCurrent(undefined);
    if (scenarioId === undefined || scenarioId === NEW_SCENARIO_ID) return;
    api
      .getScenario(scenarioId)
      .then((s) => {
        if (!live) return;
        setCurrent(s);
        setTemplate(s.scenario);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [scenarioId]);

  const isNew = scenarioId === NEW_SCENARIO_ID;
  return (
    <div class="page scenarios-page">
      <ScenarioList
        scenarios={list ?? []}
        selectedId={scenarioId}
        onNew={() => navigate({ page: 'scenarios', scenarioId: NEW_SCENARIO_ID })}
      />
      <div class="main-column">
        <ErrorBanner error={error} />
        {isNew ? (
          <ScenarioEditor
            key="new"
            stored={undefined}
            initialText={newScenarioText(template)}
            onSaved={(saved) => {
              setListVersion((v) => v + 1);
              navigate({ page: 'scenarios', scenarioId: saved.id });
            }}
            onDeleted={() => undefined}
          />
        ) : current !== undefined ? (
          <>
            <ScenarioEditor
              key={`${current.id}-${current.updatedAt}`}
              stored={current}
              initialText={scenarioToText(current.scenario)}
              onSaved={(saved) => {
                setListVersion((v) => v + 1);
                api
                  .getScenario(saved.id)
                  .then(setCurrent)
                  .catch((e) => setError(e));
              }}
              onDeleted={() => {
                setListVersion((v) => v + 1);
                navigate({ page: 'scenarios' });
              }}
            />
            <RunPanel scenarioId={current.id} onStarted={(runId) => navigate({ page: 'run', runId })} />
          </>
        ) : list !== undefined && list.length === 0 ? (
          <section class="card">
            <h2>No scenario yet</h2>
            <p>
              Create one with <strong>+ New</strong>: paste a scenario file (YAML or JSON) and save it.
            </p>
          </section>
        ) : (
          <p class="hint">Loading…</p>
        )}
      </div>
    </div>
  );
}
