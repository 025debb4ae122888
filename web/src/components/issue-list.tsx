import type { LocatedIssue } from '../editor/issue-location.ts';
import { pathSegments } from '../editor/issue-location.ts';

/** Validation messages beside the editor: the field path, what is wrong, and a jump to its line. */
export function IssueList({ issues, onJump }: { issues: LocatedIssue[]; onJump: (line: number) => void }) {
  if (issues.length === 0) return null;
  return (
    <ul class="issues" aria-label="validation issues">
      {issues.map((issue, i) => {
        const path = issue.path === '(text)' ? '(text)' : pathSegments(issue.path).join('.') || '(document)';
        return (
          <li class="issue" key={`${issue.path}-${i}`} data-path={path}>
            <code class="issue-path">{path}</code>
            <span class="issue-message">{issue.message}</span>
            {issue.line === undefined ? null : (
              <button type="button" class="link" onClick={() => onJump(issue.line!)}>
                line {issue.line}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
