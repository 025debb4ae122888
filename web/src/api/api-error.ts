import type { Issue } from './types.ts';

/** A non-2xx answer from the API: the status, its `error` line and, for 400, the issues with their paths. */
export class ApiError extends Error {
  readonly status: number;
  readonly issues: Issue[];

  constructor(status: number, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
  }
}

/** Reads an error body (`{ error, issues? }`) defensively: the server may answer with text on a crash. */
export function apiErrorFromBody(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const record = body as { error?: unknown; message?: unknown; issues?: unknown };
    const message =
      typeof record.error === 'string'
        ? record.error
        : typeof record.message === 'string'
          ? record.message
          : `HTTP ${status}`;
    const issues = Array.isArray(record.issues) ? record.issues.filter(isIssue) : [];
    return new ApiError(status, message, issues);
  }
  return new ApiError(status, typeof body === 'string' && body !== '' ? body : `HTTP ${status}`);
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as { path?: unknown; message?: unknown };
  return typeof record.path === 'string' && typeof record.message === 'string';
}
