import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DocumentSummary } from '../../store/records.ts';
import type { DocumentCollection } from '../../store/store.ts';
import type { DocumentKind } from '../document-kind.ts';
import { ErrorBody, errorResponses, IdParams } from '../http-schemas.ts';
import { documentedOnly } from '../zod-compilers.ts';

const notFound = { error: 'not found' } as const;

/**
 * CRUD for one kind of saved document under `/api/<plural>`: list, create, read, replace, delete, and
 * `POST /validate` (the editor's inline check; nothing is stored). Documents are validated in full before any
 * write and stored exactly as sent.
 */
export function documentRoutes(options: {
  plural: 'scenarios' | 'sites';
  kind: DocumentKind;
  collection: DocumentCollection;
  /** Called after a document was deleted (e.g. to stop the scenario's runs). */
  onRemoved?: (id: string) => void;
}): FastifyPluginAsyncZod {
  const { plural, kind, collection } = options;
  const noun = kind.noun;
  const tags = [plural];
  const body = documentedOnly(kind.schema);
  const Stored = DocumentSummary.extend({ [noun]: kind.schema });
  const stored = (doc: Awaited<ReturnType<DocumentCollection['get']>> & object) => ({
    id: doc.id,
    name: doc.name,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    [noun]: doc.document,
  });
  const base = `/api/${plural}`;

  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: `list saved ${plural}, latest first`,
          response: { 200: z.array(DocumentSummary) },
        },
      },
      async () => collection.list(),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: `save a new ${noun} (the same document as a ${noun} file, as JSON)`,
          body,
          response: { 201: Stored, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { name } = kind.validate(request.body, 'body');
        const doc = await collection.create({ name, document: request.body });
        return reply.code(201).header('location', `${base}/${doc.id}`).send(stored(doc));
      },
    );

    app.post(
      `${base}/validate`,
      {
        schema: {
          tags,
          summary: `check a ${noun} document without saving it`,
          body,
          response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
        },
      },
      async (request) => {
        kind.validate(request.body, 'body');
        return { ok: true as const };
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `read one ${noun}`,
          params: IdParams,
          response: { 200: Stored, 404: ErrorBody },
        },
      },
      async (request, reply) => {
        const doc = await collection.get(request.params.id);
        return doc ? stored(doc) : reply.code(404).send(notFound);
      },
    );

    app.put(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `replace a saved ${noun}`,
          params: IdParams,
          body,
          response: { 200: Stored, 404: ErrorBody, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { name } = kind.validate(request.body, 'body');
        const doc = await collection.update(request.params.id, { name, document: request.body });
        return doc ? stored(doc) : reply.code(404).send(notFound);
      },
    );

    app.delete(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: `delete a saved ${noun}${noun === 'scenario' ? ' and its runs' : ''}`,
          params: IdParams,
          response: { 204: z.undefined(), 404: ErrorBody, 401: errorResponses[401] },
        },
      },
      async (request, reply) => {
        if (!(await collection.remove(request.params.id))) return reply.code(404).send(notFound);
        options.onRemoved?.(request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
