import type { z } from 'zod';
import { InputError } from '../core/errors.ts';

/**
 * A kind of saved document (scenario, site): how the API validates it and what it calls it.
 * The composition root builds these from the engines' own parsers (parseScenario, parseSite).
 */
export interface DocumentKind {
  /** Singular noun, also the key of the document in answers: `scenario`, `site`. */
  readonly noun: 'scenario' | 'site';
  /** The document's zod schema, for the OpenAPI document. */
  readonly schema: z.ZodType;
  /**
   * Validates a document exactly as a file of this kind would be, with issue paths under `root`
   * (`body.company.sites.0.interconnectMw`); returns the name to list it under.
   * @throws InputError for an invalid document.
   */
  validate(value: unknown, root: string): { name: string };
}

/**
 * Re-roots the paths of an InputError raised by a parser that names its input `from` (`scenario.x.y`) so they
 * name the HTTP request part instead (`body.x.y`). Other errors pass through unchanged.
 */
export function reroot(error: unknown, from: string, to: string): unknown {
  if (!(error instanceof InputError)) return error;
  return new InputError(
    error.issues.map((issue) => {
      const path =
        issue.path === from
          ? to
          : issue.path.startsWith(`${from}.`)
            ? `${to}${issue.path.slice(from.length)}`
            : issue.path;
      return { ...issue, path };
    }),
  );
}

/** A {@link DocumentKind} from a parser whose issues start with `parserRoot`, and a name reader. */
export function documentKind<T>(options: {
  noun: 'scenario' | 'site';
  schema: z.ZodType;
  parse: (value: unknown) => T;
  parserRoot: string;
  nameOf: (parsed: T) => string;
}): DocumentKind {
  return {
    noun: options.noun,
    schema: options.schema,
    validate(value, root) {
      let parsed: T;
      try {
        parsed = options.parse(value);
      } catch (error) {
        throw reroot(error, options.parserRoot, root);
      }
      return { name: options.nameOf(parsed) };
    },
  };
}
