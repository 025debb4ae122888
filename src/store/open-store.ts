import { openPgliteClient } from './pglite-client.ts';
import { openPostgresClient } from './postgres-client.ts';
import type { SqlClient } from './sql-client.ts';
import { openSqlStore, type SqlStoreOptions } from './sql-store.ts';
import type { Store } from './store.ts';
import { embeddedDbDir, type StoreConfig } from './store-config.ts';

export interface OpenStoreOptions extends SqlStoreOptions {
  /** PostgreSQL only: a schema other than `public` (tests use a fresh one per run). */
  schema?: string;
}

/** Opens (and migrates) the store a {@link StoreConfig} names: PGlite in `<dataDir>/db`, or PostgreSQL. */
export async function openStore(config: StoreConfig, options: OpenStoreOptions = {}): Promise<Store> {
  const client: SqlClient =
    config.kind === 'postgres'
      ? await openPostgresClient({
          connectionString: config.databaseUrl,
          ...(options.schema === undefined ? {} : { schema: options.schema }),
        })
      : await openPgliteClient(embeddedDbDir(config.dataDir));
  try {
    return await openSqlStore(client, options);
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
}
