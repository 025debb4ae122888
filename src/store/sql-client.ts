/** Runs SQL with `$1`-style parameters and returns plain row objects. */
export interface SqlExecutor {
  query(sql: string, params?: readonly unknown[]): Promise<Record<string, unknown>[]>;
}

/** A database connection (or pool) that can also run a callback inside one transaction. */
export interface SqlClient extends SqlExecutor {
  readonly kind: 'embedded' | 'postgres';
  /** Commits when `fn` resolves, rolls back when it throws (and rethrows). */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
