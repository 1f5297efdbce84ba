import type { Migration } from './types';

/**
 * Two indexes for the corpus's reads (issue 13).
 *
 * `annotations_by_article` (an article's spans in text order) also holds each span's label and
 * quote, so the reads that want only those of the spans of many articles never touch a row of
 * `annotations` (wide rows: note, attributes, times; one table page per span):
 * - the labels covering each concordance hit (`CorpusStore.labelsCovering`: article, range, label);
 * - the top entity quotes of a filtered dashboard (`GROUP BY label_key, quote` over the spans of
 *   the articles in scope): 150 ms CPU for the 3,900 articles of one source out of 24 at
 *   1,000,000 spans through `annotations_by_label` and the table, 46 ms from this index.
 * It replaces the index of the same name (same leading columns, so every query it served still
 * uses it), so a span written still updates one index for it, a little wider.
 *
 * `library_facets_by_source`: the articles of a source. The library's source filter, its count and
 * the scope of a dashboard or concordance under it scanned every facet row (the facets' source
 * index is of the sort key, `source_sort`, which a filter by the stored name cannot use): 100,000
 * rows for a count, 7 ms warm and over 100 ms cold; 0.1 ms from this index.
 */
export const migration024CorpusReadIndexes: Migration = {
  version: 24,
  name: 'spans by article with label and quote; facets by source',
  up(db) {
    db.exec(`
      DROP INDEX annotations_by_article;
      CREATE INDEX annotations_by_article ON annotations (article_id, start, "end", label_key, quote);
      CREATE INDEX library_facets_by_source ON library_facets (source);
    `);
  },
};
