import { LineCounter, parseDocument, stringify } from 'yaml';
import type { LocatedIssue } from './issue-location.ts';

export type ParsedText = { ok: true; doc: unknown } | { ok: false; issues: LocatedIssue[] };

/**
 * Reads the editor's text as a scenario document, with the conventions of scenario files: YAML or JSON
 * (which is YAML), anchors and `<<` merge keys expanded, top-level `x-` extension keys dropped. Syntax
 * errors come back as issues on their line, under the path `(text)`.
 */
export function parseScenarioText(text: string): ParsedText {
  if (text.trim() === '')
    return { ok: false, issues: [{ path: '(text)', message: 'the document is empty', line: 1 }] };
  const lineCounter = new LineCounter();
  // merge keys (`<<: *hall`) as scenario files use them to share one AI hall design between strategies
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        path: '(text)',
        message: firstLine(error.message),
        line: lineCounter.linePos(error.pos[0]).line,
      })),
    };
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      issues: [{ path: '(text)', message: 'expected a mapping of fields (name: ...)', line: 1 }],
    };
  }
  return { ok: true, doc: withoutExtensionKeys(value as Record<string, unknown>) };
}

/** Top-level `x-` keys are a scenario file's extension fields (a home for YAML anchors): not sent. */
function withoutExtensionKeys(doc: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('x-')));
}

/** A scenario document as the editor shows it: YAML, two-space indent, keys in their stored order. */
export function scenarioToText(doc: unknown): string {
  return stringify(doc, { indent: 2, lineWidth: 0 });
}

/** The scenario's `name` field, if it has one. */
export function scenarioName(doc: unknown): string | undefined {
  const name = (doc as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
