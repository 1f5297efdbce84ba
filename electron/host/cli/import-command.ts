import type { ImportFileResult } from '../../../shared/contract';
import { importFilePath } from '../../services/import/import-service';
import { openWorkbenchFromArgs } from '../open-workbench';

/** Imports the named files; exits 1 when any file was skipped. */
export async function runImportCommand(argv: string[]): Promise<number> {
  const paths = positionalArgs(argv);
  if (paths.length === 0) {
    console.error('Usage: npm run cli -- import <files or folders…> [--db PATH]');
    return 2;
  }
  const workbench = openWorkbenchFromArgs(argv, { seed: false });
  try {
    const results: ImportFileResult[] = paths.flatMap((path) => importFilePath(workbench, path));
    for (const result of results) console.log(describe(result));
    return results.some((result) => result.outcome === 'skipped') ? 1 : 0;
  } finally {
    workbench.close();
  }
}

function describe(result: ImportFileResult): string {
  if (result.outcome === 'skipped') return `skipped    ${result.file}: ${result.reason}`;
  return `${result.outcome.padEnd(10)} ${result.file}: ${result.title}`;
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
