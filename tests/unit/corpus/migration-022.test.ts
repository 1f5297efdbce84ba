import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/store/migrations';
import { NOTES_INDEX } from '../../../electron/services/store/span-indexes';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { oldDatabaseWithSpans } from '../../helpers/old-schema';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const TEXT = 'Cảnh báo nguy cơ an ninh mạng tăng. Bộ Công an đề xuất tăng cường hợp tác quốc tế.';

/** A database at version 21 with one article and three spans, two of them with a note. */
function version21() {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  const path = join(dir, 'v21.db');
  const { articleId, spanIds } = oldDatabaseWithSpans(path, 21, TEXT, {
    risk: ['RISK', 'an ninh mạng', 'Nguồn: Bộ Công an'],
    org: ['ORG', 'Bộ Công an', 'Nguồn khác: báo Nhân Dân'],
    proposal: ['PROPOSAL', 'đề xuất tăng cường hợp tác', ''],
  });
  return { path, articleId, spans: spanIds };
}

const noteHits = (workbench: Workbench, query: string) =>
  workbench.corpus
    .concordance({ kind: 'notes', query }, {}, 10)
    .hits.map((hit) => [hit.annotationId, hit.match, hit.inNote]);

describe('migration 022: the spans with a note in an index of their own', () => {
  it('indexes the notes of a version-21 database, and the notes concordance reads them from it', () => {
    const { path, spans } = version21();
    // Migration 026 replaces the index by the notes concordance's own table: read it at version 22.
    const v22 = openDatabase(path, { migrations: MIGRATIONS.filter((migration) => migration.version <= 22) });
    const indexed = v22
      .prepare(`SELECT id FROM annotations INDEXED BY ${NOTES_INDEX} WHERE note <> '' ORDER BY id`)
      .pluck()
      .all();
    v22.close();
    expect(indexed).toEqual([spans.risk, spans.org]);
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(noteHits(workbench, 'nguồn')).toEqual([
      [spans.risk, 'Nguồn', true],
      [spans.org, 'Nguồn', true],
    ]);
    expect(noteHits(workbench, 'bo cong an')).toEqual([[spans.risk, 'Bộ Công an', true]]);
  });

  it('follows notes written, changed and cleared through the pipeline', () => {
    const { path, spans } = version21();
    const workbench = openWorkbench(path);
    cleanups.unshift(() => workbench.close());
    const note = (id: number, text: string) =>
      workbench.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'annotation.update', id, patch: { note: text } } as never],
      });
    note(spans.proposal, 'Nguồn: Bộ Ngoại giao');
    note(spans.risk, '');
    expect(noteHits(workbench, 'nguồn')).toEqual([
      [spans.org, 'Nguồn', true],
      [spans.proposal, 'Nguồn', true],
    ]);
    expect(noteHits(workbench, 'bo cong an')).toEqual([]);
  });
});
