/**
 * Regression (issue 10, "two writers on one database"): while another connection imported,
 * edits answered "Internal error" and the importer skipped files with "database is locked".
 * Both sides read before they write inside a transaction; when the other connection committed
 * in between, SQLite answered SQLITE_BUSY_SNAPSHOT at once, whatever busy_timeout said.
 *
 * Here the command line imports a folder in a child process (its own connection) while this
 * process applies a stream of edits through the change pipeline on the same file.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedIfEmpty } from '../../../electron/services/import/seed';
import { openWorkbench } from '../../../electron/services/workbench';
import { SEEDS_DIR, tempDir } from '../../helpers/temp-workbench';
import { useBundledEntries } from '../import/helpers/build-entries';
import { VIETNAMESE_ARTICLE, writeFiles } from '../import/helpers/fixtures';

const FILES = 200;

describe('two writers on one database', () => {
  const entry = useBundledEntries();

  it('edits during a command-line import: no failed edit, no skipped file', async () => {
    const { dir, dispose } = tempDir();
    try {
      const databasePath = join(dir, 'shared.db');
      const workbench = openWorkbench(databasePath);
      await seedIfEmpty(workbench, SEEDS_DIR);
      const article = workbench.articles.list()[0]!;
      const text = workbench.articles.getText(article.id);
      writeFiles(
        dir,
        Object.fromEntries(
          Array.from({ length: FILES }, (_, i) => [`in/${i}.txt`, `${VIETNAMESE_ARTICLE}\n\nBài số ${i}.`]),
        ),
      );

      const child = spawn(process.execPath, [entry('cli.js'), 'import', join(dir, 'in'), '--db', databasePath], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      let running = true;
      void exited.then(() => (running = false));

      // Edits faster than any human until the import ends: create, relabel, delete.
      const failures: string[] = [];
      let edits = 0;
      for (let i = 0; running || i < 30; i++) {
        try {
          const start = (i * 7) % Math.max(1, text.length - 10);
          const created = workbench.changes.apply({
            articleId: article.id,
            origin: 'manual',
            changes: [
              {
                kind: 'annotation.create',
                ref: 'a',
                annotation: { articleId: article.id, labelKey: 'MISC', start, end: start + 1, quote: text[start]! },
              },
            ],
          });
          const id = created.createdIds.a!;
          workbench.changes.apply({
            articleId: article.id,
            origin: 'manual',
            changes: [{ kind: 'annotation.update', id, patch: { labelKey: 'ORG' } }],
          });
          workbench.changes.apply({
            articleId: article.id,
            origin: 'manual',
            changes: [{ kind: 'annotation.delete', id }],
          });
          edits += 3;
        } catch (error) {
          failures.push(String(error));
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const exitCode = await exited;

      expect(failures).toEqual([]);
      expect(edits).toBeGreaterThan(0);
      expect(output).toContain(`Imported ${FILES}, duplicates 0, skipped 0.`);
      expect(exitCode).toBe(0);
      // Read back: every file is stored, and the edits left nothing behind (each was deleted).
      expect(workbench.articles.list()).toHaveLength(FILES + 5);
      expect(workbench.annotationRows.listForArticle(article.id)).toEqual([]);
      workbench.close();
    } finally {
      dispose();
    }
  });
});
