import type { ValidationState } from '../editor/use-validation.ts';

/** The editor's state in one word: valid, n issues, checking, not checked. */
export function ValidationBadge({
  validation,
  hasSaveIssues,
}: {
  validation: ValidationState;
  hasSaveIssues: boolean;
}) {
  if (hasSaveIssues || validation.state === 'invalid') {
    const n = validation.state === 'invalid' ? validation.issues.length : undefined;
    return <span class="badge bad">{n === undefined ? 'invalid' : `${n} issue${n === 1 ? '' : 's'}`}</span>;
  }
  if (validation.state === 'valid') return <span class="badge good">valid</span>;
  if (validation.state === 'unreachable') return <span class="badge warn">not checked</span>;
  return <span class="badge">checking…</span>;
}
