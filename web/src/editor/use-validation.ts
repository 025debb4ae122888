import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/api-error.ts';
import { DOC_KINDS, type DocKind } from '../api/documents.ts';
import { type LocatedIssue, locateIssues } from './issue-location.ts';
import { parseScenarioText } from './scenario-text.ts';

export type ValidationState =
  | { state: 'checking' }
  | { state: 'valid' }
  | { state: 'invalid'; issues: LocatedIssue[] }
  | { state: 'unreachable'; message: string };

/**
 * Validates the editor's text as the user types: syntax locally, then the document's schema on the server
 * (POST /api/scenarios/validate or /api/sites/validate), `delayMs` after the last keystroke. Stale answers
 * are dropped.
 */
export function useValidation(text: string, kind: DocKind, delayMs = 350): ValidationState {
  const [result, setResult] = useState<ValidationState>({ state: 'checking' });
  useEffect(() => {
    let current = true;
    setResult({ state: 'checking' });
    const timer = setTimeout(async () => {
      const parsed = parseScenarioText(text);
      if (!parsed.ok) {
        setResult({ state: 'invalid', issues: parsed.issues });
        return;
      }
      try {
        await DOC_KINDS[kind].validate(parsed.doc);
        if (current) setResult({ state: 'valid' });
      } catch (error) {
        if (!current) return;
        if (error instanceof ApiError && error.status === 400) {
          setResult({ state: 'invalid', issues: locateIssues(text, error.issues) });
        } else {
          setResult({
            state: 'unreachable',
            message: error instanceof Error ? error.message : String(error),
          });
        }
      }
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, kind, delayMs]);
  return result;
}
