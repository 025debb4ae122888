import { isAbsolute, join, resolve } from 'node:path';
import { InputError } from '../core/errors.ts';

/** Where the store lives, decided once at a composition root from flags and environment. */
export type StoreConfig =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'postgres'; databaseUrl: string; dataDir: string };

/**
 * `--data-dir` wins over `MULLET_DATA_DIR`, which wins over `.mullet/` under `cwd`. `DATABASE_URL`, when set,
 * selects PostgreSQL (the data dir still holds nothing but may be used by other features).
 */
export function resolveStoreConfig(input: {
  dataDirFlag?: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}): StoreConfig {
  const raw = input.dataDirFlag ?? input.env.MULLET_DATA_DIR ?? '.mullet';
  if (raw.trim() === '') {
    const path = input.dataDirFlag === undefined ? 'MULLET_DATA_DIR' : '--data-dir';
    throw new InputError({ path, message: 'expected a directory path', value: raw });
  }
  const dataDir = isAbsolute(raw) ? raw : resolve(input.cwd, raw);
  const url = input.env.DATABASE_URL;
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new InputError({
        path: 'DATABASE_URL',
        message: 'expected a postgres:// or postgresql:// URL',
        value: url.replace(/:[^:@/]*@/, ':***@'),
      });
    return { kind: 'postgres', databaseUrl: url, dataDir };
  }
  return { kind: 'embedded', dataDir };
}

/** The PGlite directory inside a data dir. */
export function embeddedDbDir(dataDir: string): string {
  return join(dataDir, 'db');
}
