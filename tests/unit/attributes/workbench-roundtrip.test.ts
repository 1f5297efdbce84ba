import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportOptionsSchema } from '../../../shared/contract/exports';
import { exportToFile } from '../../../electron/services/export/export-service';
import { importWorkbenchExport } from '../../../electron/services/import/workbench/workbench-import';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

const freshWorkbench = useTempWorkbenches();
const TEXT = 'Thứ trưởng Lương Tam Quang cảnh báo nguy cơ tấn công mạng và đề xuất tăng cường hợp tác.';

describe('workbench JSON round trip of attributes and fields', () => {
  it('re-imports every value, links span references to the new ids, and names what it skips', async () => {
    const source = freshWorkbench();
    const articleId = addArticle(source, TEXT, 'Cảnh báo');
    source.changes.apply({
      origin: 'manual',
      changes: [
        {
          kind: 'attributeDef.create',
          def: {
            labelKey: 'RISK',
            key: 'raised_by',
            nameVi: 'Người nêu',
            nameEn: 'Raised by',
            required: false,
            sortOrder: 9,
            spec: { type: 'span', labelKeys: ['PER'] },
          },
        },
        {
          kind: 'attributeDef.create',
          def: {
            labelKey: 'PER',
            key: 'verified',
            nameVi: 'Đã xác minh',
            nameEn: 'Verified',
            required: false,
            sortOrder: 0,
            spec: { type: 'boolean' },
          },
        },
      ],
    });
    // Spans made in this order get ids the fresh database will not repeat once one is deleted.
    const scratch = annotate(source, articleId, 'ORG', 'Thứ trưởng');
    source.changes.apply({ origin: 'manual', changes: [{ kind: 'annotation.delete', id: scratch.id }] });
    const person = annotate(source, articleId, 'PER', 'Lương Tam Quang');
    const risk = annotate(source, articleId, 'RISK', 'nguy cơ tấn công mạng');
    source.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'annotation.update', id: risk.id, patch: { attributes: { severity: 'high', raised_by: person.id } } },
        { kind: 'annotation.update', id: person.id, patch: { attributes: { verified: true } } },
        { kind: 'fieldValue.set', articleId, key: 'topics', value: ['security'] },
        { kind: 'fieldValue.set', articleId, key: 'summary', value: 'Cảnh báo an ninh mạng.' },
      ],
    });
    const path = join(source.dir, 'export.json');
    const options = ExportOptionsSchema.parse({
      scope: { kind: 'all' },
      labelKeys: null,
      format: 'workbench-json',
      offsetUnit: 'codepoint',
    });
    await exportToFile(source, options, path, { appVersion: 'test' });
    const exported = JSON.parse(readFileSync(path, 'utf8')) as unknown;

    // The target defines raised_by but not verified: the boolean is skipped and named.
    const target = freshWorkbench();
    target.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'attributeDef.create', def: source.attributeDefs.find('RISK', 'raised_by')! }],
    });
    const [result] = importWorkbenchExport(target, 'export.json', exported);
    expect(result?.outcome).toBe('imported');
    if (result?.outcome !== 'imported') throw new Error('imported expected');
    expect(result.notes).toContain(
      'Skipped the attribute verified of PER “Lương Tam Quang”: PER has no attribute “verified” here.',
    );
    const spans = target.annotations.list(result.articleId);
    const targetPerson = spans.find((span) => span.labelKey === 'PER')!;
    const targetRisk = spans.find((span) => span.labelKey === 'RISK')!;
    expect(targetPerson.id).not.toBe(person.id);
    expect(targetRisk.attributes).toEqual({ severity: 'high', raised_by: targetPerson.id });
    expect(target.articleFields.valuesOf(result.articleId)).toEqual({
      summary: 'Cảnh báo an ninh mạng.',
      topics: ['security'],
    });
  });
});
