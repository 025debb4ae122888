import type { SqlClient } from './sql-client.ts';

/** One schema change. Never edit a released migration: append a new one. */
export interface Migration {
  id: number;
  name: string;
  /** Run in order, one statement each (PGlite's extended protocol takes one statement per query). */
  statements: readonly string[];
}

/** The schema, shared by PGlite and PostgreSQL. */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'documents and runs',
    statements: [
      `create table scenarios (
         id text primary key,
         name text not null,
         document jsonb not null,
         created_at timestamptz not null,
         updated_at timestamptz not null)`,
      `create table sites (
         id text primary key,
         name text not null,
         document jsonb not null,
         created_at timestamptz not null,
         updated_at timestamptz not null)`,
      `create table runs (
         id text primary key,
         scenario_id text not null references scenarios (id) on delete cascade,
         status text not null check (status in ('queued', 'running', 'done', 'failed', 'interrupted')),
         progress double precision not null default 0 check (progress >= 0 and progress <= 1),
         params jsonb not null,
         error text,
         result jsonb,
         created_at timestamptz not null,
         started_at timestamptz,
         finished_at timestamptz)`,
      'create index runs_scenario_created on runs (scenario_id, created_at desc)',
      "create index runs_unfinished on runs (status) where status in ('queued', 'running')",
    ],
  },
  {
    id: 2,
    name: 'flags',
    statements: ['create table mullet_flags (key text primary key, set_at timestamptz not null)'],
  },
  {
    id: 3,
    // jsonb sorts keys; json keeps a saved scenario or site in the order its author wrote it.
    name: 'documents keep their key order',
    statements: [
      'alter table scenarios alter column document type json using document::json',
      'alter table sites alter column document type json using document::json',
    ],
  },
];

/** Arbitrary constant key for the advisory lock that serializes concurrent migrators on one database. */
const MIGRATION_LOCK_KEY = 727_465_001;

/**
 * Applies the migrations not yet recorded in `mullet_migrations`, all in one transaction under an advisory
 * lock, so two processes starting at once cannot both apply one. Idempotent; returns the ids applied.
 */
export async function migrate(
  client: SqlClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      `create table if not exists mullet_migrations (
         id integer primary key, name text not null, applied_at timestamptz not null default now())`,
    );
    const rows = await tx.query('select id from mullet_migrations');
    const done = new Set(rows.map((r) => Number(r.id)));
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
      if (done.has(m.id)) continue;
      for (const statement of m.statements) await tx.query(statement);
      await tx.query('insert into mullet_migrations (id, name) values ($1, $2)', [m.id, m.name]);
      applied.push(m.id);
    }
    return applied;
  });
}
