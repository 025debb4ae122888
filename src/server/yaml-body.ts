import type { FastifyInstance } from 'fastify';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { InputError } from '../core/errors.ts';

/** Media types accepted as YAML documents (a scenario or site file posted as is). */
export const YAML_MEDIA_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/**
 * Lets every route take a YAML body as well as JSON (`curl --data-binary @examples/mid-size-miner.yaml -H
 * 'content-type: application/yaml'`); a YAML syntax error is a 400 at `body` with its line and column.
 */
export function acceptYamlBodies(app: FastifyInstance): void {
  app.addContentTypeParser(YAML_MEDIA_TYPES, { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, parseYaml(String(text), { merge: true, uniqueKeys: true }));
    } catch (error) {
      if (!(error instanceof YAMLParseError)) {
        done(error as Error, undefined);
        return;
      }
      const pos = error.linePos?.[0];
      const message = `invalid YAML: ${error.message.split('\n')[0] ?? ''}`;
      done(
        new InputError(
          pos === undefined
            ? { path: 'body', message }
            : { path: 'body', message, line: pos.line, column: pos.col },
        ),
        undefined,
      );
    }
  });
}
