import type { ImportFileResult } from '../../../shared/contract';
import { importLimitsFromArgs } from '../../services/import/limits';
import { runImport } from '../../services/import/run-import';
import { openWorkbenchFromArgs } from '../open-workbench';

/**
 * `import <files or folders…> [--db PATH]`: imports in this process (a terminal has no UI
 * thread to keep free), prints one line per file, a progress line, and a summary.
 * Exit code 1 when any file was skipped, 2 when the import could not run at all.
 */
export async function runImportCommand(argv: string[]): Promise<number> {
  const paths = positionalArgs(argv, ['--db', '--max-file-mb', '--max-files']);
  if (paths.length === 0) {
    console.error('Usage: npm run cli -- import <files or folders…> [--db PATH] [--max-file-mb N] [--max-files N]');
    return 2;
  }
  let limits;
  try {
    limits = importLimitsFromArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const workbench = await openWorkbenchFromArgs(argv, { seed: false });
  const progress = progressLine(process.stdout);
  const results: ImportFileResult[] = [];
  let total = 0;
  try {
    await runImport(
      workbench,
      { kind: 'paths', paths },
      {
        isCancelled: () => false,
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
      limits,
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

/** Arguments that are neither flags nor flag values. */
export function positionalArgs(argv: readonly string[], flagsWithValues: readonly string[] = ['--db']): string[] {
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (flagsWithValues.includes(arg)) i++;
    else if (!arg.startsWith('--')) positional.push(arg);
  }
  return positional;
}
