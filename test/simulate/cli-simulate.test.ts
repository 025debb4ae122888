import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { stringify } from 'yaml';
import { SimulationResult } from '../../src/schema/simulation-result.ts';
import { patched, smallScenarioDocument } from './scenarios.ts';

const root = join(import.meta.dirname, '../..');
function mullet(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    timeout: 60_000, // a hang fails the test instead of stalling the suite
  });
}

const dir = mkdtempSync(join(tmpdir(), 'mullet-simulate-'));
const file = join(dir, 'small.yaml');
writeFileSync(file, stringify(patched(smallScenarioDocument(), { paths: 200, months: 12 })));

describe('mullet simulate', () => {
  it('prints exactly one JSON document that parses as a SimulationResult with --json', () => {
    const r = mullet(['simulate', file, '--json', '--threads', '1']);
    assert.equal(r.status, 0, r.stderr);
    const result = SimulationResult.parse(JSON.parse(r.stdout));
    assert.deepEqual(
      result.strategies.map((s) => s.name),
      ['pure-play', 'mullet', 'floor', 'seller'],
    );
    assert.equal(result.frontier.length, 4);
    assert.equal(result.paths, 200);
  });

  it('prints a report by default and writes quantile-path CSVs with --out', () => {
    const out = join(dir, 'out');
    const r = mullet(['simulate', file, '--paths', '100', '--months', '6', '--out', out, '--threads', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /strategy\s+AI MW\s+NPV p5 \$M/);
    assert.match(r.stdout, /Allocation frontier/);
    assert.deepEqual(readdirSync(out).sort(), [
      'frontier.csv',
      'network.csv',
      'strategies.csv',
      'strategy-floor.csv',
      'strategy-mullet.csv',
      'strategy-pure-play.csv',
      'strategy-seller.csv',
    ]);
    const csv = readFileSync(join(out, 'network.csv'), 'utf8').trim().split('\n');
    assert.equal(csv.length, 1 + 7); // header + months 0 … 6
    assert.match(csv[0]!, /^month,date,price_usd_p5,price_usd_p50,price_usd_p95,price_usd_mean,/);
  });

  it('--out naming a file (not a directory) exits 2 naming the flag, not as an internal error', () => {
    const notDir = join(dir, 'a-file');
    writeFileSync(notDir, '');
    const r = mullet(['simulate', file, '--paths', '20', '--months', '2', '--out', notDir, '--threads', '1']);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `mullet: --out: cannot write CSV files into the directory (ENOTDIR), got "${notDir}"\n`,
    );
  });

  it('--out that cannot be created exits 2 at once, before the run (recursive mkdir spins on /proc)', () => {
    const r = mullet([
      'simulate',
      file,
      '--paths',
      '20',
      '--months',
      '2',
      '--out',
      '/proc/mullet-x',
      '--threads',
      '1',
    ]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^mullet: --out: cannot write CSV files into the directory \(E[A-Z]+\), got "\/proc\/mullet-x"\n$/,
    );
  });

  it('exits 2 with one line per bad flag and names the flag and value', () => {
    const r = mullet(['simulate', file, '--paths', 'many', '--seed', '-1']);
    assert.equal(r.status, 2);
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'mullet: --paths: expected a number in paths, got "many"',
      'mullet: --seed: expected a number >= 0, got "-1"',
    ]);
  });

  it('exits 2 naming the scenario field for a bad file, and FILE for a missing one', () => {
    const bad = join(dir, 'bad.yaml');
    const doc = smallScenarioDocument();
    (doc.company as { sites: { interconnectMw: number }[] }).sites[0]!.interconnectMw = -5;
    writeFileSync(bad, stringify(doc));
    const r = mullet(['simulate', bad]);
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /^mullet: scenario\.company\.sites\.0\.interconnectMw \(line \d+, column \d+\): expected a number > 0 MW, got -5$/m,
    );
    const missing = mullet(['simulate', join(dir, 'nope.yaml')]);
    assert.equal(missing.status, 2);
    assert.match(
      missing.stderr,
      /^mullet: FILE: cannot read the scenario file \(ENOENT\), got ".*nope\.yaml"$/m,
    );
  });

  it('has --help with a worked example', () => {
    const r = mullet(['simulate', '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /\$ mullet simulate examples\/mid-size-miner\.yaml/);
  });
});
