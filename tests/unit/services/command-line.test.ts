import { afterEach, describe, expect, it, vi } from 'vitest';
import { runExportCommand } from '../../../electron/host/cli/export-command';
import { runImportCommand } from '../../../electron/host/cli/import-command';
import { DB_OPTION, numberOption, parseKnownOptions, UsageError } from '../../../electron/services/command-line';
import { IMPORT_LIMIT_OPTIONS } from '../../../electron/services/import/limits';

afterEach(() => vi.restoreAllMocks());

/** Runs a CLI command in-process and returns its exit code and what it printed to stderr. */
async function run(command: (argv: string[]) => Promise<number>, argv: string[]) {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const code = await command(argv);
  return { code, stderr: errors.join('\n') };
}

describe('CLI argument errors are named, with the usage, before any database is opened', () => {
  it('import: unknown flags, bad limits and no paths', async () => {
    expect(await run(runImportCommand, ['a.txt', '--bogus'])).toEqual({
      code: 2,
      stderr: expect.stringMatching(/^Unknown option: --bogus\nUsage: npm run cli -- import/),
    });
    expect((await run(runImportCommand, ['a.txt', '--max-files', 'lots'])).stderr).toContain(
      '--max-files must be a positive number, not "lots".',
    );
    expect((await run(runImportCommand, ['--db', 'x.db'])).stderr).toContain('No files or folders given.');
    expect((await run(runImportCommand, ['a.txt', '--db'])).stderr).toContain('--db needs a value.');
  });

  it('export: unknown flags, stray arguments and missing values', async () => {
    const base = ['--format', 'csv', '--out', 'x.csv'];
    expect((await run(runExportCommand, [...base, '--colour'])).stderr).toContain('Unknown option: --colour');
    expect((await run(runExportCommand, [...base, 'extra'])).stderr).toContain('Unexpected argument: extra');
    expect((await run(runExportCommand, ['--format', 'csv'])).stderr).toContain('Missing --out FILE.');
    expect((await run(runExportCommand, [...base, '--no-bom=yes'])).code).toBe(2);
  });
});

describe('the Electron main process reads its flags among Chromium switches', () => {
  const options = { ...DB_OPTION, ...IMPORT_LIMIT_OPTIONS };

  it('reads ours and leaves theirs', () => {
    const argv = ['/app', '--no-sandbox', '--enable-features=X', '--db', '/tmp/m.db', '--max-files=3'];
    expect(parseKnownOptions(argv, options)).toMatchObject({ db: '/tmp/m.db', 'max-files': '3' });
  });

  it('a flag of ours without its value is still an error', () => {
    expect(() => parseKnownOptions(['/app', '--db'], options)).toThrow(new UsageError('--db needs a value.'));
  });
});

describe('numberOption', () => {
  it('accepts numbers within the bounds and names the flag otherwise', () => {
    expect(numberOption('n', undefined)).toBeUndefined();
    expect(numberOption('n', '2.5', { min: 0 })).toBe(2.5);
    expect(() => numberOption('n', ' ', { min: 0 })).toThrow('--n must be a number of at least 0, not " ".');
    expect(() => numberOption('n', '1e400')).toThrow('--n must be a number, not "1e400".');
  });
});
