import { access, constants, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Creates `dir` (and missing parents) and checks it can be written, one level at a time: Node's recursive
 * mkdir never returns on some pseudo-filesystems (`/proc/x` spins forever). Rejects with the errno code.
 */
export async function ensureWritableDir(dir: string): Promise<void> {
  const missing: string[] = [];
  let cur = resolve(dir);
  for (;;) {
    try {
      if (!(await stat(cur)).isDirectory())
        throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(cur);
      const parent = dirname(cur);
      if (parent === cur) break;
      cur = parent;
    }
  }
  for (const path of missing.reverse()) await mkdir(path);
  await access(resolve(dir), constants.W_OK);
}
