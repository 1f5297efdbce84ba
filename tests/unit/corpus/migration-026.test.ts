import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../electron/services/store/migrations';
import { NOTE_LINES_TABLE, NOTES_INDEX, SPAN_KEY_FACTOR } from '../../../electron/services/store/span-indexes';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { oldDatabaseWithSpans } from '../../helpers/old-schema';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const TEXT = 'Cảnh báo nguy cơ an ninh mạng tăng. Bộ Công an đề xuất tăng cường hợp tác quốc tế.';

/**
 * A database at version 25 with one article: a noted RISK span "an ninh mạng" under a LOC span
 * over the sentence and an ORG span on the same range; a noted span covered by nothing else; a
 * span without a note.
 */
function version25() {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  const path = join(dir, 'v25.db');
  const { spanIds } = oldDatabaseWithSpans(path, 25, TEXT, {
    risk: ['RISK', 'an ninh mạng', 'Nguồn: Bộ Công an'],
    sentence: ['LOC', 'Cảnh báo nguy cơ an ninh mạng tăng.', ''],
    org: ['ORG', 'an ninh mạng', ''],
    proposal: ['PROPOSAL', 'đề xuất tăng cường hợp tác', 'Nguồn khác'],
    plain: ['PER', 'Bộ Công an', ''],
  });
  return { path, spans: spanIds };
}

/** Each line's span id and label lists, as migration 026 stored them (027 keeps the ids in the key, identical labels NULL when the same). */
const lines = (workbench: Workbench) =>
  workbench.db
    .prepare(
      `SELECT span_key % ${SPAN_KEY_FACTOR}, labels_json, coalesce(identical_labels_json, labels_json)
       FROM ${NOTE_LINES_TABLE} ORDER BY span_key`,
    )
    .raw()
    .all();

const noteHits = (workbench: Workbench) =>
  workbench.corpus
    .concordance({ kind: 'notes', query: 'nguồn' }, {}, 10)
    .hits.map((hit) => [hit.annotationId, hit.labels, hit.identicalLabels]);

describe('migration 026: the notes concordance lines with their covering labels', () => {
  it('fills the lines of a version-25 database with the labels covering each noted span, and drops the index of 022', () => {
    const { path, spans } = version25();
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    // Covering labels in text order (the sentence starts first), identical ones by label.
    expect(lines(workbench)).toEqual([
      [spans.risk, '["LOC","ORG","RISK"]', '["ORG","RISK"]'],
      [spans.proposal, '["PROPOSAL"]', '["PROPOSAL"]'],
    ]);
    expect(noteHits(workbench)).toEqual([
      [spans.risk, ['LOC', 'ORG', 'RISK'], ['ORG', 'RISK']],
      [spans.proposal, ['PROPOSAL'], ['PROPOSAL']],
    ]);
    const index = workbench.db.prepare(`SELECT name FROM sqlite_master WHERE name = ?`).pluck().get(NOTES_INDEX);
    expect(index).toBeUndefined();
  });

  it('keeps the lines through the pipeline: a covering span deleted and undone, a note cleared, a span moved under another', () => {
    const { path, spans } = version25();
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const apply = (change: object) => workbench.changes.apply({ origin: 'manual', changes: [change as never] });
    apply({ kind: 'annotation.delete', id: spans.sentence });
    expect(lines(workbench)[0]).toEqual([spans.risk, '["ORG","RISK"]', '["ORG","RISK"]']);
    const articleId = workbench.db.prepare(`SELECT article_id FROM annotations WHERE id = ?`).pluck().get(spans.risk);
    workbench.changes.undo(articleId as number);
    expect(lines(workbench)[0]).toEqual([spans.risk, '["LOC","ORG","RISK"]', '["ORG","RISK"]']);
    apply({ kind: 'annotation.update', id: spans.risk, patch: { note: '' } });
    // "Bộ Công an" gets a note and moves onto the proposal's range.
    const start = TEXT.indexOf('đề xuất tăng cường hợp tác');
    const end = start + 'đề xuất tăng cường hợp tác'.length;
    apply({
      kind: 'annotation.update',
      id: spans.plain,
      patch: { start, end, quote: TEXT.slice(start, end), note: 'Nguồn: ghi chú' },
    });
    expect(lines(workbench)).toEqual([
      [spans.proposal, '["PER","PROPOSAL"]', '["PER","PROPOSAL"]'],
      [spans.plain, '["PER","PROPOSAL"]', '["PER","PROPOSAL"]'],
    ]);
    // Reopened: the same lines are read back from the file.
    workbench.close();
    const reopened = openWorkbench(path);
    cleanups.splice(0, 1, () => reopened.close());
    expect(noteHits(reopened)).toEqual([
      [spans.proposal, ['PER', 'PROPOSAL'], ['PER', 'PROPOSAL']],
      [spans.plain, ['PER', 'PROPOSAL'], ['PER', 'PROPOSAL']],
    ]);
  });
});
