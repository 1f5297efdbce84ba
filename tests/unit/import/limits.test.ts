import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../electron/services/command-line';
import {
  DEFAULT_IMPORT_LIMITS,
  IMPORT_LIMIT_OPTIONS,
  importLimitsFromOptions,
} from '../../../electron/services/import/limits';

const limitsOf = (argv: string[]) => importLimitsFromOptions(parseCommandLine(argv, IMPORT_LIMIT_OPTIONS).values);

describe('import limits from the command line', () => {
  it('reads --max-file-mb, --max-files, --max-records and --max-extract-seconds, keeping the defaults otherwise', () => {
    expect(limitsOf([])).toEqual(DEFAULT_IMPORT_LIMITS);
    expect(limitsOf(['--max-file-mb', '2.5', '--max-files=10'])).toEqual({
      ...DEFAULT_IMPORT_LIMITS,
      maxFileBytes: 2.5 * 1024 * 1024,
      maxFiles: 10,
    });
    expect(limitsOf(['--max-records', '500', '--max-extract-seconds=2.5'])).toEqual({
      ...DEFAULT_IMPORT_LIMITS,
      maxRecordsPerFile: 500,
      maxExtractSeconds: 2.5,
    });
  });

  it('refuses values that are not positive numbers, naming the flag', () => {
    expect(() => limitsOf(['--max-files', 'lots'])).toThrow('--max-files must be a positive number, not "lots".');
    expect(() => limitsOf(['--max-file-mb=-1'])).toThrow(/--max-file-mb/);
    expect(() => limitsOf(['--max-files', ''])).toThrow('--max-files must be a positive number, not "".');
  });
});
