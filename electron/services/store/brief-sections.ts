import type { Database } from 'better-sqlite3';
import type { LibraryFilter } from '../../../shared/corpus/library-query';
import { displayTitleOf } from './articles';
import { list, type LibraryStore } from './library';

/** One span picked for a generated brief section, with its article's metadata. */
export interface SectionSpanRow {
  id: number;
  articleId: number;
  labelKey: string;
  startU16: number;
  endU16: number;
  quote: string;
  articleTitle: string;
  source: string | null;
  publishedAt: string | null;
}

export interface SectionSpans {
  /** At most `perLabel` rows per label, by publication date (undated last), article, offset. */
  rows: SectionSpanRow[];
  /** Spans per label under the filter, listed or not. */
  totals: Map<string, number>;
}

/** A proposal's proposer: the entity linked to the tail span when there is one, else its quote. */
export interface ProposerRow {
  proposalId: number;
  name: string;
}

/** The reads of the generated brief sections (electron/services/briefs/sections). */
export class BriefSectionStore {
  constructor(
    private readonly db: Database,
    private readonly library: LibraryStore,
  ) {}

  /**
   * Spans of `labelKeys` in the articles under `filter`. Spans that several authors made on the
   * same range count once (the oldest stands for them): a section cites a passage, not a layer.
   */
  spans(labelKeys: readonly string[], filter: LibraryFilter, perLabel: number): SectionSpans {
    if (labelKeys.length === 0) return { rows: [], totals: new Map() };
    const labels = list('section_label', labelKeys);
    const scope = this.library.scope(filter);
    const rows = this.db
      .prepare(
        `WITH distinct_spans AS (
           SELECT min(n.id) AS id, n.article_id, n.label_key, n.start, n."end"
           FROM annotations n
           WHERE n.label_key IN (${labels.sql}) ${scope ? `AND n.article_id IN (${scope.where})` : ''}
           GROUP BY n.article_id, n.label_key, n.start, n."end"
         ),
         ranked AS (
           SELECT s.*, f.source, f.published_at,
             row_number() OVER (PARTITION BY s.label_key
               ORDER BY f.published_at IS NULL, f.published_at, s.article_id, s.start, s.id) AS rank,
             count(*) OVER (PARTITION BY s.label_key) AS label_total
           FROM distinct_spans s JOIN library_facets f ON f.article_id = s.article_id
         )
         SELECT r.id, r.article_id, r.label_key, r.start, r."end", n.quote, a.title,
           substr(a.text, 1, 200) AS head, r.source, r.published_at, r.label_total
         FROM ranked r JOIN annotations n ON n.id = r.id JOIN articles a ON a.id = r.article_id
         WHERE r.rank <= @section_per_label
         ORDER BY r.label_key, r.rank`,
      )
      .all({ ...labels.params, ...scope?.params, section_per_label: perLabel }) as {
      id: number;
      article_id: number;
      label_key: string;
      start: number;
      end: number;
      quote: string;
      title: string | null;
      head: string;
      source: string | null;
      published_at: string | null;
      label_total: number;
    }[];
    const totals = new Map(rows.map((row) => [row.label_key, row.label_total]));
    return {
      rows: rows.map((row) => ({
        id: row.id,
        articleId: row.article_id,
        labelKey: row.label_key,
        startU16: row.start,
        endU16: row.end,
        quote: row.quote,
        articleTitle: displayTitleOf(row.title, row.head),
        source: row.source,
        publishedAt: row.published_at,
      })),
      totals,
    };
  }

  /**
   * Who made each proposal, from `relationType` relations (proposal → person or organisation), in
   * text order of the proposer's span; an entity that was merged answers with the one it went into.
   */
  proposers(relationType: string, proposalIds: readonly number[]): ProposerRow[] {
    if (proposalIds.length === 0) return [];
    const ids = list('section_proposal', proposalIds);
    return this.db
      .prepare(
        `SELECT r.head_id AS proposalId, coalesce(m.name, e.name, t.quote) AS name
         FROM relations r JOIN annotations t ON t.id = r.tail_id
         LEFT JOIN entity_links l ON l.annotation_id = t.id
         LEFT JOIN entities e ON e.id = l.entity_id
         LEFT JOIN entities m ON m.id = e.merged_into
         WHERE r.type_key = @section_relation AND r.head_id IN (${ids.sql})
         ORDER BY r.head_id, t.start, t.id`,
      )
      .all({ ...ids.params, section_relation: relationType }) as ProposerRow[];
  }
}
