import { describe, expect, it } from 'vitest';
import { DEFAULT_IMPORT_LIMITS, importLimitsFromArgs } from '../../../electron/services/import/limits';

describe('importLimitsFromArgs', () => {
  it('reads --max-file-mb and --max-files, keeping the defaults otherwise', () => {
    expect(importLimitsFromArgs([])).toEqual(DEFAULT_IMPORT_LIMITS);
    expect(importLimitsFromArgs(['--max-file-mb', '2.5', '--max-files=10'])).toEqual({
      maxFileBytes: 2.5 * 1024 * 1024,
      maxFiles: 10,
    });
  });

  it('refuses values that are not positive numbers, naming the flag', () => {
    expect(() => importLimitsFromArgs(['--max-files', 'lots'])).toThrow(
      '--max-files must be a positive number, not "lots".',
    );
    expect(() => importLimitsFromArgs(['--max-file-mb', '-1'])).toThrow(/--max-file-mb/);
  });
});
