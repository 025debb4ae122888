import { scenarioName, scenarioToText } from './scenario-text.ts';

/** Route id of the "new scenario" and "new site" editors. */
export const NEW_DOC_ID = 'new';

/**
 * Text of a new document (scenario or site): a copy of `base` (a stored document) under a new name, so
 * that the user starts from something valid; a bare name when there is nothing to copy.
 */
export function newDocumentText(base: unknown, noun = 'scenario'): string {
  if (typeof base === 'object' && base !== null && !Array.isArray(base)) {
    const name = scenarioName(base);
    return scenarioToText({ ...base, name: `${name ?? noun} (copy)` });
  }
  return scenarioToText({ name: `New ${noun}` });
}
