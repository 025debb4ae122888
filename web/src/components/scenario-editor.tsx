import { useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.ts';
import { api } from '../api/client.ts';
import type { StoredScenario } from '../api/types.ts';
import { type LocatedIssue, locateIssues } from '../editor/issue-location.ts';
import { parseScenarioText } from '../editor/scenario-text.ts';
import { useValidation } from '../editor/use-validation.ts';
import { CodeEditor } from './code-editor.tsx';
import { ErrorBanner } from './error-banner.tsx';
import { IssueList } from './issue-list.tsx';
import { ValidationBadge } from './validation-badge.tsx';

export interface ScenarioEditorProps {
  /** The stored scenario being edited; undefined for a new one. */
  stored: StoredScenario | undefined;
  initialText: string;
  onSaved: (saved: StoredScenario) => void;
  onDeleted: () => void;
}

/** YAML/JSON editor of one scenario with inline validation, save and delete. */
export function ScenarioEditor({ stored, initialText, onSaved, onDeleted }: ScenarioEditorProps) {
  const [text, setText] = useState(initialText);
  const [saveIssues, setSaveIssues] = useState<LocatedIssue[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [savedAt, setSavedAt] = useState<string | undefined>(undefined);
  const jump = useRef<((line: number) => void) | null>(null);
  const validation = useValidation(text);

  const issues = saveIssues ?? (validation.state === 'invalid' ? validation.issues : []);
  const marked = useMemo(
    () => new Set(issues.flatMap((i) => (i.line === undefined ? [] : [i.line]))),
    [issues],
  );
  const dirty = text !== initialText;

  async function save() {
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      setSaveIssues(parsed.issues);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved =
        stored === undefined
          ? await api.createScenario(parsed.doc)
          : await api.updateScenario(stored.id, parsed.doc);
      setSaveIssues(undefined);
      setSavedAt(new Date().toISOString().slice(11, 19));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) setSaveIssues(locateIssues(text, e.issues));
      else setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (stored === undefined) return;
    setBusy(true);
    try {
      await api.deleteScenario(stored.id);
      onDeleted();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setConfirmDelete(false);
    }
  }

  return (
    <section class="card editor-card" aria-label="scenario editor">
      <div class="card-head">
        <h2>{stored === undefined ? 'New scenario' : stored.name}</h2>
        <ValidationBadge
          validation={validation}
          hasSaveIssues={saveIssues !== undefined && saveIssues.length > 0}
        />
      </div>
      <p class="hint">
        YAML or JSON, the same document as a scenario file. Fields are checked as you type; messages name the
        field's path.
      </p>
      <div class="editor-layout">
        <CodeEditor
          text={text}
          onChange={(t) => {
            setText(t);
            setSaveIssues(undefined);
          }}
          markedLines={marked}
          label="scenario document"
          jumpRef={jump}
        />
        <aside class="issues-panel">
          <h3>Validation</h3>
          {issues.length === 0 ? (
            <p class="hint">
              {validation.state === 'valid'
                ? 'No issues: the scenario is valid.'
                : validation.state === 'unreachable'
                  ? `Could not check: ${validation.message}`
                  : 'Checking…'}
            </p>
          ) : (
            <IssueList issues={issues} onJump={(line) => jump.current?.(line)} />
          )}
        </aside>
      </div>
      <ErrorBanner error={error} />
      <div class="actions">
        <button type="button" class="button primary" disabled={busy} onClick={save}>
          {stored === undefined ? 'Create scenario' : 'Save changes'}
        </button>
        {savedAt !== undefined && !dirty ? <span class="hint">saved at {savedAt} UTC</span> : null}
        <span class="spacer" />
        {stored === undefined ? null : confirmDelete ? (
          <>
            <span class="hint">Delete “{stored.name}” and its runs?</span>
            <button type="button" class="button danger" disabled={busy} onClick={remove}>
              Confirm delete
            </button>
            <button type="button" class="button" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" class="button" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        )}
      </div>
    </section>
  );
}
