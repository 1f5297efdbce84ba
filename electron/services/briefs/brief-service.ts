import type { Brief, BriefSummary } from '../../../shared/brief/brief';
import type { CitationRef } from '../../../shared/contract/briefs';
import type { CitationSnapshot, ResolvedCitation } from '../../../shared/brief/citation';
import { foldVietnamese } from '../../../shared/text/fold';
import { OffsetConverter } from '../../../shared/text/offsets';
import { displayTitleOf } from '../store/articles';
import type { BriefStore, CitedSpanRow } from '../store/briefs';
import type { LabelStore } from '../store/labels';

/**
 * Reads of briefs (writes are `brief.*` change sets): the list, one brief with its parsed content
 * (what the editor opens and the exports read), what each citation shows now, and the spans the
 * editor's palette offers.
 */
export class BriefService {
  constructor(
    private readonly briefs: BriefStore,
    private readonly labels: LabelStore,
  ) {}

  list(): BriefSummary[] {
    return this.briefs.list();
  }

  /** Title, author, timestamps and the parsed content; not_found when there is no such brief. */
  get(briefId: number): Brief {
    return this.briefs.get(briefId);
  }

  /**
   * What each citation shows now, in the order asked: `live` with the span's current quote, label
   * and offsets (UTF-16 and code points) and its article's title, source and date; `orphaned`
   * when the span is gone but its article remains; `articleMissing` when the article is gone.
   */
  resolveCitations(refs: readonly CitationRef[]): ResolvedCitation[] {
    const live = new Map(
      this.briefs.citedSpans(refs.map((ref) => ref.annotationId)).map((row) => [row.annotationId, row]),
    );
    const articles = this.briefs.existingArticles(refs.map((ref) => ref.articleId));
    const converters = new Map<number, OffsetConverter>();
    const converterOf = (articleId: number): OffsetConverter => {
      let converter = converters.get(articleId);
      if (!converter) converters.set(articleId, (converter = new OffsetConverter(this.briefs.articleText(articleId))));
      return converter;
    };
    return refs.map((ref): ResolvedCitation => {
      const row = live.get(ref.annotationId);
      if (row) {
        const converter = converterOf(row.articleId);
        return {
          state: 'live',
          citation: snapshotOf(row),
          startCp: converter.u16ToCodePoint(row.startU16),
          endCp: converter.u16ToCodePoint(row.endU16),
        };
      }
      const state = articles.has(ref.articleId) ? 'orphaned' : 'articleMissing';
      return { state, annotationId: ref.annotationId, articleId: ref.articleId };
    });
  }

  /**
   * Spans whose quote, label (key or name) or linked entity contains `query` (folded: tones and
   * case do not matter), newest first, at most `limit`. One pass over the spans that stops once it
   * has enough: the palette asks a moment after typing stops, not per keystroke.
   */
  searchCitableSpans(query: string, limit: number): CitationSnapshot[] {
    const needle = foldVietnamese(query.trim());
    const labelMatches = new Set(
      this.labels
        .list()
        .filter((label) =>
          [label.key, label.nameVi, label.nameEn].some((name) => foldVietnamese(name).includes(needle)),
        )
        .map((label) => label.key),
    );
    const ids: number[] = [];
    for (const span of this.briefs.citableSpanKeys()) {
      const matches =
        needle === '' ||
        labelMatches.has(span.labelKey) ||
        foldVietnamese(span.quote).includes(needle) ||
        (span.entityName !== null && foldVietnamese(span.entityName).includes(needle));
      if (matches) ids.push(span.annotationId);
      if (ids.length >= limit) break;
    }
    const rows = new Map(this.briefs.citedSpans(ids).map((row) => [row.annotationId, row]));
    return ids.flatMap((id) => {
      const row = rows.get(id);
      return row ? [snapshotOf(row)] : [];
    });
  }
}

function snapshotOf(row: CitedSpanRow): CitationSnapshot {
  return {
    annotationId: row.annotationId,
    articleId: row.articleId,
    labelKey: row.labelKey,
    quote: row.quote,
    articleTitle: displayTitleOf(row.title, row.head),
    source: row.source,
    publishedAt: row.publishedAt,
    startU16: row.startU16,
    endU16: row.endU16,
  };
}
