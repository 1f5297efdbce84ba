import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { LabelService } from '../../../electron/services/labels/label-service';
import { seededArticle, useTempWorkbenches } from '../../helpers/temp-workbench';

const freshWorkbench = useTempWorkbenches();
const serviceOf = (workbench: ReturnType<typeof freshWorkbench>) =>
  new LabelService(workbench.labels, workbench.changes);

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
    expect(file).toMatchObject({ format: 'marginalia-schema', version: 1 });
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
      refusal: null,
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
    expect(preview.refusal).toContain('The schema file has no label LAW (1 annotations here)');
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
});
