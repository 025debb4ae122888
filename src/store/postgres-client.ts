import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql-client.ts';

export interface PostgresClientOptions {
  connectionString: string;
  /** Schema to use instead of `public` (created when missing); tests use a fresh one per run. */
  schema?: string;
  /** Pool size (default 5). */
  maxConnections?: number;
}

/** A PostgreSQL server reached through a `pg` pool. */
export async function openPostgresClient(options: PostgresClientOptions): Promise<SqlClient> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`invalid schema name ${JSON.stringify(schema)}`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 5,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  if (schema !== undefined) await pool.query(`create schema if not exists ${schema}`);
  const executor = (q: Pick<pg.Pool, 'query'>): SqlExecutor => ({
    async query(sql, params = []) {
      const result = await q.query<Record<string, unknown>>(sql, [...params]);
      return result.rows;
    },
  });
  return {
    kind: 'postgres',
    ...executor(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const value = await fn(executor(client));
        await client.query('commit');
        return value;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
