import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// Dependencies point inward (STYLE.md): the core knows nothing of disks, sockets, terminals or clocks, and
// schema/data never reach into the shells. Test files may use node: modules; the code under test may not.
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const SHELLS = ['cli', 'server', 'store', 'jobs', 'solvers'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

function violations(layer: string, forbidden: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(join(SRC, layer)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => forbidden(spec, file))
      .map((spec) => `${relative(SRC, file)} imports ${spec}`),
  );
}

const reachesShell = (spec: string, file: string) =>
  spec.startsWith('.') &&
  SHELLS.some((shell) => relative(SRC, join(file, '..', spec)).startsWith(`${shell}/`));

describe('architecture', () => {
  it('keeps src/core free of node: modules and of the shells', () => {
    assert.deepEqual(
      violations('core', (spec, file) => spec.startsWith('node:') || reachesShell(spec, file)),
      [],
    );
  });

  it('keeps src/core free of the clock and of Math.random', () => {
    const found = sourceFiles(join(SRC, 'core')).filter((file) =>
      /\bDate\.now\(|\bnew Date\(\)|Math\.random\(|\bprocess\./.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(
      found.map((f) => relative(SRC, f)),
      [],
    );
  });

  it('keeps src/schema and src/data out of the shells and off the disk (node:path string work is allowed)', () => {
    const io = (spec: string) => spec.startsWith('node:') && spec !== 'node:path';
    assert.deepEqual(
      [
        ...violations('schema', (spec, file) => spec.startsWith('node:') || reachesShell(spec, file)),
        ...violations('data', (spec, file) => io(spec) || reachesShell(spec, file)),
      ],
      [],
    );
  });
});
