/**
 * Two kinds of failure, never mixed:
 * - {@link InputError}: the caller gave something we cannot use; it carries issues as data so each shell
 *   (CLI, HTTP) renders them its own way.
 * - {@link invariant}: a bug in Mullet itself.
 */

/** One problem with one input field. `path` is the full dotted path (`site.interconnectMw`, `--price`). */
export interface InputIssue {
  path: string;
  message: string;
  value?: unknown;
  /** 1-based line and column, for text inputs such as CSV files. */
  line?: number;
  column?: number;
}

export class InputError extends Error {
  readonly issues: InputIssue[];

  constructor(issues: InputIssue[] | InputIssue) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map(formatIssue).join('\n'));
    this.name = 'InputError';
    this.issues = list;
  }
}

/** Renders `path: message, got value` (with `line N` for text inputs). */
export function formatIssue(issue: InputIssue): string {
  const where =
    issue.line === undefined ? '' : ` (line ${issue.line}${issue.column ? `, column ${issue.column}` : ''})`;
  const got = issue.value === undefined ? '' : `, got ${formatValue(issue.value)}`;
  return `${issue.path}${where}: ${issue.message}${got}`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}

/** Throws an {@link InputError} for one field. */
export function inputError(path: string, message: string, value?: unknown): never {
  throw new InputError(value === undefined ? { path, message } : { path, message, value });
}

export class InvariantError extends Error {
  override name = 'InvariantError';
}

/** Asserts a condition that only a bug in Mullet can break. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new InvariantError(`invariant failed: ${message}`);
}
