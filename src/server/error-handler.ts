import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { InputError, type InputIssue } from '../core/errors.ts';
import type { ErrorBody, HttpIssue } from './http-schemas.ts';

/** Where the server reports failures it cannot show the client (a bug, a database outage). */
export type ServerLog = (line: string) => void;

function toHttpIssue(issue: InputIssue): HttpIssue {
  const out: HttpIssue = { path: issue.path, message: issue.message };
  if (issue.value !== undefined) out.value = issue.value;
  if (issue.line !== undefined) out.line = issue.line;
  if (issue.column !== undefined) out.column = issue.column;
  return out;
}

/** Fastify's own client errors (bad JSON, empty JSON, wrong content type, body too large) as our shape. */
function frameworkClientError(error: FastifyError): { status: number; body: ErrorBody } | undefined {
  const status = error.statusCode ?? 500;
  if (status === 413) return { status, body: { error: 'payload too large' } };
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return {
      status: 400,
      body: {
        error: 'invalid input',
        issues: [{ path: 'body', message: 'expected a JSON document, got an empty body' }],
      },
    };
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
    return {
      status: 400,
      body: { error: 'invalid input', issues: [{ path: 'body', message: `invalid JSON: ${error.message}` }] },
    };
  if (status === 415)
    return {
      status,
      body: {
        error: 'unsupported media type',
        issues: [{ path: 'headers.content-type', message: 'expected application/json' }],
      },
    };
  if (status >= 400 && status < 500) return { status, body: { error: error.message.toLowerCase() } };
  return undefined;
}

/**
 * The server's one error renderer: InputError (from schema validation or a handler) → 400 with issues;
 * framework client errors → their status in the same shape; anything else → 500 `internal error`, logged
 * with its stack on the server, never sent to the client.
 */
export function createErrorHandler(log: ServerLog) {
  return (error: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    if (error instanceof InputError) {
      void reply
        .code(400)
        .send({ error: 'invalid input', issues: error.issues.map(toHttpIssue) } satisfies ErrorBody);
      return;
    }
    if (error instanceof Error) {
      const client = frameworkClientError(error as FastifyError);
      if (client) {
        void reply.code(client.status).send(client.body);
        return;
      }
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`mullet serve: internal error on ${request.method} ${request.url}: ${detail}`);
    void reply.code(500).send({ error: 'internal error' } satisfies ErrorBody);
  };
}
