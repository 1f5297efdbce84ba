import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/contract/corpus';
import { ARTICLE_STATUSES } from '../../../shared/domain/schemas';
import { openDatabase } from '../../../electron/services/store/database';
import { MIGRATIONS } from '../../../electron/services/store/migrations';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { tempDir, useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, addSpan } from './helpers';

/** Rows in one order whatever the ties: the counters and the scan may list equal counts differently. */
function canonical(dashboard: Dashboard): Dashboard {
  const sorted = <T>(rows: readonly T[]) => [...rows].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
  return {
    labelsByMonth: sorted(dashboard.labelsByMonth),
    analyticBySource: sorted(dashboard.analyticBySource),
    topEntities: sorted(dashboard.topEntities),
    coOccurrence: sorted(dashboard.coOccurrence),
    byStatus: sorted(dashboard.byStatus),
    byAuthor: sorted(dashboard.byAuthor),
    totals: dashboard.totals,
  };
}

/** The whole corpus from the counters (no filter) equals the same tables aggregated from the spans. */
function expectCountersRight(workbench: Workbench): Dashboard {
  const fromCounters = workbench.corpus.dashboard({});
  // Every status ticked: the same articles, but a filter, so the spans are aggregated.
  const fromSpans = workbench.corpus.dashboard({ status: [...ARTICLE_STATUSES] });
  expect(canonical(fromCounters)).toEqual(canonical(fromSpans));
  return fromCounters;
}

describe('dashboard counters (migration 015)', () => {
  const openTemp = useTempWorkbenches();

  it('follow every kind of write: spans made, relabelled, resized, deleted, undone; dates, sources and label keys changed; articles deleted', () => {
    const workbench = openTemp();
    const a = addArticle(workbench, {
      title: 'A',
      text: 'Nguy cơ an ninh mạng ở Hà Nội. Đề xuất mới về an ninh mạng.',
      source: 'Nhân Dân',
      publishedAt: '2023-04-02',
    });
    const b = addArticle(workbench, { title: 'B', text: 'HÀ NỘI: nguy cơ lũ ở Hà Nội.', publishedAt: '2023' });
    const c = addArticle(workbench, { title: 'C', text: 'Trống ở Hà Nội, an ninh mạng.', source: 'Tuổi Trẻ' });
    addSpan(workbench, a, 'LOC', 'Hà Nội', 'Minh');
    const proposal = addSpan(workbench, a, 'PROPOSAL', 'Đề xuất mới', 'Lan');
    const flood = addSpan(workbench, b, 'RISK', 'nguy cơ lũ', 'Minh');
    addSpan(workbench, b, 'LOC', 'HÀ NỘI', 'Lan');
    expectCountersRight(workbench);

    const { hits } = workbench.corpus.concordance({ kind: 'text', query: 'an ninh mạng' }, {}, 100);
    workbench.corpus.annotateAll({ labelKey: 'RISK', query: 'an ninh mạng', hits });
    expect(expectCountersRight(workbench).totals).toEqual({ articles: 3, spans: 7 });

    // Relabel (a label pair goes), resize (the quote changes), delete, and the undo of each.
    const edits = [
      { kind: 'annotation.update', id: proposal, patch: { labelKey: 'RISK' } },
      {
        kind: 'annotation.update',
        id: flood,
        patch: { start: 0, end: 'HÀ NỘI: nguy cơ lũ'.length, quote: 'HÀ NỘI: nguy cơ lũ' },
      },
      { kind: 'annotation.delete', id: flood },
    ] as const;
    for (const change of edits.slice(0, 2)) {
      workbench.changes.apply({ origin: 'manual', changes: [change] });
      expectCountersRight(workbench);
    }
    workbench.changes.apply({ origin: 'manual', changes: [edits[2]] });
    expectCountersRight(workbench);
    workbench.changes.undo(b);
    workbench.changes.undo(b);
    expectCountersRight(workbench);
    workbench.changes.undo(null); // the annotate-all, across articles
    expectCountersRight(workbench);
    workbench.changes.redo(null);
    expectCountersRight(workbench);

    // An article's date and source move its spans between months and sources.
    workbench.articles.updateMetadata(a, { publishedAt: '2021-12-31', source: null });
    workbench.articles.updateMetadata(c, { publishedAt: '2024-01' });
    expect(expectCountersRight(workbench).labelsByMonth).toContainEqual({
      labelKey: 'RISK',
      month: '2021-12',
      count: 3,
    });

    // A renamed label key cascades into annotations, and a merge moves its spans.
    workbench.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'label.update', key: 'LOC', patch: { key: 'PLACE' } }],
    });
    expectCountersRight(workbench);
    workbench.changes.apply({ origin: 'manual', changes: [{ kind: 'label.merge', key: 'PROPOSAL', intoKey: 'RISK' }] });
    expectCountersRight(workbench);

    // No service deletes an article today; the counters still follow one deleted in SQL.
    workbench.db.prepare('DELETE FROM articles WHERE id = ?').run(b);
    const after = expectCountersRight(workbench);
    expect(after.totals).toEqual({ articles: 2, spans: 5 });
    expect(after.labelsByMonth.map((row) => row.month)).not.toContain('undated'); // b was the one undated
  });
});

describe('migration 015', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('fills the counters of a database made before it from its spans', () => {
    const { dir, dispose } = tempDir();
    cleanups.push(dispose);
    const path = join(dir, 'older.db');
    const older = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version < 15) });
    const insert = older.prepare(
      `INSERT INTO articles (raw_text, text, content_hash, title, source, published_at, word_count, status, imported_at, updated_at)
       VALUES (@text, @text, @hash, @title, @source, @published, 3, 'in_progress', @at, @at)`,
    );
    const at = '2024-01-01T00:00:00Z';
    insert.run({ text: 'Hà Nội và an ninh.', hash: 'a', title: 'A', source: 'Nhân Dân', published: '2020-05-01', at });
    insert.run({ text: 'HÀ NỘI lũ.', hash: 'b', title: 'B', source: null, published: null, at });
    older
      .prepare(
        `INSERT INTO annotations (article_id, label_key, start, "end", quote, author, origin, created_at, updated_at)
         VALUES (1, 'LOC', 0, 6, 'Hà Nội', 'Lan', 'manual', @at, @at), (1, 'RISK', 10, 17, 'an ninh', 'Lan', 'manual', @at, @at),
                (2, 'LOC', 0, 6, 'HÀ NỘI', 'Minh', 'manual', @at, @at), (2, 'RISK', 7, 9, 'lũ', 'Lan', 'manual', @at, @at)`,
      )
      .run({ at });
    older.close();

    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const dashboard = expectCountersRight(workbench);
    // Spellings merged by folding; of two equally common, the first in binary order is shown.
    expect(dashboard.topEntities).toEqual([{ labelKey: 'LOC', quoteFolded: 'ha noi', quote: 'HÀ NỘI', count: 2 }]);
    expect(dashboard.coOccurrence).toEqual([{ a: 'LOC', b: 'RISK', articles: 2 }]);
    expect(dashboard.byAuthor).toEqual([
      { author: 'Lan', spans: 3, articles: 2 },
      { author: 'Minh', spans: 1, articles: 1 },
    ]);
  });
});
