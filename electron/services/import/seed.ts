import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFileResult } from '../../../shared/contract';
import type { Workbench } from '../workbench';
import { importFilePath } from './import-service';

/**
 * First start: an empty database gets the seed corpus, through the real import pipeline,
 * so the seeds are imported exactly as a user's files would be. Returns null when the
 * database already holds articles (seeding never runs twice, and never re-adds deleted seeds).
 */
export function seedIfEmpty(workbench: Workbench, seedsFolder: string): ImportFileResult[] | null {
  const { count } = workbench.db.prepare(`SELECT count(*) AS count FROM articles`).get() as { count: number };
  if (count > 0) return null;
  const files = readdirSync(seedsFolder)
    .filter((name) => /\.(txt|md|html?|docx|csv|jsonl?)$/i.test(name))
    .sort();
  return files.flatMap((name) => importFilePath(workbench, join(seedsFolder, name)));
}
