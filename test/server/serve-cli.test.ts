import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

function mullet(args: string[], env: Record<string, string | undefined> = {}) {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  delete childEnv.DATABASE_URL;
  delete childEnv.MULLET_API_TOKEN;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) childEnv[k] = v;
  return spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(
  proc: ReturnType<typeof mullet>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  proc.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => proc.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('mullet serve', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'mullet-serve-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('prints the URL on stdout, serves the API, and stops cleanly on SIGTERM', async () => {
    const proc = mullet(['serve', '--port', '0', '--data-dir', join(root, 'data')]);
    const done = collect(proc);
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      proc.stdout.on('data', (c: Buffer) => {
        text += c.toString();
        if (text.includes('\n')) resolve(text.split('\n')[0] ?? '');
      });
      proc.on('exit', () => reject(new Error('serve exited early')));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string; store: string };
    assert.deepEqual([health.status, health.store], ['ok', 'embedded']);
    proc.kill('SIGTERM');
    const { code, stdout } = await done;
    assert.equal(code, 0);
    assert.equal(stdout, `${url}\n`, 'stdout holds the URL and nothing else');
  });

  it('refuses a non-loopback host without MULLET_API_TOKEN: one line, exit 2', async () => {
    const { code, stdout, stderr } = await collect(
      mullet(['serve', '--host', '0.0.0.0', '--port', '0', '--data-dir', join(root, 'never')]),
    );
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(
      stderr,
      /^mullet: --host: binding a non-loopback address needs MULLET_API_TOKEN.*got "0\.0\.0\.0"/,
    );
  });

  it('rejects a bad --port naming the flag, exit 2', async () => {
    const { code, stderr } = await collect(
      mullet(['serve', '--port', '80a', '--data-dir', join(root, 'never')]),
    );
    assert.equal(code, 2);
    assert.match(stderr, /--port: expected .*"80a"/);
  });

  it('reports a port already in use as an input error naming --port, exit 2, not an internal error', async () => {
    const { createServer } = await import('node:net');
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const { code, stdout, stderr } = await collect(
        mullet(['serve', '--port', String(port), '--data-dir', join(root, 'busy')]),
      );
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.match(stderr, new RegExp(`^mullet: --port: .*in use.*got "${port}"`));
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  });

  it('rejects a DATABASE_URL that is not a postgres URL, exit 2, without echoing a password', async () => {
    const { code, stderr } = await collect(
      mullet(['serve', '--port', '0'], { DATABASE_URL: 'mysql://u:hunter2@db/x' }),
    );
    assert.equal(code, 2);
    assert.match(stderr, /DATABASE_URL: expected a postgres/);
    assert.doesNotMatch(stderr, /hunter2/);
  });
});
