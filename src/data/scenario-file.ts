import { dirname, isAbsolute, join } from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { InputError, type InputIssue } from '../core/errors.ts';
import { parseScenario, type Scenario } from '../schema/scenario.ts';

/**
 * Parses a scenario file's text (YAML, or JSON, which is YAML) into a checked {@link Scenario}.
 * Top-level keys starting with `x-` are extension fields (a home for YAML anchors, as in Compose files) and
 * are dropped before validation; `<<` merge keys are honoured. Relative file paths inside it (`market.price.coinMetricsCsv`) are resolved against the file's folder.
 * @throws InputError for YAML syntax errors (with line and column) and for every schema or cross-field
 *   problem, at its full path (`scenario.company.sites.0.interconnectMw`) with the line of the offending value.
 */
export function parseScenarioText(text: string, fileName: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const issue: InputIssue = {
          path: fileName,
          message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
        };
        if (pos) {
          issue.line = pos.line;
          issue.column = pos.col;
        }
        return issue;
      }),
    );
  }
  const value: unknown = withoutExtensionKeys(doc.toJS({ maxAliasCount: 100 }));
  let scenario: Scenario;
  try {
    scenario = parseScenario(value);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(
      error.issues.map((issue) => {
        const keys = issue.path
          .split('.')
          .slice(1)
          .map((k) => (/^\d+$/.test(k) ? Number(k) : k));
        // the deepest node that exists along the path
        for (let n = keys.length; n >= 0; n--) {
          const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
          if (isNode(node) && node.range) {
            const pos = lineCounter.linePos(node.range[0]);
            return { ...issue, line: pos.line, column: pos.col };
          }
        }
        return issue;
      }),
    );
  }
  const price = scenario.market.price;
  if (price.model === 'bootstrap' && !isAbsolute(price.coinMetricsCsv))
    return {
      ...scenario,
      market: {
        ...scenario.market,
        price: { ...price, coinMetricsCsv: join(dirname(fileName), price.coinMetricsCsv) },
      },
    };
  return scenario;
}

/** Drops top-level `x-…` keys (YAML anchor holders); scenario documents posted over HTTP get the same. */
export function withoutExtensionKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !k.startsWith('x-')));
}
