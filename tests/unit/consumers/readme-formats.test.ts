import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMAT_SPECS } from '../../../shared/codecs';
import { GUARDED_CSV_COLUMNS } from '../../../shared/codecs/csv';
import { IMPORT_EXTENSIONS } from '../../../shared/import/import-formats';

const README = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
const table = README.slice(README.indexOf('### Formats'), README.indexOf('**CSV.**'));

describe('README formats table', () => {
  it('names every import extension and every export format of the registries', () => {
    for (const extension of IMPORT_EXTENSIONS) expect(table, extension).toContain(`\`${extension}\``);
    for (const spec of EXPORT_FORMAT_SPECS) expect(table, spec.name).toContain(`\`${spec.name}\``);
  });

  it('lists the guarded CSV columns', () => {
    const csv = README.slice(README.indexOf('**CSV.**'), README.indexOf('**CoNLL.**'));
    for (const column of GUARDED_CSV_COLUMNS) expect(csv, column).toContain(`\`${column}\``);
  });
});
