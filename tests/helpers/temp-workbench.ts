import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { seedIfEmpty } from '../../electron/services/import/seed';
import { openWorkbench, type Workbench } from '../../electron/services/workbench';

/** A real SQLite file in a fresh temp folder; `dispose` closes it and removes the folder. */
export function tempDir(prefix = 'marginalia-test-'): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openTempWorkbench(): Workbench & { dir: string; dispose: () => void } {
  const { dir, dispose } = tempDir();
  const workbench = openWorkbench(join(dir, 'marginalia.db'));
  return Object.assign(workbench, {
    dir,
    dispose: () => {
      workbench.close();
      dispose();
    },
  });
}

export const SEEDS_DIR = join(__dirname, '..', '..', 'seeds');

/** Seeds the workbench and returns the id and canonical text of the seed titled `titleStart…`. */
export async function seededArticle(
  workbench: Workbench,
  titleStart = '3 đề xuất',
): Promise<{ articleId: number; text: string }> {
  await seedIfEmpty(workbench, SEEDS_DIR);
  const article = workbench.articles.list().find((candidate) => candidate.displayTitle.startsWith(titleStart));
  if (!article) throw new Error(`seed missing: ${titleStart}…`);
  return { articleId: article.id, text: workbench.articles.getText(article.id) };
}

/** A factory of temp workbenches that are all disposed after each test of the file. */
export function useTempWorkbenches(): () => ReturnType<typeof openTempWorkbench> {
  const open: ReturnType<typeof openTempWorkbench>[] = [];
  afterEach(() => open.splice(0).forEach((workbench) => workbench.dispose()));
  return () => {
    const workbench = openTempWorkbench();
    open.push(workbench);
    return workbench;
  };
}
