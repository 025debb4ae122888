import { useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.ts';
import { DOC_KINDS, type DocKind } from '../api/documents.ts';
import type { StoredSummary } from '../api/types.ts';
import { type LocatedIssue, locateIssues } from '../editor/issue-location.ts';
import { parseScenarioText } from '../editor/scenario-text.ts';
import { useValidation } from '../editor/use-validation.ts';
import { CodeEditor } from './code-editor.tsx';
import { ErrorBanner } from './error-banner.tsx';
import { IssueList } from './issue-list.tsx';
import { ValidationBadge } from './validation-badge.tsx';

export interface DocumentEditorProps {
  kind: DocKind;
  /** The stored scenario or site being edited; undefined for a new one. */
  stored: StoredSummary | undefined;
  initialText: string;
  onSaved: (saved: StoredSummary) => void;
  onDeleted: () => void;
}

/** YAML/JSON editor of one scenario or site with inline validation, save and delete. */
export function DocumentEditor({ kind, stored, initialText, onSaved, onDeleted }: DocumentEditorProps) {
  const info = DOC_KINDS[kind];
  const [text, setText] = useState(initialText);
  const [saveIssues, setSaveIssues] = useState<LocatedIssue[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [savedAt, setSavedAt] = useState<string | undefined>(undefined);
  const jump = useRef<((line: number) => void) | null>(null);
  const validation = useValidation(text, kind);

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
        stored === undefined ? await info.create(parsed.doc) : await info.update(stored.id, parsed.doc);
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
      await info.remove(stored.id);
      onDeleted();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setConfirmDelete(false);
    }
  }

  return (
    <section class="card editor-card" aria-label={`${info.noun} editor`}>
      <div class="card-head">
        <h2>{stored === undefined ? `New ${info.noun}` : stored.name}</h2>
        <ValidationBadge
          validation={validation}
          hasSaveIssues={saveIssues !== undefined && saveIssues.length > 0}
        />
      </div>
      <p class="hint">
        YAML or JSON, the same document as a {info.noun} file. Fields are checked as you type; messages name
        the field's path.
      </p>
      <div class="editor-layout">
        <CodeEditor
          text={text}
          onChange={(t) => {
            setText(t);
            setSaveIssues(undefined);
          }}
          markedLines={marked}
          label={`${info.noun} document`}
          jumpRef={jump}
        />
        <aside class="issues-panel">
          <h3>Validation</h3>
          {issues.length === 0 ? (
            <p class="hint">
              {validation.state === 'valid'
                ? `No issues: the ${info.noun} is valid.`
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
          {stored === undefined ? `Create ${info.noun}` : 'Save changes'}
        </button>
        {savedAt !== undefined && !dirty ? <span class="hint">saved at {savedAt} UTC</span> : null}
        <span class="spacer" />
        {stored === undefined ? null : confirmDelete ? (
          <>
            <span class="hint">{info.deleteQuestion(stored.name)}</span>
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
