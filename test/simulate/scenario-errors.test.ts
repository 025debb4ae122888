import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { parseScenarioText } from '../../src/data/scenario-file.ts';
import { parseScenario } from '../../src/schema/scenario.ts';
import { patched, smallScenarioDocument } from './scenarios.ts';

/** The issues of a rejected document, rendered as the CLI prints them. */
function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.message.split('\n');
    throw error;
  }
  assert.fail('expected an InputError');
}

function withSite(patch: Record<string, unknown>): Record<string, unknown> {
  const doc = smallScenarioDocument();
  const company = doc.company as { sites: Record<string, unknown>[] };
  company.sites[0] = { ...company.sites[0], ...patch };
  return doc;
}

describe('scenario errors name the exact field and value', () => {
  it('accepts the small scenario and fills documented defaults', () => {
    const s = parseScenario(smallScenarioDocument());
    assert.equal(s.market.network.powerCostUsdPerMwh, 45);
    assert.equal(s.strategies[0]!.conversions.length, 0);
  });

  it('rejects a negative interconnect at scenario.company.sites.0.interconnectMw with its value', () => {
    assert.deepEqual(
      issuesOf(() => parseScenario(withSite({ interconnectMw: -5 })))[0],
      'scenario.company.sites.0.interconnectMw: expected a number > 0 MW, got -5',
    );
  });

  it('rejects a string where a number belongs, an unknown key and an unknown policy, all at once', () => {
    const doc = patched(smallScenarioDocument(), {
      market: { price: { model: 'gbm', startUsd: 'lots', driftPerYear: 0.1 } },
      strategies: [{ name: 'x', treasury: 'yolo', extra: 1 }],
    });
    assert.deepEqual(issuesOf(() => parseScenario(doc)).sort(), [
      'scenario.market.price.startUsd: expected a number in USD/BTC, got "lots"',
      'scenario.strategies.0.treasury: expected one of "hodl", "sell-to-cover", "never-sell-below-cost", "sell-production", got "yolo"',
      'scenario.strategies.0: Unrecognized key: "extra"',
    ]);
  });

  it('rejects an unknown ASIC model with the closest catalog names', () => {
    const doc = withSite({ fleet: [{ model: 'Antminer S21 Pro Max', units: 10 }] });
    const [issue] = issuesOf(() => parseScenario(doc));
    assert.match(
      issue!,
      /^scenario\.company\.sites\.0\.fleet\.0\.model: unknown ASIC model; did you mean "Antminer S21/,
    );
    assert.match(issue!, /got "Antminer S21 Pro Max"$/);
  });

  it('rejects a fleet that does not fit its interconnect, and conversions beyond the site', () => {
    const fleet = issuesOf(() => parseScenario(withSite({ interconnectMw: 20 })));
    assert.match(
      fleet[0]!,
      /^scenario\.company\.sites\.0\.fleet: expected the fleet \(.* MW with PUE 1\.05\) .* to fit the 20 MW interconnect$/,
    );
    const doc = smallScenarioDocument();
    const mullet = (doc.strategies as { conversions: { itMw: number }[] }[])[1]!;
    mullet.conversions[0]!.itMw = 40;
    assert.match(
      issuesOf(() => parseScenario(doc))[0]!,
      /^scenario\.strategies\.1\.conversions\.0\.itMw: expected the conversions at "Alpha"/,
    );
  });

  it('rejects references to missing sites and strategies, and frontier points beyond what the sites hold', () => {
    const doc = patched(smallScenarioDocument(), {
      baseline: 'nope',
      frontier: { strategy: 'mullet', aiMw: [0, 31] },
    });
    (doc.strategies as { conversions: { site: string }[] }[])[1]!.conversions[0]!.site = 'Beta';
    assert.deepEqual(
      issuesOf(() => parseScenario(doc)),
      [
        'scenario.strategies.1.conversions.0.site: expected one of the sites "Alpha", got "Beta"',
        'scenario.baseline: expected one of the strategies "pure-play", "mullet", "floor", "seller", got "nope"',
        'scenario.frontier.strategy: expected a strategy with at least one conversion to scale, got "mullet"',
      ],
    );
    const big = patched(smallScenarioDocument(), { frontier: { strategy: 'mullet', aiMw: [0, 31] } });
    assert.deepEqual(
      issuesOf(() => parseScenario(big)),
      [
        'scenario.frontier.aiMw.1: expected at most 30.7692 MW of critical IT (what the sites of "mullet" can host), got 31',
      ],
    );
  });

  it('gives YAML line and column for schema errors and syntax errors', () => {
    const text = ['name: x', "startDate: '2025-02-30'", 'months: 12'].join('\n');
    const error = (() => {
      try {
        parseScenarioText(text, 'bad.yaml');
      } catch (e) {
        return e as InputError;
      }
      return undefined;
    })();
    assert.ok(error instanceof InputError);
    const date = error.issues.find((i) => i.path === 'scenario.startDate');
    assert.equal(date?.message, 'expected a real calendar date YYYY-MM-DD');
    assert.equal(date?.line, 2);
    const syntax = issuesOf(() => parseScenarioText('name: [unclosed', 'broken.yaml'));
    assert.match(syntax[0]!, /^broken\.yaml \(line 1, column \d+\): /);
  });
});
