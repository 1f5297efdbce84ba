import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/store/migrations';
import { openWorkbench } from '../../../electron/services/workbench';
import { tempDir } from '../../helpers/temp-workbench';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

it('backfills the index of a database created at version 1', () => {
  const { dir, dispose } = tempDir();
  cleanups.push(dispose);
  const path = join(dir, 'v1.db');

  const v1 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 1) });
  expect(v1.pragma('user_version', { simple: true })).toBe(1);
  const insert = v1.prepare(
    `INSERT INTO articles (raw_text, text, content_hash, title, word_count, imported_at, updated_at)
     VALUES (@text, @text, @hash, @title, 1, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
  );
  insert.run({ text: 'Bộ Công an nêu 3 đề xuất.', hash: 'a', title: 'Đề xuất' });
  insert.run({ text: 'Đường lối đối ngoại.', hash: 'b', title: null });
  v1.close();

  const workbench = openWorkbench(path);
  cleanups.unshift(() => workbench.close());
  expect(workbench.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  expect(workbench.search.search('de xuat')).toEqual([
    { articleId: 1, displayTitle: 'Đề xuất', snippet: 'Bộ Công an nêu 3 [[đề xuất]].', matchCount: 4 },
  ]);
  expect(workbench.search.search('duong loi')).toEqual([
    { articleId: 2, displayTitle: 'Đường lối đối ngoại.', snippet: '[[Đường lối]] đối ngoại.', matchCount: 2 },
  ]);
});
