import { parseDocument } from 'yaml';
import { InputError } from '../core/errors.ts';
import { parseSite, type Site } from '../schema/site.ts';

/**
 * Parses a site file, YAML or JSON (by extension, or a leading `{`), and validates it.
 * @throws InputError with line and column for a syntax error, or the field path (`site.mining.tiers.0.units`).
 */
export function parseSiteText(text: string, fileName: string): Site {
  const json = /\.json$/i.test(fileName) || /^\s*\{/.test(text);
  let value: unknown;
  if (json) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError({ path: fileName, message: `invalid JSON: ${(error as Error).message}` });
    }
  } else {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    const first = doc.errors[0];
    if (first !== undefined) {
      const pos = first.linePos?.[0];
      throw new InputError({
        path: fileName,
        message: `invalid YAML: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
      });
    }
    value = doc.toJS();
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new InputError({
      path: fileName,
      message: 'expected a site document (a mapping with interconnectMw, mining, power)',
    });
  return parseSite(value);
}
