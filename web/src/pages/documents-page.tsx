import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DOC_KINDS, type DocKind, type StoredDocument } from '../api/documents.ts';
import type { StoredSummary } from '../api/types.ts';
import { DocumentEditor } from '../components/document-editor.tsx';
import { DocumentList } from '../components/document-list.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { NEW_DOC_ID, newDocumentText } from '../editor/new-document.ts';
import { scenarioToText } from '../editor/scenario-text.ts';
import { navigate } from '../navigate.ts';
import { docRoute } from '../route.ts';

export interface DocumentsPageProps {
  kind: DocKind;
  /** The id in the route: a stored document, {@link NEW_DOC_ID}, or undefined for the newest. */
  docId: string | undefined;
  /** Shown under the editor of a saved document (the run panel of a scenario, a site's back-test link). */
  below?: (current: StoredDocument) => ComponentChildren;
}

/** #/scenarios[/ID] and #/sites[/ID]: the saved documents of one kind, and the editor of one. */
export function DocumentsPage({ kind, docId, below }: DocumentsPageProps) {
  const info = DOC_KINDS[kind];
  const [list, setList] = useState<StoredSummary[] | undefined>(undefined);
  const [current, setCurrent] = useState<StoredDocument | undefined>(undefined);
  const [template, setTemplate] = useState<unknown>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [listVersion, setListVersion] = useState(0);

  useEffect(() => {
    let live = true;
    info
      .list()
      .then((items) => {
        if (!live) return;
        setList(items);
        const newest = [...items].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
        if (docId === undefined && newest !== undefined) navigate(docRoute(kind, newest.id), true);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [info, kind, listVersion, docId]);

  useEffect(() => {
    let live = true;
    setCurrent(undefined);
    if (docId === undefined || docId === NEW_DOC_ID) return;
    info
      .get(docId)
      .then((d) => {
        if (!live) return;
        setCurrent(d);
        setTemplate(d.doc);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [info, docId]);

  const isNew = docId === NEW_DOC_ID;
  return (
    <div class="page scenarios-page">
      <DocumentList
        kind={kind}
        items={list ?? []}
        selectedId={docId}
        onNew={() => navigate(docRoute(kind, NEW_DOC_ID))}
      />
      <div class="main-column">
        <ErrorBanner error={error} />
        {isNew ? (
          <DocumentEditor
            key="new"
            kind={kind}
            stored={undefined}
            initialText={newDocumentText(template, info.noun)}
            onSaved={(saved) => {
              setListVersion((v) => v + 1);
              navigate(docRoute(kind, saved.id));
            }}
            onDeleted={() => undefined}
          />
        ) : current !== undefined ? (
          <>
            <DocumentEditor
              key={`${current.id}-${current.updatedAt}`}
              kind={kind}
              stored={current}
              initialText={scenarioToText(current.doc)}
              onSaved={(saved) => {
                setListVersion((v) => v + 1);
                info
                  .get(saved.id)
                  .then(setCurrent)
                  .catch((e) => setError(e));
              }}
              onDeleted={() => {
                setListVersion((v) => v + 1);
                navigate(docRoute(kind, undefined));
              }}
            />
            {below?.(current)}
          </>
        ) : list !== undefined && list.length === 0 ? (
          <section class="card">
            <h2>No {info.noun} yet</h2>
            <p>
              Create one with <strong>+ New</strong>: paste a {info.noun} file (YAML or JSON) and save it.
            </p>
          </section>
        ) : (
          <p class="hint">Loading…</p>
        )}
      </div>
    </div>
  );
}
