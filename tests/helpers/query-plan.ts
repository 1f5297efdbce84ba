import type { Workbench } from '../../electron/services/workbench';

type Database = Workbench['db'];

/**
 * The SQL of every statement prepared on `db` while `run` ran: a query-plan test asks SQLite how
 * the store's own statements read, not copies of them that could drift.
 */
export function preparedDuring(db: Database, run: () => void): string[] {
  const prepared: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  }) as Database['prepare'];
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return prepared;
}

/** SQLite's plan for `sql`, one step per line; `params` only need to bind, not to match. */
export function queryPlan(db: Database, sql: string, params: Record<string, unknown> | string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[])
    .map((step) => step.detail)
    .join('\n');
}
