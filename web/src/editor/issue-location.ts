import { LineCounter, parseDocument } from 'yaml';
import type { Issue } from '../api/types.ts';

/** An issue from the API, placed in the editor's text: 1-based line, or undefined when it has no place. */
export interface LocatedIssue extends Issue {
  line: number | undefined;
}

/**
 * Path segments of an API issue path, without the request part: `body.sites[0].interconnectMw` →
 * `['sites', 0, 'interconnectMw']`.
 */
export function pathSegments(path: string): Array<string | number> {
  const segments = path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((s) => s !== '');
  if (segments[0] === 'body') segments.shift();
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Finds the line of each issue's field in the YAML (or JSON) text. A missing field points at its nearest
 * parent that exists, so "required" errors land next to the object that lacks the field.
 */
export function locateIssues(text: string, issues: Issue[]): LocatedIssue[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return issues.map((issue) => {
    const segments = pathSegments(issue.path);
    for (let n = segments.length; n >= 1; n--) {
      const node = doc.getIn(segments.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      const pair = n === segments.length ? keyOffset(doc, segments) : undefined;
      const offset = pair ?? node?.range?.[0];
      if (offset !== undefined) return { ...issue, line: lineCounter.linePos(offset).line };
    }
    return { ...issue, line: undefined };
  });
}

/** Offset of the key of the last segment (the line where `field:` is written), when the parent is a map. */
function keyOffset(
  doc: ReturnType<typeof parseDocument>,
  segments: Array<string | number>,
): number | undefined {
  const parent = segments.length === 1 ? doc.contents : doc.getIn(segments.slice(0, -1), true);
  const items = (parent as { items?: unknown[] } | null)?.items;
  if (!Array.isArray(items)) return undefined;
  const last = segments[segments.length - 1];
  for (const item of items) {
    const key = (item as { key?: { value?: unknown; range?: [number, number, number] } }).key;
    if (key !== undefined && key.value === last && key.range !== undefined) return key.range[0];
  }
  return undefined;
}
