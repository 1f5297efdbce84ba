import { describe, expect, it, vi } from 'vitest';
import { AnnotateAllJobs } from '../../../electron/services/corpus/annotate-all';
import type { AnnotateAllJob } from '../../../shared/contract/corpus';
import type { AppliedChanges } from '../../../shared/domain/changes';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle, addSpan } from './helpers';

describe('annotate all occurrences (issue 13)', () => {
  const openWorkbench = useTempWorkbenches();

  function corpus() {
    const workbench = openWorkbench();
    const first = addArticle(workbench, { title: 'Một', text: 'Nguy cơ an ninh mạng tăng. An ninh mạng là ưu tiên.' });
    const second = addArticle(workbench, { title: 'Hai', text: 'Bảo đảm an  ninh mạng quốc gia.' });
    const announced: AppliedChanges[] = [];
    workbench.changes.onApplied((applied) => announced.push(applied));
    return { workbench, first, second, announced };
  }

  it('creates every span as ONE change set (origin manual), recorded with article null', () => {
    const { workbench, first, second, announced } = corpus();
    const { hits } = workbench.corpus.concordance({ kind: 'text', query: 'an ninh mạng' }, {}, 100);
    const result = workbench.corpus.annotateAll({ labelKey: 'RISK', query: 'an ninh mạng', hits });
    expect(result.created).toHaveLength(3);
    expect(result).toMatchObject({ skippedIdentical: 0, skippedOverlapping: 0, refused: 0, snapped: 0 });
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ articleId: null, description: 'Annotate all “an ninh mạng” as RISK (3)' });

    const stored = [first, second].flatMap((id) => workbench.annotationRows.listForArticle(id));
    expect(stored.map((span) => [span.articleId, span.quote, span.labelKey, span.origin])).toEqual([
      [first, 'an ninh mạng', 'RISK', 'manual'],
      [first, 'An ninh mạng', 'RISK', 'manual'],
      [second, 'an  ninh mạng', 'RISK', 'manual'],
    ]);
    // One history entry, not one per article: it is neither article's undo step.
    expect(workbench.history.listForArticle(first)).toEqual([]);
    expect(workbench.changes.historyState(first).canUndo).toBe(false);
    // The library's counts followed (triggers).
    expect(
      workbench.corpus
        .queryLibrary({ filter: {}, sort: { key: 'imported', direction: 'ascending' }, offset: 0, limit: 10 })
        .rows.map((row) => row.annotationCount),
    ).toEqual([2, 1]);
  });

  it('skips identical spans and overlapping hits, snaps hits that cut a syllable, refuses punctuation', () => {
    const { workbench, first } = corpus();
    addSpan(workbench, first, 'RISK', 'an ninh mạng');
    const text = workbench.articles.getText(first);
    const at = (quote: string, from = 0) => text.indexOf(quote, from);
    const result = workbench.corpus.annotateAll({
      labelKey: 'RISK',
      query: 'an ninh',
      hits: [
        { articleId: first, startU16: at('an ninh mạng'), endU16: at('an ninh mạng') + 12 }, // identical
        { articleId: first, startU16: at('An ninh'), endU16: at('An ninh') + 7 },
        { articleId: first, startU16: at('ninh mạng là'), endU16: at('ninh mạng là') + 9 }, // overlaps the one above
        { articleId: first, startU16: at('ưu tiên') + 1, endU16: at('ưu tiên') + 5 }, // cuts "ưu" and "tiên"
        { articleId: first, startU16: at('. An'), endU16: at('. An') + 1 }, // only a period
      ],
    });
    expect(result).toMatchObject({ skippedIdentical: 1, skippedOverlapping: 1, refused: 1, snapped: 1 });
    expect(result.created.map((span) => span.quote)).toEqual(['An ninh', 'ưu tiên']);
    expect(workbench.annotationRows.listForArticle(first)).toHaveLength(3);
  });

  it('writes nothing when every hit is skipped, and refuses a hit outside the text', () => {
    const { workbench, first, announced } = corpus();
    addSpan(workbench, first, 'RISK', 'an ninh mạng');
    const text = workbench.articles.getText(first);
    const start = text.indexOf('an ninh mạng');
    const result = workbench.corpus.annotateAll({
      labelKey: 'RISK',
      query: 'x',
      hits: [{ articleId: first, startU16: start, endU16: start + 12 }],
    });
    expect(result).toMatchObject({ applied: null, created: [], skippedIdentical: 1 });
    expect(announced).toHaveLength(1); // the addSpan only
    expect(() =>
      workbench.corpus.annotateAll({
        labelKey: 'RISK',
        query: 'x',
        hits: [{ articleId: first, startU16: 0, endU16: 10_000 }],
      }),
    ).toThrow(/outside article/);
    expect(() =>
      workbench.corpus.annotateAll({
        labelKey: 'NOPE',
        query: 'x',
        hits: [{ articleId: first, startU16: 0, endU16: 4 }],
      }),
    ).toThrow(/no label NOPE/);
    expect(workbench.annotationRows.listForArticle(first)).toHaveLength(1);
  });

  it('undo and redo are the corpus-wide history: the whole set at once, named in the history, same ids back', () => {
    const { workbench, first, second } = corpus();
    const kept = addSpan(workbench, first, 'PER', 'Nguy cơ');
    const { hits } = workbench.corpus.concordance({ kind: 'text', query: 'an ninh mạng' }, {}, 100);
    const { applied, created } = workbench.corpus.annotateAll({ labelKey: 'RISK', query: 'an ninh mạng', hits });
    const stored = () =>
      [first, second].flatMap((id) => workbench.annotationRows.listForArticle(id)).map((span) => span.id);
    expect(workbench.changes.historyState(null)).toMatchObject({
      canUndo: true,
      undoDescription: applied!.description,
    });

    const undone = workbench.changes.undo(null);
    expect(undone?.removed.sort()).toEqual(created.map((span) => span.id).sort());
    expect(stored()).toEqual([kept]);
    expect(workbench.changes.historyState(null)).toMatchObject({
      canUndo: false,
      canRedo: true,
      redoDescription: applied!.description,
    });
    // The article's own stack still holds its span, untouched by the corpus-wide undo.
    expect(workbench.changes.historyState(first).canUndo).toBe(true);

    workbench.changes.redo(null);
    expect(stored().sort()).toEqual([kept, ...created.map((span) => span.id)].sort());
    expect(workbench.annotationRows.find(created[2]!.id)).toMatchObject({ articleId: second, labelKey: 'RISK' });
  });

  it('undo is refused, changing nothing, when one of its spans was changed since', () => {
    const { workbench, first, second } = corpus();
    const { hits } = workbench.corpus.concordance({ kind: 'text', query: 'an ninh mạng' }, {}, 100);
    const { created } = workbench.corpus.annotateAll({ labelKey: 'RISK', query: 'an ninh mạng', hits });
    const relabelled = created[2]!.id;
    workbench.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'annotation.update', id: relabelled, patch: { labelKey: 'PER' } }],
    });
    expect(() => workbench.changes.undo(null)).toThrow(new RegExp(`annotation ${relabelled} was changed since`));
    const stored = [first, second].flatMap((id) => workbench.annotationRows.listForArticle(id));
    expect(stored.map((span) => [span.id, span.labelKey])).toEqual([
      [created[0]!.id, 'RISK'],
      [created[1]!.id, 'RISK'],
      [relabelled, 'PER'],
    ]);
    // Once the relabel is undone on the article's stack, the annotate-all can be.
    workbench.changes.undo(second);
    expect(workbench.changes.undo(null)?.removed).toHaveLength(3);
    expect([first, second].flatMap((id) => workbench.annotationRows.listForArticle(id))).toEqual([]);
  });

  it('hits in one article are an undo step of that article', () => {
    const { workbench, first } = corpus();
    const { hits } = workbench.corpus.concordance({ kind: 'text', query: 'an ninh mạng' }, {}, 100);
    const inFirst = hits.filter((hit) => hit.articleId === first);
    const { applied } = workbench.corpus.annotateAll({ labelKey: 'RISK', query: 'an ninh mạng', hits: inFirst });
    expect(applied).toMatchObject({ articleId: first, upserted: [{}, {}] });
    expect(workbench.changes.historyState(null).canUndo).toBe(false);
    expect(workbench.changes.undo(first)?.removed).toHaveLength(2);
    expect(workbench.annotationRows.listForArticle(first)).toEqual([]);
  });
});

describe('annotate all as a job (issue 13: progress and cancel)', () => {
  const openWorkbench = useTempWorkbenches();

  /** 1,000 hits in two articles, and a job list that yields after every hit. */
  function bigCorpus() {
    const workbench = openWorkbench();
    const first = addArticle(workbench, { title: 'Một', text: 'Nguy cơ an ninh mạng tăng. '.repeat(500) });
    const second = addArticle(workbench, { title: 'Hai', text: 'Bảo đảm an ninh mạng quốc gia. '.repeat(500) });
    const { hits } = workbench.corpus.concordance({ kind: 'text', query: 'an ninh mạng' }, {}, 50_000);
    const input = { labelKey: 'RISK', query: 'an ninh mạng', hits };
    const jobs = new AnnotateAllJobs(workbench, { sliceMs: 0, progressIntervalMs: 0 });
    const events: AnnotateAllJob[] = [];
    workbench.events.subscribe('jobProgress', (progress) => {
      if (progress.kind === 'annotateAll') events.push(progress.job);
    });
    const stored = () => [first, second].flatMap((id) => workbench.annotationRows.listForArticle(id));
    return { workbench, jobs, input, events, stored };
  }

  const finished = (jobs: AnnotateAllJobs, jobId: string) =>
    vi.waitFor(
      () => {
        const job = jobs.get(jobId);
        if (job.state === 'running') throw new Error('still running');
        return job;
      },
      { timeout: 60_000, interval: 20 },
    );

  it('reports progress while checking, then writes ONE change set: one undo step takes every span back', async () => {
    const { workbench, jobs, input, events, stored } = bigCorpus();
    expect(input.hits).toHaveLength(1000);
    const jobId = jobs.start(input);
    const job = await finished(jobs, jobId);
    expect(job).toMatchObject({ state: 'done', phase: 'writing', hitsTotal: 1000, hitsChecked: 1000 });
    expect(job.result!.created).toHaveLength(1000);

    // Progress: checking counts go up between slices, then 'writing', then the final state.
    const checking = events.filter((event) => event.phase === 'checking');
    expect(checking.some((event) => event.hitsChecked > 0 && event.hitsChecked < 1000)).toBe(true);
    const counts = checking.map((event) => event.hitsChecked);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(events.at(-2)).toMatchObject({ state: 'running', phase: 'writing' });
    expect(events.at(-1)).toMatchObject({ state: 'done', result: { created: expect.any(Array) } });
    expect(events.map((event) => event.revision)).toEqual(
      [...events.map((event) => event.revision)].sort((a, b) => a - b),
    );

    // Read back: the spans are stored, as one history entry on the corpus-wide stack.
    expect(stored()).toHaveLength(1000);
    expect(workbench.changes.historyState(null)).toMatchObject({
      canUndo: true,
      undoDescription: 'Annotate all “an ninh mạng” as RISK (1000)',
    });
    workbench.changes.undo(null);
    expect(stored()).toEqual([]);
    expect(workbench.changes.historyState(null).canUndo).toBe(false);
  });

  it('cancel while checking writes nothing: the store and the history are as before', async () => {
    const { workbench, jobs, input, events, stored } = bigCorpus();
    const before = workbench.changes.historyState(null);
    const unsubscribe = workbench.events.subscribe('jobProgress', (progress) => {
      if (progress.kind === 'annotateAll' && progress.job.hitsChecked > 0) jobs.cancel(progress.job.jobId);
    });
    const jobId = jobs.start(input);
    const job = await finished(jobs, jobId);
    unsubscribe();
    expect(job).toMatchObject({ state: 'cancelled', phase: 'checking', result: null });
    expect(job.hitsChecked).toBeLessThan(1000);
    expect(events.at(-1)).toMatchObject({ state: 'cancelled' });
    expect(events.some((event) => event.phase === 'writing')).toBe(false);
    expect(stored()).toEqual([]);
    expect(workbench.changes.historyState(null)).toEqual(before);
    // Cancelling a finished job changes nothing.
    expect(jobs.cancel(jobId)).toMatchObject({ state: 'cancelled' });
  });

  it('refuses an unknown label at once, and an unknown job by name', () => {
    const { jobs, input } = bigCorpus();
    expect(() => jobs.start({ ...input, labelKey: 'NOPE' })).toThrow(/no label NOPE/);
    expect(() => jobs.get('missing')).toThrow(/no annotate-all job missing/);
  });
});
