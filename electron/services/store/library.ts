import type { Database } from 'better-sqlite3';
import type {
  LibraryFacets,
  LibraryFilter,
  LibraryFilterKind,
  LibrarySort,
  LibrarySortKey,
} from '../../../shared/corpus/library-query';
import { ApiError } from '../../../shared/contract/errors';
import type { ArticleSummary } from '../../../shared/domain/schemas';
import { parseSearchQuery, RANKED_MATCHES_MAX, type SearchQuery } from '../../../shared/search/query';
import { foldVietnamese } from '../../../shared/text/fold';
import { adjacentQuery, searchMatchQuery, wordsQuery } from '../search/fts-query';
import { displayTitleOf } from './articles';
import { FOLDED_TABLE, RANK, SearchStore } from './search-index';
import { ATTRIBUTE_VALUES_TABLE } from './span-indexes';
import { changeFingerprint } from './snapshots';
import { SortKeyWriter } from './sort-keys';
import { writeTransaction } from './write-transaction';

/** SQL over `library_facets f`. */
export interface SqlPart {
  where: string;
  params: Record<string, unknown>;
}

/** Names the parameters of one filter so that two filters never share one. */
type Builder<K extends LibraryFilterKind> = (value: NonNullable<LibraryFilter[K]>, context: BuildContext) => SqlPart;

interface BuildContext {
  /** Sources whose folded form contains the folded text query (sources are few; folded in JS). */
  sourcesMatching(text: string): string[];
  /** The type of a document field (`text`, `enum`, …); not_found when there is no such field. */
  fieldType(key: string): string;
  /** The type of a label's attribute; not_found when the label defines no such attribute. */
  attributeType(label: string, key: string): string;
  /**
   * `column` as a filter writes it: prefixed with `+` (no index may serve it) when the page is
   * ordered through another column's index, so SQLite walks that index and stops at the page's
   * last row instead of reading every row the filter keeps to sort them.
   */
  filterColumn(column: 'f.status' | 'f.published_at'): string;
}

/** Named parameters `@prefix0, @prefix1…` for `IN (…)`, with their values. */
export const list = (prefix: string, values: readonly unknown[]) => {
  const names = values.map((_, index) => `${prefix}${index}`);
  return {
    sql: names.map((name) => `@${name}`).join(', '),
    params: Object.fromEntries(names.map((name, index) => [name, values[index]])),
  };
};

/** A stored date with a year: `2023`, `2023-06`, `2023-06-30`, `2023-06-30T14:45+07:00`. */
const HAS_YEAR = `f.published_at GLOB '[0-9][0-9][0-9][0-9]*'`;

/**
 * One SQL builder per entry of LIBRARY_FILTERS (shared/corpus/library-query.ts); the mapped type
 * makes a filter without a builder a compile error. Every builder reads only `library_facets`,
 * the `annotations` indexes of migration 009, the full-text index, `article_fields` by its
 * field index (migration 013), `entity_links` by entity (migration 014), or the attribute values
 * (migration 021).
 */
const FILTER_SQL: { [K in LibraryFilterKind]: Builder<K> } = {
  text: (text, context) => {
    const sources = list('text_source', context.sourcesMatching(text));
    const bySource = sources.sql ? ` OR f.source IN (${sources.sql})` : '';
    const byText = `f.article_id IN (SELECT rowid FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH @text_fts)`;
    return { where: `(${byText}${bySource})`, params: sources.params };
  },
  status: (statuses, context) => {
    const values = list('status', statuses);
    return { where: `${context.filterColumn('f.status')} IN (${values.sql})`, params: values.params };
  },
  source: (sources) => {
    const values = list('source', sources);
    return { where: `f.source IN (${values.sql})`, params: values.params };
  },
  // A partial date stands for its whole period: it must start at or after `from` and end at or
  // before the end of `to`. "~" sorts after every digit, "-" and "T", so `x || '~'` is the end of x.
  published: ({ from, to }, context) => ({
    where: [
      HAS_YEAR,
      from ? `${context.filterColumn('f.published_at')} >= @published_from` : '',
      to ? `f.published_at || '~' <= @published_to` : '',
    ]
      .filter(Boolean)
      .join(' AND '),
    params: { ...(from ? { published_from: from } : {}), ...(to ? { published_to: `${to}~` } : {}) },
  }),
  undated: () => ({ where: `(f.published_at IS NULL OR NOT ${HAS_YEAR})`, params: {} }),
  // Span filters probe the (label, article) and (author, article) indexes per row. As `article_id
  // IN (subquery)` beside the text filter's, SQLite walked both id lists as a product (20 s at
  // 10,000 articles for words + a label).
  labels: (labels) => ({
    where: labels
      .map(
        (_, index) =>
          `EXISTS (SELECT 1 FROM annotations WHERE label_key = @label${index} AND article_id = f.article_id)`,
      )
      .join(' AND '),
    params: list('label', labels).params,
  }),
  authors: (authors) => {
    const values = list('author', authors);
    return {
      where: `EXISTS (SELECT 1 FROM annotations WHERE author IN (${values.sql}) AND article_id = f.article_id)`,
      params: values.params,
    };
  },
  field: ({ key, value }, context) => {
    const match = valueMatches(context.fieldType(key), value, 'field', JSON_ITEM);
    return {
      where: `f.article_id IN (SELECT v.article_id FROM article_fields v, json_each(v.value_json) AS item
        WHERE v.field_key = @field_key AND ${match.where})`,
      params: { field_key: key, ...match.params },
    };
  },
  // Probes the attribute values of migration 021 per row by (label, key, article), as `labels`
  // probes its index; the JSON of the label's spans is never parsed. (As `article_id IN (list)`
  // beside the entity's list and a status, SQLite probed their product: 2.4 s.)
  attribute: ({ label, key, value }, context) => {
    const match = valueMatches(context.attributeType(label, key), value, 'attribute', {
      type: 'v.value_type',
      value: 'v.value',
    });
    return {
      where: `EXISTS (SELECT 1 FROM ${ATTRIBUTE_VALUES_TABLE} v WHERE v.label_key = @attribute_label
        AND v.attribute_key = @attribute_key AND v.article_id = f.article_id AND ${match.where})`,
      params: { attribute_label: label, attribute_key: key, ...match.params },
    };
  },
  // An entity has few mentions: its articles are read once through entity_links_by_entity.
  entity: (entityId) => ({
    where: `f.article_id IN (SELECT n.article_id FROM entity_links l JOIN annotations n ON n.id = l.annotation_id
      WHERE l.entity_id = @entity_id)`,
    params: { entity_id: entityId },
  }),
};

/** The columns holding a value and its `json_each` type. */
interface ValueColumns {
  type: string;
  value: string;
}
const JSON_ITEM: ValueColumns = { type: 'item.type', value: 'item.value' };

/**
 * Whether a value (a `json_each` row, or its copy in the attribute values table) holds `value`,
 * for a field or attribute of `type`. json_each walks a list's items and yields a single value as
 * itself; it gives true/false as 1/0 with the type 'true'/'false', so the type is compared too. A
 * text value matches by contents.
 */
function valueMatches(type: string, value: string | number | boolean, prefix: string, columns: ValueColumns): SqlPart {
  if (type === 'text') {
    return {
      where: `${columns.type} = 'text' AND instr(lower(${columns.value}), lower(@${prefix}_value)) > 0`,
      params: { [`${prefix}_value`]: String(value) },
    };
  }
  const itemType =
    typeof value === 'string'
      ? 'text'
      : typeof value === 'boolean'
        ? String(value)
        : Number.isInteger(value)
          ? 'integer'
          : 'real';
  return {
    where: `${columns.type} = @${prefix}_type AND ${columns.value} = @${prefix}_value`,
    params: {
      [`${prefix}_value`]: typeof value === 'boolean' ? Number(value) : value,
      [`${prefix}_type`]: itemType,
    },
  };
}

const STATUS_RANK = `CASE f.status WHEN 'new' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END`;

const ORDER_COLUMNS: Record<Exclude<LibrarySortKey, 'relevance'>, string> = {
  imported: 'f.imported_at',
  title: 'f.title_sort',
  source: 'f.source_sort',
  published: 'f.published_at',
  words: 'f.word_count',
  annotations: 'f.annotation_count',
  status: STATUS_RANK,
};

/** Sorts whose column has an index `(column, article_id)` (migration 009); status sorts by a rank. */
type IndexedOrder = Exclude<LibrarySortKey, 'relevance' | 'status'>;
const INDEXED_ORDER = new Set<LibrarySortKey>(['imported', 'title', 'source', 'published', 'words', 'annotations']);

interface SummaryRow {
  id: number;
  title: string | null;
  source: string | null;
  published_at: string | null;
  word_count: number;
  annotation_count: number;
  status: ArticleSummary['status'];
  imported_at: string;
  updated_at: string;
  head: string;
}

/**
 * The library's reads at corpus scale: count, sort and page in SQL over `library_facets`
 * (migration 009), so only the rows on screen ever leave the store.
 */
export class LibraryStore {
  private readonly sortKeys: SortKeyWriter;
  private readonly search: SearchStore;
  private sources: { fingerprint: string; sources: string[] } | null = null;

  /** `rankedMatchesMax`: RANKED_MATCHES_MAX (shared/search/query.ts), smaller in tests. */
  constructor(
    private readonly db: Database,
    private readonly rankedMatchesMax = RANKED_MATCHES_MAX,
  ) {
    this.sortKeys = new SortKeyWriter(db);
    this.search = new SearchStore(db, rankedMatchesMax);
  }

  /** Fills the keys a trigger cleared (title or source edited) or an import left empty. */
  fillSortKeys(): void {
    const missing = this.db
      .prepare(
        `SELECT f.article_id AS id FROM library_facets f INDEXED BY library_facets_unsorted
         WHERE f.title_sort IS NULL OR f.source_sort IS NULL`,
      )
      .pluck()
      .all() as number[];
    if (missing.length === 0) return;
    const read = this.db.prepare(`SELECT title, source, substr(text, 1, 200) AS head FROM articles WHERE id = ?`);
    writeTransaction(this.db, () => {
      for (const id of missing) {
        const row = read.get(id) as { title: string | null; source: string | null; head: string } | undefined;
        if (row) this.sortKeys.write(id, displayTitleOf(row.title, row.head), row.source);
      }
    });
  }

  count(filter: LibraryFilter): number {
    // Words alone, no source holding them: FTS5 counts its matches (7–13 ms at 100,000 articles)
    // without the library's rows probed against a list of every match (25–35 ms).
    if (this.isWordsAlone(filter)) {
      return this.db
        .prepare(`SELECT count(*) FROM ${FOLDED_TABLE} WHERE ${FOLDED_TABLE} MATCH ?`)
        .pluck()
        .get(searchMatchQuery(this.indexQuery(filter.text ?? ''))) as number;
    }
    const { from, where, params } = this.compile(filter);
    return this.db.prepare(`SELECT count(*) FROM ${from} ${where}`).pluck().get(params) as number;
  }

  /** A filter of words alone, which no source holds: its count is FTS5's count of its matches. */
  private isWordsAlone(filter: LibraryFilter): boolean {
    return (
      filter.text !== undefined && Object.keys(filter).length === 1 && this.sourcesMatching(filter.text).length === 0
    );
  }

  /**
   * Ids of one page, in the sort's order; ties in import order (ids are given in import order).
   * The order is an index's (column, article_id), so a page is a walk of that index. `broad`: the
   * page is by relevance for words in more than RANKED_MATCHES_MAX articles (see rankedPage).
   * `total`: count(filter), when the caller has it.
   */
  page(
    filter: LibraryFilter,
    sort: LibrarySort,
    offset: number,
    limit: number,
    total?: number,
  ): { ids: number[]; broad: boolean } {
    if (sort.key === 'relevance' && filter.text !== undefined)
      return this.rankedPage(filter, sort, offset, limit, total);
    const { from, where, params } = this.compile(filter, sort.key);
    const direction = sort.direction === 'ascending' ? 'ASC' : 'DESC';
    const order =
      sort.key === 'relevance'
        ? `f.imported_at ${direction}, f.article_id ${direction}`
        : `${ORDER_COLUMNS[sort.key]} ${direction}, f.article_id ${direction}`;
    const ids = this.db
      .prepare(`SELECT f.article_id FROM ${from} ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...params, limit, offset }) as number[];
    return { ids, broad: false };
  }

  /**
   * A page by relevance, as SearchStore.rankedIds orders: the articles with the words one after
   * the other (`a`, when the query has several words) first; then the other text matches (`s`);
   * then those found by their source only (descending reverses it all). Within each group by
   * bm25 (those found by their source only in import order), or newest first when the words are
   * in more than RANKED_MATCHES_MAX articles (`broad`). bm25 makes FTS5 score every row it is
   * asked for, so a first page inside the first group (a few thousand articles where the words are
   * in most of 100,000) ranks that group alone.
   */
  private rankedPage(
    filter: LibraryFilter,
    sort: LibrarySort,
    offset: number,
    limit: number,
    total: number | undefined,
  ): { ids: number[]; broad: boolean } {
    const query = this.indexQuery(filter.text ?? '');
    const adjacent = adjacentQuery(query);
    const broad = query.terms.length > 0 && this.isBroad(query, filter, total);
    if (broad && sort.direction === 'ascending' && this.sourcesMatching(filter.text ?? '').length === 0) {
      return { ids: this.newestPage(filter, adjacent, offset, limit), broad };
    }
    const { from, where, params } = this.compile(filter, 'relevance');
    const ranks = (name: string, match: string) =>
      `${name} AS MATERIALIZED (SELECT rowid AS id, ${broad ? 'NULL' : RANK} AS rank FROM ${FOLDED_TABLE}
         WHERE ${FOLDED_TABLE} MATCH ${match})`;
    if (adjacent !== null && sort.direction === 'ascending' && !broad) {
      // The text filter itself is left out: the first group holds the words already.
      const others = this.compile({ ...filter, text: undefined }, 'relevance');
      const first = this.db
        .prepare(
          `WITH ${ranks('a', '@adjacent')} SELECT f.article_id FROM ${from} JOIN a ON a.id = f.article_id ${others.where}
           ORDER BY a.rank, f.imported_at, f.article_id LIMIT @limit OFFSET @offset`,
        )
        .pluck()
        .all({ ...others.params, adjacent, limit, offset }) as number[];
      if (first.length === limit) return { ids: first, broad };
    }
    const direction = sort.direction === 'ascending' ? 'ASC' : 'DESC';
    const inFirst = adjacent === null ? 'false' : 'a.id IS NOT NULL';
    const withinGroups = broad
      ? `f.article_id ${sort.direction === 'ascending' ? 'DESC' : 'ASC'}`
      : // One word has no adjacent group (`a`) to read a rank from.
        `${adjacent === null ? 's.rank' : `CASE WHEN ${inFirst} THEN a.rank ELSE s.rank END`} ${direction},
         f.imported_at ${direction}, f.article_id ${direction}`;
    const ids = this.db
      .prepare(
        `WITH ${ranks('s', '@text_fts')}${adjacent === null ? '' : `, ${ranks('a', '@adjacent')}`}
       SELECT f.article_id FROM ${from} LEFT JOIN s ON s.id = f.article_id
         ${adjacent === null ? '' : 'LEFT JOIN a ON a.id = f.article_id'} ${where}
       ORDER BY CASE WHEN ${inFirst} THEN 0 WHEN s.id IS NOT NULL THEN 1 ELSE 2 END ${direction}, ${withinGroups}
       LIMIT @limit OFFSET @offset`,
      )
      .pluck()
      .all({ ...params, ...(adjacent === null ? {} : { adjacent }), limit, offset }) as number[];
    return { ids, broad };
  }

  /**
   * Whether the words of `query` are in more than RANKED_MATCHES_MAX articles. The count of a
   * filter of unquoted words alone is the count of those words' matches, so when the caller has
   * it (`total`) it decides without the walk of SearchStore.isBroad (10,001 matches: 5–10 ms).
   */
  private isBroad(query: SearchQuery, filter: LibraryFilter, total: number | undefined): boolean {
    if (total !== undefined && query.phrases.length === 0 && this.isWordsAlone(filter)) {
      return total > this.rankedMatchesMax;
    }
    return this.search.isBroad(wordsQuery(query));
  }

  /**
   * rankedPage for broad words, ascending, when no source holds them: the adjacent group newest
   * first, then the other matches newest first. Each group is a walk of the full-text index in
   * descending rowid order that stops at the page's end; nothing is scored or sorted.
   */
  private newestPage(filter: LibraryFilter, adjacent: string | null, offset: number, limit: number): number[] {
    const others = this.compile({ ...filter, text: undefined }, 'relevance');
    const group = (match: string, excluding: readonly number[], skip: number, count: number) =>
      this.db
        .prepare(
          `SELECT s.rowid FROM ${FOLDED_TABLE} s JOIN library_facets f ON f.article_id = s.rowid
           WHERE s.${FOLDED_TABLE} MATCH @match AND s.rowid NOT IN (SELECT value FROM json_each(@excluding))
             ${others.conditions ? `AND ${others.conditions}` : ''}
           ORDER BY s.rowid DESC LIMIT @count OFFSET @skip`,
        )
        .pluck()
        .all({ ...others.params, match, excluding: JSON.stringify(excluding), skip, count }) as number[];
    const first = adjacent === null ? [] : group(adjacent, [], offset, limit);
    if (first.length === limit) return first;
    // The whole adjacent group under the filter: skipped in the second group, and counted to place
    // the page in it (from the first page, what was read is all of it).
    const adjacentIds = adjacent === null ? [] : offset === 0 ? first : group(adjacent, [], 0, -1);
    const match = searchMatchQuery(this.indexQuery(filter.text ?? ''));
    return [...first, ...group(match, adjacentIds, Math.max(0, offset - adjacentIds.length), limit - first.length)];
  }

  /** Every id under the filter, in import order. */
  ids(filter: LibraryFilter): number[] {
    const { from, where, params } = this.compile(filter);
    return this.db
      .prepare(`SELECT f.article_id FROM ${from} ${where} ORDER BY f.imported_at, f.article_id`)
      .pluck()
      .all(params) as number[];
  }

  /**
   * The articles under `filter` as a subquery for `article_id IN (…)`, with its parameters; null
   * when the filter is empty (every article). The dashboard and the concordance scope by it.
   */
  scope(filter: LibraryFilter): SqlPart | null {
    const { from, where, params } = this.compile(filter);
    return where ? { where: `SELECT f.article_id FROM ${from} ${where}`, params } : null;
  }

  /** Summaries of `ids`, in the same order. */
  summaries(ids: readonly number[]): ArticleSummary[] {
    if (ids.length === 0) return [];
    const values = list('id', ids);
    const rows = this.db
      .prepare(
        `SELECT a.id, a.title, f.source, f.published_at, f.word_count, f.status, f.imported_at, a.updated_at,
           substr(a.text, 1, 200) AS head, f.annotation_count
         FROM articles a JOIN library_facets f ON f.article_id = a.id WHERE a.id IN (${values.sql})`,
      )
      .all(values.params) as SummaryRow[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row
        ? [
            {
              id: row.id,
              title: row.title,
              displayTitle: displayTitleOf(row.title, row.head),
              source: row.source,
              publishedAt: row.published_at,
              wordCount: row.word_count,
              annotationCount: row.annotation_count,
              status: row.status,
              importedAt: row.imported_at,
              updatedAt: row.updated_at,
            },
          ]
        : [];
    });
  }

  facets(): LibraryFacets {
    const sources = this.db
      .prepare(
        `SELECT source, count(*) AS count FROM library_facets WHERE source IS NOT NULL
         GROUP BY source ORDER BY count DESC, source LIMIT 500`,
      )
      .all() as { source: string; count: number }[];
    // The articles each author annotated, from the dashboard's counters (migration 015, kept by
    // triggers): counted over the spans, it read every entry of an index of 1,000,000 (150 ms), in
    // the call the library sends after its first paint, on the host that then answers the first sort.
    const authors = this.db
      .prepare(
        `SELECT author, articles AS count FROM dashboard_author WHERE author <> '' AND articles > 0
         ORDER BY articles DESC, author LIMIT 200`,
      )
      .all() as { author: string; count: number }[];
    // The first and last dated entries of the date index, each a walk from one end that stops at the
    // first (min() and max() under the condition read every entry: 17 ms).
    const yearAt = (direction: 'ASC' | 'DESC') =>
      `CAST(substr((SELECT f.published_at FROM library_facets f
         WHERE f.published_at >= '0' AND f.published_at < ':' AND ${HAS_YEAR}
         ORDER BY f.published_at ${direction} LIMIT 1), 1, 4) AS INTEGER)`;
    const years = this.db.prepare(`SELECT ${yearAt('ASC')} AS first, ${yearAt('DESC')} AS last`).get() as {
      first: number | null;
      last: number | null;
    };
    return {
      sources,
      authors,
      years: years.first !== null && years.last !== null ? { first: years.first, last: years.last } : null,
    };
  }

  /** Sources whose folded form contains the folded `text` (sources are few; folded in JS). */
  private sourcesMatching(text: string): string[] {
    const folded = foldVietnamese(text);
    return folded ? this.distinctSources().filter((source) => foldVietnamese(source).includes(folded)) : [];
  }

  /** The words of a text filter as the full-text index matches them (SearchStore.forIndex). */
  private indexQuery(text: string): SearchQuery {
    return this.search.forIndex(parseSearchQuery(text));
  }

  /**
   * Distinct sources; few (one per news site), so matching them in JS costs nothing. They are kept
   * until the database changes (`changeFingerprint`: any write, here or elsewhere).
   */
  private distinctSources(): string[] {
    const fingerprint = changeFingerprint(this.db);
    if (this.sources?.fingerprint !== fingerprint) {
      // One seek of the source index per source, each to the next greater one: DISTINCT read every
      // entry of it (100,000 articles: 5–7 ms for 24 sources), on each text query after a write
      // and on the first in a process. min() skips the articles without a source.
      const sources = this.db
        .prepare(
          `WITH RECURSIVE next(source) AS (
             SELECT min(source) FROM library_facets
             UNION ALL
             SELECT (SELECT min(source) FROM library_facets WHERE source > next.source) FROM next
             WHERE next.source IS NOT NULL)
           SELECT source FROM next WHERE source IS NOT NULL`,
        )
        .pluck()
        .all() as string[];
      this.sources = { fingerprint, sources };
    }
    return this.sources.sources;
  }

  private compile(
    filter: LibraryFilter,
    /** The page's sort, when the query pages (count and id lists leave it out). */
    orderedBy: LibrarySortKey | null = null,
  ): {
    from: string;
    where: string;
    /** `where` without WHERE ('' for none), to add to other conditions. */
    conditions: string;
    params: Record<string, unknown>;
  } {
    const parts: SqlPart[] = [];
    const context: BuildContext = {
      sourcesMatching: (text) => this.sourcesMatching(text),
      fieldType: (key) => {
        const type = this.db
          .prepare(`SELECT json_extract(spec_json, '$.type') FROM field_defs WHERE key = ?`)
          .pluck()
          .get(key) as string | undefined;
        if (type === undefined) throw ApiError.of('not_found', 'fieldDefNotFound', { key });
        return type;
      },
      attributeType: (label, key) => {
        const type = this.db
          .prepare(`SELECT json_extract(spec_json, '$.type') FROM attribute_defs WHERE label_key = ? AND key = ?`)
          .pluck()
          .get(label, key) as string | undefined;
        if (type === undefined) {
          throw ApiError.of('not_found', 'labelAttributeNotFound', { label, key });
        }
        return type;
      },
      filterColumn: (column) =>
        orderedBy !== null && INDEXED_ORDER.has(orderedBy) && ORDER_COLUMNS[orderedBy as IndexedOrder] !== column
          ? `+${column}`
          : column,
    };
    for (const kind of Object.keys(FILTER_SQL) as LibraryFilterKind[]) {
      const value = filter[kind];
      if (value === undefined) continue;
      parts.push((FILTER_SQL[kind] as Builder<typeof kind>)(value as never, context));
    }
    const from = 'library_facets f';
    const params: Record<string, unknown> = Object.assign({}, ...parts.map((part) => part.params));
    // No words (only punctuation): nothing matches the text, only sources can.
    if (filter.text !== undefined) params.text_fts = searchMatchQuery(this.indexQuery(filter.text));
    const conditions = parts.map((part) => `(${part.where})`).join(' AND ');
    return { from, where: conditions ? `WHERE ${conditions}` : '', conditions, params };
  }
}
