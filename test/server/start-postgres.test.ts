import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stringify } from 'yaml';
import { startServer } from '../../src/server/start-server.ts';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../store/postgres-fixture.ts';
import { siteDoc, stubSimulate } from './fixtures.ts';

describe('startServer on PostgreSQL (DATABASE_URL)', () => {
  const schema = freshSchemaName('mullet_start');
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'mullet-start-pg-'));
    await mkdir(join(root, 'examples', 'sites'), { recursive: true });
    await writeFile(join(root, 'examples', 'sites', 'a.yaml'), stringify(siteDoc('pg example')));
  });
  after(async () => {
    await dropSchema(schema);
    await rm(root, { recursive: true, force: true });
  });

  const start = () =>
    startServer({
      store: { kind: 'postgres', databaseUrl: TEST_DATABASE_URL, dataDir: join(root, 'unused') },
      databaseSchema: schema,
      port: 0,
      examplesDir: join(root, 'examples'),
      webDir: join(root, 'no-web'),
      simulate: stubSimulate(),
      log: () => {},
    });

  it('reports the postgres store, loads the examples once, and keeps data across restarts', async () => {
    let server = await start();
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { store: string };
    assert.equal(health.store, 'postgres');
    const first = (await (await fetch(`${server.url}/api/sites`)).json()) as { id: string; name: string }[];
    assert.deepEqual(
      first.map((s) => s.name),
      ['pg example'],
    );
    await server.close();

    server = await start();
    try {
      const again = (await (await fetch(`${server.url}/api/sites`)).json()) as { id: string }[];
      assert.deepEqual(
        again.map((s) => s.id),
        first.map((s) => s.id),
        'same rows, examples not loaded twice',
      );
    } finally {
      await server.close();
    }
  });
});
