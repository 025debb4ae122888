import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { migrate } from './migrations.ts';
import type {
  DocumentSummary,
  RunParams as RunParamsType,
  RunRecord,
  RunSummary,
  StoredDocument,
} from './records.ts';
import { RunParams, RunStatus } from './records.ts';
import type { SqlClient, SqlExecutor } from './sql-client.ts';
import type { DocumentCollection, RunCollection, Store } from './store.ts';

export interface SqlStoreOptions {
  /** The clock for created/updated/finished times (tests pin it). */
  now?: () => Date;
  /** Id generator (tests pin it). */
  newId?: () => string;
}

// Rows are parsed at the boundary like any other input: a surprise from the driver is a bug we want to see.
const time = z.date().transform((d) => d.toISOString());
const DocumentSummaryRow = z.object({ id: z.string(), name: z.string(), created_at: time, updated_at: time });
const DocumentRow = DocumentSummaryRow.extend({ document: z.unknown() });
const RunSummaryRow = z.object({
  id: z.string(),
  scenario_id: z.string(),
  status: RunStatus,
  progress: z.number(),
  created_at: time,
  started_at: time.nullable(),
  finished_at: time.nullable(),
});
const RunRow = RunSummaryRow.extend({ params: RunParams, error: z.string().nullable(), result: z.unknown() });

function toSummary(row: z.infer<typeof DocumentSummaryRow>): DocumentSummary {
  return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at };
}

function toRunSummary(row: z.infer<typeof RunSummaryRow>): RunSummary {
  const out: RunSummary = {
    id: row.id,
    scenarioId: row.scenario_id,
    status: row.status,
    progress: row.progress,
    createdAt: row.created_at,
  };
  if (row.started_at !== null) out.startedAt = row.started_at;
  if (row.finished_at !== null) out.finishedAt = row.finished_at;
  return out;
}

function toRun(row: z.infer<typeof RunRow>): RunRecord {
  const out: RunRecord = { ...toRunSummary(row), params: row.params };
  if (row.error !== null) out.error = row.error;
  if (row.result !== null && row.result !== undefined) out.result = row.result;
  return out;
}

function documents(
  db: SqlClient,
  table: 'scenarios' | 'sites',
  now: () => Date,
  newId: () => string,
): DocumentCollection {
  const one = (rows: Record<string, unknown>[]): StoredDocument | undefined => {
    const row = rows[0];
    if (row === undefined) return undefined;
    const parsed = DocumentRow.parse(row);
    return { ...toSummary(parsed), document: parsed.document };
  };
  const columns = 'id, name, document, created_at, updated_at';
  const insert = async (q: SqlExecutor, { name, document }: { name: string; document: unknown }) => {
    const rows = await q.query(
      `insert into ${table} (${columns}) values ($1, $2, $3::json, $4, $4) returning ${columns}`,
      [newId(), name, JSON.stringify(document), now()],
    );
    return one(rows)!;
  };
  return {
    async list() {
      const rows = await db.query(
        `select id, name, created_at, updated_at from ${table} order by updated_at desc, id`,
      );
      return rows.map((r) => toSummary(DocumentSummaryRow.parse(r)));
    },
    async get(id) {
      return one(await db.query(`select ${columns} from ${table} where id = $1`, [id]));
    },
    create: (input) => insert(db, input),
    createMany: (inputs) =>
      db.transaction(async (tx) => {
        const out: StoredDocument[] = [];
        for (const input of inputs) out.push(await insert(tx, input));
        return out;
      }),
    async update(id, { name, document }) {
      const rows = await db.query(
        `update ${table} set name = $2, document = $3::json, updated_at = $4 where id = $1 returning ${columns}`,
        [id, name, JSON.stringify(document), now()],
      );
      return one(rows);
    },
    async remove(id) {
      const rows = await db.query(`delete from ${table} where id = $1 returning id`, [id]);
      return rows.length > 0;
    },
    async count() {
      const rows = await db.query(`select count(*)::int as n from ${table}`);
      return z.object({ n: z.number() }).parse(rows[0]).n;
    },
  };
}

function runs(db: SqlExecutor, now: () => Date, newId: () => string): RunCollection {
  const summaryColumns = 'id, scenario_id, status, progress, created_at, started_at, finished_at';
  const columns = `${summaryColumns}, params, error, result`;
  const changed = (rows: Record<string, unknown>[]) => rows.length > 0;
  return {
    async create(scenarioId, params: RunParamsType) {
      const rows = await db.query(
        `insert into runs (id, scenario_id, status, progress, params, created_at)
         select $1, id, 'queued', 0, $3::jsonb, $4 from scenarios where id = $2
         returning ${columns}`,
        [newId(), scenarioId, JSON.stringify(RunParams.parse(params)), now()],
      );
      const row = rows[0];
      return row === undefined ? undefined : toRun(RunRow.parse(row));
    },
    async get(id) {
      const rows = await db.query(`select ${columns} from runs where id = $1`, [id]);
      const row = rows[0];
      return row === undefined ? undefined : toRun(RunRow.parse(row));
    },
    async listForScenario(scenarioId) {
      const rows = await db.query(
        `select ${summaryColumns} from runs where scenario_id = $1 order by created_at desc, id`,
        [scenarioId],
      );
      return rows.map((r) => toRunSummary(RunSummaryRow.parse(r)));
    },
    async markRunning(id) {
      return changed(
        await db.query(
          `update runs set status = 'running', started_at = $2 where id = $1 and status = 'queued' returning id`,
          [id, now()],
        ),
      );
    },
    async setProgress(id, progress) {
      const clamped = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
      return changed(
        await db.query(`update runs set progress = $2 where id = $1 and status = 'running' returning id`, [
          id,
          clamped,
        ]),
      );
    },
    async finish(id, result) {
      return changed(
        await db.query(
          `update runs set status = 'done', progress = 1, result = $2::jsonb, finished_at = $3
           where id = $1 and status = 'running' returning id`,
          [id, JSON.stringify(result), now()],
        ),
      );
    },
    async stop(id, status, error) {
      return changed(
        await db.query(
          `update runs set status = $2, error = $3, finished_at = $4
           where id = $1 and status in ('queued', 'running') returning id`,
          [id, status, error, now()],
        ),
      );
    },
    async interruptUnfinished(reason) {
      const rows = await db.query(
        `update runs set status = 'interrupted', error = $1, finished_at = $2
         where status in ('queued', 'running') returning id`,
        [reason, now()],
      );
      return rows.length;
    },
  };
}

/**
 * The {@link Store} over any {@link SqlClient}: migrates the schema first, then serves every collection
 * with single-statement writes (each is atomic on its own; no write spans two statements).
 */
export async function openSqlStore(client: SqlClient, options: SqlStoreOptions = {}): Promise<Store> {
  await migrate(client);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  return {
    kind: client.kind,
    scenarios: documents(client, 'scenarios', now, newId),
    sites: documents(client, 'sites', now, newId),
    runs: runs(client, now, newId),
    flags: {
      async has(key) {
        return (await client.query('select key from mullet_flags where key = $1', [key])).length > 0;
      },
      async set(key) {
        await client.query(
          'insert into mullet_flags (key, set_at) values ($1, $2) on conflict (key) do nothing',
          [key, now()],
        );
      },
    },
    close: () => client.close(),
  };
}
