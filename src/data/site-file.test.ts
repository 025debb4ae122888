import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { InputError } from '../core/errors.ts';
import { parseSiteText } from './site-file.ts';

const issues = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  assert.fail('expected an InputError');
};

describe('parseSiteText', () => {
  it('reads the example site and applies the documented defaults', () => {
    const site = parseSiteText(
      readFileSync(new URL('../../examples/sites/west-texas-mullet.yaml', import.meta.url), 'utf8'),
      'w.yaml',
    );
    assert.equal(site.interconnectMw, 200);
    assert.equal(site.mining.tiers.length, 4);
    assert.equal(site.demandResponse?.fourCp?.intervals?.length, 4);
    const minimal = parseSiteText(
      '{"interconnectMw": 10, "mining": {"tiers": [{"thPerS": 1000, "jPerTh": 20}]}, "power": {"kind": "index", "adderUsdPerMwh": 0}}',
      'min.json',
    );
    assert.equal(minimal.mining.pue, 1);
    assert.equal(minimal.mining.poolFee, 0);
    const ppa = parseSiteText(
      'interconnectMw: 10\nmining: {tiers: [{thPerS: 1000, jPerTh: 20}]}\npower: {kind: fixedPpa, adderUsdPerMwh: 1, ppaUsdPerMwh: 40, ppaMw: 5}\n',
      'ppa.yaml',
    );
    assert.equal(ppa.power.kind === 'fixedPpa' && ppa.power.sellBack, true);
  });

  it('names the full path, the expectation with its unit, and the value', () => {
    const found = issues(() =>
      parseSiteText(
        'interconnectMw: -5\nai: {firmMw: 10, leaseMw: 5, leaseUsdPerKwMonth: 100, powerPassThrough: true}\nmining: {tiers: [{model: Antminer S21, units: 0}]}\npower: {kind: index, adderUsdPerMwh: 2}\n',
        's.yaml',
      ),
    );
    const byPath = new Map(found.map((i) => [i.path, i]));
    assert.equal(byPath.get('site.interconnectMw')?.message, 'expected > 0 MW');
    assert.equal(byPath.get('site.interconnectMw')?.value, -5);
    assert.ok(byPath.has('site.mining.tiers.0') || byPath.has('site.mining.tiers.0.units'));
    assert.match(byPath.get('site.ai.firmMw')?.message ?? '', /at most leaseMw/);
  });

  it('requires exactly one of firmMw and profileCsv, and a window for window-mode 4CP', () => {
    const found = issues(() =>
      parseSiteText(
        'interconnectMw: 5\nai: {leaseUsdPerKwMonth: 1, powerPassThrough: false}\nmining: {tiers: [{thPerS: 1, jPerTh: 1}]}\npower: {kind: index, adderUsdPerMwh: 0}\ndemandResponse: {fourCp: {transmissionUsdPerKwYear: 66, mode: window}}\n',
        's.yaml',
      ),
    );
    assert.deepEqual(found.map((i) => i.path).sort(), [
      'site.ai.firmMw',
      'site.demandResponse.fourCp.window',
    ]);
  });

  it('gives line and column for a YAML syntax error, and rejects unknown fields', () => {
    const [syntax] = issues(() => parseSiteText('interconnectMw: 5\ninterconnectMw: 6\n', 's.yaml'));
    assert.equal(syntax!.line, 2);
    assert.match(syntax!.message, /unique/);
    const unknown = issues(() =>
      parseSiteText(
        'interconnectMw: 5\nminig: {}\nmining: {tiers: [{thPerS: 1, jPerTh: 1}]}\npower: {kind: index, adderUsdPerMwh: 0}\n',
        's.yaml',
      ),
    );
    assert.ok(unknown.some((i) => /minig/.test(i.message)));
  });
});
