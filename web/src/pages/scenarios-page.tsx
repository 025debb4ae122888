import { RunPanel } from '../components/run-panel.tsx';
import { navigate } from '../navigate.ts';
import { DocumentsPage } from './documents-page.tsx';

/** #/scenarios[/ID]: the saved scenarios, the editor of one, and running it. */
export function ScenariosPage({ scenarioId }: { scenarioId: string | undefined }) {
  return (
    <DocumentsPage
      kind="scenarios"
      docId={scenarioId}
      below={(current) => (
        <RunPanel scenarioId={current.id} onStarted={(runId) => navigate({ page: 'run', runId })} />
      )}
    />
  );
}
