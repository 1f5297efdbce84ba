/**
 * Regression (issue 10): a write that could not get the database because another connection
 * held it answered "Internal error". It must answer `busy`, and nothing may be written.
 */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/services/api/handlers';
import { seedIfEmpty } from '../../../electron/services/import/seed';
import { dispatchCall } from '../../../shared/contract/dispatch';
import { SEEDS_DIR, useTempWorkbenches } from '../../helpers/temp-workbench';

describe('a busy database', () => {
  const openWorkbench = useTempWorkbenches();

  it('is answered as busy, not as an internal error, and nothing is written', async () => {
    const workbench = openWorkbench();
    await seedIfEmpty(workbench, SEEDS_DIR);
    const article = workbench.articles.list()[0]!;
    const text = workbench.articles.getText(article.id);
    workbench.db.pragma('busy_timeout = 50');
    const handlers = createApiHandlers(workbench, { kind: 'browser', appVersion: 'test' });

    const other = new BetterSqlite3(workbench.databasePath);
    other.exec('BEGIN IMMEDIATE');
    const internal: unknown[] = [];
    const result = await dispatchCall(
      handlers,
      'applyChanges',
      {
        articleId: article.id,
        origin: 'manual',
        changes: [
          {
            kind: 'annotation.create',
            ref: 'a',
            annotation: { articleId: article.id, labelKey: 'PER', start: 0, end: 2, quote: text.slice(0, 2) },
          },
        ],
      },
      (_name, error) => internal.push(error),
    );
    other.exec('ROLLBACK');
    other.close();

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('busy');
    expect(internal).toEqual([]);
    expect(workbench.annotationRows.listForArticle(article.id)).toEqual([]);
  });
});
