/**
 * The import review step (issue 9: legacy conversion preview, probable duplicates, unknown
 * labels; issue 10: a colleague's label differences asked, not listed): files that raise
 * questions are held with nothing written, the others import; the decisions are applied and read
 * back from SQLite; a cancelled review writes nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import type { ImportFileResult, ImportJob, ReviewDecisions, ReviewQuestion } from '../../../shared/contract';
import { ExportOptionsSchema } from '../../../shared/contract/exports';
import { createImportHandlers } from '../../../electron/services/api/import-handlers';
import { exportToFile } from '../../../electron/services/export/export-service';
import { inProcessLauncher } from '../../../electron/services/import/import-jobs';
import { DEFAULT_IMPORT_LIMITS } from '../../../electron/services/import/limits';
import { runImport, type ImportEvent } from '../../../electron/services/import/run-import';
import type { Workbench } from '../../../electron/services/workbench';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, annotate } from '../export/fixtures';

vi.setConfig({ testTimeout: 60_000 });

const workbench = useTempWorkbenches();

const BODY =
  'Sáng 10/1, tại Hà Nội, Bộ Công an tổ chức hội nghị tổng kết công tác đối ngoại và hợp tác quốc tế năm 2023, với sự tham dự của đại diện nhiều cơ quan.';
const OTHER =
  'Thứ trưởng nhấn mạnh yêu cầu tiếp tục mở rộng hợp tác an ninh với các nước trong khu vực và trên thế giới trong thời gian tới.';
/** The same article in TCVN3, as a legacy editor saved it (bytes of the TCVN3 font encoding). */
const TCVN3_TEXT =
  'Bé C«ng an tæng kÕt c«ng t¸c ®èi ngo¹i n¨m 2023\n\nS¸ng 10/1, t¹i Hµ Néi, Bé C«ng an tæ chøc héi nghÞ.';
const TCVN3_CONVERTED =
  'Bộ Công an tổng kết công tác đối ngoại năm 2023\n\nSáng 10/1, tại Hà Nội, Bộ Công an tổ chức hội nghị.';

const upload = (name: string, content: string | Uint8Array) => ({
  name,
  dataBase64: Buffer.from(typeof content === 'string' ? Buffer.from(content) : content).toString('base64'),
});

interface ReviewedRun {
  state: 'done' | 'cancelled';
  results: ImportFileResult[];
  /** The questions of each review round, in order. */
  rounds: ReviewQuestion[][];
  /** Articles stored when each round was asked: what the held files had written (nothing). */
  articlesAtReview: number[];
}

/** Runs a whole import as a job does, answering each review round with `answer` (null cancels). */
async function runReviewed(
  wb: Workbench,
  files: ReturnType<typeof upload>[],
  answer: (questions: ReviewQuestion[], round: number) => ReviewDecisions | null,
): Promise<ReviewedRun> {
  const run: ReviewedRun = { state: 'done', results: [], rounds: [], articlesAtReview: [] };
  run.state = await runImport(
    wb,
    { kind: 'uploads', files },
    {
      emit: (event: ImportEvent) => {
        if (event.type === 'results') run.results.push(...event.results);
      },
      signal: new AbortController().signal,
      review: async (questions) => {
        run.rounds.push(questions);
        run.articlesAtReview.push(wb.articles.count());
        return answer(questions, run.rounds.length - 1);
      },
    },
    { limits: DEFAULT_IMPORT_LIMITS },
  );
  return run;
}

const outcomes = (results: readonly ImportFileResult[]) => results.map((result) => [result.file, result.outcome]);
const decideAll = (questions: readonly ReviewQuestion[], choose: (q: ReviewQuestion) => ReviewDecisions[string]) =>
  Object.fromEntries(questions.map((question) => [question.id, choose(question)]));

describe('legacy encoding: a preview of the conversion, accepted or rejected before the article is stored', () => {
  it('holds the TCVN3 file with a before/after excerpt while the others import; accepted, it is stored converted', async () => {
    const wb = workbench();
    const run = await runReviewed(
      wb,
      [upload('cu.txt', iconv.encode(TCVN3_TEXT, 'windows-1252')), upload('moi.txt', `${BODY}\n\n${OTHER}`)],
      (questions) => decideAll(questions, () => ({ choice: 'accept' })),
    );
    expect(run.rounds).toEqual([
      [
        {
          kind: 'legacyEncoding',
          id: 'file 0:legacy',
          file: 'cu.txt',
          encoding: 'TCVN3',
          before:
            'Bé C«ng an tæng kÕt c«ng t¸c ®èi ngo¹i n¨m 2023\nS¸ng 10/1, t¹i Hµ Néi, Bé C«ng an tæ chøc héi nghÞ.',
          after: 'Bộ Công an tổng kết công tác đối ngoại năm 2023\nSáng 10/1, tại Hà Nội, Bộ Công an tổ chức hội nghị.',
        },
      ],
    ]);
    expect(run.articlesAtReview).toEqual([1]); // moi.txt only: nothing of cu.txt before the decision
    expect(outcomes(run.results)).toEqual([
      ['moi.txt', 'imported'],
      ['cu.txt', 'imported'],
    ]);
    const stored = run.results[1];
    if (stored?.outcome !== 'imported') throw new Error('cu.txt not imported');
    expect(wb.articles.get(stored.articleId).text).toBe(TCVN3_CONVERTED);
  });

  it('rejected, the file is skipped and nothing of it is stored', async () => {
    const wb = workbench();
    const run = await runReviewed(wb, [upload('cu.txt', iconv.encode(TCVN3_TEXT, 'windows-1252'))], () => ({
      'file 0:legacy': { choice: 'skip' },
    }));
    expect(run.results).toEqual([
      {
        outcome: 'skipped',
        file: 'cu.txt',
        reason: 'Not imported, as you chose: the text converted from TCVN3 read wrong.',
      },
    ]);
    expect(wb.articles.count()).toBe(0);
  });

  it('a review cancelled writes nothing of the held files, and says so for each', async () => {
    const wb = workbench();
    const existing = addArticle(wb, `${BODY}\n\n${OTHER}`, 'Đã có');
    const run = await runReviewed(
      wb,
      [upload('cu.txt', iconv.encode(TCVN3_TEXT, 'windows-1252')), upload('ban-sao.md', `# Bản sao\n\n${BODY}\n`)],
      () => null,
    );
    expect(run.state).toBe('cancelled');
    expect(run.results.map((result) => result.outcome)).toEqual(['skipped', 'skipped']);
    expect(run.results[0]).toMatchObject({ reason: expect.stringContaining('cancelled before you decided') });
    expect(wb.articles.list().map((article) => article.id)).toEqual([existing]);
  });
});

describe('files on disk (the desktop dialog gives paths)', () => {
  it('a held file is read again from its path when the decision comes, and imported with it', async () => {
    const wb = workbench();
    const folder = join(wb.dir, 'in');
    mkdirSync(folder);
    writeFileSync(join(folder, 'cu.txt'), iconv.encode(TCVN3_TEXT, 'windows-1252'));
    const questions: ReviewQuestion[][] = [];
    const results: ImportFileResult[] = [];
    const state = await runImport(
      wb,
      { kind: 'paths', paths: [folder] },
      {
        emit: (event) => {
          if (event.type === 'results') results.push(...event.results);
        },
        signal: new AbortController().signal,
        review: async (asked) => {
          questions.push(asked);
          return { 'file 0:legacy': { choice: 'accept' } };
        },
      },
    );
    expect(state).toBe('done');
    expect(questions).toEqual([[expect.objectContaining({ kind: 'legacyEncoding', file: join('in', 'cu.txt') })]]);
    expect(results).toEqual([expect.objectContaining({ outcome: 'imported', file: join('in', 'cu.txt') })]);
    expect(wb.articles.list().map((article) => wb.articles.getText(article.id))).toEqual([TCVN3_CONVERTED]);
  });
});

describe('probable duplicates: keep or skip, per article', () => {
  it('asks for each probable duplicate (in the workbench or earlier in the same file) and applies each choice', async () => {
    const wb = workbench();
    const original = addArticle(wb, `Hội nghị đối ngoại\n\n${BODY}\n\n${OTHER}`, 'Hội nghị đối ngoại');
    // Row 3 is row 2 with a source line: not the same text, the same body.
    const long = `${BODY} Thêm một câu để đoạn này dài hơn mọi đoạn khác của bài.`;
    const csv = `title,text\nMột,"${long}"\nHai,"${long}\n\nNguồn: VnExpress"\n`;
    const run = await runReviewed(
      wb,
      [
        upload('bai.md', `# Hội nghị\n\n**${BODY}**\n\n${OTHER}\n`),
        // Not the same text as bai.md (an exact duplicate is no question): it carries the byline.
        upload('bai.html', `<html><body><h1>Hội nghị</h1><p>${BODY}</p><p>${OTHER}</p><p>Hà An</p></body></html>`),
        upload('tin.csv', csv),
      ],
      () => ({
        'file 0:duplicate:': { choice: 'accept' },
        'file 1:duplicate:': { choice: 'skip' },
        'file 2:duplicate:row 3': { choice: 'skip' },
      }),
    );
    expect(run.rounds[0]).toEqual([
      {
        kind: 'probableDuplicate',
        id: 'file 0:duplicate:',
        file: 'bai.md',
        title: 'Hội nghị',
        duplicateOf: { articleId: original, title: 'Hội nghị đối ngoại' },
      },
      expect.objectContaining({ id: 'file 1:duplicate:', file: 'bai.html' }),
      {
        kind: 'probableDuplicate',
        id: 'file 2:duplicate:row 3',
        file: 'tin.csv (row 3)',
        title: 'Hai',
        // Row 2 of the same file: it has no id yet (it is written only once the file is decided).
        duplicateOf: { articleId: null, title: 'Một' },
      },
    ]);
    expect(run.articlesAtReview).toEqual([1]);
    expect(outcomes(run.results)).toEqual([
      ['bai.md', 'imported'],
      ['bai.html', 'skipped'],
      ['tin.csv (row 2)', 'imported'],
      ['tin.csv (row 3)', 'skipped'],
    ]);
    expect(run.results[0]).toMatchObject({ probableDuplicateOf: original });
    expect(run.results[1]).toMatchObject({
      reason: `Not imported, as you chose: a probable duplicate of article ${original}, “Hội nghị đối ngoại”.`,
    });
    expect(wb.articles.list().map((article) => article.displayTitle)).toEqual([
      'Hội nghị đối ngoại',
      'Hội nghị',
      'Một',
    ]);
  });

  it('asks again when a decision brings up a new question: a converted file that duplicates one imported meanwhile', async () => {
    const wb = workbench();
    const tcvn3Long = iconv.encode(
      'S¸ng 10/1, t¹i Hµ Néi, Bé C«ng an tæ chøc héi nghÞ tæng kÕt c«ng t¸c ®èi ngo¹i vµ hîp t¸c quèc tÕ n¨m 2023.',
      'windows-1252',
    );
    const unicode =
      'Sáng 10/1, tại Hà Nội, Bộ Công an tổ chức hội nghị tổng kết công tác đối ngoại và hợp tác quốc tế năm 2023.';
    const withSource = `${unicode}\n\nNguồn: Báo Nhân Dân`;
    const run = await runReviewed(wb, [upload('cu.txt', tcvn3Long), upload('moi.txt', withSource)], (questions) =>
      decideAll(questions, (question) =>
        question.kind === 'legacyEncoding' ? { choice: 'accept' } : { choice: 'skip' },
      ),
    );
    // cu.txt comes first: when it was held, moi.txt was not imported yet.
    expect(run.rounds.map((round) => round.map((question) => question.kind))).toEqual([
      ['legacyEncoding'],
      ['probableDuplicate'],
    ]);
    expect(outcomes(run.results)).toEqual([
      ['moi.txt', 'imported'],
      ['cu.txt', 'skipped'],
    ]);
    expect(wb.articles.count()).toBe(1);
  });
});

describe('unknown labels of annotations from other tools: create, map or skip, before anything is written', () => {
  const doccano = [
    JSON.stringify({
      text: 'Thượng tướng Tô Lâm cảnh báo nguy cơ lừa đảo tại Hà Nội.',
      label: [
        [13, 19, 'PERSON'],
        [29, 44, 'THREAT'],
        [49, 55, 'Địa danh'],
      ],
    }),
    JSON.stringify({ text: 'Nguy cơ tấn công mạng gia tăng.', label: [[0, 21, 'THREAT']] }),
  ].join('\n');

  it('asks once per label name across records, then maps and skips as chosen, through the change pipeline', async () => {
    const wb = workbench();
    const labelsBefore = wb.labels.list();
    const run = await runReviewed(wb, [upload('doccano.jsonl', doccano)], () => ({
      'label:THREAT': { choice: 'map', labelKey: 'RISK' },
      'label:Địa danh': { choice: 'skip' },
    }));
    expect(run.rounds).toEqual([
      [
        {
          kind: 'label',
          id: 'label:THREAT',
          label: 'THREAT',
          format: 'doccano JSONL',
          files: ['doccano.jsonl'],
          spanCount: 2,
          fileLabel: null,
          existing: false,
          differences: [],
        },
        expect.objectContaining({ id: 'label:Địa danh', spanCount: 1, existing: false }),
      ],
    ]);
    expect(run.articlesAtReview).toEqual([0]);
    expect(wb.labels.list()).toEqual(labelsBefore); // nothing created
    const spans = wb.articles
      .list()
      .flatMap((article) => wb.annotationRows.listForArticle(article.id))
      .map((span) => [span.labelKey, span.quote, span.origin]);
    expect(spans).toEqual([
      ['PER', 'Tô Lâm', 'import'], // PERSON → PER by alias: no question
      ['RISK', 'nguy cơ lừa đảo', 'import'],
      ['RISK', 'Nguy cơ tấn công mạng', 'import'],
    ]);
    const first = wb.articles.list()[0];
    expect(wb.history.listForArticle(first?.id ?? 0).map((entry) => entry.origin)).toEqual(['import']);
    expect(run.results[0]).toMatchObject({
      notes: expect.arrayContaining([
        'Labels mapped to labels here: “THREAT” → RISK.',
        'Skipped 1 spans whose label you chose to skip: 1 “Địa danh”.',
      ]),
    });
  });

  it('"create" makes the new label once, used by every record', async () => {
    const wb = workbench();
    await runReviewed(wb, [upload('doccano.jsonl', doccano)], (questions) =>
      decideAll(questions, () => ({ choice: 'create' })),
    );
    expect(wb.labels.get('THREAT')).toMatchObject({ nameEn: 'THREAT', kind: 'entity' });
    expect(wb.labels.get('DIA_DANH')).toMatchObject({ nameVi: 'Địa danh' });
    expect(wb.annotationRows.listForArticle(wb.articles.list()[1]?.id ?? 0).map((span) => span.labelKey)).toEqual([
      'THREAT',
    ]);
  });
});

describe("a colleague's workbench JSON: label differences asked, not listed (issue 10)", () => {
  async function colleagueFile(): Promise<Buffer> {
    const colleague = workbench();
    const risk = colleague.labels.get('RISK');
    if (!risk) throw new Error('RISK missing');
    colleague.changes.apply({
      origin: 'manual',
      changes: [
        { kind: 'label.update', key: risk.key, patch: { color: '#ff0000', nameEn: 'Danger' } },
        {
          kind: 'label.create',
          label: {
            key: 'THREAT',
            nameVi: 'Đe dọa',
            nameEn: 'Threat',
            color: '#abcdef',
            hotkey: null,
            kind: 'analytic',
            description: '',
            sortOrder: 20,
            parentKey: null,
            hidden: false,
            guideline: '',
          },
        },
      ],
    });
    const id = addArticle(colleague, `${BODY}\n\n${OTHER}`, 'Hội nghị');
    annotate(colleague, id, 'RISK', 'hợp tác an ninh');
    annotate(colleague, id, 'THREAT', 'đại diện nhiều cơ quan');
    annotate(colleague, id, 'LOC', 'Hà Nội');
    const path = join(colleague.dir, 'lan.json');
    const options = ExportOptionsSchema.parse({ scope: { kind: 'all' }, labelKeys: null, format: 'workbench-json' });
    await exportToFile(colleague, options, path, { appVersion: 'test' });
    return readFileSync(path);
  }

  it('shows how the file’s label differs; "keep mine" keeps it, a missing label maps to one here; nothing renamed', async () => {
    const wb = workbench();
    const file = await colleagueFile();
    const riskBefore = wb.labels.get('RISK');
    const run = await runReviewed(wb, [upload('lan.json', file)], () => ({
      'label:RISK': { choice: 'map', labelKey: 'RISK' },
      'label:THREAT': { choice: 'map', labelKey: 'PROPOSAL' },
    }));
    expect(run.rounds[0]).toEqual([
      {
        kind: 'label',
        id: 'label:RISK',
        label: 'RISK',
        format: 'Marginalia workbench JSON',
        files: ['lan.json'],
        spanCount: 1,
        fileLabel: { nameVi: riskBefore?.nameVi, nameEn: 'Danger', color: '#ff0000' },
        existing: true,
        differences: [
          { field: 'nameEn', here: riskBefore?.nameEn, inFile: 'Danger' },
          { field: 'color', here: riskBefore?.color, inFile: '#ff0000' },
        ],
      },
      expect.objectContaining({ id: 'label:THREAT', existing: false, spanCount: 1 }),
    ]);
    expect(run.articlesAtReview).toEqual([0]);
    expect(wb.labels.get('RISK')).toEqual(riskBefore);
    expect(wb.labels.exists('THREAT')).toBe(false);
    const [article] = wb.articles.list();
    const articleId = article?.id ?? 0;
    // In text order; each keeps the colleague's origin as provenance, the change set is an import.
    expect(wb.annotationRows.listForArticle(articleId).map((span) => [span.labelKey, span.quote])).toEqual([
      ['LOC', 'Hà Nội'],
      ['PROPOSAL', 'đại diện nhiều cơ quan'],
      ['RISK', 'hợp tác an ninh'],
    ]);
    expect(wb.history.listForArticle(articleId).map((entry) => entry.origin)).toEqual(['import']);
  });

  it('"skip" leaves out the spans of that label, and "create" adds the colleague’s label as it is', async () => {
    const wb = workbench();
    await runReviewed(wb, [upload('lan.json', await colleagueFile())], () => ({
      'label:RISK': { choice: 'skip' },
      'label:THREAT': { choice: 'create' },
    }));
    expect(wb.labels.get('THREAT')).toMatchObject({ nameEn: 'Threat', color: '#abcdef' });
    const [article] = wb.articles.list();
    expect(
      wb.annotationRows
        .listForArticle(article?.id ?? 0)
        .map((span) => span.labelKey)
        .sort(),
    ).toEqual(['LOC', 'THREAT']);
  });
});

describe('the job API: decideImport', () => {
  async function jobInReview(wb: Workbench) {
    const handlers = createImportHandlers(
      wb,
      { kind: 'browser', appVersion: 'test' },
      {
        launcher: inProcessLauncher,
        extractWorkerPath: null,
      },
    );
    const { jobId } = await handlers.startImport({
      source: {
        kind: 'uploads',
        files: [upload('cu.txt', iconv.encode(TCVN3_TEXT, 'windows-1252')), upload('moi.txt', `${BODY}\n\n${OTHER}`)],
      },
    });
    const job = await until(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state !== 'running',
    );
    return { handlers, jobId, job };
  }

  async function until(
    read: () => ImportJob | Promise<ImportJob>,
    done: (job: ImportJob) => boolean,
  ): Promise<ImportJob> {
    for (let attempt = 0; attempt < 5000; attempt++) {
      const job = await read();
      if (done(job)) return job;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error('the job did not move on');
  }

  it('waits in review with the open questions, refuses incomplete or unfitting decisions, then finishes', async () => {
    const wb = workbench();
    const { handlers, jobId, job } = await jobInReview(wb);
    expect(job).toMatchObject({ state: 'review', processed: 1, total: 2, review: [{ id: 'file 0:legacy' }] });
    expect(() => handlers.decideImport({ jobId, decisions: {} })).toThrow(
      'No decision about “cu.txt” (question file 0:legacy).',
    );
    expect(() => handlers.decideImport({ jobId, decisions: { 'file 0:legacy': { choice: 'create' } } })).toThrow(
      /“create” does not answer this question; choose one of accept, skip/,
    );
    expect(wb.articles.count()).toBe(1);
    const decided = handlers.decideImport({ jobId, decisions: { 'file 0:legacy': { choice: 'accept' } } });
    expect(decided).toMatchObject({ state: 'running', review: [] });
    const finished = await until(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state === 'done',
    );
    expect(finished).toMatchObject({ processed: 2, counts: { imported: 2, duplicate: 0, skipped: 0 } });
    expect(wb.articles.count()).toBe(2);
    expect(() => handlers.decideImport({ jobId, decisions: {} })).toThrow(/is not waiting for decisions/);
  });

  it('cancelImport in review writes nothing of the held file', async () => {
    const wb = workbench();
    const { handlers, jobId } = await jobInReview(wb);
    handlers.cancelImport({ jobId });
    const job = await until(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state === 'cancelled',
    );
    expect(job.results.map((result) => [result.file, result.outcome])).toEqual([
      ['moi.txt', 'imported'],
      ['cu.txt', 'skipped'],
    ]);
    expect(wb.articles.count()).toBe(1);
  });

  it('refuses a mapping to a label that does not exist', async () => {
    const wb = workbench();
    const handlers = createImportHandlers(
      wb,
      { kind: 'browser', appVersion: 'test' },
      {
        launcher: inProcessLauncher,
        extractWorkerPath: null,
      },
    );
    const { jobId } = await handlers.startImport({
      source: {
        kind: 'uploads',
        files: [upload('d.jsonl', JSON.stringify({ text: 'Nguy cơ lớn.', label: [[0, 7, 'THREAT']] }))],
      },
    });
    await until(
      () => handlers.getImportJob({ jobId }),
      (current) => current.state === 'review',
    );
    expect(() =>
      handlers.decideImport({ jobId, decisions: { 'label:THREAT': { choice: 'map', labelKey: 'NOPE' } } }),
    ).toThrow('The decision about the label “THREAT” maps to NOPE, a label that does not exist.');
  });
});
