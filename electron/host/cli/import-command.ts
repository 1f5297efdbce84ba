import type { ImportFileResult } from '../../../shared/contract';
import { DB_OPTION, parseCommandLine, UsageError } from '../../services/command-line';
import { IMPORT_LIMIT_OPTIONS, importLimitsFromOptions, type ImportLimits } from '../../services/import/limits';
import { bundledEntryPath } from '../../services/bundled-entry';
import { runImport } from '../../services/import/run-import';
import { openWorkbenchAt } from '../open-workbench';

const USAGE =
  'Usage: npm run cli -- import <files or folders…> [--db PATH] [--max-file-mb N] [--max-files N] [--max-records N] [--max-extract-seconds N]';

/**
 * `import <files or folders…> [--db PATH]`: imports in this process (a terminal has no UI
 * thread to keep free), prints one line per file, a progress line, and a summary.
 * Exit code 1 when any file was skipped, 2 when the import could not run at all.
 */
export async function runImportCommand(
  argv: string[],
  extractWorkerPath: string = bundledEntryPath('extractWorker.js'),
): Promise<number> {
  let paths: string[];
  let db: string | undefined;
  let limits: ImportLimits;
  try {
    const parsed = parseCommandLine(argv, { ...DB_OPTION, ...IMPORT_LIMIT_OPTIONS }, { positionals: true });
    if (parsed.positionals.length === 0) throw new UsageError('No files or folders given.');
    paths = parsed.positionals;
    db = parsed.values.db;
    limits = importLimitsFromOptions(parsed.values);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    console.error(USAGE);
    return 2;
  }
  const workbench = await openWorkbenchAt(db, { seed: false });
  const progress = progressLine(process.stdout);
  const results: ImportFileResult[] = [];
  let total = 0;
  try {
    await runImport(
      workbench,
      { kind: 'paths', paths },
      {
        signal: new AbortController().signal,
        emit: (event) => {
          if (event.type === 'total') total = event.total;
          if (event.type === 'file') progress.show(`Importing ${results.length + 1}/${total}: ${event.name}`);
          if (event.type === 'results') {
            // A loop, not push(...): one file can yield more records than a call takes arguments.
            for (const result of event.results) {
              results.push(result);
              progress.print(describe(result));
            }
          }
        },
      },
      // Files are read in the bundled worker, so one that takes too long is stopped and named.
      { limits, extractWorkerPath },
    );
  } catch (error) {
    progress.clear();
    console.error(`Import failed: ${(error as Error).message}`);
    return 2;
  } finally {
    workbench.close();
  }
  progress.clear();
  console.log(summarise(results));
  return results.some((result) => result.outcome === 'skipped') ? 1 : 0;
}

/** On a terminal, one status line rewritten in place; otherwise only the per-file lines. */
function progressLine(stream: NodeJS.WriteStream): {
  show(text: string): void;
  print(line: string): void;
  clear(): void;
} {
  if (!stream.isTTY) return { show: () => undefined, print: (line) => console.log(line), clear: () => undefined };
  const width = (): number => Math.max(20, (stream.columns ?? 80) - 1);
  let shown = false;
  const clear = (): void => {
    if (shown) stream.write(`\r${' '.repeat(width())}\r`);
    shown = false;
  };
  return {
    show: (text) => {
      stream.write(`\r${text.slice(0, width()).padEnd(width())}`);
      shown = true;
    },
    print: (line) => {
      clear();
      console.log(line);
    },
    clear,
  };
}

export function describe(result: ImportFileResult): string {
  if (result.outcome === 'skipped') {
    return `skipped    ${result.file}: ${result.reason}${result.preview ? `\n           preview: ${result.preview}` : ''}`;
  }
  const notes = result.notes.length > 0 ? `\n           ${result.notes.join('\n           ')}` : '';
  return `${result.outcome.padEnd(10)} ${result.file}: ${result.title}${notes}`;
}

export function summarise(results: readonly ImportFileResult[]): string {
  const countOf = (outcome: ImportFileResult['outcome']): number =>
    results.filter((result) => result.outcome === outcome).length;
  return `Imported ${countOf('imported')}, duplicates ${countOf('duplicate')}, skipped ${countOf('skipped')}.`;
}
