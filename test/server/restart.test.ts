import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { startServer } from '../../src/server/start-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import { siteDoc, stubSimulate } from './fixtures.ts';

describe('startServer on an embedded data dir', () => {
  let root: string;
  let dataDir: string;
  let examplesDir: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'mullet-restart-'));
    dataDir = join(root, 'data');
    examplesDir = join(root, 'examples');
    await mkdir(join(examplesDir, 'sites'), { recursive: true });
    await writeFile(join(examplesDir, 'sites', 'alpha.yaml'), stringify(siteDoc('example alpha')));
    await writeFile(
      join(examplesDir, 'sites', 'broken.yaml'),
      stringify({ ...siteDoc('broken'), interconnectMw: -1 }),
    );
  });
  after(() => rm(root, { recursive: true, force: true }));

  const start = (logLines: string[] = []) =>
    startServer({
      store: { kind: 'embedded', dataDir },
      port: 0,
      examplesDir,
      webDir: join(root, 'no-web'),
      simulate: stubSimulate(),
      log: (line) => logLines.push(line),
    });

  it('loads the valid worked examples on first start, reports the broken one, and listens on loopback', async () => {
    const log: string[] = [];
    const server = await start(log);
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/sites`);
      assert.equal(res.status, 200);
      const sites = (await res.json()) as { name: string }[];
      assert.deepEqual(
        sites.map((s) => s.name),
        ['example alpha'],
      );
      assert.equal(log.length, 1);
      assert.match(
        log[0] ?? '',
        /skipped example sites\/broken\.yaml: sites\/broken\.yaml\.interconnectMw: /,
      );
    } finally {
      await server.close();
    }
  });

  it('keeps saved documents across a restart and does not reload deleted examples', async () => {
    let server = await start();
    const saved = (await (
      await fetch(`${server.url}/api/sites`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(siteDoc('mine')),
      })
    ).json()) as { id: string };
    const example = (
      (await (await fetch(`${server.url}/api/sites`)).json()) as { id: string; name: string }[]
    ).find((s) => s.name === 'example alpha');
    assert.ok(example);
    assert.equal((await fetch(`${server.url}/api/sites/${example.id}`, { method: 'DELETE' })).status, 204);
    await server.close();

    server = await start();
    try {
      const names = ((await (await fetch(`${server.url}/api/sites`)).json()) as { name: string }[]).map(
        (s) => s.name,
      );
      assert.deepEqual(names, ['mine']);
      const got = (await (await fetch(`${server.url}/api/sites/${saved.id}`)).json()) as { site: unknown };
      assert.deepEqual(got.site, siteDoc('mine'));
    } finally {
      await server.close();
    }
  });

  it('marks runs a crashed process left queued or running as interrupted on the next start', async () => {
    // Simulate the crash: write queued/running rows straight into the store, then close it without any
    // server having a chance to stop them (as if the process had died).
    const store = await openStore({ kind: 'embedded', dataDir });
    const scenario = await store.scenarios.create({ name: 'crashy', document: { name: 'crashy' } });
    const queued = await store.runs.create(scenario.id, { paths: 1, seed: 1 });
    const running = await store.runs.create(scenario.id, { paths: 1, seed: 2 });
    assert.ok(queued && running);
    await store.runs.markRunning(running.id);
    await store.runs.setProgress(running.id, 0.3);
    await store.close();

    const server = await start();
    try {
      for (const id of [queued.id, running.id]) {
        const run = (await (await fetch(`${server.url}/api/runs/${id}`)).json()) as {
          status: string;
          error: string;
        };
        assert.equal(run.status, 'interrupted');
        assert.match(run.error, /stopped before the run ended/);
      }
    } finally {
      await server.close();
    }
  });

  it('refuses a non-loopback host without a token, before touching the store', async () => {
    await assert.rejects(
      startServer({ store: { kind: 'embedded', dataDir: join(root, 'never') }, host: '0.0.0.0', port: 0 }),
      (error: Error & { issues?: { path: string }[] }) =>
        error.name === 'InputError' && error.issues?.[0]?.path === '--host',
    );
  });

  it('refuses a data dir another live process holds', async () => {
    const lock = join(dataDir, 'db.lock');
    await writeFile(lock, String(process.ppid)); // the test runner: alive, and not us
    try {
      await assert.rejects(start(), (error: Error & { issues?: { path: string; message: string }[] }) => {
        assert.equal(error.name, 'InputError');
        assert.match(error.issues?.[0]?.message ?? '', new RegExp(`in use by process ${process.ppid}`));
        return true;
      });
    } finally {
      await rm(lock, { force: true });
    }
  });
});
