import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import type { z } from 'zod';
import { parseWith } from '../schema/parse.ts';

const documentationOnly = new WeakSet<object>();

/**
 * Marks a schema that documents a request part in OpenAPI but is not applied by the framework: the handler
 * validates it itself (saved documents go through the same parser as files, e.g. `x-` anchor keys dropped,
 * cross-field rules checked) and stores them exactly as sent.
 */
export function documentedOnly<S extends z.ZodType>(schema: S): S {
  documentationOnly.add(schema);
  return schema;
}

/**
 * Validates a request part (`body`, `params`, `querystring`, `headers`) with its zod schema and turns every
 * issue into an InputError whose paths start with that part (`body.company.sites.0.interconnectMw`), so the
 * central error handler renders schema failures and handler-raised InputErrors the same way.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const root = httpPart ?? 'body';
  if (documentationOnly.has(schema)) return (data: unknown) => ({ value: data });
  return (data: unknown) => {
    try {
      return { value: parseWith(schema, data, root) };
    } catch (error) {
      return { error: error as Error };
    }
  };
};

/**
 * Response schemas document the API; handlers build answers from typed values, so serialization is plain
 * JSON.stringify (no second validation pass on the hot path).
 */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) =>
  JSON.stringify(data);
