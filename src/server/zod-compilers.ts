import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import type { z } from 'zod';
import { parseWith } from '../schema/parse.ts';

const keepInput = new WeakSet<object>();

/**
 * Marks a schema whose request part is validated but handed to the handler as sent, not as parsed (no
 * defaults filled in, nothing stripped): saved documents are stored exactly as the user wrote them.
 */
export function validatedAsSent<S extends z.ZodType>(schema: S): S {
  keepInput.add(schema);
  return schema;
}

/**
 * Validates a request part (`body`, `params`, `querystring`, `headers`) with its zod schema and turns every
 * issue into an InputError whose paths start with that part (`body.company.sites.0.interconnectMw`), so the
 * central error handler renders schema failures and handler-raised InputErrors the same way.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const root = httpPart ?? 'body';
  const asSent = keepInput.has(schema);
  return (data: unknown) => {
    try {
      const value = parseWith(schema, data, root);
      return { value: asSent ? data : value };
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
