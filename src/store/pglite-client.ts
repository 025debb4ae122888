import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { InputError } from '../core/errors.ts';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

/**
 * Embedded PostgreSQL (PGlite, WASM) persisted in `dir`; `undefined` keeps it in memory.
 * The first open of a new directory runs initdb (a few seconds); reopening takes a fraction of a second.
 * PGlite is single-process: a `<dir>.lock` file holding the pid keeps a second live process out.
 * @throws InputError when another live process holds the directory.
 */
export async function openPgliteClient(dir: string | undefined): Promise<SqlClient> {
  const lock = dir === undefined ? undefined : `${dir}.lock`;
  if (dir !== undefined && lock !== undefined) {
    await mkdir(dir, { recursive: true });
    await takeLock(lock, dir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dir);
  } catch (error) {
    if (lock !== undefined) await rm(lock, { force: true });
    throw error;
  }
  const executor = (q: Pick<PGlite, 'query'>): SqlExecutor => ({
    async query(sql, params = []) {
      const result = await q.query<Record<string, unknown>>(sql, [...params]);
      return result.rows;
    },
  });
  return {
    kind: 'embedded',
    ...executor(db),
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    async close() {
      await db.close();
      if (lock !== undefined) await rm(lock, { force: true });
    },
  };
}

async function takeLock(lock: string, dir: string): Promise<void> {
  try {
    await writeFile(lock, String(process.pid), { flag: 'wx' });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder))
    throw new InputError({
      path: 'data-dir',
      message: `the embedded database is in use by process ${holder}; stop it or choose another --data-dir`,
      value: dir,
    });
  // A lock left by a crashed process (or by this one, after a simulated crash): take it over.
  await writeFile(lock, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
