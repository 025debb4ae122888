import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL database that scripts/ensure-services.sh creates for tests. */
export const TEST_DATABASE_URL =
  process.env.MULLET_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mullet_test';

/** A fresh schema name per test run, so parallel runs never see each other's rows. */
export function freshSchemaName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
