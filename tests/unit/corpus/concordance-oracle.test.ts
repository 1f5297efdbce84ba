/**
 * The concordance's answers after the fourth speed pass (issue 13: notes read in one statement
 * with their titles and covering labels, titles from the index of migration 025, covering labels
 * sorted in TypeScript) compared with the same answers computed here the way the code before it
 * did, from plain reads of the tables (every span, every article, no index of ours), on a seeded
 * database with what makes them differ if anything does: untitled and blank-titled articles,
 * nested spans, spans of several labels on one range, notes holding the phrase twice or only
 * without its accents, several notes per article, scopes, labels and limits.
 */
import { describe, expect, it } from 'vitest';
import type { ConcordanceQuery, ConcordanceResult } from '../../../shared/contract/corpus';
import { ApiError } from '../../../shared/contract/errors';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import type { Change } from '../../../shared/domain/changes';
import { findOccurrences, kwicLine, parsePhraseQuery } from '../../../shared/search/concordance';
import { displayTitleOf } from '../../../electron/services/store/articles';
import type { Workbench } from '../../../electron/services/workbench';
import { random } from '../../../bench/seeded-random';
import { useTempWorkbenches } from '../../helpers/temp-workbench';
import { addArticle } from './helpers';

const SYLLABLES = 'bộ công an đề xuất bảo vệ an ninh quốc gia báo số nguồn tin cảnh báo mạng'.split(' ');
const NOTES = [
  'Nguồn: Báo số 3, an ninh',
  'nguồn tin: báo số 3 và báo số 3',
  'Nguon: bao so 3 (không dấu)',
  'Báo  số\t3 — nguồn khác',
  'Không có gì',
  'báo số 30; nguồn: Bộ Công an',
  'NGUỒN TIN: BÁO SỐ 3\nbáo\nsố 3',
];
const LABELS = ['RISK', 'PROPOSAL', 'ORG', 'LOC', 'PER'];

/** 60 articles of 30 syllables, 8 spans each on syllable boundaries, about half with a note. */
function seed(workbench: Workbench): void {
  const next = random(7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  for (let n = 0; n < 60; n++) {
    const words = Array.from({ length: 30 }, () => pick(SYLLABLES));
    const text = words.join(' ');
    const starts: number[] = [];
    words.reduce((at, word) => (starts.push(at), at + word.length + 1), 0);
    const title = n % 10 === 3 ? null : n % 10 === 7 ? ' \n' : `Bài ${n} ${pick(SYLLABLES)}`;
    const articleId = addArticle(workbench, {
      title,
      text,
      source: pick(['Nhân Dân', 'Tuổi Trẻ', null]),
      publishedAt: pick(['2023-04-01', '2022', null]),
    });
    const changes: Change[] = [];
    const range = () => {
      const first = Math.floor(next() * 27);
      const last = first + Math.floor(next() * 3);
      return { start: starts[first]!, end: starts[last]! + words[last]!.length };
    };
    for (let s = 0; s < 8; s++) {
      // Every third span shares the range of the one before it, under another label.
      const { start, end } =
        s % 3 === 2 ? (changes.at(-1) as Extract<Change, { kind: 'annotation.create' }>).annotation : range();
      const note = next() < 0.5 ? pick(NOTES) : '';
      const labelKey = LABELS[(n + s) % LABELS.length]!;
      const same = (change: Change) =>
        change.kind === 'annotation.create' &&
        change.annotation.labelKey === labelKey &&
        change.annotation.start === start &&
        change.annotation.end === end;
      if (changes.some(same)) continue;
      changes.push({
        kind: 'annotation.create',
        ref: `s${s}`,
        annotation: { articleId, labelKey, start, end, quote: text.slice(start, end), note },
      });
    }
    // A span over the whole text holds every other one.
    changes.push({
      kind: 'annotation.create',
      ref: 'all',
      annotation: {
        articleId,
        labelKey: 'MISC',
        start: 0,
        end: text.length,
        quote: text,
        note: n % 4 === 0 ? NOTES[0]! : '',
      },
    });
    workbench.changes.apply({ origin: 'manual', changes });
  }
}

interface SpanRecord {
  id: number;
  articleId: number;
  labelKey: string;
  start: number;
  end: number;
  quote: string;
  note: string;
}

/** The concordance computed from every span and article, as the code before the speed pass did. */
function oracle(
  workbench: Workbench,
  query: ConcordanceQuery,
  filter: LibraryFilter,
  limit: number,
): ConcordanceResult {
  if (query.kind !== 'notes' && query.kind !== 'quotes') throw new Error('notes and quotes only');
  const phrase = parsePhraseQuery(query.query);
  if (phrase.terms.length === 0) return { hits: [], articleCount: 0, complete: true };
  const inScope = new Set(workbench.corpus.libraryIds(filter));
  const spans = workbench.db
    .prepare(`SELECT id, article_id AS articleId, label_key AS labelKey, start, "end", quote, note FROM annotations`)
    .all() as SpanRecord[];
  const articles = new Map(
    (
      workbench.db.prepare(`SELECT id, title, published_at AS publishedAt, text FROM articles`).all() as {
        id: number;
        title: string | null;
        publishedAt: string | null;
        text: string;
      }[]
    ).map((article) => [article.id, article]),
  );
  const byArticle = new Map<number, SpanRecord[]>();
  for (const span of [...spans].sort((a, b) => a.articleId - b.articleId || a.id - b.id)) {
    const candidate = (query.kind === 'notes' ? span.note !== '' : true) && inScope.has(span.articleId);
    if (!candidate || (query.labelKey !== undefined && span.labelKey !== query.labelKey)) continue;
    byArticle.set(span.articleId, [...(byArticle.get(span.articleId) ?? []), span]);
  }
  type Found = { span: SpanRecord; startU16: number; endU16: number };
  const found: { articleId: number; occurrences: Found[] }[] = [];
  let count = 0;
  for (const [articleId, group] of byArticle) {
    group.sort((a, b) => a.start - b.start || a.id - b.id);
    const byRange = new Map<string, Found>();
    for (const span of group) {
      const inNotes = query.kind === 'notes';
      for (const occurrence of findOccurrences(inNotes ? span.note : span.quote, phrase)) {
        const shift = inNotes ? 0 : span.start;
        const startU16 = shift + occurrence.startU16;
        const endU16 = shift + occurrence.endU16;
        const key = inNotes ? `${span.id}:${startU16}` : `${startU16}:${endU16}`;
        const known = byRange.get(key);
        if (!known || span.end - span.start < known.span.end - known.span.start)
          byRange.set(key, { span, startU16, endU16 });
      }
    }
    if (byRange.size === 0) continue;
    const occurrences = [...byRange.values()].sort((a, b) => a.span.start - b.span.start || a.startU16 - b.startU16);
    found.push({ articleId, occurrences });
    count += occurrences.length;
    if (count > limit) break;
  }
  const hits: ConcordanceResult['hits'] = [];
  for (const { articleId, occurrences } of found) {
    const article = articles.get(articleId)!;
    for (const { span, startU16, endU16 } of occurrences) {
      if (hits.length >= limit) return { hits, articleCount: found.length, complete: false };
      const inNotes = query.kind === 'notes';
      const range = inNotes ? { startU16: span.start, endU16: span.end } : { startU16, endU16 };
      // The labels of the spans covering the range, in (start, end, label) order, each once.
      const covering = spans
        .filter((o) => o.articleId === articleId && o.start <= range.startU16 && o.end >= range.endU16)
        .sort(
          (a, b) =>
            a.start - b.start || a.end - b.end || (a.labelKey < b.labelKey ? -1 : a.labelKey > b.labelKey ? 1 : 0),
        );
      const labels = [...new Set(covering.map((o) => o.labelKey))];
      const identicalLabels = [
        ...new Set(covering.filter((o) => o.start === range.startU16 && o.end === range.endU16).map((o) => o.labelKey)),
      ];
      hits.push({
        articleId,
        displayTitle: displayTitleOf(article.title, article.text.slice(0, 200)),
        publishedAt: article.publishedAt,
        ...range,
        ...(inNotes ? kwicLine(span.note, startU16, endU16) : kwicLine(article.text, startU16, endU16)),
        annotationId: span.id,
        ...(inNotes ? { inNote: true as const } : {}),
        labels,
        identicalLabels,
      });
    }
  }
  return { hits, articleCount: found.length, complete: true };
}

describe('concordance in notes and quotes: the same answers as computed from every span', () => {
  const openWorkbench = useTempWorkbenches();

  it('gives the lines, their order, context, titles, dates and covering labels, under scopes, labels and limits', () => {
    const workbench = openWorkbench();
    seed(workbench);
    const queries: ConcordanceQuery[] = [
      { kind: 'notes', query: 'nguồn' },
      { kind: 'notes', query: 'nguon' },
      { kind: 'notes', query: 'báo số 3' },
      { kind: 'notes', query: 'bao so 3' },
      { kind: 'notes', query: 'báo số 3', labelKey: 'ORG' },
      { kind: 'notes', query: 'bộ công an' },
      { kind: 'notes', query: 'an ninh' },
      { kind: 'quotes', query: 'an ninh' },
      { kind: 'quotes', query: 'bảo vệ', labelKey: 'RISK' },
      { kind: 'quotes', query: 'bao ve an' },
    ];
    const filters: LibraryFilter[] = [{}, { source: ['Nhân Dân'] }, { undated: true }, { labels: ['LOC'] }];
    let lines = 0;
    for (const query of queries) {
      for (const filter of filters) {
        for (const limit of [50_000, 25, 3, 1]) {
          const answer = workbench.corpus.concordance(query, filter, limit);
          expect(answer, `${JSON.stringify(query)} ${JSON.stringify(filter)} ≤ ${limit}`).toEqual(
            oracle(workbench, query, filter, limit),
          );
          lines += answer.hits.length;
        }
      }
    }
    // The seed reaches every case the comparison is about.
    const all = workbench.corpus.concordance({ kind: 'notes', query: 'báo số 3' }, {}, 50_000).hits;
    expect(lines).toBeGreaterThan(1_000);
    expect(all.some((hit) => hit.displayTitle.startsWith('bộ') || hit.displayTitle.startsWith('an'))).toBe(true);
    expect(all.some((hit) => hit.labels.length > 2 && hit.identicalLabels.length > 1)).toBe(true);
    expect(new Set(all.map((hit) => hit.annotationId)).size).toBeLessThan(all.length);
  });

  it('follows spans moved, relabelled, re-noted, deleted and created, undone and redone, and labels merged (the note lines of migration 026 are kept by triggers)', () => {
    const workbench = openWorkbench();
    seed(workbench);
    const spans = workbench.db
      .prepare(
        `SELECT id, article_id AS articleId, label_key AS labelKey, start, "end", note FROM annotations ORDER BY id`,
      )
      .all() as { id: number; articleId: number; labelKey: string; start: number; end: number; note: string }[];
    const text = (articleId: number) => workbench.articles.getText(articleId);
    const noted = spans.filter((span) => span.note !== '' && span.labelKey !== 'MISC');
    const wholes = spans.filter((span) => span.labelKey === 'MISC');
    const changes: Change[] = [
      // A noted span moved onto another's range (now covered by it, and identical to it).
      ...noted.slice(0, 5).map((span): Change => {
        const other = spans.find((o) => o.articleId === span.articleId && o.id !== span.id && o.labelKey !== 'MISC')!;
        const quote = text(span.articleId).slice(other.start, other.end);
        return { kind: 'annotation.update', id: span.id, patch: { start: other.start, end: other.end, quote } };
      }),
      ...noted
        .slice(5, 10)
        .map((span): Change => ({ kind: 'annotation.update', id: span.id, patch: { labelKey: 'LOC' } })),
      ...noted.slice(10, 15).map((span): Change => ({ kind: 'annotation.update', id: span.id, patch: { note: '' } })),
      ...spans
        .filter((span) => span.note === '')
        .slice(0, 5)
        .map((span): Change => ({ kind: 'annotation.update', id: span.id, patch: { note: 'nguồn mới: báo số 3' } })),
      // The spans over whole texts: some deleted (their notes' lines go, the others lose MISC).
      ...wholes.slice(0, 10).map((span): Change => ({ kind: 'annotation.delete', id: span.id })),
      // New spans covering noted ones.
      ...noted.slice(20, 25).map((span): Change => ({
        kind: 'annotation.create',
        ref: `c${span.id}`,
        annotation: {
          articleId: span.articleId,
          labelKey: 'PER',
          start: span.start,
          end: text(span.articleId).length,
          quote: text(span.articleId).slice(span.start),
          note: '',
        },
      })),
    ];
    const queries: ConcordanceQuery[] = [
      { kind: 'notes', query: 'nguồn' },
      { kind: 'notes', query: 'báo số 3' },
      { kind: 'notes', query: 'bao so 3', labelKey: 'LOC' },
    ];
    const same = (when: string) => {
      for (const query of queries) {
        for (const filter of [{}, { source: ['Nhân Dân'] }] as LibraryFilter[]) {
          // Small limits too: the notes are read a batch of one more than the limit at a time.
          for (const limit of [50_000, 7]) {
            expect(workbench.corpus.concordance(query, filter, limit), `${when} ${JSON.stringify(query)}`).toEqual(
              oracle(workbench, query, filter, limit),
            );
          }
        }
      }
    };
    // One set per change: a change the pipeline refuses (an identical span) leaves the others.
    const applied: number[] = [];
    for (const change of changes) {
      try {
        workbench.changes.apply({ origin: 'manual', changes: [change] });
        // Each set is within one article: it goes on that article's undo stack.
        applied.push(
          change.kind === 'annotation.create'
            ? change.annotation.articleId
            : spans.find((span) => 'id' in change && span.id === change.id)!.articleId,
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
    }
    expect(applied.length).toBeGreaterThan(25);
    same('after the changes');
    const undone = applied.slice(-12).reverse();
    for (const articleId of undone) expect(workbench.changes.undo(articleId)).not.toBeNull();
    same('after undo');
    for (const articleId of undone.slice(0, 6).reverse()) expect(workbench.changes.redo(articleId)).not.toBeNull();
    same('after redo');
    workbench.changes.apply({ origin: 'manual', changes: [{ kind: 'label.merge', key: 'ORG', intoKey: 'LOC' }] });
    same('after a label merge');
    // A label renamed: its spans follow by cascade, and the lines' label lists with them.
    workbench.changes.apply({
      origin: 'manual',
      changes: [{ kind: 'label.update', key: 'PER', patch: { key: 'PERSON' } }],
    });
    same('after a label rename');
    // Articles deleted (no call deletes one yet; their spans go by cascade) and a title edited:
    // the lines of migration 027 carry titles and dates.
    const [first, second, third] = [...new Set(noted.map((span) => span.articleId))];
    workbench.db.prepare(`DELETE FROM articles WHERE id IN (?, ?)`).run(first, second);
    workbench.articles.updateMetadata(third!, { title: null, publishedAt: '2021-02' });
    same('after articles deleted and a title cleared');
  });

  it('follows a title and a date edited (the index of titles and dates is kept by SQLite)', () => {
    const workbench = openWorkbench();
    seed(workbench);
    const first = workbench.corpus.concordance({ kind: 'notes', query: 'nguồn' }, {}, 50_000).hits[0]!;
    workbench.articles.updateMetadata(first.articleId, { title: 'Tiêu đề mới', publishedAt: '2024-05' });
    const after = workbench.corpus.concordance({ kind: 'notes', query: 'nguồn' }, {}, 50_000);
    expect(after.hits[0]).toMatchObject({
      articleId: first.articleId,
      displayTitle: 'Tiêu đề mới',
      publishedAt: '2024-05',
    });
    expect(after).toEqual(oracle(workbench, { kind: 'notes', query: 'nguồn' }, {}, 50_000));
  });
});
