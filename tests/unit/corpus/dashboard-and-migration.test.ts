import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { MIGRATIONS } from '../../../electron/services/store/migrations';
import { openWorkbench } from '../../../electron/services/workbench';
import { tempDir, useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, addSpan } from './helpers';

describe('the dashboard tables (issue 13)', () => {
  const openTemp = useTempWorkbenches();

  it('counts spans by label and month, analytic spans by source, entities by folded text, pairs, status and author', () => {
    const workbench = openTemp();
    const a = addArticle(workbench, {
      title: 'A',
      text: 'Nguy cơ an ninh mạng ở Hà Nội. Đề xuất mới.',
      source: 'Nhân Dân',
      publishedAt: '2023-04-02',
    });
    const b = addArticle(workbench, { title: 'B', text: 'HÀ NỘI: nguy cơ lũ.', source: null, publishedAt: '2023' });
    const c = addArticle(workbench, { title: 'C', text: 'Trống ở Hà Nội.' });
    addArticle(workbench, { title: 'D', text: 'Trống.' });
    addSpan(workbench, a, 'RISK', 'an ninh mạng', 'Lan');
    addSpan(workbench, a, 'PROPOSAL', 'Đề xuất mới', 'Lan');
    addSpan(workbench, a, 'LOC', 'Hà Nội', 'Minh');
    addSpan(workbench, b, 'LOC', 'HÀ NỘI', 'Minh');
    addSpan(workbench, b, 'RISK', 'nguy cơ lũ', 'Minh');
    addSpan(workbench, c, 'LOC', 'Hà Nội', 'Minh');
    const dashboard = workbench.corpus.dashboard({});
    expect(dashboard.labelsByMonth).toEqual([
      { labelKey: 'LOC', month: '2023-04', count: 1 },
      { labelKey: 'PROPOSAL', month: '2023-04', count: 1 },
      { labelKey: 'RISK', month: '2023-04', count: 1 },
      { labelKey: 'LOC', month: 'undated', count: 2 },
      { labelKey: 'RISK', month: 'undated', count: 1 },
    ]);
    expect(dashboard.analyticBySource).toEqual(
      expect.arrayContaining([
        { labelKey: 'RISK', source: 'Nhân Dân', count: 1 },
        { labelKey: 'RISK', source: '', count: 1 },
        { labelKey: 'PROPOSAL', source: 'Nhân Dân', count: 1 },
      ]),
    );
    expect(dashboard.topEntities).toEqual([{ labelKey: 'LOC', quoteFolded: 'ha noi', quote: 'Hà Nội', count: 3 }]);
    expect(dashboard.coOccurrence).toEqual(
      expect.arrayContaining([
        // In A, the risk and the place share the first sentence, the proposal is alone in the second.
        { a: 'LOC', b: 'RISK', articles: 2, sentences: 2 },
        { a: 'PROPOSAL', b: 'RISK', articles: 1, sentences: 0 },
      ]),
    );
    expect(dashboard.byStatus).toEqual(
      expect.arrayContaining([
        { status: 'in_progress', articles: 3 },
        { status: 'new', articles: 1 },
      ]),
    );
    expect(dashboard.byAuthor).toEqual([
      { author: 'Minh', spans: 4, articles: 3 },
      { author: 'Lan', spans: 2, articles: 1 },
    ]);
    expect(dashboard.totals).toEqual({ articles: 4, spans: 6 });
    // Scoped by the library filter.
    expect(workbench.corpus.dashboard({ source: ['Nhân Dân'] }).totals).toEqual({ articles: 1, spans: 3 });
  });
});

describe('migration 009', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('fills the facets of a database created at version 4, counts included, and sorts its titles', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, 'v4.db');
    const v4 = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 4) });
    const insert = v4.prepare(
      `INSERT INTO articles (raw_text, text, content_hash, title, source, word_count, status, imported_at, updated_at)
       VALUES (@text, @text, @hash, @title, 'Nhân Dân', 3, 'in_progress', @at, @at)`,
    );
    insert.run({ text: 'Ưu tiên hợp tác.', hash: 'a', title: 'Ưu tiên', at: '2024-01-01T00:00:00Z' });
    insert.run({ text: 'Đường lối đối ngoại.', hash: 'b', title: null, at: '2024-01-02T00:00:00Z' });
    v4.prepare(
      `INSERT INTO annotations (article_id, label_key, start, "end", quote, author, origin, created_at, updated_at)
       VALUES (1, 'RISK', 0, 3, 'Ưu ', '', 'manual', 'x', 'x'), (1, 'RISK', 4, 8, 'tiên', '', 'manual', 'x', 'x')`,
    ).run();
    v4.close();

    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const page = workbench.corpus.queryLibrary({
      filter: { source: ['Nhân Dân'], status: ['in_progress'] },
      sort: { key: 'title', direction: 'ascending' },
      offset: 0,
      limit: 10,
    });
    expect(page.rows.map((row) => [row.displayTitle, row.annotationCount])).toEqual([
      ['Đường lối đối ngoại.', 0],
      ['Ưu tiên', 2],
    ]);
  });
});
