import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/contract/corpus';
import { ARTICLE_STATUSES } from '../../../shared/domain/schemas';
import { sentenceRanges } from '../../../shared/text/syllables';
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

/**
 * Sentences holding both labels of each pair, computed here from the stored texts and spans with
 * the shared splitter, independently of the triggers of migration 020.
 */
function sentencePairsRecomputed(workbench: Workbench): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const articleId of workbench.corpus.libraryIds({})) {
    const starts = sentenceRanges(workbench.articles.getText(articleId)).map((sentence) => sentence.start);
    if (starts[0] !== 0) starts.unshift(0);
    const labelsBySentence = starts.map(() => new Set<string>());
    for (const span of workbench.annotations.list(articleId)) {
      starts.forEach((start, index) => {
        const end = starts[index + 1] ?? Infinity;
        const holdsStart = start <= span.start && span.start < end;
        if (holdsStart || (start > span.start && start < span.end)) labelsBySentence[index]!.add(span.labelKey);
      });
    }
    for (const labels of labelsBySentence) {
      const sorted = [...labels].sort();
      sorted.forEach((a, i) =>
        sorted.slice(i + 1).forEach((b) => {
          counts[`${a}+${b}`] = (counts[`${a}+${b}`] ?? 0) + 1;
        }),
      );
    }
  }
  return counts;
}

/**
 * The whole corpus from the counters (no filter) equals the same tables aggregated from the spans,
 * and the per-sentence pairs equal a recomputation from the texts.
 */
function expectCountersRight(workbench: Workbench): Dashboard {
  const fromCounters = workbench.corpus.dashboard({});
  // Every status ticked: the same articles, but a filter, so the spans are aggregated.
  const fromSpans = workbench.corpus.dashboard({ status: [...ARTICLE_STATUSES] });
  expect(canonical(fromCounters)).toEqual(canonical(fromSpans));
  const bySentence = Object.fromEntries(
    fromCounters.coOccurrence
      .filter((pair) => pair.sentences > 0)
      .map((pair) => [`${pair.a}+${pair.b}`, pair.sentences]),
  );
  expect(bySentence).toEqual(sentencePairsRecomputed(workbench));
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

describe('label pairs per sentence (migration 020)', () => {
  const openTemp = useTempWorkbenches();

  it('counts a pair once per sentence, splitting after "TP." and "1.000" only where a sentence ends, and a span across two sentences in both', () => {
    const workbench = openTemp();
    const text =
      'PGS.TS. Nguyễn Văn A nói TP. Hồ Chí Minh có 1.000 vụ lừa đảo. Bộ Công an đề xuất siết chặt. “Nguy cơ lớn.” Hà Nội cũng vậy.';
    const id = addArticle(workbench, { title: 'Câu', text });
    addSpan(workbench, id, 'PER', 'Nguyễn Văn A');
    addSpan(workbench, id, 'LOC', 'TP. Hồ Chí Minh');
    addSpan(workbench, id, 'RISK', '1.000 vụ lừa đảo');
    addSpan(workbench, id, 'ORG', 'Bộ Công an');
    // A proposal across the second and third sentences meets ORG and RISK there.
    addSpan(workbench, id, 'PROPOSAL', 'đề xuất siết chặt. “Nguy cơ lớn.”');
    addSpan(workbench, id, 'RISK', 'Nguy cơ lớn');
    const pair = (a: string, b: string) =>
      expectCountersRight(workbench).coOccurrence.find((row) => row.a === a && row.b === b);
    // "TP." and "1.000" do not end the first sentence: PER, LOC and RISK meet in it.
    expect(pair('LOC', 'PER')).toMatchObject({ articles: 1, sentences: 1 });
    expect(pair('PER', 'RISK')).toMatchObject({ articles: 1, sentences: 1 });
    expect(pair('ORG', 'PROPOSAL')).toMatchObject({ sentences: 1 });
    // RISK meets PROPOSAL in the third sentence only (the second RISK span); twice RISK counts once.
    expect(pair('PROPOSAL', 'RISK')).toMatchObject({ articles: 1, sentences: 1 });
    expect(pair('ORG', 'RISK')).toMatchObject({ articles: 1, sentences: 0 });
    expect(pair('LOC', 'ORG')).toMatchObject({ sentences: 0 });

    // Deleting a span unpairs only where its label is gone; undo brings it back.
    const risks = workbench.annotations.list(id).filter((span) => span.labelKey === 'RISK');
    workbench.changes.apply({ origin: 'manual', changes: [{ kind: 'annotation.delete', id: risks[1]!.id }] });
    expect(pair('PROPOSAL', 'RISK')).toMatchObject({ sentences: 0 });
    workbench.changes.undo(id);
    expect(pair('PROPOSAL', 'RISK')).toMatchObject({ sentences: 1 });
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
    // Each article is one sentence, so the pair met in two sentences too (migration 020's fill).
    expect(dashboard.coOccurrence).toEqual([{ a: 'LOC', b: 'RISK', articles: 2, sentences: 2 }]);
    expect(dashboard.byAuthor).toEqual([
      { author: 'Lan', spans: 3, articles: 2 },
      { author: 'Minh', spans: 1, articles: 1 },
    ]);
  });
});
