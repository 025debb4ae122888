import { scenarioName, scenarioToText } from './scenario-text.ts';

/** Route id of the "new scenario" editor. */
export const NEW_SCENARIO_ID = 'new';

/**
 * Text of a new scenario: a copy of `base` (a stored scenario document) under a new name, so that the
 * user starts from something valid; a bare name when there is nothing to copy.
 */
export function newScenarioText(base: unknown): string {
  if (typeof base === 'object' && base !== null && !Array.isArray(base)) {
    const name = scenarioName(base);
    return scenarioToText({ ...base, name: `${name ?? 'scenario'} (copy)` });
  }
  return scenarioToText({ name: 'New scenario' });
}
