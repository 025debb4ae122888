import type { z } from 'zod';
import { InputError, type InputIssue } from '../core/errors.ts';

/**
 * Parses `value` with `schema`, turning every validator issue into an {@link InputIssue} whose path starts with
 * `root` (e.g. `scenario`, `site`, `body`). The one place where validator issues become Mullet's issues.
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, root: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    const got = valueAt(value, issue.path);
    const out: InputIssue = { path, message: issue.message.replace(/^Invalid input: /, '') };
    if (got !== undefined && typeof got !== 'object') out.value = got;
    return out;
  });
  throw new InputError(issues);
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
