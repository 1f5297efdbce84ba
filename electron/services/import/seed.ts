import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFileResult } from '../../../shared/contract';
import type { Workbench } from '../workbench';
import { importFilePath } from './import-service';

/**
 * First start: an empty database gets the seed corpus, through the real import pipeline,
 * so the seeds are imported exactly as a user's files would be. Resolves to null when the
 * database already holds articles (seeding never runs twice, and never re-adds deleted seeds).
 */
export async function seedIfEmpty(workbench: Workbench, seedsFolder: string): Promise<ImportFileResult[] | null> {
  if (workbench.articles.count() > 0) return null;
  const files = readdirSync(seedsFolder)
    .filter((name) => /\.(txt|md|html?|docx|csv|jsonl?)$/i.test(name))
    .sort();
  const results: ImportFileResult[] = [];
  for (const name of files)
    results.push(...(await importFilePath(workbench, join(seedsFolder, name), undefined, name)));
  return results;
}
