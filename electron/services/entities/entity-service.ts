import type { EntityListItem, EntityPage, LinkSuggestion } from '../../../shared/contract/entities';
import { summaryOf, type Entity } from '../../../shared/domain/entities';
import { foldVietnamese } from '../../../shared/text/fold';
import type { AnnotationStore } from '../store/annotations';
import { displayTitleOf, type ArticleStore } from '../store/articles';
import type { EntityStore, RelatedRow } from '../store/entities';

/** Characters of text shown on each side of a mention on the entity page. */
const CONTEXT_CHARS = 80;
const MAX_MENTIONS = 500;
const MAX_CO_OCCURRING = 20;
/** How many folded substring candidates are read before the word-prefix filter. */
const CANDIDATES = 2000;

const TITLE_RELATION = 'holds_title';
/** Relation types whose other end is a proposal or a risk the entity is part of. */
const RELATED_RELATIONS = ['proposed_by', 'attributed_to', 'addresses'];
const RELATED_LABELS = new Set(['PROPOSAL', 'RISK']);

/** Reads of the entity registry for lists, the typeahead, the entity page and link suggestions. */
export class EntityService {
  constructor(
    private readonly articles: ArticleStore,
    private readonly annotations: AnnotationStore,
    private readonly entities: EntityStore,
  ) {}

  /**
   * Live entities matching every word of `query` as a word prefix of their name or of one alias
   * (folded); exact name matches first, then name matches, then alias matches.
   */
  list(query: string, options: { typeLabelKey?: string | undefined; limit: number }): EntityListItem[] {
    const words = foldVietnamese(query).split(/\s+/).filter(Boolean);
    const queryFolded = words.join(' ');
    const candidates = this.entities.candidates(words[0] ?? '', words.length ? CANDIDATES : Number.MAX_SAFE_INTEGER);
    const ranked: { entity: Entity; rank: number }[] = [];
    for (const entity of candidates) {
      if (options.typeLabelKey && entity.typeLabelKey !== options.typeLabelKey) continue;
      const nameFolded = foldVietnamese(entity.name);
      const rank =
        nameFolded === queryFolded
          ? 0
          : matchesWordPrefixes(nameFolded, words)
            ? 1
            : entity.aliases.some((alias) => matchesWordPrefixes(foldVietnamese(alias), words))
              ? 2
              : -1;
      if (rank >= 0) ranked.push({ entity, rank });
    }
    ranked.sort((a, b) => a.rank - b.rank || a.entity.name.localeCompare(b.entity.name, 'vi'));
    const shown = ranked.slice(0, options.limit).map(({ entity }) => entity);
    const counts = this.entities.mentionCounts(shown.map((entity) => entity.id));
    return shown.map((entity) => ({
      ...summaryOf(entity),
      aliases: entity.aliases,
      externalId: entity.externalId,
      mentionCount: counts.get(entity.id) ?? 0,
    }));
  }

  /** The entity an id names now: itself, or the entity a merge redirected it to. */
  resolve(id: number): Entity {
    let entity = this.entities.get(id);
    const seen = new Set([id]);
    while (entity.mergedInto !== null && !seen.has(entity.mergedInto)) {
      seen.add(entity.mergedInto);
      entity = this.entities.get(entity.mergedInto);
    }
    return entity;
  }

  page(id: number): EntityPage {
    const entity = this.resolve(id);
    const texts = new Map<number, string>();
    const textOf = (articleId: number) => {
      let text = texts.get(articleId);
      if (text === undefined) texts.set(articleId, (text = this.articles.getText(articleId)));
      return text;
    };
    const rows = this.entities.mentions(entity.id, MAX_MENTIONS + 1);
    const mentions = rows.slice(0, MAX_MENTIONS).map((row) => {
      const text = textOf(row.articleId);
      return {
        annotationId: row.annotationId,
        articleId: row.articleId,
        articleTitle: displayTitleOf(row.articleTitle, text.slice(0, 200)),
        publishedAt: row.publishedAt,
        source: row.source,
        labelKey: row.labelKey,
        start: row.start,
        end: row.end,
        quote: row.quote,
        before: contextBefore(text, row.start),
        after: contextAfter(text, row.end),
      };
    });
    const spanOf = (row: RelatedRow) => ({
      relationType: row.typeKey,
      annotationId: row.annotationId,
      labelKey: row.labelKey,
      quote: row.quote,
      articleId: row.articleId,
      articleTitle: displayTitleOf(row.articleTitle, textOf(row.articleId).slice(0, 200)),
      publishedAt: row.publishedAt,
    });
    const coOccurring = this.entities.coOccurring(entity.id, MAX_CO_OCCURRING).flatMap((row) => {
      const other = this.entities.find(row.entityId);
      return other ? [{ entity: summaryOf(other), articles: row.articles, mentions: row.mentions }] : [];
    });
    return {
      entity,
      mergedFrom: this.entities.mergedInto(entity.id).map((mergedId) => summaryOf(this.entities.get(mergedId))),
      mentions,
      mentionsTruncated: rows.length > MAX_MENTIONS,
      titles: this.entities.relatedSpans(entity.id, [TITLE_RELATION]).map(spanOf),
      coOccurring,
      related: this.entities
        .relatedSpans(entity.id, RELATED_RELATIONS)
        .filter((row) => RELATED_LABELS.has(row.labelKey))
        .map(spanOf),
    };
  }

  /** Unlinked spans whose folded quote is the folded name or alias of a live entity of the span's type. */
  suggestions(articleId: number): LinkSuggestion[] {
    this.articles.getSummary(articleId);
    // Only spans of a label some entity has can match it: none at all while the registry is empty,
    // and folding 10,000 quotes for nothing cost ~100 ms at every open of a long article.
    const types = this.entities.liveTypeLabelKeys();
    if (types.size === 0) return [];
    const linked = new Set(this.entities.linksOfArticle(articleId).map((link) => link.annotationId));
    const foldedQuotes = new Map<string, string>();
    const unlinked = this.annotations
      .listForArticle(articleId)
      .filter((span) => types.has(span.labelKey) && !linked.has(span.id))
      .map((span) => {
        let folded = foldedQuotes.get(span.quote);
        if (folded === undefined) foldedQuotes.set(span.quote, (folded = foldVietnamese(span.quote)));
        return { span, folded };
      });
    const byFolded = new Map<string, Entity[]>();
    for (const entity of this.entities.byFoldedName([...new Set(foldedQuotes.values())])) {
      for (const folded of new Set([entity.name, ...entity.aliases].map(foldVietnamese))) {
        byFolded.set(folded, [...(byFolded.get(folded) ?? []), entity]);
      }
    }
    return unlinked.flatMap(({ span, folded }) => {
      const matches = (byFolded.get(folded) ?? []).filter((entity) => entity.typeLabelKey === span.labelKey);
      // Two entities share the name: the user has to choose, which the typeahead is for.
      const [only] = matches;
      return matches.length === 1 && only ? [{ annotationId: span.id, entity: summaryOf(only) }] : [];
    });
  }
}

function matchesWordPrefixes(textFolded: string, wordsFolded: readonly string[]): boolean {
  const textWords = textFolded.split(/[\s\p{P}]+/u).filter(Boolean);
  return wordsFolded.every((word) => textWords.some((textWord) => textWord.startsWith(word)));
}

/** Up to CONTEXT_CHARS before `start`, cut at a space so no word is halved. */
function contextBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const slice = text.slice(from, start);
  const cut = from > 0 ? slice.indexOf(' ') + 1 : 0;
  return (from > 0 ? '…' : '') + slice.slice(cut).replace(/\s+/g, ' ');
}

function contextAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + CONTEXT_CHARS);
  const slice = text.slice(end, to);
  const cut = to < text.length ? slice.lastIndexOf(' ') : slice.length;
  return slice.slice(0, cut < 0 ? slice.length : cut).replace(/\s+/g, ' ') + (to < text.length ? '…' : '');
}
