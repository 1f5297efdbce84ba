/**
 * Migration 010: the stored, indexed duplicate key. `ProbableDuplicates.of` read every article's
 * text at the start of each import job (O(corpus) per import); now each article keeps its key and
 * an import finds a probable duplicate by one index lookup. Tested on a database built by the
 * previous migrations, with articles written as the previous release wrote them.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../electron/services/import/import-service';
import { openDatabase } from '../../../electron/services/store/database';
import { storedDuplicateKeyOf } from '../../../electron/services/store/duplicate-keys';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/store/migrations';
import { openWorkbench, type Workbench } from '../../../electron/services/workbench';
import { insertOldArticle } from '../../helpers/old-schema';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

const BODY =
  'Sáng 10/1, tại Hà Nội, Bộ Công an tổ chức hội nghị tổng kết công tác đối ngoại và hợp tác quốc tế năm 2023, với sự tham dự của đại diện nhiều cơ quan.';

/** A database at the version before 010, with three articles: two share a body, one is too short to tell. */
function migratedFromVersionBefore(): { workbench: Workbench; ids: number[] } {
  const { dir, dispose } = tempDir();
  const path = join(dir, 'old.db');
  const previous = MIGRATIONS.filter((migration) => migration.version < 10);
  const old = openDatabase(path, { migrations: previous });
  expect(old.pragma('user_version', { simple: true })).toBe(previous.at(-1)?.version);
  const ids = [
    insertOldArticle(old, `Hội nghị đối ngoại\n\n${BODY}\n\nHà An`, 'Hội nghị đối ngoại'),
    insertOldArticle(old, `Bộ Công an tổng kết năm\n\n${BODY.toUpperCase()}!`, null),
    insertOldArticle(old, 'Tin ngắn: họp báo chiều nay.', null),
  ];
  old.close();
  const workbench = openWorkbench(path);
  cleanups.push(() => {
    workbench.close();
    dispose();
  });
  return { workbench, ids };
}

describe('migration 010: a stored duplicate key per article, looked up by index', () => {
  it('gives every existing article its key (null when no paragraph is long enough) and indexes it', () => {
    const { workbench, ids } = migratedFromVersionBefore();
    const { db } = workbench;
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const keys = db.prepare(`SELECT id, duplicate_key FROM articles ORDER BY id`).all() as {
      id: number;
      duplicate_key: string | null;
    }[];
    expect(keys.map((row) => row.id)).toEqual(ids);
    // Folded (case, tones, punctuation), so the two bodies share a key.
    expect(keys[0]?.duplicate_key).toBe(storedDuplicateKeyOf(BODY));
    expect(keys[1]?.duplicate_key).toBe(keys[0]?.duplicate_key);
    expect(keys[0]?.duplicate_key).toMatch(/^[0-9a-f]{64}$/);
    expect(keys[2]?.duplicate_key).toBeNull();
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM articles WHERE duplicate_key = ? ORDER BY id LIMIT 1`)
      .all('x') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING (COVERING )?INDEX articles_by_duplicate_key/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('finds the oldest article with the key, and an import after the migration flags it', async () => {
    const { workbench, ids } = migratedFromVersionBefore();
    expect(workbench.articles.findProbableDuplicate(`Tiêu đề khác\n\n${BODY}`)).toEqual({
      id: ids[0],
      displayTitle: 'Hội nghị đối ngoại',
    });
    expect(workbench.articles.findProbableDuplicate('Tin ngắn: họp báo chiều nay.')).toBeNull();
    const [result] = await importFile(workbench, { name: 'bai.md', bytes: Buffer.from(`# Bài mới\n\n**${BODY}**\n`) });
    expect(result).toMatchObject({ outcome: 'imported', probableDuplicateOf: ids[0] });
    if (result?.outcome !== 'imported') throw new Error('not imported');
    // The new article keeps its key too (written with the row).
    const stored = workbench.db
      .prepare(`SELECT duplicate_key FROM articles WHERE id = ?`)
      .pluck()
      .get(result.articleId) as string;
    expect(stored).toBe(storedDuplicateKeyOf(BODY));
  });

  it('keeps the key current when trimmed chrome is restored into the text', () => {
    const { workbench } = migratedFromVersionBefore();
    const longChrome = `Tin liên quan: ${'các bài viết khác cùng chuyên mục an ninh đối ngoại, '.repeat(5)}`;
    const id = workbench.articles.insert({
      rawText: `Ngắn.\n\n${longChrome}`,
      text: 'Ngắn.',
      trimmedText: `\n\n${longChrome}`,
      contentHash: 'h-restore',
      title: null,
      source: null,
      byline: null,
      url: null,
      publishedAt: null,
      fileName: null,
    });
    const keyOf = () => workbench.db.prepare(`SELECT duplicate_key FROM articles WHERE id = ?`).pluck().get(id);
    expect(keyOf()).toBeNull();
    workbench.articles.restoreTrimmed(id);
    expect(keyOf()).toBe(storedDuplicateKeyOf(longChrome));
  });
});
