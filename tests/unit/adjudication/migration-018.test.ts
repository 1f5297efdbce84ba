import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/store/migrations';
import { openWorkbench } from '../../../electron/services/workbench';
import { insertOldArticle } from '../../helpers/old-schema';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const TEXT = 'Thứ trưởng Lương Tam Quang gặp Bộ trưởng Bùi Thanh Sơn.';

describe('migration 018 (adjudication decisions)', () => {
  it('a database from before 018 opens with two layers to adjudicate and no decision yet; decisions are checked by the table', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, 'old.db');
    const db = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version < 18) });
    const articleId = insertOldArticle(db, TEXT);
    const insert = db.prepare(
      `INSERT INTO annotations (article_id, label_key, start, "end", quote, note, author, origin, created_at, updated_at)
       VALUES (?, 'PER', ?, ?, ?, '', ?, 'manual', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    for (const [author, quote] of [
      ['An', 'Lương Tam Quang'],
      ['Bình', 'Bùi Thanh Sơn'],
    ] as const) {
      const start = TEXT.indexOf(quote);
      insert.run(articleId, start, start + quote.length, quote, author);
    }
    db.close();

    const workbench = openWorkbench(path);
    cleanups.push(() => workbench.close());
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const list = workbench.adjudication.list({ articleId, layers: { mine: 'An', theirs: 'Bình' } });
    expect(list.disagreements.map((d) => [d.kind, d.decision])).toEqual([
      ['mine', null],
      ['theirs', null],
    ]);
    expect(() =>
      workbench.db
        .prepare(
          `INSERT INTO adjudication_decisions (article_id, mine, theirs, disagreement_key, decision, decided_at)
           VALUES (?, 'An', 'Bình', 'k', 'maybe', '2026-01-01T00:00:00.000Z')`,
        )
        .run(articleId),
    ).toThrow(/CHECK/);
  });
});
