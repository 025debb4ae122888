import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchEngine } from './engine.ts';

// `npm run bench [-- PREFIX...]`: one JSON line per engine whose name starts with a prefix (all when none).
const here = dirname(fileURLToPath(import.meta.url));
const prefixes = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

let ran = 0;
for (const file of files) {
  const mod = (await import(join(here, file))) as { engines: BenchEngine[] };
  for (const engine of mod.engines) {
    if (prefixes.length > 0 && !prefixes.some((p) => engine.name.startsWith(p))) continue;
    const value = await engine.run();
    const line = { name: engine.name, unit: engine.unit, value, ...(engine.extra?.() ?? {}) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    ran++;
  }
}
if (ran === 0) {
  process.stderr.write(`bench: no engine matches ${prefixes.join(', ')}\n`);
  process.exitCode = 2;
}
