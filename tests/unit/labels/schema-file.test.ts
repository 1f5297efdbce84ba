import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { LabelService } from '../../../electron/services/labels/label-service';
import { openWorkbench } from '../../../electron/services/workbench';
import { seededArticle, useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();
const serviceOf = (workbench: ReturnType<typeof freshWorkbench>) => new LabelService(workbench);

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error.message;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the schema as a file', () => {
  it('exports with paths and re-imports into a new database as one undoable change set', () => {
    const source = freshWorkbench();
    source.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'label.update', key: 'CYBER', patch: { hotkey: 'c', guideline: 'Tấn công mạng, mã độc.' } },
        { kind: 'label.update', key: 'MISC', patch: { hidden: true } },
      ],
    });
    const file = JSON.parse(JSON.stringify(serviceOf(source).exportSchema()));
    expect(file).toMatchObject({ format: 'marginalia-schema', version: 2 });
    expect(file.labels.find((label: { key: string }) => label.key === 'CYBER')).toMatchObject({
      path: 'RISK/CYBER',
      hotkey: 'c',
    });

    const target = freshWorkbench();
    const preview = serviceOf(target).previewImport(file);
    expect(preview).toEqual({
      added: [],
      changed: [
        { key: 'CYBER', fields: ['hotkey', 'guideline'] },
        { key: 'MISC', fields: ['hidden'] },
      ],
      removed: [],
      attributes: { added: [], changed: [], removed: [] },
      fields: { added: [], changed: [], removed: [] },
      refusal: null,
      refusalRef: null,
    });
    serviceOf(target).importSchema(file);
    expect(target.labels.list()).toEqual(source.labels.list());
    expect(target.changes.historyState(null).undoDescription).toBe('Import a label schema');
    target.changes.undo(null);
    expect(target.labels.get('CYBER')?.hotkey).toBeNull();
  });

  it('refuses an import that would orphan annotations, naming the labels and counts, and writes nothing', async () => {
    const workbench = freshWorkbench();
    const { articleId, text } = await seededArticle(workbench);
    const start = text.indexOf('đề xuất');
    workbench.changes.apply({
      origin: 'manual',
      changes: [
        {
          kind: 'annotation.create',
          ref: 'a',
          annotation: { articleId, labelKey: 'LAW', start, end: start + 7, quote: 'đề xuất' },
        },
      ],
    });
    const file = serviceOf(workbench).exportSchema();
    file.labels = file.labels.filter((label) => label.key !== 'LAW' && label.key !== 'EVENT');
    const preview = serviceOf(workbench).previewImport(file);
    expect(preview.removed).toEqual([
      { key: 'LAW', annotationCount: 1 },
      { key: 'EVENT', annotationCount: 0 },
    ]);
    expect(preview.refusal).toContain('The schema file has no label LAW (1) (annotations here in brackets)');
    expect(preview.refusalRef).toEqual({ key: 'schemaImportOrphansAnnotations', params: { labels: 'LAW (1)' } });
    const before = workbench.labels.list();
    expect(refusal(() => serviceOf(workbench).importSchema(file))).toBe(preview.refusal);
    expect(workbench.labels.list()).toEqual(before);
  });

  it('refuses unknown fields, a bad colour, a cycle and a duplicate hotkey, naming the field', () => {
    const workbench = freshWorkbench();
    const service = serviceOf(workbench);
    const good = () => JSON.parse(JSON.stringify(service.exportSchema()));
    const withUnknown = good();
    withUnknown.labels[0].colour = '#ffffff';
    expect(refusal(() => service.previewImport(withUnknown))).toBe(
      'The schema file was not imported: labels[0]: unknown field colour.',
    );
    const extraTop = { ...good(), author: 'Lan' };
    expect(refusal(() => service.importSchema(extraTop))).toBe(
      'The schema file was not imported: the file: unknown field author.',
    );
    const badColour = good();
    badColour.labels[1].color = 'blue';
    expect(refusal(() => service.importSchema(badColour))).toMatch(/labels\[1\]\.color: colours are #rrggbb/);
    const cycle = good();
    const risk = cycle.labels.find((label: { key: string }) => label.key === 'RISK');
    Object.assign(risk, { parentKey: 'CYBER', path: undefined });
    expect(refusal(() => service.importSchema(cycle))).toMatch(/parentKey: RISK is under itself \(a cycle\)/);
    const twinHotkey = good();
    twinHotkey.labels[1].hotkey = twinHotkey.labels[0].hotkey;
    expect(refusal(() => service.importSchema(twinHotkey))).toMatch(/labels\[1\]\.hotkey: 1 is also RISK’s/);
    expect(refusal(() => service.importSchema({ format: 'x' }))).toMatch(/format: the file is not a Marginalia schema/);
  });

  it('carries attribute and document field definitions: round trip between two workbenches, read back', async () => {
    const source = freshWorkbench();
    const severity = source.attributeDefs.find('RISK', 'severity')!;
    source.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'label.create', label: { ...source.labels.get('RISK')!, key: 'THREAT', hotkey: null, sortOrder: 90 } },
        {
          kind: 'attributeDef.create',
          def: {
            ...severity,
            labelKey: 'THREAT',
            key: 'actor',
            nameVi: 'Chủ thể',
            nameEn: 'Actor',
            spec: { type: 'span', labelKeys: ['ORG', 'PER'] },
          },
        },
        {
          kind: 'attributeDef.update',
          labelKey: 'RISK',
          key: 'severity',
          patch: { required: false, nameEn: 'Gravity' },
        },
        { kind: 'fieldDef.delete', key: 'summary' },
        {
          kind: 'fieldDef.create',
          def: {
            key: 'pages',
            nameVi: 'Số trang',
            nameEn: 'Pages',
            required: false,
            sortOrder: 9,
            spec: { type: 'number', min: 1, max: null, integer: true },
          },
        },
      ],
    });
    const file = JSON.parse(JSON.stringify(serviceOf(source).exportSchema()));
    expect(file.attributes.find((def: { key: string }) => def.key === 'actor')).toMatchObject({ labelKey: 'THREAT' });

    const target = freshWorkbench();
    const preview = serviceOf(target).previewImport(file);
    expect(preview.added).toEqual(['THREAT']);
    expect(preview.attributes).toEqual({ added: ['THREAT.actor'], changed: ['RISK.severity'], removed: [] });
    expect(preview.fields).toEqual({ added: ['pages'], changed: [], removed: [{ key: 'summary', valueCount: 0 }] });
    expect(preview.refusal).toBeNull();
    serviceOf(target).importSchema(file);

    // Read back through a fresh connection: the definitions are the source's.
    const path = target.databasePath;
    target.close();
    const reopened = openWorkbench(path);
    try {
      expect(reopened.attributeDefs.list()).toEqual(source.attributeDefs.list());
      expect(reopened.fieldDefs.list()).toEqual(source.fieldDefs.list());
      // One undo step takes the whole import back.
      reopened.changes.undo(null);
      expect(reopened.attributeDefs.find('THREAT', 'actor')).toBeNull();
      expect(reopened.fieldDefs.find('summary')).not.toBeNull();
      expect(reopened.labels.exists('THREAT')).toBe(false);
    } finally {
      reopened.close();
    }
  });

  it('refuses a file whose definitions would delete stored values, or that names labels it lacks, and writes nothing', async () => {
    const workbench = freshWorkbench();
    const { articleId } = await seededArticle(workbench);
    workbench.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'fieldValue.set', articleId, key: 'summary', value: 'Tóm tắt' }],
    });
    const service = serviceOf(workbench);
    const file = JSON.parse(JSON.stringify(service.exportSchema()));
    file.fields = file.fields.filter((def: { key: string }) => def.key !== 'summary');
    file.labels.find((label: { key: string }) => label.key === 'RISK').nameEn = 'Danger';
    expect(service.previewImport(file).refusal).toBe(
      'The schema file lacks definitions whose values are set here (attributes: —; document fields: summary (1); values in brackets): importing it would delete those values. Add the definitions to the file, or clear the values here first.',
    );
    expect(refusal(() => service.importSchema(file))).toContain('document fields: summary (1)');
    expect(workbench.labels.get('RISK')?.nameEn).toBe('Risk');
    expect(workbench.articleFields.find(articleId, 'summary')?.value).toBe('Tóm tắt');

    const orphan = JSON.parse(JSON.stringify(service.exportSchema()));
    orphan.attributes[0].labelKey = 'NOPE';
    expect(refusal(() => service.importSchema(orphan))).toBe(
      'The schema file was not imported: attributes[0].labelKey: there is no label NOPE in the file.',
    );
    const twice = JSON.parse(JSON.stringify(service.exportSchema()));
    twice.fields.push(twice.fields[0]);
    expect(refusal(() => service.importSchema(twice))).toMatch(/fields\[4\]\.key: \w+ appears twice/);
  });

  it('still reads a version 1 file (labels only) and leaves the definitions as they are', () => {
    const workbench = freshWorkbench();
    const service = serviceOf(workbench);
    const { attributes: _attributes, fields: _fields, ...rest } = JSON.parse(JSON.stringify(service.exportSchema()));
    const v1 = { ...rest, version: 1 };
    v1.labels.find((label: { key: string }) => label.key === 'RISK').nameEn = 'Danger';
    const before = workbench.attributeDefs.list();
    service.importSchema(v1);
    expect(workbench.labels.get('RISK')?.nameEn).toBe('Danger');
    expect(workbench.attributeDefs.list()).toEqual(before);
  });
});
