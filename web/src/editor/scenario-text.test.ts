import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseScenarioText, scenarioName, scenarioToText } from './scenario-text.ts';

describe('scenario editor text', () => {
  it('reads YAML and JSON alike', () => {
    const fromYaml = parseScenarioText('name: a\nsite:\n  interconnectMw: 100\n');
    const fromJson = parseScenarioText('{"name": "a", "site": {"interconnectMw": 100}}');
    assert.deepEqual(fromYaml, fromJson);
    assert.deepEqual(fromYaml, { ok: true, doc: { name: 'a', site: { interconnectMw: 100 } } });
  });

  it('expands anchors and merge keys and drops x- extension keys, as scenario files do', () => {
    const text = 'x-hall: &hall\n  pue: 1.3\n  capexUsdPerMw: 9\nhalls:\n  - { <<: *hall, site: Milam }\n';
    const parsed = parseScenarioText(text);
    assert.deepEqual(parsed, { ok: true, doc: { halls: [{ pue: 1.3, capexUsdPerMw: 9, site: 'Milam' }] } });
  });

  it('reports a syntax error on its line', () => {
    const parsed = parseScenarioText('name: a\nsite:\n  interconnectMw: [1, 2\n');
    assert.equal(parsed.ok, false);
    if (!parsed.ok) {
      assert.equal(parsed.issues[0]?.path, '(text)');
      assert.ok((parsed.issues[0]?.line ?? 0) >= 3);
    }
  });

  it('rejects an empty text and a bare scalar', () => {
    assert.equal(parseScenarioText('   ').ok, false);
    assert.equal(parseScenarioText('42').ok, false);
  });

  it('scenarioToText round-trips through parseScenarioText', () => {
    const doc = { name: 'Permian', strategies: [{ name: 'mullet', aiMw: 40 }] };
    const parsed = parseScenarioText(scenarioToText(doc));
    assert.deepEqual(parsed, { ok: true, doc });
    assert.equal(scenarioName(doc), 'Permian');
    assert.equal(scenarioName({}), undefined);
  });
});
