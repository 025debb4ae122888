import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locateIssues, pathSegments } from './issue-location.ts';

const yamlText = `name: Permian 2026
site:
  interconnectMw: -5
  node: HB_WEST
strategies:
  - name: pure-play
  - name: mullet
    aiMw: 40
`;

describe('placing API issues in the editor text', () => {
  it('pathSegments drops the body prefix and reads array indices', () => {
    assert.deepEqual(pathSegments('body.site.interconnectMw'), ['site', 'interconnectMw']);
    assert.deepEqual(pathSegments('strategies[1].aiMw'), ['strategies', 1, 'aiMw']);
    assert.deepEqual(pathSegments('strategies.1.aiMw'), ['strategies', 1, 'aiMw']);
  });

  it('finds the line of a field in YAML', () => {
    const [located] = locateIssues(yamlText, [
      { path: 'body.site.interconnectMw', message: 'expected > 0 MW' },
    ]);
    assert.equal(located?.line, 3);
    assert.equal(located?.message, 'expected > 0 MW');
  });

  it('finds fields inside arrays', () => {
    const [located] = locateIssues(yamlText, [{ path: 'strategies.1.aiMw', message: 'too big' }]);
    assert.equal(located?.line, 8);
  });

  it('points a missing field at its parent', () => {
    const [located] = locateIssues(yamlText, [{ path: 'strategies.0.aiMw', message: 'required' }]);
    assert.equal(located?.line, 6);
  });

  it('works on JSON text too', () => {
    const json = JSON.stringify({ name: 'x', site: { interconnectMw: -5 } }, null, 2);
    const [located] = locateIssues(json, [{ path: 'site.interconnectMw', message: 'bad' }]);
    assert.equal(located?.line, 4);
  });

  it('leaves the line undefined when nothing of the path exists', () => {
    const [located] = locateIssues(yamlText, [{ path: 'treasury.policy', message: 'required' }]);
    assert.equal(located?.line, undefined);
  });
});
