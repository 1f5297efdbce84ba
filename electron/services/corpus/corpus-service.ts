import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import type {
  AnnotateAllInput,
  AnnotateAllResult,
  ConcordanceHit,
  ConcordanceQuery,
  ConcordanceResult,
  Dashboard,
} from '../../../shared/contract/corpus';
import type { LibraryFacets, LibraryFilter, LibraryPage, LibrarySort } from '../../../shared/corpus/library-query';
import {
  findOccurrences,
  findOccurrencesInEach,
  kwicLine,
  parsePhraseQuery,
  type OccurrenceIn,
  type PhraseQuery,
} from '../../../shared/search/concordance';
import { parseSearchQuery } from '../../../shared/search/query';
import { snippetFor } from '../../../shared/search/snippet';
import type { ChangeService } from '../changes/change-service';
import { phraseQuery } from '../search/fts-query';
import type { AnnotationStore } from '../store/annotations';
import type { ArticleStore } from '../store/articles';
import { ownTitleOf } from '../store/articles';
import { CorpusStore, type LineArticle, type NoteSpan, type SpanRow } from '../store/corpus';
import type { LabelStore } from '../store/labels';
import { LibraryStore } from '../store/library';
import { AnnotateAllPlan } from './annotate-all';

/** A concordance hit before the labels covering it are read (for every hit at once). */
type Line = Omit<ConcordanceHit, 'labels' | 'identicalLabels'>;
type Lines = Omit<ConcordanceResult, 'hits'> & { hits: Line[] };

/** Candidate articles of a text concordance read at once: their texts are a few KB each. */
const TEXT_BATCH = 200;

/** A short quote for descriptions: “an ninh mạng”. */
const shortQuery = (query: string) => (query.length > 40 ? `${query.slice(0, 39)}…` : query);

/**
 * The corpus at a glance (issue 13): the library's pages, the concordance, annotate-all and the
 * dashboard. Reads go to LibraryStore/CorpusStore; the one write, annotate-all, goes through
 * ChangeService.apply as ONE change set, undone and redone by the pipeline's history: on the
 * corpus-wide stack (`undo({articleId: null})`) when its spans are in several articles, on the
 * article's stack when they are in one.
 */
export class CorpusService {
  readonly library: LibraryStore;
  private readonly corpus: CorpusStore;

  constructor(
    db: Database,
    private readonly articles: ArticleStore,
    private readonly labels: LabelStore,
    private readonly annotations: AnnotationStore,
    private readonly changes: ChangeService,
  ) {
    this.library = new LibraryStore(db);
    this.corpus = new CorpusStore(db, this.library);
  }

  queryLibrary(input: { filter: LibraryFilter; sort: LibrarySort; offset: number; limit: number }): LibraryPage {
    const { filter, sort, offset, limit } = input;
    if (sort.key === 'title' || sort.key === 'source') this.library.fillSortKeys();
    const total = this.library.count(filter);
    const { ids, broad } = this.library.page(filter, sort, offset, limit, total);
    const query = filter.text === undefined ? null : parseSearchQuery(filter.text);
    const rows = this.library.summaries(ids).map((summary) => {
      if (query === null || query.terms.length === 0) return { ...summary, snippet: null };
      // Snippets for the rows of this page only: the texts of the others are never read.
      const { snippet, matchCount } = snippetFor(summary.title, this.articles.getText(summary.id), query);
      return { ...summary, snippet: matchCount > 0 ? snippet : null };
    });
    return { total, offset, rows, ...(broad ? { broad } : {}) };
  }

  libraryIds(filter: LibraryFilter): number[] {
    return this.library.ids(filter);
  }

  facets(): LibraryFacets {
    return this.library.facets();
  }

  concordance(query: ConcordanceQuery, filter: LibraryFilter, limit: number): ConcordanceResult {
    // Notes read their covering labels with the spans.
    if (query.kind === 'notes') return this.noteConcordance(query.query, query.labelKey, filter, limit);
    const found = this.concordanceLines(query, filter, limit);
    // The labels covering each hit, for all of them in one read.
    const labels = this.corpus.labelsCovering(found.hits);
    // In place: a copy of thousands of lines was garbage the moment it was made.
    return { ...found, hits: found.hits.map((hit, index) => Object.assign(hit, labels[index]!)) };
  }

  private concordanceLines(
    query: Exclude<ConcordanceQuery, { kind: 'notes' }>,
    filter: LibraryFilter,
    limit: number,
  ): Lines {
    switch (query.kind) {
      case 'text':
        return this.textConcordance(query.query, filter, limit);
      case 'quotes':
        return this.quoteConcordance(query.query, query.labelKey, filter, limit);
      case 'spans':
        return this.spanConcordance(query, filter, limit);
    }
  }

  /** Occurrences of a phrase in the texts, the index finding the candidate articles. */
  private textConcordance(text: string, filter: LibraryFilter, limit: number): Lines {
    const phrase = parsePhraseQuery(text);
    if (phrase.terms.length === 0) return { hits: [], articleCount: 0, complete: true };
    const hits: Line[] = [];
    let articleCount = 0;
    // The index finds the candidate articles; they are read a batch at a time and matched word by word.
    const candidates = this.corpus.articlesWithPhrase(phraseQuery(phrase.terms), filter);
    for (let from = 0; from < candidates.length; from += TEXT_BATCH) {
      const batch = candidates.slice(from, from + TEXT_BATCH);
      const articles = this.corpus.lineArticles(batch, true);
      for (const articleId of batch) {
        const article = articleOf(articles, articleId);
        const occurrences = findOccurrences(article.text, phrase);
        if (occurrences.length === 0) continue;
        articleCount++;
        for (const { startU16, endU16 } of occurrences) {
          if (hits.length >= limit) return { hits, articleCount, complete: false };
          hits.push({
            articleId,
            displayTitle: article.displayTitle,
            publishedAt: article.publishedAt,
            startU16,
            endU16,
            ...kwicLine(article.text, startU16, endU16),
            annotationId: null,
          });
        }
      }
    }
    return { hits, articleCount, complete: true };
  }

  /**
   * Occurrences of a phrase in the quotes of stored spans (of `labelKey` when given), matched on
   * the quotes themselves (the candidates found by the quote and note index; an article's text is
   * read only when one of its quotes matches), placed in the article at the span's offset and
   * named by the innermost span holding them.
   */
  private quoteConcordance(text: string, labelKey: string | undefined, filter: LibraryFilter, limit: number): Lines {
    const phrase = parsePhraseQuery(text);
    if (phrase.terms.length === 0) return { hits: [], articleCount: 0, complete: true };
    // First the occurrences, article by article, until one more than the limit is known; then the
    // articles they are shown with, read at once.
    const found: { articleId: number; occurrences: QuoteOccurrence[] }[] = [];
    let count = 0;
    for (const group of this.corpus.quotesMatching(phraseQuery(phrase.terms), labelKey, filter)) {
      const occurrences = quoteOccurrences(group, phrase);
      if (occurrences.length === 0) continue;
      found.push({ articleId: group[0]!.articleId, occurrences });
      count += occurrences.length;
      if (count > limit) break;
    }
    const articles = this.corpus.lineArticles(
      found.map(({ articleId }) => articleId),
      true,
    );
    const hits: Line[] = [];
    for (const { articleId, occurrences } of found) {
      const article = articleOf(articles, articleId);
      for (const { span, startU16, endU16 } of occurrences) {
        if (hits.length >= limit) return { hits, articleCount: found.length, complete: false };
        hits.push({
          articleId,
          displayTitle: article.displayTitle,
          publishedAt: article.publishedAt,
          startU16,
          endU16,
          ...kwicLine(article.text, startU16, endU16),
          annotationId: span.id,
        });
      }
    }
    return { hits, articleCount: found.length, complete: true };
  }

  /**
   * Occurrences of a phrase in the notes of stored spans (of `labelKey` when given), each line cut
   * from the note and pointing at its span (`inNote`: its range is the span's), with the labels
   * covering the span. Read in one pass over the notes that hold the words (notesMatching), each
   * line made as its article's notes are matched; only an untitled article's text is read, for its
   * display title, once the lines are known.
   */
  private noteConcordance(
    text: string,
    labelKey: string | undefined,
    filter: LibraryFilter,
    limit: number,
  ): ConcordanceResult {
    const phrase = parsePhraseQuery(text);
    if (phrase.terms.length === 0) return { hits: [], articleCount: 0, complete: true };
    const hits: ConcordanceHit[] = [];
    const untitled = new Map<number, ConcordanceHit[]>();
    let articleCount = 0;
    let count = 0;
    // Article by article until one more occurrence than the limit is known.
    // As many notes as one more occurrence than the limit needs when each holds one (most do).
    for (const notes of this.corpus.notesMatching(phraseQuery(phrase.terms), labelKey, filter, limit + 1)) {
      // Every note of the batch matched at once (findOccurrencesInEach), then article by article:
      // a batch is whole articles in key order, so an article's notes and their occurrences are
      // each one run.
      const found = findOccurrencesInEach(
        notes.map((span) => span.note),
        phrase,
      );
      let next = 0;
      for (let first = 0; first < notes.length && count <= limit;) {
        const { articleId, title, publishedAt } = notes[first]!;
        let end = first + 1;
        while (end < notes.length && notes[end]!.articleId === articleId) end++;
        const from = next;
        while (next < found.length && found[next]!.text < end) next++;
        first = end;
        if (next === from) continue;
        articleCount++;
        count += next - from;
        const displayTitle = ownTitleOf(title);
        inTextOrder(notes, found, from, next);
        for (let at = from; at < next; at++) {
          if (hits.length >= limit) break;
          const { text, startU16, endU16 } = found[at]!;
          const span = notes[text]!;
          const { left, match, right } = kwicLine(span.note, startU16, endU16);
          // A list of its own per line, as for the other kinds: the span's own (read for this call)
          // for its first line, copies for the next (a note may hold the phrase twice).
          const again = hasLineBefore(found, from, at);
          const hit: ConcordanceHit = {
            articleId,
            displayTitle: displayTitle ?? '',
            publishedAt,
            startU16: span.start,
            endU16: span.end,
            left,
            match,
            right,
            annotationId: span.id,
            inNote: true,
            labels: again ? [...span.labels] : span.labels,
            identicalLabels: again ? [...span.identicalLabels] : span.identicalLabels,
          };
          hits.push(hit);
          if (displayTitle === null) {
            const lines = untitled.get(articleId);
            if (lines) lines.push(hit);
            else untitled.set(articleId, [hit]);
          }
        }
      }
      if (count > limit) break;
    }
    // Untitled articles are named by their text, as the library names them.
    if (untitled.size > 0) {
      const articles = this.corpus.lineArticles([...untitled.keys()], false);
      for (const [articleId, lines] of untitled) {
        for (const hit of lines) hit.displayTitle = articleOf(articles, articleId).displayTitle;
      }
    }
    return { hits, articleCount, complete: count <= limit };
  }

  private spanConcordance(
    query: Extract<ConcordanceQuery, { kind: 'spans' }>,
    filter: LibraryFilter,
    limit: number,
  ): Lines {
    const rows = this.corpus.spans(query, filter, limit + 1);
    const complete = rows.length <= limit;
    const shown = rows.slice(0, limit);
    const articles = this.corpus.lineArticles([...new Set(shown.map((span) => span.articleId))], true);
    const hits = shown.map((span): Line => {
      const article = articleOf(articles, span.articleId);
      return {
        articleId: span.articleId,
        displayTitle: article.displayTitle,
        publishedAt: article.publishedAt,
        startU16: span.start,
        endU16: span.end,
        ...kwicLine(article.text, span.start, span.end),
        annotationId: span.id,
      };
    });
    return { hits, articleCount: articles.size, complete };
  }

  /**
   * One span of `labelKey` on every hit, as ONE change set (origin manual): see AnnotateAllPlan
   * for what is skipped. Nothing is written when nothing is left. AnnotateAllJobs does the same in
   * slices, with progress and cancel.
   */
  annotateAll(input: AnnotateAllInput): AnnotateAllResult {
    const plan = this.planAnnotateAll(input);
    for (const hit of plan.hits) plan.check(hit);
    return this.applyAnnotateAll(plan);
  }

  /** An empty plan for `input`; refused when the label does not exist. */
  planAnnotateAll(input: AnnotateAllInput): AnnotateAllPlan {
    if (!this.labels.exists(input.labelKey)) throw ApiError.of('rejected', 'labelNotFound', { label: input.labelKey });
    return new AnnotateAllPlan(input, this.changes.defaultAuthor(), this.articles, this.annotations);
  }

  /** Writes a checked plan as one change set. */
  applyAnnotateAll(plan: AnnotateAllPlan): AnnotateAllResult {
    const { changes, counts, input } = plan;
    if (changes.length === 0) return { applied: null, created: [], ...counts };
    const applied = this.changes.apply({
      origin: 'manual',
      description: `Annotate all “${shortQuery(input.query)}” as ${input.labelKey} (${changes.length})`,
      changes,
    });
    const created = applied.upserted.map(({ id, articleId, start, end, quote }) => ({
      id,
      articleId,
      start,
      end,
      quote,
    }));
    return { applied, created, ...counts };
  }

  dashboard(filter: LibraryFilter): Dashboard {
    return this.corpus.dashboard(filter);
  }
}

/** An occurrence in a span's quote, its offsets in the article. */
type QuoteOccurrence = { span: SpanRow; startU16: number; endU16: number };

/**
 * The occurrences in the quotes of one article's spans, placed in the article, each once (nested
 * spans hold the same one, and the innermost names it), in text order.
 */
function quoteOccurrences(group: readonly SpanRow[], phrase: PhraseQuery): QuoteOccurrence[] {
  const byRange = new Map<string, QuoteOccurrence>();
  for (const span of group) {
    for (const occurrence of findOccurrences(span.quote, phrase)) {
      const startU16 = span.start + occurrence.startU16;
      const endU16 = span.start + occurrence.endU16;
      const key = `${startU16}:${endU16}`;
      const known = byRange.get(key);
      if (!known || span.end - span.start < known.span.end - known.span.start) {
        byRange.set(key, { span, startU16, endU16 });
      }
    }
  }
  return [...byRange.values()].sort((a, b) => a.span.start - b.span.start || a.startU16 - b.startU16);
}

/**
 * Orders `occurrences[from, to)`, one article's occurrences in its spans' notes (offsets in the
 * note), by their span's start, then by their place in the note; they come in the order of
 * `notes` (key order: span ids), which stays the order of spans that start together. An
 * insertion sort, stable as `sort` is: an article has a few, and `sort` allocated a workspace for
 * each (a megabyte of a 5,000-line concordance's garbage).
 */
function inTextOrder(notes: readonly NoteSpan[], occurrences: OccurrenceIn[], from: number, to: number): void {
  for (let at = from + 1; at < to; at++) {
    const occurrence = occurrences[at]!;
    const { start } = notes[occurrence.text]!;
    let place = at;
    for (; place > from; place--) {
      const earlier = occurrences[place - 1]!;
      const earlierStart = notes[earlier.text]!.start;
      if (earlierStart < start || (earlierStart === start && earlier.startU16 <= occurrence.startU16)) break;
      occurrences[place] = earlier;
    }
    occurrences[place] = occurrence;
  }
}

/** Whether the note of `occurrences[at]` is that of one of `occurrences[from, at)`. */
function hasLineBefore(occurrences: readonly OccurrenceIn[], from: number, at: number): boolean {
  const { text } = occurrences[at]!;
  for (let earlier = from; earlier < at; earlier++) if (occurrences[earlier]!.text === text) return true;
  return false;
}

/** The article read for `articleId`; the ids come from indexes written with the articles. */
function articleOf(articles: ReadonlyMap<number, LineArticle>, articleId: number): LineArticle {
  const article = articles.get(articleId);
  if (!article) throw new Error(`The search index names article ${articleId}, which does not exist.`);
  return article;
}
