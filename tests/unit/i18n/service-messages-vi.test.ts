// @vitest-environment jsdom
/**
 * Issue 10 §7: the change handlers' refusals (a span out of range, a relation across articles,
 * an undo of a step changed since), the import parsers' reasons and export job errors were
 * English only, whatever the UI language. They now carry
 * a catalogue key and params, the reason inside a wrapping message ("Cannot undo …: {{reason}}")
 * as a message itself, so a Vietnamese UI shows the whole sentence in Vietnamese while the
 * command line and logs keep the English text.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import { ExportOptionsSchema, type ExportJob } from '../../../shared/contract/exports';
import { ExportJobs } from '../../../electron/services/export/export-jobs';
import { importFile } from '../../../electron/services/import/import-service';
import { backendText, errorMessage } from '../../../renderer/src/i18n/backend';
import { i18next } from '../../../renderer/src/i18n/index';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

const workbench = useTempWorkbenches();
const TEXT = 'Bộ Công an họp tại Hà Nội.';

/** The ApiError a call threw, or a failure when it did not throw one. */
function refusal(call: () => unknown): ApiError {
  try {
    call();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** The refusal through the wire format and back, as the renderer receives it. */
const overTheWire = (error: ApiError) => ApiError.fromPayload(JSON.parse(JSON.stringify(error.toPayload())));

beforeAll(() => i18next.changeLanguage('vi'));
afterAll(() => i18next.changeLanguage('en'));

describe('change handler messages were English only', () => {
  it('a span past the end of the text: English for the log, Vietnamese in a Vietnamese UI', () => {
    const wb = workbench();
    const articleId = addArticle(wb, TEXT);
    const error = refusal(() =>
      wb.changes.apply({
        origin: 'manual',
        changes: [
          {
            kind: 'annotation.create',
            ref: 'a',
            annotation: { articleId, labelKey: 'LOC', start: 19, end: 40, quote: 'Hà Nội.' },
          },
        ],
      }),
    );
    expect(error.message).toBe('The span was not saved: end 40 is past the end of the text (length 26).');
    const received = overTheWire(error);
    expect(received.ref).toEqual({
      key: 'spanNotSaved',
      params: { problem: { key: 'spanEndPastText', params: { end: 40, length: 26 } } },
    });
    expect(errorMessage(received)).toBe('Chưa lưu đoạn chú thích: điểm cuối 40 vượt quá cuối văn bản (dài 26).');
    // Read back: nothing was stored.
    expect(wb.annotationRows.listForArticle(articleId)).toEqual([]);
  });

  it('a change of a set wraps its reason, which is translated too', () => {
    const wb = workbench();
    const articleId = addArticle(wb, TEXT);
    const error = refusal(() =>
      wb.changes.apply({
        origin: 'manual',
        changes: [
          {
            kind: 'annotation.create',
            ref: 'a',
            annotation: { articleId, labelKey: 'ORG', start: 0, end: 10, quote: 'Bộ Công an' },
          },
          {
            kind: 'annotation.create',
            ref: 'b',
            annotation: { articleId, labelKey: 'NOPE', start: 19, end: 25, quote: 'Hà Nội' },
          },
        ],
      }),
    );
    expect(error.message).toBe('Change 2 of 2 (annotation.create): There is no label NOPE.');
    expect(errorMessage(overTheWire(error))).toBe('Thay đổi 2 trên 2 (annotation.create): Không có nhãn NOPE.');
    expect(wb.annotationRows.listForArticle(articleId)).toEqual([]);
  });

  it('an undo refused because the span was changed since names the step and the reason in Vietnamese', () => {
    const wb = workbench();
    const articleId = addArticle(wb, TEXT);
    const span = annotate(wb, articleId, 'LOC', 'Hà Nội');
    const other = addArticle(wb, 'Khác.');
    // The same span edited by a set over two articles, which is on the corpus-wide stack.
    wb.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'annotation.update', id: span.id, patch: { note: 'x' } },
        {
          kind: 'annotation.create',
          ref: 'o',
          annotation: { articleId: other, labelKey: 'LOC', start: 0, end: 4, quote: 'Khác' },
        },
      ],
    });
    const error = refusal(() => wb.changes.undo(articleId));
    expect(error.message).toMatch(/^Cannot undo “.+”: annotation \d+ was changed since\.$/);
    const shown = errorMessage(overTheWire(error));
    expect(shown).toBe(`Không hoàn tác được “Gắn LOC “Hà Nội””: chú thích ${span.id} đã bị thay đổi sau đó.`);
    expect(wb.annotationRows.listForArticle(articleId).map((row) => row.note)).toEqual(['x']);
  });

  it('history steps were named in English: the undo and redo titles and toasts follow the UI language', () => {
    const wb = workbench();
    const articleId = addArticle(wb, TEXT);
    const tagged = annotate(wb, articleId, 'LOC', 'Hà Nội');
    const state = wb.changes.historyState(articleId);
    expect(state.undoDescription).toBe('Tag LOC “Hà Nội”');
    expect(backendText(state.undoDescriptionRef, state.undoDescription ?? '')).toBe('Gắn LOC “Hà Nội”');
    const relabel = wb.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'annotation.update', id: tagged.id, patch: { labelKey: 'ORG' } }],
    });
    expect(backendText(relabel.descriptionRef, relabel.description)).toBe('Đổi nhãn “Hà Nội” LOC → ORG');
    const undone = wb.changes.undo(articleId);
    expect(undone && backendText(undone.descriptionRef, undone.description)).toBe('Đổi nhãn “Hà Nội” LOC → ORG');
    expect(wb.annotationRows.listForArticle(articleId).map((row) => row.labelKey)).toEqual(['LOC']);
    // A caller's own description (an import's) has no key: it is shown as written.
    const imported = wb.changes.apply({
      origin: 'import',
      description: 'Import 1 annotations from a.jsonl',
      changes: [
        {
          kind: 'annotation.create',
          ref: 'a',
          annotation: { articleId, labelKey: 'ORG', start: 0, end: 10, quote: 'Bộ Công an' },
        },
      ],
    });
    expect(imported.descriptionRef).toBeUndefined();
    expect(wb.changes.historyState(articleId)).toMatchObject({ undoDescription: 'Import 1 annotations from a.jsonl' });
    expect(wb.changes.historyState(articleId).undoDescriptionRef).toBeUndefined();
  });

  it('a relation between spans of two articles is refused in Vietnamese', () => {
    const wb = workbench();
    const first = annotate(wb, addArticle(wb, TEXT), 'ORG', 'Bộ Công an');
    const second = annotate(wb, addArticle(wb, 'Ông Nguyễn Văn A phát biểu.'), 'PER', 'Nguyễn Văn A');
    const error = refusal(() =>
      wb.changes.apply({
        origin: 'manual',
        changes: [
          {
            kind: 'relation.create',
            ref: 'r',
            relation: { articleId: first.articleId, typeKey: 'proposed_by', headId: first.id, tailId: second.id },
          },
        ],
      }),
    );
    expect(errorMessage(overTheWire(error))).toContain(
      `thuộc bài ${second.articleId}, không thuộc bài ${first.articleId}: một quan hệ chỉ nằm trong một bài`,
    );
  });

  it('a message without a key is shown as the English the service sent', () => {
    expect(backendText(undefined, 'Something new.')).toBe('Something new.');
    expect(errorMessage(new ApiError('rejected', 'No key here.'))).toBe('No key here.');
  });
});

describe('import parser reasons were English only', () => {
  const reasonShown = async (name: string, content: string) => {
    const [result] = await importFile(workbench(), { name, bytes: Buffer.from(content) });
    if (result?.outcome !== 'skipped') throw new Error(`expected a skipped file, got ${JSON.stringify(result)}`);
    const received = JSON.parse(JSON.stringify(result)) as typeof result;
    return { english: received.reason, shown: backendText(received.reasonRef, received.reason) };
  };

  it('malformed JSON names line and column in both languages', async () => {
    expect(await reasonShown('bad.json', '{\n  "text": "Bài",\n  oops\n}')).toEqual({
      english: expect.stringMatching(/^Malformed JSON at line 3, column 3: /),
      shown: expect.stringMatching(/^JSON sai cú pháp ở dòng 3, cột 3: /),
    });
  });

  it('an old Word file and a CSV without a text column are refused in Vietnamese', async () => {
    expect((await reasonShown('cu.doc', 'x')).shown).toMatch(
      /^Không đọc được loại tệp "\.doc"; .*Hãy lưu tệp Word cũ thành \.docx trước\.$/,
    );
    expect((await reasonShown('bang.csv', 'title,body2\nA,B\n')).shown).toBe(
      'CSV không có cột "text". Cần một dòng tiêu đề: title, text, source, url, date (or published).',
    );
    expect((await reasonShown('rong.txt', '   \n')).shown).toBe('Tệp chỉ có khoảng trắng.');
  });

  it('a JSONL line that is not a record is skipped with a Vietnamese reason naming the line', async () => {
    const wb = workbench();
    const results = await importFile(wb, {
      name: 'tin.jsonl',
      bytes: Buffer.from(`${JSON.stringify({ text: 'Tin một.' })}\n{"text": \n${JSON.stringify({ title: 'x' })}\n`),
    });
    const skipped = results.filter((result) => result.outcome === 'skipped');
    expect(skipped.map((result) => result.file)).toEqual(['tin.jsonl (line 2)', 'tin.jsonl (line 3)']);
    expect(skipped.map((result) => backendText(result.reasonRef, result.reason))).toEqual([
      expect.stringMatching(/^JSON sai cú pháp: /),
      'không có văn bản (các trường cần có: title, text, source, url, date (or published))',
    ]);
    expect(wb.articles.list()).toHaveLength(1);
  });
});

describe('export job errors were English only', () => {
  const options = (format: 'brat' | 'csv', offsetUnit: 'utf16' | 'codepoint') =>
    ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, format, offsetUnit });

  async function failed(jobs: ExportJobs, jobId: string): Promise<ExportJob> {
    await vi.waitFor(() => expect(jobs.get(jobId).state).not.toBe('running'));
    const job = JSON.parse(JSON.stringify(jobs.get(jobId))) as ExportJob;
    expect(job.state).toBe('failed');
    return job;
  }

  it('an offset unit the format cannot count, and a folder that does not exist, fail in Vietnamese', async () => {
    const wb = workbench();
    annotate(wb, addArticle(wb, TEXT), 'LOC', 'Hà Nội');
    const jobs = new ExportJobs(wb);
    try {
      const unit = await failed(jobs, jobs.start(options('brat', 'utf16'), join(wb.dir, 'a.brat.zip'), 'test'));
      expect(unit.error).toBe('brat standoff (zip) counts offsets in codepoint; utf16 offsets are not available.');
      expect(backendText(unit.errorRef, unit.error ?? '')).toBe(
        'brat standoff (zip) đếm vị trí theo codepoint; không xuất được vị trí theo utf16.',
      );
      const disk = await failed(
        jobs,
        jobs.start(options('csv', 'codepoint'), join(wb.dir, 'missing', 'a.csv'), 'test'),
      );
      expect(disk.error).toMatch(/^The export file could not be written: .*missing/);
      expect(backendText(disk.errorRef, disk.error ?? '')).toMatch(/^Không ghi được tệp xuất: .*missing/);
    } finally {
      jobs.dispose();
    }
  });
});

describe('label refusals embedded English reasons', () => {
  it('a bad label field and a parent cycle: English for the log, Vietnamese in a Vietnamese UI', () => {
    const wb = workbench();
    const colour = refusal(() =>
      wb.changes.apply({ origin: 'manual', changes: [{ kind: 'label.update', key: 'RISK', patch: { color: 'red' } }] }),
    );
    expect(colour.message).toBe('Label RISK: color — colours are #rrggbb, e.g. #e8590c.');
    expect(errorMessage(overTheWire(colour))).toBe('Nhãn RISK: color — màu viết dạng #rrggbb, ví dụ #e8590c.');

    const cycle = refusal(() =>
      wb.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'label.update', key: 'RISK', patch: { parentKey: 'CYBER' } }],
      }),
    );
    expect(cycle.message).toBe(
      'Label RISK: parent — RISK cannot go under CYBER: CYBER is already under RISK (RISK/CYBER), which would make a cycle.',
    );
    expect(errorMessage(overTheWire(cycle))).toBe(
      'Nhãn RISK: nhãn cha — RISK không thể nằm dưới CYBER: CYBER đã nằm dưới RISK (RISK/CYBER), như vậy sẽ thành vòng lặp.',
    );
    expect(wb.labels.get('RISK')).toMatchObject({ color: expect.stringMatching(/^#/), parentKey: null });
  });
});

describe('import report notes were English only', () => {
  it('a JSONL file with spans: the notes carry keys, English for the command line, Vietnamese in a Vietnamese UI', async () => {
    const wb = workbench();
    const record = {
      text: 'Bộ Công an họp tại Hà Nội.',
      meta: { offset_unit: 'codepoint' },
      spans: [
        { start: 0, end: 10, label: 'ORG', text: 'Bộ Công an' },
        { start: 19, end: 25, label: 'LOC', text: 'Hà Nội' },
      ],
    };
    const [result] = await importFile(wb, { name: 'tin.jsonl', bytes: Buffer.from(JSON.stringify(record)) });
    if (result?.outcome !== 'imported') throw new Error(`not imported: ${JSON.stringify(result)}`);
    expect(result.notes.slice(0, 3)).toEqual([
      'Encoding: UTF-8.',
      'Marginalia JSONL: 2 of 2 spans read.',
      'Offsets in code points, as Marginalia JSONL counts them.',
    ]);
    const shown = result.notes.map((english, index) => backendText(result.noteRefs?.[index], english));
    expect(shown.slice(0, 3)).toEqual([
      'Mã hoá: UTF-8.',
      'Marginalia JSONL: đã đọc 2 trên 2 đoạn.',
      'Vị trí tính theo điểm mã, như Marginalia JSONL vẫn đếm.',
    ]);
    expect(shown).toContain('Đã thêm 2 chú thích.');
    // Read back: the spans the notes speak of are stored.
    expect(wb.annotationRows.listForArticle(result.articleId).map((row) => row.labelKey)).toEqual(['ORG', 'LOC']);
  });
});

describe('attribute, field and entity refusals were English in a Vietnamese UI', () => {
  it('a document field, an attribute and an entity name refused: English for the log, Vietnamese in the UI', () => {
    const wb = workbench();
    const articleId = addArticle(wb, TEXT);
    const field = refusal(() =>
      wb.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'fieldValue.set', articleId, key: 'nope', value: 'x' }],
      }),
    );
    expect(field.message).toBe('There is no document field “nope”.');
    expect(errorMessage(overTheWire(field))).toBe('Không có trường tài liệu “nope”.');

    const span = annotate(wb, articleId, 'LOC', 'Hà Nội');
    const attribute = refusal(() =>
      wb.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'annotation.update', id: span.id, patch: { attributes: { nope: 1 } } }],
      }),
    );
    expect(attribute.message).toMatch(/^LOC has no attribute “nope” \(its attributes: .+\)\.$/);
    expect(errorMessage(overTheWire(attribute))).toMatch(
      /^Nhãn LOC không có thuộc tính “nope” \(các thuộc tính của nhãn: .+\)\.$/,
    );

    const entity = refusal(() =>
      wb.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'entity.create', ref: 'e', entity: { name: '   ', typeLabelKey: 'PER' } }],
      }),
    );
    expect(entity.message).toBe('An entity name cannot be empty or only whitespace.');
    expect(errorMessage(overTheWire(entity))).toBe('Tên thực thể không được để trống hoặc chỉ có khoảng trắng.');
  });
});

describe('value reasons were English inside Vietnamese refusals', () => {
  it('a field value that is not an option: the reason is translated with the sentence around it', () => {
    const wb = workbench();
    const articleId = addArticle(wb, TEXT);
    const refused = refusal(() =>
      wb.changes.apply({
        origin: 'manual',
        changes: [{ kind: 'fieldValue.set', articleId, key: 'doc_type', value: 'interview' }],
      }),
    );
    expect(refused.message).toBe(
      'The field doc_type (Document type) was not saved: “interview” is not one of speech, report, news.',
    );
    const shown = errorMessage(overTheWire(refused));
    expect(shown).toContain('“interview” không thuộc các lựa chọn speech, report, news');
    expect(shown).not.toContain('is not one of');
  });
});
