import { after } from 'node:test';
import { openStore } from '../../src/store/open-store.ts';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from './postgres-fixture.ts';
import { storeBehaviour } from './store-behaviour.ts';

const schema = freshSchemaName('mullet_store');
after(() => dropSchema(schema));

storeBehaviour('PostgreSQL server', (options) =>
  openStore(
    { kind: 'postgres', databaseUrl: TEST_DATABASE_URL, dataDir: '/nonexistent' },
    { ...options, schema },
  ),
);
