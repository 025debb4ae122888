import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatIssue, InputError } from '../core/errors.ts';
import type { DocumentCollection, Store } from '../store/store.ts';
import type { DocumentKind } from './document-kind.ts';
import type { ServerLog } from './error-handler.ts';

const FLAG = 'examples-loaded';

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir, { withFileTypes: true });
    return names
      .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
      .map((d) => join(dir, d.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function load(
  files: string[],
  kind: DocumentKind,
  collection: DocumentCollection,
  root: string,
  log: ServerLog,
): Promise<number> {
  const docs: { name: string; document: unknown }[] = [];
  for (const file of files) {
    const label = relative(root, file);
    try {
      // merge keys (`<<: *hall`) as the scenario files use them; stored resolved, as JSON
      const document: unknown = parseYaml(await readFile(file, 'utf8'), { merge: true, uniqueKeys: true });
      docs.push({ name: kind.validate(document, label).name, document });
    } catch (error) {
      const lines = error instanceof InputError ? error.issues.map(formatIssue) : [String(error)];
      log(`mullet serve: skipped example ${label}: ${lines.join('; ')}`);
    }
  }
  await collection.createMany(docs);
  return docs.length;
}

/**
 * On the first start of an empty store, saves the worked examples (`<dir>/*.yaml` scenarios,
 * `<dir>/sites/*.yaml` sites), each validated like an upload; remembers that it did, so examples a user
 * deleted do not come back. Returns how many were loaded.
 */
export async function seedExamples(
  store: Store,
  kinds: { scenario: DocumentKind; site: DocumentKind },
  dir: string,
  log: ServerLog,
): Promise<{ scenarios: number; sites: number }> {
  const none = { scenarios: 0, sites: 0 };
  if (await store.flags.has(FLAG)) return none;
  if ((await store.scenarios.count()) > 0 || (await store.sites.count()) > 0) {
    await store.flags.set(FLAG);
    return none;
  }
  const scenarios = await load(await yamlFiles(dir), kinds.scenario, store.scenarios, dir, log);
  const sites = await load(await yamlFiles(join(dir, 'sites')), kinds.site, store.sites, dir, log);
  await store.flags.set(FLAG);
  return { scenarios, sites };
}
