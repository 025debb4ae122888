import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const WEB_DIR = join(ROOT, 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');

function newestMtimeMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, name)));
  return newest;
}

/** Whether web/dist is missing or older than any source of the dashboard. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((p) => join(WEB_DIR, p)).filter(existsSync);
  const builtMs = statSync(index).mtimeMs;
  return sources.some((p) => newestMtimeMs(p) > builtMs);
}

/** Builds the dashboard into web/dist with Vite's JS API when it is missing or stale; returns the dist dir. */
export async function ensureWebBuild(): Promise<string> {
  if (webBuildIsStale()) {
    const { build } = await import('vite');
    await build({ configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
  }
  return WEB_DIST;
}
