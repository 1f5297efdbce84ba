import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { NOTE_LINES_TABLE, SPAN_KEY_FACTOR } from '../../../electron/services/store/span-indexes';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { oldDatabaseWithSpans } from '../../helpers/old-schema';
import { preparedDuring, queryPlan } from '../../helpers/query-plan';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const TEXT = 'Cảnh báo nguy cơ an ninh mạng tăng. Bộ Công an đề xuất tăng cường hợp tác quốc tế.';

/**
 * A database at version 26 with one article (title "Một", no date): a noted RISK span under a
 * LOC span over the sentence and an ORG span on the same range; a noted span covered by nothing
 * else; spans without a note.
 */
function version26() {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  const path = join(dir, 'v26.db');
  const { articleId, spanIds } = oldDatabaseWithSpans(path, 26, TEXT, {
    risk: ['RISK', 'an ninh mạng', 'Nguồn: Bộ Công an'],
    sentence: ['LOC', 'Cảnh báo nguy cơ an ninh mạng tăng.', ''],
    org: ['ORG', 'an ninh mạng', ''],
    proposal: ['PROPOSAL', 'đề xuất tăng cường hợp tác', 'Nguồn khác'],
    plain: ['PER', 'Bộ Công an', ''],
  });
  return { path, articleId, spans: spanIds };
}

/** Each line as stored: span id, article id (both from the key), labels, identical labels (NULL: the same), title, date. */
const lines = (workbench: Workbench) =>
  workbench.db
    .prepare(
      `SELECT span_key % ${SPAN_KEY_FACTOR}, span_key / ${SPAN_KEY_FACTOR}, labels_json, identical_labels_json, title,
         published_at
       FROM ${NOTE_LINES_TABLE} ORDER BY span_key`,
    )
    .raw()
    .all();

const noteHits = (workbench: Workbench) =>
  workbench.corpus
    .concordance({ kind: 'notes', query: 'nguồn' }, {}, 10)
    .hits.map((hit) => [hit.annotationId, hit.displayTitle, hit.publishedAt, hit.labels, hit.identicalLabels]);

describe('migration 027: note lines with their article title and date, without the ids', () => {
  it('rebuilds the lines of a version-26 database with titles and dates, identical labels only where they differ', () => {
    const { path, articleId, spans } = version26();
    // What 026 stored, to compare with.
    const before = new Database(path, { readonly: true });
    const old = before
      .prepare(`SELECT annotation_id, labels_json, identical_labels_json FROM ${NOTE_LINES_TABLE} ORDER BY span_key`)
      .raw()
      .all();
    before.close();
    expect(old).toEqual([
      [spans.risk, '["LOC","ORG","RISK"]', '["ORG","RISK"]'],
      [spans.proposal, '["PROPOSAL"]', '["PROPOSAL"]'],
    ]);

    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(lines(workbench)).toEqual([
      [spans.risk, articleId, '["LOC","ORG","RISK"]', '["ORG","RISK"]', 'Một', null],
      [spans.proposal, articleId, '["PROPOSAL"]', null, 'Một', null],
    ]);
    expect(noteHits(workbench)).toEqual([
      [spans.risk, 'Một', null, ['LOC', 'ORG', 'RISK'], ['ORG', 'RISK']],
      [spans.proposal, 'Một', null, ['PROPOSAL'], ['PROPOSAL']],
    ]);
    // The table's own columns: no ids beside the key.
    const columns = workbench.db.prepare(`SELECT name FROM pragma_table_info('${NOTE_LINES_TABLE}')`).pluck().all();
    expect(columns).toEqual([
      'span_key',
      'label_key',
      'start',
      'end',
      'note',
      'labels_json',
      'identical_labels_json',
      'title',
      'published_at',
    ]);
  });

  it('keeps titles, dates and labels through the pipeline and article edits, and reads them back after reopening', () => {
    const { path, articleId, spans } = version26();
    const workbench = openWorkbench(path);
    const apply = (change: object) => workbench.changes.apply({ origin: 'manual', changes: [change as never] });
    // A title and a date edited: the article's lines follow.
    workbench.articles.updateMetadata(articleId, { title: 'Hai', publishedAt: '2024-05' });
    // The ORG span deleted (identical labels now the covering ones but LOC), then undone.
    apply({ kind: 'annotation.delete', id: spans.org });
    expect(lines(workbench)[0]).toEqual([spans.risk, articleId, '["LOC","RISK"]', '["RISK"]', 'Hai', '2024-05']);
    workbench.changes.undo(articleId);
    // "Bộ Công an" gets a note and moves onto the proposal's range: the two lines are identical.
    const start = TEXT.indexOf('đề xuất tăng cường hợp tác');
    const end = start + 'đề xuất tăng cường hợp tác'.length;
    apply({
      kind: 'annotation.update',
      id: spans.plain,
      patch: { start, end, quote: TEXT.slice(start, end), note: 'Nguồn: ghi chú' },
    });
    expect(lines(workbench)).toEqual([
      [spans.risk, articleId, '["LOC","ORG","RISK"]', '["ORG","RISK"]', 'Hai', '2024-05'],
      [spans.proposal, articleId, '["PER","PROPOSAL"]', null, 'Hai', '2024-05'],
      [spans.plain, articleId, '["PER","PROPOSAL"]', null, 'Hai', '2024-05'],
    ]);
    workbench.close();

    // Reopened: the same lines are read back from the file.
    const reopened = openWorkbench(path);
    cleanups.unshift(() => reopened.close());
    expect(noteHits(reopened)).toEqual([
      [spans.risk, 'Hai', '2024-05', ['LOC', 'ORG', 'RISK'], ['ORG', 'RISK']],
      [spans.proposal, 'Hai', '2024-05', ['PER', 'PROPOSAL'], ['PER', 'PROPOSAL']],
      [spans.plain, 'Hai', '2024-05', ['PER', 'PROPOSAL'], ['PER', 'PROPOSAL']],
    ]);
    // The article deleted: its spans go by cascade, and their lines with them.
    reopened.db.prepare(`DELETE FROM articles WHERE id = ?`).run(articleId);
    expect(lines(reopened)).toEqual([]);
  });

  it('the notes concordance reads each hit from its line by key, no title index and no sort (query plan)', () => {
    const { path } = version26();
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const prepared = preparedDuring(workbench.db, () => noteHits(workbench));
    const read = prepared.find((sql) => sql.includes('MATCH @match'))!;
    const plan = queryPlan(workbench.db, read, { match: 'x', after: 0, before: 1, limit: 1 });
    expect(plan).toMatch(/SCAN s VIRTUAL TABLE/);
    expect(plan).toMatch(/SEARCH n USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(plan).not.toMatch(/articles|annotations/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
