import { formatIssue, InputError } from '../core/errors.ts';

/** The CLI's one error renderer: input errors are one line per issue and exit 2; anything else is a bug, exit 1. */
export function reportError(error: unknown): number {
  if (error instanceof InputError) {
    for (const issue of error.issues) process.stderr.write(`mullet: ${formatIssue(issue)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`mullet: internal error: ${message}\n`);
  if (process.env.MULLET_DEBUG && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('mullet: this is a bug; rerun with MULLET_DEBUG=1 for details\n');
  return 1;
}
